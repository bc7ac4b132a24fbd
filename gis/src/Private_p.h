#pragma once
// Private to gis/: the only place where GDAL, GEOS and PROJ handles meet our types.
// One owner type per C handle, deleters beside it; per-thread GEOS and PROJ contexts.

#include "planatlas/gis/Crs.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Geometry.h"
#include "planatlas/gis/Transform.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <geos_c.h>
#include <memory>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <proj.h>
#include <string>
#include <string_view>
#include <vector>

namespace pa::gis::detail {

/// Sets, once, the process-wide options we rely on (no PROJ network, no SQLite memory
/// statistics): before any GDAL, OSR or PROJ call that needs no driver.
void ensureGdalConfigured();

/// ensureGdalConfigured(), and every GDAL driver registered (once; those registered already
/// are kept): before opening or creating a dataset of any format.
void ensureGdalRegistered();

/// ensureGdalConfigured(), and the driver @p name registered: "GPKG" and "PostgreSQL" alone
/// (a workspace opens without registering the others), any other name registers them all.
void ensureGdalDriver(std::string_view name);

/// Reads the source window (@p xOff, @p yOff, @p xSize × @p ySize; @p extra may refine it and
/// sets the resampling) of @p ds into @p outW × @p outH RGBA pixels at @p out, rows @p stride
/// pixels apart: grey, grey+alpha, RGB, RGBA and paletted bands become colours, opaque where
/// there is no alpha band. Throws GisError naming @p what.
void readRgbaInto(GDALDataset& ds, int xOff, int yOff, int xSize, int ySize,
                  GDALRasterIOExtraArg* extra, int outW, int outH, std::uint8_t* out, int stride,
                  const std::string& what);

/// Collects GDAL errors raised on this thread while it is alive; never throws from the C
/// callback. Call throwIfFailed() after the GDAL call returns.
class ErrorCapture
{
public:
    ErrorCapture();
    ~ErrorCapture();
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

    [[nodiscard]] bool failed() const { return !m_errors.empty(); }
    [[nodiscard]] std::string message() const;
    /// Throws GisError("<context>: <GDAL message>") when an error was recorded, or when
    /// @p callFailed says the call failed without a message.
    void throwIfFailed(const std::string& context, bool callFailed = false) const;
    void clear() { m_errors.clear(); }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum number, const char* message);
    std::vector<std::string> m_errors;
};

// ---- GEOS ---------------------------------------------------------------------------------

/// The calling thread's GEOS context; GEOS contexts must only be used by one thread.
GEOSContextHandle_t geosContext();
/// Last message GEOS sent to this thread's context (cleared by takeGeosError()).
std::string takeGeosError();

struct GeosGeometryDeleter
{
    GEOSContextHandle_t context;
    void operator()(GEOSGeometry* geometry) const { GEOSGeom_destroy_r(context, geometry); }
};
using GeosGeometryPtr = std::unique_ptr<GEOSGeometry, GeosGeometryDeleter>;

struct GeosStringDeleter
{
    GEOSContextHandle_t context;
    void operator()(char* text) const { GEOSFree_r(context, text); }
};
using GeosStringPtr = std::unique_ptr<char, GeosStringDeleter>;

GeosGeometryPtr toGeos(const OGRGeometry& geometry);

/// Rings longer than this are left to GEOS by certainlyValidRingPoints().
inline constexpr int kMaxCertainRingPoints = 64;
/// Whether a closed ring of @p n points is certainly valid as a polygon's only ring (see
/// Geometry.cpp); false means "not sure", and GEOS decides.
bool certainlyValidRingPoints(const OGRRawPoint* points, int n);
/// The area of a closed ring, by the same sum in the same order as OGR's get_Area(), so that a
/// polygon measured from its WKB weighs exactly what it weighs read through OGR.
double ringArea(const OGRRawPoint* points, int n);
std::unique_ptr<OGRGeometry> fromGeos(const GEOSGeometry& geometry);

// ---- PROJ ---------------------------------------------------------------------------------

/// The calling thread's PROJ context (never PROJ's default global one).
PJ_CONTEXT* projContext();

struct PjDeleter
{
    void operator()(PJ* pj) const { proj_destroy(pj); }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

struct PjObjListDeleter
{
    void operator()(PJ_OBJ_LIST* list) const { proj_list_destroy(list); }
};
using PjObjListPtr = std::unique_ptr<PJ_OBJ_LIST, PjObjListDeleter>;

struct PjOperationFactoryDeleter
{
    PJ_CONTEXT* context;
    void operator()(PJ_OPERATION_FACTORY_CONTEXT* factory) const
    {
        proj_operation_factory_context_destroy(factory);
    }
};

// ---- OGR / GDAL ---------------------------------------------------------------------------

struct CoordinateTransformationDeleter
{
    void operator()(OGRCoordinateTransformation* ct) const
    {
        OGRCoordinateTransformation::DestroyCT(ct);
    }
};
using CoordinateTransformationPtr =
    std::unique_ptr<OGRCoordinateTransformation, CoordinateTransformationDeleter>;

/// GDAL's result sets must go back through ReleaseResultSet on the dataset that made them.
struct ResultSetDeleter
{
    GDALDataset* dataset;
    void operator()(OGRLayer* layer) const { dataset->ReleaseResultSet(layer); }
};
using ResultSetPtr = std::unique_ptr<OGRLayer, ResultSetDeleter>;

inline OGRLayer* ogrLayer(const Layer& layer)
{
    return static_cast<OGRLayer*>(layer.handle());
}

} // namespace pa::gis::detail

namespace pa::gis {

struct Crs::Impl
{
    OGRSpatialReference srs; // traditional GIS axis order
};

struct Geometry::Impl
{
    std::unique_ptr<OGRGeometry> geometry;
};

struct Feature::Impl
{
    OGRFeatureUniquePtr feature;
};

struct CoordinateTransform::Impl
{
    detail::CoordinateTransformationPtr transformation;
};

struct Dataset::Impl
{
    GDALDatasetUniquePtr dataset;
    std::string path;
};

} // namespace pa::gis
