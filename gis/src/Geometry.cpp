#include "Private_p.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace pa::gis {

namespace detail {

namespace {
struct GeosThreadContext
{
    GEOSContextHandle_t handle = GEOS_init_r();
    std::string lastError;
    GeosThreadContext()
    {
        GEOSContext_setErrorMessageHandler_r(handle, &GeosThreadContext::onError, this);
    }
    ~GeosThreadContext() { GEOS_finish_r(handle); }
    GeosThreadContext(const GeosThreadContext&) = delete;
    GeosThreadContext& operator=(const GeosThreadContext&) = delete;

    static void onError(const char* message, void* userdata) noexcept
    {
        // Record only: this runs inside GEOS, and nothing may unwind through it.
        try {
            static_cast<GeosThreadContext*>(userdata)->lastError = message ? message : "";
        } catch (...) {
        }
    }
};

GeosThreadContext& threadContext()
{
    thread_local GeosThreadContext context;
    return context;
}
} // namespace

GEOSContextHandle_t geosContext()
{
    return threadContext().handle;
}

std::string takeGeosError()
{
    std::string message;
    std::swap(message, threadContext().lastError);
    return message;
}

GeosGeometryPtr toGeos(const OGRGeometry& geometry)
{
    GEOSContextHandle_t context = geosContext();
    ErrorCapture errors;
    GEOSGeometry* converted = geometry.exportToGEOS(context);
    if (!converted)
        throw GisError("cannot convert geometry to GEOS: " + errors.message() + takeGeosError());
    return GeosGeometryPtr(converted, GeosGeometryDeleter{context});
}

std::unique_ptr<OGRGeometry> fromGeos(const GEOSGeometry& geometry)
{
    ErrorCapture errors;
    // createFromGEOS does not take ownership of its argument.
    std::unique_ptr<OGRGeometry> converted(
        OGRGeometryFactory::createFromGEOS(geosContext(), const_cast<GEOSGeometry*>(&geometry)));
    if (!converted)
        throw GisError("cannot convert geometry from GEOS: " + errors.message());
    return converted;
}

} // namespace detail

std::string_view familyName(GeometryFamily family)
{
    switch (family) {
    case GeometryFamily::None:
        return "none";
    case GeometryFamily::Point:
        return "point";
    case GeometryFamily::Line:
        return "line";
    case GeometryFamily::Polygon:
        return "polygon";
    case GeometryFamily::Collection:
        return "mixed collection";
    }
    return "unknown";
}

void Envelope::merge(const Envelope& other)
{
    minX = std::min(minX, other.minX);
    minY = std::min(minY, other.minY);
    maxX = std::max(maxX, other.maxX);
    maxY = std::max(maxY, other.maxY);
}

Geometry::Geometry() : m_impl(std::make_unique<Impl>()) {}
Geometry::Geometry(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Geometry::~Geometry() = default;
Geometry::Geometry(Geometry&&) noexcept = default;
Geometry& Geometry::operator=(Geometry&&) noexcept = default;

Geometry Geometry::fromWkt(std::string_view wkt)
{
    detail::ensureGdalConfigured();
    const std::string text(wkt);
    OGRGeometry* parsed = nullptr;
    detail::ErrorCapture errors;
    const OGRErr err = OGRGeometryFactory::createFromWkt(text.c_str(), nullptr, &parsed);
    auto impl = std::make_unique<Impl>();
    impl->geometry.reset(parsed);
    if (err != OGRERR_NONE || !parsed)
        throw GisError("invalid WKT '" + text.substr(0, 80) + "'");
    return Geometry(std::move(impl));
}

Geometry Geometry::clone() const
{
    auto impl = std::make_unique<Impl>();
    if (m_impl->geometry)
        impl->geometry.reset(m_impl->geometry->clone());
    return Geometry(std::move(impl));
}

bool Geometry::isNull() const
{
    return !m_impl->geometry;
}
bool Geometry::isEmpty() const
{
    return !m_impl->geometry || m_impl->geometry->IsEmpty();
}

std::string Geometry::wkt() const
{
    if (!m_impl->geometry)
        return {};
    return m_impl->geometry->exportToWkt();
}

std::string Geometry::wkbHex() const
{
    if (!m_impl->geometry)
        return {};
    std::vector<unsigned char> wkb(m_impl->geometry->WkbSize());
    if (m_impl->geometry->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso) != OGRERR_NONE)
        throw GisError("cannot write a " + typeName() + " as WKB");
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string hex;
    hex.reserve(wkb.size() * 2);
    for (const unsigned char byte : wkb) {
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
    }
    return hex;
}

