#pragma once
// A planner's corrections of what the plan reader produced — a lead or a deadline put right, a
// task split in two, two merged, a paragraph that is not a task dropped. Stored apart from the
// reader's output (plan_task_corrections) and applied again whenever the document is stored:
// when the same document is ingested again, or re-read by a newer reader from the text the
// workspace keeps. A correction finds its task by the reader's words (so that it follows the
// task when a revised document renumbers it), else by its id.

#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/plan/Plan.h"

#include <string>
#include <vector>

namespace pa::plan {

struct Correction
{
    std::string taskId;  ///< within the document ("III.2#3"), as when the correction was made
    std::string textKey; ///< the reader's words of the task, as a key (taskTextKey)
    std::string action;  ///< "edit", "split", "merge", "drop"
    std::string field;   ///< edit: "lead", "support", "deadline", "text"
    std::string value;   ///< edit: the new value ("Sở A; Sở B" for agencies); split: the words
                         ///< where the second task begins; merge: the other task's id
    std::string was;     ///< edit: the value it replaces, for the edit log (not stored)
};

/// The key of a task's words: diacritic- and case-insensitive, white space folded.
std::string taskTextKey(const std::string& text);

struct CorrectionReport
{
    int applied = 0;
    std::vector<std::string> unmatched; ///< corrections whose task is no longer in the document
    std::vector<std::pair<std::string, std::string>>
        merged; ///< (task merged away, task it went into)
};

/// Applies @p corrections in order to @p plan's tasks (agencies named in edits are added to
/// plan.agencies, as the reader would name them). Throws layers::Error(Usage) for a correction
/// that cannot be applied as asked (split at words the task does not contain).
CorrectionReport applyCorrections(ParsedPlan& plan, const std::vector<Correction>& corrections);

/// The corrections stored for a document, in the order they were made.
std::vector<Correction> loadCorrections(layers::Workspace& workspace, const std::string& docId);

} // namespace pa::plan
