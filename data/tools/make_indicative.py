#!/usr/bin/python3
"""Draw the indicative programme geometry of a sample workspace from reviewable CSV tables.

Reads, in one programme folder:
  features.csv  polygons (a chamfered rectangle of `drawn_ha` hectares, `aspect` = width/height,
                rotated `rotation_deg` anticlockwise, centred on lon/lat) or points (no drawn_ha);
  shapes.csv    features drawn otherwise: `ring` (lon lat; ...) or `districts` (a union of units);
  routes.csv    lines through waypoints (lon lat; ...), clipped to the province named in `clip`.
Shapes are built in the province's VN-2000 TM-3 CRS so that a 400 ha park is 400 ha there, then
clipped to the province and written as WGS 84 GeoJSON, one file per layer, every feature with
geometry_quality = indicative.

Checks (exit 1 on failure): every anchor lies in the district(s) it names (and 97 % of every
park's polygon), every feature in
its province, no two polygons of one layer overlap, no park overlaps another industrial layer.

usage: make_indicative.py CONFIG.json [--check]   (--check: compare with the files on disk)
"""
import csv
import json
import math
import os
import sys

from osgeo import ogr, osr

ogr.UseExceptions()
osr.UseExceptions()

INDUSTRIAL = {"industrial_park", "industrial_cluster", "hitech_zone", "economic_zone"}


def load_polygons(path, name_field):
    ds = ogr.Open(path)
    layer = ds.GetLayer()
    out = {}
    for f in layer:
        out[f.GetField(name_field)] = f.GetGeometryRef().Clone()
    return out


def short_name(full):
    for prefix in ("Thành phố ", "Thị xã ", "Huyện "):
        if full.startswith(prefix):
            return full[len(prefix):]
    return full


def split_list(text):
    return [p.strip() for p in text.split(";") if p.strip()]


def parse_points(text):
    pts = []
    for pair in split_list(text):
        lon, lat = pair.split()
        pts.append((float(lon), float(lat)))
    return pts


def chamfered_rectangle(cx, cy, area_m2, aspect, rotation_deg):
    # width w = aspect * h, corners cut by c = 0.2 h: area = w h - 2 c^2 = h^2 (aspect - 0.08)
    h = math.sqrt(area_m2 / (aspect - 0.08))
    w = aspect * h
    c = 0.2 * h
    x0, x1, y0, y1 = -w / 2, w / 2, -h / 2, h / 2
    ring = [(x0 + c, y0), (x1 - c, y0), (x1, y0 + c), (x1, y1 - c), (x1 - c, y1), (x0 + c, y1), (x0, y1 - c),
            (x0, y0 + c)]
    a = math.radians(rotation_deg)
    pts = [(cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a)) for x, y in ring]
    pts.append(pts[0])
    return ogr.CreateGeometryFromWkt("POLYGON((" + ", ".join(f"{x} {y}" for x, y in pts) + "))")