std::string Geometry::typeName() const
{
    if (!m_impl->geometry)
        return "None";
    return OGRGeometryTypeToName(wkbFlatten(m_impl->geometry->getGeometryType()));
}

GeometryFamily Geometry::family() const
{
    if (!m_impl->geometry)
        return GeometryFamily::None;
    switch (wkbFlatten(m_impl->geometry->getGeometryType())) {
    case wkbPoint:
    case wkbMultiPoint:
        return GeometryFamily::Point;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve:
        return GeometryFamily::Line;
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
    case wkbTriangle:
    case wkbPolyhedralSurface:
    case wkbTIN:
        return GeometryFamily::Polygon;
    case wkbGeometryCollection: {
        // A collection whose members are all of one family counts as that family.
        const auto* collection = m_impl->geometry->toGeometryCollection();
        std::optional<GeometryFamily> common;
        for (const auto* part : *collection) {
            Geometry member;
            member.m_impl->geometry.reset(part->clone());
            const auto f = member.family();
            if (common && *common != f)
                return GeometryFamily::Collection;
            common = f;
        }
        return common.value_or(GeometryFamily::Collection);
    }
    default:
        return GeometryFamily::Collection;
    }
}

bool Geometry::hasZ() const
{
    return m_impl->geometry && m_impl->geometry->Is3D();
}

double Geometry::area() const
{
    if (!m_impl->geometry)
        return 0.0;
    const auto type = wkbFlatten(m_impl->geometry->getGeometryType());
    if (OGR_GT_IsSurface(type))
        return m_impl->geometry->toSurface()->get_Area();
    if (type == wkbMultiPolygon || type == wkbMultiSurface || type == wkbGeometryCollection)
        return m_impl->geometry->toGeometryCollection()->get_Area();
    return 0.0;
}

double Geometry::length() const
{
    if (!m_impl->geometry)
        return 0.0;
    const auto type = wkbFlatten(m_impl->geometry->getGeometryType());
    if (OGR_GT_IsCurve(type))
        return m_impl->geometry->toCurve()->get_Length();
    if (type == wkbMultiLineString || type == wkbMultiCurve || type == wkbGeometryCollection)
        return m_impl->geometry->toGeometryCollection()->get_Length();
    return 0.0;
}

std::optional<Envelope> Geometry::envelope() const
{
    if (isEmpty())
        return std::nullopt;
    OGREnvelope e;
    m_impl->geometry->getEnvelope(&e);
    return Envelope{e.MinX, e.MinY, e.MaxX, e.MaxY};
}

void Geometry::transform(const CoordinateTransform& transform)
{
    if (!m_impl->geometry)
        return;
    detail::ErrorCapture errors;
    const OGRErr err = m_impl->geometry->transform(transform.impl().transformation.get());
    errors.throwIfFailed("cannot transform geometry from " + transform.source().label() + " to " +
                             transform.target().label(),
                         err != OGRERR_NONE);
}

void Geometry::dropZM()
{
    if (m_impl->geometry) {
        m_impl->geometry->flattenTo2D();
        m_impl->geometry->setMeasured(FALSE);
    }
}

void Geometry::promoteToMulti()
{
    if (!m_impl->geometry)
        return;
    // Curves, surfaces, triangles and TINs are linearised too, so that a layer declared
    // MultiPolygon or MultiLineString holds only that type.
    OGRwkbGeometryType target = wkbUnknown;
    switch (family()) {
    case GeometryFamily::Point:
        target = wkbMultiPoint;
        break;
    case GeometryFamily::Line:
        target = wkbMultiLineString;
        break;
    case GeometryFamily::Polygon:
        target = wkbMultiPolygon;
        break;
    default:
        return;
    }
    if (wkbFlatten(m_impl->geometry->getGeometryType()) == target)
        return;
    m_impl->geometry.reset(
        OGRGeometryFactory::forceTo(m_impl->geometry.release(), target, nullptr));
}

