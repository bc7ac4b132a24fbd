#include "InDatabase_p.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Parallel.h"
#include "planatlas/layers/analysis/Algorithm.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace pa::analysis {

Engine engineFrom(const std::string& choice)
{
    if (choice.empty() || choice == "auto")
        return Engine::Auto;
    if (choice == "planatlas")
        return Engine::PlanAtlas;
    if (choice == "database")
        return Engine::Database;
    throw layers::ParameterError(
        "engine", {QT_TRANSLATE_NOOP("pa::layers", "must be auto, planatlas or database, not '%1'"),
                   {choice}});
}

Parameter engineParameter()
{
    return {.name = "engine",
            .type = Parameter::Type::Choice,
            .titleVi = "Nơi tính toán",
            .titleEn = "Computed by",
            .help = "where a large layer of a PostGIS workspace is analysed: auto (the database "
                    "server from " +
                    std::to_string(kDatabaseFromFeatures) +
                    " features, when only those near zones or a corridor are measured), "
                    "planatlas (rows read here), database (SQL in the server)",
            .metavar = "E",
            .defaultValue = "auto",
            .choices = {"auto", "planatlas", "database"},
            .choiceTitlesVi = {"Tự động", "PlanAtlas", "Máy chủ cơ sở dữ liệu"},
            .choiceTitlesEn = {"Automatic", "PlanAtlas", "Database server"}};
}

void refuseDatabase(layers::Workspace& ws, const layers::Sentence& why)
{
    throw layers::ParameterError(
        "engine",
        {QT_TRANSLATE_NOOP("pa::layers", "cannot analyse in the database: %1"),
         {ws.isShared() ? why
                        : layers::Sentence(QT_TRANSLATE_NOOP(
                              "pa::layers", "the workspace is a file; only a workspace kept in "
                                            "PostgreSQL has a database server to do the work"))}});
}

void Result::sayEngine(const EngineChoice& choice)
{
    if (choice.reason.empty())
        return;
    summary.emplace_back("engine", choice.database ? "database" : "planatlas");
    messages.push_back(choice.reason);
}

namespace detail {

namespace {

/// 736578 → "736 578", as the sentences write counts.
std::string grouped(long long n)
{
    const auto digits = std::to_string(n < 0 ? -n : n);
    std::string out = n < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ' ';
        out += digits[i];
    }
    return out;
}

} // namespace

EngineChoice chooseEngine(layers::Workspace& ws, InputLayer& input, Engine requested, Reach reach)
{
    const std::string layer = "'" + input.name() + "'";
    if (requested == Engine::PlanAtlas)
        return {false, "computed in PlanAtlas, as asked (--engine planatlas)"};
    auto refuse = [&](const layers::Sentence& why) {
        if (requested == Engine::Database)
            refuseDatabase(ws, why);
        return EngineChoice{false, ws.isShared() ? "computed in PlanAtlas: " + why.english() : ""};
    };
    if (!ws.isShared()) { // nothing said: a file has no server to choose
        if (requested == Engine::Database)
            refuseDatabase(ws, std::string());
        return {};
    }
    if (!input.exists() || input.table().geometryColumn().empty() ||
        input.table().fidColumn().empty())
        return refuse(
            {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' is not a table with a geometry column"),
             {input.name()}});
    if (input.reprojected())
        return refuse({QT_TRANSLATE_NOOP("pa::layers",
                                         "layer '%1' is stored in another CRS than the "
                                         "workspace's, and PlanAtlas reprojects it as it reads"),
                       {input.name()}});
    const auto count = input.table().featureCount(true);
    const std::string counted = "layer " + layer + " has " + grouped(count) + " features";
    if (requested == Engine::Auto && count < kDatabaseFromFeatures)
        return {false,
                "computed in PlanAtlas: " + counted + ", fewer than the " +
                    grouped(kDatabaseFromFeatures) + " worth a statement in the server",
                count};
    if (requested == Engine::Auto && reach == Reach::Every)
        return {false,
                "computed in PlanAtlas: " + counted +
                    ", every one of them measured, which PlanAtlas does faster from the "
                    "rows than the server's SQL (--engine database to have the server "
                    "do it)",
                count};
    return {true,
            "computed in the database server (PostGIS, " + std::to_string(layers::workerThreads()) +
                " connections in parallel): " + counted +
                (requested == Engine::Database
                     ? " (--engine database)"
                     : " (from " + grouped(kDatabaseFromFeatures) + " the server does the work)"),
            count};
}

