#pragma once
// Import of a GIS file into a workspace layer of a given kind: reprojection to the
// workspace CRS, geometry repair, text decoding and NFC, attribute mapping, stable codes,
// registration. All in one transaction: on any error the workspace is left as it was.

#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pa::layers {

struct ImportOptions
{
    std::string sourcePath;
    /// What the workspace records as the source file (pa_layers, the edit log) instead of
    /// sourcePath's file name: a layer PlanAtlas generates through a temporary file names the
    /// command that made it, so that the same command gives the same record.
    std::string sourceFileName;
    std::string kind;
    std::string layerName;   ///< workspace layer; derived from the source when empty
    std::string sourceLayer; ///< which layer of a multi-layer source (GeoPackage, KML)
    std::string sourceCrs;   ///< "EPSG:N" for a source without CRS, or to override a wrong one
    std::optional<text::Encoding> encoding; ///< legacy encoding of the source's text
    std::vector<std::pair<std::string, std::string>> fieldMap; ///< attribute → source column
    std::string codeField;  ///< source column holding stable codes
    std::string codePrefix; ///< put before every code from codeField ("TINH2025-" + "19")
    std::string where;      ///< OGR SQL filter on the source ("crosses_thai_nguyen = 1")
    std::string titleVi, titleEn;
    std::string source, licence, attribution;
    std::string geometryQuality; ///< for features that do not say; default "digitized"
    /// The map sheet (a raster layer of the workspace) the features were traced over, in
    /// another program (QGIS) or by hand: every feature becomes "digitized" with the sheet,
    /// its date and its control-point error as its source, as if drawn in PlanAtlas.
    std::string tracedFrom;
    std::string validFrom, validTo; ///< administrative units: validity where the source has none
                                    ///< (ISO or Vietnamese day-first dates)

    /// A table without geometry (a land-price decision's price list by commune or road
    /// segment) takes each row's geometry from the feature of a workspace layer whose
    /// @c field matches the row's @c column. Names match as a person would: without case,
    /// diacritics or leading type words ("Xã Tân Cương" = "Tân Cương"). Line features are
    /// turned into polygons by a buffer of @c bufferM metres (the strip a road price applies to).
    struct Join
    {
        std::string layer;  ///< workspace layer giving the geometry
        std::string field;  ///< its attribute holding the key (e.g. name_vi, code)
        std::string column; ///< the table's column holding the key
        double bufferM = 0; ///< > 0: buffer line geometry into polygons
    };
    std::optional<Join> join;
};

struct ImportReport
{
    std::string layerName;
    std::string kind;
    std::string sourceDriver;
    std::string sourceLayer;
    std::string sourceCrs;
    std::string transformation;
    std::string geometryType;
    std::int64_t features = 0;
    std::int64_t repaired = 0;            ///< invalid geometries made valid by GEOS
    std::int64_t repairedByStructure = 0; ///< of those, repaired as areas (too many crossings)
    std::int64_t collapsed = 0;           ///< geometries that repair reduced to nothing
    std::int64_t droppedParts = 0;        ///< geometries that lost collapsed lower-dimension parts
    std::int64_t withoutGeometry = 0;     ///< imported with no geometry
    std::int64_t codesGenerated = 0;
    std::int64_t textConverted = 0;   ///< values decoded from the legacy encoding
    std::int64_t renormalised = 0;    ///< values changed by NFC (e.g. NFD input)
    std::int64_t lookalikesFixed = 0; ///< values with Ð/ð replaced by Đ/đ
    std::int64_t unmappedCharacters = 0;
    std::int64_t latin1Suspects = 0; ///< values that look like undeclared TCVN3/VNI text
    std::int64_t doubleEncoded = 0;  ///< values of UTF-8 read as Latin-1/1252, repaired
    std::int64_t lostLetters = 0; ///< values with "?" or U+FFFD where letters were (not repairable)
    std::map<std::string, std::int64_t> lostLettersByColumn; ///< source column → such values
    std::vector<std::string> lostLetterExamples; ///< the first damaged values, with their feature
    std::int64_t controlCharacters = 0; ///< values that held NUL or other controls (removed)
    std::int64_t statusUnrecognised = 0;
    std::map<std::string, std::int64_t> statusValuesUnrecognised; ///< value as written → count
    std::int64_t numbersUnparsed = 0;
    std::int64_t datesUnparsed = 0;
    std::int64_t joined = 0; ///< rows that took their geometry from --join
    std::map<std::string, std::int64_t> missingValues; ///< required attribute → empty count
    std::vector<std::pair<std::string, std::string>> mapping; ///< attribute → source column
    /// Source columns whose names a DBF had cut to 10 characters, and the names restored.
    std::vector<std::pair<std::string, std::string>> dbfNamesRestored;
    std::vector<Notice> warnings; ///< one per kind of repair or problem, with its count
};

/// Imports one layer of a file. Throws Error: Usage for bad options, Input for a source that
/// cannot be used (the message names the file, layer, feature and problem), Workspace when
/// the workspace cannot be written, Cancelled when @p progress was cancelled.
/// Throws Error(Workspace) when this role may not add a layer (or @p what: "a map sheet") to
/// @p workspace (an editor of a schema, who changes rows but makes no tables), saying who may;
/// before any work is done.
void checkMayAddLayers(Workspace& workspace, const Sentence& what);
/// As above, for a layer.
void checkMayAddLayers(Workspace& workspace);

/// "'X' is not a coordinate reference system PlanAtlas knows; write an EPSG code …", @p given
/// cut to a line (a WKT is long) and PROJ's own words in brackets when it gave any.
Sentence unknownCrs(const std::string& given, const std::string& libraryWords);

ImportReport importLayer(Workspace& workspace, const ImportOptions& options,
                         const Progress& progress = {});

} // namespace pa::layers
