#include "planatlas/layers/Access.h"

#include "Connection_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

namespace pa::layers {

using gis::sqlIdentifier;

Sentence whyNotConnected(const std::string& connection, const gis::GisError& error)
{
    const auto* problem = dynamic_cast<const gis::ConnectionError*>(&error);
    if (!problem) // the server answered: GDAL's (or gis's) words on what failed after that
        return withDetail(QT_TRANSLATE_NOOP("pa::layers", "the database answered, but the "
                                                          "workspace could not be opened in it"),
                          error.cause());
    using Reason = gis::ConnectionError::Reason;
    const std::string& detail = problem->detail();
    switch (problem->reason()) {
    case Reason::NoService: {
        const std::string service = gis::connectionKeyword(connection, "service");
        const auto known = serviceNames();
        if (std::find(known.begin(), known.end(), service) == known.end())
            return {QT_TRANSLATE_NOOP("pa::layers",
                                      "no database service '%1' is defined for you (in "
                                      "pg_service.conf); your database administrator adds it"),
                    {service}};
        return {QT_TRANSLATE_NOOP("pa::layers",
                                  "the connection to database service '%1' cannot be made as "
                                  "written (%2); check the connection, or ask your database "
                                  "administrator to check the service in pg_service.conf"),
                {service, detail}};
    }
    case Reason::Invalid:
        return {QT_TRANSLATE_NOOP("pa::layers", "the connection string cannot be used (%1)"),
                {detail}};
    case Reason::Unreachable:
        return {QT_TRANSLATE_NOOP("pa::layers",
                                  "the database server cannot be reached (%1); it may be "
                                  "stopped, or its address or the network to it wrong"),
                {detail}};
    case Reason::NeedsPassword:
        if (problem->role().empty())
            return {QT_TRANSLATE_NOOP("pa::layers",
                                      "the database asks for a password and the password file "
                                      "(.pgpass) holds none for this connection")};
        return {QT_TRANSLATE_NOOP("pa::layers",
                                  "the database asks role '%1' for a password and the password "
                                  "file (.pgpass) holds none for it"),
                {problem->role()}};
    case Reason::Refused:
        return {QT_TRANSLATE_NOOP("pa::layers",
                                  "the database server refused the connection of role '%1' (%2)"),
                {problem->role(), detail}};
    }
    return std::string(error.what());
}

std::vector<std::string> accessStatements(const std::string& schema, const std::string& role,
                                          Access access)
{
    const std::string s = sqlIdentifier(schema), r = sqlIdentifier(role);
    // Everything taken back first, so that a reader once an editor keeps no write right.
    std::vector<std::string> sql = {
        "REVOKE ALL ON ALL TABLES IN SCHEMA " + s + " FROM " + r,
        "REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + s + " FROM " + r,
        "ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " REVOKE ALL ON TABLES FROM " + r,
        "ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " REVOKE ALL ON SEQUENCES FROM " + r,
        "REVOKE ALL ON SCHEMA " + s + " FROM " + r,
    };
    if (access == Access::None)
        return sql;
    const std::string tables =
        access == Access::Editor ? "SELECT, INSERT, UPDATE, DELETE" : "SELECT";
    const std::string sequences = access == Access::Editor ? "USAGE, SELECT" : "SELECT";
    sql.push_back("GRANT USAGE ON SCHEMA " + s + " TO " + r);
    sql.push_back("GRANT " + tables + " ON ALL TABLES IN SCHEMA " + s + " TO " + r);
    sql.push_back("GRANT " + sequences + " ON ALL SEQUENCES IN SCHEMA " + s + " TO " + r);
    sql.push_back("ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " GRANT " + tables +
                  " ON TABLES TO " + r);
    sql.push_back("ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " GRANT " + sequences +
                  " ON SEQUENCES TO " + r);
    // The edit log is a history: an editor adds to it and reads it, never rewrites it.
    if (access == Access::Editor)
        sql.push_back("REVOKE UPDATE, DELETE, TRUNCATE ON TABLE " + s + ".pa_edit_log FROM " + r);
    return sql;
}

void grantAccess(const std::string& connection, const std::string& role, Access access)
{
    const std::string shown = gis::displayName(connection);
    if (!gis::isPostgresConnection(connection))
        throw Error(ErrorKind::Usage, "'" + shown +
                                          "' is not a workspace in PostgreSQL; rights are given "
                                          "on a schema (PG:service=… active_schema=…)");
    const std::string schema = gis::connectionKeyword(connection, "active_schema");
    if (schema.empty())
        throw Error(ErrorKind::Usage, "'" + shown +
                                          "' names no schema; add active_schema=<province's "
                                          "schema> to the connection string");
    if (role.empty())
        throw Error(ErrorKind::Usage, "no role named");
    std::optional<gis::Dataset> db;
    try {
        db = gis::Dataset::openPostgres(
            gis::withoutConnectionKeyword(
                gis::withoutConnectionKeyword(connection, "active_schema"), "schemas"),
            gis::OpenMode::Update);
    } catch (const gis::GisError& e) {
        throw Error(ErrorKind::Workspace, {QT_TRANSLATE_NOOP("pa::layers", "cannot open '%1': %2"),
                                           {shown, whyNotConnected(connection, e)}});
    }
    try {
        if (db->run("SELECT 1 FROM pg_roles WHERE rolname = ?", {role}).rows.empty())
            throw Error(ErrorKind::Usage, "the database has no role '" + role +
                                              "'; its administrator makes it with "
                                              "scripts/postgis/planner_role.sql (the planner "
                                              "keeps its password in ~/.pgpass)");
        if (db->run("SELECT 1 FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid "
                    "WHERE n.nspname = ? AND c.relname = 'pa_metadata'",
                    {schema})
                .rows.empty())
            throw Error(ErrorKind::Workspace,
                        "schema '" + schema + "' of '" + shown + "' holds no PlanAtlas workspace");
        // PostgreSQL only warns when a role that may not grant does ("no privileges were
        // granted"): said here as the refusal it is.
        const auto owner = db->run(
            "SELECT pg_get_userbyid(n.nspowner), current_user, (SELECT rolsuper FROM pg_roles "
            "WHERE rolname = current_user) FROM pg_namespace n WHERE n.nspname = ?",
            {schema});
        const auto text = [](const gis::FieldValue& v) { return gis::toString(v); };
        const std::string super = owner.rows.empty() ? "" : text(owner.rows[0][2]);
        if (owner.rows.empty() || (text(owner.rows[0][0]) != text(owner.rows[0][1]) &&
                                   super != "1" && super != "t" && super != "true"))
            throw Error(ErrorKind::Workspace,
                        "role " + (owner.rows.empty() ? std::string("?") : text(owner.rows[0][1])) +
                            " may not give rights on schema '" + schema + "': only its owner (" +
                            (owner.rows.empty() ? std::string("?") : text(owner.rows[0][0])) +
                            ") or the database's administrator may; nothing was changed");
        // (A schema of version 5 has no edit log until its owner opens it for writing, which
        // takes the same rights back from everyone else.)
        const bool editLog = !db->run("SELECT 1 FROM pg_namespace n JOIN pg_class c ON "
                                      "c.relnamespace = n.oid WHERE n.nspname = ? AND c.relname = "
                                      "'pa_edit_log'",
                                      {schema})
                                  .rows.empty();
        db->startTransaction();
        try {
            for (const auto& sql : accessStatements(schema, role, access))
                if (editLog || sql.find(".pa_edit_log ") == std::string::npos)
                    db->execute(sql);
            db->commitTransaction();
        } catch (...) {
            db->rollbackTransaction();
            throw;
        }
    } catch (const gis::GisError& e) {
        throw Error(ErrorKind::Workspace, "cannot give role '" + role + "' its rights on schema '" +
                                              schema + "': " + e.what());
    }
}

void shareNewTables(gis::Dataset& dataset, const std::vector<std::string>& tables)
{
    // Rights as the catalogue holds them (aclexplode reads them whoever granted them, which
    // information_schema shows only to the grantor and the grantee).
    const auto rights = dataset.execute(
        "SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END AS "
        "role_name, a.privilege_type AS right_name FROM pg_class c CROSS JOIN "
        "aclexplode(c.relacl) a WHERE c.oid = format('%I.%I', current_schema(), "
        "'pa_layers')::regclass AND a.grantee <> c.relowner AND a.privilege_type IN ('SELECT', "
        "'INSERT', 'UPDATE', 'DELETE') ORDER BY 1, 2");
    std::map<std::string, std::vector<std::string>> byRole;
    for (const auto& row : rights.rows)
        byRole[gis::toString(row[0])].push_back(gis::toString(row[1]));
    const auto owner =
        dataset.execute("SELECT pg_get_userbyid(nspowner) AS owner_name, current_user AS me FROM "
                        "pg_namespace WHERE nspname = current_schema()");
    if (!owner.rows.empty() && gis::toString(owner.rows[0][0]) != gis::toString(owner.rows[0][1]))
        byRole[gis::toString(owner.rows[0][0])] = {"ALL"};
    const auto grantee = [](const std::string& role) {
        return role == "PUBLIC" ? role : sqlIdentifier(role);
    };
    for (const auto& table : tables) {
        // The sequences of its serial columns (a layer's fid, a map sheet's tile id; none for a
        // table of tile matrices).
        std::vector<std::string> serials;
        for (const auto& row :
             dataset
                 .run("SELECT pg_get_serial_sequence(format('%I.%I', current_schema(), "
                      "?::text), column_name::text) AS serial FROM information_schema.columns "
                      "WHERE table_schema = current_schema() AND table_name = ? AND "
                      "(column_default LIKE 'nextval(%' OR is_identity = 'YES')",
                      {table, table})
                 .rows)
            if (const std::string serial = gis::toString(row[0]); !serial.empty())
                serials.push_back(serial);
        for (const auto& [role, granted] : byRole) {
            std::string list;
            for (const auto& right : granted)
                list += (list.empty() ? "" : ", ") + right;
            dataset.execute("GRANT " + list + " ON TABLE " + sqlIdentifier(table) + " TO " +
                            grantee(role));
            const bool writes = std::find_if(granted.begin(), granted.end(), [](const auto& r) {
                                    return r == "INSERT" || r == "ALL";
                                }) != granted.end();
            // (pg_get_serial_sequence gives the name quoted as SQL needs it)
            for (const auto& serial : serials)
                dataset.execute("GRANT " + std::string(writes ? "USAGE, SELECT" : "SELECT") +
                                " ON SEQUENCE " + serial + " TO " + grantee(role));
        }
    }
}

} // namespace pa::layers

