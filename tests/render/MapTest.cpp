// Maps drawn from a small hand-made workspace: checked as a planner would look at them (is the
// distance between two towns what the scale says, do labels overlap, does the legend list what
// is drawn and only that, are the notes there) and against a reference image with a tolerance.

#include "planatlas/render/Map.h"

#include "TestSupport.h"
#include "planatlas/layers/Digitise.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Georef.h"
#include "planatlas/layers/Importer.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Atlas.h"
#include "planatlas/render/Atlas.h"
#include "planatlas/render/Qgis.h"
#include "planatlas/render/Report.h"

#include <QColor>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QXmlStreamReader>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <regex>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using pa::render::MapOptions;
using pa::render::Theme;

constexpr double X0 = 420000, Y0 = 2370000; // EPSG:9213, near TP Thái Nguyên

std::string poly(std::initializer_list<std::pair<double, double>> pts)
{
    std::ostringstream out;
    out.precision(12);
    out << "\"POLYGON((";
    bool first = true;
    for (const auto& [x, y] : pts)
        out << (first ? "" : ",") << X0 + x << ' ' << Y0 + y, first = false;
    out << "))\"";
    return out.str();
}
std::string rect(double x1, double y1, double x2, double y2)
{
    return poly({{x1, y1}, {x2, y1}, {x2, y2}, {x1, y2}, {x1, y1}});
}
std::string pt(double x, double y)
{
    std::ostringstream out;
    out.precision(12);
    out << "\"POINT(" << X0 + x << ' ' << Y0 + y << ")\"";
    return out.str();
}

class Map : public ::testing::Test
{
protected:
    void SetUp() override
    {
        pa::render::ensureGuiApplication();
        pa::layers::Workspace::create(path(), {"Thái Nguyên", "EPSG:9213"}).close();
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
        // A 30 × 20 km province of two districts, in a 'country' three times its size.
        add(ws, "country", "basemap",
            "code,name_vi,wkt\nVN,Việt Nam," + rect(-30000, -20000, 60000, 40000) + "\n");
        add(ws, "province", "admin_province",
            "code,name_vi,wkt\nT,Tỉnh thử," + rect(0, 0, 30000, 20000) + "\n");
        add(ws, "districts", "admin_district",
            "code,name_vi,wkt\nH1,Huyện Tây," + rect(0, 0, 15000, 20000) + "\nH2,Huyện Đông," +
                rect(15000, 0, 30000, 20000) + "\n");
        add(ws, "parks", "industrial_park",
            "code,name_vi,status,geometry_quality,wkt\n"
            "K1,KCN Sông Công thử,existing,indicative," +
                rect(4000, 3000, 6000, 5000) +
                "\n"
                "K2,KCN Phổ Yên thử,planned,digitized," +
                rect(20000, 3000, 23000, 5000) + "\n");
        add(ws, "zones", "agri_zone",
            "code,name_vi,status,wkt\nZ1,Vùng chè Tân Cương thử,existing," +
                rect(3000, 12000, 9000, 17000) + "\n");
        add(ws, "roads", "expressway",
            "code,name_vi,status,wkt\nE1,Cao tốc thử,existing,\"LINESTRING(" +
                std::to_string(X0 + 1000) + " " + std::to_string(Y0 + 8000) + "," +
                std::to_string(X0 + 29000) + " " + std::to_string(Y0 + 8000) + ")\"\n");
        // Two towns exactly 10 km apart, east-west.
        add(ws, "towns", "urban_centre",
            "code,name_vi,tier,wkt\nU1,Thành phố Một,provincial," + pt(8000, 10000) +
                "\nU2,Thị xã Hai,subregional," + pt(18000, 10000) + "\n");
        add(ws, "prices", "land_price",
            "code,name_vi,price_vnd_m2,source,wkt\nG1,Giá Tây,\"800.000\",illustrative," +
                rect(0, 0, 15000, 20000) + "\nG2,Giá Đông,\"2.500.000\",illustrative," +
                rect(15000, 0, 30000, 20000) + "\n");
        auto& ds = ws.dataset();
        ds.execute("INSERT INTO plan_documents (doc_id) VALUES ('d')");
        ds.execute("INSERT INTO plan_tasks (task_id, doc_id, text) VALUES ('d:1#1', 'd', 'Phát "
                   "triển KCN')");
        ds.execute("INSERT INTO plan_agencies (agency_id, name_vi, abbreviation) VALUES ('sct', "
                   "'Sở Công Thương', 'SCT')");
        ds.execute("INSERT INTO plan_task_agencies (task_id, agency_id, role) VALUES ('d:1#1', "
                   "'sct', 'lead')");
        ds.execute("INSERT INTO parks_task_links (base_id, related_id) VALUES "
                   "((SELECT fid FROM parks WHERE code = 'K1'), (SELECT fid FROM plan_tasks WHERE "
                   "task_id = 'd:1#1'))");
        ws.close();
    }

    void add(pa::layers::Workspace& ws, const std::string& layer, const std::string& kind,
             const std::string& csv)
    {
        const std::string file = m_dir.file(layer + ".csv");
        pa::test::writeBytes(file, csv);
        pa::layers::ImportOptions o;
        o.sourcePath = file;
        o.kind = kind;
        o.layerName = layer;
        o.sourceCrs = "EPSG:9213";
        o.codeField = "code";
        o.licence = "CC BY 4.0";
        o.attribution = "Dữ liệu thử " + layer;
        pa::layers::importLayer(ws, o);
    }

    std::string path() const { return m_dir.file("ws.gpkg"); }

