#include "planatlas/gis/Files.h"

#include "Private_p.h"

#include <atomic>
#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

namespace pa::gis {

namespace {
struct VsiFileCloser
{
    void operator()(VSILFILE* file) const { VSIFCloseL(file); }
};
} // namespace

std::string readZipMember(const std::string& zipPath, const std::string& member,
                          std::uint64_t maxBytes)
{
    detail::ensureGdalConfigured(); // GDAL's virtual files: no driver
    const std::string path = "/vsizip/{" + zipPath + "}/" + member;
    detail::ErrorCapture errors;
    VSIStatBufL stat;
    if (VSIStatL(path.c_str(), &stat) != 0)
        throw GisError("'" + zipPath + "' has no member '" + member +
                       "' (or is not a zip archive)");
    if (static_cast<std::uint64_t>(stat.st_size) > maxBytes)
        throw GisError("'" + member + "' in '" + zipPath + "' is larger than " +
                       std::to_string(maxBytes >> 20) + " MB");
    std::unique_ptr<VSILFILE, VsiFileCloser> file(VSIFOpenL(path.c_str(), "rb"));
    if (!file) {
        errors.throwIfFailed("cannot open '" + member + "' in '" + zipPath + "'");
        throw GisError("cannot open '" + member + "' in '" + zipPath + "'");
    }
    std::string bytes(static_cast<std::size_t>(stat.st_size), '\0');
    const auto read = VSIFReadL(bytes.data(), 1, bytes.size(), file.get());
    if (read != bytes.size())
        errors.throwIfFailed(
            "cannot read '" + member + "' in '" + zipPath + "' (truncated archive?)", true);
    return bytes;
}

std::optional<std::uint64_t> zipExpandedBytes(const std::string& zipPath)
{
    detail::ensureGdalConfigured(); // GDAL's virtual files: no driver
    detail::ErrorCapture errors;
    const std::string root = "/vsizip/{" + zipPath + "}";
    char** names = VSIReadDirRecursive(root.c_str());
    if (!names)
        return std::nullopt;
    std::uint64_t total = 0;
    for (char** name = names; *name; ++name) {
        VSIStatBufL stat;
        if (VSIStatL((root + "/" + *name).c_str(), &stat) == 0 && !VSI_ISDIR(stat.st_mode))
            total += static_cast<std::uint64_t>(stat.st_size);
    }
    CSLDestroy(names);
    return total;
}

std::string zipArchive(const std::vector<std::pair<std::string, std::string>>& members)
{
    detail::ensureGdalConfigured(); // GDAL's virtual files: no driver
    detail::ErrorCapture errors;
    // Written in memory: the archive is a value, stored where the caller wants it.
    static std::atomic<unsigned> serial{0};
    const std::string path = "/vsimem/planatlas_zip_" + std::to_string(serial++) + ".zip";
    void* zip = CPLCreateZip(path.c_str(), nullptr);
    if (!zip)
        errors.throwIfFailed("cannot create a zip archive in memory", true);
    bool ok = true;
    for (const auto& [name, bytes] : members) {
        ok = ok && CPLCreateFileInZip(zip, name.c_str(), nullptr) == CE_None &&
             CPLWriteFileInZip(zip, bytes.data(), static_cast<int>(bytes.size())) == CE_None &&
             CPLCloseFileInZip(zip) == CE_None;
    }
    ok = CPLCloseZip(zip) == CE_None && ok;
    vsi_l_offset length = 0;
    GByte* data = VSIGetMemFileBuffer(path.c_str(), &length, FALSE);
    std::string archive =
        ok && data ? std::string(reinterpret_cast<const char*>(data), length) : std::string();
    VSIUnlink(path.c_str());
    if (archive.empty())
        errors.throwIfFailed("cannot write a zip archive", true);
    return archive;
}

void removeVirtualFile(const std::string& path)
{
    VSIUnlink(path.c_str());
}

} // namespace pa::gis
