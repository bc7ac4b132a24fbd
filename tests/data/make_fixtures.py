#!/usr/bin/python3
"""Builds the small test fixtures in this folder with GDAL's Python bindings.

Run with Debian's interpreter (python3-gdal): /usr/bin/python3 tests/data/make_fixtures.py
The outputs are committed; rerun only to change them. Positions are illustrative test data
(approximate places in Thái Nguyên), not surveyed features.
"""
import json
import os
import shutil

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
HERE = os.path.dirname(os.path.abspath(__file__))


def srs(code):
    s = osr.SpatialReference()
    s.ImportFromEPSG(code)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


WGS84, TN = srs(4326), srs(9213)
to_tn = osr.CoordinateTransformation(WGS84, TN)


def square_tn(lon, lat, area_ha):
    x, y, _ = to_tn.TransformPoint(lon, lat)
    h = (area_ha * 10000.0) ** 0.5 / 2
    ring = [(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h), (x - h, y - h)]
    return 'POLYGON((' + ', '.join(f'{a:.3f} {b:.3f}' for a, b in ring) + '))'


# --- 1. Shapefile in EPSG:9213 whose text columns are TCVN3 (ABC) bytes, no .cpg --------
# The byte strings are written out by hand from the TCVN3 table (ê=AA, ô=AB, ì=D7, ệ=D6, ó=E3,
# Đ=A7, ề=D2, ụ=F4, ạ=B9, â=A9, ự=F9), independently of PlanAtlas's decoder.
parks = [
    ('KCN-YB', b'Khu c\xabng nghi\xd6p Y\xaan B\xd7nh', b'Quy ho\xb9ch', '400', 105.905, 21.445),
    ('KCN-SC2', b'Khu c\xabng nghi\xd6p S\xabng C\xabng II', b'\xa7ang x\xa9y d\xf9ng', '250', 105.835, 21.455),
    ('KCN-DT', b'Khu c\xabng nghi\xd6p \xa7i\xd2m Th\xf4y', b'Hi\xd6n c\xe3', '350', 105.985, 21.475),
]
base = os.path.join(HERE, 'kcn_tcvn3')
for ext in ('.shp', '.shx', '.dbf', '.prj', '.cpg'):
    if os.path.exists(base + ext):
        os.remove(base + ext)
ds = ogr.GetDriverByName('ESRI Shapefile').CreateDataSource(base + '.shp')
# ISO-8859-1 maps every byte to one code point, so the TCVN3 bytes land in the .dbf as they are.
lyr = ds.CreateLayer('kcn_tcvn3', TN, ogr.wkbPolygon, ['ENCODING=ISO-8859-1'])
for name, width in (('MA_KCN', 10), ('TEN_KCN', 60), ('TRANG_THAI', 30), ('DIEN_TICH', 12)):
    f = ogr.FieldDefn(name, ogr.OFTString)
    f.SetWidth(width)
    lyr.CreateField(f)
for code, name, status, area, lon, lat in parks:
    feat = ogr.Feature(lyr.GetLayerDefn())
    feat.SetField('MA_KCN', code)
    feat.SetField('TEN_KCN', name.decode('latin-1'))
    feat.SetField('TRANG_THAI', status.decode('latin-1'))
    feat.SetField('DIEN_TICH', area)
    feat.SetGeometry(ogr.CreateGeometryFromWkt(square_tn(lon, lat, float(area))))
    lyr.CreateFeature(feat)
ds = None
if os.path.exists(base + '.cpg'):
    os.remove(base + '.cpg')  # legacy files come without one

# --- 2. CSV of urban centres with lon/lat (WGS 84), Vietnamese decimal commas in a column --
with open(os.path.join(HERE, 'urban_centres.csv'), 'w', encoding='utf-8') as fh:
    fh.write('ten,tier,lon,lat,dien_tich_ha\n')
    fh.write('Thành phố Thái Nguyên,provincial,105.8442,21.5928,"22.274,5"\n')
    fh.write('Thành phố Sông Công,subregional,105.8413,21.4883,"9.804"\n')
    fh.write('Thành phố Phổ Yên,subregional,105.8736,21.4146,"25.889,6"\n')
    fh.write('Thị trấn Hùng Sơn (Đại Từ),subregional,105.6394,21.6319,\n')

# --- 3. KML with two placemarks named in the plan documents ---------------------------------
kml = ogr.GetDriverByName('KML').CreateDataSource(os.path.join(HERE, 'places.kml'))
lyr = kml.CreateLayer('Địa danh', WGS84, ogr.wkbPoint)
lyr.CreateField(ogr.FieldDefn('Name', ogr.OFTString))
for name, lon, lat in (('Hồ Núi Cốc', 105.655, 21.615), ('ATK Định Hóa', 105.625, 21.905)):
    feat = ogr.Feature(lyr.GetLayerDefn())
    feat.SetField('Name', name)
    feat.SetGeometry(ogr.CreateGeometryFromWkt(f'POINT ({lon} {lat})'))
    lyr.CreateFeature(feat)
kml = None

# --- 4. GeoJSON (WGS 84) with invalid polygons --------------------------------------------
def lonlat_ring(points):
    return [[lon, lat] for lon, lat in points]

