#include "planatlas/layers/plan/PlanStore.h"

#include "Agencies_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Csv.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <utility>

namespace pa::plan {

using gis::sqlIdentifier;
using gis::textOrNull;

namespace {

/// The link tables between features and plan tasks.
std::vector<std::string> taskLinkTables(gis::Dataset& ds)
{
    std::vector<std::string> out;
    for (const auto& row : ds.execute("SELECT mapping_table_name FROM gpkgext_relations WHERE "
                                      "related_table_name = 'plan_tasks' ORDER BY 1")
                               .rows)
        out.push_back(gis::toString(row[0]));
    return out;
}

/// The review tables keyed by task id that @p workspace has.
std::vector<std::string> taskReviewTables(layers::Workspace& workspace)
{
    std::vector<std::string> out = {"plan_link_suggestions"};
    if (workspace.schemaVersion() >= layers::kSchemaPlanReview)
        out.emplace_back("plan_unlocated");
    return out;
}

std::string slug(const std::string& text)
{
    return text::slug(text, '-');
}

std::string scalar(gis::Dataset& ds, const std::string& sql)
{
    const auto r = ds.execute(sql);
    return r.rows.empty() || r.rows[0].empty() ? std::string() : gis::toString(r.rows[0][0]);
}

/// The first value of @p sql's first row, with its '?' bound to @p values.
std::string scalar(gis::Dataset& ds, const std::string& sql,
                   const std::vector<gis::FieldValue>& values)
{
    const auto r = ds.run(sql, values);
    return r.rows.empty() || r.rows[0].empty() ? std::string() : gis::toString(r.rows[0][0]);
}

void upsertAgency(gis::Dataset& ds, const AgencyInfo& a, const std::string& province)
{
    // Values read from the document are bound, never spliced into the SQL.
    ds.run("INSERT INTO plan_agencies (agency_id, name_vi) VALUES (?, ?) ON CONFLICT DO NOTHING",
           {a.id, a.name});
    ds.run("UPDATE plan_agencies SET name_vi = ?, abbreviation = ?, level = ?, province = ?, "
           "valid_to = ?, successor_id = ? WHERE agency_id = ?",
           {a.name, textOrNull(a.abbreviation), a.level.empty() ? "other" : a.level,
            a.level == "province" ? textOrNull(province) : gis::FieldValue(), textOrNull(a.validTo),
            textOrNull(a.successorId), a.id});
    std::set<std::string> aliases = {a.name};
    if (!a.abbreviation.empty())
        aliases.insert(a.abbreviation);
    if (const AgencyDef* def = findAgencyDef(a.id))
        for (auto pattern : def->patterns)
            aliases.insert(std::string(pattern));
    for (const auto& alias : aliases)
        ds.run("INSERT INTO plan_agency_aliases (agency_id, alias, alias_folded) VALUES "
               "(?, ?, ?) ON CONFLICT DO NOTHING",
               {a.id, alias, text::foldForMatch(alias)});
}

} // namespace

std::vector<int> matchTaskVersions(const std::vector<TaskVersion>& stored,
                                   const std::vector<TaskVersion>& fresh)
{
    std::vector<int> result(fresh.size(), -1);
    std::vector<bool> taken(stored.size(), false);
    std::vector<std::string> storedKey, freshKey;
    for (const auto& t : stored)
        storedKey.push_back(text::foldForMatch(t.text));
    for (const auto& t : fresh)
        freshKey.push_back(text::foldForMatch(t.text));
    // 1. The same text: the stored task of that id when it has it, else the first in order.
    std::multimap<std::string, std::size_t> byKey;
    for (std::size_t i = 0; i < stored.size(); ++i)
        byKey.emplace(storedKey[i], i);
    for (const bool sameIdOnly : {true, false})
        for (std::size_t n = 0; n < fresh.size(); ++n) {
            if (result[n] >= 0)
                continue;
            const auto [first, last] = byKey.equal_range(freshKey[n]);
            for (auto it = first; it != last; ++it)
                if (!taken[it->second] && (!sameIdOnly || stored[it->second].id == fresh[n].id)) {
                    result[n] = static_cast<int>(it->second);
                    taken[it->second] = true;
                    break;
                }
        }
    // 2. The most similar of those left (Jaccard index of their words ≥ 0.75), best pairs
    // first. Words are indexed, so only tasks sharing a word are compared.
    auto words = [](const std::string& key) {
        std::vector<std::string> out;
        std::string word;
        for (const char c : key + ' ')
            if (std::isalnum(static_cast<unsigned char>(c)))
                word += c;
            else if (!word.empty())
                out.push_back(std::exchange(word, {}));
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    };
    std::vector<std::vector<std::string>> storedWords(stored.size());
    std::map<std::string, std::vector<std::size_t>> holders;
    for (std::size_t i = 0; i < stored.size(); ++i) {
        if (taken[i])
            continue;
        storedWords[i] = words(storedKey[i]);
        for (const auto& w : storedWords[i])
            holders[w].push_back(i);
    }
    struct Pair
    {
        double similarity;
        std::size_t fresh, stored;
    };
    std::vector<Pair> pairs;
    for (std::size_t n = 0; n < fresh.size(); ++n) {
        if (result[n] >= 0)
            continue;
        const auto mine = words(freshKey[n]);
        std::set<std::size_t> candidates; // stored tasks sharing a word that is not everywhere
        for (const auto& w : mine)
            if (const auto h = holders.find(w); h != holders.end() && h->second.size() <= 64)
                for (const std::size_t i : h->second)
                    candidates.insert(i);
        for (const std::size_t i : candidates) {
            std::size_t all = 0;
            for (auto a = mine.cbegin(), b = storedWords[i].cbegin();
                 a != mine.cend() && b != storedWords[i].cend();)
                if (*a < *b)
                    ++a;
                else if (*b < *a)
                    ++b;
                else
                    ++all, ++a, ++b;
            const double similarity =
                static_cast<double>(all) /
                static_cast<double>(mine.size() + storedWords[i].size() - all);
            if (similarity >= 0.75)
                pairs.push_back({similarity, n, i});
        }
    }
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const Pair& a, const Pair& b) { return a.similarity > b.similarity; });
    for (const auto& p : pairs)
        if (result[p.fresh] < 0 && !taken[p.stored]) {
            result[p.fresh] = static_cast<int>(p.stored);
            taken[p.stored] = true;
        }
    return result;
}

