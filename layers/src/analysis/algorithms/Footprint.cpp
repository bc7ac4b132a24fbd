// footprint: per task, lead agency or document, where the plan acts on the map; or the tasks
// that have no place on it.
#include "planatlas/layers/analysis/Footprint.h"

#include "planatlas/layers/analysis/Algorithm.h"

namespace pa::analysis {

Algorithm footprintAlgorithm()
{
    using T = Parameter::Type;
    return {
        "footprint",
        "Dấu vết của kế hoạch trên bản đồ",
        "Plan footprint",
        "per task, lead agency or document: tasks, located tasks, linked features, area (ha),\n"
        "length (km), units touched; with unlocated, the tasks with no place on the map instead",
        {{.name = "by",
          .type = T::Choice,
          .titleVi = "Theo",
          .titleEn = "By",
          .help = "task, agency or document",
          .metavar = "WHAT",
          .defaultValue = "task",
          .choices = {"task", "agency", "document"},
          .choiceTitlesVi = {"Nhiệm vụ", "Cơ quan chủ trì", "Văn bản"},
          .choiceTitlesEn = {"Task", "Lead agency", "Document"}},
         {.name = "units",
          .type = T::Layer,
          .titleVi = "Đơn vị",
          .titleEn = "Units",
          .help = "polygon layer whose units each row touches",
          .metavar = "LAYER",
          .layerKinds = {"admin_*", "analysis_grid"},
          .polygonsOnly = true},
         {.name = "unlocated",
          .type = T::Flag,
          .titleVi = "Nhiệm vụ chưa có vị trí",
          .titleEn = "Tasks without a place",
          .help = "list the tasks that have no place on the map"},
         {.name = "due_before",
          .type = T::Date,
          .titleVi = "Hạn trước ngày",
          .titleEn = "Due before",
          .help = "only tasks whose deadline ends before DATE (2026-06-30, 30/6/2026): what is "
                  "overdue\n"
                  "on that day if not done",
          .metavar = "DATE"}},
        [](layers::Workspace& ws, const ParameterValues& v, const layers::Progress& progress) {
            const std::string byText = v.text("by", "task");
            const auto by = byText == "agency"     ? FootprintBy::Agency
                            : byText == "document" ? FootprintBy::Document
                                                   : FootprintBy::Task;
            auto r = footprint(ws, by, v.text("units"), progress, v.text("due_before"));
            Result out;
            out.tables = {tables::footprint(r), tables::unlocated(r)};
            if (v.flag("unlocated"))
                std::swap(out.tables[0], out.tables[1]);
            out.summary = {
                {"by", byText},
                {"units", r.unitsLayer.empty() ? SummaryValue() : SummaryValue(r.unitsLayer)},
                {"unlocated_reviewed", r.unlocatedReviewed},
                {"unlocated_by_document", r.unlocatedByDocument},
                {"unlocated_by_agency", r.unlocatedByAgency},
                {"dangling_links", r.danglingLinks},
                {"due_before", r.dueBefore.empty() ? SummaryValue() : SummaryValue(r.dueBefore)},
                {"tasks_not_due", r.tasksNotDue}};
            if (!r.dueBefore.empty())
                out.messages.push_back(
                    "tasks due before " + r.dueBefore + " only; " + std::to_string(r.tasksNotDue) +
                    " task(s) left out (due later, ongoing or without a deadline)");
            if (r.danglingLinks)
                out.messages.push_back(
                    std::to_string(r.danglingLinks) +
                    " link(s) point to features that no longer exist; ignored (planatlas "
                    "validate lists them)");
            out.notes = r.notes;
            out.keep(std::move(r));
            return out;
        }};
}

} // namespace pa::analysis
