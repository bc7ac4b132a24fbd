#pragma once
// A small workspace of hand-computable geometry for the analysis tests: two 100 ha units side
// by side, parks (one crossing the units, one inside another), an agricultural zone with a
// hole, a road across both units, towns (one on the shared boundary), and a task led by Sở
// Công Thương linked to the crossing park. Local coordinates in metres from (X0, Y0), EPSG:9213.

#include "TestSupport.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Importer.h"
#include "planatlas/layers/Workspace.h"

#include <gtest/gtest.h>
#include <sstream>
#include <string>

namespace pa::test {

// Coordinates in EPSG:9213 near TP Thái Nguyên; local offsets in metres.
inline constexpr double X0 = 430000, Y0 = 2380000;

inline std::string square(double x1, double y1, double x2, double y2, const std::string& hole = {})
{
    std::ostringstream out;
    out.precision(12);
    out << "\"POLYGON((" << X0 + x1 << ' ' << Y0 + y1 << ',' << X0 + x2 << ' ' << Y0 + y1 << ','
        << X0 + x2 << ' ' << Y0 + y2 << ',' << X0 + x1 << ' ' << Y0 + y2 << ',' << X0 + x1 << ' '
        << Y0 + y1 << ')' << hole << ")\"";
    return out.str();
}

inline std::string ring(double x1, double y1, double x2, double y2)
{
    std::ostringstream out;
    out.precision(12);
    out << ",(" << X0 + x1 << ' ' << Y0 + y1 << ',' << X0 + x1 << ' ' << Y0 + y2 << ',' << X0 + x2
        << ' ' << Y0 + y2 << ',' << X0 + x2 << ' ' << Y0 + y1 << ',' << X0 + x1 << ' ' << Y0 + y1
        << ')';
    return out.str();
}

inline std::string point(double x, double y)
{
    std::ostringstream out;
    out.precision(12);
    out << "\"POINT(" << X0 + x << ' ' << Y0 + y << ")\"";
    return out.str();
}

inline std::string line(double x1, double y1, double x2, double y2)
{
    std::ostringstream out;
    out.precision(12);
    out << "\"LINESTRING(" << X0 + x1 << ' ' << Y0 + y1 << ',' << X0 + x2 << ' ' << Y0 + y2
        << ")\"";
    return out.str();
}

class AnalysisFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        layers::Workspace::create(path(), {"Thái Nguyên", "EPSG:9213"}).close();
        write("units.csv", "code,name_vi,wkt\nU1,Đơn vị 1," + square(0, 0, 1000, 1000) +
                               "\nU2,Đơn vị 2," + square(1000, 0, 2000, 1000) + "\n");
        write("parks.csv", "code,name_vi,wkt\n"
                           "P1,KCN một," +
                               square(500, 0, 1500, 1000) +
                               "\n" // 50 ha in each unit
                               "P2,KCN hai," +
                               square(100, 100, 300, 300) +
                               "\n" // 4 ha in U1
                               "P3,KCN ba," +
                               square(1200, 200, 1400, 400) + "\n"); // inside P1, in U2
        write("zones.csv", "code,name_vi,wkt\nZ1,Vùng chè," +
                               square(0, 0, 1000, 1000, ring(400, 400, 600, 600)) + "\n");
        write("roads.csv", "code,name_vi,wkt\nR1,Quốc lộ thử," + line(0, 500, 2000, 500) + "\n");
        write("towns.csv", "code,name_vi,wkt\nT1,Thị trấn," + point(1500, 500) + "\nT2,Ranh giới," +
                               point(1000, 500) + "\n");
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        for (auto [file, kind] :
             {std::pair{"units.csv", "admin_district"}, std::pair{"parks.csv", "industrial_park"},
              std::pair{"zones.csv", "agri_zone"}, std::pair{"roads.csv", "road"},
              std::pair{"towns.csv", "urban_centre"}})
            importCsv(ws, file, kind);
        // A task, led by Sở Công Thương, linked to P1.
        auto& ds = ws.dataset();
        ds.execute("INSERT INTO plan_documents (doc_id) VALUES ('d')");
        ds.execute("INSERT INTO plan_tasks (task_id, doc_id, text) VALUES ('d:1#1', 'd', 'Phát "
                   "triển KCN một')");
        ds.execute("INSERT INTO plan_agencies (agency_id, name_vi) VALUES ('so-cong-thuong', 'Sở "
                   "Công Thương')");
        ds.execute("INSERT INTO plan_task_agencies (task_id, agency_id, role) VALUES ('d:1#1', "
                   "'so-cong-thuong', 'lead')");
        ds.execute("INSERT INTO parks_task_links (base_id, related_id) VALUES "
                   "((SELECT fid FROM parks WHERE code = 'P1'), (SELECT fid FROM plan_tasks WHERE "
                   "task_id = 'd:1#1'))");
        ws.close();
    }
    std::string path() const { return m_dir.file("ws.gpkg"); }
    /// An existing expressway 1 km north of the units (along y = 2000 m, x = 0 … 2000 m).
    void addExpressway()
    {
        write("expressway.csv", "code,name_vi,status,wkt\nE1,Cao tốc thử,existing," +
                                    line(0, 2000, 2000, 2000) + "\n");
        auto ws = layers::Workspace::open(path(), gis::OpenMode::Update);
        importCsv(ws, "expressway.csv", "expressway");
    }
    /// Imports a CSV of this folder (code, name_vi, wkt in EPSG:9213) as a layer of @p kind.
    void importCsv(layers::Workspace& ws, const std::string& file, const std::string& kind) const
    {
        layers::ImportOptions o;
        o.sourcePath = m_dir.file(file);
        o.kind = kind;
        o.sourceCrs = "EPSG:9213";
        o.codeField = "code";
        layers::importLayer(ws, o);
    }
    void write(const std::string& name, const std::string& text)
    {
        pa::test::writeBytes(m_dir.file(name), text);
    }
    pa::test::TempDir m_dir;
};

} // namespace pa::test
