// ConvexOverlap (Prepared.h): the area of a convex ring inside a polygonal geometry, by clipping.

#include "Private_p.h"
#include "planatlas/gis/Prepared.h"

#include <algorithm>
#include <cmath>

namespace pa::gis {

namespace {

/// Twice the signed area of the open ring @p p (anticlockwise positive), summed about @p o:
/// coordinates of millions of metres would leave the products with centimetres of rounding.
double twiceSignedArea(const std::vector<Coord>& p, Coord o = {})
{
    double sum = 0;
    for (std::size_t i = 0, n = p.size(); i < n; ++i) {
        const auto& a = p[i];
        const auto& b = p[(i + 1) % n];
        sum += (a.x - o.x) * (b.y - o.y) - (b.x - o.x) * (a.y - o.y);
    }
    return sum;
}

double cross(double ax, double ay, double bx, double by)
{
    return ax * by - ay * bx;
}

/// Whether @p g is, or holds, a polyhedral surface or a TIN: faces that may lie over each other
/// on the map (the top and the bottom of a building), which no sum of rings measures.
bool hasFaces(const OGRGeometry& g)
{
    const auto type = wkbFlatten(g.getGeometryType());
    if (OGR_GT_IsSubClassOf(type, wkbPolyhedralSurface))
        return true;
    if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection))
        for (const auto* part : *g.toGeometryCollection())
            if (hasFaces(*part))
                return true;
    return false;
}

} // namespace

ConvexOverlap::ConvexOverlap(const Geometry& geometry)
{
    if (!geometry.isNull() && hasFaces(*geometry.impl().geometry)) {
        m_faces = true;
        return;
    }
    for (const auto& polygon : geometry.shapes().polygons)
        for (std::size_t r = 0; r < polygon.size(); ++r) {
            Ring ring;
            ring.points = polygon[r];
            if (ring.points.size() > 1 && ring.points.front().x == ring.points.back().x &&
                ring.points.front().y == ring.points.back().y)
                ring.points.pop_back();
            if (ring.points.size() < 3)
                continue;
            const double a = twiceSignedArea(ring.points, ring.points.front());
            if (a == 0)
                continue;
            // The exterior counts positive and each hole negative, whichever way they turn.
            const bool exterior = r == 0;
            ring.sign = (a > 0) == exterior ? 1.0 : -1.0;
            ring.envelope = {ring.points.front().x, ring.points.front().y, ring.points.front().x,
                             ring.points.front().y};
            for (const auto& p : ring.points)
                ring.envelope.merge({p.x, p.y, p.x, p.y});
            m_rings.push_back(std::move(ring));
        }
}

std::size_t ConvexOverlap::points() const
{
    std::size_t n = 0;
    for (const auto& r : m_rings)
        n += r.points.size();
    return n;
}

std::optional<double> ConvexOverlap::area(const std::vector<Coord>& ring) const
{
    if (m_faces)
        return std::nullopt;
    // The ring, open, without repeated points, about its first point. (Scratch kept per
    // thread: a zone is measured against thousands of rings.)
    thread_local std::vector<Coord> c, subject, clipped;
    c.clear();
    for (const auto& p : ring)
        if (c.empty() || p.x != c.back().x || p.y != c.back().y)
            c.push_back(p);
    while (c.size() > 1 && c.front().x == c.back().x && c.front().y == c.back().y)
        c.pop_back();
    if (c.size() < 3)
        return 0.0;
    const Coord o = c.front();
    Envelope envelope{o.x, o.y, o.x, o.y};
    for (auto& p : c) {
        envelope.merge({p.x, p.y, p.x, p.y});
        p = {p.x - o.x, p.y - o.y};
    }
    // Convex: every corner turns the same way (or goes straight on), beyond rounding, and the
    // turns add up to one whole turn (a pentagram turns one way twice round; a bow-tie both
    // ways).
    const std::size_t n = c.size();
    bool left = false, right = false;
    double turned = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& a = c[i];
        const auto& b = c[(i + 1) % n];
        const auto& d = c[(i + 2) % n];
        const double ux = b.x - a.x, uy = b.y - a.y, vx = d.x - b.x, vy = d.y - b.y;
        const double turn = cross(ux, uy, vx, vy), along = ux * vx + uy * vy;
        const double tolerance = 1e-12 * std::hypot(ux, uy) * std::hypot(vx, vy);
        left = left || turn > tolerance;
        right = right || turn < -tolerance;
        turned += std::atan2(turn, along);
    }
    if ((left && right) || std::fabs(std::fabs(turned) - 2 * M_PI) > 1e-6)
        return std::nullopt;
    if (turned < 0)
        std::reverse(c.begin(), c.end()); // anticlockwise: inside is left of each edge
    const double own = twiceSignedArea(c);
    if (own <= 0)
        return 0.0;
    double sum = 0;
    for (const auto& r : m_rings) {
        if (!r.envelope.intersects(envelope))
            continue;
        subject.resize(r.points.size());
        for (std::size_t i = 0; i < r.points.size(); ++i)
            subject[i] = {r.points[i].x - o.x, r.points[i].y - o.y};
        for (std::size_t i = 0; i < n && !subject.empty(); ++i) {
            const auto& a = c[i];
            const auto& b = c[(i + 1) % n];
            const double ex = b.x - a.x, ey = b.y - a.y;
            // Keep what lies left of a→b (inside), cutting each edge that crosses the line.
            const auto side = [&](const Coord& p) { return cross(ex, ey, p.x - a.x, p.y - a.y); };
            clipped.clear();
            Coord s = subject.back();
            double ss = side(s);
            for (const auto& e : subject) {
                const double se = side(e);
                if ((se >= 0) != (ss >= 0)) {
                    const double t = ss / (ss - se);
                    clipped.push_back({s.x + t * (e.x - s.x), s.y + t * (e.y - s.y)});
                }
                if (se >= 0)
                    clipped.push_back(e);
                s = e;
                ss = se;
            }
            subject.swap(clipped);
        }
        if (subject.size() >= 3)
            sum += r.sign * twiceSignedArea(subject);
    }
    return std::clamp(sum / 2, 0.0, own / 2);
}

} // namespace pa::gis