namespace {

std::vector<Coord> coordsOf(const OGRSimpleCurve& curve)
{
    std::vector<Coord> out(static_cast<std::size_t>(curve.getNumPoints()));
    for (int i = 0; i < curve.getNumPoints(); ++i)
        out[static_cast<std::size_t>(i)] = {curve.getX(i), curve.getY(i)};
    return out;
}

void collect(const OGRGeometry& g, Shapes& out)
{
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint: {
        const auto& p = *g.toPoint();
        if (!p.IsEmpty())
            out.points.push_back({p.getX(), p.getY()});
        return;
    }
    case wkbLineString:
    case wkbLinearRing:
        out.lines.push_back(coordsOf(*g.toLineString()));
        return;
    case wkbPolygon:
    case wkbTriangle: {
        std::vector<std::vector<Coord>> rings;
        for (const auto* ring : *g.toPolygon())
            rings.push_back(coordsOf(*ring));
        if (!rings.empty())
            out.polygons.push_back(std::move(rings));
        return;
    }
    default:
        break;
    }
    if (OGR_GT_IsSubClassOf(wkbFlatten(g.getGeometryType()), wkbGeometryCollection)) {
        for (const auto* part : *g.toGeometryCollection())
            collect(*part, out);
        return;
    }
    // A polyhedral surface or a TIN is its polygons (triangles): its linear geometry is itself.
    if (OGR_GT_IsSubClassOf(wkbFlatten(g.getGeometryType()), wkbPolyhedralSurface)) {
        for (const auto* part : *g.toPolyhedralSurface())
            collect(*part, out);
        return;
    }
    // Curves, surfaces and the like: draw their linear approximation.
    std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
    if (linear && wkbFlatten(linear->getGeometryType()) != wkbFlatten(g.getGeometryType()))
        collect(*linear, out);
}

} // namespace

Shapes Geometry::shapes() const
{
    Shapes out;
    if (m_impl->geometry)
        collect(*m_impl->geometry, out);
    return out;
}

std::optional<Coord> Geometry::labelPoint() const
{
    if (isEmpty())
        return std::nullopt;
    const Shapes s = shapes();
    if (!s.polygons.empty()) {
        // The largest polygon's point on surface (inside it even when it is concave).
        const OGRGeometry* best = nullptr;
        double bestArea = -1;
        std::function<void(const OGRGeometry&)> visit = [&](const OGRGeometry& g) {
            if (wkbFlatten(g.getGeometryType()) == wkbPolygon) {
                const double a = g.toPolygon()->get_Area();
                if (a > bestArea) {
                    bestArea = a;
                    best = &g;
                }
            } else if (OGR_GT_IsSubClassOf(wkbFlatten(g.getGeometryType()),
                                           wkbGeometryCollection)) {
                for (const auto* part : *g.toGeometryCollection())
                    visit(*part);
            }
        };
        visit(*m_impl->geometry);
        // Its centroid when that lies inside (where a reader expects the name), else a point
        // GEOS guarantees to be inside.
        OGRPoint p;
        if (best && best->Centroid(&p) == OGRERR_NONE && best->Contains(&p))
            return Coord{p.getX(), p.getY()};
        if (best && best->toPolygon()->PointOnSurface(&p) == OGRERR_NONE)
            return Coord{p.getX(), p.getY()};
        return s.polygons.front().front().front();
    }
    if (!s.lines.empty()) {
        const std::vector<Coord>* longest = &s.lines.front();
        for (const auto& l : s.lines)
            if (l.size() > longest->size())
                longest = &l;
        return (*longest)[longest->size() / 2];
    }
    if (!s.points.empty())
        return s.points.front();
    return std::nullopt;
}

Geometry Geometry::fromEnvelope(const Envelope& e)
{
    auto ring = std::make_unique<OGRLinearRing>();
    ring->addPoint(e.minX, e.minY);
    ring->addPoint(e.maxX, e.minY);
    ring->addPoint(e.maxX, e.maxY);
    ring->addPoint(e.minX, e.maxY);
    ring->addPoint(e.minX, e.minY);
    auto polygon = std::make_unique<OGRPolygon>();
    polygon->addRingDirectly(ring.release());
    auto impl = std::make_unique<Geometry::Impl>();
    impl->geometry = std::move(polygon);
    return Geometry(std::move(impl));
}