void checkDocumentId(const std::string& docId)
{
    if (docId.empty())
        throw layers::Error(layers::ErrorKind::Usage,
                            QT_TRANSLATE_NOOP("pa::layers", "the document id is empty"));
    if (docId.size() > 100)
        throw layers::Error(
            layers::ErrorKind::Usage,
            QT_TRANSLATE_NOOP("pa::layers", "the document id is longer than 100 characters"));
    for (const char c : docId)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            throw layers::Error(
                layers::ErrorKind::Usage,
                c == ':' || c == '#'
                    ? layers::Sentence(
                          QT_TRANSLATE_NOOP("pa::layers",
                                            "the document id '%1' holds '%2', which separates the "
                                            "parts of a task id; use letters (without diacritics), "
                                            "digits, '-', '_' and '.'"),
                          {text::clipUtf8(docId, 60), std::string(1, c)})
                    : layers::Sentence(
                          QT_TRANSLATE_NOOP("pa::layers",
                                            "the document id '%1' holds a character other than a "
                                            "letter, digit, '-', '_' or '.'; use letters (without "
                                            "diacritics), digits, '-', '_' and '.'"),
                          {text::clipUtf8(docId, 60)}));
}

namespace {

/// Whether the tasks read (matched to the @p stored ones as @p continues says) belong to another
/// document than the one stored: a stored document of at least 3 tasks that shares neither its
/// number (@p storedNumber) with @p number nor at least half of its tasks. Gives how many stored
/// tasks continue in @p kept.
bool isAnotherDocument(const std::string& storedNumber, const std::string& number,
                       const std::vector<TaskVersion>& stored, const std::vector<int>& continues,
                       std::size_t& kept)
{
    kept = static_cast<std::size_t>(
        std::count_if(continues.begin(), continues.end(), [](int i) { return i >= 0; }));
    if (stored.size() < 3)
        return false;
    const bool sameNumber =
        !storedNumber.empty() && !number.empty() && slug(storedNumber) == slug(number);
    return !sameNumber && kept * 2 < stored.size();
}

std::vector<TaskVersion> storedTasks(gis::Dataset& ds, const std::string& docId)
{
    std::vector<TaskVersion> stored;
    for (const auto& row :
         ds.run("SELECT fid, task_id, text FROM plan_tasks WHERE doc_id = ? ORDER BY ordinal, fid",
                {docId})
             .rows)
        stored.push_back(
            {std::stoll(gis::toString(row[0])), gis::toString(row[1]), gis::toString(row[2])});
    return stored;
}

std::vector<TaskVersion> freshTasks(const ParsedPlan& plan, const std::string& docId)
{
    std::vector<TaskVersion> fresh;
    for (const auto& t : plan.tasks)
        fresh.push_back({0, docId + ":" + t.id, t.text});
    return fresh;
}

} // namespace

