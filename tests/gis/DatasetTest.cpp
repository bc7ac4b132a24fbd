// Dataset: GeoPackage writing, transactions and errors through the gis/ wrappers.

#include "planatlas/gis/Dataset.h"

#include "TestSupport.h"
#include "planatlas/gis/Error.h"

#include <gtest/gtest.h>
#include <limits>

using namespace pa::gis;

TEST(Dataset, WritesAndReadsAGeoPackageLayer)
{
    pa::test::TempDir dir;
    const auto crs = Crs::fromEpsg(9213);
    {
        auto ds = Dataset::createGeoPackage(dir.file("t.gpkg"));
        auto layer =
            ds.createLayer("parks", &crs, GeometryFamily::Polygon, true,
                           {{"code", FieldType::String, true, true}, {"area_ha", FieldType::Real}});
        auto f = layer.newFeature();
        f.setValue(0, std::string("KCN-1"));
        f.setValue(1, 12.5);
        auto g = Geometry::fromWkt(
            "POLYGON((430000 2380000,430100 2380000,430100 2380100,430000 2380000))");
        g.promoteToMulti();
        f.setGeometry(std::move(g));
        EXPECT_GT(layer.insert(f), 0);
        ds.close();
    }
    auto ds = Dataset::openVector(dir.file("t.gpkg"), OpenMode::ReadOnly);
    auto layer = ds.layerByName("parks");
    ASSERT_TRUE(layer);
    EXPECT_EQ(layer->featureCount(), 1);
    ASSERT_TRUE(layer->crs());
    EXPECT_EQ(layer->crs()->epsg(), 9213);
    auto f = layer->next();
    ASSERT_TRUE(f);
    EXPECT_EQ(toString(f->value(0)), "KCN-1");
    EXPECT_DOUBLE_EQ(std::get<double>(f->value(1)), 12.5);
    EXPECT_NEAR(f->takeGeometry().area(), 5000.0, 1e-6);
    // Reading only some fields: the others come back null, the geometry still comes.
    layer->setFieldsToRead({"area_ha"});
    layer->resetReading();
    f = layer->next();
    EXPECT_TRUE(std::holds_alternative<std::monostate>(f->value(0)));
    EXPECT_DOUBLE_EQ(std::get<double>(f->value(1)), 12.5);
    EXPECT_FALSE(f->takeGeometry().isEmpty());
    layer->readAllFields();
    layer->resetReading();
    EXPECT_EQ(toString(layer->next()->value(0)), "KCN-1");
    EXPECT_THROW(layer->setFieldsToRead({"no_such_field"}), GisError);
}

TEST(Dataset, RollbackForgetsEverythingDoneInTheTransaction)
{
    pa::test::TempDir dir;
    {
        auto ds = Dataset::createGeoPackage(dir.file("t.gpkg"));
        ds.execute("CREATE TABLE kept (id INTEGER PRIMARY KEY, v TEXT)");
        ds.startTransaction();
        ds.execute("INSERT INTO kept (v) VALUES ('gone')");
        ds.execute("CREATE TABLE dropped (id INTEGER PRIMARY KEY)");
        ds.rollbackTransaction();
        ds.close();
    }
    auto ds = Dataset::openVector(dir.file("t.gpkg"), OpenMode::ReadOnly);
    EXPECT_EQ(toString(ds.execute("SELECT COUNT(*) FROM kept").rows.at(0).at(0)), "0");
    EXPECT_EQ(toString(ds.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'dropped'")
                           .rows.at(0)
                           .at(0)),
              "0");
}

TEST(Dataset, ErrorsCarryGdalsMessage)
{
    pa::test::TempDir dir;
    try {
        Dataset::openVector(dir.file("missing.gpkg"), OpenMode::ReadOnly);
        FAIL() << "opened a missing file";
    } catch (const GisError& e) {
        EXPECT_NE(std::string(e.what()).find("missing.gpkg"), std::string::npos) << e.what();
    }
    auto ds = Dataset::createGeoPackage(dir.file("t.gpkg"));
    try {
        ds.execute("SELECT * FROM no_such_table");
        FAIL() << "bad SQL accepted";
    } catch (const GisError& e) {
        EXPECT_NE(std::string(e.what()).find("no_such_table"), std::string::npos) << e.what();
    }
    EXPECT_THROW(Dataset::createGeoPackage(dir.file("t.gpkg")), GisError); // exists
}

TEST(Dataset, QuotesSqlLiteralsAndIdentifiers)
{
    EXPECT_EQ(sqlLiteral("Nhà máy 'A'"), "'Nhà máy ''A'''");
    EXPECT_EQ(sqlIdentifier("a\"b"), "\"a\"\"b\"");
}

