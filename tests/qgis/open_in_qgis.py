#!/usr/bin/python3
"""Opens a PlanAtlas workspace the way a planner does in QGIS (Debian's QGIS, headless) and checks
what they should see: the project stored in the workspace loads, every layer is valid, the
default styles carry PlanAtlas's colours, the feature → task relations work (a park's tasks with
their lead agencies), the map themes exist and the print layout exports a PDF with the title and
the sources.

usage: open_in_qgis.py WS OUTDIR [--park NAME --tasks N]
WS is a GeoPackage, or a workspace in a PostgreSQL schema ("PG:service=S active_schema=X"): its
project is then opened from the schema (postgresql://?service=S&schema=X&project=planatlas),
as whichever role libpq's files name for the service, and its layers are read from the schema
through QGIS's PostgreSQL provider.
Exit 0 when every check holds; otherwise the failed checks are printed and the exit code is 1.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

from qgis.core import (QgsApplication, QgsDataSourceUri, QgsExpression,  # noqa: E402
                       QgsFeatureRequest, QgsLayoutExporter, QgsProject, QgsRenderContext,
                       QgsVectorLayer)
from osgeo import ogr  # noqa: E402

failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)
    return condition


def table_of(layer):
    """The workspace table a QGIS layer reads, whichever provider reads it."""
    if layer.providerType() == "postgres":
        return QgsDataSourceUri(layer.source()).table()
    return layer.source().split("layername=")[-1]


class Workspace:
    """The workspace's own tables, read through GDAL (a GeoPackage or a schema alike)."""

    def __init__(self, name):
        self.name = name
        self.ds = ogr.Open(name)
        if self.ds is None:
            raise SystemExit("cannot open %s" % name)

    def rows(self, sql):
        result = self.ds.ExecuteSQL(sql)
        out = [[f.GetField(i) for i in range(f.GetFieldCount())] for f in result]
        self.ds.ReleaseResultSet(result)
        return out

    def value(self, sql):
        return self.rows(sql)[0][0]


