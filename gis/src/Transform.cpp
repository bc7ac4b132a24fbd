#include "Private_p.h"

#include <cmath>
#include <sstream>

namespace pa::gis {

namespace detail {

PJ_CONTEXT* projContext()
{
    struct Holder
    {
        PJ_CONTEXT* context = proj_context_create();
        Holder() { proj_context_set_enable_network(context, 0); }
        ~Holder() { proj_context_destroy(context); }
        Holder(const Holder&) = delete;
        Holder& operator=(const Holder&) = delete;
    };
    thread_local Holder holder;
    return holder.context;
}

} // namespace detail

CoordinateTransform::CoordinateTransform(const Crs& source, const Crs& target)
    : m_source(source), m_target(target), m_impl(std::make_unique<Impl>())
{
    detail::ensureGdalConfigured();
    detail::ErrorCapture errors;
    m_impl->transformation.reset(
        OGRCreateCoordinateTransformation(&source.impl().srs, &target.impl().srs));
    errors.throwIfFailed("no transformation from " + source.label() + " to " + target.label(),
                         m_impl->transformation == nullptr);
}

CoordinateTransform::CoordinateTransform(CoordinateTransform&&) noexcept = default;
CoordinateTransform& CoordinateTransform::operator=(CoordinateTransform&&) noexcept = default;
CoordinateTransform::~CoordinateTransform() = default;

std::array<double, 2> CoordinateTransform::apply(double x, double y) const
{
    detail::ErrorCapture errors;
    int success = 0;
    double xs[] = {x};
    double ys[] = {y};
    const bool ok = m_impl->transformation->Transform(1, xs, ys, nullptr, &success);
    if (!ok || !success || !std::isfinite(xs[0]) || !std::isfinite(ys[0])) {
        std::ostringstream where;
        where.precision(12);
        where << "cannot transform (" << x << ", " << y << ") from " << m_source.label() << " to "
              << m_target.label();
        errors.throwIfFailed(where.str(), true);
    }
    return {xs[0], ys[0]};
}

Envelope CoordinateTransform::transformBounds(const Envelope& bounds) const
{
    detail::ErrorCapture errors;
    Envelope out;
    const bool ok = m_impl->transformation->TransformBounds(bounds.minX, bounds.minY, bounds.maxX,
                                                            bounds.maxY, &out.minX, &out.minY,
                                                            &out.maxX, &out.maxY, 21) != 0;
    if (!ok || !std::isfinite(out.minX) || !std::isfinite(out.minY) || !std::isfinite(out.maxX) ||
        !std::isfinite(out.maxY)) {
        std::ostringstream where;
        where.precision(12);
        where << "cannot transform the rectangle (" << bounds.minX << ", " << bounds.minY << ") – ("
              << bounds.maxX << ", " << bounds.maxY << ") from " << m_source.label() << " to "
              << m_target.label();
        errors.throwIfFailed(where.str(), true);
    }
    return out;
}

std::string CoordinateTransform::operationDescription() const
{
    if (m_source.isSame(m_target))
        return "identity";
    PJ_CONTEXT* context = detail::projContext();
    detail::PjPtr source(proj_create(context, m_source.wkt().c_str()));
    detail::PjPtr target(proj_create(context, m_target.wkt().c_str()));
    if (!source || !target)
        return "unknown operation";
    std::unique_ptr<PJ_OPERATION_FACTORY_CONTEXT, detail::PjOperationFactoryDeleter> factory(
        proj_create_operation_factory_context(context, nullptr), {context});
    if (!factory)
        return "unknown operation";
    proj_operation_factory_context_set_grid_availability_use(
        context, factory.get(), PROJ_GRID_AVAILABILITY_DISCARD_OPERATION_IF_MISSING_GRID);
    proj_operation_factory_context_set_spatial_criterion(
        context, factory.get(), PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION);
    detail::PjObjListPtr operations(
        proj_create_operations(context, source.get(), target.get(), factory.get()));
    if (!operations || proj_list_get_count(operations.get()) == 0)
        return "unknown operation";
    detail::PjPtr best(proj_list_get(context, operations.get(), 0));
    std::ostringstream text;
    const char* name = proj_get_name(best.get());
    text << (name ? name : "unnamed operation");
    const char* authority = proj_get_id_auth_name(best.get(), 0);
    const char* code = proj_get_id_code(best.get(), 0);
    if (authority && code)
        text << " (" << authority << ':' << code << ')';
    const double accuracy = proj_coordoperation_get_accuracy(context, best.get());
    if (accuracy >= 0)
        text << ", accuracy " << accuracy << " m";
    if (proj_coordoperation_has_ballpark_transformation(context, best.get()))
        text << ", ballpark only (no datum shift known)";
    return text.str();
}

} // namespace pa::gis