    /// A sheet of 24 × 18 km over the province, placed as "sheet" by ten of its markers.
    std::vector<pa::test::SheetMarker> placeSheet()
    {
        auto markers = pa::test::writeTestSheet(m_dir.file("sheet.pgm"), X0 + 2000, Y0 + 19000, 20);
        pa::test::writeBytes(m_dir.file("points.csv"), pa::test::controlPointsCsv(markers));
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
        pa::layers::GeorefOptions g;
        g.sheet.path = m_dir.file("sheet.pgm");
        g.controlPoints = m_dir.file("points.csv");
        g.method = pa::gis::GeorefMethod::Polynomial2;
        g.layerName = "sheet";
        g.titleVi = "Tờ thử";
        (void)pa::layers::georeference(ws, g);
        ws.close();
        return markers;
    }

    pa::render::MapReport write(MapOptions o, const std::string& file)
    {
        if (o.date.empty())
            o.date = "2026-11-23";
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::ReadOnly);
        return pa::render::writeMap(ws, o, m_dir.file(file));
    }

    pa::test::TempDir m_dir;
};

/// Centres of the blobs of (about) @p colour in @p image inside @p area, left to right.
std::vector<std::pair<double, double>> blobs(const QImage& image, QColor colour,
                                             const pa::gis::Envelope& area)
{
    std::vector<std::pair<double, double>> centres;
    std::vector<std::vector<std::pair<int, int>>> groups;
    for (int y = static_cast<int>(area.minY); y < static_cast<int>(area.maxY); ++y)
        for (int x = static_cast<int>(area.minX); x < static_cast<int>(area.maxX); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                    std::abs(c.blue() - colour.blue()) >
                30)
                continue;
            auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) {
                return std::abs(g.front().first - x) < 40 && std::abs(g.front().second - y) < 40;
            });
            if (it == groups.end())
                groups.push_back({{x, y}});
            else
                it->push_back({x, y});
        }
    for (const auto& g : groups) {
        if (g.size() < 20)
            continue;
        double sx = 0, sy = 0;
        for (const auto& [x, y] : g)
            sx += x, sy += y;
        centres.emplace_back(sx / static_cast<double>(g.size()),
                             sy / static_cast<double>(g.size()));
    }
    std::sort(centres.begin(), centres.end());
    return centres;
}

TEST_F(Map, DistancesOnTheMapAreWhatTheScaleSays)
{
    MapOptions o;
    o.pixelSize = std::pair{1600, 1100};
    o.dpi = 150;
    const auto r = write(o, "m.png");
    const QImage image(QString::fromStdString(m_dir.file("m.png")));
    ASSERT_FALSE(image.isNull());
    // The two town symbols (filled #e34a33) are 10 km apart on the ground.
    const auto towns = blobs(image, QColor(0xe3, 0x4a, 0x33), r.frame);
    ASSERT_EQ(towns.size(), 2u);
    const double px = std::hypot(towns.back().first - towns.front().first,
                                 towns.back().second - towns.front().second);
    EXPECT_NEAR(px * r.metresPerPixel, 10000, 10000 * 0.01)
        << px << " px × " << r.metresPerPixel << " m/px";
    EXPECT_GT(r.scaleBarKm, 0);
    // The scale bar's length in km is a round number (1, 2 or 5 × 10ⁿ).
    const double mantissa = r.scaleBarKm / std::pow(10.0, std::floor(std::log10(r.scaleBarKm)));
    EXPECT_TRUE(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
                std::abs(mantissa - 5) < 1e-9);
}

TEST_F(Map, PageScaleIsTrue)
{
    MapOptions o; // A4 landscape
    o.dpi = 100;
    const auto r = write(o, "m.pdf");
    // 1 : N means N metres on the ground for a metre on paper: metres per device unit × units per
    // metre.
    EXPECT_NEAR(r.scaleDenominator, r.metresPerPixel * (100 / 0.0254), r.scaleDenominator * 1e-9);
    EXPECT_GT(r.scaleDenominator, 50000);
    EXPECT_LT(r.scaleDenominator, 500000);
}

TEST_F(Map, LabelsDoNotOverlapAndStayInTheFrame)
{
    MapOptions o;
    o.pixelSize = std::pair{900, 650};
    const auto r = write(o, "m.png");
    ASSERT_GE(r.labels.size(), 5u); // towns, parks, zone, districts, expressway
    for (std::size_t i = 0; i < r.labels.size(); ++i) {
        const auto& a = r.labels[i];
        EXPECT_TRUE(a.minX >= r.frame.minX && a.maxX <= r.frame.maxX && a.minY >= r.frame.minY &&
                    a.maxY <= r.frame.maxY);
        for (std::size_t j = i + 1; j < r.labels.size(); ++j) {
            const auto& b = r.labels[j];
            EXPECT_FALSE(a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY)
                << "labels " << i << " and " << j << " overlap";
        }
    }
}

TEST_F(Map, LegendListsWhatIsDrawnAndTheNotesShow)
{
    MapOptions o;
    o.pixelSize = std::pair{1400, 1000};
    const auto r = write(o, "m.png");
    auto has = [&](const std::string& text) {
        return std::any_of(r.legend.begin(), r.legend.end(),
                           [&](const auto& e) { return e.find(text) != std::string::npos; });
    };
    EXPECT_TRUE(has("Khu công nghiệp (hiện có)"));
    EXPECT_TRUE(has("Khu công nghiệp (quy hoạch, dự kiến)"));
    EXPECT_TRUE(has("Vùng sản xuất nông nghiệp tập trung"));
    EXPECT_TRUE(has("Đường cao tốc"));
    EXPECT_TRUE(has("Ranh giới chỉ dẫn")); // K1 is indicative
    EXPECT_FALSE(has("Khu du lịch"));      // nothing of the kind is drawn
    EXPECT_FALSE(has("Giá đất"));          // land price is its own theme
    EXPECT_TRUE(r.indicative);
    EXPECT_FALSE(r.illustrative);
    MapOptions landPrice;
    landPrice.theme = Theme::LandPrice;
    landPrice.pixelSize = std::pair{1400, 1000};
    const auto price = write(landPrice, "p.png");
    EXPECT_TRUE(price.illustrative); // and the note is on the map
    EXPECT_TRUE(std::any_of(price.legend.begin(), price.legend.end(),
                            [](const auto& e) { return e.find("800.000") != std::string::npos; }));
    // Only the parks that are drawn digitized: no indicative note when the extent holds none.
    MapOptions east;
    east.pixelSize = std::pair{900, 650};
    east.extent = pa::gis::Envelope{X0 + 19000, Y0 + 2000, X0 + 24000, Y0 + 6000};
    east.layers = {"parks"};
    const auto e = write(east, "e.png");
    EXPECT_FALSE(e.indicative);
}

