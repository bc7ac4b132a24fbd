#pragma once
// Labels of the map's features, placed without collisions: areas in their middle, points beside
// their mark, lines along their longest straight stretch inside the frame.

#include "Paint_p.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace pa::render {

struct PlacedLabels
{
    std::int64_t placed = 0, dropped = 0; ///< dropped: would have collided
    std::vector<gis::Envelope> boxes;     ///< device units, y down
};

/// Names the items of the labelled kinds among @p drawn (drawn already, so that their areas on
/// the map give small features their place beside them), best first, inside @p frame and off
/// the @p blocked boxes (scale bar, north arrow). A layer whose opacity in @p stacked is 0
/// keeps no labels.
PlacedLabels placeLabels(QPainter& p, const std::vector<Drawn>& drawn, const View& view,
                         const QRectF& frame, const std::vector<QRectF>& blocked,
                         const std::map<std::string, std::pair<int, double>>& stacked,
                         const Units& u);

} // namespace pa::render
