#pragma once
// Every file PlanAtlas writes for a person (analysis tables, maps, report pages, extracted
// text) goes through here:
//  - the target is checked first: never a symbolic link, a folder or a device, never a
//    PlanAtlas workspace, and an existing file is replaced only when it holds the kind of
//    data being written (a CSV over text, a PNG over a PNG, an analysis GeoPackage over an
//    analysis GeoPackage PlanAtlas wrote);
//  - it is written beside its final name, every byte checked, flushed to disk and moved into
//    place only when complete: a failure, a refusal or a cancel leaves no partial file behind
//    and an earlier file of that name untouched.

#include <filesystem>
#include <string>
#include <string_view>

namespace pa::layers {

/// What an output file holds; decides which existing file it may replace.
enum class OutputKind
{
    Text,       ///< CSV, JSON, HTML, plain text
    GeoPackage, ///< an analysis GeoPackage (marked as PlanAtlas output in gpkg_contents)
    Png,
    Svg,
    Pdf,
    Xlsx, ///< an Excel workbook
};

/// The gpkg_contents description PlanAtlas gives the tables of an analysis GeoPackage; an
/// existing GeoPackage is replaced only when all its tables carry it.
inline constexpr std::string_view kAnalysisOutputDescription = "PlanAtlas analysis output";

/// Throws Error(Input) naming @p target and the reason when PlanAtlas must not write it as
/// @p kind (see the file comment). A missing target in an existing folder is fine.
void checkOutputTarget(const std::string& target, OutputKind kind);

/// Writes all of @p bytes to @p file (created or truncated), flushes and syncs it; any error
/// (a full disk, a read-only folder) throws Error(Input) "SHOWN: cannot be written (why)".
void writeCompletely(const std::filesystem::path& file, std::string_view bytes,
                     const std::string& shown);

class PendingFile
{
public:
    /// For the final file @p target holding @p kind. Throws Error(Input) naming it when its
    /// folder does not exist or checkOutputTarget refuses it. The temporary is
    /// ".<stem>.partial<extension>" in the same folder (the extension tells writers such as
    /// GDAL's drivers what to write).
    PendingFile(const std::string& target, OutputKind kind);
    ~PendingFile(); ///< removes the temporary unless committed
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    /// Where to write, for writers that open the file themselves.
    [[nodiscard]] const std::filesystem::path& path() const { return m_temporary; }
    /// Writes all of @p bytes to the temporary (writeCompletely, errors name the target).
    void write(std::string_view bytes);
    /// Syncs the written temporary and moves it over the target. Throws Error(Input)
    /// "TARGET: cannot be written (why)" when it is missing, empty or cannot be moved.
    void commit();

private:
    std::string m_target;
    OutputKind m_kind;
    std::filesystem::path m_temporary;
    bool m_committed = false;
};

/// PendingFile in one call: checks @p target, writes @p bytes beside it and moves them in.
void writeOutputFile(const std::string& target, std::string_view bytes, OutputKind kind);

} // namespace pa::layers
