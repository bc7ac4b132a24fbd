// Import of real and realistic files: reprojection, repair, encodings, mapping, codes, and the
// refusal of bad input with the workspace left byte for byte as it was.

#include "planatlas/layers/Importer.h"

#include "TestSupport.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Workspace.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>

namespace fs = std::filesystem;
using namespace pa::layers;
using pa::gis::OpenMode;

namespace {

class Import : public ::testing::Test
{
protected:
    void SetUp() override { Workspace::create(path(), {"Thái Nguyên", "EPSG:9213"}).close(); }
    std::string path() const { return m_dir.file("ws.gpkg"); }
    Workspace open() { return Workspace::open(path(), OpenMode::Update); }

    ImportReport import(ImportOptions options)
    {
        auto ws = open();
        auto report = importLayer(ws, options);
        ws.close();
        return report;
    }

    /// Rows of an SQL query as strings.
    std::vector<std::vector<std::string>> rows(const std::string& sql)
    {
        auto ws = Workspace::open(path(), OpenMode::ReadOnly);
        std::vector<std::vector<std::string>> out;
        for (const auto& row : ws.dataset().execute(sql).rows) {
            out.emplace_back();
            for (const auto& v : row)
                out.back().push_back(pa::gis::toString(v));
        }
        return out;
    }
    double number(const std::string& sql) { return std::stod(rows(sql).at(0).at(0)); }

    /// Area (m²) of the features of a layer, read through the gis/ wrappers.
    double layerArea(const std::string& layer, const std::string& where = {})
    {
        auto ws = Workspace::open(path(), OpenMode::ReadOnly);
        auto l = ws.dataset().layerByName(layer);
        EXPECT_TRUE(l);
        double area = 0;
        const int code = l->fieldIndex("code");
        while (auto f = l->next())
            if (where.empty() || pa::gis::toString(f->value(code)) == where)
                area += f->takeGeometry().area();
        return area;
    }

    /// Expects @p options to fail with @p kind, naming @p mention, and the workspace unchanged.
    void expectRefused(const ImportOptions& options, ErrorKind kind, const std::string& mention)
    {
        const auto before = pa::test::readBytes(path());
        try {
            auto ws = open();
            importLayer(ws, options);
            ADD_FAILURE() << "import of " << options.sourcePath << " succeeded";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), kind) << e.what();
            EXPECT_NE(std::string(e.what()).find(mention), std::string::npos) << e.what();
        }
        EXPECT_EQ(pa::test::readBytes(path()), before) << "workspace changed by a failed import";
    }

    pa::test::TempDir m_dir;
};

/// Copies the TCVN3 shapefile fixture to @p dir as @p name, with or without its .prj.
fs::path copyShapefile(const pa::test::TempDir& dir, const std::string& name, bool withPrj)
{
    for (std::string ext : {".shp", ".shx", ".dbf", ".prj"})
        if (withPrj || ext != ".prj")
            fs::copy_file(pa::test::fixture("kcn_tcvn3" + ext), dir.file(name + ext));
    return dir.file(name + ".shp");
}

ImportOptions options(const fs::path& file, const std::string& kind)
{
    ImportOptions o;
    o.sourcePath = file.string();
    o.kind = kind;
    return o;
}

} // namespace

TEST_F(Import, ProvinceGeoJsonIsReprojectedToVn2000Tm3)
{
    auto o =
        options(pa::test::sampleData("thai_nguyen/province_pre2025_odm.geojson"), "admin_province");
    o.validTo = "2025-06-30";
    const auto report = import(o);
    EXPECT_EQ(report.features, 1);
    EXPECT_EQ(report.sourceCrs, "EPSG:4326");
    EXPECT_NE(report.transformation.find("VN-2000 to WGS 84"), std::string::npos)
        << report.transformation;
    EXPECT_EQ(report.repaired, 0);
    // shared/data/SOURCES.md: the ODM province is 3,522.5 km² in EPSG:9213.
    EXPECT_NEAR(layerArea(report.layerName) / 1e6, 3522.5, 0.5);
    EXPECT_EQ(report.layerName, "study_area_provinces_pre2025"); // from the GeoJSON's name
    EXPECT_EQ(rows("SELECT name_vi, admin_code, valid_to FROM " + report.layerName)[0],
              (std::vector<std::string>{"Thái Nguyên", "19", "2025-06-30"}));
    EXPECT_EQ(rows("SELECT level, valid_to FROM admin_units")[0],
              (std::vector<std::string>{"province", "2025-06-30"}));
    // The import is in the edit log, with the source file's name.
    EXPECT_EQ(
        rows("SELECT action, layer_name, detail FROM pa_edit_log ORDER BY fid DESC")[0],
        (std::vector<std::string>{"import", report.layerName, "province_pre2025_odm.geojson"}));
}

