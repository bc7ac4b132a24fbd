// Every output the command line writes, as a careless or hostile user points it (issue 19):
// never over a workspace, someone's GeoPackage, a link, a folder or a device; complete or not
// at all when the disk fills; standard output checked to the last byte.

#include "TestSupport.h"

#include <filesystem>
#include <gtest/gtest.h>

namespace fs = std::filesystem;
using pa::test::readBytes;
using pa::test::runCli;
using pa::test::runShell;

namespace {

class OutputSafety : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ws = dir.file("tn.gpkg");
        ASSERT_EQ(pa::test::thaiNguyenWorkspace(
                      ws, "thai_nguyen/districts_pre2025_geoboundaries.geojson", "admin_district",
                      "districts", {"--code-field", "shapeID"}),
                  "");
        before = readBytes(ws);
    }

    pa::test::CommandResult coverage(const std::vector<std::string>& extra) const
    {
        std::vector<std::string> args{"analyze", ws, "coverage", "--units", "districts"};
        args.insert(args.end(), extra.begin(), extra.end());
        return runCli(args);
    }

    /// No ".name.partial…" temporary left in the folder.
    [[nodiscard]] bool noLeftovers() const
    {
        for (const auto& entry : fs::directory_iterator(dir.path()))
            if (entry.path().filename().string().find(".partial") != std::string::npos)
                return false;
        return true;
    }

    pa::test::TempDir dir;
    std::string ws;
    std::string before;
};

} // namespace

TEST_F(OutputSafety, AnOutputNeverReplacesTheWorkspaceOrAnotherOne)
{
    const std::string other = dir.file("other.gpkg");
    fs::copy_file(ws, other);
    for (const std::string& target : {ws, other})
        for (const std::string format : {"csv", "json", "gpkg"}) {
            const auto r = coverage({"--format", format, "-o", target});
            EXPECT_EQ(r.exitCode, 3) << format << " " << target << ": " << r.err;
            EXPECT_NE(r.err.find(target + ": "), std::string::npos) << r.err;
            EXPECT_EQ(readBytes(target), before) << format << " replaced " << target;
        }
    EXPECT_NE(coverage({"--format", "gpkg", "-o", ws}).err.find("PlanAtlas workspace"),
              std::string::npos);
    const auto info = runCli({"info", other});
    EXPECT_EQ(info.exitCode, 0) << info.err;
    EXPECT_TRUE(noLeftovers());
}

TEST_F(OutputSafety, AGeoPackageIsReplacedOnlyWhenPlanAtlasWroteItAsAnAnalysis)
{
    const std::string mine = dir.file("coverage.gpkg");
    auto r = coverage({"--format", "gpkg", "-o", mine});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = coverage({"--format", "gpkg", "-o", mine}); // the same question asked again
    EXPECT_EQ(r.exitCode, 0) << r.err;

    const std::string theirs = dir.file("their_data.gpkg");
    const auto made = pa::test::run(
        {"ogr2ogr", "-f", "GPKG", theirs,
         pa::test::sampleData("thai_nguyen/districts_pre2025_geoboundaries.geojson").string()});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    const std::string theirBytes = readBytes(theirs);
    r = coverage({"--format", "gpkg", "-o", theirs});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("did not write as an analysis output"), std::string::npos) << r.err;
    EXPECT_EQ(readBytes(theirs), theirBytes);
}

