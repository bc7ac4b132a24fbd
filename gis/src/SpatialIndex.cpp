#include "planatlas/gis/SpatialIndex.h"

#include "Private_p.h"

#include <algorithm>

namespace pa::gis {

struct SpatialIndex::Impl
{
    GEOSContextHandle_t context = detail::geosContext();
    GEOSSTRtree* tree = GEOSSTRtree_create_r(context, 10);
    // GEOS keeps pointers to the envelopes and items; they live here as long as the tree.
    std::vector<detail::GeosGeometryPtr> envelopes;
    std::vector<std::unique_ptr<std::int64_t>> items;
    // The same pairs in a plain list: a handful of units (nine districts) is faster scanned
    // than asked of the tree, which needs a GEOS rectangle made for every query.
    std::vector<std::pair<Envelope, std::int64_t>> list;
    ~Impl() { GEOSSTRtree_destroy_r(context, tree); }
};

SpatialIndex::SpatialIndex() : m_impl(std::make_unique<Impl>())
{
    if (!m_impl->tree)
        throw GisError("GEOS could not create an STRtree: " + detail::takeGeosError());
}

SpatialIndex::~SpatialIndex() = default;

namespace {
detail::GeosGeometryPtr box(GEOSContextHandle_t context, const Envelope& e)
{
    detail::GeosGeometryPtr g(GEOSGeom_createRectangle_r(context, e.minX, e.minY, e.maxX, e.maxY),
                              {context});
    if (!g)
        throw GisError("GEOS could not make an envelope: " + detail::takeGeosError());
    return g;
}
} // namespace

void SpatialIndex::insert(const Envelope& envelope, std::int64_t item)
{
    auto g = box(m_impl->context, envelope);
    auto value = std::make_unique<std::int64_t>(item);
    GEOSSTRtree_insert_r(m_impl->context, m_impl->tree, g.get(), value.get());
    m_impl->envelopes.push_back(std::move(g));
    m_impl->items.push_back(std::move(value));
    m_impl->list.emplace_back(envelope, item);
}

std::vector<std::int64_t> SpatialIndex::query(const Envelope& envelope) const
{
    std::vector<std::int64_t> found;
    if (m_impl->list.size() <= 32) {
        for (const auto& [e, item] : m_impl->list)
            if (e.intersects(envelope))
                found.push_back(item);
        std::sort(found.begin(), found.end());
        return found;
    }
    auto g = box(m_impl->context, envelope);
    GEOSSTRtree_query_r(
        m_impl->context, m_impl->tree, g.get(),
        [](void* item, void* userdata) {
            static_cast<std::vector<std::int64_t>*>(userdata)->push_back(
                *static_cast<std::int64_t*>(item));
        },
        &found);
    std::sort(found.begin(), found.end());
    return found;
}

} // namespace pa::gis
