#pragma once
// An output file (a map, an analysis GeoPackage) written beside its final name and moved into
// place only when complete: a failure, a refusal or a cancel leaves no partial file behind and
// an earlier file of that name untouched.

#include <filesystem>
#include <string>

namespace pa::layers {

class PendingFile
{
public:
    /// For the final file @p target. Throws Error(Input) naming it when its folder does not
    /// exist. The temporary is ".<name>.partial<extension>" in the same folder (the extension
    /// tells writers such as Qt's image writers what to write).
    explicit PendingFile(const std::string& target);
    ~PendingFile(); ///< removes the temporary unless committed
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    /// Where to write.
    [[nodiscard]] const std::filesystem::path& path() const { return m_temporary; }
    /// Moves the written temporary over the target. Throws Error(Input) "TARGET: cannot be
    /// written (why)" when it is missing, empty or cannot be moved.
    void commit();

private:
    std::string m_target;
    std::filesystem::path m_temporary;
    bool m_committed = false;
};

} // namespace pa::layers