TEST_F(Import, DistrictAreasMatchTheSourceDocumentation)
{
    auto o = options(pa::test::sampleData("thai_nguyen/districts_pre2025_geoboundaries.geojson"),
                     "admin_district");
    o.codeField = "shapeID";
    o.layerName = "districts";
    const auto report = import(o);
    EXPECT_EQ(report.features, 9);
    // SOURCES.md section 7, areas in EPSG:9213 (km²).
    EXPECT_NEAR(layerArea("districts") / 1e6, 3522.8, 0.3);
    const auto daiTu = rows("SELECT code FROM districts WHERE name_vi = 'Đại Từ'");
    ASSERT_EQ(daiTu.size(), 1u);
    EXPECT_NEAR(layerArea("districts", daiTu[0][0]) / 1e6, 566.1, 0.1);
    EXPECT_EQ(number("SELECT COUNT(*) FROM admin_units WHERE level = 'district'"), 9);
}

TEST_F(Import, Tcvn3ShapefileIsDecodedAndMapped)
{
    auto o = options(pa::test::fixture("kcn_tcvn3.shp"), "industrial_park");
    o.encoding = pa::text::Encoding::Tcvn3;
    o.fieldMap = {
        {"name_vi", "TEN_KCN"}, {"status", "TRANG_THAI"}, {"planned_area_ha", "DIEN_TICH"}};
    o.codeField = "MA_KCN";
    o.geometryQuality = "indicative";
    const auto report = import(o);
    EXPECT_EQ(report.features, 3);
    EXPECT_EQ(report.sourceCrs, "EPSG:9213");
    EXPECT_EQ(report.transformation.rfind("none", 0), 0u) << report.transformation;
    EXPECT_EQ(report.textConverted, 6);
    const auto got = rows("SELECT code, name_vi, status, planned_area_ha, geometry_quality FROM "
                          "kcn_tcvn3 ORDER BY fid");
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got[0], (std::vector<std::string>{"KCN-YB", "Khu công nghiệp Yên Bình", "planned",
                                                "400", "indicative"}));
    EXPECT_EQ(got[1][1], "Khu công nghiệp Sông Công II");
    EXPECT_EQ(got[1][2], "under_construction");
    EXPECT_EQ(got[2][1], "Khu công nghiệp Điềm Thụy");
    EXPECT_EQ(got[2][2], "existing");
    // A 400 ha park drawn as a 400 ha square stays 400 ha (same CRS, no reprojection).
    EXPECT_NEAR(layerArea("kcn_tcvn3", "KCN-YB") / 1e4, 400.0, 0.01);
    // Registered with its kind, quality and link relation.
    EXPECT_EQ(rows("SELECT kind, geometry_quality, source_encoding, link_table FROM pa_layers")[0],
              (std::vector<std::string>{"industrial_park", "indicative", "tcvn3",
                                        "kcn_tcvn3_task_links"}));
    EXPECT_EQ(rows("SELECT mapping_table_name, related_table_name FROM gpkgext_relations")[0],
              (std::vector<std::string>{"kcn_tcvn3_task_links", "plan_tasks"}));
}

TEST_F(Import, Tcvn3DeclaredAsWindows1252IsFlaggedAndCanBeFixed)
{
    // A common legacy file: TCVN3 bytes with a .cpg that says Windows-1252. GDAL recodes them
    // into Latin-1 look-alikes ("Khu c«ng nghiÖp"); PlanAtlas warns, and --encoding fixes it.
    pa::test::TempDir scratch;
    const auto shp = copyShapefile(scratch, "kcn", true);
    pa::test::writeBytes(scratch.file("kcn.cpg"), "1252");
    auto o = options(shp, "industrial_park");
    o.fieldMap = {{"name_vi", "TEN_KCN"}};
    const auto report = import(o);
    EXPECT_GE(report.latin1Suspects, 3);
    bool warned = false;
    for (const auto& w : report.warnings)
        if (w.english().find("look like TCVN3 or VNI text read as Latin-1") != std::string::npos) {
            warned = true;
            // The command line is told the option; a window says the sentence alone.
            EXPECT_NE(w.english().find("--encoding tcvn3"), std::string::npos) << w.english();
            EXPECT_EQ(w.sentence.english().find("--"), std::string::npos) << w.english();
        }
    EXPECT_TRUE(warned);
    EXPECT_EQ(rows("SELECT name_vi FROM kcn ORDER BY fid")[0][0],
              "Khu c\u00abng nghi\u00d6p Y\u00aan B\u00d7nh");

    o.layerName = "kcn_fixed";
    o.encoding = pa::text::Encoding::Tcvn3;
    o.codeField = "MA_KCN";
    const auto fixed = import(o);
    EXPECT_EQ(fixed.latin1Suspects, 0);
    EXPECT_EQ(rows("SELECT name_vi FROM kcn_fixed ORDER BY fid")[0][0], "Khu công nghiệp Yên Bình");
}