TEST(Dataset, BoundValuesNeverBecomeSql)
{
    pa::test::TempDir dir;
    auto ds = Dataset::createGeoPackage(dir.file("t.gpkg"));
    ds.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, n REAL, k INTEGER)");
    // Quotes, a statement and a NUL inside the value: stored as they are, in the transaction
    // GDAL started (rolled back with it).
    const std::string hostile = std::string("it's'); DROP TABLE t; --\0after", 31);
    ds.startTransaction();
    ds.run("INSERT INTO t (v, n, k) VALUES (?, ?, ?)", {hostile, 1211000.5, std::int64_t{7}});
    ds.run("INSERT INTO t (v, n, k) VALUES (?, ?, ?)", {std::monostate{}, 0.1, std::int64_t{8}});
    ds.commitTransaction();
    const auto rows = ds.run("SELECT v, n, k FROM t WHERE k >= ? ORDER BY k", {std::int64_t{7}});
    ASSERT_EQ(rows.rows.size(), 2u);
    EXPECT_EQ(std::get<std::string>(rows.rows[0][0]), hostile);
    EXPECT_EQ(std::get<double>(rows.rows[0][1]), 1211000.5);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(rows.rows[1][0]));
    ds.startTransaction();
    ds.run("DELETE FROM t WHERE k = ?", {std::int64_t{8}});
    ds.rollbackTransaction();
    EXPECT_EQ(toString(ds.execute("SELECT COUNT(*) FROM t").rows.at(0).at(0)), "2");
    // A count of values that does not match the placeholders is an error, not a guess.
    EXPECT_THROW(ds.run("SELECT ? + ?", {std::int64_t{1}}), GisError);
    EXPECT_THROW(ds.run("SELECT nonsense FROM", {}), GisError);
}

TEST(Dataset, PostgresLiteralsCarryEveryValueExactly)
{
    EXPECT_EQ(bindAsLiterals("INSERT INTO t VALUES (?, ?, ?, ?)",
                             {std::int64_t{-42}, std::string("it's"), FieldValue{}, 0.1}, "t"),
              "INSERT INTO t VALUES (-42, 'it''s', NULL, CAST('0.10000000000000001' AS DOUBLE "
              "PRECISION))");
    // A question mark inside a literal or a quoted name is text, not a placeholder.
    EXPECT_EQ(bindAsLiterals("SELECT '?', \"a?\" FROM t WHERE x = ?", {std::string("Hà Nội")}, "t"),
              "SELECT '?', \"a?\" FROM t WHERE x = 'Hà Nội'");
    EXPECT_EQ(bindAsLiterals("SELECT 'it''s ?' WHERE x = ?", {std::int64_t{1}}, "t"),
              "SELECT 'it''s ?' WHERE x = 1");
    // A backslash stays a backslash whatever standard_conforming_strings holds.
    EXPECT_EQ(bindAsLiterals("SELECT ?", {std::string(R"(C:\dữ liệu\'x')")}, "t"),
              R"(SELECT E'C:\\dữ liệu\\''x''')");
    EXPECT_EQ(bindAsLiterals("SELECT ?", {std::numeric_limits<double>::quiet_NaN()}, "t"),
              "SELECT CAST('NaN' AS DOUBLE PRECISION)");
    // Reals round-trip: the text is the shortest that reads back as the same double or longer.
    const double third = 1.0 / 3.0;
    const auto sql = bindAsLiterals("?", {third}, "t");
    EXPECT_EQ(std::stod(sql.substr(6)), third);
    EXPECT_THROW((void)bindAsLiterals("SELECT ?, ?", {std::int64_t{1}}, "t"), GisError);
    EXPECT_THROW((void)bindAsLiterals("SELECT ?", {std::int64_t{1}, std::int64_t{2}}, "t"),
                 GisError);
    EXPECT_THROW((void)bindAsLiterals("SELECT ?", {std::string("a\0b", 3)}, "t"), GisError);
}

TEST(Dataset, ConnectionStringsAreReadAndShownWithoutTheirPassword)
{
    const std::string pg = "PG:service=planatlas active_schema=thai_nguyen";
    EXPECT_TRUE(isPostgresConnection(pg));
    EXPECT_FALSE(isPostgresConnection("/data/PG:x.gpkg"));
    EXPECT_FALSE(isPostgresConnection("thai_nguyen.gpkg"));
    EXPECT_EQ(connectionKeyword(pg, "active_schema"), "thai_nguyen");
    EXPECT_EQ(connectionKeyword(pg, "service"), "planatlas");
    EXPECT_EQ(connectionKeyword(pg, "host"), "");
    EXPECT_EQ(connectionKeyword("PG:dbname='my db' active_schema = ha_noi", "dbname"), "my db");
    EXPECT_EQ(connectionKeyword("PG:dbname='my db' active_schema = ha_noi", "active_schema"),
              "ha_noi");
    EXPECT_EQ(withoutConnectionKeyword(pg, "active_schema"), "PG:service=planatlas ");
    EXPECT_EQ(displayName("PG:host=db password='s3 cret' dbname=x"),
              "PG:host=db password=*** dbname=x");
    EXPECT_EQ(displayName("thai_nguyen.gpkg"), "thai_nguyen.gpkg");
    try {
        (void)Dataset::openPostgres("PG:service=x password=hunter2", OpenMode::ReadOnly);
        FAIL() << "a password in the connection string was accepted";
    } catch (const GisError& e) {
        EXPECT_NE(std::string(e.what()).find("pgpass"), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos) << e.what();
    }
}

TEST(Dataset, APasswordInAConnectionUriIsRefusedAndHidden)
{
    EXPECT_EQ(displayName("PG:postgresql://planner:hunter2@db.sxd.gov.vn/planatlas"),
              "PG:postgresql://planner:***@db.sxd.gov.vn/planatlas");
    EXPECT_EQ(displayName("PG:postgresql://planner@db/planatlas"),
              "PG:postgresql://planner@db/planatlas");
    EXPECT_THROW((void)Dataset::openPostgres("PG:postgresql://planner:hunter2@localhost:1/x",
                                             OpenMode::ReadOnly),
                 GisError);
}
