#include "Private_p.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cpl_conv.h>
#include <cpl_string.h>
#include <cstdio>
#include <gdal_version.h>
#include <geos_c.h>
#include <optional>
#include <regex>
#include <sqlite3.h>
#include <sstream>

namespace pa::gis {

namespace {

/// The password of a libpq URI ("postgresql://role:secret@host/db"), after its "role:".
const std::regex& uriPassword()
{
    static const std::regex pattern(R"((://[^:/@]*:)[^@/]*@)");
    return pattern;
}

FieldType toFieldType(OGRFieldType type)
{
    switch (type) {
    case OFTInteger:
        return FieldType::Integer;
    case OFTInteger64:
        return FieldType::Integer64;
    case OFTReal:
        return FieldType::Real;
    case OFTString:
        return FieldType::String;
    case OFTDate:
        return FieldType::Date;
    case OFTDateTime:
        return FieldType::DateTime;
    default:
        return FieldType::Other;
    }
}

OGRFieldType toOgrFieldType(FieldType type)
{
    switch (type) {
    case FieldType::Integer:
        return OFTInteger;
    case FieldType::Integer64:
        return OFTInteger64;
    case FieldType::Real:
        return OFTReal;
    case FieldType::Date:
        return OFTDate;
    case FieldType::DateTime:
        return OFTDateTime;
    case FieldType::String:
    case FieldType::Other:
        return OFTString;
    }
    return OFTString;
}

/// Non-list CSL from a vector of strings; the vector must outlive the result.
std::vector<const char*> toCsl(const std::vector<std::string>& strings)
{
    std::vector<const char*> list;
    list.reserve(strings.size() + 1);
    for (const auto& s : strings)
        list.push_back(s.c_str());
    list.push_back(nullptr);
    return list;
}

FieldValue readValue(const OGRFeature& feature, int index)
{
    if (!feature.IsFieldSetAndNotNull(index))
        return std::monostate{};
    const OGRFieldDefn* defn = feature.GetFieldDefnRef(index);
    switch (defn->GetType()) {
    case OFTInteger:
    case OFTInteger64:
        return static_cast<std::int64_t>(feature.GetFieldAsInteger64(index));
    case OFTReal:
        return feature.GetFieldAsDouble(index);
    case OFTDate:
    case OFTDateTime: {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        feature.GetFieldAsDateTime(index, &y, &m, &d, &hh, &mm, &ss, &tz);
        char buffer[32];
        if (defn->GetType() == OFTDate)
            std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
        else
            std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hh, mm,
                          static_cast<int>(ss));
        return std::string(buffer);
    }
    default:
        return std::string(feature.GetFieldAsString(index));
    }
}

OGRwkbGeometryType toOgrType(GeometryFamily family, bool multi)
{
    switch (family) {
    case GeometryFamily::None:
        return wkbNone;
    case GeometryFamily::Point:
        return multi ? wkbMultiPoint : wkbPoint;
    case GeometryFamily::Line:
        return multi ? wkbMultiLineString : wkbLineString;
    case GeometryFamily::Polygon:
        return multi ? wkbMultiPolygon : wkbPolygon;
    case GeometryFamily::Collection:
        return wkbUnknown;
    }
    return wkbUnknown;
}

} // namespace

FieldValue textOrNull(const std::string& text)
{
    return text.empty() ? FieldValue{} : FieldValue{text};
}

std::string toString(const FieldValue& value)
{
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&value)) {
        std::ostringstream out;
        out.precision(15);
        out << *d;
        return out.str();
    }
    if (const auto* s = std::get_if<std::string>(&value))
        return *s;
    return {};
}

// ---- Feature -----------------------------------------------------------------------------