namespace {
Geometry wrap(detail::GeosGeometryPtr geos)
{
    auto impl = std::make_unique<Geometry::Impl>();
    impl->geometry = detail::fromGeos(*geos);
    return Geometry(std::move(impl));
}
} // namespace

Geometry Geometry::intersection(const Geometry& other) const
{
    if (isEmpty() || other.isEmpty())
        return Geometry();
    GEOSContextHandle_t context = detail::geosContext();
    auto a = detail::toGeos(*m_impl->geometry);
    auto b = detail::toGeos(*other.m_impl->geometry);
    detail::GeosGeometryPtr result(GEOSIntersection_r(context, a.get(), b.get()), {context});
    if (!result)
        throw GisError("GEOS intersection failed: " + detail::takeGeosError());
    return wrap(std::move(result));
}

bool Geometry::intersects(const Geometry& other) const
{
    if (isEmpty() || other.isEmpty())
        return false;
    GEOSContextHandle_t context = detail::geosContext();
    auto a = detail::toGeos(*m_impl->geometry);
    auto b = detail::toGeos(*other.m_impl->geometry);
    const char r = GEOSIntersects_r(context, a.get(), b.get());
    if (r == 2)
        throw GisError("GEOS intersects failed: " + detail::takeGeosError());
    return r == 1;
}

double Geometry::distance(const Geometry& other) const
{
    if (isEmpty() || other.isEmpty())
        throw GisError("distance to an empty geometry");
    GEOSContextHandle_t context = detail::geosContext();
    auto a = detail::toGeos(*m_impl->geometry);
    auto b = detail::toGeos(*other.m_impl->geometry);
    double d = 0;
    if (GEOSDistance_r(context, a.get(), b.get(), &d) != 1)
        throw GisError("GEOS distance failed: " + detail::takeGeosError());
    return d;
}

Geometry Geometry::buffer(double distance) const
{
    if (isEmpty())
        return Geometry();
    GEOSContextHandle_t context = detail::geosContext();
    auto a = detail::toGeos(*m_impl->geometry);
    // 16 segments per quarter circle: the buffer's area is within 0.2 % of the true one.
    detail::GeosGeometryPtr result(GEOSBuffer_r(context, a.get(), distance, 16), {context});
    if (!result)
        throw GisError("GEOS buffer failed: " + detail::takeGeosError());
    return wrap(std::move(result));
}

std::vector<Geometry> Geometry::splitBy(const Geometry& cutter) const
{
    if (isEmpty())
        return {};
    if (cutter.family() != GeometryFamily::Line)
        throw GisError("a shape is cut along a line, not a " + cutter.typeName());
    const GeometryFamily own = family();
    if (own != GeometryFamily::Polygon && own != GeometryFamily::Line)
        throw GisError("only areas and lines can be cut, not a " + typeName());
    GEOSContextHandle_t context = detail::geosContext();
    auto a = detail::toGeos(*m_impl->geometry);
    auto blade = detail::toGeos(*cutter.m_impl->geometry);
    std::vector<Geometry> pieces;
    auto fail = [](const char* what) {
        throw GisError(std::string("GEOS could not cut the shape (") + what +
                       "): " + detail::takeGeosError());
    };
    if (own == GeometryFamily::Line) {
        // What is left of the line off the cutter, noded where the cutter crosses it.
        detail::GeosGeometryPtr rest(GEOSDifference_r(context, a.get(), blade.get()), {context});
        if (!rest)
            fail("difference");
        const int n = GEOSGetNumGeometries_r(context, rest.get());
        for (int i = 0; i < n; ++i) {
            const GEOSGeometry* part = GEOSGetGeometryN_r(context, rest.get(), i);
            detail::GeosGeometryPtr copy(GEOSGeom_clone_r(context, part), {context});
            Geometry g = wrap(std::move(copy));
            if (g.length() > 0)
                pieces.push_back(std::move(g));
        }
    } else {
        // The outline and the cut noded together, made into faces; the faces inside the shape
        // are its pieces (a hole stays a hole).
        detail::GeosGeometryPtr outline(GEOSBoundary_r(context, a.get()), {context});
        if (!outline)
            fail("outline");
        detail::GeosGeometryPtr noded(GEOSUnion_r(context, outline.get(), blade.get()), {context});
        if (!noded)
            fail("noding");
        const GEOSGeometry* lines[] = {noded.get()};
        detail::GeosGeometryPtr faces(GEOSPolygonize_r(context, lines, 1), {context});
        if (!faces)
            fail("polygonize");
        const int n = GEOSGetNumGeometries_r(context, faces.get());
        for (int i = 0; i < n; ++i) {
            const GEOSGeometry* face = GEOSGetGeometryN_r(context, faces.get(), i);
            detail::GeosGeometryPtr inside(GEOSPointOnSurface_r(context, face), {context});
            if (!inside)
                fail("point on surface");
            if (GEOSIntersects_r(context, a.get(), inside.get()) != 1)
                continue;
            detail::GeosGeometryPtr copy(GEOSGeom_clone_r(context, face), {context});
            pieces.push_back(wrap(std::move(copy)));
        }
    }
    std::stable_sort(pieces.begin(), pieces.end(), [own](const Geometry& x, const Geometry& y) {
        return own == GeometryFamily::Polygon ? x.area() > y.area() : x.length() > y.length();
    });
    return pieces;
}