DatabaseTable databaseTable(layers::Workspace& ws, InputLayer& input)
{
    DatabaseTable t;
    const auto schema = gis::connectionKeyword(ws.path(), "active_schema");
    t.table = gis::sqlIdentifier(schema) + "." + gis::sqlIdentifier(input.name());
    t.geometry = gis::sqlIdentifier(input.table().geometryColumn());
    t.fid = gis::sqlIdentifier(input.table().fidColumn());
    const auto rows =
        ws.dataset()
            .execute("SELECT " + gis::columnSridSql(t.table, input.table().geometryColumn()) +
                     " AS srid")
            .rows;
    if (rows.empty() || !std::holds_alternative<std::int64_t>(rows[0][0]) ||
        std::get<std::int64_t>(rows[0][0]) <= 0)
        throw layers::Error(layers::ErrorKind::Input,
                            {QT_TRANSLATE_NOOP("pa::layers", "layer '%1' has no SRID in its "
                                                             "column's type or its shapes"),
                             {input.name()}});
    t.srid = static_cast<int>(std::get<std::int64_t>(rows[0][0]));
    return t;
}

namespace {

/// @p column as it is when valid, else made valid keeping the parts of type @p type (SQL: 1
/// points, 2 lines, 3 polygons).
std::string repaired(const std::string& column, const std::string& type)
{
    return "CASE WHEN ST_IsValid(" + column + ") THEN " + column +
           " ELSE ST_CollectionExtract(ST_MakeValid(" + column + "), " + type + ") END";
}

} // namespace

std::string repairedSql(const std::string& column, gis::GeometryFamily family)
{
    return repaired(column, family == gis::GeometryFamily::Point  ? "1"
                            : family == gis::GeometryFamily::Line ? "2"
                                                                  : "3");
}

std::string repairedOwnFamilySql(const std::string& column)
{
    return repaired(column, "ST_Dimension(" + column + ") + 1");
}

std::string geometrySql(const gis::Geometry& geometry, int srid)
{
    return "ST_GeomFromWKB(decode('" + geometry.wkbHex() + "', 'hex'), " + std::to_string(srid) +
           ")";
}

std::string stripSql(const std::string& column, const gis::Envelope& extent, std::size_t k,
                     std::size_t parts, int srid)
{
    const double height = (extent.maxY - extent.minY) / static_cast<double>(parts);
    const double y0 = extent.minY + height * static_cast<double>(k), y1 = y0 + height;
    const double far = 1e30; // beyond any coordinate: the outer strips are open
    const std::string centre = "(ST_YMin(" + column + ") + ST_YMax(" + column + ")) / 2";
    char sql[600];
    std::snprintf(sql, sizeof sql, "%s && ST_MakeEnvelope(%.17g, %.17g, %.17g, %.17g, %d)",
                  column.c_str(), k == 0 ? -far : extent.minX, k == 0 ? -far : y0,
                  k + 1 == parts ? far : extent.maxX, k + 1 == parts ? far : y1, srid);
    std::string condition = sql;
    if (k > 0) {
        std::snprintf(sql, sizeof sql, " AND %s >= %.17g", centre.c_str(), y0);
        condition += sql;
    }
    if (k + 1 < parts) {
        std::snprintf(sql, sizeof sql, " AND %s < %.17g", centre.c_str(), y1);
        condition += sql;
    }
    return condition;
}

