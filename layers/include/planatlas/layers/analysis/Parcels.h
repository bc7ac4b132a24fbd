#pragma once
// A synthetic parcel layer for benchmarks and demonstrations: about N parcels of 0.05–3 ha
// tiling the province, or each province of a national layer (rows of rectangles in 1 km blocks,
// cut at the boundaries; each parcel records its province's code), each with a land use and a
// price per m² that falls with distance from its provincial city. Clearly
// marked: source "synthetic", geometry_quality "indicative". Not real parcels, not real prices.

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"

#include <cstdint>
#include <string>

namespace pa::analysis {

struct ParcelOptions
{
    /// About how many parcels (at most 20 million): the provinces' area over N sets their mean
    /// size, 0.025–1.25 ha (house plots of a dense cadastre to fields). More than the area
    /// holds at 0.025 ha is refused, saying the most; fewer than it holds at 1.25 ha parcel a
    /// share of the 1 km blocks picked at random (ParcelResult::blockShare), at 0.99 ha.
    std::int64_t count = 100000;
    std::uint64_t seed = 1; ///< the same seed gives the same parcels
    std::string layerName = "parcels_synthetic";
    std::string provinceLayer; ///< admin_province layer to tile; empty: the one still valid
};

struct ParcelResult
{
    std::int64_t parcels = 0;
    double meanAreaHa = 0;
    int provinces = 0;     ///< features of the province layer tiled
    double blockShare = 1; ///< share of the 1 km blocks parcelled (1: all of them)
};

/// Generates the layer (kind land_price) through the importer, in one transaction. Throws
/// layers::Error(Usage) for a bad count or an existing layer name.
ParcelResult makeParcels(layers::Workspace& workspace, const ParcelOptions& options,
                         const layers::Progress& progress = {});

} // namespace pa::analysis
