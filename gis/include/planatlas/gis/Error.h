#pragma once
// Errors raised by the engine. GDAL, GEOS and PROJ report through C callbacks that only
// record the message; the wrappers in gis/ throw these after the C call has returned.

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

} // namespace pa::gis
