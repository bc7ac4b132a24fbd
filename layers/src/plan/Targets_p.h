#pragma once
// Targets (chỉ tiêu) read from clauses: comparator, value or range, unit, year, metric.

#include "planatlas/layers/plan/Plan.h"

#include <optional>
#include <string>
#include <vector>

namespace pa::plan {

/// Targets in one paragraph of a target section or the preamble. @p defaultYear is the year
/// the section or document aims at ("đến năm 2025").
/// With @p counts (a target section), a number followed by what it counts is a target too
/// ("ít nhất 20 mô hình", "3.000 lượt nhân lực"); elsewhere only numbers with a unit of measure.
/// @p lineStarts: where later source lines start in @p paragraph (offset, 1-based line), so
/// that each target carries the line its value stands on.
std::vector<Target> extractTargets(const std::string& paragraph, const std::string& section,
                                   int line, std::optional<int> defaultYear, bool counts = false,
                                   const std::vector<std::pair<std::size_t, int>>& lineStarts = {});

/// Whether PlanAtlas can measure @p metric on the map (lengths, areas, counts of features).
bool measurableOnMap(const std::string& metric);

/// The metric key of an indicator and unit ("Tỷ lệ đô thị hóa", "%" → "urbanisation_rate_pct").
std::string metricFor(const std::string& indicator, const std::string& unit);

/// Last "năm YYYY" / "giai đoạn YYYY - YYYY" year in a text.
std::optional<int> yearIn(const std::string& text);

} // namespace pa::plan
