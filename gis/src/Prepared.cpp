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
    if (m_width > 0 && m_height > 0 && !scan(prepared))
        descend(prepared, 0, 0, m_side);
}

bool CellClassifier::scan(const PreparedGeometry& prepared)
{
    GEOSContextHandle_t context = prepared.m_impl->context;
    const GEOSGeometry* g = prepared.m_impl->geometry.get();
    // The rings' edges.
    struct Edge
    {
        double x0, y0, x1, y1;
    };
    std::vector<Edge> edges;
    auto addRing = [&](const GEOSGeometry* ring) {
        const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(context, ring);
        unsigned int n = 0;
        if (!sequence || !GEOSCoordSeq_getSize_r(context, sequence, &n))
            return false;
        double px = 0, py = 0;
        for (unsigned int i = 0; i < n; ++i) {
            double x = 0, y = 0;
            if (!GEOSCoordSeq_getXY_r(context, sequence, i, &x, &y))
                return false;
            if (i > 0)
                edges.push_back({px, py, x, y});
            px = x, py = y;
        }
        return true;
    };
    auto addPolygon = [&](const GEOSGeometry* polygon) {
        if (!addRing(GEOSGetExteriorRing_r(context, polygon)))
            return false;
        const int holes = GEOSGetNumInteriorRings_r(context, polygon);
        for (int k = 0; k < holes; ++k)
            if (!addRing(GEOSGetInteriorRingN_r(context, polygon, k)))
                return false;
        return true;
    };
    const int type = GEOSGeomTypeId_r(context, g);
    if (type == GEOS_POLYGON) {
        if (!addPolygon(g))
            return false;
    } else if (type == GEOS_MULTIPOLYGON) {
        const int parts = GEOSGetNumGeometries_r(context, g);
        for (int k = 0; k < parts; ++k)
            if (!addPolygon(GEOSGetGeometryN_r(context, g, k)))
                return false;
    } else {
        return false;
    }

    // Each edge marks, row by row, the cells between where it enters and leaves the row (with a
    // margin of a billionth of the grid, so that an edge along a cell's side marks both), and
    // records where it crosses the row's middle line.
    const double margin =
        1e-9 * std::max(m_extent.maxX - m_extent.minX, m_extent.maxY - m_extent.minY);
    auto column = [&](double x) {
        return std::clamp(static_cast<int>(std::floor((x - m_extent.minX) / m_width)), 0,
                          m_side - 1);
    };
    auto row = [&](double y) {
        return std::clamp(static_cast<int>(std::floor((y - m_extent.minY) / m_height)), 0,
                          m_side - 1);
    };
    std::vector<unsigned char> crossed(m_cells.size(), 0);
    std::vector<std::vector<double>> middles(static_cast<std::size_t>(m_side));
    for (const auto& e : edges) {
        // An edge along the grid's own rim touches only the cells on its inner side, from
        // outside them: it leaves them wholly inside (GEOS's contains allows the touch).
        const bool rim = (e.x0 == e.x1 && (e.x0 == m_extent.minX || e.x0 == m_extent.maxX)) ||
                         (e.y0 == e.y1 && (e.y0 == m_extent.minY || e.y0 == m_extent.maxY));
        const int r0 = row(std::min(e.y0, e.y1) - margin), r1 = row(std::max(e.y0, e.y1) + margin);
        for (int r = r0; r <= r1; ++r) {
            const double bottom = m_extent.minY + r * m_height, top = bottom + m_height;
            double xa = e.x0, xb = e.x1;
            if (e.y0 != e.y1) {
                auto xAt = [&](double y) {
                    const double t = std::clamp((y - e.y0) / (e.y1 - e.y0), 0.0, 1.0);
                    return e.x0 + t * (e.x1 - e.x0);
                };
                xa = xAt(bottom), xb = xAt(top);
            }
            const int c0 = column(std::min(xa, xb) - margin),
                      c1 = column(std::max(xa, xb) + margin);
            if (!rim)
                std::fill(crossed.begin() + static_cast<std::ptrdiff_t>(r) * m_side + c0,
                          crossed.begin() + static_cast<std::ptrdiff_t>(r) * m_side + c1 + 1, 1);
            const double middle = bottom + m_height / 2;
            if ((e.y0 > middle) != (e.y1 > middle))
                middles[static_cast<std::size_t>(r)].push_back(
                    e.x0 + (middle - e.y0) * (e.x1 - e.x0) / (e.y1 - e.y0));
        }
    }
    // A cell no edge passes through is wholly inside or wholly outside: its centre says which,
    // by the number of edges crossing the row's middle line to its left.
    for (int r = 0; r < m_side; ++r) {
        auto& xs = middles[static_cast<std::size_t>(r)];
        std::sort(xs.begin(), xs.end());
        for (int c = 0; c < m_side; ++c) {
            const auto i = static_cast<std::size_t>(r) * static_cast<std::size_t>(m_side) +
                           static_cast<std::size_t>(c);
            if (crossed[i])
                continue; // stays Boundary
            const double centre = m_extent.minX + (c + 0.5) * m_width;
            const auto left = std::lower_bound(xs.begin(), xs.end(), centre) - xs.begin();
            m_cells[i] = static_cast<unsigned char>(left % 2 ? Where::Inside : Where::Outside);
        }
    }
    return true;
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
    // A coordinate that is not a number (damaged data) answers no comparison: not sure.
    if (std::isnan(r.minX) || std::isnan(r.minY) || std::isnan(r.maxX) || std::isnan(r.maxY))
        return Where::Boundary;
    if (r.maxX < m_extent.minX || r.minX > m_extent.maxX || r.maxY < m_extent.minY ||
        r.minY > m_extent.maxY)
        return Where::Outside;
    if (m_width <= 0 || m_height <= 0)
        return Where::Boundary;
    // A rectangle reaching beyond the grid is partly outside the polygon's envelope: it can be
    // outside or on the boundary, never wholly inside.
    const bool beyond = r.minX < m_extent.minX || r.maxX > m_extent.maxX ||
                        r.minY < m_extent.minY || r.maxY > m_extent.maxY;
    // Clamped before it becomes an int: a coordinate of 1e308 is no cell index.
    auto index = [this](double v, double origin, double step) {
        const double i = std::floor((v - origin) / step);
        return i <= 0 ? 0 : i >= m_side - 1 ? m_side - 1 : static_cast<int>(i);
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
