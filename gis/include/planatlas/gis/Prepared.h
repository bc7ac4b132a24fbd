#pragma once
// A geometry prepared by GEOS for many predicate tests against it (a province tested against
// a million parcels): its edges indexed once, each test then fast.

#include "planatlas/gis/Geometry.h"

#include <memory>

namespace pa::gis {

class PreparedGeometry
{
public:
    explicit PreparedGeometry(const Geometry& geometry);
    ~PreparedGeometry();
    PreparedGeometry(const PreparedGeometry&) = delete;
    PreparedGeometry& operator=(const PreparedGeometry&) = delete;

    /// Whether the rectangle lies wholly inside / touches the prepared geometry.
    [[nodiscard]] bool containsRectangle(const Envelope& rectangle) const;
    [[nodiscard]] bool intersectsRectangle(const Envelope& rectangle) const;
    [[nodiscard]] bool contains(const Geometry& other) const;
    [[nodiscard]] bool intersects(const Geometry& other) const;
    /// Whether @p other comes within @p distance (CRS units) of the prepared geometry — exact,
    /// as PostGIS's ST_DWithin, not through a buffer's approximate arcs.
    [[nodiscard]] bool distanceWithin(const Geometry& other, double distance) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace pa::gis