Feature::Feature() : m_impl(std::make_unique<Impl>()) {}
Feature::Feature(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Feature::~Feature() = default;
Feature::Feature(Feature&&) noexcept = default;
Feature& Feature::operator=(Feature&&) noexcept = default;

std::int64_t Feature::fid() const
{
    return m_impl->feature->GetFID();
}
void Feature::setFid(std::int64_t fid)
{
    m_impl->feature->SetFID(fid);
}
int Feature::fieldCount() const
{
    return m_impl->feature->GetFieldCount();
}
FieldValue Feature::value(int index) const
{
    return readValue(*m_impl->feature, index);
}

Geometry Feature::takeGeometry()
{
    auto impl = std::make_unique<Geometry::Impl>();
    impl->geometry.reset(m_impl->feature->StealGeometry());
    return Geometry(std::move(impl));
}

void Feature::setValue(int index, const FieldValue& value)
{
    OGRFeature& f = *m_impl->feature;
    if (std::holds_alternative<std::monostate>(value))
        f.SetFieldNull(index);
    else if (const auto* i = std::get_if<std::int64_t>(&value))
        f.SetField(index, static_cast<GIntBig>(*i));
    else if (const auto* d = std::get_if<double>(&value))
        f.SetField(index, *d);
    else
        f.SetField(index, std::get<std::string>(value).c_str());
}

void Feature::setGeometry(Geometry geometry)
{
    m_impl->feature->SetGeometryDirectly(geometry.impl().geometry.release());
}

// ---- Layer -------------------------------------------------------------------------------

std::string Layer::name() const
{
    return detail::ogrLayer(*this)->GetName();
}

void Layer::setFieldsToRead(const std::vector<std::string>& names)
{
    OGRLayer* layer = detail::ogrLayer(*this);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<std::string> ignored;
    for (const auto& n : names)
        if (defn->GetFieldIndex(n.c_str()) < 0)
            throw GisError("layer '" + name() + "' has no field '" + n + "'");
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const std::string field = defn->GetFieldDefn(i)->GetNameRef();
        if (std::find(names.begin(), names.end(), field) == names.end())
            ignored.push_back(field);
    }
    ignored.emplace_back("OGR_STYLE");
    auto list = toCsl(ignored);
    detail::ErrorCapture errors;
    const OGRErr err = layer->SetIgnoredFields(const_cast<const char**>(list.data()));
    errors.throwIfFailed("cannot select the fields to read of layer '" + name() + "'",
                         err != OGRERR_NONE);
}

void Layer::readAllFields()
{
    detail::ErrorCapture errors;
    const OGRErr err = detail::ogrLayer(*this)->SetIgnoredFields(nullptr);
    errors.throwIfFailed("cannot read all fields of layer '" + name() + "'", err != OGRERR_NONE);
}

std::optional<Crs> Layer::crs() const
{
    const OGRSpatialReference* srs = detail::ogrLayer(*this)->GetSpatialRef();
    if (!srs || srs->IsEmpty())
        return std::nullopt;
    // Build through the public factory so the copy gets the traditional axis order.
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, options);
    std::string text = wkt ? wkt : "";
    CPLFree(wkt);
    Crs crs = Crs::fromUserInput(text);
    return crs;
}

std::string Layer::geometryTypeName() const
{
    return OGRGeometryTypeToName(detail::ogrLayer(*this)->GetGeomType());
}

GeometryFamily Layer::geometryFamily() const
{
    switch (wkbFlatten(detail::ogrLayer(*this)->GetGeomType())) {
    case wkbNone:
        return GeometryFamily::None;
    case wkbPoint:
    case wkbMultiPoint:
        return GeometryFamily::Point;
    case wkbLineString:
    case wkbMultiLineString:
        return GeometryFamily::Line;
    case wkbPolygon:
    case wkbMultiPolygon:
        return GeometryFamily::Polygon;
    default:
        return GeometryFamily::Collection;
    }
}

bool Layer::hasGeometry() const
{
    return detail::ogrLayer(*this)->GetGeomType() != wkbNone;
}

std::string Layer::geometryColumn() const
{
    const char* column = detail::ogrLayer(*this)->GetGeometryColumn();
    return column ? column : "";
}

std::string Layer::fidColumn() const
{
    const char* column = detail::ogrLayer(*this)->GetFIDColumn();
    return column ? column : "";
}

std::int64_t Layer::featureCount(bool force) const
{
    detail::ErrorCapture errors;
    const auto count = detail::ogrLayer(*this)->GetFeatureCount(force ? TRUE : FALSE);
    errors.throwIfFailed("cannot count features of layer '" + name() + "'");
    return count;
}

std::optional<Envelope> Layer::extent() const
{
    OGRLayer* layer = detail::ogrLayer(*this);
    if (layer->GetGeomType() == wkbNone)
        return std::nullopt;
    OGREnvelope e;
    detail::ErrorCapture errors;
    if (layer->GetExtent(&e, TRUE) != OGRERR_NONE)
        return std::nullopt;
    return Envelope{e.MinX, e.MinY, e.MaxX, e.MaxY};
}

std::vector<FieldDef> Layer::fields() const
{
    const OGRFeatureDefn* defn = detail::ogrLayer(*this)->GetLayerDefn();
    std::vector<FieldDef> result;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const OGRFieldDefn* field = defn->GetFieldDefn(i);
        result.push_back({field->GetNameRef(), toFieldType(field->GetType())});
    }
    return result;
}

int Layer::fieldIndex(std::string_view name) const
{
    return detail::ogrLayer(*this)->GetLayerDefn()->GetFieldIndex(std::string(name).c_str());
}

void Layer::resetReading()
{
    detail::ogrLayer(*this)->ResetReading();
}

void Layer::setAttributeFilter(const std::string& where)
{
    detail::ErrorCapture errors;
    const OGRErr err =
        detail::ogrLayer(*this)->SetAttributeFilter(where.empty() ? nullptr : where.c_str());
    errors.throwIfFailed("invalid filter '" + where + "' on layer '" + name() + "'",
                         err != OGRERR_NONE);
}

