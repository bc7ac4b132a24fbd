#pragma once
// Who may read and who may change a workspace kept in a PostgreSQL schema: database roles
// granted read or edit rights on the province's schema, by the schema's owner.

#include <string>
#include <vector>

namespace pa::gis {
class Dataset;
}

namespace pa::layers {

enum class Access
{
    Reader, ///< reads and analyses: the schema's tables, nothing written
    Editor, ///< also adds, changes and removes rows (links, reviews, imports)
    None    ///< every right on the schema taken back
};

/// The statements that give @p role @p access to @p schema, its tables now and those made
/// later by the schema's owner (ALTER DEFAULT PRIVILEGES).
std::vector<std::string> accessStatements(const std::string& schema, const std::string& role,
                                          Access access);

/// Gives @p role @p access to the schema of workspace @p connection ("PG:…
/// active_schema=…"), in one transaction. Throws Error naming the role or the schema when
/// either is unknown, or the database's refusal (only the schema's owner may grant).
void grantAccess(const std::string& connection, const std::string& role, Access access);

/// A workspace in a schema (@p dataset, its connection): gives every role that holds rights on
/// its registry (pa_layers) the same rights on @p tables, new tables of the workspace, and on
/// their fid sequences (use, for a role that may insert), and the schema's owner all rights
/// when someone else made them. Default privileges cover only tables their grantor makes;
/// this covers a layer imported by a role given CREATE, or after an administrator's grant.
void shareNewTables(gis::Dataset& dataset, const std::vector<std::string>& tables);

/// A workspace kept in a schema of a database, as a connection dialog lists it.
struct SharedWorkspace
{
    std::string schema;    ///< "thai_nguyen"
    std::string province;  ///< "Thái Nguyên"
    bool editable = false; ///< this role may change it (an editor or the owner)
};

/// The libpq service names this user can choose from, as the service files define them: the
/// user's (PGSERVICEFILE, else ~/.pg_service.conf), then the system's (PGSYSCONFDIR, else
/// /etc/postgresql-common), in file order, each once.
std::vector<std::string> serviceNames();

/// The workspaces in the database of libpq service @p service that this role may read, by
/// schema name. Throws Error(Workspace) with the database's reason when it cannot be reached.
std::vector<SharedWorkspace> sharedWorkspaces(const std::string& service);

/// The connection string of the workspace in schema @p schema of service @p service.
std::string sharedWorkspaceConnection(const std::string& service, const std::string& schema);

} // namespace pa::layers
