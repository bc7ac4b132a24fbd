#include "planatlas/gis/Prepared.h"

#include "Private_p.h"

namespace pa::gis {

struct PreparedGeometry::Impl
{
    GEOSContextHandle_t context = detail::geosContext();
    detail::GeosGeometryPtr geometry;
    const GEOSPreparedGeometry* prepared = nullptr;
    ~Impl()
    {
        if (prepared)
            GEOSPreparedGeom_destroy_r(context, prepared);
    }

    template <typename Test> bool test(const GEOSGeometry* g, Test predicate, const char* what) const
    {
        const char r = predicate(context, prepared, g);
        if (r == 2)
            throw GisError(std::string("GEOS prepared ") + what + " failed: " + detail::takeGeosError());
        return r == 1;
    }
    detail::GeosGeometryPtr rectangle(const Envelope& e) const
    {
        detail::GeosGeometryPtr g(GEOSGeom_createRectangle_r(context, e.minX, e.minY, e.maxX, e.maxY), {context});
        if (!g)
            throw GisError("GEOS could not make a rectangle: " + detail::takeGeosError());
        return g;
    }
};

PreparedGeometry::PreparedGeometry(const Geometry& geometry) : m_impl(std::make_unique<Impl>())
{
    if (geometry.isEmpty())
        throw GisError("cannot prepare an empty geometry");
    m_impl->geometry = detail::toGeos(*geometry.impl().geometry);
    m_impl->prepared = GEOSPrepare_r(m_impl->context, m_impl->geometry.get());
    if (!m_impl->prepared)
        throw GisError("GEOS could not prepare the geometry: " + detail::takeGeosError());
}

PreparedGeometry::~PreparedGeometry() = default;

bool PreparedGeometry::containsRectangle(const Envelope& e) const
{
    const auto r = m_impl->rectangle(e);
    return m_impl->test(r.get(), GEOSPreparedContains_r, "contains");
}

bool PreparedGeometry::intersectsRectangle(const Envelope& e) const
{
    const auto r = m_impl->rectangle(e);
    return m_impl->test(r.get(), GEOSPreparedIntersects_r, "intersects");
}

bool PreparedGeometry::contains(const Geometry& other) const
{
    if (other.isEmpty())
        return false;
    const auto g = detail::toGeos(*other.impl().geometry);
    return m_impl->test(g.get(), GEOSPreparedContains_r, "contains");
}

bool PreparedGeometry::intersects(const Geometry& other) const
{
    if (other.isEmpty())
        return false;
    const auto g = detail::toGeos(*other.impl().geometry);
    return m_impl->test(g.get(), GEOSPreparedIntersects_r, "intersects");
}

bool PreparedGeometry::distanceWithin(const Geometry& other, double distance) const
{
    if (other.isEmpty())
        return false;
    const auto g = detail::toGeos(*other.impl().geometry);
    const char r = GEOSPreparedDistanceWithin_r(m_impl->context, m_impl->prepared, g.get(), distance);
    if (r == 2)
        throw GisError("GEOS prepared distance failed: " + detail::takeGeosError());
    return r == 1;
}

} // namespace pa::gis
