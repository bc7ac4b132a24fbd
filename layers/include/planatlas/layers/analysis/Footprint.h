#pragma once
// Footprint: where does a task, an agency or a document act? The features linked to its tasks,
// their area (union, ha) and length (km), the units they touch; and the tasks with no place on
// the map (unlocated), counted per document and per lead agency.

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Notes.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pa::analysis {

enum class FootprintBy
{
    Task,
    Agency,
    Document
};

struct FootprintRow
{
    std::string key;                ///< task id, agency name or document id
    std::int64_t tasks = 0;         ///< tasks in the group
    std::int64_t located = 0;       ///< of which linked to at least one feature
    std::int64_t features = 0;      ///< distinct linked features
    double areaHa = 0;              ///< union of the linked polygons
    double lengthKm = 0;            ///< total length of the linked lines
    std::vector<std::string> units; ///< codes of the units touched (with --units), sorted
};

struct UnlocatedTask
{
    std::string taskId, docId, section, text;
    std::string deadline; ///< normalised, empty when the document gives none
    std::vector<std::string> lead;
    std::string reason; ///< why a reviewer left it without a place; empty when not reviewed
};

struct FootprintResult
{
    FootprintBy by = FootprintBy::Task;
    std::string unitsLayer;
    std::vector<FootprintRow> rows;       ///< by key
    std::vector<UnlocatedTask> unlocated; ///< by task id
    std::map<std::string, std::int64_t> unlocatedByDocument;
    std::map<std::string, std::int64_t> unlocatedByAgency; ///< lead agency → unlocated tasks
    std::int64_t unlocatedReviewed =
        0; ///< unlocated tasks a reviewer left without a place on purpose
    /// Links whose feature no longer exists (deleted outside PlanAtlas): ignored, so a task
    /// linked only to deleted features counts as unlocated.
    std::int64_t danglingLinks = 0;
    std::string dueBefore;        ///< the filter applied, if any
    std::int64_t tasksNotDue = 0; ///< tasks left out by it (later, ongoing or without a deadline)
    InputNotes notes;
};

/// @p unitsLayer may be empty (no units touched are reported). With @p dueBefore (an ISO
/// date), only the tasks whose deadline ends before that day count: on that day, those not done
/// are overdue (ongoing and annual tasks have no end and are left out). Throws
/// layers::Error(Usage) for an unknown or non-polygon units layer or a date that is not one,
/// Error(Cancelled) when cancelled.
FootprintResult footprint(layers::Workspace& workspace, FootprintBy by,
                          const std::string& unitsLayer = {}, const layers::Progress& progress = {},
                          const std::string& dueBefore = {});

} // namespace pa::analysis
