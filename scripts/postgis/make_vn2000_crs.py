#!/usr/bin/python3
"""Writes vn2000_spatial_ref_sys.sql: the VN-2000 CRSs of the EPSG dataset that PostGIS 3.3's
spatial_ref_sys lacks (the provincial TM-3 zones EPSG:9205-9218, added to EPSG in 2022), as
PostGIS stores them (WKT 1 as GDAL exports it for PostGIS, and a PROJ string), taken from the
PROJ database this machine has. CRS definitions: EPSG Geodetic Parameter Dataset (IOGP).

usage: make_vn2000_crs.py > vn2000_spatial_ref_sys.sql"""
import sqlite3

from osgeo import osr

PROJ_DB = "/usr/share/proj/proj.db"


def main():
    con = sqlite3.connect(f"file:{PROJ_DB}?mode=ro", uri=True)
    codes = [int(c) for (c,) in con.execute(
        "SELECT code FROM projected_crs WHERE auth_name = 'EPSG' AND name LIKE 'VN-2000 / TM-3 1%' "
        "AND deprecated = 0 ORDER BY CAST(code AS INTEGER)")]
    print("-- The VN-2000 CRSs of the EPSG dataset missing from PostGIS 3.3's spatial_ref_sys.")
    print("-- Written by make_vn2000_crs.py from PROJ's database; source: EPSG Geodetic Parameter")
    print("-- Dataset (IOGP). A superuser (or the owner of spatial_ref_sys) runs it once per database:")
    print("--   psql -d DATABASE -f scripts/postgis/vn2000_spatial_ref_sys.sql")
    print("BEGIN;")
    for code in codes:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(code)
        wkt = srs.ExportToWkt(["FORMAT=WKT1_GDAL"])
        proj4 = srs.ExportToProj4()
        q = lambda s: "'" + s.replace("'", "''") + "'"
        print(f"INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) VALUES "
              f"({code}, 'EPSG', {code}, {q(wkt)}, {q(proj4)}) ON CONFLICT (srid) DO NOTHING;")
    print("COMMIT;")


if __name__ == "__main__":
    main()