void Layer::setSpatialFilter(const std::optional<Envelope>& r)
{
    if (r)
        detail::ogrLayer(*this)->SetSpatialFilterRect(r->minX, r->minY, r->maxX, r->maxY);
    else
        detail::ogrLayer(*this)->SetSpatialFilter(nullptr);
}

std::optional<Feature> Layer::next()
{
    detail::ErrorCapture errors;
    OGRFeatureUniquePtr feature(detail::ogrLayer(*this)->GetNextFeature());
    if (feature && errors.failed()) // the feature is there, part of it is not (a damaged blob)
        throw FeatureReadError(name(), feature->GetFID(),
                               "cannot be read wholly (" + errors.message() + ")");
    errors.throwIfFailed("error reading layer '" + name() + "'");
    if (!feature)
        return std::nullopt;
    auto impl = std::make_unique<Feature::Impl>();
    impl->feature = std::move(feature);
    return Feature(std::move(impl));
}

void Layer::createField(const FieldDef& field)
{
    OGRFieldDefn defn(field.name.c_str(), toOgrFieldType(field.type));
    defn.SetNullable(!field.notNull);
    defn.SetUnique(field.unique);
    detail::ErrorCapture errors;
    const OGRErr err = detail::ogrLayer(*this)->CreateField(&defn, FALSE);
    errors.throwIfFailed("cannot create field '" + field.name + "' in layer '" + name() + "'",
                         err != OGRERR_NONE);
}

Feature Layer::newFeature() const
{
    auto impl = std::make_unique<Feature::Impl>();
    impl->feature.reset(new OGRFeature(detail::ogrLayer(*this)->GetLayerDefn()));
    return Feature(std::move(impl));
}

std::int64_t Layer::insert(Feature& feature)
{
    detail::ErrorCapture errors;
    const OGRErr err = detail::ogrLayer(*this)->CreateFeature(feature.impl().feature.get());
    errors.throwIfFailed("cannot write feature to layer '" + name() + "'", err != OGRERR_NONE);
    return feature.fid();
}

std::optional<Feature> Layer::feature(std::int64_t fid) const
{
    detail::ErrorCapture errors;
    OGRFeature* found = detail::ogrLayer(*this)->GetFeature(fid);
    if (!found)
        return std::nullopt;
    auto impl = std::make_unique<Feature::Impl>();
    impl->feature.reset(found);
    return Feature(std::move(impl));
}

void Layer::update(Feature& feature)
{
    detail::ErrorCapture errors;
    const OGRErr err = detail::ogrLayer(*this)->SetFeature(feature.impl().feature.get());
    errors.throwIfFailed("cannot rewrite feature fid " + std::to_string(feature.fid()) +
                             " of layer '" + name() + "'",
                         err != OGRERR_NONE);
}

bool Layer::remove(std::int64_t fid)
{
    detail::ErrorCapture errors;
    const OGRErr err = detail::ogrLayer(*this)->DeleteFeature(fid);
    if (err == OGRERR_NON_EXISTING_FEATURE)
        return false;
    errors.throwIfFailed("cannot delete feature fid " + std::to_string(fid) + " of layer '" +
                             name() + "'",
                         err != OGRERR_NONE);
    return true;
}

// ---- Dataset -----------------------------------------------------------------------------