namespace {

/// While a run lasts, watches for the planner's cancellation and, when it comes, asks the
/// server to cancel the statements running on the run's connections (pg_cancel_backend, which
/// a role may do to its own sessions): a statement of many seconds stops at once instead of
/// running to its end.
class CancelWatch
{
public:
    CancelWatch(std::string where, const layers::Progress& progress)
        : m_where(std::move(where)), m_progress(progress), m_thread([this] { watch(); })
    {
    }
    ~CancelWatch()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    CancelWatch(const CancelWatch&) = delete;
    CancelWatch& operator=(const CancelWatch&) = delete;

    /// A connection of the run, by its server process id.
    void add(std::int64_t backend)
    {
        const std::lock_guard lock(m_mutex);
        m_backends.push_back(backend);
    }

private:
    void watch()
    {
        std::unique_lock lock(m_mutex);
        while (!m_done) {
            if (m_progress.cancelled()) {
                const auto backends = m_backends;
                lock.unlock();
                try {
                    auto db = gis::Dataset::openVector(m_where, gis::OpenMode::ReadOnly);
                    for (const auto pid : backends)
                        db.execute("SELECT pg_cancel_backend(" + std::to_string(pid) + ")");
                } catch (const gis::GisError&) {
                    // the statements then run to their end; the run still stops after them
                }
                return;
            }
            m_wake.wait_for(lock, std::chrono::milliseconds(100));
        }
    }

    std::string m_where;
    const layers::Progress& m_progress;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<std::int64_t> m_backends;
    bool m_done = false;
    std::thread m_thread;
};

} // namespace

void runInDatabase(layers::Workspace& ws, std::size_t parts,
                   const std::function<std::string(std::size_t)>& statementOfPart,
                   const std::function<void(std::size_t, const gis::SqlResult&)>& collect,
                   const layers::Progress& progress, std::string_view stage)
{
    const std::string where = ws.path();
    CancelWatch watch(where, progress);
    layers::forEachChunk(parts, layers::workerThreads(), progress, stage, [&] {
        // Each thread its own connection: one server backend per thread working at once.
        auto connection = std::make_shared<gis::Dataset>(
            gis::Dataset::openVector(where, gis::OpenMode::ReadOnly));
        // PostGIS functions are costed high, which sends every statement through the JIT
        // compiler: a fifth of a second each, for calls that spend their time in GEOS.
        connection->execute("SET jit = off");
        // What a statement keeps (the hits before they are summed) stays in memory.
        connection->execute("SET work_mem = '64MB'");
        const auto pid = connection->execute("SELECT pg_backend_pid()").rows;
        if (!pid.empty())
            watch.add(static_cast<std::int64_t>(realOf(pid[0][0])));
        return [&, connection](std::size_t part) {
            gis::SqlResult rows;
            try {
                rows = connection->execute(statementOfPart(part));
            } catch (const gis::GisError& e) {
                progress.checkCancelled(); // the statement was cancelled by the planner
                throw layers::Error(
                    layers::ErrorKind::Input,
                    {QT_TRANSLATE_NOOP("pa::layers",
                                       "the analysis failed in the database server: %1"),
                     {std::string(e.what())}});
            }
            collect(part, rows);
        };
    });
}

void noteRepaired(InputNotes& notes, const std::string& layer,
                  const std::vector<std::vector<std::int64_t>>& fidsOfParts)
{
    std::set<std::int64_t> fids;
    for (const auto& part : fidsOfParts)
        fids.insert(part.begin(), part.end());
    if (!fids.empty())
        notes.repaired[layer] += static_cast<std::int64_t>(fids.size());
}

double realOf(const gis::FieldValue& value)
{
    if (const auto* d = std::get_if<double>(&value))
        return *d;
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return static_cast<double>(*i);
    if (const auto* s = std::get_if<std::string>(&value))
        return std::stod(*s);
    return 0.0;
}

} // namespace detail
} // namespace pa::analysis