namespace pa::layers {

namespace {

/// The service names of one pg_service.conf ("[name]" lines), in file order.
void servicesIn(const std::filesystem::path& file, std::vector<std::string>& names)
{
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] != '[')
            continue;
        const auto close = line.find(']', first);
        if (close == std::string::npos)
            continue;
        const std::string name = line.substr(first + 1, close - first - 1);
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
    }
}

} // namespace

std::vector<std::string> serviceNames()
{
    std::vector<std::string> names;
    if (const char* file = std::getenv("PGSERVICEFILE"); file && *file)
        servicesIn(file, names);
    else if (const char* home = std::getenv("HOME"); home && *home)
        servicesIn(std::filesystem::path(home) / ".pg_service.conf", names);
    const char* system = std::getenv("PGSYSCONFDIR");
    servicesIn(std::filesystem::path(system && *system ? system : "/etc/postgresql-common") /
                   "pg_service.conf",
               names);
    return names;
}

std::string sharedWorkspaceConnection(const std::string& service, const std::string& schema)
{
    // Values quoted as libpq reads them: a space or quote in a name stays in the name.
    auto plain = [](const std::string& value) {
        return !value.empty() && value.find_first_of(" '\\\"=") == std::string::npos;
    };
    return "PG:service=" + (plain(service) ? service : gis::connectionValue(service)) +
           " active_schema=" + (plain(schema) ? schema : gis::connectionValue(schema));
}

