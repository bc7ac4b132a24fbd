#pragma once
// Who may read and who may change a workspace kept in a PostgreSQL schema: database roles
// granted read or edit rights on the province's schema, by the schema's owner.

#include <string>
#include <vector>

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

} // namespace pa::layers
