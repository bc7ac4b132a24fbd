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

} // namespace pa::gis