StoreReport storePlan(layers::Workspace& workspace, const ParsedPlan& readerPlan, std::string docId,
                      const std::string& sourceFile, const std::vector<Correction>& newCorrections,
                      const StoreOptions& options)
{
    if (!docId.empty())
        checkDocumentId(docId);
    StoreReport report;
    ParsedPlan plan = asStored(readerPlan); // with the planners' corrections applied below
    auto& ds = workspace.dataset();
    // The same content already ingested: update it under its id (unless another id is asked for).
    const std::string existing =
        plan.contentSha256.empty()
            ? std::string()
            : scalar(ds, "SELECT doc_id FROM plan_documents WHERE content_sha256 = ?",
                     {plan.contentSha256});
    if (docId.empty())
        docId = !existing.empty() ? existing
                : !plan.document.number.empty()
                    ? slug(plan.document.number)
                    : slug(std::filesystem::path(sourceFile).stem().string());
    if (docId.empty())
        throw layers::Error(layers::ErrorKind::Usage,
                            layers::Sentence(QT_TRANSLATE_NOOP(
                                "pa::layers", "no document id can be made from the document's "
                                              "number or its file's name; rename the file")),
                            "or give one with --doc-id");
    if (!existing.empty() && existing != docId)
        throw layers::Error(layers::ErrorKind::Usage,
                            "this document is already in the workspace as '" + existing +
                                "'; ingest it under that id (or without --doc-id)");
    report.docId = docId;

    try {
        workspace.transaction([&] {
            if (newCorrections.empty()) // (a correction is logged as itself, below)
                workspace.logEdit({"ingest",
                                   {},
                                   {},
                                   {},
                                   "document " + docId + ", " +
                                       std::filesystem::path(sourceFile).filename().string()});
            // What is stored under this id now (nothing below changes it before the tasks are
            // matched).
            const auto storedDocument =
                ds.run("SELECT number FROM plan_documents WHERE doc_id = ?", {docId}).rows;
            const bool present = !storedDocument.empty();
            const std::string storedNumber =
                present ? gis::toString(storedDocument.front().front()) : std::string();
            const std::vector<TaskVersion> stored = storedTasks(ds, docId);
            // Another document replacing this one on purpose: the corrections made to the old
            // one's tasks do not belong to the new one.
            if (options.replaceDifferentDocument) {
                std::size_t kept = 0;
                if (isAnotherDocument(storedNumber, readerPlan.document.number, stored,
                                      matchTaskVersions(stored, freshTasks(plan, docId)), kept))
                    ds.run("DELETE FROM plan_task_corrections WHERE doc_id = ?", {docId});
            }
            // The planners' corrections: those stored, then the new ones, applied in order.
            for (const auto& c : newCorrections) {
                ds.run("INSERT INTO plan_task_corrections (doc_id, task_id, text_key, action, "
                       "field, value, made_at) VALUES (?, ?, ?, ?, ?, ?, " +
                           workspace.nowSql() + ")",
                       {docId, c.taskId, c.textKey, c.action, textOrNull(c.field),
                        textOrNull(c.value)});
                // An edit says what it replaced: "lead: Sở Tài chính → Sở Công Thương".
                workspace.logEdit({"task_" + c.action,
                                   docId + ":" + c.taskId,
                                   {},
                                   {},
                                   c.field.empty()
                                       ? c.value
                                       : c.field + ": " + (c.was.empty() ? "∅" : c.was) + " → " +
                                             (c.value.empty() ? "∅" : c.value)});
            }
            report.corrections = applyCorrections(plan, loadCorrections(workspace, docId));
            report.updated = present;
            const auto& d = plan.document;
            if (!present)
                ds.run("INSERT INTO plan_documents (doc_id) VALUES (?)", {docId});
            ds.run("UPDATE plan_documents SET doc_type = ?, number = ?, issued_on = ?, "
                   "not_before = ?, issuer = ?, province = ?, title = ?, source_file = ?, "
                   "content_sha256 = ?, source_text = ?, "
                   "ingested_at = " +
                       workspace.nowSql() + " WHERE doc_id = ?",
                   {textOrNull(d.type), textOrNull(d.number), textOrNull(d.date),
                    textOrNull(d.notBefore), textOrNull(d.issuer), textOrNull(d.province),
                    textOrNull(d.title),
                    textOrNull(std::filesystem::path(sourceFile).filename().string()),
                    textOrNull(plan.contentSha256), textOrNull(plan.sourceText), docId});

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

            // Tasks: each newly read task continues the stored task with its content (not its
            // position), which keeps its row, links, review and suggestions under its new id;
            // stored tasks continued by none go, with what hangs on them.
            const std::vector<TaskVersion> fresh = freshTasks(plan, docId);
            const std::vector<int> continues = matchTaskVersions(stored, fresh);
            std::vector<bool> continued(stored.size(), false);
            for (const int i : continues)
                if (i >= 0)
                    continued[static_cast<std::size_t>(i)] = true;
            const auto linkTables = taskLinkTables(ds);
            auto linksOf = [&](std::int64_t fid) {
                std::int64_t n = 0;
                for (const auto& table : linkTables)
                    n += std::stoll(scalar(ds, "SELECT COUNT(*) FROM " + sqlIdentifier(table) +
                                                   " WHERE related_id = " + std::to_string(fid)));
                return n;
            };

            // Another document under this id is not a new version of it.
            std::size_t kept = 0;
            if (present && !options.replaceDifferentDocument &&
                isAnotherDocument(storedNumber, d.number, stored, continues, kept)) {
                std::int64_t links = 0;
                for (std::size_t i = 0; i < stored.size(); ++i)
                    if (!continued[i])
                        links += linksOf(stored[i].fid);
                throw DifferentDocumentError(layers::Sentence(
                    QT_TRANSLATE_NOOP(
                        "pa::layers",
                        "document '%1'%2 in the workspace is not an earlier version of %3: %4 of "
                        "its %5 tasks are in the new text, and storing it under this id would "
                        "remove %6 task(s) and %7 reviewed link(s). Store it under another "
                        "document id, or replace the document on purpose"),
                    {docId, storedNumber.empty() ? "" : " (" + storedNumber + ")",
                     std::filesystem::path(sourceFile).filename().string() +
                         (d.number.empty() ? "" : " (" + d.number + ")"),
                     layers::Sentence::count(kept), layers::Sentence::count(stored.size()),
                     layers::Sentence::count(stored.size() - kept),
                     layers::Sentence::count(links)}));
            }

            const bool hasUnlocated = workspace.schemaVersion() >= layers::kSchemaPlanReview;
            auto renameTask = [&](const std::string& from, const std::string& to) {
                for (const char* table : {"plan_task_agencies", "plan_link_suggestions"})
                    ds.run(std::string("UPDATE ") + table + " SET task_id = ? WHERE task_id = ?",
                           {to, from});
                if (hasUnlocated)
                    ds.run("UPDATE plan_unlocated SET task_id = ? WHERE task_id = ?", {to, from});
                ds.run("UPDATE plan_tasks SET task_id = ? WHERE task_id = ?", {to, from});
            };
            // Every stored task steps aside under a temporary id first, so that a task moving
            // to a number another one still holds never meets it ('~' is in no document id).
            std::vector<std::string> held(stored.size());
            for (std::size_t i = 0; i < stored.size(); ++i) {
                held[i] = "~" + std::to_string(stored[i].fid);
                renameTask(stored[i].id, held[i]);
            }
            int ordinal = 0;
            for (std::size_t n = 0; n < plan.tasks.size(); ++n) {
                const auto& t = plan.tasks[n];
                const std::string& id = fresh[n].id;
                auto update = [&] {
                    ds.run("UPDATE plan_tasks SET section = ?, heading = ?, text = ?, "
                           "collective = ?, ordinal = ?, deadline = ?, deadline_text = ?, "
                           "product = ?, part = ?, rule = ? WHERE task_id = ?",
                           {textOrNull(t.section), textOrNull(t.heading), t.text,
                            std::int64_t{t.collective ? 1 : 0}, std::int64_t{++ordinal},
                            textOrNull(t.deadline.normalised), textOrNull(t.deadline.text),
                            textOrNull(t.product), textOrNull(t.part), textOrNull(t.rule), id});
                };
                if (continues[n] >= 0) {
                    const auto i = static_cast<std::size_t>(continues[n]);
                    renameTask(held[i], id);
                    update();
                    ++report.tasksUpdated;
                    if (stored[i].id != id)
                        ++report.tasksRenumbered;
                } else {
                    ds.run("INSERT INTO plan_tasks (task_id, doc_id, text) VALUES (?, ?, ?)",
                           {id, docId, t.text});
                    update();
                    ++report.tasksAdded;
                }
            }
            // A task merged into another hands it its links.
            std::map<std::string, std::size_t> storedIndex;
            for (std::size_t i = 0; i < stored.size(); ++i)
                storedIndex.emplace(stored[i].id, i);
            for (const auto& [gone, intoId] : report.corrections.merged) {
                const auto from = storedIndex.find(docId + ":" + gone);
                if (from == storedIndex.end() || continued[from->second])
                    continue;
                for (const auto& table : linkTables) {
                    // (A feature linked to both keeps the one link; the other goes with the
                    // merged task below.)
                    const std::string into = "(SELECT fid FROM plan_tasks WHERE task_id = ?)";
                    ds.run("UPDATE " + sqlIdentifier(table) + " SET related_id = " + into +
                               " WHERE related_id = ? AND base_id NOT IN (SELECT base_id FROM " +
                               sqlIdentifier(table) + " WHERE related_id = " + into + ")",
                           {docId + ":" + intoId, std::int64_t{stored[from->second].fid},
                            docId + ":" + intoId});
                }
            }
            for (std::size_t i = 0; i < stored.size(); ++i) {
                if (continued[i])
                    continue;
                const std::string fid = std::to_string(stored[i].fid);
                report.linksRemoved += linksOf(stored[i].fid);
                for (const auto& table : linkTables)
                    ds.execute("DELETE FROM " + sqlIdentifier(table) +
                               " WHERE related_id = " + fid);
                const std::string& id = held[i];
                ds.run("DELETE FROM plan_task_agencies WHERE task_id = ?", {id});
                ds.run("DELETE FROM plan_link_suggestions WHERE task_id = ?", {id});
                if (hasUnlocated) // its review goes with it
                    ds.run("DELETE FROM plan_unlocated WHERE task_id = ?", {id});
                ds.execute("DELETE FROM plan_tasks WHERE fid = " + fid);
                ++report.tasksRemoved;
            }

            // Roles.
            ds.run("DELETE FROM plan_task_agencies WHERE task_id IN (SELECT task_id FROM "
                   "plan_tasks WHERE doc_id = ?)",
                   {docId});
            for (const auto& t : plan.tasks) {
                const std::string id = docId + ":" + t.id;
                for (const auto& [names, role] :
                     {std::pair{&t.lead, "lead"}, std::pair{&t.support, "support"}})
                    for (const auto& name : *names) {
                        const auto agency = idByName.find(name);
                        if (agency == idByName.end())
                            continue;
                        ds.run("INSERT INTO plan_task_agencies (task_id, agency_id, "
                               "role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                               {id, agency->second, std::string(role)});
                        ++report.roles;
                    }
            }

            // Targets: replaced as a whole.
            ds.run("DELETE FROM plan_targets WHERE doc_id = ?", {docId});
            int n = 0;
            for (const auto& t : plan.targets) {
                ds.run("INSERT INTO plan_targets (target_id, doc_id, section, text, indicator, "
                       "comparator, value, value_max, unit, year, metric) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       {docId + ":T" + std::to_string(++n), docId, textOrNull(t.section), t.text,
                        textOrNull(t.indicator), textOrNull(t.comparator), t.value,
                        t.valueMax ? gis::FieldValue(*t.valueMax) : gis::FieldValue(),
                        textOrNull(t.unit),
                        t.year ? gis::FieldValue(std::int64_t{*t.year}) : gis::FieldValue(),
                        textOrNull(t.metric)});
                ++report.targets;
            }
        });
    } catch (const gis::GisError& e) {
        throw layers::Error(layers::ErrorKind::Workspace,
                            {QT_TRANSLATE_NOOP("pa::layers", "cannot write plan '%1' to '%2': %3"),
                             {docId, workspace.path(), std::string(e.what())}});
    }
    return report;
}