x0, y0, d = 105.80, 21.50, 0.01
x1 = x0 + 0.05
invalid = {
    'type': 'FeatureCollection',
    'name': 'invalid_polygons',
    'features': [
        {'type': 'Feature', 'properties': {'code': 'BOWTIE', 'name_vi': 'Nơ (tự cắt)'},
         'geometry': {'type': 'Polygon', 'coordinates': [lonlat_ring(
             [(x0, y0), (x0 + d, y0 + d), (x0 + d, y0), (x0, y0 + d), (x0, y0)])]}},
        {'type': 'Feature', 'properties': {'code': 'SELFTOUCH', 'name_vi': 'Vòng tự chạm'},
         # The shell returns to its first vertex and loops inside itself: an "inverted hole"
         # (invalid in OGC; GEOS makes the loop a hole).
         'geometry': {'type': 'Polygon', 'coordinates': [lonlat_ring(
             [(x1, y0), (x1 + 2 * d, y0), (x1 + 2 * d, y0 + 2 * d), (x1, y0 + 2 * d), (x1, y0),
              (x1 + d, y0 + d / 2), (x1 + d, y0 + d), (x1 + d / 2, y0 + d), (x1, y0)])]}},
        {'type': 'Feature', 'properties': {'code': 'VALID', 'name_vi': 'Hình vuông hợp lệ'},
         'geometry': {'type': 'Polygon', 'coordinates': [lonlat_ring(
             [(x0 + 0.1, y0), (x0 + 0.1 + d, y0), (x0 + 0.1 + d, y0 + d), (x0 + 0.1, y0 + d),
              (x0 + 0.1, y0)])]}},
    ],
}
with open(os.path.join(HERE, 'invalid_polygons.geojson'), 'w', encoding='utf-8') as fh:
    json.dump(invalid, fh, ensure_ascii=False, indent=1)
    fh.write('\n')

# --- 5. A line layer (wrong geometry for polygon kinds) and a GeoJSON with a syntax error --
line = {'type': 'FeatureCollection', 'name': 'road_line', 'features': [
    {'type': 'Feature', 'properties': {'name_vi': 'Quốc lộ 3 (đoạn)'},
     'geometry': {'type': 'LineString', 'coordinates': [[105.82, 21.40], [105.84, 21.55], [105.85, 21.70]]}}]}
with open(os.path.join(HERE, 'road_line.geojson'), 'w', encoding='utf-8') as fh:
    json.dump(line, fh, ensure_ascii=False)
    fh.write('\n')
with open(os.path.join(HERE, 'broken.geojson'), 'w', encoding='utf-8') as fh:
    fh.write('{"type": "FeatureCollection", "features": [ {"type": "Feature", "properties": '
             '{"name_vi": "Khu A"}, "geometry": {"type": "Point", "coordinates": [105.8, 21.5]}\n')

# --- 6. A small GeoPackage with two layers (multi-layer source) ---------------------------
gpkg = os.path.join(HERE, 'two_layers.gpkg')
if os.path.exists(gpkg):
    os.remove(gpkg)
ds = ogr.GetDriverByName('GPKG').CreateDataSource(gpkg)
for lname, wkt_list in (('ccn', [square_tn(105.95, 21.55, 50), square_tn(105.70, 21.70, 75)]),
                        ('cho', [])):
    lyr = ds.CreateLayer(lname, TN, ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn('name_vi', ogr.OFTString))
    for i, wkt in enumerate(wkt_list):
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetField('name_vi', f'Cụm công nghiệp thử {i + 1}')
        feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(feat)
ds = None
# --- 7. The same data in other formats planners bring: KMZ, FlatGeobuf, zipped Shapefile,
#        and a CSV with WKT geometry in VN-2000 ----------------------------------------------
# A KMZ as Google Earth saves it: a zip whose doc.kml holds the placemarks.
import zipfile
with zipfile.ZipFile(os.path.join(HERE, 'places.kmz'), 'w', zipfile.ZIP_DEFLATED) as z:
    z.write(os.path.join(HERE, 'places.kml'), 'doc.kml')
if os.path.exists(os.path.join(HERE, 'road_line.fgb')):
    os.remove(os.path.join(HERE, 'road_line.fgb'))
gdal.VectorTranslate(os.path.join(HERE, 'road_line.fgb'), os.path.join(HERE, 'road_line.geojson'),
                     format='FlatGeobuf')
with zipfile.ZipFile(os.path.join(HERE, 'kcn_tcvn3.zip'), 'w') as z:
    for ext in ('.shp', '.shx', '.dbf', '.prj'):
        z.write(base + ext, 'kcn_tcvn3' + ext)
with open(os.path.join(HERE, 'zones_wkt_vn2000.csv'), 'w', encoding='utf-8') as fh:
    fh.write('name_vi;product;wkt\n')
    fh.write('Vùng chè Tân Cương;chè;"' + square_tn(105.765, 21.565, 300) + '"\n')
    fh.write('Vùng chè La Bằng;chè;"' + square_tn(105.595, 21.715, 200) + '"\n')

print('fixtures written to', HERE)