TEST_F(Map, LandPriceClassesHoldAboutAsManyParcelsEachWhenThePricesAreSkewed)
{
    // A price list as a province's is: nine parcels in ten rural, at a few round prices shared
    // by many; a tenth in town, each dear and different. Classes at the quantiles of the
    // distinct prices put more than half the parcels into the first class and the map reads
    // as one colour: each class must hold about a fifth.
    std::string csv = "code,name_vi,price_vnd_m2,source,wkt\n";
    std::vector<double> prices;
    for (int i = 0; i < 200; ++i) {
        const double price = i < 180 ? 100000.0 + 10000.0 * (i % 10) : 5000000.0 + 1e6 * (i - 180);
        prices.push_back(price);
        const double x = (i % 20) * 1000.0, y = (i / 20) * 1000.0;
        csv += "P" + std::to_string(i) + ",Thửa," + std::to_string(static_cast<long>(price)) +
               ",synthetic," + rect(x, y, x + 1000, y + 1000) + "\n";
    }
    {
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
        add(ws, "plots", "land_price", csv);
    }
    MapOptions o;
    o.theme = Theme::LandPrice;
    o.layers = {"plots"};
    o.pixelSize = std::pair{1200, 900};
    const auto r = write(o, "skewed.png");
    // "100.000 – 120.000 đ/m²", "> 120.000 – 140.000 đ/m²", … (each layer's legend repeats them)
    std::set<std::pair<double, double>> classes;
    const std::regex row(R"((?:> )?([0-9.]+) – ([0-9.]+) đ/m²)");
    const auto number = [](std::string s) {
        s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
        return std::stod(s);
    };
    for (const auto& e : r.legend)
        if (std::smatch m; std::regex_search(e, m, row))
            classes.insert({number(m[1]), number(m[2])});
    ASSERT_EQ(classes.size(), 5u) << "five classes of price";
    bool first = true;
    for (const auto& range : classes) {
        const double lower = range.first, upper = range.second; // (a lambda captures no binding)
        const auto in = std::count_if(prices.begin(), prices.end(), [&](double p) {
            return (first ? p >= lower : p > lower) && p <= upper;
        });
        first = false;
        EXPECT_GE(in, 20) << lower << " – " << upper;
        EXPECT_LE(in, 70) << lower << " – " << upper;
    }
}

TEST_F(Map, ParcelsOfAFewPixelsShowTheirClassNotTheirOutlines)
{
    // 2 500 plots of 60 m, the northern half dear: at the province's scale (about 25 m a
    // pixel) a plot is two or three pixels, and an outline a pixel wide would turn the dearest
    // class's dark red pink. Closer, where a plot is many pixels, the outlines are drawn.
    std::string csv = "code,name_vi,price_vnd_m2,source,wkt\n";
    for (int i = 0; i < 50; ++i)
        for (int j = 0; j < 50; ++j)
            csv += "P" + std::to_string(i) + "_" + std::to_string(j) + ",Thửa," +
                   (j < 25 ? "100000" : "5000000") + ",synthetic," +
                   rect(6000 + i * 60.0, 6000 + j * 60.0, 6060 + i * 60.0, 6060 + j * 60.0) + "\n";
    {
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
        add(ws, "plots", "land_price", csv);
    }
    // The mean colour of 11 × 11 pixels around a point of the dear half, and how many of them
    // are paler than the dearest class (#b30000) by more than a little.
    const auto look = [&](const pa::gis::Envelope* extent) {
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::ReadOnly);
        MapOptions o;
        o.theme = Theme::LandPrice;
        o.layers = {"plots"};
        o.furniture = false;
        o.pixelSize = std::pair{1200, 900};
        o.dpi = 96;
        if (extent)
            o.extent = *extent;
        QImage image(1200, 900, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        const auto r = pa::render::drawMap(ws, o, p, QRectF(0, 0, 1200, 900));
        p.end();
        const QPoint at = (QPointF(r.frame.minX, r.frame.minY) +
                           QPointF((X0 + 7500 - r.extent.minX) / r.metresPerPixel,
                                   (r.extent.maxY - (Y0 + 8250)) / r.metresPerPixel))
                              .toPoint();
        double green = 0;
        int pale = 0;
        for (int dy = -5; dy <= 5; ++dy)
            for (int dx = -5; dx <= 5; ++dx) {
                const QColor c = image.pixelColor(at + QPoint(dx, dy));
                green += c.green() / 121.0;
                pale += c.green() > 40 ? 1 : 0;
            }
        return std::pair{green, pale};
    };
    const auto [provinceGreen, provincePale] = look(nullptr);
    EXPECT_LT(provinceGreen, 12) << "the dear plots read paler than their class";
    EXPECT_EQ(provincePale, 0);
    // 1.5 km across: a plot is about 48 pixels, its outline shows.
    const pa::gis::Envelope close{X0 + 6750, Y0 + 7800, X0 + 8250, Y0 + 8925};
    const auto [closeGreen, closePale] = look(&close);
    EXPECT_LT(closeGreen, 40);
    EXPECT_GT(closePale, 0) << "no outline between plots seen close";
}

