#include "Cli.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Copy.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/render/Qgis.h"

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace pa::cli {

namespace {
const Command kCopy{
    "copy",
    "FROM TO [--format text|json] [--quiet]",
    "Copy a whole workspace, between a GeoPackage and a PostgreSQL/PostGIS schema either way:\n"
    "layers under their own feature ids, plan tables, links, reviews, the administrative\n"
    "crosswalk and the QGIS project. A database is named by a GDAL connection string whose\n"
    "active_schema= is the province's schema: \"PG:service=planatlas active_schema=thai_nguyen\".",
    "The target must not exist yet (a file) or hold no table (a schema, created when absent);\n"
    "it appears complete or not at all. Host, role and password come from libpq's service\n"
    "file (pg_service.conf) and password file (~/.pgpass), never from the command line.\n"
    "A QGIS project stored in the workspace reads its layers from the file of its own name; a\n"
    "copy into a file of another name gets the project written anew for it.\n"
    "Example: planatlas copy thai_nguyen.gpkg \"PG:service=planatlas active_schema=thai_nguyen\"",
    {{"--format", "FMT", "text (default) or json"}, {"--quiet", "", "no progress display"}},
    2,
    2};
} // namespace

int runCopy(const std::vector<std::string>& args)
{
    if (handleHelp(kCopy, args))
        return kOk;
    const auto parsed = parse(kCopy, args);
    const std::string format = textOrJson(parsed);
    TerminalProgress terminal(!parsed.has("--quiet"));
    const std::string& to = parsed.positional[1];
    const auto report = layers::copyWorkspace(parsed.positional[0], to, terminal.progress());
    // The stored QGIS project names the file it was written for ("./thai_nguyen.gpkg").
    bool projectRewritten = false;
    if (!gis::isPostgresConnection(to)) {
        auto ws = layers::Workspace::open(to, gis::OpenMode::ReadOnly);
        const auto written =
            ws.dataset().run("SELECT value FROM pa_metadata WHERE key = 'qgis_project_file'", {});
        const bool stale =
            !written.rows.empty() &&
            gis::toString(written.rows[0][0]) != std::filesystem::path(to).filename().string();
        ws.close();
        if (stale) {
            auto update = layers::Workspace::open(to, gis::OpenMode::Update);
            render::writeQgis(update);
            update.close();
            projectRewritten = true;
        }
    }
    // Into a schema: the project QGIS opens from the schema itself, reading its tables there
    // (the file's own project, for the copy back, is carried as it was).
    std::string schemaProject;
    if (gis::isPostgresConnection(to)) {
        // The copy is whole and committed by now: a project that cannot be written is said,
        // and 'planatlas qgis' writes it later.
        std::string problem;
        try {
            auto ws =
                layers::Workspace::open(to, gis::OpenMode::Update, layers::SchemaWrites::Allowed);
            const auto written = render::writeSchemaProject(ws);
            ws.close();
            schemaProject = written.schemaProject;
            problem = written.schemaProblem;
            if (written.databaseStylesRefused())
                std::fprintf(stderr,
                             "warning: copied, but the layers' default styles in "
                             "public.layer_styles were not written: %s\n",
                             written.databaseStylesProblem.c_str());
        } catch (const std::exception& e) {
            problem = e.what();
        }
        if (schemaProject.empty())
            std::fprintf(stderr,
                         "warning: copied, but the QGIS project of the schema was not written "
                         "(run 'planatlas qgis' on it): %s\n",
                         problem.c_str());
    }
    if (format == "json") {
        nlohmann::ordered_json j;
        j["from"] = report.from;
        j["to"] = report.to;
        j["rows"] = report.rows();
        j["tables"] = nlohmann::ordered_json::array();
        for (const auto& t : report.tables)
            j["tables"].push_back({{"name", t.name}, {"role", t.role}, {"rows", t.rows}});
        j["not_copied"] = report.notCopied;
        j["qgis_project_rewritten"] = projectRewritten;
        if (!schemaProject.empty())
            j["qgis_project"] = schemaProject;
        std::printf("%s\n", j.dump(2).c_str());
        return kOk;
    }
    std::size_t layers = 0;
    for (const auto& t : report.tables)
        layers += t.role == "layer";
    std::printf("copied %s → %s: %zu table(s) of which %zu layer(s), %lld row(s)\n",
                report.from.c_str(), report.to.c_str(), report.tables.size(), layers,
                static_cast<long long>(report.rows()));
    for (const auto& t : report.tables)
        std::printf("  %-40s %-9s %lld\n", t.name.c_str(), t.role.c_str(),
                    static_cast<long long>(t.rows));
    for (const auto& n : report.notCopied)
        std::printf("not copied: %s\n", n.c_str());
    if (projectRewritten)
        std::printf("QGIS project written anew for %s\n", to.c_str());
    if (!schemaProject.empty())
        std::printf("QGIS opens the copy from the schema: %s\n", schemaProject.c_str());
    return kOk;
}

} // namespace pa::cli
