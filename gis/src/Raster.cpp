#include "planatlas/gis/Raster.h"

#include "Private_p.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <gdal_alg.h>
#include <vector>

namespace pa::gis {

struct Raster::Impl
{
    GDALDatasetUniquePtr dataset;
    std::string path;
    std::array<double, 6> transform{};
};

Raster::Raster(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Raster::Raster(Raster&&) noexcept = default;
Raster& Raster::operator=(Raster&&) noexcept = default;
Raster::~Raster() = default;

Raster Raster::open(const std::string& path)
{
    detail::ensureGdalRegistered();
    detail::ErrorCapture errors;
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                          nullptr, nullptr, nullptr));
    using P = RasterError::Problem;
    if (!dataset) {
        if (errors.failed())
            throw RasterError(P::NotARaster, errors.message(), errors.message());
        throw RasterError(P::NotARaster, "not recognised as a raster by GDAL");
    }
    if (dataset->GetRasterCount() < 1)
        throw RasterError(P::NoBand, "the dataset has no raster band");
    auto impl = std::make_unique<Impl>();
    if (dataset->GetGeoTransform(impl->transform.data()) != CE_None)
        throw RasterError(P::NotGeoreferenced,
                          "the raster has no geotransform (it is not georeferenced)");
    if (impl->transform[2] != 0.0 || impl->transform[4] != 0.0)
        throw RasterError(P::Rotated, "the raster is rotated (geotransform terms 2 and 4 are not "
                                      "zero); warp it north-up first");
    impl->dataset = std::move(dataset);
    impl->path = path;
    return Raster(std::move(impl));
}

std::string Raster::path() const
{
    return m_impl->path;
}
std::string Raster::driverName() const
{
    return m_impl->dataset->GetDriverName();
}
int Raster::width() const
{
    return m_impl->dataset->GetRasterXSize();
}
int Raster::height() const
{
    return m_impl->dataset->GetRasterYSize();
}
int Raster::bandCount() const
{
    return m_impl->dataset->GetRasterCount();
}
double Raster::pixelWidth() const
{
    return std::abs(m_impl->transform[1]);
}
double Raster::pixelHeight() const
{
    return std::abs(m_impl->transform[5]);
}

std::optional<Crs> Raster::crs() const
{
    const OGRSpatialReference* srs = m_impl->dataset->GetSpatialRef();
    if (!srs || srs->IsEmpty())
        return std::nullopt;
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, options);
    const std::string text = wkt ? wkt : "";
    CPLFree(wkt);
    return Crs::fromUserInput(text); // the factory gives the traditional axis order
}

