#pragma once
// The workspace: one GeoPackage holding the programme's layers, the plan (documents, tasks,
// agencies, roles, targets), the feature↔task links as Related Tables Extension relations,
// administrative-unit validity and crosswalk, and PlanAtlas metadata.

#include "planatlas/gis/Crs.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Progress.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pa::layers {

/// Version of the workspace schema this build writes and reads.
inline constexpr int kSchemaVersion = 7;
/// The schema that added plan_unlocated and plan_documents.not_before (a schema-1 workspace
/// opened read-only has neither; opened for writing it is upgraded).
inline constexpr int kSchemaPlanReview = 2;
/// The schema that added the tasks' deadlines, products, parts and reading rules, and the
/// planners' corrections of what the reader produced (plan_task_corrections).
inline constexpr int kSchemaTaskDeadlines = 3;
/// The schema that gave link suggestions their rule and evidence (why a feature was suggested).
inline constexpr int kSchemaLinkRules = 4;
/// The schema that keeps map sheets placed on the map (pa_rasters, pa_raster_control_points).
inline constexpr int kSchemaRasters = 5;
/// The schema that records every planner's change (pa_edit_log): who, when, what.
inline constexpr int kSchemaEditLog = 6;
/// The schema whose copy in PostgreSQL keeps its QGIS styles as pa_layer_styles (QGIS takes a
/// table "layer_styles" in any schema for its own public.layer_styles).
inline constexpr int kSchemaQgisStyles = 7;

struct WorkspaceOptions
{
    std::string province; ///< "Thái Nguyên"
    std::string crs;      ///< analysis CRS, projected in metres: "EPSG:9213"
};

/// A row of the layer registry (pa_layers).
struct RegisteredLayer
{
    std::string name;
    std::string kind;
    std::string titleVi;
    std::string titleEn;
    std::string geometryType;
    std::string source;
    std::string licence;
    std::string attribution;
    std::string geometryQuality;
    std::string sourceFile;
    std::string sourceCrs;
    std::string sourceEncoding;
    std::string transformation;
    std::string importedAt;
    std::string linkTable;
};

struct LayerSummary
{
    RegisteredLayer layer;
    std::int64_t features = 0;
    std::optional<gis::Envelope> extent; ///< in the workspace CRS
};

struct WorkspaceInfo
{
    std::string path;
    std::string province;
    int schemaVersion = 0;
    std::string crs;     ///< "EPSG:9213"
    std::string crsName; ///< "VN-2000 / TM-3 106-30"
    std::optional<gis::Envelope> extent;
    std::vector<LayerSummary> layers;
    std::int64_t documents = 0, tasks = 0, agencies = 0, targets = 0, links = 0;
    std::int64_t adminUnits = 0, crosswalkRows = 0;
    std::vector<gis::RelationshipInfo> relationships;
};

struct Problem
{
    enum class Severity
    {
        Error,
        Warning
    };
    Severity severity = Severity::Error;
    std::string check; ///< "geometry", "crs", "links", "codes", "schema", "attributes"
    std::string where; ///< "layer kcn, feature KCN-0003"
    std::string what;
};

struct ValidationReport
{
    std::vector<std::string> checksRun;
    std::vector<Problem> problems;
    std::int64_t featuresChecked = 0;
    [[nodiscard]] std::size_t errorCount() const;
    [[nodiscard]] std::size_t warningCount() const;
};

/// Whether a command may change a workspace kept in a PostgreSQL schema. The edits planners
/// share (links, reviews, suggestions, tasks without a place, plans, task corrections, the
/// crosswalk, the programme's shapes drawn), the layers and map sheets its owner adds and the
/// QGIS project may; a command not written for a schema yet opens it with Refused.
enum class SchemaWrites
{
    Refused,
    Allowed,
};

/// One change a planner makes, as the edit log (pa_edit_log) keeps it.
struct Edit
{
    std::string action;      ///< "link_add", "link_remove", "suggestion_accept" …
    std::string taskId;      ///< the task it concerns, if any
    std::string layer;       ///< the feature's layer, if any
    std::string featureCode; ///< the feature, if any
    std::string detail;      ///< anything else worth reading later (a reason, a file)
};

/// A row of the edit log: an Edit with its number, time (ISO 8601 UTC) and author.
struct LoggedEdit
{
    std::int64_t id = 0;
    std::string at, who;
    Edit edit;
};

/// A feature as Workspace::lockFeatures found it.
struct LockedFeature
{
    bool exists = false;
    std::string code;
    std::int64_t lastEdit = 0; ///< the number of its last recorded edit (0: none)
};

/// "2026-12-04 10:42:05 UTC": a time of the edit log (2026-12-04T10:42:05.123Z), for a person.
[[nodiscard]] std::string shownTime(const std::string& at);
/// "planatlas_b linked KCN-03 at 2026-12-04 10:42:05 UTC", "planatlas_b gave a new shape to
/// KCN-03 at …": an edit of the log, for a person.
[[nodiscard]] std::string describe(const LoggedEdit& e);
/// The first three of @p edits described, "; and N more change(s)" for the others.
[[nodiscard]] std::string describe(const std::vector<LoggedEdit>& edits);

