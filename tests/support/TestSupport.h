#pragma once
// Test support: where the data is, temporary folders, running the CLI as a user would.

#include <filesystem>
#include <string>
#include <vector>

namespace pa::test {

/// True in a build with AddressSanitizer (the 'asan' preset), where code runs several times
/// slower: tests that guard against runaway time on very large inputs use smaller ones there.
constexpr bool underSanitizers()
{
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

/// The repository's root (for data/ and tests/data/).
std::filesystem::path sourceDir();
/// A committed fixture in tests/data/.
std::filesystem::path fixture(const std::string& name);
/// A sample source in data/ (e.g. "thai_nguyen/districts_pre2025_geoboundaries.geojson").
std::filesystem::path sampleData(const std::string& relative);

/// A fresh folder, removed with everything in it when the object goes away.
class TempDir
{
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::string file(const std::string& name) const
    {
        return (m_path / name).string();
    }

private:
    std::filesystem::path m_path;
};

std::string readBytes(const std::filesystem::path& file);
void writeBytes(const std::filesystem::path& file, const std::string& bytes);

struct CommandResult
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Runs a program (searched in PATH when it has no '/') with stdin closed.
CommandResult run(const std::vector<std::string>& argv);
/// Rewrites table @p layer of the GeoPackage @p workspace in @p crs as an outside editor may
/// leave it (ogr2ogr: same name, same fids; the PlanAtlas registry untouched), through a scratch
/// file in @p scratch. Returns "" on success, else what ogr2ogr said.
std::string storeLayerIn(const std::string& workspace, const std::string& layer,
                         const std::string& crs, const TempDir& scratch);
/// Runs the planatlas executable built with these tests.
CommandResult runCli(const std::vector<std::string>& args);
/// The planatlas executable built with these tests.
std::string cliPath();
/// Runs @p script with /bin/sh, "$1"… being @p args (for redirections, ulimit, traps).
CommandResult runShell(const std::string& script, const std::vector<std::string>& args);
/// Creates a Thái Nguyên workspace (EPSG:9213) at @p path with one layer imported from the
/// sample source @p sample (a path under data/) as @p kind named @p layer, @p extra options
/// added. Returns "" on success, else what the command said.
std::string thaiNguyenWorkspace(const std::string& path, const std::string& sample,
                                const std::string& kind, const std::string& layer,
                                const std::vector<std::string>& extra = {});
/// A marker of a synthetic map sheet: its centre on the sheet and the map position it shows.
struct SheetMarker
{
    std::string id;
    double pixel = 0, line = 0, x = 0, y = 0;
};
/// Writes a synthetic map sheet for georeferencing tests: a 1200 × 900 grey image (binary PGM,
/// which GDAL reads) with 48 black 7 × 7 markers on a grid, bent by a known second-order
/// distortion of about @p metresPerPixel whose sheet origin lies at (@p x0, @p y0). Returns
/// every marker with the map position it truly shows.
std::vector<SheetMarker> writeTestSheet(const std::string& path, double x0, double y0,
                                        double metresPerPixel = 60);
/// Every @p step-th marker as a control point: a CSV with the columns id, pixel, line, x, y.
std::string controlPointsCsv(const std::vector<SheetMarker>& markers, std::size_t step = 5);

/// Whether the build made the sample workspaces (PLANATLAS_BUILD_SAMPLES=ON, the default).
bool samplesBuilt();
/// The first statement of a GoogleTest test (or SetUp) that needs a sample workspace: without
/// the samples the test is skipped, saying why.
#define PLANATLAS_NEEDS_SAMPLE()                                                                   \
    if (!::pa::test::samplesBuilt())                                                               \
    GTEST_SKIP() << "needs the sample workspaces, which this build does not make "                 \
                    "(PLANATLAS_BUILD_SAMPLES=OFF)"

/// Path of the sample workspace the build makes from data/.
std::filesystem::path sampleWorkspace();
/// The Thanh Hóa sample workspace the build makes (build/<preset>/data/thanh_hoa.gpkg).
std::filesystem::path sampleWorkspaceThanhHoa();

} // namespace pa::test
