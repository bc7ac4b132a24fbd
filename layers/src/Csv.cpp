#include "Csv_p.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"

#include <filesystem>

namespace pa::layers {

gis::Dataset openCsvTable(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw Error(ErrorKind::Input, path + ": no such file");
    try {
        return gis::Dataset::openVector(path, gis::OpenMode::ReadOnly, {"AUTODETECT_TYPE=NO"},
                                        {"CSV"});
    } catch (const gis::GisError& e) {
        throw Error(ErrorKind::Input, path + ": cannot be read as CSV (" + e.what() + ")");
    }
}

} // namespace pa::layers
