#pragma once
// Every analysis result as one table: typed columns, rows, and where each row lies on the map.
// CSV (analysis/Csv.h) and GeoPackage output are both written from it, so that a column has
// the same name, type and rounding in either.

#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Coverage.h"
#include "planatlas/layers/analysis/Footprint.h"
#include "planatlas/layers/analysis/Overlaps.h"
#include "planatlas/layers/analysis/Proximity.h"
#include "planatlas/layers/analysis/Targets.h"
#include "planatlas/layers/analysis/Zonal.h"

#include <string>
#include <vector>

namespace pa::analysis {

struct Column
{
    enum class Type
    {
        Text,
        Integer,
        Real
    };
    std::string name;
    Type type = Type::Text;
    int decimals = 4; ///< Real columns in CSV
};

/// Where a row lies: the feature of a workspace layer with that code, or a geometry of the
/// row's own (WKT in the workspace CRS, e.g. an overlap polygon). Both empty: no geometry.
struct Place
{
    std::string layer, code, wkt;
};

struct Table
{
    std::string name; ///< "coverage", "zonal", …: the GeoPackage layer's name
    std::vector<Column> columns;
    std::vector<std::vector<gis::FieldValue>> rows;
    std::vector<Place> places; ///< one per row, or empty for a table without geometry
};

namespace tables {

Table coverage(const CoverageResult& result);
Table footprint(const FootprintResult& result);
Table unlocated(const FootprintResult& result);
Table distances(const std::vector<DistanceRow>& rows, bool corridor, const std::string& name);
Table zonal(const ZonalResult& result);
Table targets(const TargetsResult& result);
Table overlaps(const OverlapsResult& result);

} // namespace tables

/// Writes @p table as one layer of a new GeoPackage at @p path (replacing a file there only
/// once the new one is complete): rows with a Place get its geometry, in the workspace CRS,
/// read from @p workspace; a table without places becomes an attribute table. Throws
/// layers::Error(Input) when the file cannot be written, naming it.
void writeGeoPackage(layers::Workspace& workspace, const Table& table, const std::string& path,
                     const layers::Progress& progress = {});

} // namespace pa::analysis
