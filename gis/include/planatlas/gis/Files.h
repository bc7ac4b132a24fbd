#pragma once
// File access through GDAL's virtual file system, so that zipped inputs (.docx, .kmz,
// zipped shapefiles) are read the same way GDAL reads them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pa::gis {

/// The bytes of @p member inside the zip archive @p zipPath (e.g. "word/document.xml" of a
/// .docx). Throws GisError when the archive or the member cannot be read, or when the member
/// is larger than @p maxBytes.
std::string readZipMember(const std::string& zipPath, const std::string& member,
                          std::uint64_t maxBytes = 256u << 20);

/// The total size, uncompressed, of every file inside the zip archive @p zipPath (a .kmz, a
/// zipped shapefile), from the archive's directory without inflating anything. Nullopt when
/// @p zipPath is not a zip archive GDAL can list.
std::optional<std::uint64_t> zipExpandedBytes(const std::string& zipPath);

/// A zip archive, deflated, holding @p members (name, bytes) in that order: a QGIS .qgz project,
/// an Office file. Throws GisError when GDAL cannot write it.
std::string zipArchive(const std::vector<std::pair<std::string, std::string>>& members);

/// Removes @p path from GDAL's virtual file system (a /vsimem/ file made for GDAL to read);
/// nothing when it is not there.
void removeVirtualFile(const std::string& path);

} // namespace pa::gis
