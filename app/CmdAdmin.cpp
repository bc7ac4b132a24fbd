#include "Cli.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Access.h"

#include <cstdio>

namespace pa::cli {

namespace {
const Command kAdmin{
    "admin",
    "\"PG:service=… active_schema=…\" grant ROLE --as reader|editor | revoke ROLE",
    "Give a database role the right to read, or to read and change, a workspace kept in a\n"
    "PostgreSQL schema, or take it back: the schema's tables now and those made later.\n"
    "A reader reads and analyses; an editor also changes rows (links, reviews, imports).\n"
    "Rights on one province's schema give nothing on another's.",
    "Run it as the schema's owner (the role that copied the workspace there). The roles\n"
    "themselves are made by the database's administrator with\n"
    "  psql \"service=…\" -v role=NAME -f scripts/postgis/planner_role.sql\n"
    "which asks for the password and sends it hashed; the planner keeps it in ~/.pgpass,\n"
    "never on a command line. The database's owner also makes, once, the table where QGIS\n"
    "finds a layer's default style (PlanAtlas writes its styles there):\n"
    "  psql \"service=…\" -f scripts/postgis/qgis_styles.sql\n"
    "Example: planatlas admin \"PG:service=planatlas active_schema=thai_nguyen\" grant "
    "lanh_dao --as reader",
    {{"--as", "ACCESS", "reader or editor (with grant)"}},
    3,
    3};
} // namespace

int runAdmin(const std::vector<std::string>& args)
{
    if (handleHelp(kAdmin, args))
        return kOk;
    const auto parsed = parse(kAdmin, args);
    const std::string& workspace = parsed.positional[0];
    const std::string& action = parsed.positional[1];
    const std::string& role = parsed.positional[2];
    layers::Access access = layers::Access::None;
    if (action == "grant") {
        const std::string as = parsed.value("--as");
        if (as == "reader")
            access = layers::Access::Reader;
        else if (as == "editor")
            access = layers::Access::Editor;
        else
            throw UsageError("grant needs --as reader or --as editor");
    } else if (action == "revoke") {
        if (parsed.has("--as"))
            throw UsageError("revoke takes every right back; --as belongs to grant");
    } else {
        throw UsageError("unknown action '" + action + "' (grant or revoke)");
    }
    layers::grantAccess(workspace, role, access);
    std::printf("%s: role %s %s\n", gis::displayName(workspace).c_str(), role.c_str(),
                access == layers::Access::Reader   ? "may read and analyse"
                : access == layers::Access::Editor ? "may read, analyse and change"
                                                   : "has no right any more");
    return kOk;
}

} // namespace pa::cli
