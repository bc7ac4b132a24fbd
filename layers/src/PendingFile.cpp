#include "planatlas/layers/PendingFile.h"

#include "planatlas/layers/Errors.h"

namespace pa::layers {

namespace fs = std::filesystem;

PendingFile::PendingFile(const std::string& target) : m_target(target)
{
    const fs::path final(target);
    const fs::path dir = final.parent_path().empty() ? fs::path(".") : final.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw Error(ErrorKind::Input,
                    target + ": the folder '" + dir.string() + "' does not exist");
    m_temporary = dir / ("." + final.filename().string() + ".partial" + final.extension().string());
    fs::remove(m_temporary, ec); // a leftover of a run that was killed
}

PendingFile::~PendingFile()
{
    std::error_code ignored;
    if (!m_committed)
        fs::remove(m_temporary, ignored);
}

void PendingFile::commit()
{
    std::error_code ec;
    if (!fs::exists(m_temporary, ec) || fs::file_size(m_temporary, ec) == 0)
        throw Error(ErrorKind::Input, m_target + ": cannot be written");
    fs::rename(m_temporary, m_target, ec);
    if (ec)
        throw Error(ErrorKind::Input, m_target + ": cannot be written (" + ec.message() + ")");
    m_committed = true;
}

} // namespace pa::layers