namespace {

/// A GeoJSON FeatureCollection of squares in EPSG:9213, one per (properties) entry.
std::string squares(const std::vector<std::string>& properties)
{
    std::string json = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                       "{\"name\":\"urn:ogc:def:crs:EPSG::9213\"}},\"features\":[";
    for (std::size_t i = 0; i < properties.size(); ++i) {
        const double x = 430000 + 3000.0 * static_cast<double>(i), y = 2380000;
        auto pt = [](double a, double b) {
            return "[" + std::to_string(a) + "," + std::to_string(b) + "]";
        };
        json += std::string(i ? "," : "") + "{\"type\":\"Feature\",\"properties\":{" +
                properties[i] + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" +
                pt(x, y) + "," + pt(x + 1000, y) + "," + pt(x + 1000, y + 1000) + "," +
                pt(x, y + 1000) + "," + pt(x, y) + "]]}}";
    }
    return json + "]}";
}

/// UTF-8 as a tool that took it for Windows-1252 writes it back: "Thái" → "ThÃ¡i".
std::string mojibake(const std::string& utf8)
{
    static const std::map<unsigned char, std::string> cp1252 = {
        {0x80, "\u20ac"}, {0x82, "\u201a"}, {0x83, "\u0192"}, {0x84, "\u201e"}, {0x85, "\u2026"},
        {0x86, "\u2020"}, {0x87, "\u2021"}, {0x88, "\u02c6"}, {0x89, "\u2030"}, {0x8A, "\u0160"},
        {0x8B, "\u2039"}, {0x8C, "\u0152"}, {0x8E, "\u017d"}, {0x91, "\u2018"}, {0x92, "\u2019"},
        {0x93, "\u201c"}, {0x94, "\u201d"}, {0x95, "\u2022"}, {0x96, "\u2013"}, {0x97, "\u2014"},
        {0x98, "\u02dc"}, {0x99, "\u2122"}, {0x9A, "\u0161"}, {0x9B, "\u203a"}, {0x9C, "\u0153"},
        {0x9E, "\u017e"}, {0x9F, "\u0178"}};
    std::string out;
    for (const unsigned char b : utf8) {
        if (b < 0x80)
            out += static_cast<char>(b);
        else if (const auto it = cp1252.find(b); it != cp1252.end())
            out += it->second;
        else { // U+0080–U+00FF in UTF-8
            out += static_cast<char>(0xC0 | (b >> 6));
            out += static_cast<char>(0x80 | (b & 0x3F));
        }
    }
    return out;
}

} // namespace

TEST_F(Import, AShapefileThatLostItsLettersIsNamedAndItsShortenedColumnsRestored)
{
    // The workspace already knows "drawn_area_ha" (a column of another layer).
    pa::test::writeBytes(m_dir.file("first.geojson"),
                         squares({"\"name_vi\":\"KCN Yên Bình\",\"drawn_area_ha\":100"}));
    auto first = options(m_dir.file("first.geojson"), "industrial_park");
    import(first);
    // The issue's case: a plain ogr2ogr to a Shapefile in ISO-8859-1 (no room for "Đ", "ề",
    // "ụ" …: each becomes "?"), long names cut by the DBF; then the .cpg is lost in an e-mail.
    pa::test::writeBytes(
        m_dir.file("parks.geojson"),
        squares({"\"name_vi\":\"KCN Điềm Thụy\",\"planned_area_ha\":350,\"drawn_area_ha\":100",
                 "\"name_vi\":\"KCN Phú Bình\",\"planned_area_ha\":650,\"drawn_area_ha\":100",
                 "\"name_vi\":\"KCN Quyết Thắng\",\"planned_area_ha\":200,\"drawn_area_ha\":100",
                 "\"name_vi\":\"KCN Sông Công\",\"planned_area_ha\":320,\"drawn_area_ha\":100"}));
    const auto converted =
        pa::test::run({"ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=ISO-8859-1",
                       m_dir.file("parks.shp"), m_dir.file("parks.geojson")});
    ASSERT_EQ(converted.exitCode, 0) << converted.err;
    const auto report = import(options(m_dir.file("parks.shp"), "industrial_park"));
    EXPECT_EQ(report.features, 4);
    // Two names lost letters ("KCN ?i?m Th?y", "KCN Quy?t Th?ng"); "Phú Bình" and "Sông Công"
    // fit in Latin-1.
    EXPECT_EQ(report.lostLettersByColumn.at("name_vi"), 2);
    ASSERT_EQ(report.lostLetterExamples.size(), 2u);
    EXPECT_NE(report.lostLetterExamples[0].find("'KCN ?i?m Th?y' (feature 1)"), std::string::npos)
        << report.lostLetterExamples[0];
    bool warned = false;
    for (const auto& w : report.warnings)
        warned |= w.english().find("lost letters") != std::string::npos &&
                  w.english().find("KCN Quy?t Th?ng") != std::string::npos;
    EXPECT_TRUE(warned);
    EXPECT_EQ(rows("SELECT name_vi FROM parks ORDER BY fid")[1][0], "KCN Phú Bình");
    // "planned_ar" is the kind's planned_area_ha; "drawn_area" the workspace's drawn_area_ha.
    EXPECT_EQ(rows("SELECT planned_area_ha, drawn_area_ha FROM parks ORDER BY fid")[3],
              (std::vector<std::string>{"320", "100"}));
    EXPECT_EQ(report.dbfNamesRestored.size(), 2u);
}

