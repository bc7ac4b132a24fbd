#pragma once
// The plan as stored in a workspace, for browsing: documents with their tasks (section, text,
// lead and supporting agencies, how many features each is linked to, or why it has no place),
// the agencies with their 2025 successors, and where on the map a set of tasks acts.

#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/Workspace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pa::plan {

struct StoredTask
{
    std::string taskId, docId, section, heading, text;
    std::vector<std::string> lead, support; ///< agency names, sorted
    std::int64_t links = 0;                 ///< features linked to it
    std::vector<std::string> kinds;         ///< kinds of those features, registry order
    std::string unlocatedReason;            ///< a reviewer's reason when it has no place on purpose
    std::string deadline;                   ///< normalised ("2026-Q2"), empty when none
    std::string deadlineText;               ///< as written
};

struct StoredDocument
{
    std::string docId, docType, number, issuedOn, title;
    std::vector<StoredTask> tasks; ///< in document order
};

struct StoredAgency
{
    std::string agencyId, name, abbreviation;
    std::string successorName; ///< the agency that took over its tasks in 2025, if any
    std::int64_t leadTasks = 0, supportTasks = 0;
};

struct PlanOverview
{
    std::vector<StoredDocument> documents; ///< by issue date, then id
    std::vector<StoredAgency> agencies;    ///< by name
};

PlanOverview readPlanOverview(layers::Workspace& workspace);

/// The text of document @p docId as the workspace keeps it (what the reader read); empty when
/// it was stored without (before schema 3).
std::string documentText(layers::Workspace& workspace, const std::string& docId);

/// Where each of @p taskTexts (in document order) stands in @p source: byte offsets [begin,
/// end) of its words, found without regard to diacritics, case, white space or the marks a
/// reader strips from a list item; nullopt for a task whose words are not found (a task the
/// planner rewrote). Each is looked for after the one before it.
std::vector<std::optional<std::pair<std::size_t, std::size_t>>>
taskSpans(const std::string& source, const std::vector<std::string>& taskTexts);

/// The envelope (workspace CRS) of the features linked to any of @p taskIds; empty when none is
/// linked to a feature that still exists.
std::optional<gis::Envelope> footprintExtent(layers::Workspace& workspace,
                                             const std::vector<std::string>& taskIds);

} // namespace pa::plan