Dataset::Dataset(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Dataset::Dataset(Dataset&&) noexcept = default;
Dataset& Dataset::operator=(Dataset&&) noexcept = default;
Dataset::~Dataset()
{
    if (m_impl && m_impl->dataset) {
        detail::ErrorCapture errors; // closing must not throw from a destructor
        m_impl->dataset.reset();
    }
}

Dataset Dataset::openVector(const std::string& path, OpenMode mode,
                            const std::vector<std::string>& openOptions,
                            const std::vector<std::string>& allowedDrivers)
{
    // One of a workspace's drivers alone when only it may open the path (a workspace opens
    // without registering the others); else all.
    if (allowedDrivers.size() == 1)
        detail::ensureGdalDriver(allowedDrivers.front());
    else
        detail::ensureGdalRegistered();
    // The spreadsheet drivers' "HEADERS=FORCE|DISABLE|AUTO": an open option from GDAL 3.7, the
    // configuration options OGR_XLSX_HEADERS / OGR_ODS_HEADERS before it (read when the
    // dataset is opened), set for this thread and this call only.
    std::vector<std::string> kept;
    std::string headers;
    for (const auto& option : openOptions)
        if (option.rfind("HEADERS=", 0) == 0)
            headers = option.substr(8);
        else
            kept.push_back(option);
#if GDAL_VERSION_NUM >= GDAL_COMPUTE_VERSION(3, 7, 0)
    if (!headers.empty())
        kept.push_back("HEADERS=" + headers);
#endif
    std::optional<CPLConfigOptionSetter> xlsxHeaders, odsHeaders;
    if (!headers.empty()) {
        xlsxHeaders.emplace("OGR_XLSX_HEADERS", headers.c_str(), false);
        odsHeaders.emplace("OGR_ODS_HEADERS", headers.c_str(), false);
    }
    auto options = toCsl(kept);
    auto drivers = toCsl(allowedDrivers);
    const unsigned flags = GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR |
                           (mode == OpenMode::Update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    detail::ErrorCapture errors;
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(path.c_str(), flags, allowedDrivers.empty() ? nullptr : drivers.data(),
                          options.data(), nullptr));
    if (!dataset) {
        if (errors.failed())
            throw GisError(errors.message());
        throw GisError("not recognised as a vector dataset by GDAL");
    }
    if (!headers.empty()) // the spreadsheet drivers read a sheet when it is first asked for
        for (int i = 0; i < dataset->GetLayerCount(); ++i)
            if (OGRLayer* layer = dataset->GetLayer(i))
                layer->GetLayerDefn();
    auto impl = std::make_unique<Impl>();
    impl->dataset = std::move(dataset);
    impl->path = path;
    return Dataset(std::move(impl));
}

Dataset Dataset::openGeoPackage(const std::string& path, OpenMode mode)
{
    detail::ensureGdalRegistered();
    // As raster too: GDAL opens a GeoPackage holding only tiles as a raster dataset alone.
    const unsigned flags = GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_VERBOSE_ERROR |
                           (mode == OpenMode::Update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    const char* const drivers[] = {"GPKG", nullptr};
    detail::ErrorCapture errors;
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), flags, drivers, nullptr, nullptr));
    if (!dataset)
        throw GisError(errors.failed() ? errors.message()
                                       : path + ": not recognised as a GeoPackage by GDAL");
    auto impl = std::make_unique<Impl>();
    impl->dataset = std::move(dataset);
    impl->path = path;
    return Dataset(std::move(impl));
}

Dataset Dataset::createGeoPackage(const std::string& path)
{
    return createVector(path, "GPKG");
}

Dataset Dataset::createVector(const std::string& path, const std::string& driverName)
{
    detail::ensureGdalDriver(driverName);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
    if (!driver)
        throw GisError("GDAL was built without the " + driverName + " driver");
    VSIStatBufL stat;
    if (VSIStatL(path.c_str(), &stat) == 0)
        throw GisError("'" + path + "' already exists");
    detail::ErrorCapture errors;
    GDALDatasetUniquePtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    errors.throwIfFailed("cannot create " + driverName + " file '" + path + "'",
                         dataset == nullptr);
    auto impl = std::make_unique<Impl>();
    impl->dataset = std::move(dataset);
    impl->path = path;
    return Dataset(std::move(impl));
}

std::string Dataset::driverName() const
{
    return m_impl->dataset->GetDriver() ? m_impl->dataset->GetDriver()->GetDescription() : "";
}

bool Dataset::isPostgres() const
{
    return driverName() == "PostgreSQL";
}

Dataset Dataset::openPostgres(const std::string& connection, OpenMode mode)
{
    if (!isPostgresConnection(connection))
        throw GisError("'" + connection + "' is not a PostgreSQL connection (PG:service=…)");
    if (!connectionKeyword(connection, "password").empty() ||
        connection.find("password=") != std::string::npos ||
        std::regex_search(connection, uriPassword()))
        throw GisError("the connection string carries a password; put it in libpq's password "
                       "file (~/.pgpass) or a service file (pg_service.conf) instead");
    std::string name = connection;
    // Only the active schema's tables are layers (GDAL lists every schema's otherwise).
    const std::string schema = connectionKeyword(connection, "active_schema");
    if (!schema.empty() && connectionKeyword(connection, "schemas").empty())
        name += " schemas=" + schema;
    // Tables without geometry are layers too (PlanAtlas's plan and link tables).
    CPLConfigOptionSetter listAll("PG_LIST_ALL_TABLES", "YES", false);
    try {
        auto dataset = openVector(name, mode, {}, {"PostgreSQL"});
        dataset.m_impl->path = connection;
        return dataset;
    } catch (const GisError& e) {
        // Not reached, no password, refused …: asked of libpq, so that it can be said plainly.
        if (auto problem = connectionProblem(connection, e.what()))
            throw *problem;
        throw;
    }
}

std::string Dataset::path() const
{
    return m_impl->path;
}
int Dataset::layerCount() const
{
    return m_impl->dataset->GetLayerCount();
}
Layer Dataset::layer(int index) const
{
    return Layer(m_impl->dataset->GetLayer(index));
}

std::optional<Layer> Dataset::layerByName(std::string_view name) const
{
    detail::ErrorCapture errors; // a missing layer is an answer, not an error
    OGRLayer* layer = m_impl->dataset->GetLayerByName(std::string(name).c_str());
    if (!layer)
        return std::nullopt;
    return Layer(layer);
}

