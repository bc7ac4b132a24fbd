#include "planatlas/gis/Prepared.h"

#include "Private_p.h"

#include <algorithm>
#include <cmath>

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

    template <typename Test>
    bool test(const GEOSGeometry* g, Test predicate, const char* what) const
    {
        const char r = predicate(context, prepared, g);
        if (r == 2)
            throw GisError(std::string("GEOS prepared ") + what +
                           " failed: " + detail::takeGeosError());
        return r == 1;
    }
    detail::GeosGeometryPtr rectangle(const Envelope& e) const
    {
        detail::GeosGeometryPtr g(
            GEOSGeom_createRectangle_r(context, e.minX, e.minY, e.maxX, e.maxY), {context});
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
    const char r =
        GEOSPreparedDistanceWithin_r(m_impl->context, m_impl->prepared, g.get(), distance);
    if (r == 2)
        throw GisError("GEOS prepared distance failed: " + detail::takeGeosError());
    return r == 1;
}

CellClassifier::CellClassifier(const PreparedGeometry& prepared, const Envelope& envelope,
                               int levels)
    : m_extent(envelope), m_side(1 << levels),
      m_width((envelope.maxX - envelope.minX) / (1 << levels)),
      m_height((envelope.maxY - envelope.minY) / (1 << levels)),
      m_cells(static_cast<std::size_t>(m_side) * static_cast<std::size_t>(m_side),
              static_cast<unsigned char>(Where::Boundary))
{
    if (m_width > 0 && m_height > 0)
        descend(prepared, 0, 0, m_side);
}

Envelope CellClassifier::cell(int x0, int y0, int size) const
{
    return {m_extent.minX + x0 * m_width, m_extent.minY + y0 * m_height,
            m_extent.minX + (x0 + size) * m_width, m_extent.minY + (y0 + size) * m_height};
}

void CellClassifier::descend(const PreparedGeometry& prepared, int x0, int y0, int size)
{
    const auto box = cell(x0, y0, size);
    Where where = Where::Boundary;
    if (!prepared.intersectsRectangle(box))
        where = Where::Outside;
    else if (prepared.containsRectangle(box))
        where = Where::Inside;
    if (where != Where::Boundary) {
        for (int y = y0; y < y0 + size; ++y)
            std::fill_n(m_cells.begin() + static_cast<std::ptrdiff_t>(y) * m_side + x0, size,
                        static_cast<unsigned char>(where));
        return;
    }
    if (size == 1)
        return; // stays Boundary
    const int half = size / 2;
    descend(prepared, x0, y0, half);
    descend(prepared, x0 + half, y0, half);
    descend(prepared, x0, y0 + half, half);
    descend(prepared, x0 + half, y0 + half, half);
}

CellClassifier::Where CellClassifier::classify(const Envelope& r) const
{
    if (r.maxX < m_extent.minX || r.minX > m_extent.maxX || r.maxY < m_extent.minY ||
        r.minY > m_extent.maxY)
        return Where::Outside;
    if (m_width <= 0 || m_height <= 0)
        return Where::Boundary;
    // A rectangle reaching beyond the grid is partly outside the polygon's envelope: it can be
    // outside or on the boundary, never wholly inside.
    const bool beyond = r.minX < m_extent.minX || r.maxX > m_extent.maxX ||
                        r.minY < m_extent.minY || r.maxY > m_extent.maxY;
    auto index = [this](double v, double origin, double step) {
        return std::clamp(static_cast<int>(std::floor((v - origin) / step)), 0, m_side - 1);
    };
    const int x0 = index(r.minX, m_extent.minX, m_width),
              x1 = index(r.maxX, m_extent.minX, m_width);
    const int y0 = index(r.minY, m_extent.minY, m_height),
              y1 = index(r.maxY, m_extent.minY, m_height);
    const auto first = static_cast<Where>(m_cells[static_cast<std::size_t>(y0) * m_side + x0]);
    if (first == Where::Boundary)
        return Where::Boundary;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
            if (static_cast<Where>(m_cells[static_cast<std::size_t>(y) * m_side + x]) != first)
                return Where::Boundary;
    if (beyond && first == Where::Inside)
        return Where::Boundary;
    return first;
}

} // namespace pa::gis
