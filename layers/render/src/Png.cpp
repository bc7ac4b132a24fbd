#include "Png_p.h"
#include "planatlas/layers/Parallel.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>
#include <zlib.h>

namespace pa::render {

namespace {

/// Rows per strip: about a megabyte of filtered rows, so that a page gives the threads work to
/// share and each strip's fresh window costs little.
int stripRows(int width)
{
    return std::max(16, (1 << 20) / std::max(1, 3 * width + 1));
}

void putU32(std::string& out, std::uint32_t v)
{
    out.push_back(static_cast<char>(v >> 24));
    out.push_back(static_cast<char>(v >> 16));
    out.push_back(static_cast<char>(v >> 8));
    out.push_back(static_cast<char>(v));
}

void chunk(std::string& out, const char type[4], const char* data, std::size_t size)
{
    putU32(out, static_cast<std::uint32_t>(size));
    const std::size_t start = out.size();
    out.append(type, 4);
    out.append(data, size);
    const auto crc =
        crc32(0, reinterpret_cast<const Bytef*>(out.data() + start), static_cast<uInt>(size + 4));
    putU32(out, static_cast<std::uint32_t>(crc));
}

/// One row of RGB bytes filtered by the PNG filter (None, Sub or Up) whose bytes, read as
/// signed, sum smallest — the heuristic the PNG specification suggests.
void filterRow(const std::uint8_t* row, const std::uint8_t* above, int width,
               std::vector<std::uint8_t>& out)
{
    const std::size_t n = static_cast<std::size_t>(width) * 3;
    std::array<std::uint64_t, 3> cost{};
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t sub = row[i] - (i >= 3 ? row[i - 3] : 0);
        const std::uint8_t up = row[i] - (above ? above[i] : 0);
        cost[0] += static_cast<std::uint64_t>(std::abs(static_cast<std::int8_t>(row[i])));
        cost[1] += static_cast<std::uint64_t>(std::abs(static_cast<std::int8_t>(sub)));
        cost[2] += static_cast<std::uint64_t>(std::abs(static_cast<std::int8_t>(up)));
    }
    const auto best =
        static_cast<std::uint8_t>(std::min_element(cost.begin(), cost.end()) - cost.begin());
    out.push_back(best);
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(best == 0   ? row[i]
                      : best == 1 ? static_cast<std::uint8_t>(row[i] - (i >= 3 ? row[i - 3] : 0))
                                  : static_cast<std::uint8_t>(row[i] - (above ? above[i] : 0)));
}

} // namespace

QByteArray encodePng(const QImage& source, const layers::Progress& progress)
{
    // Rows of 32-bit pixels are turned into RGB bytes by the threads, strip by strip.
    const QImage image = source.format() == QImage::Format_RGB32 ||
                                 source.format() == QImage::Format_ARGB32 ||
                                 source.format() == QImage::Format_ARGB32_Premultiplied
                             ? source
                             : source.convertToFormat(QImage::Format_RGB32);
    const int width = image.width(), height = image.height();
    if (width <= 0 || height <= 0)
        throw std::runtime_error("an empty image cannot be written as PNG");
    const int rows = stripRows(width);
    const std::size_t strips = static_cast<std::size_t>((height + rows - 1) / rows);
    struct Strip
    {
        std::string deflated;
        uLong adler = 1;
        uLong length = 0;
    };
    std::vector<Strip> out(strips);
    layers::forEachChunk(strips, layers::workerThreads(), progress, "writing the PNG", [&] {
        return [&](std::size_t k) {
            const int first = static_cast<int>(k) * rows, last = std::min(height, first + rows);
            std::vector<std::uint8_t> filtered, row, above;
            filtered.reserve(static_cast<std::size_t>(last - first) *
                             (static_cast<std::size_t>(width) * 3 + 1));
            const auto rgb = [&](int y, std::vector<std::uint8_t>& bytes) {
                bytes.resize(static_cast<std::size_t>(width) * 3);
                const auto* pixels = reinterpret_cast<const QRgb*>(image.constScanLine(y));
                for (int x = 0; x < width; ++x) {
                    bytes[static_cast<std::size_t>(x) * 3] =
                        static_cast<std::uint8_t>(qRed(pixels[x]));
                    bytes[static_cast<std::size_t>(x) * 3 + 1] =
                        static_cast<std::uint8_t>(qGreen(pixels[x]));
                    bytes[static_cast<std::size_t>(x) * 3 + 2] =
                        static_cast<std::uint8_t>(qBlue(pixels[x]));
                }
            };
            if (first > 0)
                rgb(first - 1, above);
            for (int y = first; y < last; ++y) {
                rgb(y, row);
                filterRow(row.data(), y > 0 ? above.data() : nullptr, width, filtered);
                std::swap(row, above);
            }
            Strip& s = out[k];
            s.length = static_cast<uLong>(filtered.size());
            s.adler = adler32(1, filtered.data(), static_cast<uInt>(filtered.size()));
            z_stream z{};
            if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
                throw std::runtime_error("zlib cannot start compressing");
            s.deflated.resize(deflateBound(&z, s.length) + 16);
            z.next_in = filtered.data();
            z.avail_in = static_cast<uInt>(filtered.size());
            z.next_out = reinterpret_cast<Bytef*>(s.deflated.data());
            z.avail_out = static_cast<uInt>(s.deflated.size());
            // Each strip but the last ends on a byte boundary with its blocks open to the
            // next; the last closes the stream.
            const int rc = deflate(&z, k + 1 == strips ? Z_FINISH : Z_SYNC_FLUSH);
            const bool ok = k + 1 == strips ? rc == Z_STREAM_END : rc == Z_OK && z.avail_in == 0;
            s.deflated.resize(s.deflated.size() - z.avail_out);
            deflateEnd(&z);
            if (!ok)
                throw std::runtime_error("zlib failed compressing the PNG's rows");
        };
    });
    std::string stream("\x78\x01", 2); // zlib header: deflate, 32 KB window, fastest level
    uLong adler = 1;
    for (const auto& s : out) {
        stream += s.deflated;
        adler = adler32_combine(adler, s.adler, static_cast<z_off_t>(s.length));
    }
    putU32(stream, static_cast<std::uint32_t>(adler));

    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    putU32(header, static_cast<std::uint32_t>(width));
    putU32(header, static_cast<std::uint32_t>(height));
    header +=
        std::string("\x08\x02\x00\x00\x00", 5); // 8 bits, RGB, deflate, adaptive, no interlace
    chunk(png, "IHDR", header.data(), header.size());
    if (image.dotsPerMeterX() > 0 && image.dotsPerMeterY() > 0) {
        std::string phys;
        putU32(phys, static_cast<std::uint32_t>(image.dotsPerMeterX()));
        putU32(phys, static_cast<std::uint32_t>(image.dotsPerMeterY()));
        phys.push_back('\x01'); // metres
        chunk(png, "pHYs", phys.data(), phys.size());
    }
    constexpr std::size_t kIdat = 1 << 20;
    for (std::size_t at = 0; at < stream.size(); at += kIdat)
        chunk(png, "IDAT", stream.data() + at, std::min(kIdat, stream.size() - at));
    chunk(png, "IEND", "", 0);
    return QByteArray(png.data(), static_cast<qsizetype>(png.size()));
}

} // namespace pa::render