Envelope Raster::extent() const
{
    const auto& t = m_impl->transform;
    const double x0 = t[0], x1 = t[0] + t[1] * width();
    const double y0 = t[3], y1 = t[3] + t[5] * height();
    return {std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
}

std::optional<double> Raster::noDataValue(int band) const
{
    if (band < 1 || band > bandCount())
        throw GisError("band " + std::to_string(band) + " does not exist (the raster has " +
                       std::to_string(bandCount()) + ")");
    int has = 0;
    const double value = m_impl->dataset->GetRasterBand(band)->GetNoDataValue(&has);
    return has ? std::optional<double>(value) : std::nullopt;
}

namespace {

/// The pixel indices [first, last] whose centres lie between @p lo and @p hi along one axis
/// with origin @p origin and (signed) step @p step; empty when first > last.
std::pair<int, int> centresWithin(double lo, double hi, double origin, double step, int size)
{
    double a = (lo - origin) / step - 0.5, b = (hi - origin) / step - 0.5;
    if (a > b)
        std::swap(a, b);
    const int first = std::max(0, static_cast<int>(std::ceil(a)));
    const int last = std::min(size - 1, static_cast<int>(std::floor(b)));
    return {first, last};
}

} // namespace

PixelStatistics Raster::statistics(int band, const Geometry& polygon) const
{
    const auto noData = noDataValue(band); // checks the band
    PixelStatistics stats;
    const auto envelope = polygon.envelope();
    if (!envelope)
        return stats;
    const auto& t = m_impl->transform;
    const auto [col0, col1] = centresWithin(envelope->minX, envelope->maxX, t[0], t[1], width());
    const auto [row0, row1] = centresWithin(envelope->minY, envelope->maxY, t[3], t[5], height());
    if (col0 > col1 || row0 > row1)
        return stats;
    const int cols = col1 - col0 + 1;
    GDALRasterBand* source = m_impl->dataset->GetRasterBand(band);
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM"); // (Raster::open: all)
    if (!mem)
        throw GisError("GDAL was built without the MEM driver");
    // Strips of at most about four million pixels: a district over a fine raster never needs
    // the whole window in memory at once.
    const int stripRows = std::max(1, std::min(row1 - row0 + 1, 4'000'000 / cols));
    std::vector<double> values;
    OGRGeometryH geometry = OGRGeometry::ToHandle(polygon.impl().geometry.get());
    for (int row = row0; row <= row1; row += stripRows) {
        const int rows = std::min(stripRows, row1 - row + 1);
        values.resize(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows));
        detail::ErrorCapture errors;
        const CPLErr read = source->RasterIO(GF_Read, col0, row, cols, rows, values.data(), cols,
                                             rows, GDT_Float64, 0, 0, nullptr);
        errors.throwIfFailed(m_impl->path + ": cannot read band " + std::to_string(band),
                             read != CE_None);
        // The mask: GDAL burns the pixels whose centre is inside the polygon.
        GDALDatasetUniquePtr mask(mem->Create("", cols, rows, 1, GDT_Byte, nullptr));
        errors.throwIfFailed("cannot create a pixel mask", mask == nullptr);
        double maskTransform[6] = {t[0] + col0 * t[1], t[1], 0.0, t[3] + row * t[5], 0.0, t[5]};
        mask->SetGeoTransform(maskTransform);
        int bandList[1] = {1};
        double burn[1] = {1.0};
        const CPLErr burned =
            GDALRasterizeGeometries(GDALDataset::ToHandle(mask.get()), 1, bandList, 1, &geometry,
                                    nullptr, nullptr, burn, nullptr, nullptr, nullptr);
        errors.throwIfFailed("cannot rasterise the polygon", burned != CE_None);
        std::vector<unsigned char> inside(values.size());
        const CPLErr maskRead = mask->GetRasterBand(1)->RasterIO(
            GF_Read, 0, 0, cols, rows, inside.data(), cols, rows, GDT_Byte, 0, 0, nullptr);
        errors.throwIfFailed("cannot read the pixel mask", maskRead != CE_None);
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (!inside[i])
                continue;
            const double v = values[i];
            if (std::isnan(v) || (noData && v == *noData)) {
                ++stats.noData;
                continue;
            }
            ++stats.count;
            stats.sum += v;
            stats.min = stats.min ? std::min(*stats.min, v) : v;
            stats.max = stats.max ? std::max(*stats.max, v) : v;
        }
    }
    return stats;
}

} // namespace pa::gis