Geometry Geometry::unionOf(const std::vector<const Geometry*>& parts)
{
    GEOSContextHandle_t context = detail::geosContext();
    std::vector<GEOSGeometry*> members;
    for (const Geometry* g : parts)
        if (g && !g->isEmpty())
            members.push_back(detail::toGeos(*g->m_impl->geometry).release());
    if (members.empty())
        return Geometry();
    // The collection takes ownership of the members.
    detail::GeosGeometryPtr collection(
        GEOSGeom_createCollection_r(context, GEOS_GEOMETRYCOLLECTION, members.data(),
                                    static_cast<unsigned>(members.size())),
        {context});
    if (!collection)
        throw GisError("GEOS could not collect geometries: " + detail::takeGeosError());
    detail::GeosGeometryPtr result(GEOSUnaryUnion_r(context, collection.get()), {context});
    if (!result)
        throw GisError("GEOS union failed: " + detail::takeGeosError());
    return wrap(std::move(result));
}

namespace detail {

/// Sign of the turn a → b → c: +1 left, -1 right, 0 when too close to straight to tell in
/// double arithmetic (the bound is far wider than Shewchuk's, so a 0 is never a wrong sign).
int turn(const OGRRawPoint& a, const OGRRawPoint& b, const OGRRawPoint& c)
{
    const double left = (b.x - a.x) * (c.y - a.y), right = (b.y - a.y) * (c.x - a.x);
    const double det = left - right;
    const double bound = 1e-12 * (std::fabs(left) + std::fabs(right));
    return det > bound ? 1 : det < -bound ? -1 : 0;
}

/// Whether the one ring of a simple polygon (a parcel: a few to a few dozen vertices) is
/// certainly valid: closed, finite, no repeated vertex, no straight or doubled-back corner, and
/// no two segments that are not neighbours meeting. False means "not sure": GEOS decides. This
/// spares the conversion to GEOS and its graph for the million parcels an analysis reads.
bool certainlyValidRingPoints(const OGRRawPoint* p, int n)
{
    if (n < 4 || n > kMaxCertainRingPoints)
        return false;
    if (p[0].x != p[n - 1].x || p[0].y != p[n - 1].y)
        return false;
    const int segments = n - 1;
    for (int i = 0; i < segments; ++i) {
        if (!std::isfinite(p[i].x) || !std::isfinite(p[i].y) ||
            (p[i].x == p[i + 1].x && p[i].y == p[i + 1].y))
            return false;
        // The corner at p[i + 1] (wrapping at the closing vertex) turns clearly one way.
        if (turn(p[i], p[i + 1], p[i + 2 <= segments ? i + 2 : 1]) == 0)
            return false;
    }
    for (int i = 0; i < segments; ++i) {
        const auto &a = p[i], &b = p[i + 1];
        for (int j = i + 2; j < segments; ++j) {
            if (i == 0 && j == segments - 1)
                continue; // the closing neighbours
            const auto &c = p[j], &d = p[j + 1];
            if (std::max(a.x, b.x) < std::min(c.x, d.x) ||
                std::max(c.x, d.x) < std::min(a.x, b.x) ||
                std::max(a.y, b.y) < std::min(c.y, d.y) || std::max(c.y, d.y) < std::min(a.y, b.y))
                continue;
            const int t1 = turn(a, b, c), t2 = turn(a, b, d), t3 = turn(c, d, a),
                      t4 = turn(c, d, b);
            if (t1 == 0 || t2 == 0 || t3 == 0 || t4 == 0)
                return false;
            if (t1 != t2 && t3 != t4)
                return false; // they cross
        }
    }
    return true;
}

bool certainlyValidRing(const OGRLinearRing& ring)
{
    const int n = ring.getNumPoints();
    if (n < 4 || n > kMaxCertainRingPoints)
        return false;
    OGRRawPoint p[kMaxCertainRingPoints];
    ring.getPoints(p);
    return certainlyValidRingPoints(p, n);
}

double ringArea(const OGRRawPoint* p, int n)
{
    if (n < 3)
        return 0.0;
    // Green's theorem, Σ x(i)·(y(i+1) − y(i−1)) / 2 over a ring whose last point repeats the
    // first, summed from the first point as OGR sums it.
    double sum = p[0].x * (p[1].y - p[n - 1].y);
    for (int i = 1; i < n - 1; ++i)
        sum += p[i].x * (p[i + 1].y - p[i - 1].y);
    sum += p[n - 1].x * (p[0].y - p[n - 2].y);
    return 0.5 * std::fabs(sum);
}

/// A polygon or one-part multipolygon of one ring that certainlyValidRing() accepts.
bool certainlyValid(const OGRGeometry& g)
{
    const OGRGeometry* part = &g;
    if (wkbFlatten(g.getGeometryType()) == wkbMultiPolygon) {
        const auto& multi = *g.toMultiPolygon();
        if (multi.getNumGeometries() != 1)
            return false;
        part = multi.getGeometryRef(0);
    }
    if (wkbFlatten(part->getGeometryType()) != wkbPolygon)
        return false;
    const auto& polygon = *part->toPolygon();
    return polygon.getNumInteriorRings() == 0 && polygon.getExteriorRing() &&
           certainlyValidRing(*polygon.getExteriorRing());
}

} // namespace detail