def keyword(connection, key):
    found = re.search(r"(?:^PG:|\s)%s=(\S+)" % key, connection)
    return found.group(1) if found else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workspace")
    ap.add_argument("outdir")
    ap.add_argument("--park", help="an industrial park's name_vi whose tasks are counted")
    ap.add_argument("--tasks", type=int, help="how many tasks that park is linked to")
    ap.add_argument("--colour", default="#b07cc6", help="fill of an industrial park")
    ap.add_argument("--database-styles", action="store_true",
                    help="a schema: a layer added alone takes PlanAtlas's default style from the "
                    "database's public.layer_styles")
    ap.add_argument("--project", help="the project's URI as PlanAtlas printed it (a schema; "
                    "default: made from the service and schema of WS)")
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    in_schema = args.workspace.startswith("PG:")
    if not in_schema:
        # QGIS works on a copy under the same file name (the project reads "./<file name>"), so
        # that the workspace itself is left as it was.
        copy = os.path.join(args.outdir, os.path.basename(args.workspace))
        shutil.copyfile(args.workspace, copy)
        args.workspace = copy

    app = QgsApplication([], False)
    app.initQgis()

    db = Workspace(args.workspace)
    registered = [r[0] for r in db.rows("SELECT layer_name FROM pa_layers")]
    links = {r[0]: r[1] for r in db.rows("SELECT layer_name, link_table FROM pa_layers")}
    crs = db.value("SELECT value FROM pa_metadata WHERE key = 'analysis_crs'")
    province = db.value("SELECT value FROM pa_metadata WHERE key = 'province'")

    # 1. Default styles: a layer added on its own gets PlanAtlas's symbol (from a GeoPackage;
    # from a schema, where the database has QGIS's table public.layer_styles, which QGIS reads
    # for a PostgreSQL layer's default style: --database-styles).
    if in_schema and args.database_styles:
        source = QgsDataSourceUri()
        source.setConnection(keyword(args.workspace, "service"), "", "", "")
        source.setDataSource(keyword(args.workspace, "active_schema"), "industrial_parks",
                             db.ds.GetLayerByName("industrial_parks").GetGeometryColumn())
        source.setKeyColumn("fid")
        parks = QgsVectorLayer(source.uri(False), "kcn", "postgres")
        check(parks.isValid(), "industrial_parks opens alone from the schema")
    elif in_schema:
        parks = None
    else:
        parks = QgsVectorLayer(args.workspace + "|layername=industrial_parks", "kcn", "ogr")
        check(parks.isValid(), "industrial_parks opens as a layer")
    if parks is not None:
        default_styles(parks, args, db)

    # 2. The project inside the workspace.
    if in_schema:
        query = [("service", keyword(args.workspace, "service")),
                 ("schema", keyword(args.workspace, "active_schema")), ("project", "planatlas")]
        uri = args.project or "postgresql://?" + urllib.parse.urlencode(
            query, quote_via=urllib.parse.quote)
    else:
        uri = "geopackage:%s?projectName=planatlas" % os.path.abspath(args.workspace)
    project = QgsProject.instance()
    check(project.read(uri), "the project 'planatlas' opens from %s" % uri)
    layers = project.mapLayers().values()
    invalid = [l.name() for l in layers if not l.isValid()]
    check(not invalid, "every layer of the project is valid (invalid: %s)" % invalid)
    if in_schema:
        providers = {l.providerType() for l in layers}
        check(providers == {"postgres"}, "every layer is read from the schema by QGIS's "
              "PostgreSQL provider (%s)" % sorted(providers))
        named = [l.name() for l in layers if re.search(r"\b(user|password)=", l.source())]
        check(not named, "no layer names a role or a password (%s)" % named)
        parks = [l for l in layers if table_of(l) == "industrial_parks"][0].clone()
        default_styles(parks, args, db)
    check_project(project, layers, registered, links, crs, province, args, db)
    price_classes(layers, db)
    print("%d checks failed" % len(failures) if failures else "all checks passed")
    sys.stdout.flush()
    return 1 if failures else 0


def default_styles(parks, args, db):
    """The park layer's style: PlanAtlas's colours, words for columns and codes, the SLD twin."""
    renderer = parks.renderer()
    check(renderer is not None and renderer.type() == "RuleRenderer",
          "industrial_parks has the default rule-based style (got %s)" %
          (renderer.type() if renderer else None))
    if renderer is not None and renderer.type() == "RuleRenderer":
        colours = {s.symbolLayer(0).color().name() for s in renderer.symbols(QgsRenderContext())}
        check(args.colour in colours, "an industrial park is filled %s (fills: %s)" %
              (args.colour, ", ".join(sorted(colours))))

    # Forms and attribute tables in Vietnamese: column titles and coded values in words.
    check(parks.attributeAlias(parks.fields().indexOf("name_vi")) == "Tên",
          "the park's name column is titled 'Tên'")
    setup = parks.editorWidgetSetup(parks.fields().indexOf("status"))
    shown = {list(m.keys())[0] for m in setup.config().get("map", [])}
    check(setup.type() == "ValueMap" and "quy hoạch" in shown,
          "status is shown in words (%s: %s)" % (setup.type(), sorted(shown)))

    # The SLD twin of the style reads in QGIS too (for GeoServer and other SLD readers).
    styles = "pa_layer_styles" if db.name.startswith("PG:") else "layer_styles"
    sld = db.value("SELECT styleSLD FROM %s WHERE f_table_name = 'industrial_parks' "
                   "AND styleName = 'PlanAtlas'" % styles)
    sld_path = os.path.join(args.outdir, "industrial_parks.sld")
    with open(sld_path, "w", encoding="utf-8") as out:
        out.write(sld)
    from_sld = parks.clone()
    message, ok = from_sld.loadSldStyle(sld_path)
    rules = from_sld.renderer().rootRule().children() if ok and from_sld.renderer() and \
        from_sld.renderer().type() == "RuleRenderer" else []
    check(ok and len(rules) >= 2, "the SLD style loads with %d rules (%s)" % (len(rules), message))