def rounded(geometry):
    """GeoJSON coordinates of @p geometry (WGS 84) rounded to 6 decimals (~0.1 m)."""
    def r(coords):
        if isinstance(coords[0], (int, float)):
            return [round(coords[0], 6), round(coords[1], 6)]
        return [r(c) for c in coords]
    g = json.loads(geometry.ExportToJson())
    return {"type": g["type"], "coordinates": r(g["coordinates"])}


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    config_path = sys.argv[1]
    check = "--check" in sys.argv[2:]
    base = os.path.dirname(os.path.abspath(config_path))
    config = json.load(open(config_path, encoding="utf-8"))

    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    metric = osr.SpatialReference()
    metric.ImportFromEPSG(config["crs_epsg"])
    for s in (wgs84, metric):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_metric = osr.CoordinateTransformation(wgs84, metric)
    to_wgs84 = osr.CoordinateTransformation(metric, wgs84)

    def metric_geom(g):
        g = g.Clone()
        g.Transform(to_metric)
        return g

    provinces = {}
    for key, spec in config["provinces"].items():
        polys = load_polygons(os.path.join(base, spec["file"]), spec["name_field"])
        provinces[key] = metric_geom(next(iter(polys.values())))
    districts = {short_name(k): metric_geom(v)
                 for k, v in load_polygons(os.path.join(base, config["districts"]["file"]),
                                           config["districts"]["name_field"]).items()}
    default_province = config["default_province"]

    def read_csv(name):
        path = os.path.join(base, config["programme_dir"], name)
        if not os.path.exists(path):
            return []
        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    shapes = {row["code"]: row for row in read_csv("shapes.csv")}
    errors = []
    layers = {}  # layer -> list of (code, kind, geometry in metric CRS, properties)

    def district_union(names, where):
        union = None
        for n in names:
            if n not in districts:
                errors.append(f"{where}: unknown district '{n}'")
                continue
            union = districts[n].Clone() if union is None else union.Union(districts[n])
        return union

    def common(row):
        props = {"code": row["code"], "name_vi": row["name_vi"], "name_en": row["name_en"],
                 "status": row["status"]}
        return props

    for n, row in enumerate(read_csv("features.csv"), start=2):
        where = f"features.csv line {n} ({row['code']})"
        props = common(row)
        props["planned_area_ha"] = float(row["planned_area_ha"]) if row["planned_area_ha"] else None
        props["period"] = row["period"] or None
        for key in ("product", "product_class", "tier", "urban_class"):
            if row.get(key):
                props[key] = row[key]
        props["district"] = row["district"] or None
        props["commune"] = row["commune"] or None
        admin = row["kind"].startswith("admin_")
        if admin:  # a unit derived from the district layer: its validity, not programme attributes
            props = {"code": row["code"], "name_vi": row["name_vi"], "name_en": row["name_en"],
                     "valid_from": row.get("valid_from") or None, "valid_to": row.get("valid_to") or None,
                     "source": row["source"]}
        if row["code"] in shapes:
            shape = shapes[row["code"]]
            if shape["method"] == "ring":
                pts = parse_points(shape["value"])
                g = ogr.CreateGeometryFromWkt("POLYGON((" + ", ".join(f"{x} {y}" for x, y in pts) + "))")
                g = metric_geom(g)
            elif shape["method"] == "districts":
                g = district_union(split_list(shape["value"]), where)
            else:
                errors.append(f"shapes.csv ({row['code']}): unknown method '{shape['method']}'")
                continue
        elif row["lon"] and row["lat"]:
            anchor = ogr.CreateGeometryFromWkt(f"POINT({row['lon']} {row['lat']})")
            anchor = metric_geom(anchor)
            names = split_list(row["district"])
            area = district_union(names, where)
            if area is not None and not area.Contains(anchor):
                errors.append(f"{where}: anchor {row['lon']} {row['lat']} is not in {row['district']}")
            if row["drawn_ha"]:
                g = chamfered_rectangle(anchor.GetX(), anchor.GetY(), float(row["drawn_ha"]) * 1e4,
                                        float(row["aspect"] or 1), float(row["rotation_deg"] or 0))
                if area is not None and row["kind"] in INDUSTRIAL:
                    share = g.Intersection(area).GetArea() / g.GetArea()
                    if share < 0.97:
                        errors.append(f"{where}: only {100 * share:.0f} % of the polygon lies in {row['district']}")
            else:
                g = anchor
        else:
            errors.append(f"{where}: no lon/lat and no entry in shapes.csv")
            continue
        province = provinces[default_province]
        if admin:
            pass  # units keep their own boundary
        elif g.GetGeometryType() != ogr.wkbPoint:
            clipped = g.Intersection(province)
            if clipped.GetArea() < 0.999 * g.GetArea() and row["code"] not in shapes:
                errors.append(f"{where}: {100 * (1 - clipped.GetArea() / g.GetArea()):.1f} % of the polygon "
                              f"lies outside the province; move it")
            g = clipped
        elif not province.Contains(g):
            errors.append(f"{where}: point outside the province")
        if not admin:
            props["source"] = row["source"]
            props["drawn_area_ha"] = round(g.GetArea() / 1e4, 2) if g.GetDimension() == 2 else None
        layers.setdefault(row["layer"], []).append((row["code"], row["kind"], g, props))

    for n, row in enumerate(read_csv("routes.csv"), start=2):
        where = f"routes.csv line {n} ({row['code']})"
        props = common(row)
        props["route_code"] = row["route_code"] or None
        props["planned_length_km"] = float(row["planned_length_km"]) if row["planned_length_km"] else None
        props["period"] = row["period"] or None
        props["source"] = row["source"]
        pts = parse_points(row["waypoints"])
        g = metric_geom(ogr.CreateGeometryFromWkt("LINESTRING(" + ", ".join(f"{x} {y}" for x, y in pts) + ")"))
        clip = row["clip"] or default_province
        if clip not in provinces:
            errors.append(f"{where}: unknown province '{clip}'")
            continue
        g = g.Intersection(provinces[clip])
        if g.IsEmpty():
            errors.append(f"{where}: the line does not cross the province")
            continue
        props["drawn_length_km"] = round(g.Length() / 1e3, 2)
        layers.setdefault(row["layer"], []).append((row["code"], row["kind"], g, props))

    # No overlaps within a layer, and none between industrial layers.
    flat = [(layer, code, kind, g) for layer, items in layers.items() for code, kind, g, _ in items
            if g.GetDimension() == 2]
    for i in range(len(flat)):
        for j in range(i + 1, len(flat)):
            a, b = flat[i], flat[j]
            same_layer = a[0] == b[0] and a[0] != "regions"
            industrial = a[2] in INDUSTRIAL and b[2] in INDUSTRIAL
            if (same_layer or industrial) and a[3].Intersection(b[3]).GetArea() > 1.0:
                errors.append(f"{a[1]} and {b[1]} overlap by {a[3].Intersection(b[3]).GetArea() / 1e4:.1f} ha")

    if errors:
        for e in errors:
            print("make_indicative: " + e, file=sys.stderr)
        return 1

    stale = []
    for layer, items in sorted(layers.items()):
        features = []
        for code, kind, g, props in sorted(items, key=lambda t: t[0]):
            g = g.Clone()
            g.Transform(to_wgs84)
            props = dict(props)
            props["geometry_quality"] = "digitized" if kind.startswith("admin_") else "indicative"
            features.append({"type": "Feature", "properties": props, "geometry": rounded(g)})
        doc = {"type": "FeatureCollection", "name": layer,
               "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
               "features": features}
        text = "{\n\"type\": \"FeatureCollection\",\n\"name\": " + json.dumps(layer) + ",\n\"crs\": " + \
            json.dumps(doc["crs"]) + ",\n\"features\": [\n" + \
            ",\n".join(json.dumps(f, ensure_ascii=False) for f in features) + "\n]\n}\n"
        path = os.path.join(base, config["programme_dir"], layer + ".geojson")
        if check:
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if old != text:
                stale.append(path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"{path}: {len(features)} features")
    if stale:
        for p in stale:
            print(f"make_indicative: {p} differs from the tables; rerun without --check", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