// (The items of "Nhiệm vụ, giải pháp" before an implementation section that assigns the work
// are kept so that their places are linked, the footprint shows them unassigned and a planner
// can give them a lead.)
ParsedPlan asStored(const ParsedPlan& read)
{
    ParsedPlan plan = read;
    auto at = plan.tasks.begin();
    for (auto& m : plan.measures) {
        at = std::find_if(at, plan.tasks.end(), [&](const Task& t) { return t.line > m.line; });
        at = plan.tasks.insert(at, std::move(m)) + 1;
    }
    plan.measures.clear();
    return plan;
}

ParsedPlan readStoredDocument(layers::Workspace& workspace, const std::string& docId)
{
    auto& ds = workspace.dataset();
    const auto rows =
        ds.run("SELECT source_text, source_file FROM plan_documents WHERE doc_id = ?", {docId});
    if (rows.rows.empty())
        throw layers::Error(
            layers::ErrorKind::Usage,
            {QT_TRANSLATE_NOOP("pa::layers", "no document '%1' in the workspace"), {docId}});
    const std::string text = gis::toString(rows.rows[0][0]);
    if (text.empty())
        throw layers::Error(
            layers::ErrorKind::Usage,
            {QT_TRANSLATE_NOOP("pa::layers",
                               "document '%1' was stored without its text (by an older PlanAtlas); "
                               "ingest it again to correct its tasks"),
             {docId}});
    ParsedPlan plan = parsePlanText(text, gis::toString(rows.rows[0][1]));
    plan.contentSha256 =
        scalar(ds, "SELECT content_sha256 FROM plan_documents WHERE doc_id = ?", {docId});
    plan.sourceFormat = "stored";
    return asStored(plan);
}

