#pragma once
// Copying a whole workspace between a GeoPackage and a PostgreSQL/PostGIS schema, either way:
// PlanAtlas's own tables with their constraints, every layer under its own fids, the links and
// their Related Tables registry, the descriptions GIS clients list and the stored QGIS project.

#include "planatlas/layers/Progress.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pa::layers {

class Workspace;

struct CopiedTable
{
    std::string name;
    std::string role; ///< "system", "layer", "links", "catalogue"
    std::int64_t rows = 0;
};

struct CopyReport
{
    std::string from, to; ///< as given (connection strings carry no password)
    std::vector<CopiedTable> tables;
    /// What was not copied, each with why ("test_sheet: a map sheet's tiles …").
    std::vector<std::string> notCopied;
    [[nodiscard]] std::int64_t rows() const;
};

/// Copies workspace @p from into @p to. Each is a GeoPackage path or a "PG:" connection string
/// whose active_schema= names the province's schema. The target must not exist yet (a file) or
/// must hold no table (a schema, created when absent); it appears complete or not at all (a
/// file is written aside and renamed into place; a schema is filled in one transaction). The
/// source must be at this PlanAtlas's schema version. Throws Error naming the table or layer
/// that failed.
CopyReport copyWorkspace(const std::string& from, const std::string& to,
                         const Progress& progress = {});

/// A GeoPackage holding map sheet @p sheet of @p workspace, for GDAL to read its tiles: the
/// workspace itself when it is a file; for a workspace in PostGIS (where the tiles are kept as
/// text) a copy of the sheet in GDAL's memory, made once per sheet and made again (the old one
/// freed) when the sheet changes.
std::string sheetFile(Workspace& workspace, const std::string& sheet);

/// Puts map sheet @p sheet of GeoPackage @p geoPackage into @p workspace, kept in a schema, as a
/// copy of a whole workspace would have brought it: its tiles as hexadecimal text in a table of
/// its own, how they lie in pa_gpkg_tile_matrix_set and pa_gpkg_tile_matrix, its CRS in
/// pa_gpkg_spatial_ref_sys when missing there, its row (with the statements that make it in a
/// GeoPackage) in the schema's catalogue. Inside the workspace's transaction; the registration
/// in pa_rasters is the caller's. Returns the tables made. Throws Error(Workspace).
std::vector<std::string> putSheetInSchema(Workspace& workspace, const std::string& geoPackage,
                                          const std::string& sheet);

/// Takes map sheet @p sheet out of @p workspace, kept in a schema: its tile table, its tile
/// matrices and its row in the catalogue. Inside the workspace's transaction.
void takeSheetOutOfSchema(Workspace& workspace, const std::string& sheet);

/// Frees the copies sheetFile() made of @p workspace's sheets (the workspace is closed). A
/// dataset GDAL still has open on one keeps reading it until it is closed.
void forgetSheetFiles(const std::string& workspace);

} // namespace pa::layers