TEST_F(Import, AVietnameseAliasADbfShortenedIsSaidWithTheCommandThatTakesIt)
{
    // A planner's table says "dien_tich_ha" (an alias of planned_area_ha); the Shapefile keeps
    // "dien_tich_", which might as well have been "dien_tich_km2": kept, and said.
    pa::test::writeBytes(m_dir.file("kcn.geojson"),
                         squares({"\"ten\":\"KCN Phú Bình\",\"dien_tich_ha\":650",
                                  "\"ten\":\"KCN Sông Công\",\"dien_tich_ha\":320"}));
    const auto converted = pa::test::run(
        {"ogr2ogr", "-f", "ESRI Shapefile", m_dir.file("kcn.shp"), m_dir.file("kcn.geojson")});
    ASSERT_EQ(converted.exitCode, 0) << converted.err;
    auto o = options(m_dir.file("kcn.shp"), "industrial_park");
    o.fieldMap = {{"name_vi", "ten"}};
    const auto report = import(o);
    EXPECT_EQ(rows("SELECT planned_area_ha, dien_tich FROM kcn ORDER BY fid"),
              (std::vector<std::vector<std::string>>{{"", "650"}, {"", "320"}}));
    bool said = false;
    for (const auto& w : report.warnings)
        said |= w.english().find("'dien_tich_' may be 'dien_tich_ha' shortened by the DBF") !=
                    std::string::npos &&
                w.english().find("--field planned_area_ha=dien_tich_") != std::string::npos;
    EXPECT_TRUE(said);
    // As the warning says: taken.
    auto again = options(m_dir.file("kcn.shp"), "industrial_park");
    again.fieldMap = {{"name_vi", "ten"}, {"planned_area_ha", "dien_tich_"}};
    again.layerName = "kcn2";
    import(again);
    EXPECT_EQ(rows("SELECT planned_area_ha FROM kcn2 ORDER BY fid"),
              (std::vector<std::vector<std::string>>{{"650"}, {"320"}}));
}

TEST_F(Import, UtfEightThatAToolReadAsLatinOneIsRepaired)
{
    const std::string damaged = mojibake("KCN Điềm Thụy");
    ASSERT_EQ(damaged.find("Điềm"), std::string::npos);
    pa::test::writeBytes(m_dir.file("parks.geojson"),
                         squares({"\"name_vi\":\"" + damaged + "\"", "\"name_vi\":\"KCN Phú Bình\"",
                                  "\"name_vi\":\"Why?\""}));
    const auto report = import(options(m_dir.file("parks.geojson"), "industrial_park"));
    EXPECT_EQ(report.doubleEncoded, 1);
    EXPECT_EQ(report.lostLetters, 0); // a question mark ending a text is no lost letter
    EXPECT_EQ(
        rows("SELECT name_vi FROM parks ORDER BY fid"),
        (std::vector<std::vector<std::string>>{{"KCN Điềm Thụy"}, {"KCN Phú Bình"}, {"Why?"}}));
}

TEST_F(Import, AColumnTakesTheTypeItHasElsewhereInTheWorkspace)
{
    pa::test::writeBytes(m_dir.file("parks.geojson"),
                         squares({"\"name_vi\":\"KCN A\",\"drawn_area_ha\":12.5"}));
    import(options(m_dir.file("parks.geojson"), "industrial_park"));
    // Urban centres drawn as points have no drawn area: every value empty, or written as text.
    pa::test::writeBytes(m_dir.file("towns.geojson"),
                         squares({"\"name_vi\":\"TP Sông Công\",\"drawn_area_ha\":null",
                                  "\"name_vi\":\"TX Phổ Yên\",\"drawn_area_ha\":\"7,25\""}));
    auto o = options(m_dir.file("towns.geojson"), "urban_centre");
    import(o);
    EXPECT_EQ(rows("SELECT type FROM pragma_table_info('towns') WHERE name = 'drawn_area_ha'"),
              (std::vector<std::vector<std::string>>{{"REAL"}}));
    EXPECT_EQ(rows("SELECT drawn_area_ha FROM towns ORDER BY fid")[1][0], "7.25");
}

