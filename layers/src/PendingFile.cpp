#include "planatlas/layers/PendingFile.h"

#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace pa::layers {

namespace fs = std::filesystem;

namespace {

/// What an existing file holds, from its first bytes.
enum class Content
{
    Empty,
    Sqlite,
    Png,
    Pdf,
    Svg,
    Xlsx,
    Text,
    Binary,
};

Content sniff(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.empty())
        return Content::Empty;
    if (head.starts_with(std::string_view("SQLite format 3\0", 16)))
        return Content::Sqlite;
    if (head.starts_with("\x89PNG\r\n\x1a\n"))
        return Content::Png;
    if (head.starts_with("%PDF-"))
        return Content::Pdf;
    // A ZIP whose entries are a workbook's (names stand in clear in the local headers).
    if (head.starts_with("PK\x03\x04") && head.find("xl/") != std::string::npos)
        return Content::Xlsx;
    if (head.find('\0') != std::string::npos)
        return Content::Binary;
    return head.find("<svg") != std::string::npos ? Content::Svg : Content::Text;
}

Sentence describe(Content content)
{
    switch (content) {
    case Content::Empty:
        return QT_TRANSLATE_NOOP("pa::layers", "an empty file");
    case Content::Sqlite:
        return QT_TRANSLATE_NOOP("pa::layers", "a GeoPackage or SQLite database");
    case Content::Png:
        return QT_TRANSLATE_NOOP("pa::layers", "a PNG image");
    case Content::Pdf:
        return QT_TRANSLATE_NOOP("pa::layers", "a PDF document");
    case Content::Svg:
        return QT_TRANSLATE_NOOP("pa::layers", "an SVG drawing");
    case Content::Xlsx:
        return QT_TRANSLATE_NOOP("pa::layers", "an Excel workbook");
    case Content::Text:
        return QT_TRANSLATE_NOOP("pa::layers", "text");
    case Content::Binary:
        return QT_TRANSLATE_NOOP("pa::layers", "binary data");
    }
    return QT_TRANSLATE_NOOP("pa::layers", "a file");
}

Sentence describe(OutputKind kind)
{
    switch (kind) {
    case OutputKind::Text:
        return QT_TRANSLATE_NOOP("pa::layers", "a text table");
    case OutputKind::GeoPackage:
        return QT_TRANSLATE_NOOP("pa::layers", "an analysis GeoPackage");
    case OutputKind::Png:
        return QT_TRANSLATE_NOOP("pa::layers", "a PNG map");
    case OutputKind::Svg:
        return QT_TRANSLATE_NOOP("pa::layers", "an SVG map");
    case OutputKind::Pdf:
        return QT_TRANSLATE_NOOP("pa::layers", "a PDF map");
    case OutputKind::Xlsx:
        return QT_TRANSLATE_NOOP("pa::layers", "an Excel workbook");
    }
    return QT_TRANSLATE_NOOP("pa::layers", "an output");
}

bool replaceable(Content existing, OutputKind kind)
{
    switch (kind) {
    case OutputKind::Text:
        return existing == Content::Text || existing == Content::Svg;
    case OutputKind::GeoPackage:
        return existing == Content::Sqlite; // and PlanAtlas's own, checked by the caller
    case OutputKind::Png:
        return existing == Content::Png;
    case OutputKind::Pdf:
        return existing == Content::Pdf;
    case OutputKind::Svg:
        return existing == Content::Svg;
    case OutputKind::Xlsx:
        return existing == Content::Xlsx;
    }
    return false;
}

[[noreturn]] void refuse(const std::string& target, const Sentence& why)
{
    throw Error(
        ErrorKind::Input,
        {QT_TRANSLATE_NOOP("pa::layers", "%1: %2; choose another file name"), {target, why}});
}

/// An existing SQLite file may be replaced by an analysis GeoPackage only when PlanAtlas wrote
/// it as one: never a workspace, never someone's data.
void checkReplaceableGeoPackage(const std::string& target)
{
    try {
        auto ds = gis::Dataset::openVector(target, gis::OpenMode::ReadOnly, {}, {"GPKG"});
        const auto tables = ds.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                       "name IN ('pa_metadata', 'pa_layers')");
        if (!tables.rows.empty())
            refuse(target, QT_TRANSLATE_NOOP("pa::layers",
                                             "is a PlanAtlas workspace, which an output never "
                                             "replaces"));
        const auto foreign = ds.execute(
            "SELECT COUNT(*) FROM gpkg_contents WHERE description IS NULL OR description <> " +
            gis::sqlLiteral(kAnalysisOutputDescription));
        if (foreign.rows.empty() || gis::toString(foreign.rows[0][0]) != "0")
            refuse(target, QT_TRANSLATE_NOOP("pa::layers",
                                             "is a GeoPackage that PlanAtlas did not write as an "
                                             "analysis output, so it is not replaced"));
    } catch (const gis::GisError&) {
        refuse(target, QT_TRANSLATE_NOOP("pa::layers", "is an SQLite database but not a "
                                                       "GeoPackage, so it is not replaced"));
    }
}