StoreReport correctTask(layers::Workspace& workspace, const std::string& docId,
                        const std::string& taskId, const std::string& action,
                        const std::string& field, const std::string& value)
{
    using layers::Error;
    using layers::ErrorKind;
    if (action != "edit" && action != "split" && action != "merge" && action != "drop")
        throw Error(ErrorKind::Usage,
                    "unknown correction '" + action + "' (edit, split, merge or drop)");
    // The task as the reader produces it (its words key the correction) and as corrected so far.
    const ParsedPlan reader = readStoredDocument(workspace, docId);
    ParsedPlan current = reader;
    applyCorrections(current, loadCorrections(workspace, docId));
    const auto findIn = [](const ParsedPlan& p, const std::string& id) -> const Task* {
        for (const auto& t : p.tasks)
            if (t.id == id)
                return &t;
        return nullptr;
    };
    const Task* task = findIn(current, taskId);
    if (!task)
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "no task '%1' in document '%2'"),
                     {docId + ":" + taskId, docId}});
    const Task* original = findIn(reader, taskId);
    const std::string key = taskTextKey(original ? original->text : task->text);
    Correction c{taskId, key, action, "", value, ""};
    if (action == "edit") {
        if (field != "lead" && field != "support" && field != "deadline" && field != "text")
            throw Error(ErrorKind::Usage,
                        "a task's " + field + " cannot be edited (lead, support, deadline, text)");
        c.field = field;
        // Agencies as an edit gives them ("Sở A; Sở B").
        c.was = field == "lead"       ? analysis::csv::join(task->lead, "; ")
                : field == "support"  ? analysis::csv::join(task->support, "; ")
                : field == "deadline" ? task->deadline.text
                                      : task->text;
    } else if (action == "split") {
        if (value.find_first_not_of(" \t") == std::string::npos)
            throw Error(ErrorKind::Usage,
                        QT_TRANSLATE_NOOP("pa::layers",
                                          "a split needs the words where the second task begins"));
    } else if (action == "merge") {
        if (value == taskId || !findIn(current, value))
            throw Error(
                ErrorKind::Usage,
                {QT_TRANSLATE_NOOP("pa::layers", "'%1' is not another task of document '%2'"),
                 {docId + ":" + value, docId}});
    }
    return rereadDocument(workspace, docId, {c});
}