void Dataset::insertRows(const std::string& table, const SqlResult& rows, bool replace)
{
    if (rows.rows.empty())
        return;
    std::string columns, marks;
    for (const auto& c : rows.columns) {
        columns += (columns.empty() ? "" : ", ") + sqlIdentifier(c);
        marks += marks.empty() ? "?" : ", ?";
    }
    const std::string sql = std::string(replace ? "INSERT OR REPLACE" : "INSERT") + " INTO " +
                            sqlIdentifier(table) + " (" + columns + ") VALUES (" + marks + ")";
    for (const auto& row : rows.rows)
        run(sql, row);
}

bool Dataset::hasTable(const std::string& name)
{
    if (isPostgres())
        return !run("SELECT 1 FROM information_schema.tables WHERE table_schema = "
                    "current_schema() AND table_name = ?",
                    {name})
                    .rows.empty();
    return !run("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", {name})
                .rows.empty();
}

void Dataset::renameLayer(const std::string& from, const std::string& to)
{
    detail::ErrorCapture errors;
    OGRLayer* layer = m_impl->dataset->GetLayerByName(from.c_str());
    if (!layer)
        throw GisError("no layer '" + from + "' to rename");
    const OGRErr err = layer->Rename(to.c_str());
    errors.throwIfFailed("cannot rename layer '" + from + "' to '" + to + "'", err != OGRERR_NONE);
}

void Dataset::deleteLayer(const std::string& name)
{
    detail::ErrorCapture errors;
    for (int i = 0; i < m_impl->dataset->GetLayerCount(); ++i)
        if (name == m_impl->dataset->GetLayer(i)->GetName()) {
            const OGRErr err = m_impl->dataset->DeleteLayer(i);
            errors.throwIfFailed("cannot delete layer '" + name + "'", err != OGRERR_NONE);
            return;
        }
    throw GisError("no layer '" + name + "' to delete");
}

std::vector<std::string> Dataset::layerNames() const
{
    std::vector<std::string> names;
    for (int i = 0; i < layerCount(); ++i)
        names.emplace_back(m_impl->dataset->GetLayer(i)->GetName());
    return names;
}

Layer Dataset::createLayerLike(Layer source, const std::string& name,
                               const std::vector<std::string>& options)
{
    auto* from = static_cast<OGRLayer*>(source.handle());
    OGRFeatureDefn* definition = from->GetLayerDefn();
    std::vector<std::string> all = options;
    if (const char* fid = from->GetFIDColumn(); fid && *fid)
        all.push_back(std::string("FID=") + fid);
    const OGRwkbGeometryType type = definition->GetGeomType();
    if (type != wkbNone)
        if (const char* geometry = from->GetGeometryColumn(); geometry && *geometry)
            all.push_back(std::string("GEOMETRY_NAME=") + geometry);
    auto csl = toCsl(all);
    detail::ErrorCapture errors;
    const OGRSpatialReference* srs = from->GetSpatialRef();
    OGRLayer* layer = m_impl->dataset->CreateLayer(
        name.c_str(), const_cast<OGRSpatialReference*>(srs), type, const_cast<char**>(csl.data()));
    errors.throwIfFailed("cannot create layer '" + name + "'", layer == nullptr);
    for (int i = 0; i < definition->GetFieldCount(); ++i) {
        OGRFieldDefn field(definition->GetFieldDefn(i));
        if (layer->CreateField(&field, FALSE) != OGRERR_NONE || errors.failed())
            errors.throwIfFailed("cannot create field '" + std::string(field.GetNameRef()) +
                                     "' of layer '" + name + "'",
                                 true);
    }
    return Layer(layer);
}

std::int64_t copyFeatures(Layer from, Layer to, const std::function<bool(std::int64_t)>& progress)
{
    auto* source = static_cast<OGRLayer*>(from.handle());
    auto* target = static_cast<OGRLayer*>(to.handle());
    OGRFeatureDefn* targetDefinition = target->GetLayerDefn();
    OGRFeatureDefn* sourceDefinition = source->GetLayerDefn();
    std::vector<int> map(static_cast<std::size_t>(sourceDefinition->GetFieldCount()), -1);
    for (int i = 0; i < sourceDefinition->GetFieldCount(); ++i)
        map[static_cast<std::size_t>(i)] =
            targetDefinition->GetFieldIndex(sourceDefinition->GetFieldDefn(i)->GetNameRef());
    source->ResetReading();
    std::int64_t count = 0;
    detail::ErrorCapture errors;
    for (;;) {
        OGRFeatureUniquePtr feature(source->GetNextFeature());
        errors.throwIfFailed("cannot read layer '" + from.name() + "'");
        if (!feature)
            break;
        OGRFeatureUniquePtr copy(OGRFeature::CreateFeature(targetDefinition));
        if (copy->SetFrom(feature.get(), map.data(), TRUE) != OGRERR_NONE)
            errors.throwIfFailed("cannot copy feature fid " + std::to_string(feature->GetFID()) +
                                     " of layer '" + from.name() + "'",
                                 true);
        copy->SetFID(feature->GetFID());
        const OGRErr err = target->CreateFeature(copy.get());
        errors.throwIfFailed("cannot write feature fid " + std::to_string(feature->GetFID()) +
                                 " of layer '" + from.name() + "' into '" + to.name() + "'",
                             err != OGRERR_NONE);
        ++count;
        if (progress && count % 4096 == 0 && !progress(count))
            throw GisError("copy of layer '" + from.name() + "' cancelled");
    }
    if (progress)
        progress(count);
    return count;
}

