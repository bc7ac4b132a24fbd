#pragma once
// Zonal statistics: what does the land cost there? For every programme polygon, the
// area-weighted mean, the minimum and the maximum of a field of a polygon value layer (land
// price by default), and how much of the feature the value layer covers; or the same of the
// pixels of a raster (a GeoTIFF of price, slope, flood depth) whose centre lies inside it.

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Engine.h"
#include "planatlas/layers/analysis/Notes.h"

#include <optional>
#include <string>
#include <vector>

namespace pa::analysis {

struct ZonalRow
{
    std::string layer, kind, code, name;
    std::optional<double> mean, min, max; ///< empty when no value polygon overlaps the feature
    double coveredHa = 0;                 ///< feature area with a value
    double coveredPct = 0;
    std::int64_t valueFeatures =
        0; ///< value polygons that reach into the feature; pixels with a value
    std::int64_t noDataPixels = 0; ///< raster only: pixels inside holding no data
};

struct ZonalResult
{
    std::string valuesLayer, field; ///< raster: the file's path and "bandN"
    bool raster = false;
    /// Raster only: its CRS, and whether features were reprojected into it (otherwise the
    /// workspace's); covered_ha is then the pixel count times the pixel's area measured in the
    /// workspace CRS at the feature.
    std::string rasterCrs;
    bool reprojected = false;
    std::vector<ZonalRow> rows; ///< by kind then code
    EngineChoice engine;        ///< a value layer: where it was measured, and why
    InputNotes notes;           ///< of the programme layers or units (not of the value polygons)
};

/// @p values: "LAYER" or "LAYER:FIELD" (default field price_vnd_m2) of the workspace, or the path
/// of a raster file GDAL reads, "FILE" or "FILE:BAND" (default band 1). Throws
/// layers::Error(Usage) for an unknown layer, a non-polygon layer, a missing field or band; and
/// layers::Error(Input) for a raster without a CRS (never guessed) or not north-up.
ZonalResult zonal(layers::Workspace& workspace, const std::string& values,
                  const layers::Progress& progress = {});
/// The same, only for features of @p kinds (e.g. {"industrial_park"}); all programme kinds when
/// empty. Throws layers::Error(Usage) for an unknown kind.
/// A value layer of a PostGIS workspace is measured where @p engine says (analysis/Engine.h).
ZonalResult zonal(layers::Workspace& workspace, const std::string& values,
                  const std::vector<std::string>& kinds, const layers::Progress& progress = {},
                  Engine engine = Engine::Auto);

/// The same statistics per unit of @p unitsLayer (districts, a grid) instead of per programme
/// feature: one pass over the value polygons, each assigned to the units it meets (a unit
/// prepared once; only polygons crossing a unit's edge are cut).
ZonalResult zonalByUnits(layers::Workspace& workspace, const std::string& values,
                         const std::string& unitsLayer, const layers::Progress& progress = {},
                         Engine engine = Engine::Auto);

} // namespace pa::analysis
