#include "planatlas/layers/plan/PlanStore.h"

#include "Agencies_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Text.h"

#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace pa::plan {

using gis::sqlIdentifier;
using gis::sqlLiteral;

namespace {

std::string slug(const std::string& text)
{
    return text::slug(text, '-');
}

std::string orNull(const std::string& s)
{
    return s.empty() ? "NULL" : sqlLiteral(s);
}

std::string scalar(gis::Dataset& ds, const std::string& sql)
{
    const auto r = ds.execute(sql);
    return r.rows.empty() || r.rows[0].empty() ? std::string() : gis::toString(r.rows[0][0]);
}

void upsertAgency(gis::Dataset& ds, const AgencyInfo& a, const std::string& province)
{
    ds.execute("INSERT OR IGNORE INTO plan_agencies (agency_id, name_vi) VALUES (" +
               sqlLiteral(a.id) + ", " + sqlLiteral(a.name) + ")");
    ds.execute("UPDATE plan_agencies SET name_vi = " + sqlLiteral(a.name) +
               ", abbreviation = " + orNull(a.abbreviation) +
               ", level = " + sqlLiteral(a.level.empty() ? "other" : a.level) +
               ", province = " + (a.level == "province" ? orNull(province) : "NULL") +
               ", valid_to = " + orNull(a.validTo) + ", successor_id = " + orNull(a.successorId) +
               " WHERE agency_id = " + sqlLiteral(a.id));
    std::set<std::string> aliases = {a.name};
    if (!a.abbreviation.empty())
        aliases.insert(a.abbreviation);
    if (const AgencyDef* def = findAgencyDef(a.id))
        for (auto pattern : def->patterns)
            aliases.insert(std::string(pattern));
    for (const auto& alias : aliases)
        ds.execute(
            "INSERT OR IGNORE INTO plan_agency_aliases (agency_id, alias, alias_folded) VALUES (" +
            sqlLiteral(a.id) + ", " + sqlLiteral(alias) + ", " +
            sqlLiteral(text::foldForMatch(alias)) + ")");
}

} // namespace

