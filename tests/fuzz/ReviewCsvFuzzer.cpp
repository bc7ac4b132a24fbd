// Fuzz target: the CSV files a planner edits in a spreadsheet and gives back — a link review
// (task_id, features, reason) and an administrative crosswalk (old_code, old_level, …; input
// starting with "old_code") — applied to a fresh copy of the Thái Nguyên sample workspace
// (PLANATLAS_FUZZ_WORKSPACE), so that codes and task ids in the seeds are real ones.

#include "FuzzSupport.h"
#include "planatlas/layers/Crosswalk.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/plan/Links.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace fs = std::filesystem;
namespace layers = pa::layers;

namespace {

const fs::path& sampleWorkspace()
{
    static const fs::path path = [] {
        const char* sample = std::getenv("PLANATLAS_FUZZ_WORKSPACE");
        if (!sample || !fs::exists(sample)) {
            std::fprintf(stderr,
                         "review_csv_fuzzer: set PLANATLAS_FUZZ_WORKSPACE to the Thái "
                         "Nguyên sample workspace (build/<preset>/data/thai_nguyen.gpkg)\n");
            std::exit(2);
        }
        return fs::path(sample);
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string csv = pa::fuzz::writeScratch("review.csv", data, size);
    const fs::path workspacePath = pa::fuzz::scratch() / "workspace.gpkg";
    fs::copy_file(sampleWorkspace(), workspacePath, fs::copy_options::overwrite_existing);
    const bool crosswalk =
        std::string_view(reinterpret_cast<const char*>(data), size).starts_with("old_code");
    pa::fuzz::expectOnlyReportedErrors([&] {
        auto workspace = layers::Workspace::open(workspacePath.string(), pa::gis::OpenMode::Update);
        if (crosswalk) {
            (void)layers::loadCrosswalk(workspace, csv);
        } else {
            const auto result = pa::plan::applyReview(workspace, csv);
            pa::fuzz::check(result.accepted + result.manual >= 0 && result.tasks >= 0,
                            "review counts are counts");
        }
    });
    return 0;
}