std::string errnoText(int error)
{
    return std::strerror(error);
}

/// @p file cannot be written, with the system's words for why.
Error cannotWrite(const std::string& file, const std::string& why)
{
    return Error(ErrorKind::Input,
                 {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be written (%2)"), {file, why}});
}

} // namespace

void checkOutputTarget(const std::string& target, OutputKind kind)
{
    if (target.empty())
        throw Error(ErrorKind::Input,
                    QT_TRANSLATE_NOOP("pa::layers", "the output file has no name"));
    const fs::path final(target);
    std::error_code ec;
    const auto status = fs::symlink_status(final, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
        throw Error(ErrorKind::Input,
                    {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be examined (%2)"),
                     {target, ec.message()}});
    if (!fs::exists(status))
        return;
    if (fs::is_symlink(status))
        refuse(target,
               QT_TRANSLATE_NOOP("pa::layers", "is a symbolic link, which PlanAtlas does not write "
                                               "through"));
    if (fs::is_directory(status))
        refuse(target, QT_TRANSLATE_NOOP("pa::layers", "is a folder, not a file"));
    if (!fs::is_regular_file(status))
        refuse(target, QT_TRANSLATE_NOOP("pa::layers",
                                         "is not a regular file (a device, a pipe or a socket)"));
    const Content existing = sniff(final);
    if (existing == Content::Empty)
        return;
    if (!replaceable(existing, kind))
        refuse(target,
               {QT_TRANSLATE_NOOP("pa::layers", "already exists and holds %1, which %2 does not "
                                                "replace"),
                {describe(existing), describe(kind)}});
    if (kind == OutputKind::GeoPackage)
        checkReplaceableGeoPackage(target);
}

void writeCompletely(const fs::path& file, std::string_view bytes, const std::string& shown)
{
    const int fd =
        ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0)
        throw cannotWrite(shown, errnoText(errno));
    std::size_t done = 0;
    int error = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            error = n < 0 ? errno : EIO;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (error == 0 && ::fsync(fd) != 0 && errno != EINVAL)
        error = errno;
    if (::close(fd) != 0 && error == 0)
        error = errno;
    if (error != 0)
        throw cannotWrite(shown, errnoText(error));
}

PendingFile::PendingFile(const std::string& target, OutputKind kind)
    : m_target(target), m_kind(kind)
{
    const fs::path final(target);
    const fs::path dir = final.parent_path().empty() ? fs::path(".") : final.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw Error(ErrorKind::Input,
                    {QT_TRANSLATE_NOOP("pa::layers", "%1: the folder '%2' does not exist"),
                     {target, dir.string()}});
    checkOutputTarget(target, kind);
    // ".<stem>.partial<extension>": the extension once, at the end ("/vsizip/" paths, which
    // GDAL's XLSX writer uses, end the archive at the first ".xlsx" of a name).
    m_temporary = dir / ("." + final.stem().string() + ".partial" + final.extension().string());
    fs::remove(m_temporary, ec); // a leftover of a run that was killed
}

PendingFile::~PendingFile()
{
    std::error_code ignored;
    if (!m_committed)
        fs::remove(m_temporary, ignored);
}

void PendingFile::write(std::string_view bytes)
{
    writeCompletely(m_temporary, bytes, m_target);
}

void PendingFile::commit()
{
    std::error_code ec;
    if (!fs::exists(m_temporary, ec) || fs::file_size(m_temporary, ec) == 0)
        throw Error(ErrorKind::Input,
                    {QT_TRANSLATE_NOOP("pa::layers", "%1: cannot be written"), {m_target}});
    // Writers that opened the file themselves (GDAL, Qt) closed it; its bytes reach the disk
    // before the name does, so a crash leaves the old file or the whole new one.
    const int fd = ::open(m_temporary.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || (::fsync(fd) != 0 && errno != EINVAL)) {
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        throw cannotWrite(m_target, errnoText(error));
    }
    ::close(fd);
    checkOutputTarget(m_target, m_kind); // again: the work may have taken minutes
    fs::rename(m_temporary, m_target, ec);
    if (ec)
        throw cannotWrite(m_target, ec.message());
    m_committed = true;
}

void writeOutputFile(const std::string& target, std::string_view bytes, OutputKind kind)
{
    PendingFile pending(target, kind);
    pending.write(bytes);
    pending.commit();
}

} // namespace pa::layers
