// A plan ingested again in a revised version, or a different plan under the same id (issue 19):
// each task keeps its own links and review wherever its number moved, what is gone takes its
// own with it, and nothing dangles; another document cannot silently take over an id.

#include "TestSupport.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Importer.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/plan/Plan.h"
#include "planatlas/layers/plan/PlanStore.h"

#include <gtest/gtest.h>
#include <regex>
#include <sstream>

using namespace pa::plan;

namespace {

std::string one(pa::layers::Workspace& ws, const std::string& sql)
{
    const auto r = ws.dataset().execute(sql);
    return r.rows.empty() ? std::string() : pa::gis::toString(r.rows[0][0]);
}

const std::string kCv2907 = "thai_nguyen/plans/thai-nguyen_cv-2907-ubnd-cnnxd_2023.txt";
const std::string kCtr37 = "thai_nguyen/plans/thai-nguyen_kh-thuc-hien-ctr37-nq29_2023.txt";

/// The task of @p ws whose text starts with @p start.
std::string taskStarting(pa::layers::Workspace& ws, const std::string& start)
{
    return one(ws, "SELECT task_id FROM plan_tasks WHERE instr(text, " +
                       pa::gis::sqlLiteral(start) + ") = 1");
}

/// Every row of the review tables points at a task that exists.
void expectNothingDangles(pa::layers::Workspace& ws)
{
    for (const char* table : {"plan_unlocated", "plan_link_suggestions", "plan_task_agencies"})
        EXPECT_EQ(one(ws, std::string("SELECT COUNT(*) FROM ") + table +
                              " WHERE task_id NOT IN (SELECT task_id FROM plan_tasks)"),
                  "0")
            << table;
    EXPECT_EQ(one(ws, "SELECT COUNT(*) FROM hitech_task_links WHERE related_id NOT IN (SELECT fid "
                      "FROM plan_tasks)"),
              "0");
}

class PlanRevision : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.file("ws.gpkg");
        pa::layers::Workspace::create(path, {"Thái Nguyên", "EPSG:9213"}).close();
        auto ws = open();
        pa::layers::ImportOptions o;
        o.sourcePath = pa::test::fixture("invalid_polygons.geojson").string();
        o.kind = "hitech_zone";
        o.layerName = "hitech";
        o.codeField = "code";
        pa::layers::importLayer(ws, o);
        storePlan(ws, readPlan(pa::test::sampleData(kCv2907).string()), "cv", "cv-2907.txt");
        // A planner's review: the Yên Bình IT-zone task (2.8) linked to a feature, the finance
        // task (2.3) and the labour task (2.10#1) reviewed as having no place.
        ws.dataset().execute(
            "INSERT INTO hitech_task_links (base_id, related_id, link_source) VALUES "
            "(1, (SELECT fid FROM plan_tasks WHERE task_id = 'cv:2.8#1'), 'manual')");
        for (const char* id : {"cv:2.3#1", "cv:2.10#1"})
            ws.dataset().execute(
                std::string("INSERT INTO plan_unlocated (task_id, reason) VALUES ('") + id +
                "', 'policy')");
        ws.close();
    }

    pa::layers::Workspace open() const
    {
        return pa::layers::Workspace::open(path, pa::gis::OpenMode::Update);
    }

    pa::test::TempDir dir;
    std::string path;
};

} // namespace