TEST_F(OutputSafety, AnExistingFileIsReplacedOnlyByItsOwnKind)
{
    const std::string csv = dir.file("coverage.csv");
    ASSERT_EQ(coverage({"-o", csv}).exitCode, 0);
    ASSERT_EQ(coverage({"-o", csv}).exitCode, 0); // text over text
    const std::string png = dir.file("map.png");
    auto r = runCli({"map", ws, "-o", png, "--size", "800x600"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string pngBytes = readBytes(png);

    r = coverage({"-o", png}); // a table over a map
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("holds a PNG image"), std::string::npos) << r.err;
    EXPECT_EQ(readBytes(png), pngBytes);
    const std::string svgOverCsv = readBytes(csv);
    r = runCli({"map", ws, "-o", dir.file("coverage.svg"), "--size", "800x600"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    fs::rename(csv, dir.file("table.pdf")); // a CSV that happens to be named .pdf
    r = runCli({"map", ws, "-o", dir.file("table.pdf")});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(readBytes(dir.file("table.pdf")), svgOverCsv);
    r = runCli({"map", ws, "-o", png, "--size", "800x600"}); // a map over a map
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(noLeftovers());
}

TEST_F(OutputSafety, LinksFoldersAndDevicesAreNotWrittenThrough)
{
    const std::string link = dir.file("link.csv");
    fs::create_symlink(ws, link);
    for (const std::string& target : {link, dir.path().string(), std::string("/dev/full")}) {
        const auto r = coverage({"-o", target});
        EXPECT_EQ(r.exitCode, 3) << target << ": " << r.err;
        EXPECT_NE(r.err.find(target + ": "), std::string::npos) << r.err;
    }
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(readBytes(ws), before);
    const auto map = runCli({"map", ws, "-o", dir.file("folder.png/")});
    EXPECT_NE(map.exitCode, 0);
}

TEST_F(OutputSafety, AFullDiskIsAnErrorAndLeavesTheEarlierFile)
{
    // A file-size limit of 4 KiB (ulimit -f counts 512-byte blocks) with SIGXFSZ ignored: every
    // write past it fails with EFBIG, as on a full disk.
    PLANATLAS_NEEDS_SAMPLE();
    const std::string script = "trap '' XFSZ; ulimit -f 8; exec \"$@\"";
    const std::string csv = dir.file("coverage.csv");
    pa::test::writeBytes(csv, "an earlier table\n");
    const std::string sample = pa::test::sampleWorkspace().string(); // 108 rows, 15 KB
    auto r = runShell(script, {pa::test::cliPath(), "analyze", sample, "coverage", "--units",
                               "districts_pre2025", "-o", csv});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find(csv + ": cannot be written"), std::string::npos) << r.err;
    EXPECT_EQ(readBytes(csv), "an earlier table\n");

    const std::string png = dir.file("map.png");
    r = runShell(script, {pa::test::cliPath(), "map", sample, "-o", png, "--size", "1200x900"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_FALSE(fs::exists(png));
    EXPECT_TRUE(noLeftovers());
}

TEST_F(OutputSafety, StandardOutputIsCheckedToTheLastByte)
{
    const std::string plan =
        pa::test::sampleData("thai_nguyen/plans/thai-nguyen_cv-2907-ubnd-cnnxd_2023.txt").string();
    const std::vector<std::vector<std::string>> commands = {
        {"info", ws},
        {"validate", ws},
        {"link", ws, "list"},
        {"analyze", ws, "coverage", "--units", "districts"},
        {"analyze", ws, "coverage", "--units", "districts", "--format", "json"},
        {"ingest", "--format", "json", plan},
    };
    for (const auto& command : commands) {
        std::vector<std::string> args{pa::test::cliPath()};
        args.insert(args.end(), command.begin(), command.end());
        const auto full = runShell("exec \"$@\" > /dev/full", args);
        EXPECT_EQ(full.exitCode, 3) << command[0] << ": " << full.err;
        EXPECT_NE(full.err.find("standard output: cannot be written"), std::string::npos)
            << full.err;
        const auto ok = runShell("exec \"$@\" > /dev/null", args);
        EXPECT_LE(ok.exitCode, 1) << command[0] << ": " << ok.err; // validate may find problems
    }
}

TEST_F(OutputSafety, NothingIsEmptyWithoutSayingWhy)
{
    // This workspace has units but no programme layer: the coverage table is empty, and says so.
    const auto table = coverage({});
    EXPECT_EQ(table.exitCode, 0) << table.err;
    EXPECT_NE(table.err.find("no programme layer to measure"), std::string::npos) << table.err;
    // A page too small for title, legend and footer is refused, not drawn blank.
    const std::string png = dir.file("tiny.png");
    const auto map = runCli({"map", ws, "-o", png, "--size", "300x200"});
    EXPECT_EQ(map.exitCode, 2) << map.err;
    EXPECT_NE(map.err.find("too small"), std::string::npos) << map.err;
    EXPECT_FALSE(fs::exists(png));
}

TEST_F(OutputSafety, MapTitlesAreTextInTheSvg)
{
    const std::string svg = dir.file("map.svg");
    const auto r = runCli(
        {"map", ws, "-o", svg, "--size", "800x600", "--title", "A & B <script>alert(1)</script>"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string bytes = readBytes(svg);
    EXPECT_EQ(bytes.find("<script>"), std::string::npos);
    // The document parses as XML (what a browser or Inkscape needs to open it at all).
    const auto parsed =
        pa::test::run({"/usr/bin/python3", "-c",
                       "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])", svg});
    EXPECT_EQ(parsed.exitCode, 0) << parsed.err;
}
