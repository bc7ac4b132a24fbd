#pragma once
// Writing a read plan into a workspace: document, tasks, agencies (with aliases, validity and
// 2025 successor), task–agency roles and targets, in one transaction.

#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/plan/Corrections.h"
#include "planatlas/layers/plan/Plan.h"

#include <cstdint>
#include <map>
#include <string>

namespace pa::plan {

struct StoreReport
{
    std::string docId;
    bool updated = false; ///< the document was already in the workspace (same content or id)
    std::int64_t tasksAdded = 0, tasksUpdated = 0, tasksRemoved = 0;
    /// Tasks of the earlier version found again under another number (a section removed or
    /// inserted above them): their links, reviews and suggestions followed them.
    std::int64_t tasksRenumbered = 0;
    std::int64_t agencies = 0, roles = 0, targets = 0;
    std::int64_t linksRemoved = 0; ///< links of tasks the new version no longer has
    CorrectionReport corrections;  ///< the planners' corrections applied again
};

/// A task as stored (its row, id and text) or as just read (row 0).
struct TaskVersion
{
    std::int64_t fid = 0;
    std::string id;
    std::string text;
};

/// Which stored task each newly read task continues: for each entry of @p fresh, the index in
/// @p stored, or -1 for a new task. By content, not position: the same text (compared without
/// case, diacritics or spacing) first, preferring the same id; then, among those left, the most
/// similar text (at least 3 in 4 of the words in common: a corrected typo, a changed date).
/// Each stored task continues at most one new task.
std::vector<int> matchTaskVersions(const std::vector<TaskVersion>& stored,
                                   const std::vector<TaskVersion>& fresh);

/// A document id: letters, digits, '-', '_' and '.', at most 100 characters (':' and '#'
/// separate the parts of a task id "<doc>:<section>#<n>"). Throws layers::Error(Usage) saying
/// what is wrong.
void checkDocumentId(const std::string& docId);

/// What storePlan may do beyond updating a document with a newer version of itself.
struct StoreOptions
{
    /// Replace a stored document by a different one under the same id (see storePlan).
    bool replaceDifferentDocument = false;
};

/// Thrown by storePlan when the document under the asked id is a different document.
class DifferentDocumentError : public layers::Error
{
public:
    explicit DifferentDocumentError(const layers::Sentence& message)
        : layers::Error(layers::ErrorKind::Usage, message)
    {
    }
};

/// Stores @p plan. Ingesting the same content again (same SHA-256) updates that document
/// instead of adding a second one; task ids are stable ("<doc>:<section>#<n>"), so links to
/// tasks that still exist survive; a revised version is matched to the stored one task by task
/// by content (matchTaskVersions), so links, reviews and suggestions follow a task that moved,
/// and a task that is gone takes its own with it. A document under @p docId that shares
/// neither its number nor at least half of its tasks with @p plan is another document: refused
/// with DifferentDocumentError unless @p options allow replacing it. @p docId (checked by
/// checkDocumentId) may be empty: it is then made from the document number or the file name. The
/// corrections stored for the document, and @p newCorrections (recorded in the same transaction),
/// are applied to what the reader produced before it is written; the document's text is kept for
/// reading it again. Throws layers::Error.
StoreReport storePlan(layers::Workspace& workspace, const ParsedPlan& plan, std::string docId,
                      const std::string& sourceFile,
                      const std::vector<Correction>& newCorrections = {},
                      const StoreOptions& options = {});

/// Reads a stored document again from the text the workspace keeps, with the current reader and
/// every stored correction (and @p newCorrections), and stores it. Throws layers::Error(Usage)
/// for an unknown document or one stored without its text (before schema 3: ingest it again).
StoreReport rereadDocument(layers::Workspace& workspace, const std::string& docId,
                           const std::vector<Correction>& newCorrections = {});

/// Records a planner's correction of task @p taskId ("III.2#3") of document @p docId and stores
/// the document again with it: @p action "edit" (@p field "lead", "support", "deadline" or
/// "text", @p value the new one; agencies separated by ';'), "split" (@p value: the words
/// where the second task begins), "merge" (@p value: the id of the task merged into this one)
/// or "drop" (not a task). The correction is kept and applied again at every re-ingest.
/// Throws layers::Error(Usage) naming what is wrong (no such task, words the task lacks).
StoreReport correctTask(layers::Workspace& workspace, const std::string& docId,
                        const std::string& taskId, const std::string& action,
                        const std::string& field = {}, const std::string& value = {});

/// What the review of a document's tasks decided: each task's links to features, the tasks
/// recorded without a place and the suggestions, keyed by task id (a task's row may be made
/// anew when the document is stored again).
struct ReviewState
{
    std::string docId;
    struct Link
    {
        std::string table; ///< the link table (`<layer>_task_links`)
        std::int64_t feature = 0;
        std::string taskId;
    };
    std::vector<Link> links;
    /// Its tasks' rows of plan_link_suggestions and plan_unlocated: table → (columns, rows).
    std::map<std::string, gis::SqlResult> rows;
};

/// The review state of document @p docId's tasks, to put back with restoreReviewState.
ReviewState saveReviewState(layers::Workspace& workspace, const std::string& docId);

/// Puts the document's review back as @p state recorded it (the undo of a correction that
/// dropped or merged tasks, after the document is read again without it): links of tasks that
/// exist again, their place reviews and suggestions; what the state does not hold goes.
void restoreReviewState(layers::Workspace& workspace, const ReviewState& state);

/// @p read as the workspace keeps it: the measures the reader set apart (ParsedPlan::measures)
/// are tasks without a lead, each where the document has it.
ParsedPlan asStored(const ParsedPlan& read);

/// The document's tasks as the reader produces them from its stored text, without corrections
/// (as stored: asStored).
ParsedPlan readStoredDocument(layers::Workspace& workspace, const std::string& docId);

} // namespace pa::plan