StoreReport rereadDocument(layers::Workspace& workspace, const std::string& docId,
                           const std::vector<Correction>& newCorrections)
{
    const ParsedPlan plan = readStoredDocument(workspace, docId);
    const std::string sourceFile = scalar(
        workspace.dataset(), "SELECT source_file FROM plan_documents WHERE doc_id = ?", {docId});
    return storePlan(workspace, plan, docId, sourceFile, newCorrections);
}

ReviewState saveReviewState(layers::Workspace& workspace, const std::string& docId)
{
    auto& ds = workspace.dataset();
    ReviewState state;
    state.docId = docId;
    for (const auto& table : taskLinkTables(ds))
        for (const auto& row :
             ds.run("SELECT l.base_id, t.task_id FROM " + sqlIdentifier(table) +
                        " l JOIN plan_tasks t ON t.fid = l.related_id WHERE t.doc_id = ? "
                        "ORDER BY l.fid",
                    {docId})
                 .rows)
            state.links.push_back({table, std::get<std::int64_t>(row[0]), gis::toString(row[1])});
    for (const auto& table : taskReviewTables(workspace))
        state.rows[table] = ds.run("SELECT * FROM " + sqlIdentifier(table) +
                                       " WHERE task_id IN (SELECT task_id FROM plan_tasks WHERE "
                                       "doc_id = ?) ORDER BY fid",
                                   {docId});
    return state;
}

