#pragma once
// Where an analysis over a large layer runs: in PlanAtlas (the layer's rows read into this
// process, on its threads) or, for a workspace kept in PostgreSQL, in the database server as
// one SQL statement (PostGIS, with the server's parallel workers), only the answer coming back.
// The choice is automatic, can be forced, and is always said.

#include <cstdint>
#include <string>

namespace pa::layers {
class Workspace;
class Sentence;
} // namespace pa::layers

namespace pa::analysis {

struct Parameter;

enum class Engine
{
    /// The database for a large layer of a shared workspace of which the analysis measures
    /// only the features near a few zones or a corridor; else PlanAtlas.
    Auto,
    PlanAtlas, ///< always read the rows into PlanAtlas
    Database,  ///< always in the server; refused (with why) when the workspace is a file
};

/// "auto", "planatlas" or "database" (what the command line and forms give); Auto when empty.
/// Throws layers::ParameterError("engine") for anything else.
Engine engineFrom(const std::string& choice);

/// Layers of at least this many features are analysed in the database when Auto.
inline constexpr long long kDatabaseFromFeatures = 200000;

/// Where an analysis ran and why, in one English sentence ("in the database …: layer
/// 'parcels' has 736 578 features").
struct EngineChoice
{
    bool database = false;
    std::string reason;
    std::int64_t features = -1; ///< the layer's features when counted to choose; -1: not counted
};

/// Throws ParameterError("engine") saying why the database server cannot do the work asked:
/// the workspace is a file, else @p why.
[[noreturn]] void refuseDatabase(layers::Workspace& ws, const layers::Sentence& why);

/// The declaration of the "engine" parameter the analyses over large layers share.
Parameter engineParameter();

} // namespace pa::analysis