/// A change refused because someone else changed what it was made on (ErrorKind::Conflict;
/// nothing was written). Beside its message, in English, what happened, so that a front end
/// says it in its own language.
class ConflictError : public Error
{
public:
    enum class Reason
    {
        Changed,   ///< edited by someone else since: since() says who did what
        Gone,      ///< a feature is no longer there (deleted, or merged into another)
        CodeTaken, ///< a feature cannot come back: its code was given to another meanwhile
    };
    ConflictError(const std::string& message, Reason reason, std::string subject,
                  std::vector<LoggedEdit> since = {})
        : Error(ErrorKind::Conflict, message), m_reason(reason), m_subject(std::move(subject)),
          m_since(std::move(since))
    {
    }
    [[nodiscard]] Reason reason() const { return m_reason; }
    /// What was refused: a feature's code ("KCN-03"; Gone: its layer), a task id, a suggestion.
    [[nodiscard]] const std::string& subject() const { return m_subject; }
    /// The edits made since the view the change was made on (Changed); may be empty.
    [[nodiscard]] const std::vector<LoggedEdit>& since() const { return m_since; }

private:
    Reason m_reason;
    std::string m_subject;
    std::vector<LoggedEdit> m_since;
};

/// Whether Workspace::open in update mode accepts a workspace with triggers that neither
/// PlanAtlas nor GDAL made (a GeoPackage from someone else). Off by default; the command line's
/// --trust turns it on for one run.
void setTrustForeignTriggers(bool trust);
[[nodiscard]] bool trustForeignTriggers();

class Workspace
{
public:
    /// Creates a new workspace file; fails (ErrorKind::Workspace) if @p path exists.
    /// The file appears only when complete (written aside, then renamed into place).
    static Workspace create(const std::string& path, const WorkspaceOptions& options);
    /// Opens an existing workspace: a GeoPackage, or a PostgreSQL schema named by a "PG:"
    /// connection string with active_schema= (read-only for now). Update mode refuses a read-only
    /// file, a schema_version that is not a number or is newer than this PlanAtlas, and a workspace
    /// carrying triggers neither PlanAtlas nor GDAL made (unless setTrustForeignTriggers(true)).
    static Workspace open(const std::string& path, gis::OpenMode mode,
                          SchemaWrites schemaWrites = SchemaWrites::Refused);

    Workspace(Workspace&&) noexcept;
    Workspace& operator=(Workspace&&) noexcept;
    ~Workspace();

    [[nodiscard]] const std::string& path() const;
    [[nodiscard]] const gis::Crs& crs() const;
    [[nodiscard]] const std::string& province() const;
    [[nodiscard]] int schemaVersion() const;

    [[nodiscard]] std::vector<RegisteredLayer> layers();
    /// The extent of the province layers (kind admin_province) other than @p except, in the
    /// workspace CRS: where features belong. nullopt when there is none.
    [[nodiscard]] std::optional<gis::Envelope> provinceExtent(const std::string& except = {});
    [[nodiscard]] std::optional<RegisteredLayer> findLayer(const std::string& name);
    [[nodiscard]] WorkspaceInfo info();
    [[nodiscard]] ValidationReport validate(const Progress& progress = {});

    /// Every feature code in the workspace (all registered layers).
    [[nodiscard]] std::vector<std::string> featureCodes();

    /// The underlying GeoPackage, for the domain's writers (import, ingest).
    gis::Dataset& dataset();

    void close();

    /// True for a workspace kept in a PostgreSQL schema.
    [[nodiscard]] bool isShared() const;
    /// Whether this role may add tables, as importing a layer does: in a schema its owner or a
    /// role given CREATE on it, not an editor; a GeoPackage opened for writing, always.
    [[nodiscard]] bool mayAddTables() const;

    /// The name table @p name of a GeoPackage workspace has here: the same, except in a schema
    /// QGIS's "qgis_projects" (a table of another layout in PostgreSQL) and "layer_styles"
    /// (QGIS's is public.layer_styles), "pa_qgis_projects" and "pa_layer_styles".
    [[nodiscard]] std::string tableName(const std::string& name) const;
    /// Makes table @p name by @p createSql, the statement SQLite keeps for it in a GeoPackage:
    /// there as written, registered in gpkg_contents as an attribute table when @p description
    /// is given; in a schema as PostgreSQL takes it, under tableName(), entered in the schema's
    /// catalogue with the statement (so that a copy back makes it the same). Throws GisError.
    void createTable(const std::string& name, const std::string& createSql,
                     const std::string& description);
    /// The columns of @p table in a GeoPackage's order (fid, geometry, fields), whichever the
    /// backend: a schema's layer made by GDAL has its geometry column last.
    [[nodiscard]] std::vector<std::string> columnNames(const std::string& table);
    /// The geometry column of each table that has one (gpkg_geometry_columns; in a schema, read
    /// from PostgreSQL's catalogue). Throws GisError.
    [[nodiscard]] std::map<std::string, std::string> geometryColumns();

