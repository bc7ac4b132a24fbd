// The QGIS styles and project PlanAtlas writes into a workspace: well-formed, drawn from the same
// description of each kind as PlanAtlas's maps, rewritten in place, and respectful of what a
// person saved. (tests/qgis/open_in_qgis.py opens them in QGIS itself.)

#include "planatlas/render/Qgis.h"

#include "../../layers/render/src/Style_p.h"
#include "TestSupport.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Workspace.h"

#include <QXmlStreamReader>
#include <filesystem>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
using pa::layers::RegisteredLayer;

/// "" when @p text is well-formed XML, else the parser's complaint and where.
std::string xmlProblem(const std::string& text)
{
    QXmlStreamReader reader(QByteArray::fromStdString(text));
    while (!reader.atEnd())
        reader.readNext();
    if (!reader.hasError())
        return {};
    return reader.errorString().toStdString() + " at line " + std::to_string(reader.lineNumber()) +
           ", column " + std::to_string(reader.columnNumber());
}

RegisteredLayer layer(std::string kind, std::string geometry)
{
    RegisteredLayer l;
    l.name = "test_" + kind;
    l.kind = std::move(kind);
    l.titleVi = "Lớp thử";
    l.titleEn = "Test layer";
    l.geometryType = std::move(geometry);
    return l;
}

std::string rgba(const QColor& c)
{
    return std::to_string(c.red()) + "," + std::to_string(c.green()) + "," +
           std::to_string(c.blue()) + "," + std::to_string(c.alpha());
}

std::int64_t scalar(pa::layers::Workspace& ws, const std::string& sql)
{
    const auto r = ws.dataset().execute(sql);
    return r.rows.empty() || r.rows[0].empty() ? -1 : std::stoll(pa::gis::toString(r.rows[0][0]));
}

TEST(QgisStyle, EveryKindAndGeometryIsWellFormedQmlAndSld)
{
    const std::pair<pa::gis::GeometryFamily, const char*> geometries[] = {
        {pa::gis::GeometryFamily::Point, "Multi Point"},
        {pa::gis::GeometryFamily::Line, "Multi Line String"},
        {pa::gis::GeometryFamily::Polygon, "Multi Polygon"},
    };
    for (const auto& kind : pa::layers::layerKinds())
        for (const auto& [family, name] : geometries) {
            if (!kind.accepts(family))
                continue;
            const auto l = layer(std::string(kind.id), name);
            for (const std::string lang : {"vi", "en"}) {
                const std::string qml = pa::render::qmlStyle(l, lang);
                const std::string sld = pa::render::sldStyle(l, lang);
                EXPECT_EQ(xmlProblem(qml), "") << kind.id << " " << name << " QML";
                EXPECT_EQ(xmlProblem(sld), "") << kind.id << " " << name << " SLD";
                EXPECT_NE(qml.find("RuleRenderer"), std::string::npos) << kind.id;
                EXPECT_NE(sld.find("<se:Rule>"), std::string::npos) << kind.id;
            }
        }
}

