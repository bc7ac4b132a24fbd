#pragma once
// Feature ↔ task links: suggestions from the places the tasks name (matched against the
// workspace's own features and administrative units), accepted or edited by a person, and
// stored in the layers' Related Tables mapping tables.

#include "planatlas/layers/Workspace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pa::plan {

struct LinkSuggestion
{
    std::int64_t id = 0;
    std::string taskId;
    std::string layer;
    std::string featureCode;
    std::string featureName;
    std::string mention;   ///< the words of the task that name the place
    double confidence = 0; ///< 0..1
    std::string status;    ///< "pending", "accepted", "rejected"
};

struct Link
{
    std::string taskId;
    std::string layer;
    std::string featureCode;
    std::string featureName;
    std::string source; ///< "manual", "gazetteer", "imported"
    std::optional<double> confidence;
};

/// Re-reads the place mentions of every task (of @p docId, or all), matches them against the
/// names of the workspace's features, and stores the matches as pending suggestions (replacing
/// earlier pending ones; accepted and rejected ones are kept). Returns the pending suggestions,
/// best first.
std::vector<LinkSuggestion> suggestLinks(layers::Workspace& workspace,
                                         const std::string& docId = {});

/// Stored suggestions with @p status (all when empty), best first.
std::vector<LinkSuggestion> listSuggestions(layers::Workspace& workspace,
                                            const std::string& status = {});

/// Accepts the given pending suggestions (or, with @p ids empty, all pending ones with at
/// least @p minConfidence) and writes their links. Returns the number of links written.
std::int64_t acceptSuggestions(layers::Workspace& workspace, const std::vector<std::int64_t>& ids,
                               double minConfidence);
/// Marks suggestions rejected, so that suggest does not offer them again.
std::int64_t rejectSuggestions(layers::Workspace& workspace, const std::vector<std::int64_t>& ids);

/// Returns accepted or rejected suggestions to pending (a reviewer's decision undone): the link
/// an accepted one made is removed. One transaction; an unknown id is an Error(Usage).
std::int64_t resetSuggestions(layers::Workspace& workspace, const std::vector<std::int64_t>& ids);

/// Links a feature (its code, unique in the workspace) to a task by hand. Throws Error(Usage)
/// naming the unknown task or feature.
void addLink(layers::Workspace& workspace, const std::string& taskId,
             const std::string& featureCode);
/// Removes a link; returns false when there was none.
bool removeLink(layers::Workspace& workspace, const std::string& taskId,
                const std::string& featureCode);

/// Links, optionally only of one task or one feature, in task order.
std::vector<Link> listLinks(layers::Workspace& workspace, const std::string& taskId = {},
                            const std::string& featureCode = {});

/// What a review file did.
struct ReviewResult
{
    std::int64_t tasks = 0;     ///< rows (tasks) in the file
    std::int64_t accepted = 0;  ///< links written by accepting a pending suggestion
    std::int64_t manual = 0;    ///< links written by hand
    std::int64_t rejected = 0;  ///< pending suggestions of reviewed tasks not kept
    std::int64_t unlocated = 0; ///< tasks marked as deliberately without a place
};

/// Applies a reviewer's decisions from a CSV file with columns task_id, features (feature
/// codes separated by ';', empty for none) and reason (why a task without features has no
/// place, e.g. "không gắn với địa điểm: cải cách hành chính"); other columns are ignored.
/// For each task: listed features are linked (accepting the pending suggestion where there is
/// one, by hand otherwise), its other pending suggestions are rejected, and a task with no
/// features is recorded as deliberately unlocated with its reason. One transaction; an unknown
/// task or feature, or a task with neither features nor reason, is an Error(Input) naming
/// the file and line, and nothing is written.
ReviewResult applyReview(layers::Workspace& workspace, const std::string& csvPath);

/// A task reviewed and left without a place.
struct UnlocatedTask
{
    std::string taskId;
    std::string reason;
};
/// Tasks recorded as deliberately without a place (empty for a workspace of schema 1).
std::vector<UnlocatedTask> listUnlocated(layers::Workspace& workspace);

} // namespace pa::plan