bool Geometry::isValid() const
{
    if (!m_impl->geometry)
        return true;
    if (detail::certainlyValid(*m_impl->geometry))
        return true;
    auto geos = detail::toGeos(*m_impl->geometry);
    const char valid = GEOSisValid_r(detail::geosContext(), geos.get());
    if (valid == 2)
        throw GisError("GEOS could not test validity: " + detail::takeGeosError());
    return valid == 1;
}

std::string Geometry::invalidReason() const
{
    if (!m_impl->geometry)
        return {};
    GEOSContextHandle_t context = detail::geosContext();
    auto geos = detail::toGeos(*m_impl->geometry);
    if (GEOSisValid_r(context, geos.get()) == 1)
        return {};
    detail::GeosStringPtr reason(GEOSisValidReason_r(context, geos.get()), {context});
    return reason ? reason.get() : "invalid geometry";
}

namespace {
int dimensionOf(GeometryFamily family)
{
    switch (family) {
    case GeometryFamily::Point:
        return 0;
    case GeometryFamily::Line:
        return 1;
    case GeometryFamily::Polygon:
        return 2;
    default:
        return -1;
    }
}

/// Appends clones of the members of @p geometry of dimension @p dimension to @p out.
void collectParts(GEOSContextHandle_t context, const GEOSGeometry* geometry, int dimension,
                  std::vector<GEOSGeometry*>& out, bool& dropped)
{
    const int type = GEOSGeomTypeId_r(context, geometry);
    if (type == GEOS_MULTIPOINT || type == GEOS_MULTILINESTRING || type == GEOS_MULTIPOLYGON ||
        type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(context, geometry);
        for (int i = 0; i < n; ++i)
            collectParts(context, GEOSGetGeometryN_r(context, geometry, i), dimension, out,
                         dropped);
        return;
    }
    if (GEOSisEmpty_r(context, geometry) == 1)
        return;
    if (GEOSGeom_getDimensions_r(context, geometry) == dimension)
        out.push_back(GEOSGeom_clone_r(context, geometry));
    else
        dropped = true;
}
} // namespace