TEST_F(Map, LegendNeverLosesAnEntryWithoutSayingSo)
{
    // At every size, the entries printed plus those counted as left out are all the entries a
    // large map prints; a small map leaves some out and says how many (on the map too).
    MapOptions large;
    large.pixelSize = std::pair{1400, 1000};
    const auto full = write(large, "large.png");
    ASSERT_GE(full.legend.size(), 6u);
    EXPECT_EQ(full.legendOmitted, 0);
    bool someLeftOut = false;
    for (const auto& [w, h] : {std::pair{900, 800}, std::pair{700, 500}, std::pair{520, 380}}) {
        MapOptions o;
        o.pixelSize = std::pair{w, h};
        const auto r = write(o, "small.png");
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
        EXPECT_EQ(static_cast<std::int64_t>(r.legend.size()) + r.legendOmitted,
                  static_cast<std::int64_t>(full.legend.size()));
        // What is printed is the start of the full legend, in order.
        for (std::size_t i = 0; i < r.legend.size(); ++i)
            EXPECT_EQ(r.legend[i], full.legend[i]);
        someLeftOut = someLeftOut || r.legendOmitted > 0;
    }
    EXPECT_TRUE(someLeftOut);
}

TEST_F(Map, LayersStoredInAnotherCrsAreDrawnWhereTheyAre)
{
    // The expressway and the land prices rewritten in WGS 84 by an outside editor: the map
    // used to leave them off without a word (their degrees lie nowhere near the frame).
    MapOptions o;
    o.pixelSize = std::pair{1400, 1000};
    const auto before = write(o, "before.png");
    MapOptions price = o;
    price.theme = Theme::LandPrice;
    const auto priceBefore = write(price, "price-before.png");
    for (const std::string layer : {"roads", "prices"})
        ASSERT_EQ(pa::test::storeLayerIn(path(), layer, "EPSG:4326", m_dir), "");
    const auto after = write(o, "after.png");
    EXPECT_EQ(after.layersDrawn, before.layersDrawn);
    EXPECT_EQ(after.featuresDrawn, before.featuresDrawn);
    EXPECT_EQ(after.legend, before.legend);
    ASSERT_EQ(after.inputNotes.reprojected.count("roads"), 1u);
    EXPECT_EQ(after.inputNotes.reprojected.at("roads"), "EPSG:4326");
    // The same picture, to what the datum round trip moves (a few antialiased pixels).
    const QImage a(QString::fromStdString(m_dir.file("before.png"))),
        b(QString::fromStdString(m_dir.file("after.png")));
    ASSERT_EQ(a.size(), b.size());
    int differ = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            differ += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    EXPECT_LT(differ, a.width() * a.height() / 1000);
    // The land-price polygons are streamed (a parcel layer): reprojected too.
    const auto priceAfter = write(price, "price-after.png");
    EXPECT_EQ(priceAfter.featuresDrawn, priceBefore.featuresDrawn);
    EXPECT_EQ(priceAfter.inputNotes.reprojected.count("prices"), 1u);
}

TEST_F(Map, ThemesTakeTheirAnalysesFromOutsideThePainter)
{
    auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::ReadOnly);
    MapOptions o;
    o.theme = Theme::Corridor;
    o.corridorKm = 3;
    o.pixelSize = std::pair{900, 600};
    o.date = "2026-11-23";
    const auto prepared = pa::render::prepareTheme(ws, o);
    ASSERT_TRUE(prepared->corridorArea.has_value());
    EXPECT_TRUE(prepared->fits(o));
    // Given what fits, the painter uses it as it is (no analysis run again) ...
    o.prepared = prepared;
    QImage image(900, 600, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter painter(&image);
        const auto r = pa::render::drawMap(ws, o, painter, QRectF(0, 0, 900, 600));
        EXPECT_EQ(r.prepared, prepared);
    }
    // ... and what does not fit (another distance) is prepared afresh.
    o.corridorKm = 2;
    EXPECT_FALSE(prepared->fits(o));
    {
        QPainter painter(&image);
        const auto r = pa::render::drawMap(ws, o, painter, QRectF(0, 0, 900, 600));
        ASSERT_TRUE(r.prepared);
        EXPECT_NE(r.prepared, prepared);
        EXPECT_EQ(r.prepared->corridorKm, 2);
    }
    // The coverage theme draws the shares it is given: doctored shares change the picture.
    MapOptions c;
    c.theme = Theme::Coverage;
    c.pixelSize = std::pair{900, 600};
    c.date = "2026-11-23";
    const auto real = pa::render::prepareTheme(ws, c);
    ASSERT_FALSE(real->coverageShare.empty());
    auto doctored = std::make_shared<pa::render::ThemeData>();
    doctored->theme = real->theme;
    doctored->requestedUnits = real->requestedUnits;
    doctored->unitsLayer = real->unitsLayer;
    doctored->coverageKind = real->coverageKind;
    for (const auto& [unit, share] : real->coverageShare)
        doctored->coverageShare[unit] = share + 60.0;
    auto picture = [&](std::shared_ptr<const pa::render::ThemeData> data) {
        QImage img(900, 600, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::white);
        QPainter painter(&img);
        c.prepared = std::move(data);
        pa::render::drawMap(ws, c, painter, QRectF(0, 0, 900, 600));
        return img;
    };
    EXPECT_NE(picture(real), picture(doctored));
}

