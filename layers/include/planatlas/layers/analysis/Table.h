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
#include <string_view>
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
/// Every feature's distance, area and area within the corridor, and a last row
/// "industrial_total": the industrial land (parks, clusters, zones, their union) and its share
/// within the distance.
Table corridor(const CorridorResult& result);
Table zonal(const ZonalResult& result);
Table targets(const TargetsResult& result);
Table overlaps(const OverlapsResult& result);

} // namespace tables

/// The words a person reads for a column ("share_pct" → "Tỷ lệ (%)" / "Share (%)"), a table
/// ("coverage" → "Độ phủ theo đơn vị") or a figure of a run ("industrial_inside_pct"), in
/// @p lang "vi" or "en"; a name the dictionary lacks comes back as it is.
std::string columnTitle(std::string_view column, std::string_view lang);
std::string tableTitle(std::string_view table, std::string_view lang);
std::string figureTitle(std::string_view figure, std::string_view lang);
/// A value as a person reads it in @p lang: a kind's id in a kind column ("industrial_park" →
/// "Khu công nghiệp"), a coded value of status, geometry_quality or tier ("planned" → "quy
/// hoạch"); any other value as it is.
std::string valueTitle(std::string_view column, const std::string& value, std::string_view lang);
/// The coded values valueTitle knows for @p column ("existing", "planned", … for status), in
/// their order; empty for a column without coded values.
std::vector<std::string> codedValues(std::string_view column);
/// Whether the dictionary has words for @p column (tests keep every column covered).
bool hasColumnTitle(std::string_view column);

/// One line of a spreadsheet's information sheet: what was asked and what came out.
struct InfoLine
{
    std::string label, value;
};

/// Writes @p tables as an Excel workbook at @p path (replacing an earlier workbook there only
/// once the new one is complete): one sheet per table, named and headed in @p lang ("vi" or
/// "en"), typed cells (numbers as numbers), the WKT column left out; then a sheet of @p info
/// (the analysis, its parameters and figures, the notes on its inputs). Throws
/// layers::Error(Input) naming the file when it cannot be written.
void writeSpreadsheet(const std::vector<Table>& tables, const std::vector<InfoLine>& info,
                      const std::string& path, std::string_view lang);

/// The layers a GIS user wants of @p table: one per kind ("coverage_industrial_park", …) when
/// the table has a "kind" column and its rows repeat a place (coverage: every district once per
/// kind, which QGIS would draw stacked), else the table itself.
std::vector<Table> layersByKind(const Table& table);

/// Writes @p tables as the layers of a new GeoPackage at @p path, as writeGeoPackage below.
void writeGeoPackage(layers::Workspace& workspace, const std::vector<Table>& tables,
                     const std::string& path, const layers::Progress& progress = {});

/// Writes @p table as one layer of a new GeoPackage at @p path (replacing a file there only
/// once the new one is complete): rows with a Place get its geometry, in the workspace CRS,
/// read from @p workspace; a table without places becomes an attribute table. Throws
/// layers::Error(Input) when the file cannot be written, naming it.
void writeGeoPackage(layers::Workspace& workspace, const Table& table, const std::string& path,
                     const layers::Progress& progress = {});

} // namespace pa::analysis
