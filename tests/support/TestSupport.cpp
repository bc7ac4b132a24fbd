#include "TestSupport.h"

#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pa::test {

fs::path sourceDir()
{
    return PLANATLAS_SOURCE_DIR;
}
fs::path fixture(const std::string& name)
{
    return sourceDir() / "tests" / "data" / name;
}
fs::path sampleData(const std::string& relative)
{
    return sourceDir() / "data" / relative;
}
fs::path sampleWorkspace()
{
    return PLANATLAS_SAMPLE_WORKSPACE;
}
std::string storeLayerIn(const std::string& workspace, const std::string& layer,
                         const std::string& crs, const TempDir& scratch)
{
    const auto copy = scratch.file(layer + "_in_another_crs.gpkg");
    std::filesystem::remove(copy);
    auto r =
        run({"ogr2ogr", "-t_srs", crs, "-preserve_fid", "-nln", layer, copy, workspace, layer});
    if (r.exitCode == 0)
        r = run({"ogr2ogr", "-update", "-overwrite", "-preserve_fid", "-nln", layer, workspace,
                 copy, layer});
    return r.exitCode == 0 ? std::string() : "ogr2ogr: " + r.err;
}

bool samplesBuilt()
{
    return !std::string_view(PLANATLAS_SAMPLE_WORKSPACE).empty();
}
fs::path sampleWorkspaceThanhHoa()
{
    return PLANATLAS_SAMPLE_WORKSPACE_TH;
}

TempDir::TempDir()
{
    std::random_device random;
    m_path = fs::temp_directory_path() / ("planatlas-test-" + std::to_string(random()));
    fs::create_directories(m_path);
}

TempDir::~TempDir()
{
    std::error_code ignored;
    // Restore write permission first: some tests make files read-only.
    for (const auto& entry : fs::recursive_directory_iterator(m_path, ignored))
        fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(m_path, ignored);
}

std::string readBytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void writeBytes(const fs::path& file, const std::string& bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
}

CommandResult run(const std::vector<std::string>& argv)
{
    TempDir capture;
    const std::string outFile = capture.file("out");
    const std::string errFile = capture.file("err");
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    CommandResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = readBytes(outFile);
    result.err = readBytes(errFile);
    return result;
}

std::string cliPath()
{
    return PLANATLAS_CLI;
}

CommandResult runShell(const std::string& script, const std::vector<std::string>& args)
{
    std::vector<std::string> argv{"/bin/sh", "-c", script, "sh"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
}

std::string thaiNguyenWorkspace(const std::string& path, const std::string& sample,
                                const std::string& kind, const std::string& layer,
                                const std::vector<std::string>& extra)
{
    auto r = runCli({"init", path, "--province", "Thái Nguyên", "--crs", "EPSG:9213"});
    if (r.exitCode != 0)
        return r.err;
    std::vector<std::string> args{
        "import", path, sampleData(sample).string(), "--kind", kind, "--layer", layer, "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    r = runCli(args);
    return r.exitCode == 0 ? std::string() : r.err;
}

CommandResult runCli(const std::vector<std::string>& args)
{
    std::vector<std::string> argv{PLANATLAS_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
}

std::vector<SheetMarker> writeTestSheet(const std::string& path, double x0, double y0,
                                        double metresPerPixel)
{
    constexpr int kWidth = 1200, kHeight = 900;
    // Map position of a sheet position: a scan that is neither square nor flat.
    const double k = metresPerPixel / 60;
    auto at = [&](double c, double r) {
        return std::pair{x0 + k * (60 * c + 0.004 * c * r + 0.00002 * c * c),
                         y0 + k * (-60 * r + 0.003 * c * r - 0.00003 * r * r)};
    };
    std::string pixels(static_cast<std::size_t>(kWidth) * kHeight, '\xff');
    std::vector<SheetMarker> markers;
    for (int j = 0; j < 6; ++j)
        for (int i = 0; i < 8; ++i) {
            const int c = 80 + i * 150, r = 60 + j * 150;
            for (int dy = -3; dy <= 3; ++dy)
                for (int dx = -3; dx <= 3; ++dx)
                    pixels[static_cast<std::size_t>(r + dy) * kWidth + c + dx] = '\0';
            // The marker covers pixels c-3 … c+3: its centre is at c + 0.5 in GDAL's pixel
            // coordinates (0 is the left edge of the first pixel).
            const auto [x, y] = at(c + 0.5, r + 0.5);
            markers.push_back({"P" + std::to_string(markers.size() + 1), c + 0.5, r + 0.5, x, y});
        }
    writeBytes(path, "P5\n" + std::to_string(kWidth) + " " + std::to_string(kHeight) + "\n255\n" +
                         pixels);
    return markers;
}

std::string controlPointsCsv(const std::vector<SheetMarker>& markers, std::size_t step)
{
    std::ostringstream csv;
    csv.precision(12);
    csv << "id,pixel,line,x,y\n";
    for (std::size_t i = 0; i < markers.size(); i += step)
        csv << markers[i].id << ',' << markers[i].pixel << ',' << markers[i].line << ','
            << markers[i].x << ',' << markers[i].y << '\n';
    return csv.str();
}

} // namespace pa::test
