#pragma once
// Move-only owner of one OGR geometry, with GEOS validity checks and repair.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pa::gis {

class CoordinateTransform;

enum class GeometryFamily
{
    None,
    Point,
    Line,
    Polygon,
    Collection
};

/// Human name of a family, e.g. "polygon".
std::string_view familyName(GeometryFamily family);

/// Axis-aligned rectangle; the CRS is the one of whatever it was computed from.
struct Envelope
{
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    void merge(const Envelope& other);
    /// Whether the two share a point (touching edges count).
    [[nodiscard]] bool intersects(const Envelope& other) const
    {
        return minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY;
    }
};

/// A position in the geometry's CRS.
struct Coord
{
    double x = 0, y = 0;
};

/// The parts of a geometry as plain coordinates, for drawing: points, lines, and polygons as
/// rings (the first ring of each polygon is its exterior). Curves are linearised.
struct Shapes
{
    std::vector<Coord> points;
    std::vector<std::vector<Coord>> lines;
    std::vector<std::vector<std::vector<Coord>>> polygons;
};

/// What makeValid() did to a geometry.
struct RepairOutcome
{
    bool wasInvalid = false;
    std::string reason;                 ///< GEOS's reason when it was invalid
    bool droppedLowerDimension = false; ///< collapsed parts (lines, points) removed
    bool becameEmpty = false;
    /// Points where the rings cross themselves or each other, counted up to
    /// kMaxLineworkCrossings + 1 (polygons only; 0 when valid or not polygonal).
    std::size_t crossings = 0;
    /// Repaired with the structure method (rings merged as areas) because they crossed at too
    /// many points for the linework method to finish in time.
    bool byStructure = false;
};

/// Limits of makeValid. A ring that crosses itself at k points makes a repair of O(k²) work or
/// more (a random 400-vertex ring: 19 000 crossings, 45 s with the linework method): past
/// kMaxLineworkCrossings the structure method is used (0.5 s there); past the limit below the
/// geometry is refused as something no drawing error produces.
inline constexpr std::size_t kMaxLineworkCrossings = 256;
/// The default limit of makeValid (layers/Limits.h reads PLANATLAS_LIMIT_REPAIR_CROSSINGS,
/// which raises or lowers it, and passes it in).
inline constexpr std::size_t kDefaultMaxRepairCrossings = 50000;

class Geometry
{
public:
    Geometry();
    ~Geometry();
    Geometry(Geometry&&) noexcept;
    Geometry& operator=(Geometry&&) noexcept;
    Geometry(const Geometry&) = delete;
    Geometry& operator=(const Geometry&) = delete;

    /// Parses WKT; throws GisError naming the problem.
    static Geometry fromWkt(std::string_view wkt);
    [[nodiscard]] Geometry clone() const;

    [[nodiscard]] bool isNull() const;
    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] std::string wkt() const;
    /// The ISO WKB, little-endian, as hexadecimal text: every coordinate exactly (wkt() rounds),
    /// for a geometry sent to a database in SQL. Empty for a null geometry.
    [[nodiscard]] std::string wkbHex() const;
    [[nodiscard]] std::string typeName() const;  ///< OGR's name, e.g. "Multi Polygon"
    [[nodiscard]] GeometryFamily family() const; ///< multi types map to their single family
    [[nodiscard]] bool hasZ() const;
    /// Area and length in the square/linear units of the geometry's CRS.
    [[nodiscard]] double area() const;
    [[nodiscard]] double length() const;
    [[nodiscard]] std::optional<Envelope> envelope() const;
    [[nodiscard]] Shapes shapes() const;
    /// A position on the geometry for its label: a point inside the largest polygon, the
    /// middle vertex of the longest line, or the first point; empty for an empty geometry.
    [[nodiscard]] std::optional<Coord> labelPoint() const;
    /// A rectangle in the geometry's CRS.
    static Geometry fromEnvelope(const Envelope& envelope);

    void transform(const CoordinateTransform& transform);
    void dropZM();
    /// Point → MultiPoint, LineString → MultiLineString, Polygon → MultiPolygon; curves,
    /// surfaces, triangles and TINs are linearised into the same types.
    void promoteToMulti();

    /// Overlay and predicates through GEOS, in the geometries' common CRS.
    [[nodiscard]] Geometry intersection(const Geometry& other) const;
    [[nodiscard]] bool intersects(const Geometry& other) const;
    /// Shortest distance in CRS units (metres in a projected CRS); 0 when they intersect.
    [[nodiscard]] double distance(const Geometry& other) const;
    /// The area within @p distance (CRS units) of the geometry.
    [[nodiscard]] Geometry buffer(double distance) const;
    /// Union of a set of geometries (GEOS unary union); null Geometry for an empty set.
    static Geometry unionOf(const std::vector<const Geometry*>& parts);
    /// The pieces this polygon or line falls into when cut along line @p cutter: polygons cut
    /// across (a cut that does not cross from edge to edge leaves one piece), lines cut where
    /// the cutter crosses them. Largest (or longest) first. Throws GisError for a point, or
    /// a cutter that is not a line.
    [[nodiscard]] std::vector<Geometry> splitBy(const Geometry& cutter) const;

    /// GEOS validity; empty reason when valid.
    [[nodiscard]] bool isValid() const;
    [[nodiscard]] std::string invalidReason() const;

    /// Repairs an invalid geometry with GEOS MakeValid (linework method, which keeps every
    /// vertex: a bow-tie becomes two triangles, a self-touching ring a polygon with a hole),
    /// then keeps only the parts of @p family (pass None to keep all). Polygons whose rings
    /// cross at more than kMaxLineworkCrossings points are repaired with the structure
    /// method; past @p maxCrossings GisError is thrown saying so, before any long work.
    RepairOutcome makeValid(GeometryFamily family,
                            std::size_t maxCrossings = kDefaultMaxRepairCrossings);

    struct Impl;
    [[nodiscard]] Impl& impl() { return *m_impl; }
    [[nodiscard]] const Impl& impl() const { return *m_impl; }
    explicit Geometry(std::unique_ptr<Impl> impl);

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace pa::gis