TEST_F(Import, CsvWithLonLatAndVietnameseNumbers)
{
    auto o = options(pa::test::fixture("urban_centres.csv"), "urban_centre");
    o.sourceCrs = "EPSG:4326";
    const auto report = import(o);
    EXPECT_EQ(report.features, 4);
    EXPECT_EQ(report.geometryType, "Multi Point");
    const auto got =
        rows("SELECT code, name_vi, tier, planned_area_ha FROM urban_centres ORDER BY fid");
    EXPECT_EQ(got[0], (std::vector<std::string>{"DT-0001", "Thành phố Thái Nguyên", "provincial",
                                                "22274.5"}));
    // "9.804" in a column that writes decimals with a comma is nine thousand eight hundred and
    // four.
    EXPECT_EQ(got[1][3], "9804");
    EXPECT_EQ(got[3][3], ""); // empty stays empty
    // The city point lies inside the city's district once both are in EPSG:9213.
    auto d = options(pa::test::sampleData("thai_nguyen/districts_pre2025_geoboundaries.geojson"),
                     "admin_district");
    d.codeField = "shapeID";
    import(d);
    auto ws = Workspace::open(path(), OpenMode::ReadOnly);
    const auto x = std::stod(pa::gis::toString(
        ws.dataset()
            .execute("SELECT ST_X(ST_GeometryN(geom, 1)) FROM urban_centres WHERE fid = 1")
            .rows[0][0]));
    const auto y = std::stod(pa::gis::toString(
        ws.dataset()
            .execute("SELECT ST_Y(ST_GeometryN(geom, 1)) FROM urban_centres WHERE fid = 1")
            .rows[0][0]));
    const auto box = ws.dataset().execute(
        "SELECT ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM "
        "thai_nguyen_districts_pre2025_geoboundaries WHERE name_vi = 'Thành phố Thái Nguyên'");
    ASSERT_EQ(box.rows.size(), 1u);
    EXPECT_GT(x, std::get<double>(box.rows[0][0]));
    EXPECT_LT(x, std::get<double>(box.rows[0][1]));
    EXPECT_GT(y, std::get<double>(box.rows[0][2]));
    EXPECT_LT(y, std::get<double>(box.rows[0][3]));
}

TEST_F(Import, KmlPlacemarks)
{
    const auto report = import(options(pa::test::fixture("places.kml"), "tourism_area"));
    EXPECT_EQ(report.features, 2);
    const auto got = rows("SELECT name_vi FROM " + report.layerName + " ORDER BY fid");
    EXPECT_EQ(got[0][0], "Hồ Núi Cốc");
    EXPECT_EQ(got[1][0], "ATK Định Hóa");
}

TEST_F(Import, OtherFormatsPlannersBring)
{
    struct Case
    {
        const char* file;
        const char* kind;
        const char* srcCrs;
        std::int64_t features;
        const char* driver;
        const char* firstName;
    };
    const Case cases[] = {
        {"places.kmz", "tourism_area", "", 2, "LIBKML", "Hồ Núi Cốc"},
        {"road_line.fgb", "road", "", 1, "FlatGeobuf", "Quốc lộ 3 (đoạn)"},
        {"kcn_tcvn3.zip", "industrial_park", "", 3, "ESRI Shapefile", "Khu công nghiệp Yên Bình"},
        {"zones_wkt_vn2000.csv", "agri_zone", "EPSG:9213", 2, "CSV", "Vùng chè Tân Cương"},
    };
    for (const auto& c : cases) {
        auto o = options(pa::test::fixture(c.file), c.kind);
        o.sourceCrs = c.srcCrs;
        if (std::string(c.file).ends_with(".zip")) {
            o.encoding = pa::text::Encoding::Tcvn3;
            o.fieldMap = {{"name_vi", "TEN_KCN"}};
            o.codeField = "MA_KCN";
        }
        const auto report = import(o);
        EXPECT_EQ(report.features, c.features) << c.file;
        EXPECT_EQ(report.sourceDriver, c.driver) << c.file;
        EXPECT_EQ(rows("SELECT name_vi FROM " + report.layerName + " ORDER BY fid").at(0).at(0),
                  c.firstName)
            << c.file;
    }
    // The WKT squares were drawn in EPSG:9213 as 300 ha and 200 ha: no reprojection, no change.
    EXPECT_NEAR(number("SELECT SUM(ST_Area(geom)) FROM zones_wkt_vn2000") / 1e4, 500.0, 0.01);
    EXPECT_EQ(rows("SELECT product FROM zones_wkt_vn2000 ORDER BY fid")[0][0], "chè");
}

