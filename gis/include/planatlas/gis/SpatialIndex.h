#pragma once
// An R-tree (GEOS STRtree) over envelopes, for finding candidate features quickly. Items are
// integers chosen by the caller (e.g. an index into a vector of features).

#include "planatlas/gis/Geometry.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace pa::gis {

class SpatialIndex
{
public:
    SpatialIndex();
    ~SpatialIndex();
    SpatialIndex(const SpatialIndex&) = delete;
    SpatialIndex& operator=(const SpatialIndex&) = delete;

    void insert(const Envelope& envelope, std::int64_t item);
    /// Items whose envelope intersects @p envelope, in ascending order (deterministic).
    [[nodiscard]] std::vector<std::int64_t> query(const Envelope& envelope) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace pa::gis
