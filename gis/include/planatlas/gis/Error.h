#pragma once
// Errors raised by the engine. GDAL, GEOS and PROJ report through C callbacks that only
// record the message; the wrappers in gis/ throw these after the C call has returned.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace pa::gis {

/// A failure reported by GDAL, GEOS or PROJ, or a misuse of them detected by gis/.
/// The message is the library's own text, prefixed with what we were doing.
class GisError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
    /// @p what as above; @p detail the library's own words alone, without what gis/ was doing.
    GisError(const std::string& what, std::string detail)
        : std::runtime_error(what), m_detail(std::move(detail))
    {
    }
    /// GDAL's, GEOS's or PROJ's own words ("" when it gave none), for a caller that says what
    /// was being done in its own sentence.
    [[nodiscard]] const std::string& detail() const { return m_detail; }
    /// What to put in brackets after a caller's own sentence: detail(), else gis/'s own words
    /// (what()) when the library gave none, so that no reason is lost.
    [[nodiscard]] std::string cause() const { return m_detail.empty() ? what() : m_detail; }

private:
    std::string m_detail;
};

/// A feature the driver returned but could not read wholly — a damaged geometry blob in a
/// GeoPackage, say. Reading can go on with the next feature.
class FeatureReadError : public GisError
{
public:
    FeatureReadError(const std::string& layer, std::int64_t fid, const std::string& problem)
        : GisError("layer '" + layer + "', feature fid " + std::to_string(fid) + ": " + problem),
          m_layer(layer), m_fid(fid), m_problem(problem)
    {
    }
    [[nodiscard]] const std::string& layer() const { return m_layer; }
    [[nodiscard]] std::int64_t fid() const { return m_fid; }
    [[nodiscard]] const std::string& problem() const { return m_problem; }

private:
    std::string m_layer;
    std::int64_t m_fid;
    std::string m_problem;
};

/// A PostgreSQL database that could not be connected to, with why in terms a person can act on.
/// The reason is libpq's answer (PQpingParams, PQconnectionNeedsPassword), not a reading of its
/// message, which is in whatever language libpq and the server speak; the message is kept as
/// the detail.
class ConnectionError : public GisError
{
public:
    enum class Reason
    {
        NoService,     ///< the service named is not defined, or its definition cannot be used
        Invalid,       ///< the connection string itself cannot be used (an unknown keyword …)
        Unreachable,   ///< no server answers at the host and port: stopped, or the network down
        NeedsPassword, ///< the server asks for a password and none is found (.pgpass)
        Refused,       ///< the server answered and refused: the role, its password, the database
    };
    /// @p detail, libpq's and the server's words on one line, is both what() and detail().
    ConnectionError(Reason reason, const std::string& detail, std::string role = {})
        : GisError(detail, detail), m_reason(reason), m_role(std::move(role))
    {
    }
    [[nodiscard]] Reason reason() const { return m_reason; }
    /// The role libpq connected as, where it got that far.
    [[nodiscard]] const std::string& role() const { return m_role; }

private:
    Reason m_reason;
    std::string m_role;
};

} // namespace pa::gis
