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
std::vector<LinkSuggestion> suggestLinks(layers::Workspace& workspace, const std::string& docId = {});

/// Stored suggestions with @p status (all when empty), best first.
std::vector<LinkSuggestion> listSuggestions(layers::Workspace& workspace, const std::string& status = {});

/// Accepts the given pending suggestions (or, with @p ids empty, all pending ones with at
/// least @p minConfidence) and writes their links. Returns the number of links written.
std::int64_t acceptSuggestions(layers::Workspace& workspace, const std::vector<std::int64_t>& ids,
                               double minConfidence);
/// Marks suggestions rejected, so that suggest does not offer them again.
std::int64_t rejectSuggestions(layers::Workspace& workspace, const std::vector<std::int64_t>& ids);

/// Links a feature (its code, unique in the workspace) to a task by hand. Throws Error(Usage)
/// naming the unknown task or feature.
void addLink(layers::Workspace& workspace, const std::string& taskId, const std::string& featureCode);
/// Removes a link; returns false when there was none.
bool removeLink(layers::Workspace& workspace, const std::string& taskId, const std::string& featureCode);

/// Links, optionally only of one task or one feature, in task order.
std::vector<Link> listLinks(layers::Workspace& workspace, const std::string& taskId = {},
                            const std::string& featureCode = {});

} // namespace pa::plan