namespace {

struct Segment
{
    double x1, y1, x2, y2;
    std::size_t ring, index, ringSize; // index of the segment in its ring, segments in the ring
};

double orient(double ax, double ay, double bx, double by, double cx, double cy)
{
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

bool onSegment(double ax, double ay, double bx, double by, double px, double py)
{
    return std::min(ax, bx) <= px && px <= std::max(ax, bx) && std::min(ay, by) <= py &&
           py <= std::max(ay, by);
}

bool intersects(const Segment& a, const Segment& b)
{
    const double d1 = orient(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1);
    const double d2 = orient(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2);
    const double d3 = orient(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1);
    const double d4 = orient(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        return true;
    return (d1 == 0 && onSegment(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1)) ||
           (d2 == 0 && onSegment(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2)) ||
           (d3 == 0 && onSegment(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1)) ||
           (d4 == 0 && onSegment(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2));
}

bool neighbours(const Segment& a, const Segment& b)
{
    if (a.ring != b.ring)
        return false;
    const std::size_t d = a.index > b.index ? a.index - b.index : b.index - a.index;
    return d == 1 || d + 1 == a.ringSize;
}

void collectRingSegments(GEOSContextHandle_t context, const GEOSGeometry* geometry,
                         std::vector<Segment>& out, std::size_t& rings)
{
    const int type = GEOSGeomTypeId_r(context, geometry);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0; i < GEOSGetNumGeometries_r(context, geometry); ++i)
            collectRingSegments(context, GEOSGetGeometryN_r(context, geometry, i), out, rings);
        return;
    }
    if (type != GEOS_POLYGON || GEOSisEmpty_r(context, geometry) == 1)
        return;
    auto addRing = [&](const GEOSGeometry* ring) {
        const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(context, ring);
        unsigned int n = 0;
        if (!sequence || !GEOSCoordSeq_getSize_r(context, sequence, &n) || n < 2)
            return;
        const std::size_t first = out.size();
        double px = 0, py = 0;
        GEOSCoordSeq_getXY_r(context, sequence, 0, &px, &py);
        for (unsigned int i = 1; i < n; ++i) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(context, sequence, i, &x, &y);
            if (x == px && y == py)
                continue; // a repeated vertex is no segment
            out.push_back({px, py, x, y, rings, out.size() - first, 0});
            px = x, py = y;
        }
        for (std::size_t k = first; k < out.size(); ++k)
            out[k].ringSize = out.size() - first;
        ++rings;
    };
    addRing(GEOSGetExteriorRing_r(context, geometry));
    for (int i = 0; i < GEOSGetNumInteriorRings_r(context, geometry); ++i)
        addRing(GEOSGetInteriorRingN_r(context, geometry, i));
}

/// Points where the rings of a polygonal geometry cross or touch (other than at the shared
/// vertex of consecutive segments), counted up to @p limit + 1 and no further: an R-tree of
/// the segments, so that a large ring with one bow-tie costs O(n log n) and a ring that
/// crosses itself everywhere stops as soon as the count is past the limit.
std::size_t countCrossings(GEOSContextHandle_t context, const GEOSGeometry* geometry,
                           std::size_t limit)
{
    std::vector<Segment> segments;
    std::size_t rings = 0;
    collectRingSegments(context, geometry, segments, rings);
    if (segments.size() < 2)
        return 0;
    GEOSSTRtree* tree = GEOSSTRtree_create_r(context, 10);
    std::vector<GEOSGeometry*> boxes;
    boxes.reserve(segments.size());
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& s = segments[i];
        boxes.push_back(GEOSGeom_createRectangle_r(context, std::min(s.x1, s.x2),
                                                   std::min(s.y1, s.y2), std::max(s.x1, s.x2),
                                                   std::max(s.y1, s.y2)));
        GEOSSTRtree_insert_r(context, tree, boxes.back(), reinterpret_cast<void*>(i));
    }
    struct Query
    {
        const std::vector<Segment>* segments;
        std::size_t self;
        std::size_t found;
        std::size_t limit;
    } query{&segments, 0, 0, limit};
    for (std::size_t i = 0; i < segments.size() && query.found <= limit; ++i) {
        query.self = i;
        GEOSSTRtree_query_r(
            context, tree, boxes[i],
            [](void* item, void* data) {
                auto& q = *static_cast<Query*>(data);
                const auto j = reinterpret_cast<std::size_t>(item);
                if (q.found > q.limit || j <= q.self)
                    return;
                const auto& a = (*q.segments)[q.self];
                const auto& b = (*q.segments)[j];
                if (!neighbours(a, b) && intersects(a, b))
                    ++q.found;
            },
            &query);
    }
    GEOSSTRtree_destroy_r(context, tree);
    for (auto* box : boxes)
        GEOSGeom_destroy_r(context, box);
    return query.found;
}

} // namespace

