#pragma once
// Raster datasets through GDAL (a GeoTIFF of land price, slope or flood depth): reading the
// pixels that fall inside a polygon. Only north-up rasters (no rotation terms) are read.

#include "planatlas/gis/Crs.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Geometry.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pa::gis {

/// What the pixels of one band inside a polygon hold. A pixel is inside when its centre is
/// (GDAL's rasterisation rule, so the counts agree with `gdal_rasterize` and `gdalwarp -cutline`).
struct PixelStatistics
{
    std::int64_t count = 0;  ///< pixels inside with a value
    std::int64_t noData = 0; ///< pixels inside holding the band's no-data value (or NaN)
    double sum = 0;
    std::optional<double> min, max;
    [[nodiscard]] std::optional<double> mean() const
    {
        return count > 0 ? std::optional<double>(sum / static_cast<double>(count)) : std::nullopt;
    }
};

/// A file that cannot be used as a raster of values, and why, for a caller that says it in its own
/// words; what() is the English, detail() GDAL's words when it gave any.
class RasterError : public GisError
{
public:
    enum class Problem
    {
        NotARaster,       ///< GDAL does not open it as a raster
        NoBand,           ///< it has no raster band
        NotGeoreferenced, ///< no geotransform
        Rotated,          ///< geotransform terms 2 and 4 are not zero
    };
    RasterError(Problem problem, const std::string& what, std::string detail = {})
        : GisError(what, std::move(detail)), m_problem(problem)
    {
    }
    [[nodiscard]] Problem problem() const { return m_problem; }

private:
    Problem m_problem;
};

class Raster
{
public:
    /// Opens any raster GDAL reads. Throws RasterError when it cannot be opened as a raster, and
    /// when its geotransform is rotated or missing.
    static Raster open(const std::string& path);
    Raster(Raster&&) noexcept;
    Raster& operator=(Raster&&) noexcept;
    Raster(const Raster&) = delete;
    Raster& operator=(const Raster&) = delete;
    ~Raster();

    [[nodiscard]] std::string path() const;
    [[nodiscard]] std::string driverName() const;
    [[nodiscard]] int width() const;
    [[nodiscard]] int height() const;
    [[nodiscard]] int bandCount() const;
    /// The raster's CRS; empty when the file declares none (never guessed).
    [[nodiscard]] std::optional<Crs> crs() const;
    /// Extent in the raster's CRS.
    [[nodiscard]] Envelope extent() const;
    /// Pixel size in CRS units (positive width and height).
    [[nodiscard]] double pixelWidth() const;
    [[nodiscard]] double pixelHeight() const;
    [[nodiscard]] std::optional<double> noDataValue(int band) const;

    /// Statistics of @p band (1-based) over the pixels whose centre lies inside @p polygon,
    /// given in the raster's CRS. Reads only the window the polygon covers. Throws GisError
    /// for a band out of range or a read error.
    [[nodiscard]] PixelStatistics statistics(int band, const Geometry& polygon) const;

    /// The raster drawn over @p window (in its CRS) into @p width × @p height pixels as
    /// premultiplied-free RGBA, 8 bits per channel, rows top to bottom: grey, grey+alpha, RGB,
    /// RGBA and paletted bands are turned into colours; the parts of the window the raster does
    /// not cover are transparent. Reads from overviews when the window is drawn small. Throws
    /// GisError on a read error.
    [[nodiscard]] std::vector<std::uint8_t> readRgba(const Envelope& window, int width,
                                                     int height) const;

    struct Impl;

private:
    explicit Raster(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace pa::gis
