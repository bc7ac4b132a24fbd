#pragma once
// What an analysis had to mend in its input to give an answer, so that it can say so:
// layers in another CRS than the workspace's (reprojected on the fly) and invalid geometries
// (repaired on the fly with GEOS MakeValid). `planatlas validate` reports both as errors; the
// analyses still answer, and tell.

#include "planatlas/layers/Errors.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pa::analysis {

struct InputNotes
{
    std::map<std::string, std::string> reprojected; ///< layer → the CRS it is stored in
    std::map<std::string, std::int64_t> repaired;   ///< layer → invalid geometries repaired

    [[nodiscard]] bool empty() const { return reprojected.empty() && repaired.empty(); }
    /// One sentence per note, e.g. "layer 'communes' is stored in EPSG:4326, not the
    /// workspace's EPSG:9213: reprojected on the way in", for a window to say in its language.
    [[nodiscard]] std::vector<layers::Notice> notices(const std::string& workspaceCrs) const;
    /// notices() as the command line says them (English, with their remedies).
    [[nodiscard]] std::vector<std::string> messages(const std::string& workspaceCrs) const;
};

} // namespace pa::analysis