Layer Dataset::createLayer(const std::string& name, const Crs* crs, GeometryFamily family,
                           bool multi, const std::vector<FieldDef>& fields,
                           const std::vector<std::string>& options)
{
    auto csl = toCsl(options);
    detail::ErrorCapture errors;
    // GDAL 3.6 takes a non-const SRS pointer but only clones it.
    OGRLayer* layer = m_impl->dataset->CreateLayer(
        name.c_str(), crs ? const_cast<OGRSpatialReference*>(&crs->impl().srs) : nullptr,
        toOgrType(family, multi), const_cast<char**>(csl.data()));
    errors.throwIfFailed("cannot create layer '" + name + "'", layer == nullptr);
    Layer result(layer);
    for (const auto& field : fields)
        result.createField(field);
    return result;
}

void Dataset::startTransaction()
{
    detail::ErrorCapture errors;
    const OGRErr err = m_impl->dataset->StartTransaction(FALSE);
    errors.throwIfFailed("cannot start a transaction on '" + m_impl->path + "'",
                         err != OGRERR_NONE);
}

void Dataset::commitTransaction()
{
    detail::ErrorCapture errors;
    const OGRErr err = m_impl->dataset->CommitTransaction();
    errors.throwIfFailed("cannot commit changes to '" + m_impl->path + "'", err != OGRERR_NONE);
}

void Dataset::rollbackTransaction()
{
    detail::ErrorCapture errors;
    const OGRErr err = m_impl->dataset->RollbackTransaction();
    errors.throwIfFailed("cannot roll back changes to '" + m_impl->path + "'", err != OGRERR_NONE);
}

SqlResult Dataset::execute(const std::string& sql, const std::string& dialect)
{
    detail::ErrorCapture errors;
    GDALDataset* dataset = m_impl->dataset.get();
    detail::ResultSetPtr resultSet(
        dataset->ExecuteSQL(sql.c_str(), nullptr, dialect.empty() ? nullptr : dialect.c_str()),
        detail::ResultSetDeleter{dataset});
    errors.throwIfFailed("SQL failed on '" + m_impl->path + "' (" + sql.substr(0, 120) + ")");
    SqlResult result;
    if (!resultSet)
        return result;
    Layer layer(resultSet.get());
    for (const auto& field : layer.fields())
        result.columns.push_back(field.name);
    while (auto feature = layer.next()) {
        std::vector<FieldValue> row;
        row.reserve(result.columns.size());
        for (int i = 0; i < feature->fieldCount(); ++i)
            row.push_back(feature->value(i));
        result.rows.push_back(std::move(row));
    }
    return result;
}

SqlResult Dataset::run(const std::string& sql, const std::vector<FieldValue>& values)
{
    // GDAL's GeoPackage driver hands out its sqlite3 connection (the MBTiles driver uses the
    // same key); statements on it share GDAL's transaction.
    if (isPostgres())
        return execute(bindAsLiterals(sql, values, m_impl->path));
    auto* db = static_cast<sqlite3*>(m_impl->dataset->GetInternalHandle("SQLITE_HANDLE"));
    if (!db)
        throw GisError("'" + m_impl->path + "': bound SQL needs a GeoPackage");
    auto fail = [&](const char* what) -> GisError {
        const std::string words = sqlite3_errmsg(db); // SQLite's own, the detail
        return GisError("SQL failed on '" + m_impl->path + "' (" + sql.substr(0, 120) +
                            "): " + what + ": " + words,
                        words);
    };
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) !=
        SQLITE_OK)
        throw fail("prepare");
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, &sqlite3_finalize);
    if (sqlite3_bind_parameter_count(raw) != static_cast<int>(values.size()))
        throw GisError("SQL on '" + m_impl->path + "' (" + sql.substr(0, 120) + ") has " +
                       std::to_string(sqlite3_bind_parameter_count(raw)) + " placeholder(s) for " +
                       std::to_string(values.size()) + " value(s)");
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int at = static_cast<int>(i) + 1;
        int rc = SQLITE_OK;
        if (const auto* n = std::get_if<std::int64_t>(&values[i]))
            rc = sqlite3_bind_int64(raw, at, *n);
        else if (const auto* d = std::get_if<double>(&values[i]))
            rc = sqlite3_bind_double(raw, at, *d);
        else if (const auto* t = std::get_if<std::string>(&values[i]))
            rc = sqlite3_bind_text64(raw, at, t->data(), t->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        else
            rc = sqlite3_bind_null(raw, at);
        if (rc != SQLITE_OK)
            throw fail("bind");
    }
    SqlResult result;
    const int columns = sqlite3_column_count(raw);
    for (int c = 0; c < columns; ++c)
        result.columns.emplace_back(sqlite3_column_name(raw, c));
    for (;;) {
        const int rc = sqlite3_step(raw);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW)
            throw fail("step");
        std::vector<FieldValue> row;
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c)
            switch (sqlite3_column_type(raw, c)) {
            case SQLITE_INTEGER:
                row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(raw, c)));
                break;
            case SQLITE_FLOAT:
                row.emplace_back(sqlite3_column_double(raw, c));
                break;
            case SQLITE_NULL:
                row.emplace_back(std::monostate{});
                break;
            default:
                row.emplace_back(
                    std::string(reinterpret_cast<const char*>(sqlite3_column_text(raw, c)),
                                static_cast<std::size_t>(sqlite3_column_bytes(raw, c))));
            }
        result.rows.push_back(std::move(row));
    }
    return result;
}