TEST_F(Map, LineLabelsFollowTheirLine)
{
    // A straight expressway rising north-east at about 24° through empty country: its name is
    // written along it, so its label's box is far taller than a level word's.
    {
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
        add(ws, "diagonal", "expressway",
            "code,name_vi,status,wkt\nE2,Cao tốc chéo,planned,\"LINESTRING(" +
                std::to_string(X0 + 10000) + " " + std::to_string(Y0 + 11000) + "," +
                std::to_string(X0 + 28000) + " " + std::to_string(Y0 + 19000) + ")\"\n");
    }
    MapOptions o;
    o.pixelSize = std::pair{1400, 1000};
    o.furniture = false;
    o.extent = pa::gis::Envelope{X0, Y0, X0 + 30000, Y0 + 20000};
    const auto r = write(o, "lines.png");
    ASSERT_FALSE(r.labels.empty());
    double lowest = 1e9, tallest = 0;
    for (const auto& b : r.labels) {
        lowest = std::min(lowest, b.maxY - b.minY);
        tallest = std::max(tallest, b.maxY - b.minY);
    }
    EXPECT_GT(tallest, 3 * lowest); // the turned word
    // Its box lies along the line: its centre within a few pixels of the line.
    const double x0 = 10000 / 30000.0, y0 = 1 - 11000 / 20000.0, x1 = 28000 / 30000.0,
                 y1 = 1 - 19000 / 20000.0;
    bool onLine = false;
    for (const auto& b : r.labels) {
        if (b.maxY - b.minY < 3 * lowest)
            continue;
        const double cx = ((b.minX + b.maxX) / 2 - r.frame.minX) / (r.frame.maxX - r.frame.minX);
        const double cy = ((b.minY + b.maxY) / 2 - r.frame.minY) / (r.frame.maxY - r.frame.minY);
        // Distance from the line in frame fractions (the frame keeps the extent's aspect).
        const double dx = x1 - x0, dy = y1 - y0;
        const double d = std::abs(dy * (cx - x0) - dx * (cy - y0)) / std::hypot(dx, dy);
        onLine = onLine || d < 0.02;
    }
    EXPECT_TRUE(onLine);
}

TEST_F(Map, ReferenceImageWithinTolerance)
{
    MapOptions o;
    o.pixelSize = std::pair{800, 560};
    o.dpi = 100;
    write(o, "ref.png");
    const QImage image(QString::fromStdString(m_dir.file("ref.png")));
    const std::string reference = pa::test::fixture("maps/fixture_programme.png").string();
    if (std::getenv("PLANATLAS_UPDATE_REFERENCES")) {
        image.save(QString::fromStdString(reference));
        GTEST_SKIP() << "reference rewritten: " << reference;
    }
    const QImage expected(QString::fromStdString(reference));
    ASSERT_FALSE(expected.isNull())
        << reference << " missing; run with PLANATLAS_UPDATE_REFERENCES=1";
    ASSERT_EQ(image.size(), expected.size());
    std::int64_t differing = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor a = image.pixelColor(x, y), b = expected.pixelColor(x, y);
            if (std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                          std::abs(a.blue() - b.blue())}) > 48)
                ++differing;
        }
    EXPECT_LT(static_cast<double>(differing) / (image.width() * image.height()), 0.005)
        << differing << " pixels differ from " << reference;
}

TEST_F(Map, SvgAndPdfCarryRealVietnameseText)
{
    MapOptions o;
    write(o, "m.svg");
    const std::string svg = pa::test::readBytes(m_dir.file("m.svg"));
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("Chú giải"), std::string::npos);
    EXPECT_NE(svg.find("Thành phố Một"), std::string::npos);
    o.lang = "en";
    o.pageWidthMm = 420, o.pageHeightMm = 297; // A3
    write(o, "m.pdf");
    const auto info = pa::test::run({"pdfinfo", m_dir.file("m.pdf")});
    EXPECT_NE(info.out.find("A3"), std::string::npos) << info.out;
    const auto text = pa::test::run({"pdftotext", m_dir.file("m.pdf"), "-"});
    EXPECT_NE(text.out.find("Legend"), std::string::npos);
    EXPECT_NE(text.out.find("Vùng chè Tân Cương thử"), std::string::npos)
        << text.out;                                                  // names stay Vietnamese
    EXPECT_NE(text.out.find("Dữ liệu thử parks"), std::string::npos); // sources credited
}

TEST_F(Map, HighlightAnAgencyMutesTheRest)
{
    MapOptions o;
    o.theme = Theme::Agency;
    o.highlight = "agency:so cong thuong"; // without case or diacritics
    o.pixelSize = std::pair{900, 650};
    const auto r = write(o, "a.png");
    EXPECT_EQ(r.emphasised, 1); // K1, the one park linked to the task Sở Công Thương leads
    o.highlight = "agency:Sở Không Có";
    EXPECT_THROW(write(o, "b.png"), pa::layers::Error);
}

TEST_F(Map, BadRequestsLeaveNoFileBehind)
{
    auto refused = [&](MapOptions o, const std::string& file, pa::layers::ErrorKind kind) {
        try {
            write(o, file);
            ADD_FAILURE() << file << " was written";
        } catch (const pa::layers::Error& e) {
            EXPECT_EQ(e.kind(), kind) << e.what();
        }
    };
    MapOptions far;
    far.extent = pa::gis::Envelope{0, 0, 1000, 1000}; // nowhere near the data
    refused(far, "far.png", pa::layers::ErrorKind::Usage);
    MapOptions missing;
    missing.layers = {"no_such_layer"};
    refused(missing, "missing.png", pa::layers::ErrorKind::Usage);
    refused(MapOptions{}, "map.tiff", pa::layers::ErrorKind::Usage);
    refused(MapOptions{}, "no/such/folder/map.png", pa::layers::ErrorKind::Input);
    for (const auto& entry : fs::directory_iterator(m_dir.path()))
        EXPECT_EQ(entry.path().extension() == ".png" || entry.path().extension() == ".tiff", false)
            << entry.path();
    // An empty workspace has nothing to draw.
    const std::string empty = m_dir.file("empty.gpkg");
    pa::layers::Workspace::create(empty, {"Thái Nguyên", "EPSG:9213"}).close();
    auto ws = pa::layers::Workspace::open(empty, pa::gis::OpenMode::ReadOnly);
    EXPECT_THROW(pa::render::writeMap(ws, MapOptions{}, m_dir.file("empty.png")),
                 pa::layers::Error);
    EXPECT_FALSE(fs::exists(m_dir.file("empty.png")));
}