def price_classes(layers, db):
    """A land-price layer is coloured by price class as PlanAtlas's maps colour it: a rule per
    class on price_vnd_m2, which together take every priced feature once, the dearest in the
    ramp's dark red, and a rule for the features without a price."""
    priced = {row[0] for row in db.rows("SELECT layer_name FROM pa_layers WHERE kind = 'land_price'")}
    for layer in layers:
        if table_of(layer) not in priced:
            continue
        name = table_of(layer)
        renderer = layer.renderer()
        rules = renderer.rootRule().children() if renderer is not None and \
            renderer.type() == "RuleRenderer" else []
        classes = [r for r in rules if "price_vnd_m2" in r.filterExpression() and
                   "IS NULL" not in r.filterExpression()]
        check(len(classes) >= 1, "%s is drawn in land-price classes (%d rules on the price)" %
              (name, len(classes)))
        if not classes:
            continue

        def count(expression):
            return sum(1 for _ in layer.getFeatures(QgsFeatureRequest(QgsExpression(expression))))
        counts = [count(r.filterExpression()) for r in classes]
        every = count('"price_vnd_m2" IS NOT NULL')
        check(sum(counts) == every and all(counts),
              "%s's price classes take each of its %d priced features once (%s)" %
              (name, every, counts))
        fills = [r.symbol().symbolLayer(0).color().name() for r in classes]
        check(len(fills) < 2 or fills[-1] == "#b30000",
              "%s's dearest class is dark red (fills: %s)" % (name, ", ".join(fills)))
        check(any("IS NULL" in r.filterExpression() for r in rules),
              "%s has a rule for features without a price" % name)


