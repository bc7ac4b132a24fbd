#include "planatlas/gis/Files.h"

#include "Private_p.h"

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
    detail::ensureGdalRegistered();
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
    detail::ensureGdalRegistered();
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

} // namespace pa::gis
