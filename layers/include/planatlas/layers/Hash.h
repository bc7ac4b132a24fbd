#pragma once

#include <string>
#include <string_view>

namespace pa::layers {

/// SHA-256 (FIPS 180-4) of @p bytes as 64 lower-case hex digits; identifies a plan document's
/// content so that ingesting it again updates instead of duplicating.
std::string sha256Hex(std::string_view bytes);

} // namespace pa::layers
