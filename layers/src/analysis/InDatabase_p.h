#pragma once
// Analyses run in the database server: the pieces every such statement shares. A statement
// reads one large layer of the workspace's schema where it lies; what PlanAtlas already holds
// (zones, units, the expressway network, fitted as InputLayer fits them) is sent with it as
// exact WKB, so that the server measures the same shapes the embedded engine would.

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Engine.h"
#include "planatlas/layers/analysis/Input.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace pa::analysis::detail {

/// How much of the large layer an analysis measures.
enum class Reach
{
    Near,  ///< the features near a few zones or a corridor, found through the index
    Every, ///< every feature (each assigned to the units it meets)
};

/// Where an analysis reading @p input in bulk runs, and why (empty reason for a file workspace
/// left to Auto: there was no choice to make). Auto sends a large layer to the server when the
/// analysis reaches only Near features: there the server reads a fraction of the table and
/// sends back only the answer. An analysis of Every feature stays in PlanAtlas, which tells
/// most features' place from their envelope alone where the server runs GEOS on each (1.2–1.8
/// times faster at 1 and 3 million parcels, tests/bench/database_engine.sh on loopback). Throws
/// layers::ParameterError("engine") when Database is asked of a workspace or layer the server
/// cannot analyse.
EngineChoice chooseEngine(layers::Workspace& workspace, InputLayer& input, Engine requested,
                          Reach reach);

/// A layer's table as SQL names it in the workspace's schema.
struct DatabaseTable
{
    std::string table;    ///< "schema"."layer"
    std::string geometry; ///< "geom", quoted
    std::string fid;      ///< "fid", quoted
    int srid = 0;
};
DatabaseTable databaseTable(layers::Workspace& workspace, InputLayer& input);

/// SQL for the geometry of @p column as the analyses measure it: a valid geometry as it is, an
/// invalid one repaired as InputLayer repairs it (GEOS's MakeValid, the parts of
/// @p family kept; a ring crossing itself thousands of times is repaired by the linework method
/// here, by the structure method there).
std::string repairedSql(const std::string& column,
                        gis::GeometryFamily family = gis::GeometryFamily::Polygon);

/// repairedSql() for a column of features of several families: each repaired keeping the
/// parts of its own dimension, as InputLayer repairs it.
std::string repairedOwnFamilySql(const std::string& column);

/// @p geometry (from this process) as an SQL value of @p srid, every coordinate exact.
std::string geometrySql(const gis::Geometry& geometry, int srid);

/// The SQL condition taking into part @p k of @p parts the rows of @p column whose envelope's
/// centre lies in the k-th horizontal strip of @p extent, the first and last strips open
/// downwards and upwards: each row falls in exactly one part. The strip's rectangle lets the
/// GiST index leave the others out.
std::string stripSql(const std::string& column, const gis::Envelope& extent, std::size_t k,
                     std::size_t parts, int srid);

/// Runs @p statementOfPart(part) for every part in [0, @p parts) on up to workerThreads()
/// connections of its own to the workspace's server, and gives each part's rows to
/// @p collect(part, rows) on the thread that ran it (each part fills its own slot). Progress
/// per part; cancellation between parts. layers::Error(Input) with the server's message.
void runInDatabase(layers::Workspace& workspace, std::size_t parts,
                   const std::function<std::string(std::size_t part)>& statementOfPart,
                   const std::function<void(std::size_t part, const gis::SqlResult& rows)>& collect,
                   const layers::Progress& progress, std::string_view stage);

/// Notes in @p notes that the server repaired the invalid features of @p layer whose fids the
/// parts of a run found (@p fidsOfParts, one list per part; a feature found by several parts
/// counts once), as InputLayer notes those it repairs.
void noteRepaired(InputNotes& notes, const std::string& layer,
                  const std::vector<std::vector<std::int64_t>>& fidsOfParts);

/// A number of a result row (NULL as 0).
double realOf(const gis::FieldValue& value);

} // namespace pa::analysis::detail
