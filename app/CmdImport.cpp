#include "Cli.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Importer.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/render/Qgis.h"

#include <cstdio>

namespace pa::cli {

namespace {

std::string kindsHelp()
{
    std::string text = "kinds:\n";
    for (const auto& kind : layers::layerKinds()) {
        std::string line = "  " + std::string(kind.id);
        line.resize(22, ' ');
        text += line + std::string(kind.titleVi) + " / " + std::string(kind.titleEn) + " (" +
                kind.familiesText() + ")\n";
    }
    return text;
}

const Command& importCommand()
{
    static const std::string details =
        kindsHelp() +
        "\nFormats: anything GDAL reads as vectors — Shapefile (also zipped), GeoJSON, KML/KMZ,\n"
        "GeoPackage, FlatGeobuf, CSV with lon/lat (or x/y, kinh_do/vi_do) or WKT columns.\n"
        "Geometry is reprojected to the workspace CRS with PROJ's EPSG operations, repaired\n"
        "with GEOS when invalid, and text is decoded and normalised to Unicode NFC.\n"
        "The import is one transaction: on any error the workspace is left as it was.\n\n"
        "Price tables (bảng giá đất) come without geometry: --join gives each row the geometry of\n"
        "the commune or road segment it names (names match without case, diacritics or type\n"
        "words such as \"Xã\"); rows that match nothing are listed and nothing is imported.\n\n"
        "Shapes traced in QGIS over a map sheet placed by 'planatlas georef' come in with\n"
        "--traced-from SHEET: each is digitized, its source the sheet, its date and its\n"
        "control-point error, as if drawn over the sheet in PlanAtlas.\n\n"
        "example: planatlas import ws.gpkg kcn.shp --kind industrial_park --encoding tcvn3 \\\n"
        "           --field name_vi=TEN_KCN --code-field MA_KCN --quality indicative\n"
        "         planatlas import ws.gpkg bang_gia.csv --kind land_price \\\n"
        "           --join communes:name_vi=ten_xa --field price_vnd_m2=gia_vt1";
    static const Command command{
        "import",
        "WS.gpkg FILE --kind KIND [options]",
        "Import one layer of a GIS file into the workspace as a layer of the given kind.",
        details,
        {
            {"--kind", "KIND", "layer kind (required; see below)"},
            {"--layer", "NAME", "name of the new workspace layer (default: from the source)"},
            {"--source-layer", "NAME", "layer to read from a multi-layer source"},
            {"--src-crs", "EPSG:N", "CRS of a source that declares none (or declares a wrong one)"},
            {"--encoding", "ENC", "text encoding of the source: utf-8, tcvn3, vni, cp1258"},
            {"--field", "ATTR=COLUMN", "fill attribute ATTR from source column COLUMN", true},
            {"--code-field", "COLUMN", "source column with stable feature codes"},
            {"--code-prefix", "TEXT", "put before every code from --code-field (e.g. TINH2025-)"},
            {"--where", "EXPR", "import only features matching this OGR SQL expression"},
            {"--quality", "Q", "geometry quality: surveyed, digitized (default), indicative"},
            {"--traced-from", "SHEET",
             "the features were traced over map sheet SHEET of the workspace (planatlas georef): "
             "each records it as its source"},
            {"--title-vi", "TEXT", "Vietnamese title of the layer (default: the kind's)"},
            {"--title-en", "TEXT", "English title of the layer"},
            {"--source", "TEXT", "where the data comes from"},
            {"--licence", "TEXT", "licence of the data, e.g. \"CC BY-SA 4.0\""},
            {"--attribution", "TEXT", "attribution text to show on maps"},
            {"--valid-from", "DATE", "administrative units: valid from (YYYY-MM-DD)"},
            {"--valid-to", "DATE", "administrative units: valid until (YYYY-MM-DD)"},
            {"--join", "LAYER:ATTR=COLUMN",
             "a table without geometry: take each row's geometry from the "
             "feature of LAYER whose ATTR matches COLUMN"},
            {"--join-buffer-m", "M",
             "with --join on a line layer: buffer lines into polygons of M metres"},
            {"--quiet", "", "print nothing but errors"},
        },
        2,
        2};
    return command;
}

} // namespace

int runImport(const std::vector<std::string>& args)
{
    const Command& command = importCommand();
    if (handleHelp(command, args))
        return kOk;
    const auto parsed = parse(command, args);
    if (!parsed.has("--kind"))
        throw UsageError("planatlas import needs --kind KIND (see --help for the kinds)");

    layers::ImportOptions options;
    options.sourcePath = parsed.positional[1];
    options.kind = parsed.value("--kind");
    options.layerName = parsed.value("--layer");
    options.sourceLayer = parsed.value("--source-layer");
    options.sourceCrs = parsed.value("--src-crs");
    if (parsed.has("--encoding")) {
        options.encoding = text::parseEncoding(parsed.value("--encoding"));
        if (!options.encoding)
            throw UsageError("--encoding must be utf-8, tcvn3, vni or cp1258, not '" +
                             parsed.value("--encoding") + "'");
    }
    for (const auto& mapping : parsed.all("--field")) {
        const auto eq = mapping.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == mapping.size())
            throw UsageError("--field takes ATTRIBUTE=COLUMN, not '" + mapping + "'");
        options.fieldMap.emplace_back(mapping.substr(0, eq), mapping.substr(eq + 1));
    }
    options.codeField = parsed.value("--code-field");
    options.codePrefix = parsed.value("--code-prefix");
    options.where = parsed.value("--where");
    if (!options.codePrefix.empty() && options.codeField.empty())
        throw UsageError("--code-prefix goes with --code-field");
    options.geometryQuality = parsed.value("--quality");
    options.tracedFrom = parsed.value("--traced-from");
    options.titleVi = parsed.value("--title-vi");
    options.titleEn = parsed.value("--title-en");
    options.source = parsed.value("--source");
    options.licence = parsed.value("--licence");
    options.attribution = parsed.value("--attribution");
    options.validFrom = parsed.value("--valid-from");
    options.validTo = parsed.value("--valid-to");
    if (parsed.has("--join")) {
        const std::string spec = parsed.value("--join");
        const auto colon = spec.find(':');
        const auto eq = spec.find('=', colon == std::string::npos ? 0 : colon);
        if (colon == std::string::npos || eq == std::string::npos || colon == 0 ||
            eq == colon + 1 || eq + 1 == spec.size())
            throw UsageError(
                "--join takes LAYER:ATTRIBUTE=COLUMN (e.g. communes:name_vi=ten_xa), not '" + spec +
                "'");
        options.join = layers::ImportOptions::Join{spec.substr(0, colon),
                                                   spec.substr(colon + 1, eq - colon - 1),
                                                   spec.substr(eq + 1), 0.0};
        options.join->bufferM = positiveNumber(parsed, "--join-buffer-m", 0.0, "metres");
    } else if (parsed.has("--join-buffer-m")) {
        throw UsageError("--join-buffer-m goes with --join");
    }
    const bool quiet = parsed.has("--quiet");

