#include "planatlas/layers/plan/Corrections.h"

#include "Agencies_p.h"
#include "Deadlines_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Hash.h"
#include "planatlas/layers/Text.h"

#include <algorithm>

namespace pa::plan {

std::string taskTextKey(const std::string& text)
{
    return layers::sha256Hex(text::foldForMatch(text)).substr(0, 20);
}

namespace {

std::vector<std::string> splitNames(const std::string& value)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto semi = value.find(';', start);
        std::string name =
            value.substr(start, semi == std::string::npos ? std::string::npos : semi - start);
        while (!name.empty() && name.front() == ' ')
            name.erase(0, 1);
        while (!name.empty() && name.back() == ' ')
            name.pop_back();
        if (!name.empty())
            out.push_back(name);
        if (semi == std::string::npos)
            break;
        start = semi + 1;
    }
    return out;
}

/// An agency as the reader names it: the registry's when the words name a registered body.
AgencyInfo agencyNamed(const std::string& written, const std::string& province)
{
    const text::FoldedText f = text::foldWithOffsets(written);
    for (const auto& m : findAgencies(written, f, province))
        if (m.def && m.begin == 0 && m.end >= written.size() - 1)
            return toInfo(*m.def);
    AgencyInfo info = unregisteredAgency(written);
    info.collective = text::foldForMatch(written).rfind("cac ", 0) == 0;
    return info;
}

} // namespace

CorrectionReport applyCorrections(ParsedPlan& plan, const std::vector<Correction>& corrections)
{
    CorrectionReport report;
    std::vector<std::string> keys; // the reader's words of each task, before any correction
    for (const auto& t : plan.tasks)
        keys.push_back(taskTextKey(t.text));
    auto find = [&](const std::string& key, const std::string& id) -> std::ptrdiff_t {
        for (std::size_t i = 0; i < plan.tasks.size(); ++i)
            if (!key.empty() && keys[i] == key)
                return static_cast<std::ptrdiff_t>(i);
        for (std::size_t i = 0; i < plan.tasks.size(); ++i)
            if (plan.tasks[i].id == id)
                return static_cast<std::ptrdiff_t>(i);
        return -1;
    };
    auto remember = [&](const AgencyInfo& a) {
        if (std::none_of(plan.agencies.begin(), plan.agencies.end(),
                         [&](const AgencyInfo& b) { return b.id == a.id; }))
            plan.agencies.push_back(a);
        return a.name;
    };
    for (const auto& c : corrections) {
        const std::ptrdiff_t at = find(c.textKey, c.taskId);
        if (at < 0) {
            report.unmatched.push_back(c.taskId + " (" + c.action +
                                       (c.field.empty() ? "" : " " + c.field) + ")");
            continue;
        }
        Task& task = plan.tasks[static_cast<std::size_t>(at)];
        if (c.action == "drop") {
            plan.tasks.erase(plan.tasks.begin() + at);
            keys.erase(keys.begin() + at);
        } else if (c.action == "edit") {
            if (c.field == "lead" || c.field == "support") {
                std::vector<std::string> names;
                bool collective = true;
                for (const auto& written : splitNames(c.value)) {
                    const AgencyInfo a = agencyNamed(written, plan.document.province);
                    collective = collective && a.collective;
                    names.push_back(remember(a));
                }
                if (c.field == "lead") {
                    task.lead = names;
                    task.collective = collective && !names.empty();
                } else {
                    task.support = names;
                }
            } else if (c.field == "deadline") {
                task.deadline = deadlineOf(c.value);
                task.deadline.text = c.value;
            } else if (c.field == "text") {
                task.text = c.value;
            }
            task.rule = "corrected";
        } else if (c.action == "split") {
            const text::FoldedText f = text::foldWithOffsets(task.text);
            const std::string words = text::foldForMatch(c.value);
            const auto pos = words.empty() ? std::string::npos : f.folded.find(words);
            if (pos == std::string::npos || pos == 0)
                throw layers::Error(
                    layers::ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "task %1 has no words '%2' after its "
                                                     "beginning to split it at (its text: "
                                                     "'%3…')"),
                     {c.taskId, c.value, text::clipUtf8(task.text, 120)}});
            Task second = task;
            const std::size_t cut = f.origin[pos];
            second.text = task.text.substr(cut);
            task.text = task.text.substr(0, cut);
            while (!task.text.empty() &&
                   (task.text.back() == ' ' || task.text.back() == ';' || task.text.back() == ','))
                task.text.pop_back();
            second.id = task.id + "-2";
            second.rule = task.rule = "corrected";
            const std::string secondKey = taskTextKey(second.text);
            plan.tasks.insert(plan.tasks.begin() + at + 1, std::move(second));
            keys.insert(keys.begin() + at + 1, secondKey);
        } else if (c.action == "merge") {
            const std::ptrdiff_t other = find("", c.value);
            if (other < 0 || other == at) {
                report.unmatched.push_back(c.taskId + " (merge with " + c.value + ")");
                continue;
            }
            task.text += " " + plan.tasks[static_cast<std::size_t>(other)].text;
            task.rule = "corrected";
            report.merged.emplace_back(plan.tasks[static_cast<std::size_t>(other)].id, task.id);
            plan.tasks.erase(plan.tasks.begin() + other);
            keys.erase(keys.begin() + other);
        }
        ++report.applied;
    }
    return report;
}

std::vector<Correction> loadCorrections(layers::Workspace& workspace, const std::string& docId)
{
    std::vector<Correction> out;
    if (workspace.schemaVersion() < layers::kSchemaTaskDeadlines)
        return out;
    const auto rows = workspace.dataset().execute("SELECT task_id, text_key, action, field, value "
                                                  "FROM plan_task_corrections WHERE doc_id = " +
                                                  gis::sqlLiteral(docId) + " ORDER BY fid");
    for (const auto& r : rows.rows)
        out.push_back({gis::toString(r[0]),
                       gis::toString(r[1]),
                       gis::toString(r[2]),
                       gis::toString(r[3]),
                       gis::toString(r[4]),
                       {}});
    return out;
}

} // namespace pa::plan