StoreReport storePlan(layers::Workspace& workspace, const ParsedPlan& readerPlan, std::string docId,
                      const std::string& sourceFile, const std::vector<Correction>& newCorrections)
{
    StoreReport report;
    ParsedPlan plan = readerPlan; // with the planners' corrections applied below
    auto& ds = workspace.dataset();
    // The same content already ingested: update it under its id (unless another id is asked for).
    const std::string existing =
        plan.contentSha256.empty()
            ? std::string()
            : scalar(ds, "SELECT doc_id FROM plan_documents WHERE content_sha256 = " +
                             sqlLiteral(plan.contentSha256));
    if (docId.empty())
        docId = !existing.empty() ? existing
                : !plan.document.number.empty()
                    ? slug(plan.document.number)
                    : slug(std::filesystem::path(sourceFile).stem().string());
    if (docId.empty())
        throw layers::Error(layers::ErrorKind::Usage, "cannot make a document id; pass --doc-id");
    if (!existing.empty() && existing != docId)
        throw layers::Error(layers::ErrorKind::Usage,
                            "this document is already in the workspace as '" + existing +
                                "'; ingest it under that id (or without --doc-id)");
    report.docId = docId;

    try {
        workspace.transaction([&] {
            // The planners' corrections: those stored, then the new ones, applied in order.
            for (const auto& c : newCorrections)
                ds.execute("INSERT INTO plan_task_corrections (doc_id, task_id, text_key, action, "
                           "field, value, made_at) "
                           "VALUES (" +
                           sqlLiteral(docId) + ", " + sqlLiteral(c.taskId) + ", " +
                           sqlLiteral(c.textKey) + ", " + sqlLiteral(c.action) + ", " +
                           orNull(c.field) + ", " + orNull(c.value) +
                           ", strftime('%Y-%m-%dT%H:%M:%fZ','now'))");
            report.corrections = applyCorrections(plan, loadCorrections(workspace, docId));
            const bool present =
                !scalar(ds, "SELECT doc_id FROM plan_documents WHERE doc_id = " + sqlLiteral(docId))
                     .empty();
            report.updated = present;
            const auto& d = plan.document;
            const std::string values =
                "doc_type = " + orNull(d.type) + ", number = " + orNull(d.number) +
                ", issued_on = " + orNull(d.date) + ", not_before = " + orNull(d.notBefore) +
                ", issuer = " + orNull(d.issuer) + ", province = " + orNull(d.province) +
                ", title = " + orNull(d.title) +
                ", source_file = " + orNull(std::filesystem::path(sourceFile).filename().string()) +
                ", content_sha256 = " + orNull(plan.contentSha256) +
                ", source_text = " + orNull(plan.sourceText) +
                ", ingested_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')";
            if (!present)
                ds.execute("INSERT INTO plan_documents (doc_id) VALUES (" + sqlLiteral(docId) +
                           ")");
            ds.execute("UPDATE plan_documents SET " + values +
                       " WHERE doc_id = " + sqlLiteral(docId));

            // Agencies, with the successors they point to.
            std::map<std::string, std::string> idByName;
            for (const auto& a : plan.agencies) {
                if (!a.successorId.empty())
                    if (const AgencyDef* s = findAgencyDef(a.successorId))
                        upsertAgency(ds, toInfo(*s), d.province);
                upsertAgency(ds, a, d.province);
                idByName[a.name] = a.id;
                ++report.agencies;
            }

            // Tasks: update those that stay, add new ones, remove the ones that are gone.
            std::set<std::string> oldIds;
            for (const auto& row :
                 ds.execute("SELECT task_id FROM plan_tasks WHERE doc_id = " + sqlLiteral(docId))
                     .rows)
                oldIds.insert(gis::toString(row[0]));
            std::set<std::string> newIds;
            int ordinal = 0;
            for (const auto& t : plan.tasks) {
                const std::string id = docId + ":" + t.id;
                newIds.insert(id);
                const std::string set = "section = " + orNull(t.section) +
                                        ", heading = " + orNull(t.heading) +
                                        ", text = " + sqlLiteral(t.text) +
                                        ", collective = " + (t.collective ? "1" : "0") +
                                        ", ordinal = " + std::to_string(++ordinal) +
                                        ", deadline = " + orNull(t.deadline.normalised) +
                                        ", deadline_text = " + orNull(t.deadline.text) +
                                        ", product = " + orNull(t.product) +
                                        ", part = " + orNull(t.part) + ", rule = " + orNull(t.rule);
                if (oldIds.contains(id)) {
                    ds.execute("UPDATE plan_tasks SET " + set +
                               " WHERE task_id = " + sqlLiteral(id));
                    ++report.tasksUpdated;
                } else {
                    ds.execute("INSERT INTO plan_tasks (task_id, doc_id, text) VALUES (" +
                               sqlLiteral(id) + ", " + sqlLiteral(docId) + ", " +
                               sqlLiteral(t.text) + ")");
                    ds.execute("UPDATE plan_tasks SET " + set +
                               " WHERE task_id = " + sqlLiteral(id));
                    ++report.tasksAdded;
                }
            }
            const auto linkTables =
                ds.execute("SELECT mapping_table_name FROM gpkgext_relations WHERE "
                           "related_table_name = 'plan_tasks'");
            // A task merged into another hands it its links.
            for (const auto& [gone, into] : report.corrections.merged)
                for (const auto& row : linkTables.rows) {
                    const std::string table = sqlIdentifier(gis::toString(row[0]));
                    ds.execute("UPDATE OR IGNORE " + table +
                               " SET related_id = (SELECT fid FROM plan_tasks WHERE task_id = " +
                               sqlLiteral(docId + ":" + into) +
                               ") WHERE related_id = (SELECT fid FROM plan_tasks WHERE "
                               "task_id = " +
                               sqlLiteral(docId + ":" + gone) + ")");
                }
            for (const auto& id : oldIds) {
                if (newIds.contains(id))
                    continue;
                const std::string fid =
                    "(SELECT fid FROM plan_tasks WHERE task_id = " + sqlLiteral(id) + ")";
                for (const auto& row : linkTables.rows) {
                    const std::string table = gis::toString(row[0]);
                    report.linksRemoved +=
                        std::stoll(scalar(ds, "SELECT COUNT(*) FROM " + sqlIdentifier(table) +
                                                  " WHERE related_id = " + fid));
                    ds.execute("DELETE FROM " + sqlIdentifier(table) +
                               " WHERE related_id = " + fid);
                }
                ds.execute("DELETE FROM plan_task_agencies WHERE task_id = " + sqlLiteral(id));
                ds.execute("DELETE FROM plan_link_suggestions WHERE task_id = " + sqlLiteral(id));
                if (workspace.schemaVersion() >=
                    layers::kSchemaPlanReview) // its review goes with it
                    ds.execute("DELETE FROM plan_unlocated WHERE task_id = " + sqlLiteral(id));
                ds.execute("DELETE FROM plan_tasks WHERE task_id = " + sqlLiteral(id));
                ++report.tasksRemoved;
            }

            // Roles.
            ds.execute("DELETE FROM plan_task_agencies WHERE task_id IN (SELECT task_id FROM "
                       "plan_tasks WHERE doc_id = " +
                       sqlLiteral(docId) + ")");
            for (const auto& t : plan.tasks) {
                const std::string id = docId + ":" + t.id;
                for (const auto& [names, role] :
                     {std::pair{&t.lead, "lead"}, std::pair{&t.support, "support"}})
                    for (const auto& name : *names) {
                        const auto agency = idByName.find(name);
                        if (agency == idByName.end())
                            continue;
                        ds.execute("INSERT OR IGNORE INTO plan_task_agencies (task_id, agency_id, "
                                   "role) VALUES (" +
                                   sqlLiteral(id) + ", " + sqlLiteral(agency->second) + ", " +
                                   sqlLiteral(role) + ")");
                        ++report.roles;
                    }
            }

            // Targets: replaced as a whole.
            ds.execute("DELETE FROM plan_targets WHERE doc_id = " + sqlLiteral(docId));
            int n = 0;
            for (const auto& t : plan.targets) {
                const std::string number = [&] {
                    std::ostringstream out;
                    out.precision(15);
                    out << t.value;
                    return out.str();
                }();
                std::string valueMax = "NULL";
                if (t.valueMax) {
                    std::ostringstream out;
                    out.precision(15);
                    out << *t.valueMax;
                    valueMax = out.str();
                }
                ds.execute("INSERT INTO plan_targets (target_id, doc_id, section, text, indicator, "
                           "comparator, value, "
                           "value_max, unit, year, metric) VALUES (" +
                           sqlLiteral(docId + ":T" + std::to_string(++n)) + ", " +
                           sqlLiteral(docId) + ", " + orNull(t.section) + ", " +
                           sqlLiteral(t.text) + ", " + orNull(t.indicator) + ", " +
                           orNull(t.comparator) + ", " + number + ", " + valueMax + ", " +
                           orNull(t.unit) + ", " +
                           (t.year ? std::to_string(*t.year) : std::string("NULL")) + ", " +
                           orNull(t.metric) + ")");
                ++report.targets;
            }
        });
    } catch (const gis::GisError& e) {
        throw layers::Error(layers::ErrorKind::Workspace, "cannot write plan '" + docId + "' to '" +
                                                              workspace.path() + "': " + e.what());
    }
    return report;
}