TEST_F(Import, InvalidPolygonsAreRepairedAndCounted)
{
    auto o = options(pa::test::fixture("invalid_polygons.geojson"), "industrial_cluster");
    o.codeField = "code";
    const auto report = import(o);
    EXPECT_EQ(report.features, 3);
    EXPECT_EQ(report.repaired, 2);
    EXPECT_EQ(report.collapsed, 0);
    bool counted = false;
    for (const auto& w : report.warnings)
        counted |= w.english().find("2 invalid geometries were repaired") != std::string::npos;
    EXPECT_TRUE(counted);
    auto ws = Workspace::open(path(), OpenMode::ReadOnly);
    EXPECT_EQ(ws.validate().errorCount(), 0u);
    // The bow-tie keeps both halves: two polygons, as much area as the valid square of side d
    // would have (two triangles of a quarter each make half of the d×d square).
    const double square = layerArea("invalid_polygons", "VALID");
    EXPECT_NEAR(layerArea("invalid_polygons", "BOWTIE") / square, 0.5, 0.01);
    // The self-touching ring's loop (half a d×d square inside its 2d×2d shell) becomes a
    // hole: 4 − 1/2 squares.
    EXPECT_NEAR(layerArea("invalid_polygons", "SELFTOUCH") / square, 3.5, 0.01);
    EXPECT_EQ(
        rows("SELECT ST_NumGeometries(geom) FROM invalid_polygons WHERE code = 'BOWTIE'")[0][0],
        "2");
}

TEST_F(Import, GeoPackageSourceLayerIsChosenExplicitly)
{
    expectRefused(options(pa::test::fixture("two_layers.gpkg"), "industrial_cluster"),
                  ErrorKind::Input, "--source-layer");
    auto o = options(pa::test::fixture("two_layers.gpkg"), "industrial_cluster");
    o.sourceLayer = "ccn";
    const auto report = import(o);
    EXPECT_EQ(report.features, 2);
    EXPECT_EQ(rows("SELECT code FROM ccn ORDER BY fid")[1][0], "CCN-0002");
}

// A file mixing points and polygons, as a planner's list of sites often does: refused with
// the filter that imports each type on its own, which works.
TEST_F(Import, AFileMixingGeometryTypesSaysHowToImportEachOnItsOwn)
{
    pa::test::TempDir scratch;
    const std::string file = scratch.file("sites.geojson");
    pa::test::writeBytes(
        file, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ten":)"
              R"("Khu du lịch Hồ Núi Cốc"},"geometry":{"type":"Polygon","coordinates":[[[105.7,)"
              R"(21.6],[105.72,21.6],[105.72,21.62],[105.7,21.62],[105.7,21.6]]]}},{"type":)"
              R"("Feature","properties":{"ten":"Đền Đuổm"},"geometry":{"type":"Point",)"
              R"("coordinates":[105.8,21.75]}}]})");
    auto o = options(file, "tourism_area");
    o.fieldMap = {{"name_vi", "ten"}};
    expectRefused(o, ErrorKind::Input, "--where \"OGR_GEOMETRY IN ('POINT','MULTIPOINT')\"");
    o.where = "OGR_GEOMETRY IN ('POINT','MULTIPOINT')";
    o.layerName = "sites_point";
    EXPECT_EQ(import(o).features, 1);
    o.where = "OGR_GEOMETRY IN ('POLYGON','MULTIPOLYGON')";
    o.layerName = "sites_polygon";
    EXPECT_EQ(import(o).features, 1);
}

TEST_F(Import, CodesStayUniqueAcrossTheWorkspace)
{
    auto o = options(pa::test::fixture("kcn_tcvn3.shp"), "industrial_park");
    o.codeField = "MA_KCN";
    o.fieldMap = {{"name_vi", "TEN_KCN"}};
    o.encoding = pa::text::Encoding::Tcvn3;
    import(o);
    o.layerName = "kcn_again";
    expectRefused(o, ErrorKind::Input, "already used in the workspace");
    // (The way out, where a unit keeps its official code before and after a merger.)
    expectRefused(o, ErrorKind::Input, "--code-prefix");
    o.codePrefix = "CU-";
    EXPECT_GT(import(o).features, 0);
    // Generated codes continue after the highest one of the kind.
    auto c = options(pa::test::fixture("two_layers.gpkg"), "industrial_cluster");
    c.sourceLayer = "ccn";
    import(c);
    c.layerName = "ccn2";
    import(c);
    EXPECT_EQ(rows("SELECT code FROM ccn2 ORDER BY fid")[0][0], "CCN-0003");
}

