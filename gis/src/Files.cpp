#include "Private_p.h"
#include "planatlas/gis/Files.h"

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
        throw GisError("'" + zipPath + "' has no member '" + member + "' (or is not a zip archive)");
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
        errors.throwIfFailed("cannot read '" + member + "' in '" + zipPath + "' (truncated archive?)", true);
    return bytes;
}

std::vector<std::string> zipMembers(const std::string& zipPath)
{
    detail::ensureGdalRegistered();
    detail::ErrorCapture errors;
    const std::string root = "/vsizip/{" + zipPath + "}";
    std::vector<std::string> names;
    // VSIReadDirRecursive lists directories too; keep files.
    char** list = VSIReadDirRecursive(root.c_str());
    if (!list) {
        errors.throwIfFailed("'" + zipPath + "' is not a readable zip archive");
        throw GisError("'" + zipPath + "' is not a readable zip archive");
    }
    for (char** entry = list; *entry; ++entry) {
        std::string name = *entry;
        if (!name.empty() && name.back() != '/')
            names.push_back(std::move(name));
    }
    CSLDestroy(list);
    return names;
}

} // namespace pa::gis