ParsedPlan readStoredDocument(layers::Workspace& workspace, const std::string& docId)
{
    auto& ds = workspace.dataset();
    const auto rows = ds.execute(
        "SELECT source_text, source_file FROM plan_documents WHERE doc_id = " + sqlLiteral(docId));
    if (rows.rows.empty())
        throw layers::Error(layers::ErrorKind::Usage,
                            "no document '" + docId + "' in the workspace");
    const std::string text = gis::toString(rows.rows[0][0]);
    if (text.empty())
        throw layers::Error(layers::ErrorKind::Usage,
                            "document '" + docId +
                                "' was stored without its text (by an "
                                "older PlanAtlas); ingest it again to correct its tasks");
    ParsedPlan plan = parsePlanText(text, gis::toString(rows.rows[0][1]));
    plan.contentSha256 =
        scalar(ds, "SELECT content_sha256 FROM plan_documents WHERE doc_id = " + sqlLiteral(docId));
    plan.sourceFormat = "stored";
    return plan;
}

StoreReport rereadDocument(layers::Workspace& workspace, const std::string& docId,
                           const std::vector<Correction>& newCorrections)
{
    const ParsedPlan plan = readStoredDocument(workspace, docId);
    const std::string sourceFile =
        scalar(workspace.dataset(),
               "SELECT source_file FROM plan_documents WHERE doc_id = " + sqlLiteral(docId));
    return storePlan(workspace, plan, docId, sourceFile, newCorrections);
}

} // namespace pa::plan
