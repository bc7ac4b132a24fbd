#include "planatlas/layers/analysis/Grid.h"

#include "Units_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Prepared.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Importer.h"
#include "planatlas/layers/Limits.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace pa::analysis {

namespace {

std::string polygonWkt(const std::vector<std::pair<double, double>>& ring)
{
    std::ostringstream out;
    out.precision(12);
    out << "POLYGON((";
    for (std::size_t i = 0; i <= ring.size(); ++i) {
        const auto& [x, y] = ring[i % ring.size()];
        out << (i ? "," : "") << x << ' ' << y;
    }
    out << "))";
    return out.str();
}

} // namespace

std::int64_t makeGrid(layers::Workspace& ws, const GridOptions& options,
                      const layers::Progress& progress)
{
    layers::checkMayAddLayers(ws); // before anything is generated
    if (!(options.cellKm > 0))
        throw layers::ParameterError(
            "cell_km", QT_TRANSLATE_NOOP("pa::layers", "must be a positive number of kilometres"));
    // The province, or each province of a national layer: cells are cut at the provinces'
    // borders and record their province, as a commune lies in one province.
    const std::string provinceLayer = detail::provinceLayer(ws, options.provinceLayer);
    gis::Envelope box;
    const auto provinces = detail::provincesToCover(ws, provinceLayer, box);

    const double size = options.cellKm * 1000.0; // metres
    const bool hex = options.shape == GridShape::Hex;
    std::ostringstream csv;
    csv << "code,name_vi,province_code,wkt\n";
    std::int64_t cells = 0;
    // Squares: side = size. Hexagons (pointy-top): width = size, side = size / sqrt(3), rows
    // 1.5 × side apart, every other row shifted by half a width.
    const double side = hex ? size / std::sqrt(3.0) : size;
    const double dy = hex ? 1.5 * side : size;
    // Refused before a single cell is made when the grid would be past reason (0.1 m cells
    // over a province: 10^11 of them).
    const double planned =
        (std::ceil((box.maxY - box.minY) / dy) + 2) * (std::ceil((box.maxX - box.minX) / size) + 2);
    if (!(planned <= static_cast<double>(layers::limitValue(layers::Limit::GridCells))))
        throw layers::ParameterError(
            "cell_km",
            {QT_TRANSLATE_NOOP("pa::layers",
                               "cells of %1 km over the province make about %2 cells, %3"),
             {layers::Sentence::number(options.cellKm), layers::Sentence::number(planned, 0),
              layers::limitExceeded(layers::Limit::GridCells)}});
    const int rows = static_cast<int>(std::ceil((box.maxY - box.minY) / dy)) + 2;
    const int cols = static_cast<int>(std::ceil((box.maxX - box.minX) / size)) + 2;
    const bool several = provinces.size() > 1;
    for (std::size_t k = 0; k < provinces.size(); ++k) {
        const auto& province = provinces[k];
        const gis::PreparedGeometry prepared(province.geometry);
        const auto pbox = *province.geometry.envelope();
        for (int r = 0; r < rows; ++r) {
            progress.update((static_cast<double>(k) + static_cast<double>(r) / rows) /
                                static_cast<double>(provinces.size()),
                            "grid");
            if (box.minY + r * dy - side > pbox.maxY || box.minY + r * dy + side < pbox.minY)
                continue; // a row clear of this province
            for (int c = 0; c < cols; ++c) {
                std::vector<std::pair<double, double>> ring;
                if (hex) {
                    const double cx = box.minX + c * size + (r % 2 ? size / 2 : 0.0);
                    const double cy = box.minY + r * dy;
                    for (int v = 0; v < 6; ++v) {
                        const double a = (60.0 * v + 30.0) * M_PI / 180.0;
                        ring.emplace_back(cx + side * std::cos(a), cy + side * std::sin(a));
                    }
                } else {
                    const double x = box.minX + c * size, y = box.minY + r * size;
                    ring = {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}};
                }
                gis::Envelope e{ring[0].first, ring[0].second, ring[0].first, ring[0].second};
                for (const auto& [x, y] : ring)
                    e.merge({x, y, x, y});
                if (!prepared.intersectsRectangle(e))
                    continue;
                auto cell =
                    province.geometry.intersection(gis::Geometry::fromWkt(polygonWkt(ring)));
                if (cell.area() <= 0)
                    continue;
                ++cells;
                // "G-<row>-<column>", with the province where a cell may be cut by a border.
                const std::string id = std::to_string(r) + '-' + std::to_string(c);
                const std::string code = several ? "G-" + province.code + '-' + id : "G-" + id;
                csv << code << ",Ô " << id << (several ? " (" + province.name + ")" : "") << ','
                    << province.code << ",\"" << cell.wkt() << "\"\n";
            }
        }
    }
    // Store it through the importer, so the grid is registered like any other layer.
    const detail::TemporaryFile file("planatlas-grid-", ".csv");
    {
        std::ofstream out(file.path());
        out << csv.str();
    }
    layers::ImportOptions o;
    o.sourcePath = file.path().string();
    o.sourceFileName = "planatlas grid";
    o.kind = "analysis_grid";
    std::ostringstream sizeText; // "2", "1.5"
    sizeText << options.cellKm;
    std::string sizeName = sizeText.str();
    std::replace(sizeName.begin(), sizeName.end(), '.', '_');
    o.layerName = options.layerName.empty() ? "grid_" + sizeName + "km_" + (hex ? "hex" : "square")
                                            : options.layerName;
    o.sourceCrs = ws.crs().label();
    o.codeField = "code";
    o.codePrefix = o.layerName + ":"; // codes are unique in the workspace, across grids too
    o.titleVi = std::string("Lưới ") + (hex ? "lục giác " : "vuông ") + sizeText.str() + " km";
    o.titleEn = std::string(hex ? "Hexagonal" : "Square") + " grid, " + sizeText.str() + " km";
    o.source = "generated by planatlas grid over " + provinceLayer;
    o.geometryQuality = "digitized";
    layers::importLayer(ws, o, progress);
    return cells;
}

} // namespace pa::analysis