std::vector<SharedWorkspace> sharedWorkspaces(const std::string& service)
{
    if (service.empty())
        throw Error(ErrorKind::Usage, "no service named");
    std::optional<gis::Dataset> db;
    try {
        // (The public schema's tables only, not every province's, are listed as layers.)
        db = gis::Dataset::openPostgres(sharedWorkspaceConnection(service, "public"),
                                        gis::OpenMode::ReadOnly);
    } catch (const gis::GisError& e) {
        const Sentence why = whyNotConnected(sharedWorkspaceConnection(service, "public"), e);
        const auto* problem = dynamic_cast<const gis::ConnectionError*>(&e);
        if (problem && problem->reason() == gis::ConnectionError::Reason::NoService)
            throw Error(ErrorKind::Workspace, why); // it names the service
        throw Error(
            ErrorKind::Workspace,
            {QT_TRANSLATE_NOOP("pa::layers", "cannot connect to the database of service '%1': %2"),
             {service, why}});
    }
    std::vector<SharedWorkspace> found;
    try {
        const auto schemas = db->execute(
            "SELECT n.nspname, has_table_privilege(c.oid, 'INSERT') FROM pg_class c JOIN "
            "pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'pa_metadata' AND "
            "has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT') "
            "ORDER BY n.nspname");
        for (const auto& row : schemas.rows) {
            const std::string editable = gis::toString(row[1]);
            SharedWorkspace ws{gis::toString(row[0]),
                               {},
                               editable == "1" || editable == "t" || editable == "true"};
            const auto province = db->execute("SELECT value FROM " + sqlIdentifier(ws.schema) +
                                              ".pa_metadata WHERE key = 'province'");
            if (!province.rows.empty())
                ws.province = gis::toString(province.rows[0][0]);
            found.push_back(std::move(ws));
        }
    } catch (const gis::GisError& e) {
        throw Error(
            ErrorKind::Workspace,
            withDetail({QT_TRANSLATE_NOOP("pa::layers", "the workspaces of service '%1' cannot be "
                                                        "listed"),
                        {service}},
                       e.cause()));
    }
    return found;
}

} // namespace pa::layers
