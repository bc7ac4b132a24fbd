// Why a PostgreSQL connection failed, asked of libpq rather than read from its message: the
// message is in whatever language libpq and the server speak, the answers of PQpingParams and
// PQconnectionNeedsPassword are not.

#include "planatlas/gis/Dataset.h"

#include <algorithm>
#include <libpq-fe.h>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace pa::gis {

namespace {

/// The keywords libpq reads (service, host, dbname, user, sslmode …). GDAL's own (active_schema,
/// schemas, tables) are not among them and would make libpq refuse before trying.
bool libpqReads(const std::string& keyword)
{
    static const std::set<std::string> known = [] {
        std::set<std::string> names;
        if (PQconninfoOption* defaults = PQconndefaults()) {
            for (const PQconninfoOption* o = defaults; o->keyword; ++o)
                names.insert(o->keyword);
            PQconninfoFree(defaults);
        }
        return names;
    }();
    return known.count(keyword) > 0;
}

/// A message of GDAL or libpq on one line, without GDAL's "PQconnectdb failed." before it.
std::string oneLine(std::string_view message)
{
    constexpr std::string_view gdal = "PQconnectdb failed.";
    if (message.substr(0, gdal.size()) == gdal)
        message.remove_prefix(gdal.size());
    std::string out;
    bool space = false;
    for (const char c : message) {
        if (c == '\n' || c == '\t' || c == ' ' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

} // namespace

std::optional<ConnectionError> connectionProblem(const std::string& connection,
                                                 const std::string& message)
{
    if (!isPostgresConnection(connection))
        return std::nullopt;
    std::vector<std::string> keys, values;
    for (auto& [key, value] : connectionKeywords(connection))
        if (libpqReads(key)) {
            keys.push_back(key);
            values.push_back(value);
        }
    if (const std::string_view rest = std::string_view(connection).substr(3);
        rest.starts_with("postgresql://") || rest.starts_with("postgres://")) {
        keys = {"dbname"}; // a URI: libpq reads it as the dbname, expanded (GDAL's keywords after)
        values = {std::string(rest.substr(0, rest.find_first_of(" \t")))};
    }
    // GDAL has waited for the server already: the question is asked with a short wait, unless
    // the connection sets its own.
    if (std::find(keys.begin(), keys.end(), "connect_timeout") == keys.end()) {
        keys.emplace_back("connect_timeout");
        values.emplace_back("3");
    }
    std::vector<const char*> k, v;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        k.push_back(keys[i].c_str());
        v.push_back(values[i].c_str());
    }
    k.push_back(nullptr);
    v.push_back(nullptr);
    const std::string detail = oneLine(message);
    switch (PQpingParams(k.data(), v.data(), 1)) {
    case PQPING_NO_ATTEMPT:
        return ConnectionError(connectionKeyword(connection, "service").empty()
                                   ? ConnectionError::Reason::Invalid
                                   : ConnectionError::Reason::NoService,
                               detail);
    case PQPING_NO_RESPONSE:
        return ConnectionError(ConnectionError::Reason::Unreachable, detail);
    case PQPING_REJECT: // starting up, shutting down or recovering: not taking connections now
        return ConnectionError(ConnectionError::Reason::Unreachable, detail);
    case PQPING_OK:
        break;
    }
    const std::unique_ptr<PGconn, decltype(&PQfinish)> conn(
        PQconnectdbParams(k.data(), v.data(), 1), &PQfinish);
    if (!conn)
        return ConnectionError(ConnectionError::Reason::Refused, detail);
    if (PQstatus(conn.get()) == CONNECTION_OK)
        return std::nullopt;
    const char* role = PQuser(conn.get());
    return ConnectionError(PQconnectionNeedsPassword(conn.get())
                               ? ConnectionError::Reason::NeedsPassword
                               : ConnectionError::Reason::Refused,
                           oneLine(PQerrorMessage(conn.get())), role ? role : "");
}

} // namespace pa::gis
