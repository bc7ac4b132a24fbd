#pragma once
// Why a workspace in PostgreSQL could not be opened, said for people (Access.cpp).

#include "planatlas/gis/Error.h"
#include "planatlas/layers/Sentence.h"

#include <string>

namespace pa::layers {

/// Why @p connection could not be opened, from @p error: the service that is not defined, the
/// server that does not answer, the password that is not in .pgpass, the role refused, each with
/// libpq's own words; GDAL's message as it is for any other failure.
[[nodiscard]] Sentence whyNotConnected(const std::string& connection, const gis::GisError& error);

} // namespace pa::layers
