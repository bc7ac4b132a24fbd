#include "Csv_p.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"

#include <filesystem>

namespace pa::layers {

gis::Dataset openCsvTable(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw Error(ErrorKind::Input,
                    {QT_TRANSLATE_NOOP("pa::layers", "%1: no such file"), {path}});
    try {
        return gis::Dataset::openVector(path, gis::OpenMode::ReadOnly, {"AUTODETECT_TYPE=NO"},
                                        {"CSV"});
    } catch (const gis::GisError& e) {
        throw Error(ErrorKind::Input,
                    {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be read as CSV (%2)"),
                     {path, std::string(e.what())}});
    }
}

} // namespace pa::layers
