#include "Cli.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/render/Atlas.h"
#include "planatlas/render/Map.h"

#include <cstdio>
#include <map>

namespace pa::cli {

namespace {
/// The command; its themes are listed from the renderer's theme descriptions.
const Command& mapCommand()
{
    static const std::string themeHelp = [] {
        std::string out = "themes:\n";
        for (const auto& t : render::themes())
            out += "  " + t.name + std::string(t.name.size() < 12 ? 12 - t.name.size() : 1, ' ') +
                   t.help + "\n";
        return out;
    }();
    static const std::string themeList = [] {
        std::string out;
        const auto all = render::themes();
        for (std::size_t i = 0; i < all.size(); ++i)
            out += (i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + all[i].name;
        return out;
    }();
    static const std::string details =
        themeHelp +
        "\nRendering runs headless (Qt offscreen). The file appears only when it is complete.\n\n"
        "examples: planatlas map ws.gpkg -o programme.pdf --page A3\n"
        "          planatlas map ws.gpkg -o sct.png --theme agency --highlight \"agency:Sở Công "
        "Thương\"\n"
        "          planatlas map ws.gpkg -o song-cong.svg --extent 81297802B66276855595229 "
        "--lang en\n"
        "          planatlas map ws.gpkg -o atlas_districts.pdf --atlas districts_pre2025\n\n"
        "An atlas (--atlas LAYER) prints one page per feature of the layer, zoomed to it, with\n"
        "the plan tasks that concern it beside the map: for units (districts, communes) the\n"
        "tasks linked to the unit and to the programme features inside it.";
    static const Command command{
        "map",
        "WS.gpkg -o FILE.png|svg|pdf [options]",
        "Draw a map of the workspace for investors and planners: styled by kind, labelled, with\n"
        "legend, scale bar, north arrow, locator, sources and the notes the data calls for.",
        details,
        {
            {"-o", "FILE", "output: .png, .svg or .pdf (required)"},
            {"--theme", "THEME", themeList},
            {"--layers", "A,B", "draw only these layers (besides units and the basemap)"},
            {"--extent", "EXT",
             "province (default), a feature code, or minx,miny,maxx,maxy[:EPSG:N]"},
            {"--page", "SIZE", "A4 (default) or A3"},
            {"--orientation", "O", "landscape (default) or portrait"},
            {"--dpi", "N", "resolution (default 150; 300 for print)"},
            {"--size", "WxH", "an image of W×H pixels instead of a page"},
            {"--title", "TEXT", "title (default: the programme and province)"},
            {"--subtitle", "TEXT", "subtitle (default: what the theme shows)"},
            {"--lang", "LANG", "vi (default) or en"},
            {"--highlight", "WHAT", "agency theme: task:ID, agency:NAME or document:ID"},
            {"--by-deadline", "",
             "agency theme: colour the features by the year their tasks are due"},
            {"--distance-km", "KM", "corridor theme: buffer distance (default 5)"},
            {"--units", "LAYER", "coverage theme: unit layer (default: the districts)"},
            {"--kind", "KIND",
             "coverage theme: the kind whose share is shown (default industrial_park)"},
            {"--sheet", "NAME[:OPACITY]",
             "draw map sheet NAME (placed by 'planatlas georef') under the layers; opacity "
             "0–1 or 0–100 %, default 0.6",
             true},
            {"--atlas", "LAYER",
             "an atlas: one page per feature of LAYER with its plan tasks (-o FILE.pdf)"},
            {"--features", "A,B", "atlas: only the features with these codes, in this order"},
            {"--quiet", "", "print nothing but errors"},
        },
        1,
        1};
    return command;
}
int writeAtlasCommand(layers::Workspace& ws, const render::MapOptions& map, const Arguments& parsed)
{
    render::AtlasOptions o;
    o.map = map;
    o.layer = parsed.value("--atlas");
    for (std::string list = parsed.value("--features"); !list.empty();) {
        const auto comma = list.find(',');
        if (const auto code = list.substr(0, comma); !code.empty())
            o.codes.push_back(code);
        list = comma == std::string::npos ? std::string() : list.substr(comma + 1);
    }
    const std::string path = parsed.value("-o");
    const auto report = [&] {
        const TerminalProgress progress(!parsed.has("--quiet"));
        return render::writeAtlas(ws, o, path, progress.progress());
    }();
    if (!parsed.has("--quiet")) {
        std::printf("Wrote %s: %lld page(s) for %zu feature(s) of %s, %lld task entr%s\n",
                    path.c_str(), static_cast<long long>(report.pages), report.features.size(),
                    report.layer.c_str(), static_cast<long long>(report.tasksListed),
                    report.tasksListed == 1 ? "y" : "ies");
        if (report.units)
            std::printf("  units: each page lists the tasks linked to the unit and to the "
                        "programme features inside it\n");
    }
    if (report.featuresWithoutTasks > 0)
        std::fprintf(stderr,
                     "planatlas map: note: %lld of %zu feature(s) have no linked plan task (their "
                     "pages say so)\n",
                     static_cast<long long>(report.featuresWithoutTasks), report.features.size());
    for (const auto& line : report.inputNotes.messages(ws.crs().label()))
        std::fprintf(stderr, "planatlas map: note: %s\n", line.c_str());
    return kOk;
}

} // namespace

int runMap(const std::vector<std::string>& args)
{
    if (handleHelp(mapCommand(), args))
        return kOk;
    const auto parsed = parse(mapCommand(), args);
    if (!parsed.has("-o"))
        throw UsageError("planatlas map needs -o FILE (.png, .svg or .pdf)");
    render::MapOptions o;
    const std::string themeName = parsed.value("--theme", "programme");
    const auto theme = render::parseTheme(themeName);
    if (!theme)
        throw UsageError("unknown theme '" + themeName + "' (" +
                         std::string(mapCommand().options[1].help) + ")");
    o.theme = *theme;
    for (std::string list = parsed.value("--layers"); !list.empty();) {
        const auto comma = list.find(',');
        if (const auto name = list.substr(0, comma); !name.empty())
            o.layers.push_back(name);
        list = comma == std::string::npos ? std::string() : list.substr(comma + 1);
    }
    static const std::map<std::string, std::pair<double, double>> pages = {{"A4", {297, 210}},
                                                                           {"A3", {420, 297}}};
    const auto page = pages.find(parsed.value("--page", "A4"));
    if (page == pages.end())
        throw UsageError("--page must be A4 or A3");
    const std::string orientation = parsed.value("--orientation", "landscape");
    if (orientation != "landscape" && orientation != "portrait")
        throw UsageError("--orientation must be landscape or portrait");
    o.pageWidthMm = orientation == "landscape" ? page->second.first : page->second.second;
    o.pageHeightMm = orientation == "landscape" ? page->second.second : page->second.first;
    if (parsed.has("--dpi")) {
        const auto dpi = text::parseNumber(parsed.value("--dpi"));
        if (!dpi || *dpi < 36 || *dpi > 1200)
            throw UsageError("--dpi takes a number between 36 and 1200");
        o.dpi = static_cast<int>(*dpi);
    }
    if (parsed.has("--size")) {
        const std::string size = parsed.value("--size");
        int w = 0, h = 0;
        char x = 0;
        if (std::sscanf(size.c_str(), "%d%c%d", &w, &x, &h) != 3 || (x != 'x' && x != 'X') ||
            w < 200 || h < 150 || w > 20000 || h > 20000)
            throw UsageError(
                "--size takes WIDTHxHEIGHT in pixels (200x150 to 20000x20000), e.g. 1600x1200");
        o.pixelSize = std::pair{w, h};
    }
    for (const auto& spec : parsed.all("--sheet")) {
        const auto colon = spec.rfind(':');
        double opacity = 0.6;
        if (colon != std::string::npos) {
            std::string text = spec.substr(colon + 1);
            const bool percent = !text.empty() && text.back() == '%';
            if (percent)
                text.pop_back();
            const auto value = text::parseNumber(text);
            if (!value || *value < 0 || *value > (percent ? 100 : 1) + (percent ? 0 : 99))
                throw UsageError("--sheet " + spec +
                                 ": the opacity after ':' is 0–1 or 0–100 %, e.g. kcn_sheet:0.5");
            opacity = percent || *value > 1 ? *value / 100.0 : *value;
        }
        o.sheets.emplace_back(spec.substr(0, colon), opacity);
    }
    o.title = parsed.value("--title");
    o.subtitle = parsed.value("--subtitle");
    o.lang = language(parsed);
    o.highlight = parsed.value("--highlight");
    o.byDeadline = parsed.has("--by-deadline");
    if (!o.highlight.empty() && o.theme == render::Theme::Programme && !parsed.has("--theme"))
        o.theme = render::Theme::Agency; // a highlight alone asks for the agency theme
    o.corridorKm = positiveNumber(parsed, "--distance-km", o.corridorKm, "kilometres");
    o.unitsLayer = parsed.value("--units");
    o.coverageKind = parsed.value("--kind", "industrial_park");

    auto ws = layers::Workspace::open(parsed.positional[0], gis::OpenMode::ReadOnly);
    if (parsed.has("--atlas")) {
        if (parsed.has("--extent") || parsed.has("--size") || parsed.has("--title"))
            throw UsageError("--atlas makes each page's extent and title itself; leave out "
                             "--extent, --size and --title");
        return writeAtlasCommand(ws, o, parsed);
    }
    if (parsed.has("--features"))
        throw UsageError("--features chooses the pages of an --atlas");
    o.extent = render::extentFor(ws, parsed.value("--extent"));
    const auto report = [&] {
        const TerminalProgress progress(!parsed.has("--quiet"));
        return render::writeMap(ws, o, parsed.value("-o"), progress.progress());
    }();
    if (!parsed.has("--quiet")) {
        std::printf("Wrote %s: %lld feature(s) from %zu layer(s), %lld label(s) placed, %lld left "
                    "out to avoid "
                    "overlaps\n",
                    parsed.value("-o").c_str(), static_cast<long long>(report.featuresDrawn),
                    report.layersDrawn.size(), static_cast<long long>(report.labelsPlaced),
                    static_cast<long long>(report.labelsDropped));
        if (report.scaleDenominator > 0)
            std::printf("  scale 1:%.0f on the page, scale bar %g km\n", report.scaleDenominator,
                        report.scaleBarKm);
        if (report.indicative)
            std::printf("  note on the map: positions are indicative\n");
        if (report.illustrative)
            std::printf("  note on the map: values are illustrative\n");
        for (const auto& [sheet, count] : report.digitised)
            std::printf("  note on the map: %lld feature(s) digitised from map sheet «%s»\n",
                        static_cast<long long>(count), sheet.c_str());
        if (report.legendColumns > 1 && !report.legend.empty())
            std::printf("  legend in two columns (%zu entries)\n", report.legend.size());
    }
    for (const auto& line : report.notes)
        std::fprintf(stderr, "planatlas map: note: %s\n", line.c_str());
    for (const auto& line : report.inputNotes.messages(ws.crs().label()))
        std::fprintf(stderr, "planatlas map: note: %s\n", line.c_str());
    // Never silently: a legend that lost entries is said on the map and here, even with --quiet.
    if (report.legendOmitted > 0)
        std::fprintf(
            stderr,
            "planatlas map: warning: %lld legend entr%s did not fit and %s not shown (the map "
            "says so); give a larger --size or --page\n",
            static_cast<long long>(report.legendOmitted), report.legendOmitted == 1 ? "y" : "ies",
            report.legendOmitted == 1 ? "is" : "are");
    return kOk;
}

} // namespace pa::cli