    // Check the kind before touching the workspace, so a typo is a usage error.
    if (!layers::findKind(options.kind))
        throw UsageError("unknown kind '" + options.kind + "'; kinds are: " + layers::kindIdList());

    auto workspace = layers::Workspace::open(parsed.positional[0], gis::OpenMode::Update,
                                             layers::SchemaWrites::Allowed);

    layers::ImportReport report;
    render::QgisWritten qgisWritten;
    {
        const TerminalProgress progress(!quiet);
        // The layer and its QGIS style and project entry are one change.
        report = workspace.transaction([&] {
            auto imported = layers::importLayer(workspace, options, progress.progress());
            qgisWritten = render::writeQgis(workspace);
            return imported;
        });
    }
    workspace.close();
    warnSchemaProject(qgisWritten, "the layer is imported");

    if (!quiet) {
        std::printf("Imported %lld feature(s) into layer '%s' (%s, %s) of %s\n",
                    static_cast<long long>(report.features), report.layerName.c_str(),
                    report.kind.c_str(), report.geometryType.c_str(), parsed.positional[0].c_str());
        std::printf("  source: %s (%s, layer %s, %s)\n", options.sourcePath.c_str(),
                    report.sourceDriver.c_str(), report.sourceLayer.c_str(),
                    report.sourceCrs.c_str());
        std::printf("  transformation: %s\n", report.transformation.c_str());
        if (options.join)
            std::printf("  join: %lld row(s) took the geometry of layer '%s' (%s = %s)\n",
                        static_cast<long long>(report.joined), options.join->layer.c_str(),
                        options.join->field.c_str(), options.join->column.c_str());
        std::string mapping;
        for (const auto& [attribute, column] : report.mapping)
            mapping += (mapping.empty() ? "" : ", ") + attribute + " ← " + column;
        std::printf("  attributes: %s\n", mapping.empty() ? "(none mapped)" : mapping.c_str());
        printWarnings(report.warnings);
    }
    return kOk;
}

} // namespace pa::cli
