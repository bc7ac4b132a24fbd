#pragma once
// The programme's period: the date its administrative units are taken at.

#include "planatlas/layers/Workspace.h"

#include <string>

namespace pa::render {

/// The first cell of a query's first row as text; empty when there is none.
std::string scalar(layers::Workspace& workspace, const std::string& sql);

/// The latest plan document's date (issued or, when undated, not before), else today (ISO).
std::string periodDate(layers::Workspace& workspace);

/// The admin_province layer valid on the period's date, else the first; empty when none.
std::string periodProvinceLayer(layers::Workspace& workspace);

/// SQL condition: valid_from/valid_to bracket @p isoDate (open ends allowed).
std::string validOn(const std::string& isoDate);

} // namespace pa::render
