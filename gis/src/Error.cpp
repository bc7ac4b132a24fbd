#include "Private_p.h"

#include <cstdlib>
#include <mutex>
#include <sqlite3.h>
#include <string_view>

namespace pa::gis {

namespace {
std::mutex g_warningMutex;
LogHandler g_warningHandler;

void forwardWarning(const std::string& message)
{
    // Copy the handler out so that a handler that itself makes GDAL warn cannot deadlock.
    LogHandler handler;
    {
        std::lock_guard lock(g_warningMutex);
        handler = g_warningHandler;
    }
    if (handler)
        handler(message);
}
} // namespace

void setWarningHandler(LogHandler handler)
{
    std::lock_guard lock(g_warningMutex);
    g_warningHandler = std::move(handler);
}

namespace detail {

void ensureGdalConfigured()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // SQLite's memory statistics take one mutex on every allocation, which the threads
        // reading a GeoPackage at once then queue for; nothing here reads them. (Only before
        // SQLite starts: refused, harmlessly, if something started it already.)
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        // Never let PROJ reach for network grids: results must not depend on connectivity.
        OSRSetPROJEnableNetwork(FALSE);
        // A database server that does not answer (a VPN down) is given up after 15 s, not the
        // two minutes the system's TCP retries take, during which a window would stand still.
        // As libpq's environment default, the lowest of its settings: a connect_timeout in the
        // connection string or the service, or PGCONNECT_TIMEOUT set by the user, wins.
        ::setenv("PGCONNECT_TIMEOUT", "15", 0);
        // The driver manager (no driver yet) reads GDAL's configuration file and data paths,
        // which CRS and transformations use as much as datasets do.
        (void)GetGDALDriverManager();
    });
}

namespace {
std::mutex g_registerMutex;
bool g_allRegistered = false;
} // namespace

void ensureGdalRegistered()
{
    ensureGdalConfigured();
    std::lock_guard lock(g_registerMutex);
    if (!g_allRegistered) {
        GDALAllRegister(); // skips the drivers registered already
        g_allRegistered = true;
    }
}

void ensureGdalDriver(std::string_view name)
{
    ensureGdalConfigured();
    std::lock_guard lock(g_registerMutex);
    if (g_allRegistered || GDALGetDriverByName(std::string(name).c_str()))
        return;
    // A workspace's own drivers alone: registering the two hundred others (and loading GDAL's
    // plugins) took as long as opening the workspace. Anything else registers them all.
    if (name == "GPKG") {
        RegisterOGRGeoPackage();
    } else if (name == "PostgreSQL") {
        RegisterOGRPG();
        RegisterOGRMEM(); // holds the rows of a SELECT without FROM (PG's ExecuteSQL)
    }
    if (!GDALGetDriverByName(std::string(name).c_str())) {
        GDALAllRegister();
        g_allRegistered = true;
    }
}

ErrorCapture::ErrorCapture()
{
    CPLPushErrorHandlerEx(&ErrorCapture::handler, this);
    CPLSetCurrentErrorHandlerCatchDebug(FALSE);
}

ErrorCapture::~ErrorCapture()
{
    CPLPopErrorHandler();
}

void CPL_STDCALL ErrorCapture::handler(CPLErr level, CPLErrorNum, const char* message)
{
    // Runs inside GDAL's C code: record only, and let nothing unwind through it.
    try {
        auto* self = static_cast<ErrorCapture*>(CPLGetErrorHandlerUserData());
        std::string text = message ? message : "";
        if (level == CE_Failure || level == CE_Fatal) {
            if (self)
                self->m_errors.push_back(std::move(text));
        } else if (level == CE_Warning) {
            forwardWarning(text);
        }
    } catch (...) {
    }
}

std::string ErrorCapture::message() const
{
    std::string joined;
    for (const auto& error : m_errors) {
        if (!joined.empty())
            joined += "; ";
        joined += error;
    }
    return joined;
}

void ErrorCapture::throwIfFailed(const std::string& context, bool callFailed) const
{
    if (failed())
        throw GisError(context + ": " + message(), message());
    if (callFailed)
        throw GisError(context);
}

} // namespace detail
} // namespace pa::gis
