// The PNG encoder of the maps (layers/render/src/Png.cpp): what it writes must read back, in
// Qt's reader (libpng), as exactly the pixels given, whatever the size and however many threads
// compress it, and carry the page's resolution.

#include "../../layers/render/src/Png_p.h"
#include "planatlas/render/Map.h"

#include <QImage>
#include <QPainter>
#include <cstdlib>
#include <gtest/gtest.h>
#include <random>

namespace {

/// A map-like picture: flat areas, antialiased shapes and lines, and noise (what filters and
/// deflate find hardest).
QImage picture(int width, int height, unsigned seed)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(0xf4, 0xf4, 0xf1));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing, true);
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> x(0, width), y(0, height), r(1, 40);
    for (int i = 0; i < 300; ++i) {
        p.setBrush(QColor::fromRgb(static_cast<QRgb>(random())));
        p.setPen(QPen(QColor(255, 255, 255, 150), 1));
        p.drawEllipse(QPointF(x(random), y(random)), r(random), r(random));
    }
    p.end();
    for (int i = 0; i < width * height / 50; ++i)
        image.setPixel(static_cast<int>(x(random)) % width, static_cast<int>(y(random)) % height,
                       static_cast<QRgb>(random()) | 0xff000000u);
    return image;
}

QImage decoded(const QByteArray& png)
{
    QImage image;
    EXPECT_TRUE(image.loadFromData(png, "PNG")) << "Qt's PNG reader refuses the file";
    return image.convertToFormat(QImage::Format_RGB32);
}

} // namespace

TEST(Png, ReadsBackAsThePixelsGivenAtEverySizeAndTheSameBytesOnAnyNumberOfThreads)
{
    pa::render::ensureGuiApplication(); // QPainter draws text only with one
    // One pixel, one column, one row, a strip and a bit, several strips with a short last one.
    for (const auto& [w, h] :
         std::vector<std::pair<int, int>>{{1, 1}, {1, 700}, {900, 1}, {300, 3500}, {2500, 1200}}) {
        SCOPED_TRACE(std::to_string(w) + "×" + std::to_string(h));
        QImage image = picture(w, h, static_cast<unsigned>(w * 7 + h));
        image.setDotsPerMeterX(11811); // 300 dpi
        image.setDotsPerMeterY(11811);
        ::setenv("PLANATLAS_THREADS", "1", 1);
        const QByteArray one = pa::render::encodePng(image);
        ::setenv("PLANATLAS_THREADS", "3", 1);
        const QByteArray three = pa::render::encodePng(image);
        ::unsetenv("PLANATLAS_THREADS");
        EXPECT_TRUE(one == three) << "the file depends on the threads";
        const QImage back = decoded(three);
        ASSERT_EQ(back.size(), image.size());
        EXPECT_TRUE(back == image) << "the pixels read back differ";
        EXPECT_EQ(back.dotsPerMeterX(), 11811);
        // Compressed, not stored: a map-like picture takes well under its raw RGB bytes.
        EXPECT_LT(three.size(), static_cast<qsizetype>(w) * h * 3 / 2 + 200);
    }
    // A picture with transparency is written opaque (its colours, not its alpha).
    QImage clear(20, 10, QImage::Format_ARGB32);
    clear.fill(QColor(10, 200, 30, 255));
    clear.setPixel(3, 4, qRgba(200, 10, 30, 255));
    EXPECT_TRUE(decoded(pa::render::encodePng(clear)) ==
                clear.convertToFormat(QImage::Format_RGB32));
}
