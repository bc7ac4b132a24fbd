#include "Private_p.h"

#include <cmath>
#include <cstring>

namespace pa::gis {

Crs::Crs(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Crs::Crs(const Crs& other) : m_impl(std::make_unique<Impl>(*other.m_impl)) {}
Crs& Crs::operator=(const Crs& other)
{
    if (this != &other)
        m_impl = std::make_unique<Impl>(*other.m_impl);
    return *this;
}
Crs::Crs(Crs&& other) noexcept = default;
Crs& Crs::operator=(Crs&& other) noexcept = default;
Crs::~Crs() = default;

Crs Crs::fromUserInput(std::string_view text)
{
    detail::ensureGdalConfigured();
    auto impl = std::make_unique<Impl>();
    const std::string input(text);
    detail::ErrorCapture errors;
    // SetFromUserInput would also read files and URLs; restrict to definitions.
    const OGRErr err = impl->srs.SetFromUserInput(
        input.c_str(), OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS);
    if (err != OGRERR_NONE || impl->srs.IsEmpty())
        throw GisError("unknown coordinate reference system '" + input + "'" +
                           (errors.failed() ? ": " + errors.message() : std::string()),
                       errors.failed() ? errors.message() : std::string());
    impl->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return Crs(std::move(impl));
}

Crs Crs::fromEpsg(int code)
{
    return fromUserInput("EPSG:" + std::to_string(code));
}

std::optional<int> Crs::epsg() const
{
    const auto& srs = m_impl->srs;
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority && code && std::strcmp(authority, "EPSG") == 0)
        return std::atoi(code);
    // A .prj in ESRI WKT carries no authority: accept PROJ's identification only when it
    // is certain (confidence 100), never a guess.
    int count = 0;
    int* confidences = nullptr;
    detail::ErrorCapture errors;
    OGRSpatialReferenceH* matches = srs.FindMatches(nullptr, &count, &confidences);
    std::optional<int> result;
    if (matches && count > 0 && confidences[0] == 100) {
        const auto* match = OGRSpatialReference::FromHandle(matches[0]);
        const char* matchAuthority = match->GetAuthorityName(nullptr);
        const char* matchCode = match->GetAuthorityCode(nullptr);
        if (matchAuthority && matchCode && std::strcmp(matchAuthority, "EPSG") == 0)
            result = std::atoi(matchCode);
    }
    OSRFreeSRSArray(matches);
    CPLFree(confidences);
    return result;
}

std::string Crs::label() const
{
    if (auto code = epsg())
        return "EPSG:" + std::to_string(*code);
    return name();
}

std::string Crs::name() const
{
    const char* n = m_impl->srs.GetName();
    return n ? n : "unnamed CRS";
}

std::string Crs::wkt() const
{
    char* text = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", "MULTILINE=NO", nullptr};
    detail::ErrorCapture errors;
    m_impl->srs.exportToWkt(&text, options);
    std::string result = text ? text : "";
    CPLFree(text);
    return result;
}

bool Crs::isProjected() const
{
    return m_impl->srs.IsProjected();
}
std::optional<std::array<double, 4>> Crs::areaOfUse() const
{
    double west = 0, south = 0, east = 0, north = 0;
    const char* name = nullptr;
    if (!m_impl->srs.GetAreaOfUse(&west, &south, &east, &north, &name) || west < -180.0 ||
        west > 180.0)
        return std::nullopt;
    return std::array<double, 4>{west, south, east, north};
}

bool Crs::isGeographic() const
{
    return m_impl->srs.IsGeographic();
}

double Crs::linearUnitMetres() const
{
    if (!isProjected())
        return 0.0;
    return m_impl->srs.GetLinearUnits(nullptr);
}

bool Crs::isSame(const Crs& other) const
{
    const char* options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES",
                             "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
    return m_impl->srs.IsSame(&other.m_impl->srs, options);
}

} // namespace pa::gis