void restoreReviewState(layers::Workspace& workspace, const ReviewState& state)
{
    auto& ds = workspace.dataset();
    workspace.transaction([&] {
        workspace.logEdit({"review_restored", {}, {}, {}, "document " + state.docId});
        const std::string ofDocument =
            "IN (SELECT fid FROM plan_tasks WHERE doc_id = " + gis::sqlLiteral(state.docId) + ")";
        for (const auto& table : taskLinkTables(ds))
            ds.execute("DELETE FROM " + sqlIdentifier(table) + " WHERE related_id " + ofDocument);
        for (const auto& link : state.links)
            ds.run("INSERT INTO " + sqlIdentifier(link.table) +
                       " (base_id, related_id) SELECT ?, fid FROM plan_tasks WHERE task_id = ? ON "
                       "CONFLICT DO NOTHING",
                   {link.feature, link.taskId});
        // The rows of tasks gone since are kept out: they would name no task.
        std::set<std::string> tasks;
        for (const auto& row :
             ds.run("SELECT task_id FROM plan_tasks WHERE doc_id = ?", {state.docId}).rows)
            tasks.insert(gis::toString(row[0]));
        for (const auto& [table, saved] : state.rows) {
            ds.run("DELETE FROM " + sqlIdentifier(table) +
                       " WHERE task_id IN (SELECT task_id FROM plan_tasks WHERE doc_id = ?)",
                   {state.docId});
            const auto taskColumn = static_cast<std::size_t>(
                std::find(saved.columns.begin(), saved.columns.end(), "task_id") -
                saved.columns.begin());
            gis::SqlResult kept{saved.columns, {}};
            for (const auto& row : saved.rows)
                if (taskColumn < row.size() && tasks.contains(gis::toString(row[taskColumn])))
                    kept.rows.push_back(row);
            ds.insertRows(table, kept, /*replace=*/true);
        }
    });
}

} // namespace pa::plan
