#pragma once
// Deadlines as Vietnamese plans write them ("Quý II/2026", "trước ngày 30/6/2026", "năm 2026",
// "2026 - 2030", "thường xuyên", "hằng năm", "trong vòng 07 ngày") → a normalised Deadline.

#include "planatlas/layers/plan/Plan.h"

#include <string>

namespace pa::plan {

/// The deadline a whole text states (a table's "Thời gian hoàn thành" cell, the value of a
/// "Thời gian thực hiện:" field): its first expression, or a range of two. Empty when none.
Deadline deadlineOf(const std::string& text);

/// The deadline inside a task's own words: a labelled field ("Thời gian hoàn thành: Quý
/// IV/2026") or an anchored phrase ("trước ngày 30/6/2026", "hoàn thành trong năm 2026",
/// "thực hiện thường xuyên"). A bare year in running text is not a deadline.
Deadline deadlineInTask(const std::string& body);

} // namespace pa::plan