    /// Who changes the workspace: the database role, or for a GeoPackage the login of the
    /// user running PlanAtlas.
    [[nodiscard]] const std::string& editor() const;

    /// SQL giving the current time as ISO 8601 UTC text ("2026-12-04T10:42:05.123Z") in this
    /// workspace's database.
    [[nodiscard]] std::string nowSql() const;

    /// Records @p edit in the edit log, by editor(), now. Only inside transaction(): the record
    /// and the change are committed together or not at all.
    void logEdit(const Edit& edit);

    /// The number of the last edit this Workspace logged in a transaction it committed (0:
    /// none): what a change of its own, taken back later, was made at.
    [[nodiscard]] std::int64_t lastLogged() const;
    /// Whether edit @p edit was logged by this Workspace (in a transaction it committed): a
    /// change of one's own, which a later change of one's own (an undo) does not conflict with.
    [[nodiscard]] bool loggedHere(std::int64_t edit) const;

    /// Locks @p taskIds until the transaction ends, in a fixed order (so two writers never wait
    /// on each other): a second writer of the same task waits here and then sees the first's
    /// change. Returns, per task in the order given, the number of its last recorded edit
    /// (0: none). Only inside transaction().
    std::vector<std::int64_t> lockTasks(const std::vector<std::string>& taskIds);

    /// Locks features @p fids of layer @p layer until the transaction ends, in a fixed order:
    /// a second writer of one of them waits here and then sees the first's change. Returns,
    /// per fid in the order given, whether the feature is there, its code and the number of its
    /// last recorded edit (0: none). Only inside transaction().
    std::vector<LockedFeature> lockFeatures(const std::string& layer,
                                            const std::vector<std::int64_t>& fids);

    /// Holds the workspace's feature codes until the transaction ends: a second writer giving
    /// a feature a code waits here and then sees the codes the first gave. Only inside
    /// transaction().
    void lockFeatureCodes();

    /// The edits of feature @p code of layer @p layer after edit @p after, oldest first.
    [[nodiscard]] std::vector<LoggedEdit>
    featureEdits(const std::string& layer, const std::string& code, std::int64_t after = 0);

    /// The number of the last recorded edit of @p taskId, or of any task when it is empty
    /// (0: none).
    [[nodiscard]] std::int64_t lastEdit(const std::string& taskId = {});

    /// The edit log, oldest first: all of it, or that of one task, or the edits after
    /// @p after.
    [[nodiscard]] std::vector<LoggedEdit> editLog(const std::string& taskId = {},
                                                  std::int64_t after = 0);

    /// True while a transaction() is running.
    [[nodiscard]] bool inTransaction() const;

    /// Runs @p work inside one transaction: committed when it returns, rolled back when it
    /// throws (the exception propagates). Inside a transaction already begun, @p work becomes
    /// part of it: the outermost one commits or rolls back everything (an ingest stores the
    /// plan and its link suggestions as one change).
    template <typename Work> auto transaction(Work&& work)
    {
        if (inTransaction())
            return work();
        beginTransaction();
        try {
            if constexpr (std::is_void_v<decltype(work())>) {
                work();
                commitTransaction();
            } else {
                auto result = work();
                commitTransaction();
                return result;
            }
        } catch (...) {
            rollbackTransaction();
            throw;
        }
    }

private:
    struct Impl;
    explicit Workspace(std::unique_ptr<Impl> impl);
    static Workspace openPostgres(const std::string& connection, gis::OpenMode mode,
                                  SchemaWrites schemaWrites);
    static Workspace finishOpening(std::unique_ptr<Impl> impl, gis::OpenMode mode);
    /// The edit log after edit values[0], narrowed by @p more (" AND …", the other values).
    std::vector<LoggedEdit> readEditLog(const std::string& more,
                                        const std::vector<gis::FieldValue>& values);
    void beginTransaction();
    void commitTransaction();
    void rollbackTransaction();
    std::unique_ptr<Impl> m_impl;
};

/// Name of the Related Tables mapping table that links @p layerName's features to tasks.
std::string linkTableName(const std::string& layerName);

/// Checks a layer name: lower-case ASCII letters, digits and '_', starting with a letter,
/// at most 50 characters, not a PlanAtlas or GeoPackage system name.
bool isValidLayerName(const std::string& name, std::string* why = nullptr);
/// What is wrong with @p name as a layer name (as isValidLayerName checks), for a window to say
/// in its words; nothing when it may be used.
std::optional<Sentence> layerNameProblem(const std::string& name);

} // namespace pa::layers