TEST(TaskVersions, MatchedByContentNotPosition)
{
    const std::vector<TaskVersion> stored = {
        {1, "d:1#1", "Sở Tài chính bố trí kinh phí thực hiện Chương trình."},
        {2, "d:2#1", "Sở Xây dựng rà soát quy hoạch các khu đô thị mới."},
        {3, "d:3#1", "Báo cáo kết quả thực hiện."},
        {4, "d:4#1", "Báo cáo kết quả thực hiện."},
        {5, "d:5#1",
         "Sở Công Thương xây dựng kế hoạch phát triển cụm công nghiệp năm 2024 và "
         "tổ chức thực hiện."},
    };
    const std::vector<TaskVersion> fresh = {
        // 1#1 removed; the others one number up, one text with a changed year, one new task.
        {0, "d:1#1", "Sở Xây dựng rà soát quy hoạch các khu đô thị mới."},
        {0, "d:2#1", "Báo cáo kết quả thực hiện."},
        {0, "d:3#1", "BÁO CÁO  kết quả thực hiện."},
        {0, "d:4#1",
         "Sở Công Thương xây dựng kế hoạch phát triển cụm công nghiệp năm 2025 và "
         "tổ chức thực hiện."},
        {0, "d:5#1", "Sở Y tế kiểm tra an toàn thực phẩm tại các chợ."},
    };
    const auto m = matchTaskVersions(stored, fresh);
    ASSERT_EQ(m.size(), fresh.size());
    EXPECT_EQ(m[0], 1); // the same text, another number
    // Two stored tasks of the same text: each goes to one, the one of the same id first.
    EXPECT_EQ(m[2], 2);
    EXPECT_EQ(m[1], 3);
    EXPECT_EQ(m[3], 4);  // one word of 16 changed
    EXPECT_EQ(m[4], -1); // new
    // Nothing in common: nothing continues.
    EXPECT_EQ(matchTaskVersions(stored, {{0, "d:9#1", "Hoàn toàn khác."}}), std::vector<int>{-1});
}

TEST(TaskVersions, DocumentIdsCannotHoldTaskIdSeparators)
{
    for (const char* bad : {"x:1.1#1", "kh 54", "", "a#b", "kế-hoạch", "a;b"})
        EXPECT_THROW(checkDocumentId(bad), pa::layers::Error) << bad;
    for (const char* good : {"kh-54", "qd_1992.2023", "CV2907"})
        EXPECT_NO_THROW(checkDocumentId(good)) << good;
}

TEST_F(PlanRevision, EachTaskKeepsItsOwnReviewWhenSectionsAreRenumbered)
{
    // The revision drops section 2.3 and renumbers 2.4–2.14 as 2.3–2.13.
    std::istringstream in(pa::test::readBytes(pa::test::sampleData(kCv2907)));
    std::string revised, line;
    const std::regex number(R"(^2\.(\d+)\. )");
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_search(line, m, number)) {
            const int n = std::stoi(m[1]);
            if (n == 3)
                continue;
            if (n > 3)
                line = "2." + std::to_string(n - 1) + ". " + m.suffix().str();
        }
        revised += line + '\n';
    }
    const std::string file = dir.file("cv-2907-revised.txt");
    pa::test::writeBytes(file, revised);

    auto ws = open();
    const std::string itTask = "Sở Thông tin và Truyền thông: Chủ trì";
    const std::string labourTask = "Tham mưu UBND tỉnh về các giải pháp phát triển ngu";
    ASSERT_EQ(taskStarting(ws, itTask), "cv:2.8#1");
    ASSERT_EQ(taskStarting(ws, labourTask), "cv:2.10#1");

    const auto report = storePlan(ws, readPlan(file), "cv", "cv-2907-revised.txt");
    EXPECT_EQ(report.tasksRemoved, 1);
    EXPECT_EQ(report.tasksAdded, 0);
    EXPECT_EQ(report.tasksUpdated, 37);
    EXPECT_EQ(report.tasksRenumbered, 26);
    EXPECT_EQ(report.linksRemoved, 0);
    // The link and the reviews are where the texts are now, not where the numbers were.
    EXPECT_EQ(taskStarting(ws, itTask), "cv:2.7#1");
    EXPECT_EQ(one(ws, "SELECT t.task_id FROM hitech_task_links l JOIN plan_tasks t ON t.fid = "
                      "l.related_id"),
              "cv:2.7#1");
    EXPECT_EQ(taskStarting(ws, labourTask), "cv:2.9#1");
    EXPECT_EQ(one(ws, "SELECT group_concat(task_id) FROM plan_unlocated"), "cv:2.9#1");
    EXPECT_EQ(one(ws, "SELECT a.agency_id FROM plan_task_agencies r JOIN plan_agencies a USING "
                      "(agency_id) WHERE r.task_id = 'cv:2.7#1' AND r.role = 'lead'"),
              "so-thong-tin-va-truyen-thong");
    expectNothingDangles(ws);
    EXPECT_EQ(ws.validate().errorCount(), 0u);
}