std::vector<RelationshipInfo> Dataset::relationships() const
{
    std::vector<RelationshipInfo> result;
    detail::ErrorCapture errors;
    for (const auto& name : m_impl->dataset->GetRelationshipNames()) {
        const GDALRelationship* rel = m_impl->dataset->GetRelationship(name);
        if (!rel)
            continue;
        RelationshipInfo info;
        info.name = rel->GetName();
        info.leftTable = rel->GetLeftTableName();
        info.rightTable = rel->GetRightTableName();
        info.mappingTable = rel->GetMappingTableName();
        info.relatedTableType = rel->GetRelatedTableType();
        switch (rel->GetCardinality()) {
        case GRC_ONE_TO_ONE:
            info.cardinality = "one-to-one";
            break;
        case GRC_ONE_TO_MANY:
            info.cardinality = "one-to-many";
            break;
        case GRC_MANY_TO_ONE:
            info.cardinality = "many-to-one";
            break;
        case GRC_MANY_TO_MANY:
            info.cardinality = "many-to-many";
            break;
        }
        result.push_back(std::move(info));
    }
    return result;
}

void Dataset::close()
{
    if (!m_impl->dataset)
        return;
    detail::ErrorCapture errors;
    m_impl->dataset.reset();
    errors.throwIfFailed("error while closing '" + m_impl->path + "'");
}

std::string bindAsLiterals(const std::string& sql, const std::vector<FieldValue>& values,
                           const std::string& where)
{
    std::string out;
    out.reserve(sql.size() + 16 * values.size());
    std::size_t next = 0;
    char quote = 0;
    for (char c : sql) {
        if (quote) {
            if (c == quote)
                quote = 0; // a doubled quote closes and reopens: the same state after both
            out += c;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            out += c;
            continue;
        }
        if (c != '?') {
            out += c;
            continue;
        }
        if (next == values.size()) {
            ++next;
            break;
        }
        const FieldValue& value = values[next++];
        if (const auto* n = std::get_if<std::int64_t>(&value)) {
            out += std::to_string(*n);
        } else if (const auto* d = std::get_if<double>(&value)) {
            if (std::isfinite(*d)) {
                char text[32];
                std::snprintf(text, sizeof text, "%.17g", *d);
                out += "CAST('" + std::string(text) + "' AS DOUBLE PRECISION)";
            } else {
                out += std::isnan(*d) ? "CAST('NaN' AS DOUBLE PRECISION)"
                                      : (*d > 0 ? "CAST('Infinity' AS DOUBLE PRECISION)"
                                                : "CAST('-Infinity' AS DOUBLE PRECISION)");
            }
        } else if (const auto* t = std::get_if<std::string>(&value)) {
            // A backslash is an ordinary character in a standard-conforming literal; the
            // escape-string form says so whatever standard_conforming_strings holds.
            if (t->find('\\') != std::string::npos) {
                std::string doubled;
                for (char ch : *t) {
                    if (ch == '\\')
                        doubled += '\\';
                    doubled += ch;
                }
                out += "E" + sqlLiteral(doubled);
            } else {
                out += sqlLiteral(*t);
            }
        } else {
            out += "NULL";
        }
    }
    if (next != values.size())
        throw GisError("SQL on '" + where + "' (" + sql.substr(0, 120) +
                       ") has a different number of placeholders than its " +
                       std::to_string(values.size()) + " value(s)");
    return out;
}

bool isPostgresConnection(std::string_view name)
{
    return name.size() > 3 && (name.substr(0, 3) == "PG:" || name.substr(0, 3) == "pg:");
}