TEST(QgisStyle, SameColoursAsPlanAtlasMaps)
{
    // What the map renderer paints is what QGIS is told to paint, for existing and planned.
    const pa::render::Units u;
    const std::string qml = pa::render::qmlStyle(layer("industrial_park", "Multi Polygon"), "vi");
    const auto existing = pa::render::symbolFor("industrial_park", "existing", "", false, false, u);
    const auto planned = pa::render::symbolFor("industrial_park", "planned", "", false, false, u);
    EXPECT_NE(qml.find("value=\"" + rgba(existing.brush.color()) + "\""), std::string::npos);
    EXPECT_NE(qml.find("value=\"" + rgba(planned.brush.color()) + "\""), std::string::npos);
    EXPECT_NE(qml.find("value=\"" + rgba(planned.hatch.color()) + "\""), std::string::npos);
    EXPECT_NE(qml.find("b_diagonal"), std::string::npos) << "planned parks are hatched";
    EXPECT_NE(qml.find("Khu công nghiệp (quy hoạch, dự kiến)"), std::string::npos);
    EXPECT_NE(qml.find("'indicative' THEN 'dot'"), std::string::npos)
        << "indicative outlines dotted, as on PlanAtlas maps";

    const std::string road = pa::render::qmlStyle(layer("expressway", "Multi Line String"), "en");
    const auto line = pa::render::symbolFor("expressway", "existing", "", false, false, u);
    EXPECT_NE(road.find("value=\"" + rgba(line.pen.color()) + "\""), std::string::npos);
    EXPECT_NE(road.find("value=\"" + rgba(line.casing.color()) + "\""), std::string::npos)
        << "the white casing under the red line";
    EXPECT_NE(road.find("Expressway (planned)"), std::string::npos);
    EXPECT_NE(road.find("placement=\"3\""), std::string::npos)
        << "names written along the expressway";

    // Urban centres: the marker's size by tier, as the map draws it.
    const std::string town = pa::render::qmlStyle(layer("urban_centre", "Multi Point"), "vi");
    const auto city =
        pa::render::symbolFor("urban_centre", "existing", "provincial", false, false, u);
    char size[32];
    std::snprintf(size, sizeof size, "'provincial' THEN %g", city.markMm);
    EXPECT_NE(town.find(size), std::string::npos) << town.substr(0, 400);
}

class QgisProject : public ::testing::Test
{
protected:
    void SetUp() override
    {
        PLANATLAS_NEEDS_SAMPLE();
        m_path = (m_dir.path() / "thai_nguyen.gpkg").string();
        fs::copy_file(pa::test::sampleWorkspace(), m_path);
    }
    pa::test::TempDir m_dir;
    std::string m_path;
};

TEST_F(QgisProject, SampleCarriesStylesAndProjectRewrittenInPlace)
{
    auto ws = pa::layers::Workspace::open(m_path, pa::gis::OpenMode::Update);
    const auto layers = ws.layers();
    ASSERT_FALSE(layers.empty());
    // The sample recipe left a style per layer and the project.
    EXPECT_EQ(scalar(ws, "SELECT COUNT(*) FROM layer_styles WHERE styleName = 'PlanAtlas' AND "
                         "useAsDefault = 1"),
              static_cast<std::int64_t>(layers.size()));
    EXPECT_EQ(scalar(ws, "SELECT COUNT(*) FROM qgis_projects WHERE name = 'planatlas'"), 1);

    // A style a planner saved in QGIS for the parks stays; PlanAtlas's is the default again.
    ws.dataset().execute("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                         "f_geometry_column, styleName, styleQML, useAsDefault) VALUES ('', '', "
                         "'industrial_parks', 'geom', 'mine', '<qgis/>', 1)");
    const auto idBefore = scalar(ws, "SELECT id + 0 FROM layer_styles WHERE f_table_name = "
                                     "'industrial_parks' AND styleName = 'PlanAtlas'");
    const auto written = pa::render::writeQgis(ws);
    EXPECT_EQ(written.styles, static_cast<int>(layers.size()));
    std::int64_t links = 0;
    for (const auto& l : layers)
        links += l.linkTable.empty() ? 0 : 1;
    EXPECT_EQ(written.relations, 2 * links + 3) << "feature → links → task per layer, and the "
                                                   "task, agency and document relations";
    EXPECT_GE(written.layouts, 2);
    EXPECT_EQ(scalar(ws, "SELECT id + 0 FROM layer_styles WHERE f_table_name = 'industrial_parks' "
                         "AND styleName = 'PlanAtlas'"),
              idBefore)
        << "rewritten in place";
    EXPECT_EQ(scalar(ws, "SELECT useAsDefault FROM layer_styles WHERE styleName = 'mine'"), 0);
    EXPECT_EQ(scalar(ws, "SELECT COUNT(*) FROM layer_styles"),
              static_cast<std::int64_t>(layers.size()) + 1);

    const std::string project = pa::render::qgisProject(ws, "vi");
    EXPECT_EQ(xmlProblem(project), "");
    EXPECT_NE(project.find("./thai_nguyen.gpkg|layername=industrial_parks"), std::string::npos);
    EXPECT_NE(project.find("<Atlas enabled=\"1\""), std::string::npos);
    EXPECT_NE(project.find("Nguồn dữ liệu"), std::string::npos);
    // Link tables are in the project (the relations need them) but not in the layer tree.
    const auto tree = project.substr(0, project.find("</layer-tree-group>\n") == std::string::npos
                                            ? project.find("<relations>")
                                            : project.find("</layer-tree-group>\n"));
    EXPECT_EQ(tree.find("_task_links"), std::string::npos);
    EXPECT_NE(project.find("<Private>1</Private>"), std::string::npos);
}