TEST_F(Import, BadInputIsRefusedAndTheWorkspaceIsUntouched)
{
    pa::test::TempDir scratch;
    // Empty file.
    pa::test::writeBytes(scratch.file("empty.geojson"), "");
    expectRefused(options(scratch.file("empty.geojson"), "industrial_park"), ErrorKind::Input,
                  "empty.geojson");
    // Missing file.
    expectRefused(options(scratch.file("missing.shp"), "industrial_park"), ErrorKind::Input,
                  "no such file");
    // GeoJSON with a syntax error.
    expectRefused(options(pa::test::fixture("broken.geojson"), "industrial_park"), ErrorKind::Input,
                  "broken.geojson");
    // A truncated GeoPackage (an interrupted download).
    const auto gpkg = pa::test::readBytes(pa::test::fixture("two_layers.gpkg"));
    pa::test::writeBytes(scratch.file("truncated.gpkg"), gpkg.substr(0, gpkg.size() / 3));
    auto truncated = options(scratch.file("truncated.gpkg"), "industrial_cluster");
    truncated.sourceLayer = "ccn";
    expectRefused(truncated, ErrorKind::Input, "truncated.gpkg");
    // No CRS: the shapefile without its .prj.
    auto noCrs = options(copyShapefile(scratch, "noprj", false), "industrial_park");
    noCrs.fieldMap = {{"name_vi", "TEN_KCN"}};
    expectRefused(noCrs, ErrorKind::Input, "--src-crs");
    // Wrong geometry type for the kind.
    expectRefused(options(pa::test::fixture("road_line.geojson"), "industrial_park"),
                  ErrorKind::Input, "line");
    // Unknown kind.
    expectRefused(options(pa::test::fixture("road_line.geojson"), "airport"), ErrorKind::Usage,
                  "airport");
    // A required attribute with no column.
    pa::test::writeBytes(scratch.file("nameless.csv"), "ma,dien_tich,lon,lat\nA1,12,105.8,21.5\n");
    auto nameless = options(scratch.file("nameless.csv"), "industrial_park");
    nameless.sourceCrs = "EPSG:4326";
    expectRefused(nameless, ErrorKind::Input, "--field name_vi=COLUMN");
    // Legacy bytes with no encoding declared (no .cpg), or declared as UTF-8.
    auto raw = options(pa::test::fixture("kcn_tcvn3.shp"), "industrial_park");
    expectRefused(raw, ErrorKind::Input, "--encoding tcvn3");
    raw.encoding = pa::text::Encoding::Utf8;
    expectRefused(raw, ErrorKind::Input, "is not valid UTF-8");
}

TEST_F(Import, CancellationRollsBackEverything)
{
    // 2,000 points: enough for the importer to report progress while writing.
    pa::test::TempDir scratch;
    {
        std::ofstream out(scratch.file("many.csv"));
        out << "name_vi,lon,lat\n";
        for (int i = 0; i < 2000; ++i)
            out << "Điểm " << i << ',' << 105.6 + (i % 50) * 0.01 << ',' << 21.4 + (i / 50) * 0.01
                << '\n';
    }
    auto o = options(scratch.file("many.csv"), "infrastructure");
    o.sourceCrs = "EPSG:4326";
    const auto before = pa::test::readBytes(path());
    std::atomic<bool> cancel{false};
    Progress progress(
        [&](double, std::string_view stage) {
            if (stage == "importing")
                cancel = true; // the user presses Cancel half-way through writing
        },
        &cancel);
    try {
        auto ws = open();
        importLayer(ws, o, progress);
        FAIL() << "not cancelled";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
    }
    EXPECT_EQ(pa::test::readBytes(path()), before);
    // And the same import without cancelling goes through.
    EXPECT_EQ(import(o).features, 2000);
}

TEST_F(Import, WhereFilterAndCodePrefix)
{
    auto o =
        options(pa::test::sampleData("vietnam/vn_transport_network_smallscale.geojson"), "railway");
    o.where = "crosses_thai_nguyen = 1 AND ma = 'HB01'";
    o.layerName = "rail";
    EXPECT_EQ(import(o).features, 2);
    auto bad = o;
    bad.layerName = "rail2";
    bad.where = "no_such_column = 1";
    expectRefused(bad, ErrorKind::Usage, "--where");
    auto p = options(pa::test::sampleData("thai_nguyen/province_2025_derived_odm.geojson"),
                     "admin_province");
    p.codeField = "ma_tinh_2025";
    p.codePrefix = "TINH2025-";
    p.layerName = "province";
    import(p);
    EXPECT_EQ(rows("SELECT code FROM province")[0][0], "TINH2025-19");
    EXPECT_EQ(rows("SELECT unit_code FROM admin_units WHERE layer_name = 'province'")[0][0],
              "TINH2025-19");
}

