#pragma once
// Coordinate reference systems. Every Crs uses the traditional GIS axis order
// (x = easting/longitude, y = northing/latitude) whatever its authority says.

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pa::gis {

class Crs
{
public:
    /// "EPSG:9213", "epsg:4326", a WKT (1 or 2) string or PROJJSON. Throws GisError when
    /// PROJ does not know it.
    static Crs fromUserInput(std::string_view text);
    static Crs fromEpsg(int code);

    Crs(const Crs& other);
    Crs& operator=(const Crs& other);
    Crs(Crs&& other) noexcept;
    Crs& operator=(Crs&& other) noexcept;
    ~Crs();

    /// The EPSG code, if the CRS is (or is identified with certainty as) an EPSG CRS.
    [[nodiscard]] std::optional<int> epsg() const;
    /// "EPSG:9213" where epsg() is known, otherwise the CRS name.
    [[nodiscard]] std::string label() const;
    [[nodiscard]] std::string name() const;
    [[nodiscard]] std::string wkt() const; ///< WKT2:2019
    [[nodiscard]] bool isProjected() const;
    [[nodiscard]] bool isGeographic() const;
    /// Size of the linear unit in metres (1 for metre); 0 for geographic CRSs.
    [[nodiscard]] double linearUnitMetres() const;
    /// Where the CRS is meant to be used, in degrees (west, south, east, north) as its
    /// definition (EPSG) gives it; nullopt when it does not say.
    [[nodiscard]] std::optional<std::array<double, 4>> areaOfUse() const;
    /// Same CRS, ignoring axis order and names (data axis order is always traditional here).
    [[nodiscard]] bool isSame(const Crs& other) const;

    struct Impl;
    [[nodiscard]] const Impl& impl() const { return *m_impl; }

private:
    explicit Crs(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace pa::gis