TEST_F(QgisProject, LandPriceLayersAreStyledInTheMapsPriceClasses)
{
    // The sample's illustrative land prices: QGIS draws them in the classes and colours the
    // land-price map draws them in (a rule per class on the price, the dearest dark red, and a
    // rule for plots without a price); other kinds keep their own look.
    auto ws = pa::layers::Workspace::open(m_path, pa::gis::OpenMode::Update);
    (void)pa::render::writeQgis(ws);
    auto text = [&](const std::string& column, const std::string& table) {
        const auto rows = ws.dataset()
                              .execute("SELECT " + column +
                                       " FROM layer_styles WHERE "
                                       "styleName = 'PlanAtlas' AND f_table_name = '" +
                                       table + "'")
                              .rows;
        return rows.empty() ? std::string() : pa::gis::toString(rows[0][0]);
    };
    const std::string qml = text("styleQML", "land_price_illustrative"),
                      sld = text("styleSLD", "land_price_illustrative");
    ASSERT_FALSE(qml.empty());
    EXPECT_EQ(xmlProblem(qml), "");
    EXPECT_EQ(xmlProblem(sld), "");
    auto count = [](const std::string& haystack, const std::string& needle) {
        std::size_t n = 0;
        for (auto at = haystack.find(needle); at != std::string::npos;
             at = haystack.find(needle, at + 1))
            ++n;
        return n;
    };
    // Nine plots of eight prices: five classes, the first up to a price, the last above one.
    EXPECT_EQ(count(qml, "filter=\"&quot;price_vnd_m2&quot; &lt;= "), 1u);
    EXPECT_EQ(count(qml, "filter=\"&quot;price_vnd_m2&quot; &gt; "), 4u);
    EXPECT_EQ(count(qml, "&quot;price_vnd_m2&quot; IS NULL"), 1u);
    EXPECT_NE(qml.find("179,0,0,255"), std::string::npos) << "the dearest class, #b30000";
    EXPECT_NE(qml.find("@map_scale"), std::string::npos) << "outlines only on parcels large enough";
    EXPECT_NE(qml.find("đ/m²"), std::string::npos) << "classes labelled as the map's legend";
    EXPECT_EQ(count(sld, "<ogc:PropertyIsGreaterThan>"), 4u);
    EXPECT_EQ(count(sld, "<ogc:PropertyIsLessThanOrEqualTo>"), 4u);
    EXPECT_EQ(count(sld, "<ogc:PropertyIsNull>"), 1u);
    const std::string parks = text("styleQML", "industrial_parks");
    EXPECT_EQ(parks.find("price_vnd_m2"), std::string::npos);
}

TEST_F(QgisProject, LanguageIsRememberedForImports)
{
    auto ws = pa::layers::Workspace::open(m_path, pa::gis::OpenMode::Update);
    pa::render::writeQgis(ws, "en");
    pa::render::writeQgis(ws); // as an import does: the language chosen last
    const auto qml = ws.dataset().execute(
        "SELECT styleQML FROM layer_styles WHERE f_table_name = 'industrial_parks' AND "
        "styleName = 'PlanAtlas'");
    ASSERT_EQ(qml.rows.size(), 1u);
    EXPECT_NE(pa::gis::toString(qml.rows[0][0]).find("Industrial park (existing)"),
              std::string::npos);
}

} // namespace