TEST_F(PlanRevision, ADifferentDocumentCannotTakeOverAnId)
{
    auto ws = open();
    // A planner's correction of one of the stored document's tasks.
    ws.dataset().run("INSERT INTO plan_task_corrections (doc_id, task_id, text_key, action, "
                     "made_at) SELECT doc_id, task_id, text, 'drop', '2026-12-01' FROM plan_tasks "
                     "WHERE doc_id = 'cv' ORDER BY fid LIMIT 1",
                     {});
    const auto other = readPlan(pa::test::sampleData(kCtr37).string());
    try {
        storePlan(ws, other, "cv", "ctr37.txt");
        FAIL() << "a different document took over 'cv'";
    } catch (const DifferentDocumentError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("0 of its 38 tasks"), std::string::npos) << message;
        EXPECT_NE(message.find("1 reviewed link(s)"), std::string::npos) << message;
    }
    // Nothing changed.
    EXPECT_EQ(one(ws, "SELECT COUNT(*) FROM plan_tasks WHERE doc_id = 'cv'"), "38");
    EXPECT_EQ(one(ws, "SELECT COUNT(*) FROM hitech_task_links"), "1");
    EXPECT_EQ(one(ws, "SELECT number FROM plan_documents WHERE doc_id = 'cv'"), "2907/UBND-CNNXD");
    EXPECT_EQ(one(ws, "SELECT COUNT(*) FROM plan_unlocated"), "2");
    EXPECT_EQ(one(ws, "SELECT COUNT(*) FROM plan_task_corrections WHERE doc_id = 'cv'"), "1");

    // On purpose, it replaces the document, and takes the old tasks' links and reviews away.
    StoreOptions replace;
    replace.replaceDifferentDocument = true;
    const auto report = storePlan(ws, other, "cv", "ctr37.txt", {}, replace);
    EXPECT_EQ(report.tasksRemoved, 38);
    EXPECT_EQ(report.linksRemoved, 1);
    EXPECT_EQ(one(ws, "SELECT COUNT(*) FROM plan_unlocated"), "0");
    // The old document's corrections went with it: none applies to the new one's tasks.
    EXPECT_EQ(one(ws, "SELECT COUNT(*) FROM plan_task_corrections WHERE doc_id = 'cv'"), "0");
    EXPECT_EQ(report.corrections.applied, 0);
    expectNothingDangles(ws);
}

TEST_F(PlanRevision, TheReviewSavedBeforeACorrectionComesBackWhenItIsTakenBack)
{
    // The linked IT-zone task (2.8#1) merged into the task before it hands over its link; the
    // finance task (2.3#1) dropped takes its review with it. What the window's Undo does:
    // forget the corrections, read the document again, put the saved review back.
    auto ws = open();
    const auto saved = saveReviewState(ws, "cv");
    EXPECT_EQ(saved.links.size(), 1u);
    const std::string into = one(ws, "SELECT task_id FROM plan_tasks WHERE doc_id = 'cv' AND "
                                     "ordinal = (SELECT ordinal - 1 FROM plan_tasks WHERE "
                                     "task_id = 'cv:2.8#1')");
    ASSERT_FALSE(into.empty());
    correctTask(ws, "cv", into.substr(3), "merge", "", "2.8#1");
    correctTask(ws, "cv", "2.3#1", "drop");
    const std::string linkedTo = "SELECT group_concat(t.task_id) FROM hitech_task_links l JOIN "
                                 "plan_tasks t ON t.fid = l.related_id";
    EXPECT_EQ(one(ws, linkedTo), into);
    EXPECT_EQ(one(ws, "SELECT group_concat(task_id) FROM plan_unlocated"), "cv:2.10#1");

    ws.dataset().execute("DELETE FROM plan_task_corrections");
    rereadDocument(ws, "cv");
    restoreReviewState(ws, saved);
    EXPECT_EQ(one(ws, linkedTo), "cv:2.8#1");
    EXPECT_EQ(one(ws, "SELECT group_concat(task_id, ' ') FROM (SELECT task_id FROM plan_unlocated "
                      "ORDER BY task_id)"),
              "cv:2.10#1 cv:2.3#1");
    expectNothingDangles(ws);
    EXPECT_EQ(ws.validate().errorCount(), 0u);
}