RepairOutcome Geometry::makeValid(GeometryFamily family, std::size_t maxCrossings)
{
    RepairOutcome outcome;
    if (!m_impl->geometry || m_impl->geometry->IsEmpty())
        return outcome;
    GEOSContextHandle_t context = detail::geosContext();
    auto geos = detail::toGeos(*m_impl->geometry);
    if (GEOSisValid_r(context, geos.get()) == 1)
        return outcome;
    outcome.wasInvalid = true;
    {
        detail::GeosStringPtr reason(GEOSisValidReason_r(context, geos.get()), {context});
        outcome.reason = reason ? reason.get() : "invalid geometry";
    }
    // Counted before any repair: a ring that crosses itself everywhere is refused or repaired
    // by the method that finishes, never ground through for minutes.
    const std::size_t limit = maxCrossings;
    outcome.crossings = countCrossings(context, geos.get(), std::max(limit, kMaxLineworkCrossings));
    if (outcome.crossings > limit)
        throw GisError("its rings cross themselves at more than " + std::to_string(limit) +
                       " points, which no drawing error makes; correct the geometry in its "
                       "source (the limit is PLANATLAS_LIMIT_REPAIR_CROSSINGS)");
    detail::GeosGeometryPtr fixed(nullptr, {context});
    if (outcome.crossings > kMaxLineworkCrossings) {
        GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(context);
        GEOSMakeValidParams_setMethod_r(context, params, GEOS_MAKE_VALID_STRUCTURE);
        GEOSMakeValidParams_setKeepCollapsed_r(context, params, 0);
        fixed.reset(GEOSMakeValidWithParams_r(context, geos.get(), params));
        GEOSMakeValidParams_destroy_r(context, params);
        outcome.byStructure = true;
    } else {
        fixed.reset(GEOSMakeValid_r(context, geos.get()));
    }
    if (!fixed)
        throw GisError("GEOS could not repair geometry (" + outcome.reason +
                       "): " + detail::takeGeosError());

    const int dimension = dimensionOf(family);
    if (dimension >= 0) {
        std::vector<GEOSGeometry*> parts;
        collectParts(context, fixed.get(), dimension, parts, outcome.droppedLowerDimension);
        const int multiType = dimension == 0   ? GEOS_MULTIPOINT
                              : dimension == 1 ? GEOS_MULTILINESTRING
                                               : GEOS_MULTIPOLYGON;
        // createCollection takes ownership of the parts, not of the array.
        fixed.reset(GEOSGeom_createCollection_r(context, multiType, parts.data(),
                                                static_cast<unsigned>(parts.size())));
        if (!fixed)
            throw GisError("GEOS could not rebuild repaired geometry: " + detail::takeGeosError());
    }
    // Hold a reference: the old geometry may own the last one.
    OGRSpatialReference* srs = m_impl->geometry->getSpatialReference();
    if (srs)
        srs->Reference();
    m_impl->geometry = detail::fromGeos(*fixed);
    if (srs) {
        m_impl->geometry->assignSpatialReference(srs);
        srs->Release();
    }
    outcome.becameEmpty = m_impl->geometry->IsEmpty();
    return outcome;
}

} // namespace pa::gis
