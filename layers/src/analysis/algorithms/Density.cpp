// density: how densely the programme sits in each unit — features and kilometres of line per
// 100 km² of the unit, by kind (markets per district, expressway km per 100 km²). Built on the
// coverage analysis; added as one file and one registry line to show the shape.
#include "planatlas/layers/analysis/Algorithm.h"
#include "planatlas/layers/analysis/Coverage.h"

#include <algorithm>
#include <map>

namespace pa::analysis {

Algorithm densityAlgorithm()
{
    using T = Parameter::Type;
    return {
        "density",
        "Mật độ theo đơn vị hành chính",
        "Density by unit",
        "per unit of a polygon layer and per programme kind: the unit's area (km²), features and\n"
        "features per 100 km², length (km) and km per 100 km² of line kinds",
        {{.name = "units",
          .type = T::Layer,
          .titleVi = "Đơn vị",
          .titleEn = "Units",
          .help = "polygon layer of the units to report",
          .metavar = "LAYER",
          .required = true,
          .layerKinds = {"admin_*", "analysis_grid"},
          .polygonsOnly = true},
         {.name = "kinds",
          .type = T::KindList,
          .titleVi = "Loại đối tượng",
          .titleEn = "Kinds",
          .help = "only these kinds (default every programme kind in the workspace)",
          .metavar = "K1,K2"}},
        [](layers::Workspace& ws, const ParameterValues& v, const layers::Progress& progress) {
            auto r = coverage(ws, v.text("units"), progress);
            const auto kinds = v.list("kinds");
            Table t{"density",
                    {{"unit_code"},
                     {"unit_name"},
                     {"kind"},
                     {"unit_area_km2", Column::Type::Real},
                     {"features", Column::Type::Integer},
                     {"features_per_100_km2", Column::Type::Real},
                     {"length_km", Column::Type::Real},
                     {"length_km_per_100_km2", Column::Type::Real}},
                    {},
                    {}};
            for (const auto& row : r.rows) {
                if (!kinds.empty() &&
                    std::find(kinds.begin(), kinds.end(), row.kind) == kinds.end())
                    continue;
                const double km2 = r.unitAreaHa.at(row.unitCode) / 100.0; // the units coverage read
                const double per100 = km2 > 0 ? 100.0 / km2 : 0.0;
                t.rows.push_back({row.unitCode, row.unitName, row.kind, km2, row.features,
                                  static_cast<double>(row.features) * per100, row.lengthKm,
                                  row.lengthKm * per100});
                t.places.push_back({r.unitsLayer, row.unitCode, {}});
            }
            Result out{{std::move(t)}, {{"units", r.unitsLayer}, {"crs", r.crs}}, {}, r.notes};
            if (out.tables[0].rows.empty())
                out.messages.push_back(kinds.empty()
                                           ? "no programme feature in the workspace: no row"
                                           : "no feature of those kinds in the workspace: no row");
            out.keep(std::move(r));
            return out;
        }};
}

} // namespace pa::analysis