TEST_F(Import, PriceTableJoinedToDistrictsAndRoads)
{
    auto d = options(pa::test::sampleData("thai_nguyen/districts_pre2025_geoboundaries.geojson"),
                     "admin_district");
    d.codeField = "shapeID";
    d.layerName = "districts";
    import(d);
    // A price list as decisions print it: unit names with their type word, in another case and
    // without diacritics, prices with dot thousands.
    const std::string table = m_dir.file("bang_gia.csv");
    std::ofstream(table) << "ten_don_vi,loai_dat,gia_vt1,nam,quyet_dinh\n"
                            "Huyện Phú Bình,SKC,\"900.000\",2024,QĐ mẫu\n"
                            "thanh pho song cong,SKC,\"1.500.000\",2024,QĐ mẫu\n"
                            "ĐẠI TỪ,SKC,\"600.000\",2024,QĐ mẫu\n";
    auto o = options(table, "land_price");
    o.layerName = "gia_dat";
    o.fieldMap = {
        {"price_vnd_m2", "gia_vt1"}, {"land_use", "loai_dat"}, {"decision_ref", "quyet_dinh"}};
    o.join = ImportOptions::Join{"districts", "name_vi", "ten_don_vi", 0.0};
    const auto report = import(o);
    EXPECT_EQ(report.features, 3);
    EXPECT_EQ(report.joined, 3);
    EXPECT_EQ(number("SELECT price_vnd_m2 FROM gia_dat WHERE land_use = 'SKC' AND year = 2024 "
                     "ORDER BY price_vnd_m2 DESC LIMIT 1"),
              1500000);
    // The joined polygon is the district's: Đại Từ 566.1 km² (SOURCES.md section 7).
    const auto daiTu = rows("SELECT code FROM gia_dat WHERE price_vnd_m2 = 600000");
    ASSERT_EQ(daiTu.size(), 1u);
    EXPECT_NEAR(layerArea("gia_dat", daiTu[0][0]) / 1e6, 566.1, 0.1);

    // A row naming no district: refused, row named, nothing written.
    std::ofstream(m_dir.file("bad.csv"))
        << "ten_don_vi,gia_dat\nPhú Bình,800000\nHuyện Bắc Sơn,700000\n";
    auto bad = options(m_dir.file("bad.csv"), "land_price");
    bad.layerName = "gia2";
    bad.join = ImportOptions::Join{"districts", "name_vi", "ten_don_vi", 0.0};
    expectRefused(bad, ErrorKind::Input, "row 2 (ten_don_vi = 'Huyện Bắc Sơn')");
    // What a bracket adds to a row's unit tells it apart (a stretch of road, a commune of one
    // district): it is not dropped to match the whole unit.
    std::ofstream(m_dir.file("bad_bracket.csv"))
        << "ten_don_vi,gia_dat\nHuyện Phú Bình (đoạn qua thị trấn Hương Sơn),800000\n";
    auto bracket = bad;
    bracket.sourcePath = m_dir.file("bad_bracket.csv");
    expectRefused(bracket, ErrorKind::Input, "row 1");
    bad.join->column = "ten";
    expectRefused(bad, ErrorKind::Input, "no column 'ten'");
    bad.join = ImportOptions::Join{"roads", "name_vi", "ten_don_vi", 0.0};
    expectRefused(bad, ErrorKind::Usage, "no layer 'roads'");

    // Road segments: the price of a street applies to a strip along it.
    std::ofstream(m_dir.file("roads.csv")) << "code,name_vi,wkt\nR1,Đường Cách Mạng Tháng Tám,"
                                              "\"LINESTRING(430000 2390000, 431000 2390000)\"\n";
    auto r = options(m_dir.file("roads.csv"), "road");
    r.layerName = "streets";
    r.sourceCrs = "EPSG:9213";
    import(r);
    std::ofstream(m_dir.file("street_prices.csv"))
        << "ten_duong,gia_dat\nđường cách mạng tháng tám,\"25.000.000\"\n";
    auto s = options(m_dir.file("street_prices.csv"), "land_price");
    s.layerName = "street_price";
    s.join = ImportOptions::Join{"streets", "name_vi", "ten_duong", 20.0};
    EXPECT_EQ(import(s).features, 1);
    // A 1 km segment buffered by 20 m with round caps: 2·20·1000 + π·20².
    EXPECT_NEAR(layerArea("street_price"), 40000 + 3.14159265 * 400, 5);
    EXPECT_EQ(number("SELECT price_vnd_m2 FROM street_price"), 25000000);
    auto unbuffered = s;
    unbuffered.layerName = "street_price2";
    unbuffered.join->bufferM = 0;
    expectRefused(unbuffered, ErrorKind::Input, "line");
}
