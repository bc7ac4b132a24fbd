// zonal: statistics of a value layer (land price) under each programme polygon or unit.
#include "planatlas/layers/analysis/Zonal.h"

#include "planatlas/layers/analysis/Algorithm.h"

namespace pa::analysis {

Algorithm zonalAlgorithm()
{
    using T = Parameter::Type;
    return {"zonal",
            "Thống kê theo vùng (giá đất)",
            "Zonal statistics (land price)",
            "for every programme polygon, the area-weighted mean, minimum and maximum of FIELD "
            "(default\n"
            "price_vnd_m2) of a polygon layer such as land price, and the share it covers; with "
            "units,\n"
            "the same per unit (district, grid cell) instead",
            {{.name = "values",
              .type = T::Text,
              .titleVi = "Lớp giá trị",
              .titleEn = "Values",
              .help = "polygon layer and numeric field, or FILE[:BAND] of a raster",
              .metavar = "LAYER[:FIELD]",
              .required = true,
              .layerKinds = {"land_price"},
              .polygonsOnly = true},
             {.name = "kinds",
              .type = T::KindList,
              .titleVi = "Loại đối tượng",
              .titleEn = "Kinds",
              .help = "only features of these kinds (e.g. industrial_park)",
              .metavar = "K1,K2"},
             {.name = "units",
              .type = T::Layer,
              .titleVi = "Đơn vị",
              .titleEn = "Units",
              .help = "polygon layer of units to report instead of programme features",
              .metavar = "LAYER",
              .layerKinds = {"admin_*", "analysis_grid"},
              .polygonsOnly = true},
             engineParameter()},
            [](layers::Workspace& ws, const ParameterValues& v, const layers::Progress& progress) {
                const auto engine = engineFrom(v.text("engine"));
                auto r = v.has("units")
                             ? zonalByUnits(ws, v.text("values"), v.text("units"), progress, engine)
                             : zonal(ws, v.text("values"), v.list("kinds"), progress, engine);
                Result out{{tables::zonal(r)},
                           {{"values", r.valuesLayer}, {"field", r.field}},
                           {},
                           r.notes};
                if (r.raster) {
                    out.summary.emplace_back("raster_crs", r.rasterCrs);
                    out.summary.emplace_back("reprojected", r.reprojected);
                }
                out.sayEngine(r.engine);
                if (r.reprojected)
                    out.messages.push_back("features reprojected from " + ws.crs().label() +
                                           " into the raster's CRS " + r.rasterCrs);
                out.keep(std::move(r));
                return out;
            }};
}

} // namespace pa::analysis
