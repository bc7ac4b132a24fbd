#pragma once
// Coordinate transformation between two CRSs, through PROJ's EPSG operations as GDAL selects
// them (e.g. EPSG:6960 "VN-2000 to WGS 84 (2)", never hand-written +towgs84 strings).

#include "planatlas/gis/Crs.h"
#include "planatlas/gis/Geometry.h"

#include <array>
#include <memory>
#include <string>

namespace pa::gis {

class CoordinateTransform
{
public:
    CoordinateTransform(const Crs& source, const Crs& target);
    CoordinateTransform(CoordinateTransform&&) noexcept;
    CoordinateTransform& operator=(CoordinateTransform&&) noexcept;
    CoordinateTransform(const CoordinateTransform&) = delete;
    CoordinateTransform& operator=(const CoordinateTransform&) = delete;
    ~CoordinateTransform();

    /// Transforms one position (x = easting/longitude). Throws GisError when PROJ fails.
    [[nodiscard]] std::array<double, 2> apply(double x, double y) const;

    /// The smallest rectangle of the target CRS holding @p bounds of the source CRS: each edge
    /// is densified (21 points) so that curved edges of a projected box in geographic
    /// coordinates, and the reverse, are not cut short. Throws GisError when PROJ fails.
    [[nodiscard]] Envelope transformBounds(const Envelope& bounds) const;

    /// The operation PROJ ranks first for this pair, e.g.
    /// "VN-2000 to WGS 84 (2) (EPSG:6960), accuracy 1 m"; "identity" when the CRSs are the same.
    [[nodiscard]] std::string operationDescription() const;

    [[nodiscard]] const Crs& source() const { return m_source; }
    [[nodiscard]] const Crs& target() const { return m_target; }

    struct Impl;
    [[nodiscard]] const Impl& impl() const { return *m_impl; }

private:
    Crs m_source;
    Crs m_target;
    std::unique_ptr<Impl> m_impl;
};

} // namespace pa::gis