/// The text of page @p page (1-based) of a PDF.
std::string pdfPage(const std::string& pdf, int page)
{
    return pa::test::run({"pdftotext", "-f", std::to_string(page), "-l", std::to_string(page),
                          "-layout", pdf, "-"})
        .out;
}

int pdfPages(const std::string& pdf)
{
    const auto info = pa::test::run({"pdfinfo", pdf}).out;
    const auto at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
}

TEST_F(Map, AtlasGivesEachDistrictAPageWithTheTasksActingInIt)
{
    auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::ReadOnly);
    // What the pages say: the western district holds K1, linked to d:1#1; the eastern one holds
    // K2, linked to nothing. The expressway crosses both.
    const auto atlas = pa::analysis::atlasPages(ws, "districts");
    ASSERT_TRUE(atlas.units);
    ASSERT_EQ(atlas.pages.size(), 2U);
    EXPECT_EQ(atlas.pages[0].code, "H2"); // "Huyện Đông" before "Huyện Tây", as a reader sorts
    EXPECT_EQ(atlas.pages[1].code, "H1");
    EXPECT_TRUE(atlas.pages[0].tasks.empty());
    ASSERT_EQ(atlas.pages[1].tasks.size(), 1U);
    EXPECT_EQ(atlas.pages[1].tasks[0].task.taskId, "d:1#1");
    EXPECT_FALSE(atlas.pages[1].tasks[0].direct);
    EXPECT_EQ(atlas.pages[1].tasks[0].via, std::vector<std::string>{"KCN Sông Công thử"});
    EXPECT_EQ(atlas.pages[1].tasks[0].task.lead, std::vector<std::string>{"Sở Công Thương"});
    EXPECT_EQ(atlas.pages[1].featuresByKind.at("industrial_park"), 1);
    EXPECT_EQ(atlas.pages[1].featuresByKind.at("expressway"), 1);
    EXPECT_EQ(atlas.pages[1].featuresByKind.count("urban_centre"), 1U); // Thành phố Một
    EXPECT_EQ(atlas.pages[0].featuresByKind.at("industrial_park"), 1);  // K2

    pa::render::AtlasOptions o;
    o.layer = "districts";
    o.map.date = "2026-12-03";
    const std::string pdf = m_dir.file("atlas.pdf");
    const auto report = pa::render::writeAtlas(ws, o, pdf);
    EXPECT_EQ(report.pages, 2);
    EXPECT_EQ(report.featuresWithoutTasks, 1);
    EXPECT_EQ(report.tasksListed, 1);
    EXPECT_EQ(pdfPages(pdf), 2);
    const std::string east = pdfPage(pdf, 1), west = pdfPage(pdf, 2);
    EXPECT_NE(east.find("Huyện Đông"), std::string::npos) << east;
    EXPECT_NE(east.find("Chưa có nhiệm vụ nào"), std::string::npos) << east;
    EXPECT_NE(east.find("Trang 1/2"), std::string::npos) << east;
    EXPECT_NE(west.find("Huyện Tây"), std::string::npos) << west;
    EXPECT_NE(west.find("Nhiệm vụ của kế hoạch (1)"), std::string::npos) << west;
    EXPECT_NE(west.find("d:1#1"), std::string::npos) << west;
    EXPECT_NE(west.find("Chủ trì: Sở Công Thương"), std::string::npos) << west;
    EXPECT_NE(west.find("Qua: KCN Sông Công thử"), std::string::npos) << west;
    EXPECT_NE(west.find("Chú giải"), std::string::npos) << west; // a full map page
}

TEST_F(Map, AtlasTasksThatDoNotFitContinueOnTheNextPage)
{
    {
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
        auto& ds = ws.dataset();
        // 40 tasks linked to the park, ids numbered as plans number them (#2 before #10).
        for (int i = 2; i <= 41; ++i) {
            const std::string id = "d:2#" + std::to_string(i);
            ds.execute("INSERT INTO plan_tasks (task_id, doc_id, text, deadline, deadline_text) "
                       "VALUES ('" +
                       id +
                       "', 'd', 'Đầu tư hạ tầng kỹ thuật, xử lý nước thải tập trung và thu hút "
                       "các dự án công nghệ cao vào khu công nghiệp theo quy hoạch được duyệt, "
                       "bảo đảm tiến độ và chất lượng công trình', '2030', 'năm 2030')");
            ds.execute("INSERT INTO parks_task_links (base_id, related_id) VALUES ((SELECT fid "
                       "FROM parks WHERE code = 'K1'), (SELECT fid FROM plan_tasks WHERE "
                       "task_id = '" +
                       id + "'))");
        }
        ws.close();
    }
    auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::ReadOnly);
    const auto atlas = pa::analysis::atlasPages(ws, "parks", {"K1"});
    ASSERT_EQ(atlas.pages.size(), 1U);
    ASSERT_EQ(atlas.pages[0].tasks.size(), 41U);
    EXPECT_FALSE(atlas.units);
    EXPECT_EQ(atlas.pages[0].tasks[0].task.taskId, "d:1#1");
    EXPECT_EQ(atlas.pages[0].tasks[1].task.taskId, "d:2#2");
    EXPECT_EQ(atlas.pages[0].tasks[9].task.taskId, "d:2#10");
    EXPECT_TRUE(atlas.pages[0].tasks[9].direct);

    pa::render::AtlasOptions o;
    o.layer = "parks";
    o.codes = {"K1"};
    const std::string pdf = m_dir.file("park.pdf");
    const auto report = pa::render::writeAtlas(ws, o, pdf);
    ASSERT_GE(report.pages, 2);
    EXPECT_EQ(pdfPages(pdf), report.pages);
    EXPECT_EQ(report.features, std::vector<std::string>{"K1"});
    std::string all;
    for (int page = 1; page <= report.pages; ++page)
        all += pdfPage(pdf, page);
    EXPECT_NE(pdfPage(pdf, 2).find("KCN Sông Công thử — nhiệm vụ của kế hoạch (tiếp theo)"),
              std::string::npos)
        << pdfPage(pdf, 2);
    EXPECT_NE(pdfPage(pdf, 1).find("ở trang sau"), std::string::npos);
    EXPECT_NE(all.find("thời hạn: năm 2030"), std::string::npos);
    // Every task once, none lost between pages.
    for (int i = 2; i <= 41; ++i) {
        const std::string id = "d:2#" + std::to_string(i) + " ";
        const auto first = all.find(id);
        EXPECT_NE(first, std::string::npos) << id;
        EXPECT_EQ(all.find(id, first + 1), std::string::npos) << id;
    }
}