def check_project(project, layers, registered, links, crs, province, args, db):
    """The project's tree, placement, relations, themes and print layouts."""
    sources = {table_of(l) for l in layers}
    missing = [name for name in registered if name not in sources]
    check(not missing, "every registered layer is in the project (missing: %s)" % missing)
    root = project.layerTreeRoot()
    in_tree = {l.layerId() for l in root.findLayers()}
    hidden = [l.name() for l in layers if "_task_links" in l.source() and l.id() in in_tree]
    check(not hidden, "link tables are not in the layer tree (%s)" % hidden)
    groups = [g.name() for g in root.children() if g.nodeType() == 0]
    check(len(groups) >= 4, "the layer tree has groups: %s" % groups)
    check(project.crs().authid() == crs,
          "the project CRS is the workspace's (%s)" % project.crs().authid())

    # Placement: QGIS reads every spatial layer in the workspace's CRS (no on-the-fly
    # reprojection) and puts a park where GDAL, and so PlanAtlas, puts it.
    spatial = [l for l in layers if l.isSpatial()]
    other = [l.name() for l in spatial if l.crs().authid() != crs]
    check(not other, "every spatial layer is read in %s (others: %s)" % (crs, other))
    gdal_parks = {f.GetField("code"): f.GetGeometryRef().Centroid()
                  for f in db.ds.GetLayerByName("industrial_parks")}
    qgis_parks = [l for l in layers if table_of(l) == "industrial_parks"][0]
    worst = 0.0
    for f in qgis_parks.getFeatures():
        c = f.geometry().centroid().asPoint()
        g = gdal_parks[f["code"]]
        worst = max(worst, abs(c.x() - g.GetX()), abs(c.y() - g.GetY()))
    check(gdal_parks and worst < 0.01,
          "%d parks placed as GDAL reads them (largest difference %.3f m)" % (len(gdal_parks), worst))

    relations = project.relationManager().relations()
    invalid = [r.name() for r in relations.values() if not r.isValid()]
    check(relations and not invalid,
          "%d relations, all valid (invalid: %s)" % (len(relations), invalid))
    themes = project.mapThemeCollection().mapThemes()
    check("Chương trình phát triển" in themes and len(themes) >= 2, "map themes: %s" % themes)
    for theme in themes:
        visible = project.mapThemeCollection().mapThemeVisibleLayerIds(theme)
        check(visible and all(project.mapLayer(i) is not None for i in visible),
              "theme '%s' shows %d layers of the project" % (theme, len(visible)))

    # 3. The tasks of a park, with their lead agencies, through the link table.
    if args.park:
        park_layer = [l for l in layers if table_of(l) == "industrial_parks"][0]
        tasks_layer = [l for l in layers if table_of(l) == "plan_tasks"][0]
        park = next(park_layer.getFeatures(QgsFeatureRequest().setFilterExpression(
            "\"name_vi\" = '%s'" % args.park.replace("'", "''"))), None)
        check(park is not None, "the park %s is found" % args.park)
        to_links = [r for r in relations.values()
                    if r.referencedLayer() == park_layer and
                    table_of(r.referencingLayer()) == links["industrial_parks"]]
        check(len(to_links) == 1, "one relation from parks to their link table")
        if park is not None and to_links:
            link_rows = list(to_links[0].getRelatedFeatures(park))
            to_task = [r for r in relations.values()
                       if r.referencingLayer() == to_links[0].referencingLayer() and
                       r.referencedLayer() == tasks_layer][0]
            tasks = [to_task.getReferencedFeature(row) for row in link_rows]
            check(len(tasks) == args.tasks,
                  "%s has %d tasks through the relations (expected %d)" %
                  (args.park, len(tasks), args.tasks))
            leads = [t["lead_agencies"] for t in tasks if t.isValid()]
            with_lead = [l for l in leads if l]
            check(len(with_lead) >= len(tasks) * 0.8,
                  "%d of %d tasks show a lead agency (e.g. %s)" %
                  (len(with_lead), len(tasks), with_lead[:2]))
            documents = [t["document_title"] for t in tasks if t.isValid() and t["document_title"]]
            check(len(documents) == len(tasks), "every task names its document")
            widget = park_layer.editFormConfig().widgetConfig(to_links[0].id())
            check(widget.get("nm-rel") == to_task.id(),
                  "the park form's relation editor shows the tasks (many to many)")

    # 4. The print layout exports a PDF with the title and the sources.
    manager = project.layoutManager()
    check(len(manager.printLayouts()) >= 2, "print layouts: %s" %
          [l.name() for l in manager.printLayouts()])
    for layout in manager.printLayouts():
        atlas = layout.atlas()
        pdf = os.path.join(args.outdir, "layout_%d.pdf" % manager.printLayouts().index(layout))
        exporter = QgsLayoutExporter(layout)
        if atlas.enabled():
            check(atlas.coverageLayer() is not None and atlas.coverageLayer().isValid(),
                  "the atlas of '%s' runs over a valid layer" % layout.name())
            atlas.beginRender()
            atlas.first()
            result = exporter.exportToPdf(pdf, QgsLayoutExporter.PdfExportSettings())
            atlas.endRender()
        else:
            result = exporter.exportToPdf(pdf, QgsLayoutExporter.PdfExportSettings())
        if not check(result == QgsLayoutExporter.Success, "'%s' exports to PDF" % layout.name()):
            continue
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                              text=True).stdout
        check(province in text, "'%s' shows the province in its title" % layout.name())
        check("Nguồn dữ liệu" in text, "'%s' lists the sources" % layout.name())
        png = pdf[:-4] + ".png"
        image = QgsLayoutExporter.ImageExportSettings()
        image.generateWorldFile = False
        exporter.exportToImage(png, image)


if __name__ == "__main__":
    # Tearing QGIS down (exitQgis, then Python's own teardown) crashes headless PyQGIS 3.22
    # scripts after the work is done; the checks are complete, so leave at once.
    os._exit(main())
