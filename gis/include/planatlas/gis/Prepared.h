#pragma once
// A geometry prepared by GEOS for many predicate tests against it (a province tested against
// a million parcels): its edges indexed once, each test then fast.

#include "planatlas/gis/Geometry.h"

#include <memory>
#include <optional>
#include <vector>

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
    friend class CellClassifier; // reads the polygon's rings
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Where a rectangle lies against a polygon, answered from a grid of cells over the polygon's
/// envelope that were classified once: a parcel's envelope in cells wholly inside a district is
/// inside, without GEOS. Cells the boundary crosses answer Boundary, and the caller tests the
/// geometry itself. A polygon's cells are classified by a scan of its edges (each edge marks the
/// cells it passes through, the rest take the even-odd rule at their centre); any other
/// geometry by a quadtree descent of prepared rectangle tests.
class CellClassifier
{
public:
    enum class Where
    {
        Inside,
        Outside,
        Boundary
    };

    /// A grid of 2^@p levels cells a side over @p polygon's envelope.
    CellClassifier(const PreparedGeometry& prepared, const Envelope& envelope, int levels = 8);

    [[nodiscard]] Where classify(const Envelope& rectangle) const;

private:
    void descend(const PreparedGeometry& prepared, int x0, int y0, int size);
    /// The scan of a polygon's edges; false (nothing done) when the geometry is not polygonal.
    bool scan(const PreparedGeometry& prepared);
    [[nodiscard]] Envelope cell(int x0, int y0, int size) const;

    Envelope m_extent;
    int m_side;
    double m_width, m_height;           ///< of one cell
    std::vector<unsigned char> m_cells; ///< Where, row-major from minY
};

/// The area a convex polygon shares with a polygonal geometry, without an overlay: the
/// geometry's rings are clipped to the convex polygon one edge at a time (Sutherland–Hodgman)
/// and their signed areas summed. Clipping to a half-plane keeps each point's winding number
/// inside it, so a concave ring, a hole or a multipolygon's parts clip right. For one zone
/// measured against the thousands of small parcels crossing its edge, where GEOS's overlay
/// costs tens of microseconds a parcel.
class ConvexOverlap
{
public:
    /// @p geometry's polygons; anything else has no area (area() gives 0).
    explicit ConvexOverlap(const Geometry& geometry);

    /// The area of the closed ring @p ring (its last point repeating the first) inside the
    /// geometry; nullopt when the ring is not convex (then ask GEOS): it turns both ways, or
    /// more than once round; nullopt too for a geometry of faces (a polyhedral surface, a TIN),
    /// which may lie over each other. A ring without area gives 0.
    [[nodiscard]] std::optional<double> area(const std::vector<Coord>& ring) const;
    /// The points of the geometry's rings: what each area() may have to clip.
    [[nodiscard]] std::size_t points() const;

private:
    struct Ring
    {
        std::vector<Coord> points; ///< open: the first point not repeated
        Envelope envelope;
        double sign; ///< +1 or −1: what makes the ring's own area count toward the geometry's
    };
    std::vector<Ring> m_rings;
    bool m_faces = false; ///< a polyhedral surface or TIN: not measured here
};

} // namespace pa::gis