TEST_F(Map, AtlasRefusesWhatItCannotPrintAndLeavesNoFile)
{
    auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::ReadOnly);
    pa::render::AtlasOptions o;
    o.layer = "districts";
    auto refused = [&](const pa::render::AtlasOptions& options, const std::string& file,
                       const std::string& words) {
        try {
            (void)pa::render::writeAtlas(ws, options, m_dir.file(file));
            ADD_FAILURE() << file << " was written";
        } catch (const pa::layers::Error& e) {
            EXPECT_EQ(e.kind(), pa::layers::ErrorKind::Usage) << e.what();
            EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
        }
        EXPECT_FALSE(fs::exists(m_dir.file(file)));
    };
    refused(o, "atlas.png", ".pdf");
    auto unknown = o;
    unknown.codes = {"H1", "H9"};
    refused(unknown, "a.pdf", "'H9'");
    auto noLayer = o;
    noLayer.layer = "communes";
    refused(noLayer, "b.pdf", "no layer 'communes'");
    auto pixels = o;
    pixels.map.pixelSize = std::pair{800, 600};
    refused(pixels, "c.pdf", "pages");
}

} // namespace

TEST_F(Map, AStreamedLayerIsDrawnInBandsOnTheThreadsCountedOnceAndTheSameOnAnyNumber)
{
    // 600 plots of 1 km over the province: a land-price layer is streamed, and on an image it is
    // drawn in bands across the threads. Every plot must be counted once, as the PDF (drawn in
    // one pass) counts it, and the picture must not depend on the number of threads.
    std::string csv = "code,name_vi,price_vnd_m2,source,wkt\n";
    for (int i = 0; i < 30; ++i)
        for (int j = 0; j < 20; ++j)
            csv += "P" + std::to_string(i) + "_" + std::to_string(j) + ",Thửa," +
                   std::to_string(100000 * (1 + (i + j) % 7)) + ",synthetic," +
                   rect(i * 1000.0, j * 1000.0, i * 1000.0 + 1000, j * 1000.0 + 1000) + "\n";
    {
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
        add(ws, "plots", "land_price", csv);
    }
    for (const bool zoomed : {false, true}) {
        SCOPED_TRACE(zoomed ? "zoomed" : "whole province");
        MapOptions o;
        o.theme = Theme::LandPrice;
        o.layers = {"plots"};
        o.pixelSize = std::pair{1200, 900};
        if (zoomed) // 6.5 × 4.5 km: plots cut by every edge of the frame
            o.extent = pa::gis::Envelope{X0 + 10500, Y0 + 7500, X0 + 17000, Y0 + 12000};
        // The first map a process draws places a few of its labels' pixels differently (by
        // 5/255 at most, Qt's glyph cache filling up): compared after it.
        (void)write(o, "warm.png");
        ::setenv("PLANATLAS_THREADS", "1", 1);
        const auto one = write(o, "one.png");
        ::setenv("PLANATLAS_THREADS", "3", 1);
        const auto three = write(o, "three.png");
        ::unsetenv("PLANATLAS_THREADS");
        const auto pdf = write(o, "one.pdf");
        EXPECT_EQ(three.featuresDrawn, one.featuresDrawn);
        EXPECT_EQ(three.featuresDrawn, pdf.featuresDrawn);
        EXPECT_TRUE(three.illustrative); // the plots are synthetic: the note is on the map
        QFile a(QString::fromStdString(m_dir.file("one.png"))),
            b(QString::fromStdString(m_dir.file("three.png")));
        ASSERT_TRUE(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        EXPECT_TRUE(a.readAll() == b.readAll()) << "the picture depends on the threads";
    }
    // The whole province shows all 600 plots (and the other layers' features besides).
    MapOptions o;
    o.theme = Theme::LandPrice;
    o.layers = {"plots"};
    o.pixelSize = std::pair{1200, 900};
    const auto whole = write(o, "whole.png");
    MapOptions bare = o;
    bare.layers = {"parks"};
    const auto without = write(bare, "without.png");
    EXPECT_EQ(whole.featuresDrawn - without.featuresDrawn, 600 - 2); // the plots, not the parks
}

TEST_F(Map, ACanvasDrawsABulkLayerFromItsOverviewUntilTheTableChanges)
{
    // 2 400 plots of 250 m, priced in seven steps: a land-price layer is drawn in bulk. A canvas
    // passes its overview cache: the view of the province is drawn from the overview (made by
    // the first map, found by the next), a closer view draws the plots themselves, and an edit
    // of the table makes the next map draw a new overview showing it.
    std::string csv = "code,name_vi,price_vnd_m2,source,wkt\n";
    for (int i = 0; i < 60; ++i)
        for (int j = 0; j < 40; ++j)
            csv += "P" + std::to_string(i) + "_" + std::to_string(j) + ",Thửa," +
                   std::to_string(100000 * (1 + (i / 3 + j / 2) % 7)) + ",synthetic," +
                   rect(i * 250.0 + 5000, j * 250.0 + 5000, i * 250.0 + 5250, j * 250.0 + 5250) +
                   "\n";
    {
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
        add(ws, "plots", "land_price", csv);
    }
    struct Drawn
    {
        QImage image;
        pa::render::MapReport report;
    };
    const auto draw = [&](MapOptions o) {
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::ReadOnly);
        o.furniture = false;
        o.pixelSize = std::pair{600, 450};
        o.dpi = 96;
        o.stack = {{"province", 1.0}, {"plots", 1.0}};
        Drawn d{QImage(600, 450, QImage::Format_ARGB32_Premultiplied), {}};
        d.image.fill(Qt::white);
        QPainter p(&d.image);
        d.report = pa::render::drawMap(ws, o, p, QRectF(0, 0, 600, 450));
        return d;
    };
    const auto cache = std::make_shared<pa::render::OverviewCache>();
    MapOptions cached;
    cached.overviews = cache;
    (void)draw({}); // the first map a process draws places its few labels' pixels differently

    // The province (about 55 m a pixel; the overview holds 7.3 m a pixel): from the overview.
    const Drawn live = draw({});
    const Drawn first = draw(cached);
    EXPECT_TRUE(live.report.overviews.empty());
    ASSERT_EQ(first.report.overviews, std::vector<std::string>{"plots"});
    const std::int64_t made = cache->made();
    EXPECT_GE(made, 1);
    const Drawn again = draw(cached);
    EXPECT_EQ(cache->made(), made) << "the second map drew the overview again";
    EXPECT_EQ(again.report.overviews, std::vector<std::string>{"plots"});
    EXPECT_TRUE(again.image == first.image);
    // The same picture to the eye: the plots' colours where the live drawing has them.
    const auto looksAlike = [](const QImage& drawn, const QImage& fromOverview, double farShare) {
        std::int64_t far = 0, plotted = 0;
        double sum = 0;
        for (int y = 0; y < 450; ++y)
            for (int x = 0; x < 600; ++x) {
                const QColor a = drawn.pixelColor(x, y), b = fromOverview.pixelColor(x, y);
                const int d =
                    std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                              std::abs(a.blue() - b.blue())});
                sum += d;
                far += d > 48;
                plotted += a != drawn.pixelColor(0, 0);
            }
        EXPECT_GT(plotted, 600 * 450 / 50); // the plots cover a good part of the picture
        EXPECT_LT(sum / (600 * 450), 3.0);  // mean difference per pixel, of 255
        EXPECT_LT(far, 600 * 450 * farShare)
            << far << " pixels differ by more than 48/255, mean " << sum / (600 * 450);
    };
    {
        SCOPED_TRACE("the province");
        looksAlike(live.image, first.image, 0.01);
    }
    // Zoomed out a step: the next level, averaged down from the one kept (its outlines, a pixel
    // wide at the finer level, fainter: 2 % of the pixels).
    MapOptions outLive, outCached = cached;
    outLive.extent = outCached.extent =
        pa::gis::Envelope{X0 - 5000, Y0 - 5000, X0 + 35000, Y0 + 25000};
    const Drawn out = draw(outCached);
    EXPECT_EQ(out.report.overviews, std::vector<std::string>{"plots"});
    SCOPED_TRACE("zoomed out");
    looksAlike(draw(outLive).image, out.image, 0.03);

    // A view of 1.5 km (2.5 m a pixel, closer than the overview): the plots themselves, exactly
    // as without a cache.
    MapOptions closeLive, closeCached = cached;
    closeLive.extent = closeCached.extent =
        pa::gis::Envelope{X0 + 6000, Y0 + 6000, X0 + 8000, Y0 + 7500};
    const Drawn closeA = draw(closeLive), closeB = draw(closeCached);
    EXPECT_TRUE(closeB.report.overviews.empty());
    EXPECT_GT(closeB.report.featuresDrawn, 40);
    EXPECT_TRUE(closeA.image == closeB.image);
    const std::int64_t kept = cache->made();

    // An edit of one plot's price, through GDAL as every edit of PlanAtlas: a new overview, and
    // the plot in its new colour (the dearest class; it was in the cheapest).
    {
        auto ws = pa::layers::Workspace::open(path(), pa::gis::OpenMode::Update);
        auto plots = ws.dataset().layerByName("plots");
        ASSERT_TRUE(plots.has_value());
        plots->setAttributeFilter("code = 'P0_0'");
        plots->resetReading();
        auto f = plots->next();
        ASSERT_TRUE(f.has_value());
        plots->setAttributeFilter("");
        f->setValue(plots->fieldIndex("price_vnd_m2"), 700000.0);
        plots->update(*f);
    }
    const QPointF at =
        QPointF(first.report.frame.minX, first.report.frame.minY) +
        QPointF((X0 + 5125 - first.report.extent.minX) / first.report.metresPerPixel,
                (first.report.extent.maxY - (Y0 + 5125)) / first.report.metresPerPixel);
    const Drawn edited = draw(cached);
    EXPECT_GT(cache->made(), kept);
    EXPECT_EQ(edited.report.overviews, std::vector<std::string>{"plots"});
    const QColor before = first.image.pixelColor(at.toPoint()),
                 after = edited.image.pixelColor(at.toPoint()),
                 dearest = edited.image.pixelColor(
                     QPointF(at + QPointF(0, -12 * 250 / first.report.metresPerPixel))
                         .toPoint()); // plot 0_12: (1 + 6) × 100 000
    EXPECT_GT(std::abs(before.green() - after.green()), 40) << "the edit is not on the map";
    EXPECT_LT(std::abs(after.green() - dearest.green()), 24);
}