namespace {
/// The keyword=value pairs of a libpq connection string after "PG:", values unquoted, with
/// where each pair starts and ends.
struct ConnectionPair
{
    std::string key, value;
    std::size_t begin, end;
};
std::vector<ConnectionPair> connectionPairs(std::string_view connection)
{
    std::vector<ConnectionPair> pairs;
    std::size_t i = 3;
    const std::size_t n = connection.size();
    while (i < n) {
        while (i < n && std::isspace(static_cast<unsigned char>(connection[i])))
            ++i;
        if (i >= n)
            break;
        ConnectionPair pair;
        pair.begin = i;
        while (i < n && connection[i] != '=' &&
               !std::isspace(static_cast<unsigned char>(connection[i])))
            pair.key += connection[i++];
        while (i < n && std::isspace(static_cast<unsigned char>(connection[i])))
            ++i;
        if (i < n && connection[i] == '=')
            ++i;
        while (i < n && std::isspace(static_cast<unsigned char>(connection[i])))
            ++i;
        if (i < n && connection[i] == '\'') {
            for (++i; i < n && connection[i] != '\''; ++i) {
                if (connection[i] == '\\' && i + 1 < n)
                    ++i;
                pair.value += connection[i];
            }
            if (i < n)
                ++i;
        } else {
            while (i < n && !std::isspace(static_cast<unsigned char>(connection[i])))
                pair.value += connection[i++];
        }
        pair.end = i;
        pairs.push_back(std::move(pair));
    }
    return pairs;
}
} // namespace

std::string connectionKeyword(std::string_view connection, std::string_view keyword)
{
    if (!isPostgresConnection(connection))
        return {};
    for (const auto& pair : connectionPairs(connection))
        if (pair.key == keyword)
            return pair.value;
    return {};
}

std::vector<std::pair<std::string, std::string>> connectionKeywords(std::string_view connection)
{
    std::vector<std::pair<std::string, std::string>> keywords;
    if (isPostgresConnection(connection))
        for (auto& pair : connectionPairs(connection))
            keywords.emplace_back(std::move(pair.key), std::move(pair.value));
    return keywords;
}

std::string backslashQuoted(std::string_view value, char quote)
{
    std::string out(1, quote);
    for (const char c : value) {
        if (c == quote || c == '\\')
            out += '\\';
        out += c;
    }
    return out + quote;
}

std::string connectionValue(std::string_view value)
{
    return backslashQuoted(value, '\'');
}

std::string displayName(std::string_view name)
{
    std::string out(name);
    if (!isPostgresConnection(name))
        return out;
    out = std::regex_replace(out, uriPassword(), "$1***@");
    const auto pairs = connectionPairs(name);
    for (auto it = pairs.rbegin(); it != pairs.rend(); ++it)
        if (it->key == "password")
            out.replace(it->begin, it->end - it->begin, "password=***");
    return out;
}

std::string withoutConnectionKeyword(std::string_view connection, std::string_view keyword)
{
    std::string out(connection);
    if (!isPostgresConnection(connection))
        return out;
    const auto pairs = connectionPairs(connection);
    for (auto it = pairs.rbegin(); it != pairs.rend(); ++it)
        if (it->key == keyword)
            out.erase(it->begin, it->end - it->begin);
    return out;
}

std::string sqlLiteral(std::string_view text)
{
    // GDAL takes SQL as a C string: a NUL would cut the statement short. Text that reaches here
    // has had its control characters removed (text::removeControlCharacters); one that has not
    // is a bug, said plainly rather than as a mangled statement.
    if (text.find('\0') != std::string_view::npos)
        throw GisError("a text value holds a NUL character, which cannot be stored");
    std::string quoted = "'";
    for (char c : text) {
        if (c == '\'')
            quoted += '\'';
        quoted += c;
    }
    quoted += '\'';
    return quoted;
}

std::string sqlIdentifier(std::string_view name)
{
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string columnSridSql(const std::string& table, const std::string& column)
{
    const auto geometry = sqlIdentifier(column);
    return "CAST(COALESCE(NULLIF((SELECT postgis_typmod_srid(atttypmod) FROM pg_attribute WHERE "
           "attrelid = to_regclass(" +
           sqlLiteral(table) + ") AND attname = " + sqlLiteral(column) + "), 0), (SELECT ST_SRID(" +
           geometry + ") FROM " + table + " WHERE " + geometry +
           " IS NOT NULL LIMIT 1), 0) AS BIGINT)";
}

void registerAllFormats()
{
    detail::ensureGdalRegistered();
}

std::string libraryVersions()
{
    detail::ensureGdalRegistered();
    std::ostringstream out;
    out << "GDAL " << GDALVersionInfo("RELEASE_NAME") << ", GEOS " << GEOSversion() << ", PROJ "
        << PROJ_VERSION_MAJOR << '.' << PROJ_VERSION_MINOR << '.' << PROJ_VERSION_PATCH;
    return out.str();
}

} // namespace pa::gis