namespace pa::gis {

namespace detail {

void readRgbaInto(GDALDataset& ds, int xOff, int yOff, int xSize, int ySize,
                  GDALRasterIOExtraArg* extra, int outW, int outH, std::uint8_t* out, int stride,
                  const std::string& what)
{
    const int bands = ds.GetRasterCount();
    std::vector<std::uint8_t> plane(static_cast<std::size_t>(outW) * outH);
    detail::ErrorCapture errors;
    auto read = [&](int band) {
        const CPLErr err = ds.GetRasterBand(band)->RasterIO(
            GF_Read, xOff, yOff, xSize, ySize, plane.data(), outW, outH, GDT_Byte, 0, 0, extra);
        errors.throwIfFailed(what + ": cannot read band " + std::to_string(band), err != CE_None);
    };
    auto put = [&](int channel) {
        for (int y = 0; y < outH; ++y)
            for (int x = 0; x < outW; ++x)
                out[(static_cast<std::size_t>(y) * stride + x) * 4 + channel] =
                    plane[static_cast<std::size_t>(y) * outW + x];
    };
    GDALRasterBand* first = ds.GetRasterBand(1);
    if (const GDALColorTable* palette = first->GetColorTable(); palette && bands == 1) {
        extra->eResampleAlg = GRIORA_NearestNeighbour; // indices are not values
        read(1);
        for (int y = 0; y < outH; ++y)
            for (int x = 0; x < outW; ++x) {
                const GDALColorEntry* e =
                    palette->GetColorEntry(plane[static_cast<std::size_t>(y) * outW + x]);
                auto* px = &out[(static_cast<std::size_t>(y) * stride + x) * 4];
                if (e) {
                    px[0] = static_cast<std::uint8_t>(e->c1);
                    px[1] = static_cast<std::uint8_t>(e->c2);
                    px[2] = static_cast<std::uint8_t>(e->c3);
                    px[3] = static_cast<std::uint8_t>(e->c4);
                }
            }
        return;
    }
    const bool alpha = ds.GetRasterBand(bands)->GetColorInterpretation() == GCI_AlphaBand;
    const int colours = alpha ? bands - 1 : bands;
    if (colours >= 3) {
        for (int c = 0; c < 3; ++c) {
            read(c + 1);
            put(c);
        }
    } else {
        read(1);
        for (int c = 0; c < 3; ++c)
            put(c);
    }
    if (alpha) {
        read(bands);
        put(3);
    } else {
        std::fill(plane.begin(), plane.end(), std::uint8_t{255});
        put(3);
    }
}

} // namespace detail

std::vector<std::uint8_t> Raster::readRgba(const Envelope& window, int width, int height) const
{
    std::vector<std::uint8_t> rgba(
        static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4, 0);
    if (width <= 0 || height <= 0 || window.maxX <= window.minX || window.maxY <= window.minY)
        return rgba;
    const auto& t = m_impl->transform;
    // The part of the window the raster covers, in source pixels and in output pixels.
    const double sx0 = (window.minX - t[0]) / t[1], sx1 = (window.maxX - t[0]) / t[1];
    const double sy0 = (window.maxY - t[3]) / t[5], sy1 = (window.minY - t[3]) / t[5];
    const double cx0 = std::max(0.0, sx0), cx1 = std::min<double>(this->width(), sx1);
    const double cy0 = std::max(0.0, sy0), cy1 = std::min<double>(this->height(), sy1);
    if (cx1 <= cx0 || cy1 <= cy0)
        return rgba;
    const double scaleX = width / (sx1 - sx0), scaleY = height / (sy1 - sy0);
    const int ox0 = static_cast<int>(std::floor((cx0 - sx0) * scaleX));
    const int ox1 = static_cast<int>(std::ceil((cx1 - sx0) * scaleX));
    const int oy0 = static_cast<int>(std::floor((cy0 - sy0) * scaleY));
    const int oy1 = static_cast<int>(std::ceil((cy1 - sy0) * scaleY));
    const int outW = std::clamp(ox1, 0, width) - std::clamp(ox0, 0, width);
    const int outH = std::clamp(oy1, 0, height) - std::clamp(oy0, 0, height);
    if (outW <= 0 || outH <= 0)
        return rgba;
    const int left = std::clamp(ox0, 0, width), top = std::clamp(oy0, 0, height);
    // The source window that exactly matches those whole output pixels.
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = GRIORA_Bilinear;
    extra.bFloatingPointWindowValidity = TRUE;
    extra.dfXOff = sx0 + left / scaleX;
    extra.dfYOff = sy0 + top / scaleY;
    extra.dfXSize = outW / scaleX;
    extra.dfYSize = outH / scaleY;
    // Clamp the floating window inside the raster (rounding at the edges).
    extra.dfXOff = std::max(0.0, extra.dfXOff);
    extra.dfYOff = std::max(0.0, extra.dfYOff);
    extra.dfXSize = std::min(extra.dfXSize, this->width() - extra.dfXOff);
    extra.dfYSize = std::min(extra.dfYSize, this->height() - extra.dfYOff);
    const int xOff = static_cast<int>(std::floor(extra.dfXOff));
    const int yOff = static_cast<int>(std::floor(extra.dfYOff));
    const int xSize =
        std::max(1, std::min(this->width() - xOff,
                             static_cast<int>(std::ceil(extra.dfXOff + extra.dfXSize)) - xOff));
    const int ySize =
        std::max(1, std::min(this->height() - yOff,
                             static_cast<int>(std::ceil(extra.dfYOff + extra.dfYSize)) - yOff));

    detail::readRgbaInto(*m_impl->dataset, xOff, yOff, xSize, ySize, &extra, outW, outH,
                         rgba.data() + (static_cast<std::size_t>(top) * width + left) * 4, width,
                         m_impl->path);
    return rgba;
}

} // namespace pa::gis
