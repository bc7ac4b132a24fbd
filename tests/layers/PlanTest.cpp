// The plan reader: the four real documents against gold annotations, every task form on small
// texts of our own, the input formats, and bad input.

#include "planatlas/layers/plan/Plan.h"

#include "TestSupport.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Importer.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/plan/Browse.h"
#include "planatlas/layers/plan/Links.h"
#include "planatlas/layers/plan/PlanStore.h"

#include <chrono>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

using namespace pa::plan;
namespace fs = std::filesystem;

namespace {

std::string join(const std::vector<std::string>& parts)
{
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : " | ") + p;
    return out;
}

struct GoldTask
{
    std::string section;
    std::string lead;
    bool collective;
};

std::map<int, GoldTask> loadGold(const fs::path& file)
{
    std::map<int, GoldTask> gold;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("line\t", 0) == 0)
            continue;
        std::istringstream fields(line);
        std::string n, section, lead, collective;
        std::getline(fields, n, '\t');
        std::getline(fields, section, '\t');
        std::getline(fields, lead, '\t');
        std::getline(fields, collective, '\t');
        gold[std::stoi(n)] = {section, lead, collective == "1"};
    }
    return gold;
}

class GoldDocuments : public ::testing::TestWithParam<const char*>
{
};

ParsedPlan parse(const std::string& text)
{
    return parsePlanText(text, "test");
}

/// The places read in task @p k of @p plan as written, each with its offset (" @12") when
/// @p at.
std::vector<std::string> placeTexts(const ParsedPlan& plan, std::size_t k, bool at = false)
{
    std::vector<std::string> out;
    for (const auto& p : plan.tasks[k].places)
        out.push_back(at ? p.text + " @" + std::to_string(p.offset) : p.text);
    return out;
}

/// Checks the header read of a document.
void expectHeader(const pa::plan::DocumentInfo& d, const std::string& type,
                  const std::string& number, const std::string& date, const std::string& issuer,
                  const std::string& province)
{
    EXPECT_EQ(d.type, type);
    EXPECT_EQ(d.number, number);
    EXPECT_EQ(d.date, date);
    EXPECT_EQ(d.issuer, issuer);
    EXPECT_EQ(d.province, province);
}

} // namespace

TEST_P(GoldDocuments, TasksAndLeadsMatchTheAnnotation)
{
    const std::string name = GetParam();
    const auto plan = readPlan((name.rfind("synthetic/", 0) == 0
                                    ? pa::test::fixture("plans/" + name + ".txt")
                                    : pa::test::sampleData("thai_nguyen/plans/" + name + ".txt"))
                                   .string());
    const auto gold = loadGold(pa::test::fixture("plans/" + name + ".tasks.tsv"));
    ASSERT_FALSE(gold.empty());
    std::size_t matched = 0, leadsRight = 0;
    std::set<int> found;
    for (const auto& t : plan.tasks) {
        found.insert(t.line);
        const auto g = gold.find(t.line);
        if (g == gold.end())
            continue;
        ++matched;
        EXPECT_EQ(t.section, g->second.section) << name << " line " << t.line;
        if (join(t.lead) == g->second.lead && t.collective == g->second.collective)
            ++leadsRight;
        else
            ADD_FAILURE() << name << " line " << t.line << ": lead " << join(t.lead)
                          << ", expected " << g->second.lead;
    }
    for (const auto& [line, g] : gold)
        if (!found.contains(line))
            std::cout << "  missed: " << name << " line " << line << " (" << g.section << ")\n";
    const double precision = static_cast<double>(matched) / static_cast<double>(plan.tasks.size());
    const double recall = static_cast<double>(matched) / static_cast<double>(gold.size());
    std::cout << name << ": tasks " << plan.tasks.size() << ", gold " << gold.size()
              << ", precision " << precision << ", recall " << recall << ", leads right "
              << leadsRight << "/" << matched << '\n';
    EXPECT_GE(precision, 0.9);
    EXPECT_GE(recall, 0.98);
    EXPECT_EQ(leadsRight, matched); // every lead of a found task is right
}

INSTANTIATE_TEST_SUITE_P(ThaiNguyen, GoldDocuments,
                         ::testing::Values("thai-nguyen_cv-2907-ubnd-cnnxd_2023",
                                           "thai-nguyen_kh-co-cau-lai-nen-kinh-te-nq54_2023",
                                           "thai-nguyen_kh-thuc-hien-ctr37-nq29_2023",
                                           "thai-nguyen_nq-hdnd-ke-hoach-ktxh-2021-2025",
                                           // another province and layout, written for the tests
                                           "synthetic/thanh-hoa_ctr-hanh-dong-synthetic"));

TEST(PlanHeader, ReadsTypeNumberDateIssuerAndProvince)
{
    const auto cv = readPlan(
        pa::test::sampleData("thai_nguyen/plans/thai-nguyen_cv-2907-ubnd-cnnxd_2023.txt").string());
    expectHeader(cv.document, "Công văn", "2907/UBND-CNNXD", "2023-06-19", "UBND tỉnh Thái Nguyên",
                 "Thái Nguyên");
    EXPECT_EQ(cv.contentSha256.size(), 64u);
    const auto nq = readPlan(
        pa::test::sampleData("thai_nguyen/plans/thai-nguyen_nq-hdnd-ke-hoach-ktxh-2021-2025.txt")
            .string());
    EXPECT_EQ(nq.document.type, "Nghị quyết");
    EXPECT_EQ(nq.document.issuer, "HĐND tỉnh Thái Nguyên");
    EXPECT_EQ(nq.document.date, "2020-12-11"); // "thông qua ngày 11 tháng 12 năm 2020"
    EXPECT_EQ(nq.document.title, "Về Kế hoạch phát triển kinh tế - xã hội giai đoạn 2021 - 2025");
    const auto kh = readPlan(
        pa::test::sampleData("thai_nguyen/plans/thai-nguyen_kh-thuc-hien-ctr37-nq29_2023.txt")
            .string());
    EXPECT_EQ(kh.document.type, "Kế hoạch");
    EXPECT_EQ(kh.document.issuer,
              "UBND tỉnh Thái Nguyên"); // from "UBND tỉnh Thái Nguyên ban hành Kế hoạch"
    EXPECT_EQ(kh.document.title.rfind("Thực hiện Chương trình hành động số 37-CTr/TU", 0), 0u);
    // Undated: issued on or after the latest act its preamble cites (Công văn 886/SCT of
    // 30/3/2023).
    EXPECT_EQ(kh.document.date, "");
    EXPECT_EQ(kh.document.notBefore, "2023-03-30");
    EXPECT_EQ(cv.document.notBefore <= cv.document.date, true) << cv.document.notBefore;
    const auto th = readPlan(
        pa::test::fixture("plans/synthetic/thanh-hoa_ctr-hanh-dong-synthetic.txt").string());
    EXPECT_EQ(th.document.type, "Chương trình hành động");
    EXPECT_EQ(th.document.number, "45/CTr-SKHĐT");
    EXPECT_EQ(th.document.issuer,
              "Sở Kế hoạch và Đầu tư tỉnh Thanh Hóa"); // a department's document
    EXPECT_EQ(th.document.province, "Thanh Hóa");
}

TEST(PlanTargets, ReadsVietnameseNumbersComparatorsRangesAndMetrics)
{
    const auto kh = readPlan(
        pa::test::sampleData("thai_nguyen/plans/thai-nguyen_kh-thuc-hien-ctr37-nq29_2023.txt")
            .string());
    auto find = [&](std::string_view indicator) -> const Target* {
        for (const auto& t : kh.targets)
            if (t.indicator.rfind(indicator, 0) == 0)
                return &t;
        return nullptr;
    };
    const Target* urban = find("Tỷ lệ đô thị hóa");
    ASSERT_TRUE(urban);
    EXPECT_EQ(urban->comparator, ">");
    EXPECT_DOUBLE_EQ(urban->value, 60.0);
    EXPECT_EQ(urban->unit, "%");
    EXPECT_EQ(urban->year, 2030); // "Đến năm 2030", not the 2045 vision
    EXPECT_EQ(urban->metric, "urbanisation_rate_pct");
    const Target* expressway = find("Tổng chiều dài đường bộ cao tốc");
    ASSERT_TRUE(expressway);
    EXPECT_DOUBLE_EQ(expressway->value, 134.9); // "khoảng 134,9km"
    EXPECT_EQ(expressway->comparator, "approx");
    EXPECT_EQ(expressway->metric, "expressway_length_km");
    const Target* perCapita = find("GRDP bình quân đầu người");
    ASSERT_TRUE(perCapita);
    EXPECT_DOUBLE_EQ(perCapita->value, 8900.0); // "8.900 USD"
    EXPECT_EQ(perCapita->unit, "USD");
    const Target* trained = find("Tỷ lệ lao động qua đào tạo");
    ASSERT_TRUE(trained);
    EXPECT_EQ(trained->comparator, "range");
    EXPECT_DOUBLE_EQ(trained->value, 35.0);
    EXPECT_EQ(trained->valueMax, 40.0);
    const auto cv = readPlan(
        pa::test::sampleData("thai_nguyen/plans/thai-nguyen_cv-2907-ubnd-cnnxd_2023.txt").string());
    bool output = false;
    for (const auto& t : cv.targets)
        output |= t.value == 1211000.0 && t.unit == "tỷ đồng" && t.year == 2025 &&
                  t.comparator == "approx";
    EXPECT_TRUE(output); // "ước đạt 1.211.000 tỷ đồng"
}

// ---- every task form, on our own short texts --------------------------------------------

TEST(PlanTasks, LeadWithSupportFollowedByPlusItems)
{
    const auto plan =
        parse("KẾ HOẠCH\nPhát triển vùng chè\n\nI. NHIỆM VỤ\n\n"
              "- Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Tài chính, "
              "Sở Công Thương và UBND các huyện:\n\n"
              "+ Xây dựng vùng chè tập trung tại xã Tân Cương.\n\n"
              "+ Hỗ trợ cấp chứng nhận VietGAP cho các hợp tác xã.\n");
    ASSERT_EQ(plan.tasks.size(), 2u);
    for (const auto& t : plan.tasks) {
        EXPECT_EQ(t.lead, std::vector<std::string>{"Sở Nông nghiệp và Phát triển nông thôn"});
        EXPECT_EQ(t.support, (std::vector<std::string>{"Sở Tài chính", "Sở Công Thương"}));
        EXPECT_FALSE(t.collective);
        EXPECT_EQ(t.section, "I");
    }
    ASSERT_EQ(plan.tasks[0].places.size(), 1u);
    EXPECT_EQ(plan.tasks[0].places[0].text, "xã Tân Cương");
    EXPECT_EQ(plan.tasks[0].places[0].type, "admin_commune");
    // The registry knows the 2025 successor.
    bool successor = false;
    for (const auto& a : plan.agencies)
        successor |= a.name == "Sở Nông nghiệp và Phát triển nông thôn" &&
                     a.successor2025 == "Sở Nông nghiệp và Môi trường";
    EXPECT_TRUE(successor);
}

TEST(PlanTasks, NumberedAgencyHeadingWithDashItemsAndInlineTask)
{
    const auto plan =
        parse("CHƯƠNG TRÌNH HÀNH ĐỘNG\n\n1. Phân công nhiệm vụ\n\n"
              "1.1. Sở Kế hoạch và Đầu tư:\n\n- Tham mưu bố trí vốn cho hạ tầng KCN Yên Bình.\n\n"
              "- Chủ trì, phối hợp với Sở Xây dựng thẩm định dự án.\n\n"
              "1.2. Sở Giao thông vận tải: Nâng cấp Quốc lộ 3 đoạn qua huyện Phú Bình.\n");
    ASSERT_EQ(plan.tasks.size(), 3u);
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Sở Kế hoạch và Đầu tư"});
    EXPECT_EQ(plan.tasks[1].lead, std::vector<std::string>{"Sở Kế hoạch và Đầu tư"});
    EXPECT_EQ(plan.tasks[1].support, std::vector<std::string>{"Sở Xây dựng"});
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"Sở Giao thông vận tải"});
    EXPECT_EQ(plan.tasks[2].section, "1.2");
    std::set<std::string> places;
    for (const auto& t : plan.tasks)
        for (const auto& p : t.places)
            places.insert(p.type + ":" + p.name);
    EXPECT_TRUE(places.contains("industrial_park:Yên Bình"));
    EXPECT_TRUE(places.contains("road:3"));
    EXPECT_TRUE(places.contains("admin_district:Phú Bình"));
}

TEST(PlanTasks, AssignmentInsideASentenceAndSeveralLeads)
{
    const auto plan =
        parse("KẾ HOẠCH\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
              "1. Để bảo đảm tiến độ, giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính "
              "theo dõi việc thực hiện Kế hoạch.\n\n"
              "2. Sở Giao thông vận tải, Sở Xây dựng chủ trì hoàn thiện đường vành đai V.\n");
    ASSERT_EQ(plan.tasks.size(), 2u);
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Sở Công Thương"});
    EXPECT_EQ(plan.tasks[0].support, std::vector<std::string>{"Sở Tài chính"});
    EXPECT_EQ(plan.tasks[1].lead,
              (std::vector<std::string>{"Sở Giao thông vận tải", "Sở Xây dựng"}));
}

TEST(PlanTasks, BareUnregisteredAgencyHeaderIsKeptAndFlagged)
{
    const auto plan = parse("KẾ HOẠCH\n\nII. NHIỆM VỤ, GIẢI PHÁP\n\n- Trường Đại học Nông Lâm:\n\n"
                            "+ Đào tạo kỹ thuật viên chế biến chè.\n");
    ASSERT_EQ(plan.tasks.size(), 1u);
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Trường Đại học Nông Lâm"});
    ASSERT_EQ(plan.agencies.size(), 1u);
    EXPECT_FALSE(plan.agencies[0].registered);
    EXPECT_FALSE(plan.warnings.empty());
}

TEST(PlanTasks, CollectiveLeadsAreMarked)
{
    const auto plan =
        parse("KẾ HOẠCH\n\nIII. NHIỆM VỤ CHỦ YẾU\n\n"
              "Các sở, ban, ngành, UBND các huyện, thành phố căn cứ chức năng thực hiện các nội "
              "dung sau:\n\n"
              "1. Cải cách hành chính\n\n- Rút ngắn thời gian giải quyết thủ tục đầu tư.\n\n"
              "- Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật.\n");
    ASSERT_EQ(plan.tasks.size(), 2u);
    EXPECT_TRUE(plan.tasks[0].collective);
    EXPECT_EQ(plan.tasks[0].lead,
              (std::vector<std::string>{"Các sở, ban, ngành", "UBND các huyện, thành phố"}));
    EXPECT_FALSE(plan.tasks[1].collective);
    EXPECT_EQ(plan.tasks[1].lead, std::vector<std::string>{"Sở Tư pháp"});
}

TEST(PlanTasks, PurposeAndTargetSectionsHoldNoTasks)
{
    const auto plan =
        parse("KẾ HOẠCH\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n- Nâng cao nhận thức của cán bộ.\n\n"
              "II. MỤC TIÊU\n\n1. Tỷ lệ đô thị hóa đạt trên 45% vào năm 2027.\n\n"
              "III. NHIỆM VỤ\n\n1. Sở Xây dựng chủ trì lập quy hoạch đô thị mới.\n");
    ASSERT_EQ(plan.tasks.size(), 1u);
    EXPECT_EQ(plan.tasks[0].section, "III.1");
    ASSERT_EQ(plan.targets.size(), 1u);
    EXPECT_EQ(plan.targets[0].comparator, ">");
    EXPECT_DOUBLE_EQ(plan.targets[0].value, 45.0);
    EXPECT_EQ(plan.targets[0].year, 2027);
}

// ---- formats --------------------------------------------------------------------------------

namespace {

const std::string kSmallPlan =
    "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\n\nSố: 1992/QĐ-UBND\n\nThanh Hóa, ngày 09/6/2023\n\n"
    "QUYẾT ĐỊNH\nVề phát triển khu kinh tế Nghi Sơn\n\nĐiều 1. Nhiệm vụ\n\n"
    "1. Ban Quản lý Khu kinh tế Nghi Sơn chủ trì mở rộng Khu công nghiệp Lam Sơn - Sao Vàng.\n\n"
    "2. Sở Kế hoạch và Đầu tư chủ trì xúc tiến đầu tư vào huyện Ngọc Lặc.\n";

/// Windows-1258 as Vietnamese editors write it: base letters (with â ê ô ă ơ ư đ composed)
/// followed by a combining tone byte. ICU's converter does not split tones off by itself.
std::string encodeCp1258(const std::string& utf8)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString nfd = icu::Normalizer2::getNFDInstance(status)->normalize(
        icu::UnicodeString::fromUTF8(utf8), status);
    const std::map<std::pair<char16_t, char16_t>, char> composed = {
        {{u'a', 0x0302}, '\xE2'}, {{u'A', 0x0302}, '\xC2'}, {{u'e', 0x0302}, '\xEA'},
        {{u'E', 0x0302}, '\xCA'}, {{u'o', 0x0302}, '\xF4'}, {{u'O', 0x0302}, '\xD4'},
        {{u'a', 0x0306}, '\xE3'}, {{u'A', 0x0306}, '\xC3'}, {{u'o', 0x031B}, '\xF5'},
        {{u'O', 0x031B}, '\xD5'}, {{u'u', 0x031B}, '\xFD'}, {{u'U', 0x031B}, '\xDD'}};
    const std::map<char16_t, char> tones = {
        {0x0300, '\xCC'}, {0x0301, '\xEC'}, {0x0303, '\xDE'}, {0x0309, '\xD2'}, {0x0323, '\xF2'}};
    std::string out;
    for (int32_t i = 0; i < nfd.length(); ++i) {
        char16_t c = nfd.charAt(i);
        // NFD orders a dot below before a circumflex ("ệ" = e, U+0323, U+0302): gather the marks.
        std::vector<char16_t> marks;
        for (int32_t k = i + 1;
             k < nfd.length() && nfd.charAt(k) >= 0x0300 && nfd.charAt(k) <= 0x036F; ++k)
            marks.push_back(nfd.charAt(k));
        for (auto it = marks.begin(); it != marks.end(); ++it)
            if (composed.contains({c, *it})) {
                out += composed.at({c, *it});
                marks.erase(it);
                c = 0;
                break;
            }
        if (c == 0 || !marks.empty()) {
            if (c != 0)
                out += static_cast<char>(c);
            for (char16_t m : marks)
                out += tones.at(m);
            i += static_cast<int32_t>(marks.size()) + (c == 0 ? 1 : 0);
            continue;
        }
        if (tones.contains(c)) {
            out += tones.at(c);
        } else if (c == 0x0111 || c == 0x0110) {
            out += c == 0x0111 ? '\xF0' : '\xD0';
        } else if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (const std::map<char16_t, char> punctuation = {{0x2018, '\x91'},
                                                                 {0x2019, '\x92'},
                                                                 {0x201C, '\x93'},
                                                                 {0x201D, '\x94'},
                                                                 {0x2013, '\x96'},
                                                                 {0x2014, '\x97'},
                                                                 {0x2026, '\x85'}};
                   punctuation.contains(c)) {
            out += punctuation.at(c);
        } else {
            ADD_FAILURE() << "no Windows-1258 byte for U+" << std::hex << static_cast<int>(c);
        }
    }
    return out;
}

std::string encode(const std::string& utf8, const char* converter)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter* c = ucnv_open(converter, &status);
    const auto s = icu::UnicodeString::fromUTF8(utf8);
    std::string out(static_cast<std::size_t>(s.length()) * 4 + 8, '\0');
    const int32_t n = s.extract(out.data(), static_cast<int32_t>(out.size()), c, status);
    ucnv_close(c);
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string decomposed(const std::string& utf8)
{
    UErrorCode status = U_ZERO_ERROR;
    const auto s = icu::UnicodeString::fromUTF8(utf8);
    // NFD through the canonical decomposition of each character.
    icu::UnicodeString nfd;
    for (int32_t i = 0; i < s.length(); ++i) {
        icu::UnicodeString one(s.charAt(i));
        icu::UnicodeString d;
        UErrorCode st = U_ZERO_ERROR;
        const auto* n = icu::Normalizer2::getNFDInstance(st);
        nfd += n->normalize(one, st);
    }
    (void)status;
    std::string out;
    nfd.toUTF8String(out);
    return out;
}

void checkSmallPlan(const ParsedPlan& plan, const std::string& format)
{
    EXPECT_EQ(plan.sourceFormat, format);
    EXPECT_EQ(plan.document.type, "Quyết định");
    EXPECT_EQ(plan.document.number, "1992/QĐ-UBND");
    EXPECT_EQ(plan.document.date, "2023-06-09");
    EXPECT_EQ(plan.document.issuer, "UBND tỉnh Thanh Hóa");
    ASSERT_EQ(plan.tasks.size(), 2u) << format;
    EXPECT_EQ(plan.tasks[1].lead, std::vector<std::string>{"Sở Kế hoạch và Đầu tư"});
    EXPECT_EQ(plan.tasks[0].places.at(0).text, "Khu công nghiệp Lam Sơn - Sao Vàng");
}

} // namespace

namespace {
std::vector<std::string> taskTexts(const ParsedPlan& plan)
{
    std::vector<std::string> out;
    for (const auto& t : plan.tasks)
        out.push_back(t.text);
    return out;
}

bool anyWarning(const ParsedPlan& plan, const std::string& words)
{
    return std::any_of(
        plan.warnings.begin(), plan.warnings.end(),
        [&](const pa::layers::Notice& w) { return w.english().find(words) != std::string::npos; });
}
} // namespace

TEST(PlanFormats, AStrayByteMixedEncodingsAndControlCharactersChangeNothingRead)
{
    pa::test::TempDir dir;
    const auto source = pa::test::sampleData(
        "thai_nguyen/plans/thai-nguyen_kh-co-cau-lai-nen-kinh-te-nq54_2023.txt");
    const std::string bytes = pa::test::readBytes(source);
    const auto original = readPlan(source.string());
    ASSERT_GT(original.tasks.size(), 100u);

    // One stray byte at the end (a truncated copy) was enough to read the whole plan as
    // Windows-1258: 38 tasks became 15. It is replaced, and said.
    pa::test::writeBytes(dir.file("stray.txt"), bytes + "\xFF");
    const auto stray = readPlan(dir.file("stray.txt"));
    EXPECT_EQ(stray.sourceFormat, "utf-8");
    EXPECT_EQ(taskTexts(stray), taskTexts(original));
    EXPECT_TRUE(anyWarning(stray, "1 byte(s) that are not UTF-8 were replaced"))
        << stray.warnings.size();

    // A file pasted together: lines 40–80 from a Windows-1258 source.
    std::istringstream lines(bytes);
    std::string mixed, line;
    for (int n = 1; std::getline(lines, line); ++n)
        mixed += (n >= 40 && n <= 80 ? encodeCp1258(line) : line) + "\n";
    pa::test::writeBytes(dir.file("mixed.txt"), mixed);
    const auto both = readPlan(dir.file("mixed.txt"));
    EXPECT_EQ(taskTexts(both), taskTexts(original));
    EXPECT_TRUE(anyWarning(both, "were read as Windows-1258 (the first is line 4"));

    // A NUL and other control characters past the first 64 KiB, where the binary check does not
    // look: removed and counted, and the plan stores (the statement failed with "SQL failed").
    std::string controls = bytes;
    const auto at = controls.find(' ', 70000);
    ASSERT_NE(at, std::string::npos);
    controls.insert(at, std::string("\0\x01\x7F", 3));
    pa::test::writeBytes(dir.file("controls.txt"), controls);
    const auto cleaned = readPlan(dir.file("controls.txt"));
    EXPECT_EQ(taskTexts(cleaned), taskTexts(original));
    EXPECT_TRUE(anyWarning(cleaned, "3 control character(s) (1 NUL) removed"));
    const std::string path = dir.file("ws.gpkg");
    pa::layers::Workspace::create(path, {"Thái Nguyên", "EPSG:9213"}).close();
    auto ws = pa::layers::Workspace::open(path, pa::gis::OpenMode::Update);
    EXPECT_EQ(storePlan(ws, cleaned, "", "controls.txt").tasksAdded,
              static_cast<std::int64_t>(original.tasks.size()));
}

TEST(PlanFormats, Utf8Utf16Windows1258NfdAndDocxReadAlike)
{
    pa::test::TempDir dir;
    pa::test::writeBytes(dir.file("a.txt"), kSmallPlan);
    checkSmallPlan(readPlan(dir.file("a.txt")), "utf-8");
    pa::test::writeBytes(dir.file("bom.txt"), "\xEF\xBB\xBF" + kSmallPlan);
    checkSmallPlan(readPlan(dir.file("bom.txt")), "utf-8");
    pa::test::writeBytes(dir.file("nfd.txt"), decomposed(kSmallPlan));
    ASSERT_NE(decomposed(kSmallPlan), kSmallPlan);
    checkSmallPlan(readPlan(dir.file("nfd.txt")), "utf-8");
    pa::test::writeBytes(dir.file("u16.txt"), "\xFF\xFE" + encode(kSmallPlan, "UTF-16LE"));
    checkSmallPlan(readPlan(dir.file("u16.txt")), "utf-16le");
    const std::string cp1258 = encodeCp1258(kSmallPlan);
    ASSERT_FALSE(cp1258.empty());
    pa::test::writeBytes(dir.file("cp1258.txt"), cp1258);
    checkSmallPlan(readPlan(dir.file("cp1258.txt")), "cp1258");
    // Markdown-ish bold and a page break in the middle of a sentence.
    std::string markdown = kSmallPlan;
    markdown.replace(markdown.find("QUYẾT ĐỊNH"), std::string("QUYẾT ĐỊNH").size(),
                     "**QUYẾT ĐỊNH**");
    markdown.replace(markdown.find("chủ trì xúc tiến"), std::string("chủ trì xúc tiến").size(),
                     "chủ trì xúc\n\n\ntiến");
    pa::test::writeBytes(dir.file("md.txt"), markdown);
    checkSmallPlan(readPlan(dir.file("md.txt")), "utf-8");
    // A .docx made the way Word stores it: paragraphs of runs in word/document.xml.
    std::string xml =
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
        "wordprocessingml/2006/main\"><w:body>";
    std::istringstream lines(kSmallPlan);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty())
            xml += "<w:p><w:r><w:t xml:space=\"preserve\">" + line + "</w:t></w:r></w:p>";
    xml += "</w:body></w:document>";
    pa::test::writeBytes(dir.file("document.xml"), xml);
    const auto zip =
        pa::test::run({"/usr/bin/python3", "-c",
                       "import sys, zipfile\n"
                       "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n"
                       "    z.writestr('[Content_Types].xml', '<Types/>')\n"
                       "    z.write(sys.argv[2], 'word/document.xml')\n",
                       dir.file("plan.docx"), dir.file("document.xml")});
    ASSERT_EQ(zip.exitCode, 0) << zip.err;
    checkSmallPlan(readPlan(dir.file("plan.docx")), "docx");
}

TEST(PlanFormats, BadInputIsRefusedClearlyAndQuickly)
{
    pa::test::TempDir dir;
    auto refused = [](const std::string& path, const std::string& mention) {
        try {
            readPlan(path);
            ADD_FAILURE() << path << " was accepted";
        } catch (const pa::layers::Error& e) {
            EXPECT_EQ(e.kind(), pa::layers::ErrorKind::Input);
            EXPECT_NE(std::string(e.what()).find(mention), std::string::npos) << e.what();
        }
    };
    refused(dir.file("missing.txt"), "no such file");
    pa::test::writeBytes(dir.file("empty.txt"), "");
    refused(dir.file("empty.txt"), "empty");
    std::string binary;
    for (int i = 0; i < 4096; ++i)
        binary += static_cast<char>((i * 7919) % 256);
    pa::test::writeBytes(dir.file("blob.bin"), binary);
    refused(dir.file("blob.bin"), "binary");
    pa::test::writeBytes(dir.file("prose.txt"),
                         "Hôm nay trời đẹp. Chúng tôi đi chơi ở hồ Núi Cốc.\n");
    refused(dir.file("prose.txt"), "no numbered sections");
    pa::test::writeBytes(dir.file("fake.pdf"), "%PDF-1.7\n...");
    refused(dir.file("fake.pdf"), "not a readable PDF");
    // 20 MB of plan text (4 MB under the sanitizers' slowdown): read in bounded time.
    const std::size_t bigBytes = pa::test::underSanitizers() ? (4u << 20) : (20u << 20);
    std::string big = "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n";
    const std::string block =
        "- Sở Công Thương chủ trì, phối hợp với Sở Tài chính phát triển cụm công nghiệp "
        "Điềm Thụy và hạ tầng khu vực phía Nam của tỉnh theo quy hoạch.\n\n";
    while (big.size() < bigBytes)
        big += block;
    pa::test::writeBytes(dir.file("big.txt"), big);
    const auto start = std::chrono::steady_clock::now();
    const auto plan = readPlan(dir.file("big.txt"));
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GT(plan.tasks.size(), bigBytes / block.size() * 9 / 10);
    EXPECT_LT(seconds, 120.0)
        << "bounded time"; // a guard against runaway behaviour, not a benchmark
}

// ---- into the workspace ---------------------------------------------------------------------

namespace {
std::string one(pa::layers::Workspace& ws, const std::string& sql)
{
    const auto r = ws.dataset().execute(sql);
    return r.rows.empty() ? std::string() : pa::gis::toString(r.rows[0][0]);
}
} // namespace

TEST(PlanStore, WritesOnceUpdatesOnReingestAndKeepsLinks)
{
    pa::test::TempDir dir;
    const std::string path = dir.file("ws.gpkg");
    pa::layers::Workspace::create(path, {"Thái Nguyên", "EPSG:9213"}).close();
    const auto plan = readPlan(
        pa::test::sampleData("thai_nguyen/plans/thai-nguyen_cv-2907-ubnd-cnnxd_2023.txt").string());
    {
        auto ws = pa::layers::Workspace::open(path, pa::gis::OpenMode::Update);
        const auto report = storePlan(ws, plan, "", "cv-2907.txt");
        EXPECT_EQ(report.docId, "2907-ubnd-cnnxd");
        EXPECT_FALSE(report.updated);
        EXPECT_EQ(report.tasksAdded, 38);
        // A planner links the Yên Bình IT-zone task (2.8) to a feature.
        pa::layers::ImportOptions o;
        o.sourcePath = pa::test::fixture("invalid_polygons.geojson").string();
        o.kind = "hitech_zone";
        o.codeField = "code";
        pa::layers::importLayer(ws, o);
        ws.dataset().execute(
            "INSERT INTO invalid_polygons_task_links (base_id, related_id, link_source) VALUES "
            "(1, (SELECT fid FROM plan_tasks WHERE task_id = '2907-ubnd-cnnxd:2.8#1'), 'manual')");
        ws.close();
    }
    auto ws = pa::layers::Workspace::open(path, pa::gis::OpenMode::Update);
    const auto again = storePlan(ws, plan, "", "cv-2907.txt");
    EXPECT_TRUE(again.updated);
    EXPECT_EQ(again.tasksAdded, 0);
    EXPECT_EQ(again.tasksUpdated, 38);
    EXPECT_EQ(one(ws, "SELECT COUNT(*) FROM plan_documents"), "1");
    EXPECT_EQ(one(ws, "SELECT COUNT(*) FROM plan_tasks"), "38");
    EXPECT_EQ(one(ws, "SELECT COUNT(*) FROM invalid_polygons_task_links"),
              "1"); // the link survived
    EXPECT_EQ(
        one(ws, "SELECT a.name_vi FROM plan_task_agencies r JOIN plan_agencies a USING (agency_id) "
                "WHERE r.task_id = '2907-ubnd-cnnxd:2.8#1' AND r.role = 'lead'"),
        "Sở Thông tin và Truyền thông");
    EXPECT_EQ(one(ws, "SELECT s.name_vi FROM plan_agencies a JOIN plan_agencies s ON s.agency_id = "
                      "a.successor_id "
                      "WHERE a.agency_id = 'so-thong-tin-va-truyen-thong'"),
              "Sở Khoa học và Công nghệ");
    EXPECT_EQ(one(ws, "SELECT COUNT(*) FROM plan_agency_aliases WHERE alias = 'Sở KH&ĐT'"), "1");
    EXPECT_EQ(ws.validate().errorCount(), 0u);
    EXPECT_EQ(ws.info().links, 1);
}

/// A workspace with the sample's districts, the TCVN3 park fixture and the cv-2907 plan.
pa::layers::Workspace linkWorkspace(const std::string& path)
{
    pa::layers::Workspace::create(path, {"Thái Nguyên", "EPSG:9213"}).close();
    auto ws = pa::layers::Workspace::open(path, pa::gis::OpenMode::Update);
    pa::layers::ImportOptions districts;
    districts.sourcePath =
        pa::test::sampleData("thai_nguyen/districts_pre2025_geoboundaries.geojson").string();
    districts.kind = "admin_district";
    districts.layerName = "districts";
    districts.codeField = "shapeID";
    pa::layers::importLayer(ws, districts);
    pa::layers::ImportOptions parks;
    parks.sourcePath = pa::test::fixture("kcn_tcvn3.shp").string();
    parks.kind = "industrial_park";
    parks.layerName = "kcn";
    parks.encoding = pa::text::Encoding::Tcvn3;
    parks.fieldMap = {{"name_vi", "TEN_KCN"}};
    parks.codeField = "MA_KCN";
    pa::layers::importLayer(ws, parks);
    storePlan(
        ws,
        readPlan(pa::test::sampleData("thai_nguyen/plans/thai-nguyen_cv-2907-ubnd-cnnxd_2023.txt")
                     .string()),
        "cv2907", "cv.txt");
    return ws;
}

TEST(PlanLinks, SuggestAcceptEditAndList)
{
    pa::test::TempDir dir;
    const std::string path = dir.file("ws.gpkg");
    auto ws = linkWorkspace(path);
    storePlan(ws,
              readPlan(pa::test::sampleData(
                           "thai_nguyen/plans/thai-nguyen_kh-co-cau-lai-nen-kinh-te-nq54_2023.txt")
                           .string()),
              "kh54", "kh.txt");

    const auto suggestions = suggestLinks(ws);
    // Each suggestion is named as its feature is in its layer (the listing looks the suggested
    // codes up; here every feature is read through GDAL).
    std::map<std::pair<std::string, std::string>, std::string> named;
    for (const auto& layer : ws.layers()) {
        auto table = ws.dataset().layerByName(layer.name);
        if (!table || table->fieldIndex("code") < 0 || table->fieldIndex("name_vi") < 0)
            continue;
        while (auto f = table->next())
            named[{layer.name, pa::gis::toString(f->value(table->fieldIndex("code")))}] =
                pa::gis::toString(f->value(table->fieldIndex("name_vi")));
    }
    ASSERT_FALSE(suggestions.empty());
    for (const auto& s : suggestions)
        EXPECT_EQ(s.featureName, named.at({s.layer, s.featureCode})) << s.featureCode;
    auto find = [&](const std::string& task, const std::string& name) -> const LinkSuggestion* {
        for (const auto& s : suggestions)
            if (s.taskId == task && s.featureName == name)
                return &s;
        return nullptr;
    };
    // "huyện Phú Bình" in III.5.c#4 is the district Phú Bình: same name, same kind.
    const auto* phuBinh = find("kh54:III.5.c#4", "Phú Bình");
    ASSERT_TRUE(phuBinh);
    EXPECT_NEAR(phuBinh->confidence, 0.9, 1e-9);
    // "Khu công nghệ thông tin tập trung Yên Bình" matches the Yên Bình park by name, with less
    // confidence because an IT zone is not an industrial park.
    const auto* yenBinh = find("cv2907:2.8#1", "Khu công nghiệp Yên Bình");
    ASSERT_TRUE(yenBinh);
    EXPECT_LT(yenBinh->confidence, phuBinh->confidence);
    // Best first.
    for (std::size_t i = 1; i < suggestions.size(); ++i)
        EXPECT_GE(suggestions[i - 1].confidence, suggestions[i].confidence);

    EXPECT_EQ(acceptSuggestions(ws, {}, 0.85), 3);
    EXPECT_EQ(rejectSuggestions(ws, {yenBinh->id}), 1);
    // A decision undone: the accepted suggestion is pending again and its link gone; then
    // accepted again.
    auto linkedTo = [&](const std::string& task, const std::string& code) {
        const auto links = listLinks(ws, task);
        return std::any_of(links.begin(), links.end(),
                           [&](const Link& l) { return l.featureCode == code; });
    };
    const auto before = listLinks(ws, "kh54:III.5.c#4").size();
    ASSERT_TRUE(linkedTo("kh54:III.5.c#4", phuBinh->featureCode));
    EXPECT_EQ(resetSuggestions(ws, {phuBinh->id, yenBinh->id}), 2);
    EXPECT_FALSE(linkedTo("kh54:III.5.c#4", phuBinh->featureCode));
    EXPECT_EQ(listLinks(ws, "kh54:III.5.c#4").size(),
              before - 1); // the task's other accepted link stays
    const auto pending = listSuggestions(ws, "pending");
    EXPECT_EQ(std::count_if(pending.begin(), pending.end(),
                            [&](const LinkSuggestion& s) {
                                return s.id == phuBinh->id || s.id == yenBinh->id;
                            }),
              2);
    EXPECT_THROW(resetSuggestions(ws, {999999}), pa::layers::Error);
    EXPECT_EQ(acceptSuggestions(ws, {phuBinh->id}, 0.0), 1);
    EXPECT_EQ(rejectSuggestions(ws, {yenBinh->id}), 1);
    addLink(ws, "cv2907:2.8#1", "KCN-SC2");
    EXPECT_EQ(listLinks(ws, "cv2907:2.8#1").size(), 1u);
    EXPECT_EQ(listLinks(ws, {}, "KCN-SC2").at(0).source, "manual");
    EXPECT_TRUE(removeLink(ws, "cv2907:2.8#1", "KCN-SC2"));
    EXPECT_FALSE(removeLink(ws, "cv2907:2.8#1", "KCN-SC2"));
    EXPECT_THROW(addLink(ws, "no-such-task", "KCN-SC2"), pa::layers::Error);
    EXPECT_THROW(addLink(ws, "cv2907:2.8#1", "NO-SUCH-CODE"), pa::layers::Error);
    EXPECT_EQ(ws.info().links, 3);
    // Suggesting again offers neither the accepted (now links) nor the rejected pairs.
    for (const auto& s : suggestLinks(ws)) {
        EXPECT_FALSE(s.taskId == "kh54:III.5.c#4" && s.featureName == "Phú Bình");
        EXPECT_FALSE(s.taskId == "cv2907:2.8#1" && s.featureName == "Khu công nghiệp Yên Bình");
    }
    EXPECT_EQ(ws.validate().errorCount(), 0u);
}

TEST(PlanPlaces, TypeWordsAbbreviationsAndVariantsMatch)
{
    const auto places =
        [](const std::string& text) {
            std::vector<std::string> out;
            for (const auto& task :
                 parsePlanText("KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Sở Xây dựng chủ trì " + text + "\n",
                               "t")
                     .tasks)
                for (const auto& p : task.places)
                    out.push_back(p.type + ":" + p.name);
            return out;
        }("mở rộng KCN Yên Bình, TP Sông Công, TX Phổ Yên, cao tốc CT.07, QL3, hồ Núi Cốc và cụm "
          "công nghiệp "
          "Điềm Thụy; Khu nông nghiệp ứng dụng công nghệ cao Hậu Giang.");
    EXPECT_EQ(places, (std::vector<std::string>{
                          "industrial_park:Yên Bình", "urban_centre:Sông Công",
                          "admin_district:Phổ Yên", "expressway:CT.07", "road:3", "lake:Núi Cốc",
                          "industrial_cluster:Điềm Thụy", "hitech_zone:Hậu Giang"}));
}

TEST(PlanPlaces, WordsThatQualifyATypeComeBeforeTheName)
{
    std::vector<std::string> places;
    for (const auto& task :
         parsePlanText("KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Sở Xây dựng chủ trì xây dựng Khu kinh "
                       "tế ven biển Quảng Yên, Khu du lịch quốc gia Mẫu Sơn, khu du lịch biển Sầm "
                       "Sơn, Khu di tích lịch sử quốc gia đặc biệt Tân Trào; hỗ trợ huyện miền núi "
                       "Võ Nhai và xã Biển Động; Khu kinh tế cửa khẩu quốc tế Cầu Treo, Vườn quốc "
                       "gia Vũ Quang.\n",
                       "t")
             .tasks)
        for (const auto& p : task.places)
            places.push_back(p.type + ":" + p.name);
    // Not "biển Quảng Yên" (a sea), and "Biển Động" is a commune's name.
    EXPECT_EQ(places,
              (std::vector<std::string>{"economic_zone:Quảng Yên", "tourism_area:Mẫu Sơn",
                                        "tourism_area:Sầm Sơn", "tourism_area:Tân Trào",
                                        "admin_district:Võ Nhai", "admin_commune:Biển Động",
                                        "economic_zone:Cầu Treo", "nature_reserve:Vũ Quang"}));
}

// Words the vocabulary does not know may qualify a park's or a site's type word too; not
// words that begin a clause, nor a unit's type word.
TEST(PlanPlaces, UnknownWordsMayQualifyAParksOrASitesTypeWord)
{
    const auto plan = parse("KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n"
                            "1. Sở Công Thương chủ trì phát triển khu công nghiệp cảng biển Hải "
                            "Hà.\n\n"
                            "2. Sở Văn hóa, Thể thao và Du lịch chủ trì bảo tồn Khu di tích khảo "
                            "cổ Óc Eo – Ba Thê.\n\n"
                            "3. Sở Công Thương chủ trì thu hút đầu tư vào khu công nghiệp tại Yên "
                            "Bình.\n\n"
                            "4. Sở Công Thương chủ trì đầu tư hạ tầng cụm công nghiệp huyện Phú "
                            "Bình.\n\n"
                            "5. Sở Công Thương chủ trì hoàn thiện khu công nghiệp có Nhà máy "
                            "Samsung.\n\n"
                            "6. Sở Công Thương chủ trì thu hút đầu tư vào khu công nghiệp dọc "
                            "Quốc lộ 18.\n");
    ASSERT_EQ(plan.tasks.size(), 6u);
    EXPECT_EQ(placeTexts(plan, 5), std::vector<std::string>{"Quốc lộ 18"});
    EXPECT_EQ(placeTexts(plan, 0), std::vector<std::string>{"khu công nghiệp cảng biển Hải Hà"});
    EXPECT_EQ(plan.tasks[0].places.at(0).name, "Hải Hà");
    EXPECT_EQ(plan.tasks[1].places.at(0).name, "Óc Eo - Ba Thê");
    EXPECT_TRUE(placeTexts(plan, 2).empty()) << placeTexts(plan, 2).front();
    EXPECT_EQ(placeTexts(plan, 3), std::vector<std::string>{"huyện Phú Bình"});
    EXPECT_TRUE(placeTexts(plan, 4).empty()) << placeTexts(plan, 4).front();
}

TEST(PlanPlaces, NamesThatBeginWithAQualifierOrHoldWordsAroundNamesStayWhole)
{
    auto places = [](const std::string& body) {
        std::vector<std::string> out;
        for (const auto& task :
             parsePlanText("KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. " + body + "\n", "t").tasks)
            for (const auto& p : task.places)
                out.push_back(p.type + ":" + p.name);
        return out;
    };
    // A qualifier in lower case only: "Biển Hồ", "Biển Lạc" are names.
    EXPECT_EQ(places("Sở Xây dựng nâng cấp hồ Biển Lạc và khu du lịch Biển Hồ."),
              (std::vector<std::string>{"lake:Biển Lạc", "tourism_area:Biển Hồ"}));
    // Text that lost its diacritics: "Bien Hoa" is a name.
    EXPECT_EQ(places("So Cong Thuong mo rong KCN Bien Hoa 1."),
              (std::vector<std::string>{"industrial_park:Bien Hoa 1"}));
    // In capitals: the words of names that are also words around names ("Năm", "Mới", "Đạt").
    EXPECT_EQ(places("SỞ XÂY DỰNG HỖ TRỢ HUYỆN NĂM CĂN, THỊ XÃ NGÃ NĂM, XÃ PHÚ MỚI VÀ KCN THÀNH "
                     "ĐẠT."),
              (std::vector<std::string>{"admin_district:NĂM CĂN", "admin_district:NGÃ NĂM",
                                        "admin_commune:PHÚ MỚI", "industrial_park:THÀNH ĐẠT"}));
    // ... "VÀ" joins no name to whatever follows, and a unit's type word begins a new mention.
    EXPECT_EQ(places("SỞ XÂY DỰNG NÂNG CẤP KCN YÊN BÌNH VÀ HẠ TẦNG GIAO THÔNG KẾT NỐI."),
              (std::vector<std::string>{"industrial_park:YÊN BÌNH"}));
    // ... and the words after a name end it, some only by what follows them.
    EXPECT_EQ(places("SỞ CÔNG THƯƠNG MỞ RỘNG KCN PHÚ VINH NĂM 2026; KCN VŨNG ÁNG II ĐẠT TỶ LỆ "
                     "LẤP ĐẦY 70%; KCN GIA LÁCH HIỆN CÓ; QUỐC LỘ 1A QUA ĐỊA BÀN TỈNH."),
              (std::vector<std::string>{"industrial_park:PHÚ VINH", "industrial_park:VŨNG ÁNG II",
                                        "industrial_park:GIA LÁCH", "road:1A"}));
    // "VÀ" before the last of a list, short and last in its clause, goes on with it.
    EXPECT_EQ(places("SỞ CÔNG THƯƠNG MỞ RỘNG KCN VŨNG ÁNG, GIA LÁCH VÀ HẠ VÀNG; HỖ TRỢ XÃ THẠCH HÀ "
                     "VÀ THẠCH KIM."),
              (std::vector<std::string>{"industrial_park:VŨNG ÁNG", "industrial_park:GIA LÁCH",
                                        "industrial_park:HẠ VÀNG", "admin_commune:THẠCH HÀ",
                                        "admin_commune:THẠCH KIM"}));
    // Without diacritics "XA", "PHUONG" may be syllables of a name.
    EXPECT_EQ(places("SO CONG THUONG MO RONG KCN NAM PHUONG VA KCN DONG XA."),
              (std::vector<std::string>{"industrial_park:NAM PHUONG", "industrial_park:DONG XA"}));
    EXPECT_EQ(places("SO XAY DUNG PHAT TRIEN HUYEN CHO DON VA HUYEN CHO MOI."),
              (std::vector<std::string>{"admin_district:CHO DON", "admin_district:CHO MOI"}));
}

TEST(PlanTargets, ComparatorsRangesAndUnitsOnOwnText)
{
    const auto plan = parsePlanText("KẾ HOẠCH\n\nI. MỤC TIÊU ĐẾN NĂM 2030\n\n"
                                    "1. Năng suất lao động tăng 2,7 - 3,2 lần; dân số đô thị "
                                    "khoảng 450 nghìn người; tỷ lệ hộ nghèo dưới 1,5%; "
                                    "diện tích khu công nghiệp từ 2.500 ha trở lên; thu ngân sách "
                                    "đạt 35.000 tỷ đồng vào năm 2028.\n",
                                    "t");
    ASSERT_EQ(plan.targets.size(), 5u);
    const auto& t = plan.targets;
    EXPECT_EQ(t[0].comparator, "range");
    EXPECT_DOUBLE_EQ(t[0].value, 2.7);
    EXPECT_EQ(t[0].valueMax, 3.2);
    EXPECT_EQ(t[0].unit, "lần");
    EXPECT_EQ(t[0].year, 2030); // from the section title
    EXPECT_EQ(t[1].comparator, "approx");
    EXPECT_DOUBLE_EQ(t[1].value, 450.0);
    EXPECT_EQ(t[1].unit, "nghìn người");
    EXPECT_EQ(t[2].comparator, "<");
    EXPECT_DOUBLE_EQ(t[2].value, 1.5);
    EXPECT_EQ(t[3].comparator, ">=");
    EXPECT_DOUBLE_EQ(t[3].value, 2500.0);
    EXPECT_EQ(t[3].unit, "ha");
    EXPECT_EQ(t[3].metric, "industrial_park_area_ha");
    EXPECT_EQ(t[4].comparator, "=");
    EXPECT_DOUBLE_EQ(t[4].value, 35000.0);
    EXPECT_EQ(t[4].year, 2028); // the clause's own year wins
}

TEST(PlanLinks, ReviewFileLinksAcceptsRejectsAndRecordsUnlocatedTasks)
{
    pa::test::TempDir dir;
    const std::string path = dir.file("ws.gpkg");
    {
        auto ws = linkWorkspace(path);
        suggestLinks(ws);
    }
    auto ws = pa::layers::Workspace::open(path, pa::gis::OpenMode::Update);
    // cv2907:2.8#1 names "Khu công nghệ thông tin tập trung Yên Bình": suggested against the
    // Yên Bình park. The reviewer keeps that and adds Sông Công II by hand; 2.4#1 has no place.
    const auto pendingBefore = listSuggestions(ws, "pending");
    std::int64_t pendingOf28 = 0;
    for (const auto& s : pendingBefore)
        pendingOf28 += s.taskId == "cv2907:2.8#1";
    ASSERT_GE(pendingOf28, 1);
    std::string yenBinh;
    for (const auto& s : pendingBefore)
        if (s.taskId == "cv2907:2.8#1" && s.featureName == "Khu công nghiệp Yên Bình")
            yenBinh = s.featureCode;
    ASSERT_FALSE(yenBinh.empty());
    const std::string review = dir.file("review.csv");
    std::ofstream(review)
        << "task_id,features,reason,excerpt\n"
        << "cv2907:2.8#1," << yenBinh << ";KCN-SC2,,Sở TT&TT: Khu CNTT tập trung Yên Bình\n"
        << "cv2907:2.4#1,,\"Quản lý tài nguyên toàn tỉnh, không gắn địa điểm\",\n";
    const auto r = applyReview(ws, review);
    EXPECT_EQ(r.tasks, 2);
    EXPECT_EQ(r.accepted, 1);
    EXPECT_EQ(r.manual, 1);
    EXPECT_EQ(r.rejected, pendingOf28 - 1);
    EXPECT_EQ(r.unlocated, 1);
    const auto links = listLinks(ws, "cv2907:2.8#1");
    ASSERT_EQ(links.size(), 2u);
    EXPECT_EQ(links[0].featureCode == yenBinh ? links[0].source : links[1].source, "gazetteer");
    const auto unlocated = listUnlocated(ws);
    ASSERT_EQ(unlocated.size(), 1u);
    EXPECT_EQ(unlocated[0].taskId, "cv2907:2.4#1");
    EXPECT_EQ(unlocated[0].reason, "Quản lý tài nguyên toàn tỉnh, không gắn địa điểm");
    for (const auto& s : listSuggestions(ws, "pending"))
        EXPECT_NE(s.taskId, "cv2907:2.8#1");
    EXPECT_EQ(ws.validate().errorCount(), 0u);
    ws.close();

    // Bad rows name the file and line; nothing is written.
    const auto before = pa::test::readBytes(path);
    auto refuse = [&](const std::string& content, const std::string& mention) {
        std::ofstream(dir.file("bad.csv")) << content;
        auto w = pa::layers::Workspace::open(path, pa::gis::OpenMode::Update);
        try {
            applyReview(w, dir.file("bad.csv"));
            ADD_FAILURE() << "accepted: " << content;
        } catch (const pa::layers::Error& e) {
            EXPECT_EQ(e.kind(), pa::layers::ErrorKind::Input);
            EXPECT_NE(std::string(e.what()).find(mention), std::string::npos) << e.what();
        }
        w.close();
        EXPECT_EQ(pa::test::readBytes(path), before);
    };
    refuse("task_id,features,reason\ncv2907:2.5#1,KCN-SC2,\ncv2907:9.9#9,,x\n",
           "line 3: no task 'cv2907:9.9#9'");
    refuse("task_id,features,reason\ncv2907:2.5#1,NO-SUCH,\n",
           "line 2: no feature with code 'NO-SUCH'");
    refuse("task_id,features,reason\ncv2907:2.5#1,,\n", "line 2: task 'cv2907:2.5#1' has neither");
    refuse("task_id,features,reason\ncv2907:2.5#1,KCN-SC2,\ncv2907:2.5#1,,x\n", "reviewed twice");
    refuse("task_id,features\n", "needs the columns");
}

// ---- parts, task tables, fields, deadlines and bodies outside the registry --------------

TEST(PlanParts, ADecisionsAttachedProgrammeIsReadPastTheDistributionList)
{
    const auto plan =
        parse("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n\nSố: 15/QĐ-UBND\n\nQUYẾT ĐỊNH\nBan hành Kế hoạch\n\n"
              "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển khu công nghiệp.\n\n"
              "Điều 2. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết "
              "định này.\n\n"
              "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
              "KẾ HOẠCH\n(Ban hành kèm theo Quyết định số 15/QĐ-UBND)\n\nI. NHIỆM VỤ\n\n"
              "1. Sở Công Thương chủ trì, phối hợp với Sở Tài chính rà soát quy hoạch khu công "
              "nghiệp.\n\n"
              "2. Sở Xây dựng chủ trì thẩm định quy hoạch chi tiết trong Quý II/2026.\n");
    ASSERT_EQ(plan.tasks.size(), 2u); // the wrapper's own clauses are not tasks
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Sở Công Thương"});
    EXPECT_EQ(plan.tasks[0].part, "plan");
    EXPECT_EQ(plan.tasks[1].deadline.normalised, "2026-Q2");
    std::vector<std::string> kinds;
    for (const auto& p : plan.parts)
        kinds.push_back(p.kind);
    EXPECT_EQ(kinds, (std::vector<std::string>{"wrapper", "distribution", "signature", "plan"}));
}

TEST(PlanTables, RowsOfATaskTableCopiedOneCellPerLine)
{
    const auto plan = parse(
        "KẾ HOẠCH\n\nI. MỤC ĐÍCH\n\n1. Nâng cao nhận thức.\n\nPHỤ LỤC\n\n|\nSTT\nTên nhiệm vụ\n|\n"
        "Cơ quan chủ trì\n|\nCơ quan phối hợp\n|\nThời gian hoàn thành\n|\n|\nI. TUYÊN "
        "TRUYỀN\n|\n|\n"
        "1\n|\nTriển khai nền tảng đào tạo trực tuyến\ncho doanh nghiệp.\n|\nSở KH&CN\n|\n"
        "Sở Tài chính; UBND các xã, phường\n|\nQuý IV/2025 - Quý II/2026\n|\n|\n"
        "2\n|\nĐánh giá mức độ chuyển đổi số.\n|\nHiệp hội Doanh nghiệp tỉnh\n|\nCác sở, ban, "
        "ngành\n|\nThường xuyên\n|\n");
    ASSERT_EQ(plan.tasks.size(), 2u);
    EXPECT_EQ(plan.tasks[0].text, "Triển khai nền tảng đào tạo trực tuyến cho doanh nghiệp.");
    EXPECT_EQ(plan.tasks[0].line, 25); // the line of the task cell
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Sở Khoa học và Công nghệ"});
    EXPECT_EQ(plan.tasks[0].support.at(0), "Sở Tài chính");
    EXPECT_EQ(plan.tasks[0].deadline.normalised, "2025-Q4..2026-Q2");
    EXPECT_EQ(plan.tasks[0].rule, "table-row");
    EXPECT_EQ(plan.tasks[0].part, "appendix");
    EXPECT_EQ(plan.tasks[1].lead, std::vector<std::string>{"Hiệp hội Doanh nghiệp tỉnh"});
    EXPECT_EQ(plan.tasks[1].deadline.normalised, "ongoing");
}

// A task table pasted as text: cells separated by tabs (a spreadsheet's copy) or by bars
// without the outer ones. A two-column header typed with a tab is no table.
TEST(PlanTables, RowsOfATaskTablePastedWithTabsOrBars)
{
    for (const char bar : {'\t', '|'}) {
        std::string table = "STT|Nhiệm vụ|Cơ quan chủ trì|Cơ quan phối hợp|Thời gian\n"
                            "A|PHÁT TRIỂN CÔNG NGHIỆP|||\n"
                            "1|Hoàn thiện hạ tầng KCN Tằng Loỏng|Sở Công Thương|Sở Tài chính|2027\n"
                            "2|Đầu tư hạ tầng CCN Âu Lâu|Sở Xây dựng||Hằng năm\n";
        std::replace(table.begin(), table.end(), '|', bar);
        const auto plan = parse("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
                                "NAM\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n\nI. MỤC TIÊU\n\n1. Phát triển "
                                "công nghiệp.\n\nPHỤ LỤC\n\n" +
                                table);
        ASSERT_EQ(plan.tasks.size(), 2u) << int(bar);
        EXPECT_EQ(plan.tasks[0].text, "Hoàn thiện hạ tầng KCN Tằng Loỏng");
        EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Sở Công Thương"});
        EXPECT_EQ(plan.tasks[0].support, std::vector<std::string>{"Sở Tài chính"});
        EXPECT_EQ(plan.tasks[0].deadline.normalised, "2027");
        EXPECT_EQ(plan.tasks[1].lead, std::vector<std::string>{"Sở Xây dựng"});
        EXPECT_EQ(plan.tasks[1].rule, "table-row");
    }
    // A spreadsheet's copy: a row with no number keeps its columns; a cell holding a line break
    // is quoted over two lines, and the lines after it keep their numbers.
    const auto pasted = parse("KẾ HOẠCH\n\nI. NHIỆM VỤ\n\nSTT\tNhiệm vụ\tCơ quan chủ trì\tThời "
                              "gian\n1\t\"Nâng cấp KCN Yên Bình;\nmở rộng KCN Điềm Thụy\"\tSở "
                              "Công Thương\t2026\n\tHoàn thiện hồ sơ KCN Điềm Thụy\tSở Xây "
                              "dựng\t2027\n");
    ASSERT_EQ(pasted.tasks.size(), 2u);
    EXPECT_EQ(pasted.tasks[0].text, "Nâng cấp KCN Yên Bình; mở rộng KCN Điềm Thụy");
    EXPECT_EQ(pasted.tasks[1].text, "Hoàn thiện hồ sơ KCN Điềm Thụy");
    EXPECT_EQ(pasted.tasks[1].lead, std::vector<std::string>{"Sở Xây dựng"});
    EXPECT_EQ(pasted.tasks[1].line, 8);
    // Targets aligned with tabs are no table: no column of tasks and leads.
    const auto targets = parse("KẾ HOẠCH\n\nI. MỤC TIÊU\n\n- Tỷ lệ đô thị hóa đạt:\t\t45%;\n"
                               "- Tỷ lệ lấp đầy các khu công nghiệp đạt:\t\t70%.\n\nII. NHIỆM "
                               "VỤ\n\n1. Sở Xây dựng chủ trì phát triển đô thị.\n");
    EXPECT_EQ(targets.targets.size(), 2u);
}

// A header typed in two columns side by side, as a PDF converted with its layout gives it: the
// issuer's column and the motto's are read apart, and the body keeps its line numbers.
TEST(PlanHeader, TwoColumnsSideBySideAreReadApart)
{
    const auto plan =
        parse("ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
              "NAM\n  TỈNH NGHỆ AN                                  Độc lập - Tự do - "
              "Hạnh phúc\n\nSố: 512/KH-UBND                               Nghệ An, "
              "ngày 15 tháng 8 năm 2025\n\nKẾ HOẠCH\nTriển khai thực hiện Quy "
              "hoạch tỉnh\n\nI. NHIỆM VỤ\n\n1. Sở Công Thương chủ trì thu hút "
              "đầu tư.\n");
    expectHeader(plan.document, "Kế hoạch", "512/KH-UBND", "2025-08-15", "UBND tỉnh Nghệ An",
                 "Nghệ An");
    ASSERT_EQ(plan.tasks.size(), 1u);
    EXPECT_EQ(plan.tasks[0].line, 11);
}

TEST(PlanFormats, TextSavedFromAPdfLosesItsFootersAndReadsParentheticalAssignments)
{
    // `pdftotext -layout` output: hard-wrapped lines, a running footer and a page number at every
    // form feed, and each task's lead and time in parentheses after it.
    const std::string footer =
        "  KH 88/KH-UBND - Phát triển hạ tầng khu kinh tế và cửa khẩu          Trang ";
    const std::string text =
        "          ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"    // 1
        "          TỈNH QUẢNG TRỊ                        Độc lập - Tự do - Hạnh phúc\n"     // 2
        "\n"                                                                                // 3
        "        Số: 88/KH-UBND                     Quảng Trị, ngày 02 tháng 10 năm 2025\n" // 4
        "\n"                                                                                // 5
        "                                  KẾ HOẠCH\n"                                      // 6
        "              Phát triển hạ tầng khu kinh tế và cửa khẩu\n"                        // 7
        "\n"                                                                                // 8
        "      I. NHIỆM VỤ\n"                                                               // 9
        "      1. Đầu tư hạ tầng Khu kinh tế Đông Nam Quảng Trị (Ban Quản lý Khu kinh\n"    // 10
        "  tế tỉnh chủ trì, phối hợp Sở Tài chính; hoàn thành năm 2027).\n"                 // 11
        "      2. Nâng cấp cửa khẩu quốc tế Lao Bảo (Bộ Chỉ huy Bộ đội Biên phòng tỉnh\n"   // 12
        "  chủ trì, phối hợp Sở Xây dựng; năm 2026).\n"                                     // 13
        "\n" +                                                                              // 14
        footer +
        "1\n" +                                                                              // 15
        "\f\n"                                                                               // 16
        "                                      2\n"                                          // 17
        "\n"                                                                                 // 18
        "      3. Giải phóng mặt bằng tuyến cao tốc Cam Lộ - Lao Bảo qua các xã Hướng Hóa\n" // 19
        "  (Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì; hoàn thành Quý\n"                // 20
        "  II/2026).\n"                                                                      // 21
        "      4. Đào tạo nghề cho lao động vùng thu hồi đất (Sở Nội\n"                      // 22
        "\n" +                                                                               // 23
        footer +
        "2\n" +                                                                                // 24
        "\f\n"                                                                                 // 25
        "                                      3\n"                                            // 26
        "\n"                                                                                   // 27
        "  vụ chủ trì; hằng năm).\n"                                                           // 28
        "      5. Xúc tiến đầu tư vào Khu kinh tế Đông Nam Quảng Trị (Trung tâm Xúc tiến\n"    // 29
        "  đầu tư tỉnh chủ trì; giai đoạn 2026 - 2030).\n"                                     // 30
        "      Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan báo cáo Ủy ban nhân\n" // 31
        "  dân tỉnh để xem xét, giải quyết./.\n"                                               // 32
        "\n" +                                                                                 // 33
        footer +
        "3\n"; // 34
    pa::test::TempDir dir;
    pa::test::writeBytes(dir.file("kh-88.txt"), text);
    const auto plan = readPlan(dir.file("kh-88.txt"));
    ASSERT_EQ(plan.tasks.size(), 5u);
    const std::vector<std::vector<std::string>> leads = {{"Ban Quản lý Khu kinh tế tỉnh"},
                                                         {"Bộ Chỉ huy Bộ đội Biên phòng tỉnh"},
                                                         {"Ban Quản lý dự án đầu tư xây dựng tỉnh"},
                                                         {"Sở Nội vụ"},
                                                         {"Trung tâm Xúc tiến đầu tư tỉnh"}};
    const std::vector<std::string> deadlines = {"2027", "2026", "2026-Q2", "annual", "2026..2030"};
    const std::vector<int> lines = {10, 12, 19, 22, 29};
    for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
        const auto& t = plan.tasks[i];
        EXPECT_EQ(t.lead, leads[i]) << t.text;
        EXPECT_EQ(t.deadline.normalised, deadlines[i]) << t.text;
        EXPECT_EQ(t.line, lines[i]) << t.text; // as an editor numbers them
        EXPECT_EQ(t.text.find("Trang"), std::string::npos) << t.text;
    }
    EXPECT_EQ(plan.tasks[1].support, std::vector<std::string>{"Sở Xây dựng"});
    EXPECT_EQ(plan.tasks[2].deadline.text, "hoàn thành Quý II/2026");
    // Cut by the page break, the task goes on after the footer and page number.
    EXPECT_TRUE(plan.tasks[3].text.ends_with("(Sở Nội vụ chủ trì; hằng năm)."))
        << plan.tasks[3].text;
    // The closing paragraph, marked by its first line's indent, is not the last task's.
    EXPECT_TRUE(plan.tasks[4].text.ends_with("giai đoạn 2026 - 2030).")) << plan.tasks[4].text;
    EXPECT_TRUE(std::any_of(plan.warnings.begin(), plan.warnings.end(), [](const auto& w) {
        return w.english().find("5 running header, footer or page-number line(s) left out") !=
               std::string::npos;
    }));
}

TEST(PlanFormats, WhatTextFromAPdfTaughtLeavesOtherLayoutsAsTheyWere)
{
    // A hanging indent is no first-line indent; a field word wrapped in lower case is the
    // sentence going on; a field indented under its task is the task's words.
    const auto plan = parse(
        "KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n"
        "1. Rà soát, điều chỉnh quy hoạch chung đô thị Phổ Yên.\n"
        "   Sở Xây dựng chủ trì; hoàn thành năm 2026.\n\n"
        "2. Sở Tài chính chủ trì triển khai các giải pháp nhằm đạt\n"
        "mục tiêu: tăng trưởng 10%; hoàn thành trong Quý IV/2026.\n\n"
        "3. Nâng cấp đường ĐT 261 đoạn qua huyện Phú Bình.\n"
        "      Thời hạn hoàn thành: Quý IV/2026.\n"
        "      Sở Giao thông vận tải chủ trì.\n\n"
        // The date of a document a parenthesis cites is no deadline, nor one after the task's own.
        "4. Sở Tài chính chủ trì thu thập dữ liệu trong Quý III/2026 (theo Kế hoạch số 12/KH-UBND "
        "ngày 05/01/2025).\n\n"
        "5. Thu thập dữ liệu đất đai (Sở Tài chính chủ trì, theo Kế hoạch số 12/KH-UBND ngày "
        "05/01/2025).\n\n"
        // A body's name goes on only with words of names.
        "6. Tổ chức lễ hội trà (UBND huyện Đại Từ thường xuyên chủ trì hằng năm).\n\n"
        // Its lead in brackets at its end, with no full stop: a task, not a heading.
        "7. Cải tạo chợ Thái thành trung tâm thương mại (Sở Công Thương chủ trì)\n\n"
        "8. Đầu tư xây dựng đường ĐT 261 (giai đoạn 2) (chủ trì: Sở Xây dựng).\n");
    ASSERT_EQ(plan.tasks.size(), 8u);
    EXPECT_EQ(plan.tasks[6].lead, std::vector<std::string>{"Sở Công Thương"});
    EXPECT_EQ(plan.tasks[7].lead, std::vector<std::string>{"Sở Xây dựng"});
    EXPECT_TRUE(plan.tasks[0].text.starts_with("Rà soát")) << plan.tasks[0].text;
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Sở Xây dựng"});
    EXPECT_EQ(plan.tasks[0].deadline.normalised, "2026");
    EXPECT_EQ(plan.tasks[1].deadline.normalised, "2026-Q4");
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"Sở Giao thông vận tải"});
    EXPECT_EQ(plan.tasks[2].deadline.normalised, "2026-Q4");
    EXPECT_EQ(plan.tasks[3].deadline.normalised, "2026-Q3");
    EXPECT_TRUE(plan.tasks[4].deadline.empty()) << plan.tasks[4].deadline.normalised;
    EXPECT_EQ(plan.tasks[5].lead, std::vector<std::string>{"UBND huyện Đại Từ"});
    EXPECT_EQ(plan.tasks[5].deadline.normalised, "ongoing"); // (the first said)
}

TEST(PlanFormats, OnlyLinesInTheSamePlaceOnMostPagesAreRunningLines)
{
    // Fields at the foot of pages and a year wrapped onto a page's edge are the plan's.
    std::string text = "KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n";
    for (int i = 1; i <= 3; ++i)
        text += std::to_string(i) + ". Xây dựng hạng mục số " + std::to_string(i) +
                " của khu tái định cư.\nCơ quan chủ trì: Sở Xây dựng.\nThời gian hoàn thành: "
                "năm 2026.\n\nKH 7/KH-UBND          Trang " +
                std::to_string(i) + "\n\f";
    text += "4. Nâng cấp đường ĐT 261, hoàn thành trong giai đoạn\n2026 - 2030.\n";
    pa::test::TempDir dir;
    pa::test::writeBytes(dir.file("kh-7.txt"), text);
    const auto plan = readPlan(dir.file("kh-7.txt"));
    ASSERT_EQ(plan.tasks.size(), 4u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(plan.tasks[static_cast<std::size_t>(i)].lead,
                  std::vector<std::string>{"Sở Xây dựng"});
        EXPECT_EQ(plan.tasks[static_cast<std::size_t>(i)].deadline.normalised, "2026");
    }
    EXPECT_TRUE(plan.tasks[3].text.ends_with("2026 - 2030.")) << plan.tasks[3].text;
    EXPECT_TRUE(std::any_of(plan.warnings.begin(), plan.warnings.end(), [](const auto& w) {
        return w.english().find("3 running header") != std::string::npos;
    }));
}

TEST(PlanTasks, AgencyHeadingsWithoutColonAndBodiesOutsideTheRegistry)
{
    const auto plan =
        parse("CHỈ THỊ\n\nỦy ban nhân dân tỉnh yêu cầu:\n\n1. Sở Văn hóa và Thể thao\n\n"
              "a) Tổ chức tuyên truyền về bảo vệ rừng.\n\n2. Ủy ban nhân dân các xã, phường\n\n"
              "a) Kiểm tra việc lấn chiếm đất rừng.\n\n"
              "3. Đề nghị Hội Nông dân tỉnh vận động hội viên tham gia bảo vệ rừng.\n");
    ASSERT_EQ(plan.tasks.size(), 3u);
    EXPECT_EQ(plan.tasks[0].lead,
              std::vector<std::string>{"Sở Văn hóa và Thể thao"}); // by the grammar of its name
    EXPECT_EQ(plan.tasks[0].rule, "under agency-title");
    EXPECT_TRUE(plan.tasks[1].collective);
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"Hội Nông dân tỉnh"});
    EXPECT_EQ(plan.tasks[2].rule, "de-nghi");
}

TEST(PlanTasks, PerTaskFieldsGiveLeadSupportAndDeadline)
{
    const auto plan =
        parse("KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n1. Tổ chức quán triệt Luật Tiêu chuẩn.\n\n"
              "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n\n- Cơ quan phối hợp: Sở Tư pháp.\n\n"
              "- Thời gian thực hiện: trước ngày 31/5/2026.\n\n"
              "2. Rà soát văn bản quy phạm pháp luật.\n\n- Cơ quan thực hiện: Sở Tư pháp.\n\n"
              "- Thời gian thực hiện: hằng năm.\n");
    ASSERT_EQ(plan.tasks.size(), 2u);
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Sở Khoa học và Công nghệ"});
    EXPECT_EQ(plan.tasks[0].support, std::vector<std::string>{"Sở Tư pháp"});
    EXPECT_EQ(plan.tasks[0].deadline.normalised, "2026-05-31");
    EXPECT_EQ(plan.tasks[0].rule, "fields");
    EXPECT_EQ(plan.tasks[1].lead, std::vector<std::string>{"Sở Tư pháp"});
    EXPECT_EQ(plan.tasks[1].deadline.normalised, "annual");
}

TEST(PlanTasks, FieldsOnTheLinesUnderATaskWithoutDashOrBlankLine)
{
    // As a .docx converted to text gives them: each field on its own line, right under the task.
    const auto plan = parse("KẾ HOẠCH\n\nII. NHIỆM VỤ\n"
                            "1.1. Mở rộng KCN Khánh An, thu hút dự án chế biến thủy sản.\n"
                            "Cơ quan chủ trì: Ban Quản lý Khu kinh tế tỉnh.\n"
                            "Cơ quan phối hợp: Sở Công Thương; Sở Tài chính.\n"
                            "Thời gian thực hiện: Quý IV/2026.\n"
                            "1.2. Nâng cấp Quốc lộ 63 đoạn qua xã Thới Bình.\n"
                            "Cơ quan chủ trì: Sở Xây dựng.\n"
                            "Thời gian thực hiện: 2026 - 2028.\n");
    ASSERT_EQ(plan.tasks.size(), 2u);
    EXPECT_EQ(plan.tasks[0].text, "Mở rộng KCN Khánh An, thu hút dự án chế biến thủy sản.");
    const std::vector<std::vector<std::string>> leads = {{"Ban Quản lý Khu kinh tế tỉnh"},
                                                         {"Sở Xây dựng"}};
    const std::vector<std::vector<std::string>> support = {{"Sở Công Thương", "Sở Tài chính"}, {}};
    const std::vector<std::string> deadlines = {"2026-Q4", "2026..2028"};
    for (std::size_t t = 0; t < 2; ++t) {
        EXPECT_EQ(plan.tasks[t].lead, leads[t]);
        EXPECT_EQ(plan.tasks[t].support, support[t]);
        EXPECT_EQ(plan.tasks[t].deadline.normalised, deadlines[t]);
    }
}

TEST(PlanTasks, NamedAgenciesButNoTaskIsAnErrorNotAnEmptyResult)
{
    EXPECT_THROW(parse("KẾ HOẠCH\n\nI. MỤC ĐÍCH\n\n1. Sở Tài chính là cơ quan thường trực.\n"),
                 pa::layers::Error);
}

TEST(PlanFormats, DocxAutomaticNumberingAndTablesReadAsAReaderSeesThem)
{
    // Word keeps list labels out of the text (numbering.xml, and styles.xml for numbered heading
    // styles) and tables as w:tbl.
    pa::test::TempDir dir;
    auto p = [](const std::string& text, const std::string& numId = "", int level = 0) {
        std::string props = numId.empty()
                                ? ""
                                : "<w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) +
                                      "\"/><w:numId w:val=\"" + numId + "\"/></w:numPr></w:pPr>";
        if (numId == "style") // numbered by its paragraph style, as Word's headings are
            props = "<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>";
        return "<w:p>" + props + "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    };
    auto cell = [&](const std::string& text) { return "<w:tc><w:tcPr/>" + p(text) + "</w:tc>"; };
    std::string body =
        p("KẾ HOẠCH") + p("Phát triển công nghiệp") + p("NHIỆM VỤ VÀ GIẢI PHÁP", "style") +
        p("Sở Công Thương:", "1", 1) + p("Rà soát quy hoạch cụm công nghiệp.", "1", 2) +
        p("Hỗ trợ doanh nghiệp chuyển đổi số.", "1", 2) + p("Sở Tài chính:", "1", 1) +
        p("Bố trí kinh phí thực hiện.", "1", 2) + p("TỔ CHỨC THỰC HIỆN", "style") +
        p("Các nhiệm vụ cụ thể như sau:") + "<w:tbl><w:tblPr/>" + "<w:tr>" + cell("STT") +
        cell("Nhiệm vụ") + cell("Cơ quan chủ trì") + cell("Cơ quan phối hợp") +
        cell("Thời gian hoàn thành") + "</w:tr><w:tr>" + cell("1") +
        cell("Xây dựng cơ sở dữ liệu khu công nghiệp.") + cell("Sở Xây dựng") +
        cell("Sở Tài chính") + cell("Quý III/2026") + "</w:tr></w:tbl>";
    const std::string document =
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
        "wordprocessingml/2006/main\"><w:body>" +
        body + "</w:body></w:document>";
    const std::string numbering =
        "<?xml version=\"1.0\"?><w:numbering "
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:abstractNum w:abstractNumId=\"7\">"
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText "
        "w:val=\"%1.\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText "
        "w:val=\"%2.\"/></w:lvl>"
        "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText "
        "w:val=\"%3)\"/></w:lvl>"
        "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num></w:numbering>";
    pa::test::writeBytes(dir.file("document.xml"), document);
    pa::test::writeBytes(dir.file("numbering.xml"), numbering);
    pa::test::writeBytes(
        dir.file("styles.xml"),
        "<?xml version=\"1.0\"?><w:styles "
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
        "2006/main\"><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:pPr><w:numPr>"
        "<w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>");
    const auto zip =
        pa::test::run({"/usr/bin/python3", "-c",
                       "import sys, zipfile\n"
                       "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n"
                       "    z.writestr('[Content_Types].xml', '<Types/>')\n"
                       "    z.write(sys.argv[2], 'word/document.xml')\n"
                       "    z.write(sys.argv[3], 'word/numbering.xml')\n"
                       "    z.write(sys.argv[4], 'word/styles.xml')\n",
                       dir.file("plan.docx"), dir.file("document.xml"), dir.file("numbering.xml"),
                       dir.file("styles.xml")});
    ASSERT_EQ(zip.exitCode, 0) << zip.err;
    const auto plan = readPlan(dir.file("plan.docx"));
    std::string read;
    for (const auto& t : plan.tasks)
        read += t.section + " [" + t.rule + "] " + t.text + "\n";
    ASSERT_EQ(plan.tasks.size(), 4u) << read;
    EXPECT_EQ(plan.tasks[0].section, "I.1.a"); // the labels Word would show: I. / 1. / a)
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Sở Công Thương"});
    EXPECT_EQ(plan.tasks[1].section, "I.1.b");
    EXPECT_EQ(plan.tasks[2].section, "I.2.a"); // the letters start again under 2.
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"Sở Tài chính"});
    EXPECT_EQ(plan.tasks[3].rule, "table-row");
    EXPECT_EQ(plan.tasks[3].lead, std::vector<std::string>{"Sở Xây dựng"});
    EXPECT_EQ(plan.tasks[3].support, std::vector<std::string>{"Sở Tài chính"});
    EXPECT_EQ(plan.tasks[3].deadline.normalised, "2026-Q3");
}

TEST(PlanPlaces, AListAfterOneTypeWordIsSeveralPlacesAndAFullStopEndsAName)
{
    const auto plan = parsePlanText(
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Ban Quản lý Khu kinh tế chủ trì đầu tư hạ tầng "
        "trong Khu kinh tế Nghi Sơn. Hỗ trợ hoàn thiện khu công nghiệp Lam Sơn – Sao Vàng "
        "và Khu công nghiệp Bỉm Sơn; thu hút đầu tư vào các khu công nghiệp Ngọc Lặc, "
        "Bãi Trành, Thạch Quảng và các khu công nghiệp khác.\n",
        "t");
    ASSERT_EQ(plan.tasks.size(), 1u);
    std::vector<std::string> names;
    for (const auto& p : plan.tasks[0].places)
        names.push_back(p.type + ":" + p.name);
    EXPECT_EQ(names, (std::vector<std::string>{
                         "economic_zone:Nghi Sơn", "industrial_park:Lam Sơn - Sao Vàng",
                         "industrial_park:Bỉm Sơn", "industrial_park:Ngọc Lặc",
                         "industrial_park:Bãi Trành", "industrial_park:Thạch Quảng"}));
}

// A list item that begins with a word of rivers or lakes, written with a capital, is a name of
// the list's kind ("Sông Công II" is a park), and the city in it is no place of its own; a
// river written as one ("sông Cầu") is still a river.
TEST(PlanPlaces, AListsNextNameMayBeginWithTheWordOfARiver)
{
    const auto plan = parsePlanText(
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Sở Công Thương chủ trì thu hút đầu tư vào các khu công "
        "nghiệp Điềm Thụy và Sông Công II.\n\n2. Sở Nông nghiệp và Môi trường chủ trì nạo vét "
        "sông Cầu và sông Công.\n",
        "t");
    ASSERT_EQ(plan.tasks.size(), 2u);
    std::vector<std::string> parks, rivers;
    for (const auto& p : plan.tasks[0].places)
        parks.push_back(p.type + ":" + p.name);
    for (const auto& p : plan.tasks[1].places)
        rivers.push_back(p.type);
    EXPECT_EQ(parks, (std::vector<std::string>{"industrial_park:Điềm Thụy",
                                               "industrial_park:Sông Công II"}));
    EXPECT_EQ(rivers, (std::vector<std::string>{"river", "river"}));
}

TEST(PlanAgencies, ThePartyCommitteesBodiesAreKnownByTheirWholeNames)
{
    // A Tỉnh ủy's programme of action assigns work to the party committee's own bodies.
    const auto plan = parse(
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì tuyên truyền Chương trình hành động.\n\n"
        "2. Ủy ban Kiểm tra Tỉnh ủy chủ trì kiểm tra, giám sát việc thực hiện.\n\n"
        "3. Văn phòng Tỉnh ủy theo dõi, đôn đốc, báo cáo Ban Thường vụ Tỉnh ủy.\n\n"
        "4. Ban cán sự đảng UBND tỉnh lãnh đạo cụ thể hóa các nhiệm vụ.\n");
    ASSERT_EQ(plan.tasks.size(), 4u);
    const std::vector<std::string> leads = {"Ban Tuyên giáo và Dân vận Tỉnh ủy",
                                            "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy",
                                            "Ban cán sự đảng UBND tỉnh"};
    for (std::size_t i = 0; i < leads.size(); ++i)
        EXPECT_EQ(plan.tasks[i].lead, std::vector<std::string>{leads[i]}) << plan.tasks[i].text;
}

TEST(PlanAgencies, OneCommitteeWordBeforeSeveralNamedUnitsIsTheCommitteeOfEach)
{
    const auto plan = parse(
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n"
        "1. UBND huyện Phú Bình, thị xã Phổ Yên chủ trì giải phóng mặt bằng khu công nghiệp.\n\n"
        "2. Ủy ban nhân dân thành phố Sông Công và huyện Đại Từ chủ trì xây dựng chợ đầu mối.\n\n"
        "3. UBND xã Phú Đô, huyện Phú Lương chủ trì phát triển vùng chè.\n\n"
        "4. Chủ tịch UBND xã Tân Cương, xã Phúc Xuân chỉ đạo phát triển du lịch chè.\n\n"
        "5. UBND các xã, phường tuyên truyền, phổ biến Kế hoạch.\n\n"
        "6. UBND xã Hà Châu, xã Nga My, huyện Phú Bình chủ trì dồn điền đổi thửa.\n");
    ASSERT_EQ(plan.tasks.size(), 6u);
    EXPECT_EQ(plan.tasks[5].lead, (std::vector<std::string>{"UBND xã Hà Châu", "UBND xã Nga My"}));
    EXPECT_EQ(plan.tasks[0].lead,
              (std::vector<std::string>{"UBND huyện Phú Bình", "UBND thị xã Phổ Yên"}));
    EXPECT_EQ(plan.tasks[1].lead, (std::vector<std::string>{"Ủy ban nhân dân thành phố Sông Công",
                                                            "Ủy ban nhân dân huyện Đại Từ"}));
    // the district after a commune says where the commune is: one committee
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"UBND xã Phú Đô, huyện Phú Lương"});
    EXPECT_EQ(plan.tasks[3].lead, (std::vector<std::string>{"Chủ tịch UBND xã Tân Cương",
                                                            "Chủ tịch UBND xã Phúc Xuân"}));
    EXPECT_EQ(plan.tasks[4].lead, std::vector<std::string>{"UBND các xã, phường"});
    EXPECT_TRUE(plan.tasks[4].collective);
}

TEST(PlanAgencies, CompaniesWithAbbreviationsAndFieldWordsInTheirNames)
{
    const auto plan =
        parse("KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n"
              "1. Công ty TNHH MTV Môi trường Đô thị Hà Nội có trách nhiệm thu gom chất thải.\n\n"
              "2. Công ty Cổ phần Công trình Đô thị Phú Thành chủ trì vận hành bãi xử lý.\n");
    ASSERT_EQ(plan.tasks.size(), 2u);
    // "TNHH", "MTV" are the company's form, not a heading in capitals after its name
    EXPECT_EQ(plan.tasks[0].lead,
              std::vector<std::string>{"Công ty TNHH MTV Môi trường Đô thị Hà Nội"});
    // "công trình", "đô thị": not the verbs "trình" and "thì"
    EXPECT_EQ(plan.tasks[1].lead,
              std::vector<std::string>{"Công ty Cổ phần Công trình Đô thị Phú Thành"});
}

TEST(PlanTasks, AnAssignmentNamingItsPointsGivesThoseTasksTheirLead)
{
    // A council resolution lists its tasks as bullets and says who does them in its last article,
    // point by point.
    const auto plan = parse(
        "NGHỊ QUYẾT\nVề nhiệm vụ thực hiện Quy hoạch tỉnh\n\n"
        "Điều 1. Nhiệm vụ, giải pháp\n"
        "1. Phát triển công nghiệp\n"
        "a) Khu công nghiệp\n"
        "- Hoàn thiện hạ tầng KCN Quảng Trị.\n"
        "- Thành lập mới KCN Tây Bắc Hồ Xá (trước 30/6/2027).\n"
        "b) Cụm công nghiệp\n"
        "- Hoàn thiện hạ tầng cụm công nghiệp Áng Sơn; Sở Xây dựng chủ trì thẩm định thiết kế.\n"
        "2. Phát triển du lịch\n"
        "- Đầu tư các khu du lịch biển Nhật Lệ, Bảo Ninh.\n"
        "3. Phát triển đô thị\n"
        "- Nâng cấp hạ tầng đô thị Đông Hà.\n\n"
        "Điều 2. Tổ chức thực hiện\n"
        "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết, phân công như sau:\n"
        "a) Các nhiệm vụ tại điểm a và điểm b khoản 1 Điều 1: Ban Quản lý Khu kinh tế tỉnh chủ "
        "trì, phối hợp với Sở Tài chính; thời gian thực hiện giai đoạn 2026 - 2030.\n"
        "b) Sở Văn hóa, Thể thao và Du lịch chủ trì thực hiện các nhiệm vụ tại khoản 2 Điều 1; "
        "hoàn thành năm 2028.\n"
        "c) Các nhiệm vụ tại khoản 5 Điều 1: Sở Nội vụ chủ trì.\n"
        "d) Các nhiệm vụ tại khoản 2 Điều 3 Nghị quyết số 12/2024/NQ-HĐND: Sở Công Thương chủ "
        "trì.\n"
        "2. Các sở, ban, ngành xây dựng kế hoạch thực hiện các nhiệm vụ được giao tại Điều 1.\n");
    std::map<std::string, const pa::plan::Task*> byId;
    for (const auto& t : plan.tasks)
        byId[t.id] = &t;
    const std::vector<std::string> kkt = {"Ban Quản lý Khu kinh tế tỉnh"};
    for (const std::string id : {"Điều 1.1.a#1", "Điều 1.1.a#2"}) {
        ASSERT_TRUE(byId.contains(id)) << id;
        EXPECT_EQ(byId[id]->lead, kkt) << id;
        EXPECT_EQ(byId[id]->support, std::vector<std::string>{"Sở Tài chính"}) << id;
        EXPECT_EQ(byId[id]->rule, "cross-reference") << id;
    }
    // the assignment's time where the task gives none; its own where it does
    EXPECT_EQ(byId["Điều 1.1.a#1"]->deadline.normalised, "2026..2030");
    EXPECT_EQ(byId["Điều 1.1.a#2"]->deadline.normalised, "2027-06-30");
    // a task naming its own lead keeps it
    ASSERT_TRUE(byId.contains("Điều 1.1.b#1"));
    EXPECT_EQ(byId["Điều 1.1.b#1"]->lead, std::vector<std::string>{"Sở Xây dựng"});
    ASSERT_TRUE(byId.contains("Điều 1.2#1"));
    EXPECT_EQ(byId["Điều 1.2#1"]->lead,
              std::vector<std::string>{"Sở Văn hóa, Thể thao và Du lịch"});
    EXPECT_EQ(byId["Điều 1.2#1"]->deadline.normalised, "2028");
    ASSERT_TRUE(byId.contains("Điều 1.3#1"));
    EXPECT_NE(byId["Điều 1.3#1"]->rule, "cross-reference");
    // The assignments that were applied are no tasks; one whose points hold no task, one naming
    // another document's points and a plan to be drawn up for Điều 1 are.
    EXPECT_FALSE(byId.contains("Điều 2.1.a#1"));
    EXPECT_FALSE(byId.contains("Điều 2.1.b#1"));
    EXPECT_TRUE(byId.contains("Điều 2.1.c#1"));
    EXPECT_TRUE(byId.contains("Điều 2.1.d#1"));
    ASSERT_TRUE(byId.contains("Điều 2.2#1"));
    EXPECT_NE(byId["Điều 2.2#1"]->rule, "cross-reference");
    bool warned = false;
    for (const auto& w : plan.warnings)
        warned |= w.sentence.english().find("assigns the tasks of Điều 1.5") != std::string::npos;
    EXPECT_TRUE(warned) << "no warning for the assignment of khoản 5, where no task stands";

    // The narrowest reference wins whatever the order; a part's item ("mục 1 phần II"), "Đối
    // với …", "các điểm a, b" and "Điều này" are read too.
    const auto parts = parse("KẾ HOẠCH\n\nII. NHIỆM VỤ\n1. Công nghiệp\n"
                             "a) Hoàn thiện hạ tầng KCN Quảng Trị.\nb) Thành lập CCN Cam Hiếu.\n"
                             "2. Nông nghiệp\na) Phát triển vùng cà phê.\nb) Phát triển vùng hồ "
                             "tiêu.\n\nIII. TỔ CHỨC THỰC HIỆN\n"
                             "1. Các nhiệm vụ tại Mục II: Sở Tài chính chủ trì thực hiện.\n"
                             "2. Đối với các nhiệm vụ tại các điểm a, b khoản 2 Mục II: Sở Nông "
                             "nghiệp và Môi trường chủ trì.\n"
                             "3. Các nhiệm vụ tại mục 1 phần II: Sở Công Thương chủ trì.\n");
    std::map<std::string, std::vector<std::string>> leads;
    for (const auto& t : parts.tasks)
        leads[t.id] = t.lead;
    EXPECT_EQ(leads, (std::map<std::string, std::vector<std::string>>{
                         {"II.1.a#1", {"Sở Công Thương"}},
                         {"II.1.b#1", {"Sở Công Thương"}},
                         {"II.2.a#1", {"Sở Nông nghiệp và Môi trường"}},
                         {"II.2.b#1", {"Sở Nông nghiệp và Môi trường"}}}));
    const auto here = parse("NGHỊ QUYẾT\n\nĐiều 2. Nhiệm vụ\n1. Công nghiệp\n"
                            "a) Hoàn thiện hạ tầng KCN Quảng Trị.\n2. Phân công\n"
                            "a) Các nhiệm vụ tại điểm a khoản 1 Điều này: Sở Công Thương chủ "
                            "trì thực hiện.\n");
    ASSERT_EQ(here.tasks.size(), 1u);
    EXPECT_EQ(here.tasks[0].lead, std::vector<std::string>{"Sở Công Thương"});
}

TEST(PlanTasks, AShortUnpunctuatedItemThatHeadsNothingIsAnItemOfWork)
{
    const auto plan = parse("KẾ HOẠCH\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n\n"
                            "1. Phát triển hạ tầng thương mại\n"
                            "a) Rà soát mạng lưới chợ trên địa bàn tỉnh, hoàn thành năm 2026.\n"
                            "b) Nâng cấp chợ đầu mối nông sản Phú Bình\n"
                            "c) Xây dựng trung tâm logistics gắn với cao tốc\n"
                            "2. Phát triển du lịch\n"
                            "a) Phát triển sản phẩm du lịch chè Tân Cương\n"
                            "b) Khai thác du lịch Hồ Núi Cốc\n"
                            "3. Các dự án trọng điểm: theo Phụ lục II kèm theo\n"
                            "4. Kinh phí thực hiện\n");
    std::vector<std::string> ids;
    for (const auto& t : plan.tasks)
        ids.push_back(t.id);
    // "1." and "2." head items; the items under them head nothing and are tasks, punctuated
    // or not. A pointer to an appendix and a section's title are no items of work.
    EXPECT_EQ(ids, (std::vector<std::string>{"II.1.a#1", "II.1.b#1", "II.1.c#1", "II.2.a#1",
                                             "II.2.b#1"}));
}

TEST(PlanAgencies, BoardsForcesAndOfficesEveryProvinceHasAreReadWhole)
{
    const auto plan = parse(
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n"
        "1. Sở Xây dựng chủ trì, phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh lập quy hoạch.\n\n"
        "2. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ban Quản lý Vườn quốc gia Yok Đôn "
        "và Chi cục Kiểm lâm quản lý các khu bảo tồn.\n\n"
        "3. Sở Xây dựng chủ trì, phối hợp với Ban Quản lý dự án đầu tư xây dựng các công trình "
        "giao thông tỉnh hoàn thành cao tốc.\n\n"
        "4. Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh chủ trì tổ chức hội nghị.\n\n"
        "5. Sở Xây dựng chủ trì, phối hợp với Cảng vụ Hàng hải Quy Nhơn nạo vét luồng cảng.\n\n"
        "6. Ban Quản lý Khu kinh tế tỉnh chủ trì thu hút đầu tư.\n\n"
        "7. Cơ quan Kiểm lâm trên địa bàn phối hợp hướng dẫn kỹ thuật xử lý thực bì.\n\n"
        "8. Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh và UBND huyện Phú "
        "Bình chủ trì giải phóng mặt bằng.\n\n"
        "9. Sở Xây dựng chủ trì, phối hợp với Cảng vụ đường thủy nội địa, Sở Tài chính thực "
        "hiện.\n\n"
        "10. Công ty Cổ phần Môi trường và Công trình đô thị Huế chủ trì thu gom rác.\n");
    ASSERT_EQ(plan.tasks.size(), 10u);
    EXPECT_EQ(plan.tasks[7].lead,
              (std::vector<std::string>{
                  "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
                  "UBND huyện Phú Bình"}));
    EXPECT_EQ(plan.tasks[8].support,
              (std::vector<std::string>{"Cảng vụ đường thủy nội địa", "Sở Tài chính"}));
    EXPECT_EQ(plan.tasks[9].lead,
              std::vector<std::string>{"Công ty Cổ phần Môi trường và Công trình đô thị Huế"});
    EXPECT_EQ(plan.tasks[0].support,
              std::vector<std::string>{"Bộ Chỉ huy Bộ đội Biên phòng tỉnh"}); // not "… Bộ"
    EXPECT_EQ(plan.tasks[1].support,
              (std::vector<std::string>{"Ban Quản lý Vườn quốc gia Yok Đôn", "Chi cục Kiểm lâm"}));
    EXPECT_EQ(plan.tasks[2].support,
              std::vector<std::string>{
                  "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"});
    EXPECT_EQ(plan.tasks[3].lead,
              std::vector<std::string>{"Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"});
    EXPECT_EQ(plan.tasks[4].support, std::vector<std::string>{"Cảng vụ Hàng hải Quy Nhơn"});
    EXPECT_EQ(plan.tasks[5].lead, std::vector<std::string>{"Ban Quản lý Khu kinh tế tỉnh"});
    EXPECT_EQ(plan.tasks[6].lead, std::vector<std::string>{"Cơ quan Kiểm lâm"});
    for (const auto& a : plan.agencies)
        if (a.name == "Ban Quản lý Khu kinh tế tỉnh" ||
            a.name == "Bộ Chỉ huy Bộ đội Biên phòng tỉnh")
            EXPECT_TRUE(a.registered) << a.name;
}

TEST(PlanAgencies, OneBodyWrittenTwoWaysIsOneAgency)
{
    const auto plan = parsePlanText(
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Sở Văn hóa và Thể thao chủ trì tổ chức lễ hội.\n\n"
        "2. Sở Văn hóa và Thể thao tỉnh chủ trì bảo tồn di tích.\n\n"
        "3. Sở KH&ĐT chủ trì xúc tiến đầu tư.\n\n4. Sở Kế hoạch và Đầu tư tỉnh chủ trì lập kế "
        "hoạch.\n",
        "t");
    ASSERT_EQ(plan.tasks.size(), 4u);
    EXPECT_EQ(plan.agencies.size(), 2u); // not four
    EXPECT_EQ(plan.tasks[0].lead, plan.tasks[1].lead);
    EXPECT_EQ(plan.tasks[2].lead, plan.tasks[3].lead);
}

TEST(PlanTasks, AHeadingAmongAgencyHeadingsNamesItsAddressees)
{
    // A Công văn's numbered addressees: two agencies, then the businesses as a group.
    const auto plan = parsePlanText(
        "Kính gửi: các cơ quan, đơn vị\n\n1. Sở Xây dựng:\n\n- Kiểm tra công trường.\n\n"
        "2. Công an thành phố:\n\n- Xử lý xe chở vật liệu rơi vãi.\n\n"
        "3. Các cơ sở sản xuất, kinh doanh, dịch vụ.\n\n"
        "- Vận hành hệ thống xử lý khí thải.\n\n- Bảo dưỡng thiết bị.\n",
        "t");
    ASSERT_EQ(plan.tasks.size(), 4u);
    EXPECT_EQ(plan.tasks[2].lead,
              std::vector<std::string>{"Các cơ sở sản xuất, kinh doanh, dịch vụ"});
    EXPECT_TRUE(plan.tasks[2].collective);
    EXPECT_EQ(plan.tasks[3].lead, plan.tasks[2].lead);
}

TEST(PlanTasks, AnArticleOnTheResponsibilitiesOfAnyBodyLeadsItsClauses)
{
    const auto plan = parsePlanText(
        "QUY CHẾ\n\nĐiều 7. Trách nhiệm của Cơ quan có chức năng quản lý đất đai cấp xã\n\n"
        "1. Chuyển hồ sơ đến Văn phòng đăng ký đất đai.\n\n2. Cập nhật cơ sở dữ liệu đất đai.\n\n"
        "Điều 8. Trách nhiệm củaTrung tâm Phục vụ hành chính công tỉnh\n\n"
        "1. Tiếp nhận hồ sơ và trả kết quả.\n",
        "t");
    ASSERT_EQ(plan.tasks.size(), 3u);
    EXPECT_EQ(plan.tasks[0].lead,
              std::vector<std::string>{"Cơ quan có chức năng quản lý đất đai cấp xã"});
    EXPECT_EQ(plan.tasks[1].lead, plan.tasks[0].lead);
    EXPECT_EQ(
        plan.tasks[2].lead,
        std::vector<std::string>{"Trung tâm Phục vụ hành chính công tỉnh"}); // "củaTrung" as typed
}

TEST(PlanTasks, LeadlessMeasuresBeforeTheImplementationSectionAreKeptWithoutALead)
{
    // "II. Nhiệm vụ, giải pháp" names nobody; "III. Tổ chức thực hiện" assigns the work. The
    // heading in capitals wraps onto a second line, as legal-document websites deliver it.
    const std::string text =
        "KẾ HOẠCH\n\nI. MỤC ĐÍCH,\nYÊU CẦU\n\n1. Nâng cao chất lượng giáo dục mầm non.\n\n"
        "II. NHIỆM VỤ,\nGIẢI PHÁP\n\n1. Hoàn thiện cơ chế, chính sách\n\n"
        "a) Rà soát văn bản quy phạm pháp luật của cấp trên theo thẩm quyền.\n\n"
        "b) Bố trí quỹ đất xây dựng cơ sở giáo dục mầm non tại khu công nghiệp.\n\n"
        "III. TỔ CHỨC\nTHỰC HIỆN\n\n1. Sở Giáo dục và Đào tạo\n\na) Chủ trì xây dựng kế hoạch hằng "
        "năm.\n\n"
        "b) Tổ chức tập huấn cho giáo viên.\n\n2. Sở Tài chính\n\na) Bố trí kinh phí thực hiện Kế "
        "hoạch.\n";
    const auto plan = parse(text);
    ASSERT_EQ(plan.tasks.size(), 3u);
    for (const auto& t : plan.tasks)
        EXPECT_FALSE(t.lead.empty()) << t.text;
    ASSERT_EQ(plan.measures.size(), 2u);
    EXPECT_EQ(plan.measures[0].rule, "measure");
    EXPECT_EQ(plan.measures[0].line, 13);
    EXPECT_TRUE(std::any_of(plan.warnings.begin(), plan.warnings.end(), [](const auto& w) {
        // The command line is told where to see them; a window says the sentence alone.
        return w.english().find("2 item(s) before 'TỔ CHỨC THỰC HIỆN'") != std::string::npos &&
               w.english().ends_with("(listed by 'ingest --explain')") &&
               w.sentence.english().find("--explain") == std::string::npos;
    }));

    // Without an implementation section that assigns work, the same items stay tasks.
    const auto alone = parse(text.substr(0, text.find("III. TỔ CHỨC")));
    EXPECT_EQ(alone.tasks.size(), 2u);
    EXPECT_TRUE(alone.measures.empty());

    // A workspace keeps the measures as tasks without a lead, where the document has them: their
    // places can be linked, and a planner can give one its lead.
    pa::test::TempDir dir;
    const std::string path = dir.file("ws.gpkg");
    pa::layers::Workspace::create(path, {"Thái Nguyên", "EPSG:9213"}).close();
    auto ws = pa::layers::Workspace::open(path, pa::gis::OpenMode::Update);
    EXPECT_EQ(storePlan(ws, plan, "kh", "kh.txt").tasksAdded, 5);
    std::vector<std::string> rules;
    for (const auto& row :
         ws.dataset()
             .run("SELECT rule FROM plan_tasks WHERE doc_id = ? ORDER BY ordinal", {"kh"})
             .rows)
        rules.push_back(pa::gis::toString(row[0]));
    ASSERT_EQ(rules.size(), 5u);
    EXPECT_EQ(rules[0], "measure");
    EXPECT_EQ(rules[1], "measure");
    EXPECT_NE(rules[2], "measure");
    const std::string measure = plan.measures[1].id;
    auto leads = [&] {
        return pa::gis::toString(
            ws.dataset()
                .run("SELECT count(*) FROM plan_task_agencies WHERE task_id = ?", {"kh:" + measure})
                .rows.at(0)
                .at(0));
    };
    EXPECT_EQ(leads(), "0");
    correctTask(ws, "kh", measure, "edit", "lead", "Sở Xây dựng");
    EXPECT_EQ(leads(), "1");
}

TEST(PlanTasks, FieldsAfterARunOfBulletsBelongToEveryBullet)
{
    const auto plan =
        parse("KẾ HOẠCH\n\nI. NHIỆM VỤ, GIẢI PHÁP\n\n1. Nâng cao nhận thức\n\n"
              "- Các cơ quan tiếp tục nâng cao nhận thức về công tác xây dựng pháp luật.\n\n"
              "- Tăng cường giáo dục chính trị cho đội ngũ cán bộ.\n\n"
              "Đơn vị thực hiện: Sở Nội vụ.\n\nĐơn vị phối hợp: Sở Tư pháp.\n\n"
              "Thời gian thực hiện: Thường xuyên.\n\n2. Bồi dưỡng\n\n"
              "- Mở lớp bồi dưỡng kỹ năng soạn thảo văn bản.\n\nĐơn vị thực hiện: Sở Tư pháp.\n");
    ASSERT_EQ(plan.tasks.size(), 3u);
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Sở Nội vụ"});
    EXPECT_EQ(plan.tasks[1].lead, std::vector<std::string>{"Sở Nội vụ"});
    EXPECT_EQ(plan.tasks[1].support, std::vector<std::string>{"Sở Tư pháp"});
    EXPECT_EQ(plan.tasks[1].deadline.normalised, "ongoing");
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"Sở Tư pháp"});
}

TEST(PlanDeadlines, PhrasesPlansUseForDaysOfTheYearMonthPairsAndWorkingDays)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"báo cáo kết quả về Sở Nội vụ trước ngày 01/6 và 15/11 hằng năm", "annual:06-01"},
        {"định kỳ 30 tháng 11 hằng năm báo cáo Ủy ban nhân dân tỉnh", "annual:11-30"},
        {"hằng năm, báo cáo kết quả thực hiện về Sở Tài chính trước ngày 20/11", "annual:11-20"},
        {"tổng hợp hằng năm, gửi Sở Y tế chậm nhất ngày 17 tháng 12", "annual:12-17"},
        {"trả lời bằng văn bản trong thời hạn không quá 05 ngày làm việc", "days:5"},
        {"cấp giấy chứng nhận trong vòng 07 ngày kể từ ngày nhận hồ sơ", "days:7"},
        {"hoàn thành việc kiểm kê trong tháng 11 - 12/2025", "2025-11..2025-12"},
        {"báo cáo hằng năm trước ngày 15/12/2026",
         "2026-12-15"}, // a dated day is that day, not every year's
        {"hoàn thành trong 6 tháng đầu năm 2026", "2026-01..2026-06"},
        {"triển khai trong Quý III, IV/2026", "2026-Q3..2026-Q4"},
        {"thực hiện từ năm 2026", ""}, // when work starts is not when it is due
        {"báo cáo hằng năm (trước ngày 15/12)", "annual:12-15"},
        {"cập nhật thông tin cảnh báo liên tục trong ngày", "ongoing"},
        {"tổ chức hàng năm và kiểm tra thường xuyên", "annual"}, // the first the text names
        {"hoàn thiện hạ tầng các cụm công nghiệp trong giai đoạn 2026 - 2030", "2026..2030"},
        {"rà soát quy hoạch, hoàn thành trong giai đoạn 2026-2027", "2026..2027"},
        {"phát triển khu kinh tế cửa khẩu; thực hiện giai đoạn 2026 - 2030", "2026..2030"},
        // a nearer time wins; a period looked back on is none
        {"duy trì tỷ lệ tiêm chủng trong giai đoạn 2026-2030, hoàn thành trước ngày 31/12/2027",
         "2027-12-31"},
        {"tổng kết, đánh giá kết quả thực hiện giai đoạn 2021 - 2025", ""},
        {"rà soát các dự án đã đầu tư trong giai đoạn 2021 - 2025", ""},
        // a programme's period names the document, not when the work is due
        {"thực hiện Đề án phát triển sản phẩm chủ lực giai đoạn 2021 - 2025", ""},
        {"xây dựng cơ sở dữ liệu số về quy hoạch (trước 30/6/2026)", "2026-06-30"},
        {"hoàn thiện hạ tầng khu kinh tế; hoàn thành giai đoạn 1 trước 31/12/2027", "2027-12-31"},
        {"phối hợp với Sở Xây dựng; thời gian thực hiện giai đoạn 2026 - 2030", "2026..2030"},
        {"rà soát quy hoạch; thời hạn hoàn thành trước 30/9/2026", "2026-09-30"},
        // without a colon the label's time follows at once, or there is none
        {"bảo đảm thời gian thực hiện các dự án trọng điểm năm 2026 đúng cam kết", ""},
    };
    std::string text = "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n";
    for (std::size_t i = 0; i < cases.size(); ++i)
        text += std::to_string(i + 1) + ". Sở Tư pháp " + cases[i].first + ".\n\n";
    const auto plan = parse(text);
    ASSERT_EQ(plan.tasks.size(), cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i)
        EXPECT_EQ(plan.tasks[i].deadline.normalised, cases[i].second) << cases[i].first;
}

TEST(PlanAgencies, DepartmentsListedAfterOneSoZoneBoardsAndSubjectsWithAnyVerb)
{
    const auto plan = parse(
        "QUY ĐỊNH\n\nĐiều 1. Thẩm định và cấp phép\n\n"
        "1. Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội cấp giấy phép "
        "xây dựng trong các "
        "khu công nghiệp.\n\n"
        "2. UBND xã Tân Phú cấp giấy phép xây dựng nhà ở riêng lẻ trên địa bàn quản lý.\n\n"
        "3. Liên đoàn Lao động tỉnh chăm lo đời sống công nhân tại các khu công nghiệp trên địa "
        "bàn.\n\n"
        "4. Sở Xây dựng, Tài chính và Công Thương hướng dẫn thực hiện các thủ tục.\n\n"
        "Điều 2. Trách nhiệm thi hành\n\n"
        "1. Trách nhiệm của các Sở: Xây dựng, Tài chính, Nội vụ.\n\na) Chủ trì tham mưu kinh phí, "
        "tổ chức bộ máy.\n\n"
        "2. Trách nhiệm của các Sở quản lý công trình xây dựng chuyên ngành Thành phố:\n\n"
        "a) Bảo đảm nguồn lực thực hiện các nhiệm vụ được phân cấp.\n\n"
        "PHỤ LỤC\n\nDanh sách đơn vị thu gom\n\n1. Công ty TNHH Tập đoàn xây dựng Thanh Bình\n\n"
        "2. Công ty Cổ phần Dịch vụ môi trường Thăng Long\n");
    ASSERT_EQ(plan.tasks.size(), 6u); // the enterprises of the list are not subjects of a task
    EXPECT_EQ(plan.tasks[0].lead,
              std::vector<std::string>{
                  "Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội"});
    EXPECT_EQ(plan.tasks[1].lead,
              std::vector<std::string>{"UBND xã Tân Phú"}); // "cấp" after the name is the verb
    EXPECT_EQ(plan.tasks[2].lead,
              std::vector<std::string>{"Liên đoàn Lao động tỉnh"}); // any verb after a name
    EXPECT_EQ(plan.tasks[3].lead,
              (std::vector<std::string>{"Sở Xây dựng", "Sở Tài chính", "Sở Công Thương"}));
    EXPECT_EQ(plan.tasks[4].lead,
              (std::vector<std::string>{"Sở Xây dựng", "Sở Tài chính", "Sở Nội vụ"}));
    EXPECT_EQ(plan.tasks[5].lead,
              std::vector<std::string>{"Các Sở quản lý công trình xây dựng chuyên ngành"});
    EXPECT_TRUE(plan.tasks[5].collective);
}

TEST(PlanTargets, CountsInTargetSectionsSharesInTasksAndTheLineOfEachValue)
{
    const auto plan =
        parse("KẾ HOẠCH\n\nI. MỤC TIÊU\n\n1. Mục tiêu cụ thể đến năm 2030\n\n"
              "Hình thành ít nhất 100 doanh\nnghiệp khởi nghiệp sáng tạo, 50 doanh nghiệp khoa học "
              "công nghệ.\n\n"
              "Tổ chức đào tạo, bồi dưỡng\n3.000 lượt nhân lực về chuyển đổi số.\n\n"
              "Thực hiện theo Điều 5 Nghị định và 2 chỉ tiêu.\n\n"
              "II. NHIỆM VỤ\n\n1. Sở Xây dựng chủ trì yêu cầu 100% các công trường thi công có "
              "biện pháp kiểm soát bụi; "
              "bảo đảm tỷ lệ đô thị hóa đạt trên 40%.\n\n"
              "2. Ban Quản lý Khu kinh tế chủ trì thu hút đầu tư để có 19 khu công nghiệp.\n\n"
              "3. Sở Tài chính tổng hợp: năm 2024 tỷ lệ giải ngân đã đạt 95%.\n");
    auto at = [&](int line, double value) {
        return std::count_if(plan.targets.begin(), plan.targets.end(),
                             [&](const Target& t) { return t.line == line && t.value == value; });
    };
    EXPECT_EQ(at(7, 100), 1);   // "ít nhất 100 doanh nghiệp"
    EXPECT_EQ(at(8, 50), 1);    // the next count of the list, on the next line
    EXPECT_EQ(at(11, 3000), 1); // "bồi dưỡng" is not a road: its count is a target
    EXPECT_EQ(at(13, 5), 0);    // an article number
    EXPECT_EQ(at(13, 2), 0);    // a count nobody aims at
    EXPECT_EQ(at(17, 100), 1);  // a share a task requires
    EXPECT_EQ(at(17, 40), 1);
    EXPECT_EQ(at(19, 19), 1); // "19 khu công nghiệp": a count of parks the map can check
    EXPECT_EQ(at(21, 95), 0); // what is already done is not a target
    const auto parks = std::find_if(plan.targets.begin(), plan.targets.end(),
                                    [](const Target& t) { return t.line == 19; });
    ASSERT_NE(parks, plan.targets.end());
    EXPECT_EQ(parks->metric, "industrial_park_count");
    const auto trained = std::find_if(plan.targets.begin(), plan.targets.end(),
                                      [](const Target& t) { return t.line == 11; });
    ASSERT_NE(trained, plan.targets.end());
    EXPECT_EQ(trained->unit, "lượt");
    EXPECT_EQ(trained->year, 2030);
}

TEST(PlanPlaces, UrbanAreasSeasIsletsPowerPlantsAndGazetteerNamesWithoutTypeWord)
{
    const auto plan = parse(
        "KẾ HOẠCH\n\nỦY BAN NHÂN DÂN TỈNH THANH HÓA\n\nI. NHIỆM VỤ\n\n"
        "1. Sở Xây dựng phát triển các khu đô thị du lịch dọc đường ven biển từ Hoằng Hóa đến "
        "Quảng Xương; đô thị Lam Sơn - Sao Vàng.\n\n"
        "2. Sở Công Thương khai thác tiềm năng biển Đông, bảo vệ cồn Ngang và hỗ trợ nhà máy điện "
        "gió Tân Phú Đông 1.\n\n"
        "3. Sở Tài chính bố trí vốn trên địa bàn Thanh Hóa, phối hợp với Báo Hà Nội.\n\n"
        "4. Sở Giao thông vận tải hoàn thành tuyến kết nối với Hà Nội.\n\n"
        "5. Sở Văn hóa, Thể thao và Du lịch phát triển đảo Lý Sơn và quần đảo Cát Bà.\n\n"
        "6. Sở Công Thương thu hút đầu tư vào các khu công nghiệp trên địa bàn tỉnh Hải Dương "
        "(cũ).\n\n"
        "7. Sở Tài chính đảo ngược thứ tự ưu tiên; bảo vệ chủ quyền biển, đảo Việt Nam.\n\n"
        "8. Sở Công Thương thu hút đầu tư vào các khu công nghiệp của tỉnh Thanh Hóa (cũ), tỉnh "
        "Thanh Hóa cùng tỉnh Ninh Bình cũ.\n\n"
        "9. Sở Tư pháp hướng dẫn người dân tỉnh Thanh Hóa cư trú ở các xã của tỉnh Thanh Hóa cụ "
        "thể hóa quy định.\n");
    ASSERT_EQ(plan.tasks.size(), 9u);
    auto names = [&](std::size_t k) { return placeTexts(plan, k); };
    EXPECT_EQ(names(0),
              (std::vector<std::string>{"đô thị Lam Sơn - Sao Vàng", "Hoằng Hóa", "Quảng Xương"}));
    EXPECT_EQ(names(1), (std::vector<std::string>{"biển Đông", "cồn Ngang",
                                                  "nhà máy điện gió Tân Phú Đông 1"}));
    // The document's own province and a name that ends a longer proper name are not places.
    EXPECT_TRUE(names(2).empty()) << names(2).size();
    EXPECT_EQ(names(3), std::vector<std::string>{"Hà Nội"});
    EXPECT_EQ(names(4), (std::vector<std::string>{"đảo Lý Sơn", "quần đảo Cát Bà"}));
    EXPECT_EQ(plan.tasks[4].places.at(0).type, "island");
    // A province merged into another is named as a province.
    EXPECT_EQ(names(5), std::vector<std::string>{"Hải Dương (cũ)"});
    EXPECT_EQ(plan.tasks[5].places.at(0).type, "admin_province");
    EXPECT_EQ(plan.tasks[5].places.at(0).name, "Hải Dương");
    // The document's own province only as it was before it merged.
    // "cụ", "cư" are no "cũ".
    EXPECT_TRUE(names(8).empty()) << names(8).front();
    const auto old = names(7);
    EXPECT_EQ(std::set<std::string>(old.begin(), old.end()),
              (std::set<std::string>{"Thanh Hóa (cũ)", "Ninh Bình cũ"}));
    // "đảo" as a verb, and the seas and islands in general, are no island.
    EXPECT_TRUE(names(6).empty()) << names(6).front();
}

// A place in an agency's name names who acts, not where, unless the task names it again.
TEST(PlanPlaces, APlaceInABoardsOrTheLeadsNameIsNoPlaceUnlessNamedAgain)
{
    const auto plan = parse(
        "KẾ HOẠCH\n\nỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN\n\nI. NHIỆM VỤ\n\n"
        "1. Ban Quản lý KCN Yên Bình chủ trì đẩy nhanh tiến độ hạ tầng KCN Yên Bình.\n\n"
        "2. Sở Công Thương chủ trì, phối hợp với Ban Quản lý Khu kinh tế Nghi Sơn tổ chức hội "
        "nghị.\n\n"
        "3. Ban Quản lý KKT Dung Quất chủ trì đầu tư hạ tầng Khu kinh tế Dung Quất.\n\n"
        "4. Ủy ban nhân dân huyện Đại Từ chủ trì tổ chức hội nghị.\n\n"
        "5. Ban Quản lý Khu kinh tế Phú Yên chủ trì rà soát quy hoạch KKT Nam Phú Yên.\n\n"
        "6. Ban Quản lý KKT Dung Quất chủ trì đầu tư hạ tầng Khu Kinh Tế Dung Quất.\n\n"
        "7. Ban Quản lý Khu kinh tế Dung Quất chủ trì thu hút đầu tư vào Khu công nghiệp Dung "
        "Quất phía Đông.\n");
    ASSERT_EQ(plan.tasks.size(), 7u);
    auto places = [&](std::size_t k) { return placeTexts(plan, k, true); };
    const std::string& first = plan.tasks[0].text;
    // (Where its name stands again.)
    EXPECT_EQ(places(0),
              std::vector<std::string>{"KCN Yên Bình @" + std::to_string(first.rfind("Yên Bình"))});
    EXPECT_TRUE(places(1).empty()) << places(1).front();
    const std::string& third = plan.tasks[2].text;
    EXPECT_EQ(places(2), std::vector<std::string>{"KKT Dung Quất @" +
                                                  std::to_string(third.rfind("Dung Quất"))});
    EXPECT_TRUE(places(3).empty()) << places(3).front();
    // The board's name is not found again in the end of a longer one.
    ASSERT_EQ(plan.tasks[4].places.size(), 1u);
    EXPECT_EQ(plan.tasks[4].places[0].text, "KKT Nam Phú Yên");
    // Named again with its type word in title case; not named again inside another kind's.
    ASSERT_EQ(plan.tasks[5].places.size(), 1u);
    EXPECT_EQ(plan.tasks[5].places[0].type, "economic_zone");
    ASSERT_EQ(plan.tasks[6].places.size(), 1u);
    EXPECT_EQ(plan.tasks[6].places[0].type, "industrial_park");
}

TEST(PlanTasks, DirectiveRequestWholeItemsDelegationAndSubjectsAfterACircumstance)
{
    const auto plan = parse("CHỈ THỊ\n\nVề tăng cường bảo vệ tài nguyên nước\n\n"
                            "Chủ tịch Ủy ban nhân dân thành phố yêu cầu Thủ trưởng các sở, ban, "
                            "ngành, Chủ tịch Ủy ban nhân dân xã, "
                            "phường tập trung thực hiện các nhiệm vụ trọng tâm, cụ thể như sau:\n\n"
                            "1. Kết hợp hoặc luân phiên khai thác nước mặt với khai thác nước dưới "
                            "đất, nước mưa và tăng cường tuần "
                            "hoàn, tái sử dụng nước.\n\n"
                            "Hoạt động thăm dò, khai thác nước dưới đất phải tuân thủ đúng quy "
                            "định của pháp luật về tài nguyên nước.\n\n"
                            "2. Phân cấp cho Ủy ban nhân dân các phường thực hiện nhiệm vụ chủ sở "
                            "hữu hệ thống thoát nước đô thị.\n\n"
                            "3. Khi xảy ra sự cố, Sở Xây dựng báo cáo ngay Ủy ban nhân dân thành "
                            "phố và khắc phục hậu quả.\n");
    ASSERT_EQ(plan.tasks.size(), 3u);
    // The whole item is one task, its second paragraph goes on with it; its lead is the request's
    // addressees.
    EXPECT_EQ(plan.tasks[0].line, 7);
    EXPECT_EQ(plan.tasks[0].rule, "addressees");
    EXPECT_FALSE(plan.tasks[0].lead.empty());
    EXPECT_EQ(plan.tasks[1].rule, "delegation");
    EXPECT_EQ(plan.tasks[1].lead,
              std::vector<std::string>{"Ủy ban nhân dân các phường"}); // as written
    EXPECT_EQ(plan.tasks[2].rule, "subject-after-circumstance");
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"Sở Xây dựng"});
}

TEST(PlanTasks, ProcedureRolesDutySubjectsAndTheMonitorsOfAResolution)
{
    const auto plan =
        parse("NGHỊ QUYẾT\n\nĐiều 1. Trách nhiệm lập, thẩm định, phê duyệt quy hoạch\n\n"
              "1. Cơ quan, đơn vị được Ủy ban nhân dân tỉnh giao tổ chức lập quy hoạch phải phối "
              "hợp với Sở Xây dựng "
              "rà soát quỹ đất.\n\n"
              "2. Trách nhiệm tổ chức lập, thẩm định, phê duyệt quy hoạch phân khu:\n\n"
              "a) Cơ quan tổ chức lập quy hoạch: Ban Quản lý dự án đầu tư xây dựng tỉnh;\n\n"
              "b) Cơ quan thẩm định: Sở Xây dựng;\n\n"
              "c) Cơ quan phê duyệt: Ủy ban nhân dân tỉnh.\n\n"
              "3. Tài nguyên nước phải được khai thác hợp lý và tiết kiệm theo quy hoạch.\n\n"
              "Điều 2. Tổ chức thực hiện\n\n"
              "1. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban Hội đồng nhân dân tỉnh, các Tổ "
              "đại biểu Hội đồng nhân "
              "dân tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.\n\n"
              "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội "
              "tuyên truyền, giám sát.\n");
    ASSERT_EQ(plan.tasks.size(), 6u); // the norm about water ("phải được khai thác") is not a task
    EXPECT_EQ(plan.tasks[0].rule, "duty-subject");
    EXPECT_EQ(plan.tasks[0].lead,
              std::vector<std::string>{
                  "Cơ quan, đơn vị được Ủy ban nhân dân tỉnh giao tổ chức lập quy hoạch"});
    EXPECT_EQ(plan.tasks[0].support, std::vector<std::string>{"Sở Xây dựng"});
    EXPECT_EQ(plan.tasks[1].rule, "role-field");
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"Sở Xây dựng"});
    EXPECT_EQ(plan.tasks[3].lead, std::vector<std::string>{"UBND tỉnh"});
    EXPECT_EQ(plan.tasks[4].lead,
              (std::vector<std::string>{"Thường trực HĐND tỉnh", "Các Ban của HĐND",
                                        "Các Tổ đại biểu HĐND", "Đại biểu HĐND"}));
    EXPECT_EQ(plan.tasks[5].lead.size(), 2u);
    EXPECT_EQ(plan.tasks[5].lead.back(), "Các tổ chức chính trị - xã hội");
}

TEST(PlanAgencies, ACentrallyRunCitysBodiesAndBodiesNamedWithOrWithoutTheCity)
{
    const auto plan =
        parse("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n\nKẾ HOẠCH\n\nI. NHIỆM VỤ\n\n"
              "1. UBND Thành phố chỉ đạo các sở thực hiện kế hoạch này.\n\n"
              "2. Công an Thành phố tăng cường kiểm tra, xử lý vi phạm về môi trường.\n\n"
              "3. Ủy ban nhân dân thành phố Hà Nội tổ chức sơ kết việc thực hiện.\n\n"
              "4. Sở Quy hoạch - Kiến trúc Hà Nội hướng dẫn lập quy hoạch.\n\n"
              "5. Sở Quy hoạch - Kiến trúc thẩm định quy hoạch phân khu.\n\n"
              "6. Trách nhiệm của cơ quan thuế\n\na) Thu ngân sách từ đất đai trên địa bàn.\n");
    EXPECT_EQ(plan.document.province, "Hà Nội");
    ASSERT_EQ(plan.tasks.size(), 6u);
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"UBND Thành phố"});
    EXPECT_EQ(plan.tasks[1].lead, std::vector<std::string>{"Công an Thành phố"});
    EXPECT_EQ(plan.tasks[2].lead,
              std::vector<std::string>{"UBND Thành phố"}); // one body, three spellings
    EXPECT_EQ(plan.tasks[3].lead, plan.tasks[4].lead);     // with the city's name or without
    EXPECT_EQ(plan.tasks[5].lead,
              std::vector<std::string>{"Cơ quan thuế"}); // a name starts with a capital
}

TEST(PlanTables, ColumnsNamedWithThucHienTakeTheRoleOfTheirFirstWords)
{
    const auto plan = parse("KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n"
                            "| STT | Nội dung thực hiện | Đơn vị thực hiện | Đơn vị phối hợp | "
                            "Thời gian thực hiện | Kinh phí thực hiện |\n"
                            "|---|---|---|---|---|---|\n"
                            "| 1 | Rà soát quy hoạch vùng sản xuất chè tập trung. | Sở Nông nghiệp "
                            "và Môi trường | Sở Tài chính | "
                            "Quý II/2026 | Ngân sách tỉnh |\n"
                            "| 2 | Xây dựng cơ sở dữ liệu đất đai. | Sở Nông nghiệp và Môi trường "
                            "| UBND các xã, phường | "
                            "Năm 2027 | Ngân sách tỉnh |\n");
    ASSERT_EQ(plan.tasks.size(), 2u);
    EXPECT_EQ(plan.tasks[0].text, "Rà soát quy hoạch vùng sản xuất chè tập trung.");
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Sở Nông nghiệp và Môi trường"});
    EXPECT_EQ(plan.tasks[0].support, std::vector<std::string>{"Sở Tài chính"});
    EXPECT_EQ(plan.tasks[0].deadline.normalised, "2026-Q2");
    EXPECT_EQ(plan.tasks[1].deadline.normalised, "2027");
}

TEST(PlanAgencies, CommuneCommitteesHoweverListedAreOneGroupAndSucceedTheDistricts)
{
    const auto plan =
        parse("KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. UBND cấp xã rà soát quỹ đất công.\n\n"
              "2. Ủy ban nhân dân các phường, xã tuyên truyền tới người dân.\n\n"
              "3. Khi xảy ra sự cố, Chủ tịch Ủy ban nhân dân cấp xã huy động lực lượng tại chỗ.\n\n"
              "4. UBND các huyện, thành phố chỉ đạo thực hiện trên địa bàn.\n");
    ASSERT_EQ(plan.tasks.size(), 4u);
    for (std::size_t k = 0; k < 3; ++k)
        EXPECT_EQ(plan.tasks[k].lead, std::vector<std::string>{"UBND các xã, phường"}) << k;
    EXPECT_TRUE(plan.tasks[0].collective);
    const auto districts =
        std::find_if(plan.agencies.begin(), plan.agencies.end(),
                     [](const AgencyInfo& a) { return a.name == "UBND các huyện, thành phố"; });
    ASSERT_NE(districts, plan.agencies.end());
    EXPECT_EQ(districts->successor2025,
              "UBND các xã, phường"); // the district level ended on 1 July 2025
    EXPECT_EQ(districts->validTo, "2025-06-30");
}

TEST(PlanAgencies, NamesWithListedFieldsCompoundFieldsAndTheProvinceAsTheirEnd)
{
    const auto plan = parse(
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n"
        "1. Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh quảng bá các khu công nghiệp.\n\n"
        "2. Hội Chữ thập đỏ tỉnh vận động nguồn lực hỗ trợ người dân vùng lũ.\n\n"
        "3. Liên đoàn Lao động tỉnh chăm lo đời sống công nhân tại các khu công nghiệp.\n\n"
        "4. Ban Chỉ huy các cấp thông báo thường xuyên về cấp dự báo cháy rừng.\n");
    ASSERT_EQ(plan.tasks.size(), 4u);
    EXPECT_EQ(plan.tasks[3].lead,
              std::vector<std::string>{"Ban Chỉ huy các cấp"}); // every level: a group
    EXPECT_TRUE(plan.tasks[3].collective);
    EXPECT_EQ(plan.tasks[0].lead,
              std::vector<std::string>{"Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"});
    EXPECT_EQ(plan.tasks[1].lead, std::vector<std::string>{"Hội Chữ thập đỏ tỉnh"});
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"Liên đoàn Lao động tỉnh"});
}

TEST(PlanAgencies, CivilDefenceBoardsFederationsTaxOfficesCollectivesAndNamedCommunes)
{
    const auto plan =
        parse("KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n"
              "1. Ban Chỉ huy phòng thủ dân sự cấp xã tổ chức diễn tập chữa cháy rừng.\n\n"
              "2. Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh tư vấn, phản biện các đề án.\n\n"
              "3. Thuế tỉnh hướng dẫn doanh nghiệp kê khai thuế điện tử.\n\n"
              "4. Các đơn vị, địa phương tăng cường kiểm tra việc thực hiện Kế hoạch.\n\n"
              "5. Các chủ rừng và lực lượng Kiểm lâm có trách nhiệm tuần tra vùng trọng điểm.\n\n"
              "6. Ủy ban nhân dân các xã: Tân Hòa, Phú Thạnh và Bình Minh\n\n"
              "- Lập phương án di dời dân cư vùng sạt lở ven sông.\n");
    ASSERT_EQ(plan.tasks.size(), 6u);
    EXPECT_EQ(plan.tasks[0].lead,
              std::vector<std::string>{"Ban Chỉ huy phòng thủ dân sự cấp xã"}); // not "… phòng"
    EXPECT_EQ(plan.tasks[1].lead,
              std::vector<std::string>{"Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"});
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"Thuế tỉnh"});
    EXPECT_EQ(plan.tasks[3].lead, std::vector<std::string>{"Các cơ quan, đơn vị, địa phương"});
    EXPECT_TRUE(plan.tasks[3].collective);
    EXPECT_EQ(plan.tasks[4].lead, (std::vector<std::string>{"Các chủ rừng", "Lực lượng Kiểm lâm"}));
    EXPECT_EQ(plan.tasks[5].lead, (std::vector<std::string>{"Ủy ban nhân dân xã Tân Hòa",
                                                            "Ủy ban nhân dân xã Phú Thạnh",
                                                            "Ủy ban nhân dân xã Bình Minh"}));
    // The 2025 reorganisation: the provincial tax department's successor is "Thuế tỉnh".
    const auto cucThue = parse("KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n"
                               "1. Cục Thuế tỉnh rà soát các khoản thu từ đất.\n");
    ASSERT_EQ(cucThue.agencies.size(), 1u);
    EXPECT_EQ(cucThue.agencies[0].successor2025, "Thuế tỉnh");
}

TEST(PlanTasks, BodiesNamedByTheirSectorAndTheSubjectOfAConditionalDuty)
{
    const auto plan = parse(
        "QUY ĐỊNH\n\nĐiều 3. Phân công\n\n"
        "1. Trường hợp cần bổ sung danh mục hàng hóa: Sở quản lý ngành, lĩnh vực đề xuất "
        "danh mục bổ sung, gửi Sở Tài chính tổng hợp.\n\n"
        "2. Hồ sơ thực hiện theo quy định của pháp luật; trường hợp chưa có quy định thì các cơ "
        "quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh có trách nhiệm tham mưu Ủy ban nhân "
        "dân tỉnh ban hành.\n\n"
        "3. Nếu phát sinh vướng mắc, thì Ủy ban nhân dân cấp xã báo cáo Sở Xây dựng để hướng "
        "dẫn.\n");
    ASSERT_EQ(plan.tasks.size(), 3u);
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Sở quản lý ngành, lĩnh vực"});
    EXPECT_TRUE(plan.tasks[0].collective); // whichever department the goods concern
    EXPECT_EQ(plan.tasks[1].lead,
              std::vector<std::string>{"Các cơ quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh"});
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"UBND các xã, phường"});
}

TEST(PlanTasks, ARoleWithItsBodiesInBracketsAndTheRoleNounCoQuanChuTri)
{
    const auto plan = parse(
        "KẾ HOẠCH\n\nI. PHÂN CÔNG\n\n"
        "1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý các khu công nghiệp tỉnh):\n\n"
        "a) Tiếp nhận hồ sơ đề nghị chấp thuận chủ trương đầu tư.\n\n"
        "b) Trường hợp các cơ quan phối hợp có ý kiến khác nhau, cơ quan chủ trì thẩm định tổng "
        "hợp và báo cáo Ủy ban nhân dân tỉnh.\n\n"
        "2. Định kỳ hằng năm, Giám đốc các Sở, Trưởng các ban, ngành cấp tỉnh báo cáo kết quả "
        "thực hiện về Sở Tài chính.\n");
    ASSERT_EQ(plan.tasks.size(), 3u);
    const std::vector<std::string> bodies{"Sở Tài chính", "Ban Quản lý các khu công nghiệp tỉnh"};
    EXPECT_EQ(plan.tasks[0].lead, bodies);
    EXPECT_EQ(plan.tasks[1].lead, bodies); // not "… cơ quan" read as who "chủ trì"
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"Các sở, ban, ngành"});
}

TEST(PlanTasks, WhoAFieldReportsOrSendsToIsNoLead)
{
    const auto plan = parse(
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Rà soát các văn bản quy phạm pháp luật về đất đai.\n\n"
        "- Cơ quan thực hiện: Sở Tư pháp và Ủy ban nhân dân các xã, phường rà soát, gửi kết quả về "
        "Sở Tài chính để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n\n"
        "- Thời gian thực hiện: Quý IV năm 2026.\n");
    ASSERT_EQ(plan.tasks.size(), 1u);
    EXPECT_EQ(plan.tasks[0].lead, (std::vector<std::string>{"Sở Tư pháp", "UBND các xã, phường"}));
}

TEST(PlanParagraphs, OneParagraphPerLineWithoutBlankLinesReadsLikeTheWrappedCopy)
{
    // As saved from Word or exported by a portal: every paragraph one long line, no blank lines.
    const std::string body =
        "- Sở Xây dựng chủ trì, phối hợp các đơn vị liên quan:\n"
        "Tiếp tục triển khai có hiệu quả Đề án phát triển vật liệu xây dựng của tỉnh thời kỳ "
        "2021-2030, đưa ngành "
        "công nghiệp sản xuất vật liệu xây dựng thành ngành kinh tế mạnh, đạt trình độ tiên tiến.\n"
        "- Sở Công Thương chủ trì, phối hợp các đơn vị liên quan:\n"
        "+ Tham mưu rà soát, xây dựng cơ chế chính sách hỗ trợ phát triển công nghiệp hỗ trợ trên "
        "địa bàn tỉnh "
        "trong giai đoạn tới, bảo đảm phù hợp với quy định của pháp luật hiện hành.\n"
        "+ Đẩy mạnh thu hút đầu tư vào các khu, cụm công nghiệp theo quy hoạch tỉnh đã được phê "
        "duyệt, ưu tiên các dự "
        "án công nghệ cao, thân thiện với môi trường và sử dụng ít lao động.\n"
        "(Chi tiết có Danh mục nhiệm vụ chủ yếu kèm theo)\n";
    const auto plan = parse(
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết của Tỉnh ủy về công nghiệp hóa, hiện đại hóa "
        "đến năm 2030, tầm nhìn đến năm 2045 trên địa bàn tỉnh\n"
        "I. NHIỆM VỤ CHỦ YẾU\n1. Về phát triển công nghiệp và xây dựng các ngành kinh tế mũi nhọn "
        "của tỉnh trong giai đoạn mới\n" +
        body);
    ASSERT_EQ(plan.tasks.size(), 3u); // the note in brackets is no task
    EXPECT_EQ(plan.tasks[0].lead, std::vector<std::string>{"Sở Xây dựng"});
    EXPECT_EQ(plan.tasks[0].text.rfind("Tiếp tục triển khai", 0), 0u);
    EXPECT_EQ(plan.tasks[1].lead, std::vector<std::string>{"Sở Công Thương"});
    EXPECT_EQ(plan.tasks[2].lead, std::vector<std::string>{"Sở Công Thương"});
}

namespace {

/// A copy of the Thái Nguyên sample with a small plan of its own (doc "thu"), the task ids of
/// which are found by their words.
struct ThematicSample
{
    pa::test::TempDir dir;
    std::string path = dir.file("tn.gpkg");
    pa::layers::Workspace ws;

    ThematicSample() : ws(open(dir, path))
    {
        pa::test::writeBytes(
            dir.file("thu.txt"),
            "UBND TỈNH THÁI NGUYÊN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
            "Hạnh phúc\n\nSố: 12/KH-UBND\n\nThái Nguyên, ngày 10 tháng 5 năm 2024\n\nKẾ "
            "HOẠCH\nPhát triển công nghiệp và nông nghiệp năm 2024\n\nII. NHIỆM VỤ VÀ GIẢI "
            "PHÁP\n\n1. Sở Công Thương chủ trì:\n\n- Thu hút đầu tư vào các khu, cụm công "
            "nghiệp trên địa bàn tỉnh.\n\n- Phát triển hạ tầng khu công nghiệp khu vực phía Nam "
            "của tỉnh; hỗ trợ các cụm công nghiệp mới.\n\n- Gửi báo cáo định kỳ về Ban Quản lý "
            "các khu công nghiệp Thái Nguyên.\n\n2. Sở Nông nghiệp và Phát triển nông thôn chủ "
            "trì:\n\n- Mở rộng vùng chè đặc sản, nâng cao giá trị sản phẩm.\n\n- Nâng cấp hạ tầng "
            "Khu công nghiệp Yên Bình.\n");
        storePlan(ws, readPlan(dir.file("thu.txt")), "thu", "thu.txt");
    }

    static pa::layers::Workspace open(pa::test::TempDir&, const std::string& path)
    {
        std::filesystem::copy_file(pa::test::sampleWorkspace(), path);
        return pa::layers::Workspace::open(path, pa::gis::OpenMode::Update);
    }

    /// Stores a plan @p doc whose tasks are @p tasks (numbered items under "II. NHIỆM VỤ") and
    /// returns its suggestions.
    std::vector<LinkSuggestion> suggestPlan(const std::string& doc, const std::string& tasks)
    {
        const std::string file = dir.file(doc + ".txt");
        pa::test::writeBytes(file, "KẾ HOẠCH\nThực hiện năm 2025\n\nII. NHIỆM VỤ\n\n" + tasks);
        storePlan(ws, readPlan(file), doc, doc + ".txt");
        return suggestLinks(ws, doc);
    }

    /// The task of document @p doc whose text holds @p words; empty when not exactly one.
    std::string task(const std::string& words, const std::string& doc = "thu")
    {
        const auto rows = ws.dataset()
                              .run("SELECT task_id FROM plan_tasks WHERE doc_id = ? AND "
                                   "instr(text, ?) > 0",
                                   {doc, words})
                              .rows;
        return rows.size() == 1 ? pa::gis::toString(rows[0][0]) : std::string();
    }

    /// task(), failing the test when no single task of @p doc holds @p words.
    std::string expectTask(const std::string& words, const std::string& doc)
    {
        const auto id = task(words, doc);
        EXPECT_FALSE(id.empty()) << words;
        return id;
    }
};

std::set<std::string> codesOf(const std::vector<LinkSuggestion>& all, const std::string& task,
                              const std::string& rule)
{
    std::set<std::string> codes;
    for (const auto& s : all)
        if (s.taskId == task && (rule.empty() || s.rule == rule))
            codes.insert(s.featureCode);
    return codes;
}

std::set<std::string> codesOfLayer(pa::layers::Workspace& ws, const std::string& layer,
                                   const std::string& where = "1")
{
    std::set<std::string> codes;
    for (const auto& row :
         ws.dataset().execute("SELECT code FROM " + layer + " WHERE " + where).rows)
        codes.insert(pa::gis::toString(row[0]));
    return codes;
}

/// Deletes the tea zone of a pending suggestion of @p ws; returns that suggestion's id (-1 when
/// there is none) and the zone's code.
std::pair<std::int64_t, std::string> deleteASuggestedTeaZone(pa::layers::Workspace& ws)
{
    std::pair<std::int64_t, std::string> tea{-1, {}};
    for (const auto& s : listSuggestions(ws, "pending"))
        if (s.layer == "agri_zones")
            tea = {s.id, s.featureCode};
    if (tea.first >= 0)
        ws.dataset().run("DELETE FROM agri_zones WHERE code = ?", {tea.second});
    return tea;
}

} // namespace

TEST(PlanLinks, AKindNamedInGeneralSuggestsItsFeaturesAsOneGroupWithEvidence)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    auto& ws = sample.ws;
    const auto all = suggestLinks(ws, "thu");
    const auto parks = codesOfLayer(ws, "industrial_parks");
    const auto clusters = codesOfLayer(ws, "industrial_clusters");
    ASSERT_EQ(parks.size(), 11u);

    // "các khu, cụm công nghiệp": every park and every cluster, two groups with their evidence.
    const auto invest = sample.task("Thu hút đầu tư");
    ASSERT_FALSE(invest.empty());
    std::set<std::string> both = parks;
    both.insert(clusters.begin(), clusters.end());
    EXPECT_EQ(codesOf(all, invest, "theme"), both);
    std::set<std::string> evidence;
    for (const auto& g : groupSuggestions(all))
        if (g.taskId == invest) {
            evidence.insert(g.evidence);
            EXPECT_EQ(g.rule, "theme");
        }
    EXPECT_EQ(evidence, (std::set<std::string>{"“các khu, cụm công nghiệp” → 11 khu công nghiệp",
                                               "“các khu, cụm công nghiệp” → 4 cụm công nghiệp"}));

    // "khu công nghiệp khu vực phía Nam của tỉnh": the parks inside the region (geometry, not
    // names), and the region itself; "các cụm công nghiệp mới" in the next clause: the planned
    // clusters, wherever they are.
    const auto south = sample.task("phía Nam");
    ASSERT_FALSE(south.empty());
    const auto inSouth = codesOf(all, south, "theme-area");
    EXPECT_FALSE(inSouth.empty());
    EXPECT_LT(inSouth.size(), parks.size());
    for (const auto& code : inSouth)
        EXPECT_TRUE(parks.contains(code)) << code;
    // The sample places 10 of the 11 parks in the southern region (KCN Quyết Thắng lies in the
    // north of Thái Nguyên city, outside it).
    EXPECT_EQ(inSouth.size(), 10u);
    EXPECT_FALSE(inSouth.contains("KCN-QT"));
    EXPECT_EQ(codesOf(all, south, "place"), std::set<std::string>{"KV-PHIANAM"});
    EXPECT_EQ(codesOf(all, south, "theme"),
              codesOfLayer(ws, "industrial_clusters", "status = 'planned'"));

    // An agency's name ("Ban Quản lý các khu công nghiệp Thái Nguyên") names no place.
    const auto report = sample.task("báo cáo định kỳ");
    ASSERT_FALSE(report.empty());
    EXPECT_TRUE(codesOf(all, report, "").empty());

    // "vùng chè": the zones whose product is chè.
    const auto tea = sample.task("vùng chè");
    ASSERT_FALSE(tea.empty());
    EXPECT_EQ(codesOf(all, tea, "theme-value"), codesOfLayer(ws, "agri_zones", "product = 'chè'"));

    // A park named by its name is a place, not the kind in general.
    const auto yenBinh = sample.task("Yên Bình");
    ASSERT_FALSE(yenBinh.empty());
    EXPECT_EQ(codesOf(all, yenBinh, "place"), std::set<std::string>{"KCN-YB"});
    EXPECT_TRUE(codesOf(all, yenBinh, "theme").empty());

    // Stored with rule and evidence; listed the same.
    for (const auto& s : listSuggestions(ws, "pending")) {
        EXPECT_FALSE(s.rule.empty());
        EXPECT_FALSE(s.evidence.empty());
    }
    EXPECT_EQ(ws.validate().errorCount(), 0u);
}

// What a plan of another province writes, read against the sample's features: names that begin
// with a type word's letters, lists after a colon or a number, units the workspace does not know,
// text in capitals or decomposed, a route code; and the basemap is no place a task acts on.
TEST(PlanLinks, NamesListsAndUnitsAreReadAsAPlannerMeansThem)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    auto& ws = sample.ws;
    pa::test::writeBytes(
        sample.dir.file("rv.txt"),
        "KẾ HOẠCH\nThực hiện năm 2025\n\nII. NHIỆM VỤ\n\n1. Sở Công Thương chủ trì:\n\n"
        "- Mở rộng KCN Sông Công theo quy hoạch.\n\n"
        "- Hoàn thiện hạ tầng các khu công nghiệp: Yên Bình, Điềm Thụy.\n\n"
        "- Giải phóng mặt bằng KCN Yên Bình 2, 3.\n\n"
        "- Phát triển các cụm công nghiệp huyện Phú Bình, Đại Từ.\n\n"
        "- Rà soát các cụm công nghiệp xã Vô Danh.\n\n"
        "- PHÁT TRIỂN HẠ TẦNG CÁC KHU, CỤM CÔNG NGHIỆP TRÊN ĐỊA BÀN TỈNH.\n\n"
        "- Thu hút đầu tư vào các khu công nghiệp mỗi huyện.\n\n"
        "- Hoàn thiện cao tốc CT.07 đoạn qua tỉnh.\n\n"
        "- Nâng cấp QL.37 đoạn qua huyện.\n\n"
        "- Phát triển hạ tầng các khu công nghiệp thành phố Thái Nguyên.\n\n"
        "- HỖ TRỢ CÁC CỤM CÔNG NGHIỆP MỚI TRÊN ĐỊA BÀN TỈNH.\n\n"
        "- Học tập và làm theo phong cách Hồ Chí Minh.\n\n"
        "- Thẩm định hồ sơ theo pháp luật về quy hoạch đô thị.\n\n"
        "- Quản lý chặt chẽ, không chuyển đổi đất rừng phòng hộ sang khu công nghiệp.\n\n"
        "- Chuyển đổi đất nông nghiệp kém hiệu quả sang cụm công nghiệp.\n\n"
        "- NÂNG CẤP HẠ TẦNG KCN YÊN BÌNH II VÀ KHU CÔNG NGHIỆP ĐIỀM THỤY; HOÀN THÀNH TRƯỚC "
        "30/6/2026.\n\n"
        "- MỞ RỘNG KCN QUYẾT THẮNG; ĐẦU TƯ HẠ TẦNG KCN QUYẾT THẮNG.\n\n"
        "- HOÀN THIỆN HỆ THỐNG ĐÔ THỊ THÁI NGUYÊN ĐẾN NĂM 2030.\n");
    storePlan(ws, readPlan(sample.dir.file("rv.txt")), "rv", "rv.txt");
    auto task = [&](const std::string& words) { return sample.task(words, "rv"); };
    const auto all = suggestLinks(ws, "rv");
    for (const auto& s : all)
        EXPECT_EQ(s.taskId.rfind("rv:", 0), 0u) << "only the document's suggestions: " << s.taskId;
    const auto parks = codesOfLayer(ws, "industrial_parks");

    // "Sông Công" keeps its "Sông": the parks so named, not KCN Phú Bình for a "công" in the
    // bracket after its name.
    const auto widen = task("Mở rộng KCN Sông Công");
    ASSERT_FALSE(widen.empty());
    const auto widened = codesOf(all, widen, "place");
    EXPECT_TRUE(widened.contains("KCN-SC1") && widened.contains("KCN-SC2"));
    EXPECT_FALSE(widened.contains("KCN-PB"));
    // A list after a colon names places, not the kind in general.
    const auto listed = task("Yên Bình, Điềm Thụy");
    ASSERT_FALSE(listed.empty());
    EXPECT_EQ(codesOf(all, listed, "place"), (std::set<std::string>{"KCN-YB", "KCN-DT"}));
    EXPECT_TRUE(codesOf(all, listed, "theme").empty());
    // "KCN Yên Bình 2, 3": the second number is Yên Bình 3, not Quốc lộ 3.
    const auto numbered = task("Yên Bình 2, 3");
    ASSERT_FALSE(numbered.empty());
    EXPECT_EQ(codesOf(all, numbered, ""), (std::set<std::string>{"KCN-YB2", "KCN-YB3"}));
    // A second district in a list narrows as the first: Hà Thượng lies in Đại Từ.
    const auto twoDistricts = task("huyện Phú Bình, Đại Từ");
    ASSERT_FALSE(twoDistricts.empty());
    EXPECT_TRUE(codesOf(all, twoDistricts, "theme-area").contains("CCN-HT"));
    EXPECT_TRUE(codesOf(all, twoDistricts, "theme").empty());
    // A commune the workspace does not know: which clusters are meant is not known either.
    const auto unknown = task("xã Vô Danh");
    ASSERT_FALSE(unknown.empty());
    EXPECT_TRUE(codesOf(all, unknown, "").empty());
    // Written in capitals throughout: still the kind in general.
    const auto capitals = task("PHÁT TRIỂN HẠ TẦNG");
    ASSERT_FALSE(capitals.empty());
    const auto inCapitals = codesOf(all, capitals, "theme");
    EXPECT_TRUE(std::includes(inCapitals.begin(), inCapitals.end(), parks.begin(), parks.end()));
    // "mỗi huyện" is no "mới": every park, not the planned ones.
    const auto each = task("mỗi huyện");
    ASSERT_FALSE(each.empty());
    EXPECT_EQ(codesOf(all, each, "theme"), parks);
    // An expressway named by its route code.
    const auto ct07 = task("cao tốc CT.07");
    ASSERT_FALSE(ct07.empty());
    EXPECT_EQ(codesOf(all, ct07, "place"), codesOfLayer(ws, "expressways", "route_code = 'CT.07'"));
    // "QL.37" written as a code is Quốc lộ 37.
    const auto ql37 = task("QL.37");
    ASSERT_FALSE(ql37.empty());
    EXPECT_EQ(codesOf(all, ql37, "place"),
              codesOfLayer(ws, "national_roads", "name_vi = 'Quốc lộ 37'"));
    // The city of Thái Nguyên, not the province of that name, bounds the parks.
    const auto city = task("thành phố Thái Nguyên");
    ASSERT_FALSE(city.empty());
    EXPECT_LT(codesOf(all, city, "theme-area").size(), parks.size());
    EXPECT_TRUE(codesOf(all, city, "theme").empty());
    // "MỚI" in capitals is "mới": the planned clusters, as "các cụm công nghiệp mới" in the
    // sample's plan gives them.
    const auto newInCapitals = task("MỚI");
    ASSERT_FALSE(newInCapitals.empty());
    const auto planned = codesOf(all, newInCapitals, "theme");
    const auto lowerCase = codesOf(suggestLinks(ws, "thu"), sample.task("phía Nam"), "theme");
    EXPECT_FALSE(planned.empty());
    EXPECT_EQ(planned, lowerCase);
    // The basemap's provinces are the map's background.
    for (const auto& s : all)
        EXPECT_NE(s.layer, "vietnam_provinces_2025") << s.taskId;

    // Text decomposed (NFD), as an edit outside the reader may leave it, reads the same.
    icu::UnicodeString nfd;
    UErrorCode status = U_ZERO_ERROR;
    const auto composed = pa::gis::toString(
        ws.dataset().run("SELECT text FROM plan_tasks WHERE task_id = ?", {each}).rows[0][0]);
    icu::Normalizer2::getNFDInstance(status)->normalize(icu::UnicodeString::fromUTF8(composed), nfd,
                                                        status);
    ASSERT_TRUE(U_SUCCESS(status));
    std::string decomposed;
    nfd.toUTF8String(decomposed);
    ASSERT_NE(decomposed, composed);
    ws.dataset().run("UPDATE plan_tasks SET text = ? WHERE task_id = ?", {decomposed, each});
    EXPECT_EQ(codesOf(suggestLinks(ws, "rv"), each, "theme"), parks);
    // A law's subject is no place: not every town of the province.
    const auto law = task("pháp luật về quy hoạch");
    ASSERT_FALSE(law.empty());
    EXPECT_TRUE(codesOf(all, law, "").empty());
    // What must not become a park is no park's task; what is to become a cluster is.
    const auto notInto = task("không chuyển đổi");
    ASSERT_FALSE(notInto.empty());
    EXPECT_TRUE(codesOf(all, notInto, "theme").empty());
    // In capitals, the words around a name end it, and a kind named is no kind in general.
    const auto shouted = task("YÊN BÌNH II");
    ASSERT_FALSE(shouted.empty());
    EXPECT_EQ(codesOf(all, shouted, ""), (std::set<std::string>{"KCN-YB2", "KCN-DT"}));
    const auto twice = task("MỞ RỘNG KCN QUYẾT THẮNG");
    ASSERT_FALSE(twice.empty());
    EXPECT_EQ(codesOf(all, twice, ""), (std::set<std::string>{"KCN-QT"}));
    // The province after a kind in capitals names no place of it: the towns in general.
    const auto towns = task("HỆ THỐNG ĐÔ THỊ THÁI NGUYÊN");
    ASSERT_FALSE(towns.empty());
    EXPECT_GE(codesOf(all, towns, "theme").size(), 5u);
    const auto into = task("kém hiệu quả");
    ASSERT_FALSE(into.empty());
    EXPECT_FALSE(codesOf(all, into, "theme").empty());
}

TEST(PlanLinks, ANameAfterWordsThatQualifyItsTypeFindsItsFeature)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    auto& ws = sample.ws;
    pa::test::writeBytes(sample.dir.file("dl.txt"),
                         "KẾ HOẠCH\nThực hiện năm 2025\n\nII. NHIỆM VỤ\n\n1. Sở Văn hóa, Thể "
                         "thao và Du lịch chủ trì:\n\n"
                         "- Phát triển khu du lịch sinh thái Tam Đảo.\n\n"
                         "- Quảng bá Khu du lịch quốc gia Hồ Núi Cốc.\n\n"
                         "- Tôn tạo Khu du lịch Quốc gia Hồ Núi Cốc.\n\n"
                         "- Học tập mô hình Khu kinh tế ven biển Quảng Yên.\n");
    storePlan(ws, readPlan(sample.dir.file("dl.txt")), "dl", "dl.txt");
    const auto all = suggestLinks(ws, "dl");
    const auto tamDao = sample.task("sinh thái Tam Đảo", "dl");
    ASSERT_FALSE(tamDao.empty());
    EXPECT_EQ(codesOf(all, tamDao, "place"), (std::set<std::string>{"DL-TAMDAO"}));
    // The feature's name carries the same words: the whole name matches (0.8), also where the
    // qualifier is written with a capital ("Quốc gia").
    auto nuiCocBy = [&](const std::string& words) {
        const auto task = sample.task(words, "dl");
        double confidence = 0.0;
        for (const auto& s : all)
            if (!task.empty() && s.taskId == task && s.featureCode == "DL-NUICOC")
                confidence = s.confidence;
        return confidence;
    };
    EXPECT_GE(nuiCocBy("Quảng bá"), 0.8);
    EXPECT_GE(nuiCocBy("Tôn tạo"), 0.8);
    // Another province's economic zone is no sea, and nothing of this workspace.
    const auto quangYen = sample.task("Quảng Yên", "dl");
    ASSERT_FALSE(quangYen.empty());
    EXPECT_TRUE(codesOf(all, quangYen, "").empty());
}

// A board's name holds the kinds it manages and may hold a place the task then names again; a
// road is named from either end; a name that begins with the province's goes on past it.
TEST(PlanLinks, BoardsNamesAndRoadsNamedFromEitherEndAreReadAsAPlannerMeansThem)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    auto& ws = sample.ws;
    const auto all = sample.suggestPlan(
        "bq", "1. Ban Quản lý KKT Nghi Sơn và các KCN Thái Nguyên chủ trì tập huấn cho "
              "cán bộ về chuyển đổi số.\n\n"
              "2. Ban Quản lý KCN Yên Bình chủ trì đẩy nhanh tiến độ hạ tầng KCN Yên "
              "Bình.\n\n"
              "3. Sở Xây dựng chủ trì nâng cấp cao tốc Thái Nguyên - Chợ Mới.\n\n"
              "4. Sở Xây dựng chủ trì mở rộng cao tốc Chợ Mới – Thái Nguyên.\n\n"
              "5. Sở Xây dựng chủ trì hoàn thiện hệ thống đô thị Thái Nguyên đến năm "
              "2030.\n");
    auto task = [&](const std::string& words) { return sample.expectTask(words, "bq"); };
    // "các KCN" is part of the board's name ("… và các KCN Thái Nguyên"): no parks.
    EXPECT_TRUE(codesOf(all, task("tập huấn"), "").empty());
    // The park in the board's name, named again by the task.
    EXPECT_EQ(codesOf(all, task("đẩy nhanh"), ""), std::set<std::string>{"KCN-YB"});
    // An expressway whose name begins with the province's is that expressway, not every one;
    // named from its other end it is the same road.
    for (const char* words : {"nâng cấp cao tốc", "mở rộng cao tốc"}) {
        EXPECT_EQ(codesOf(all, task(words), "place"), std::set<std::string>{"CT07-TNCM"}) << words;
        EXPECT_TRUE(codesOf(all, task(words), "theme").empty()) << words;
    }
    // The province's own name and no more: its towns in general.
    EXPECT_EQ(codesOf(all, task("hệ thống đô thị"), "theme"), codesOfLayer(ws, "urban_centres"));
}

// What the readings for other provinces must leave as it was in Thái Nguyên's way of writing,
// and an item that names nothing under a heading that names a place.
TEST(PlanLinks, DirectionsProductsBoardsAndHeadingsKeepTheirOrdinaryMeaning)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    auto& ws = sample.ws;
    const auto all = sample.suggestPlan(
        "od",
        "1. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng chăn nuôi thịt lợn.\n\n"
        "2. Sở Công Thương chủ trì thu hút đầu tư vào khu công nghiệp phía Nam Thái Nguyên.\n\n"
        "3. Sở Công Thương chủ trì phát triển khu công nghiệp phía Tây Bắc.\n\n"
        "4. Ban quản lý dự án huyện Đại Từ chủ trì đầu tư hạ tầng cụm công nghiệp.\n\n"
        "5. PHÁT TRIỂN KCN YÊN BÌNH\n\n"
        "a) Ban Quản lý các KCN tỉnh chủ trì hoàn thiện hồ sơ mở rộng giai đoạn 2.\n\n"
        "b) Sở Xây dựng chủ trì xây dựng nhà ở công nhân.\n\n"
        "c) Sở Nội vụ chủ trì đào tạo nguồn nhân lực.\n\n"
        "6. Sở Nông nghiệp và Môi trường chủ trì rà soát vùng nguyên liệu tập trung.\n\n"
        "7. Sở Xây dựng chủ trì quy hoạch khu đô thị phía Đông KCN Yên Bình.\n\n"
        "8. Ban quản lý di tích ATK Định Hóa chủ trì tổ chức tuyên truyền.\n\n"
        "9. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng chè xã Phúc Xuân và xã Tân "
        "Cương.\n\n"
        "10. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng trồng cây ăn quả.\n\n"
        "11. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng chăn nuôi tập trung.\n\n"
        "12. Sở Nông nghiệp và Môi trường chủ trì mở rộng vùng trồng cây dược liệu.\n\n"
        "13. Sở Xây dựng chủ trì đánh giá sự phù hợp của dự án với quy hoạch đô thị.\n\n"
        "14. Sở Xây dựng chủ trì thẩm định theo quy định của pháp luật về xây dựng, nhà ở, phát "
        "triển đô thị.\n\n"
        "15. Sở Xây dựng chủ trì rà soát mục tiêu, định hướng phát triển đô thị.\n\n"
        "16. Sở Xây dựng chủ trì đầu tư chỉnh trang đô thị theo quy định của pháp luật.\n\n"
        "17. Sở Công Thương chủ trì thu hút đầu tư vào các khu công nghiệp phía Nam của tỉnh.\n\n"
        "18. Sở Công Thương chủ trì thu hút đầu tư vào các khu công nghiệp khu vực phía Nam của "
        "tỉnh.\n\n"
        "19. Sở Nông nghiệp và Môi trường chủ trì phát triển chè La Bằng theo chuỗi giá trị.\n\n"
        "20. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng chăn nuôi gà an toàn sinh "
        "học.\n\n"
        "21. Sở Nông nghiệp và Môi trường chủ trì khoanh vùng dịch bệnh chăn nuôi.\n\n"
        "22. Sở Xây dựng chủ trì xây dựng nhà ở cho công nhân phù hợp nhu cầu, kết nối giao "
        "thông với khu công nghiệp.\n\n"
        "23. Sở Công Thương chủ trì mở rộng các khu công nghiệp phía Tây của tỉnh lộ 261.\n\n"
        "24. Sở Nông nghiệp và Môi trường chủ trì phát triển chăn nuôi lợn an toàn sinh học.\n\n"
        "25. Sở Nông nghiệp và Môi trường chủ trì mở rộng diện tích chè đặc sản.\n\n"
        "26. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng chè, cây ăn quả.\n\n"
        "27. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng chè, nâng cao giá trị gia "
        "tăng.\n\n"
        "28. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng chè Tân Cương, Đại Từ và Bắc "
        "Sơn.\n\n"
        "29. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng quế Định Hóa, Võ Nhai.\n\n"
        "30. Sở Nông nghiệp và Môi trường chủ trì phát triển vùng quế dưới tán rừng tại Võ "
        "Nhai.\n\n"
        "31. Sở Nông nghiệp và Môi trường chủ trì phát triển cây ăn quả (nhãn, lê) theo hướng "
        "hữu cơ.\n\n"
        "32. Sở Công Thương chủ trì phát triển mạng lưới chợ, trung tâm thương mại.\n\n"
        "33. Sở Tài chính chủ trì bố trí vốn cho các dự án trọng điểm.\n");
    auto task = [&](const std::string& words) { return sample.expectTask(words, "od"); };
    // "thịt lợn" whole, not "thịt" of "thịt gà".
    EXPECT_EQ(codesOf(all, task("thịt lợn"), ""), std::set<std::string>{"NN-LON-PB"});
    // A direction before the province's name alone, or ending the clause, is a part of the
    // province: the kind in general.
    const auto parks = codesOfLayer(ws, "industrial_parks");
    EXPECT_EQ(codesOf(all, task("phía Nam Thái Nguyên"), "theme"), parks);
    EXPECT_EQ(codesOf(all, task("phía Tây Bắc"), "theme"), parks);
    // A project board's unit bounds the clusters as any unit does.
    const auto board = codesOf(all, task("Ban quản lý dự án"), "theme-area");
    EXPECT_TRUE(board.contains("CCN-HT"));
    EXPECT_TRUE(codesOf(all, task("Ban quản lý dự án"), "theme").empty());
    // The items under "PHÁT TRIỂN KCN YÊN BÌNH" concern that park.
    for (const char* words : {"giai đoạn 2", "nhà ở công nhân"}) {
        const auto id = task(words);
        EXPECT_EQ(codesOf(all, id, "place"), std::set<std::string>{"KCN-YB"}) << words;
        for (const auto& s : all)
            if (s.taskId == id)
                EXPECT_LT(s.confidence, 0.85) << "a heading's place is less sure";
    }
    // Training has no place, under any heading.
    EXPECT_TRUE(codesOf(all, task("đào tạo nguồn nhân lực"), "").empty());
    // "tập trung" is no "trứng" (of "trứng gà"): every zone.
    EXPECT_EQ(codesOf(all, task("vùng nguyên liệu"), "theme"), codesOfLayer(ws, "agri_zones"));
    // A direction before a type word is the part of the place so named, no name of its own.
    EXPECT_TRUE(codesOf(all, task("phía Đông KCN"), "place").contains("KCN-YB"));
    // A site's board names no place.
    EXPECT_TRUE(codesOf(all, task("tuyên truyền"), "").empty());
    // Of two communes the workspace has no layer of, the zone named after one.
    EXPECT_EQ(codesOf(all, task("Phúc Xuân"), ""), std::set<std::string>{"NN-CHE-TC"});
    // A class of products: the zones of the products in it ("na", "nhãn, bưởi" are fruit).
    EXPECT_EQ(codesOf(all, task("trồng cây ăn quả"), "theme-value"),
              (std::set<std::string>{"NN-NA-VN", "NN-QUA-DHY"}));
    EXPECT_EQ(codesOf(all, task("vùng chăn nuôi tập trung"), "theme-value"),
              (std::set<std::string>{"NN-GA-PB", "NN-LON-PB"}));
    EXPECT_EQ(codesOf(all, task("dược liệu"), "theme-value"),
              (std::set<std::string>{"NN-QUE-DH", "NN-QUE-VN"}));
    // Towns as the subject of conformity, of laws or of an orientation are none of them; the
    // towns a task works on are all of them.
    for (const char* words : {"sự phù hợp", "nhà ở, phát", "định hướng"})
        EXPECT_TRUE(codesOf(all, task(words), "").empty()) << words;
    EXPECT_EQ(codesOf(all, task("chỉnh trang"), "theme"), codesOfLayer(ws, "urban_centres"));
    // "phía Nam của tỉnh" is the southern region, as "khu vực phía Nam của tỉnh" is.
    const auto south = codesOf(all, task("khu công nghiệp phía Nam của"), "theme-area");
    EXPECT_FALSE(south.empty());
    EXPECT_LT(south.size(), parks.size());
    EXPECT_EQ(south, codesOf(all, task("khu vực phía Nam"), "theme-area"));
    // A zone by its product and place, without "vùng".
    EXPECT_EQ(codesOf(all, task("chè La Bằng"), ""), std::set<std::string>{"NN-CHE-LB"});
    // A product of a class named after it narrows to the zones holding it; the class's word
    // elsewhere in the clause is no topic of "vùng".
    EXPECT_EQ(codesOf(all, task("chăn nuôi gà"), ""), std::set<std::string>{"NN-GA-PB"});
    EXPECT_TRUE(codesOf(all, task("dịch bệnh"), "").empty());
    // A product after farming words, without "vùng": its zones.
    EXPECT_EQ(codesOf(all, task("chăn nuôi lợn"), ""), std::set<std::string>{"NN-LON-PB"});
    const auto tea = codesOf(all, task("diện tích chè"), "theme-value");
    EXPECT_EQ(tea.size(), 5u);
    EXPECT_TRUE(tea.contains("NN-CHE-TC"));
    // "với" after "phù hợp" only closes it in one clause; "tỉnh lộ" is a road, not the province.
    EXPECT_EQ(codesOf(all, task("nhà ở cho công nhân"), "theme"), parks);
    // (Those enlarged are there: the existing parks, wherever they lie.)
    EXPECT_EQ(codesOf(all, task("tỉnh lộ 261"), "theme"),
              codesOfLayer(ws, "industrial_parks", "status = 'existing'"));
    // A product listed after another is named too; other words after a comma end the list.
    auto teaAndFruit = tea;
    teaAndFruit.insert({"NN-NA-VN", "NN-QUA-DHY"});
    EXPECT_EQ(codesOf(all, task("vùng chè, cây ăn quả"), "theme-value"), teaAndFruit);
    EXPECT_EQ(codesOf(all, task("vùng chè, nâng cao"), "theme-value"), tea);
    // Names after the product: the zones named after them, or in the district so named (La
    // Bằng lies in Đại Từ), no town of the name; a name the workspace does not know is said.
    const auto named = task("vùng chè Tân Cương");
    EXPECT_EQ(codesOf(all, named, ""), (std::set<std::string>{"NN-CHE-TC", "NN-CHE-LB"}));
    for (const auto& s : all)
        if (s.taskId == named)
            EXPECT_NE(s.evidence.find("không gian làm việc không có “Bắc Sơn”"), std::string::npos)
                << s.evidence;
    EXPECT_EQ(codesOf(all, task("vùng quế Định Hóa, Võ Nhai"), ""),
              (std::set<std::string>{"NN-QUE-DH", "NN-QUE-VN"}));
    // ... or after "tại" a few words on; products in brackets after their class are those
    // products (one the layers have no zone of passed over).
    EXPECT_EQ(codesOf(all, task("dưới tán rừng tại Võ"), ""), std::set<std::string>{"NN-QUE-VN"});
    EXPECT_EQ(codesOf(all, task("(nhãn, lê)"), ""), std::set<std::string>{"NN-QUA-DHY"});
    // Markets gathered ("mạng lưới chợ") are those named so, not the trade fair centre.
    EXPECT_EQ(codesOf(all, task("mạng lưới chợ"), "theme"),
              (std::set<std::string>{"CDM-DIEMTHUY", "CDM-LINHSON"}));
    // ... and "cho" (for) is no "chợ".
    EXPECT_TRUE(codesOf(all, task("dự án trọng điểm"), "").empty());
}

// A task id as typed on a keyboard without Vietnamese letters, or in other letter case, is the
// workspace's own; one not there is named with the ids like it.
TEST(PlanLinks, AStateOrASortOfTheKindNarrowsItsFeatures)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    auto& ws = sample.ws;
    // One of the two planned clusters is being built; one market is a logistics centre.
    ws.dataset().execute(
        "UPDATE industrial_clusters SET status = 'under_construction' WHERE code = 'CCN-HT'");
    ws.dataset().execute(
        "UPDATE markets SET name_vi = 'Trung tâm logistics Linh Sơn' WHERE code = 'CDM-LINHSON'");
    const auto all = sample.suggestPlan(
        "st", "1. Sở Công Thương chủ trì hoàn thiện hạ tầng các cụm công nghiệp đang xây dựng.\n\n"
              "2. Sở Công Thương chủ trì phát triển các trung tâm logistics.\n\n"
              "3. Sở Công Thương chủ trì nâng cấp các chợ đầu mối nông sản.\n\n"
              "4. Sở Công Thương chủ trì thành lập mới các cụm công nghiệp.\n\n"
              "5. Sở Công Thương chủ trì mở rộng các khu công nghiệp.\n\n"
              "6. Sở Công Thương chủ trì thu hút đầu tư vào các khu công nghiệp ở các huyện "
              "phía Nam của tỉnh.\n\n"
              "7. Sở Công Thương chủ trì thu hút đầu tư vào các khu công nghiệp ở các huyện "
              "miền Nam của tỉnh.\n");
    auto task = [&](const std::string& words) { return sample.expectTask(words, "st"); };
    // "đang xây dựng": those under construction, not every one yet to be built.
    EXPECT_EQ(codesOf(all, task("đang xây dựng"), "theme"), std::set<std::string>{"CCN-HT"});
    for (const auto& g : groupSuggestions(all))
        if (g.taskId == task("đang xây dựng"))
            EXPECT_EQ(g.evidence, "“các cụm công nghiệp” → 1 cụm công nghiệp đang xây dựng");
    // A kind that gathers markets and logistics centres: each word names its own sort.
    EXPECT_EQ(codesOf(all, task("trung tâm logistics"), "theme"),
              std::set<std::string>{"CDM-LINHSON"});
    EXPECT_EQ(codesOf(all, task("chợ đầu mối"), "theme"),
              (std::set<std::string>{"CDM-DIEMTHUY", "HCTL-VIETBAC"}));
    // The verb before the kind says its state: new ones are yet to be built, those enlarged are
    // there.
    EXPECT_EQ(codesOf(all, task("thành lập mới"), "theme"),
              (std::set<std::string>{"CCN-HT", "CCN-KS"}));
    EXPECT_EQ(codesOf(all, task("mở rộng"), "theme"),
              codesOfLayer(ws, "industrial_parks", "status = 'existing'"));
    // "miền Nam của tỉnh" is its southern part, as "phía Nam".
    const auto south = codesOf(all, task("phía Nam"), "theme-area");
    EXPECT_FALSE(south.empty());
    EXPECT_EQ(codesOf(all, task("miền Nam"), "theme-area"), south);
}

TEST(PlanLinks, AKindANamedThingServesOrJoinsIsNoTopic)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    const auto all = sample.suggestPlan(
        "sv", "1. Sở Công Thương chủ trì xây dựng Chợ đầu mối xã Linh Sơn phục vụ các khu công "
              "nghiệp.\n\n"
              "2. Sở Công Thương chủ trì phát triển các chợ đầu mối gắn với cụm công nghiệp, khu "
              "công nghiệp.\n\n"
              "3. Sở Xây dựng chủ trì đầu tư hạ tầng giao thông kết nối các khu công nghiệp.\n\n"
              "4. Sở Nội vụ chủ trì, tại thành phố Phổ Yên, đào tạo nghề phục vụ các khu công "
              "nghiệp.\n\n"
              "5. Sở Nông nghiệp và Môi trường chủ trì mở rộng thị trường chè sang khu vực miền "
              "Nam.\n");
    auto task = [&](const std::string& words) { return sample.expectTask(words, "sv"); };
    // What is built is named: the parks and clusters it serves are not offered.
    EXPECT_EQ(codesOf(all, task("xây dựng Chợ đầu mối"), ""), std::set<std::string>{"CDM-LINHSON"});
    EXPECT_EQ(codesOf(all, task("gắn với"), ""),
              (std::set<std::string>{"CDM-DIEMTHUY", "CDM-LINHSON", "HCTL-VIETBAC"}));
    // Nothing named before "kết nối": the parks are what the task concerns.
    EXPECT_EQ(codesOf(all, task("kết nối"), "theme"), codesOfLayer(sample.ws, "industrial_parks"));
    // Where the work is done is no thing it serves: the parks (there) are offered.
    EXPECT_FALSE(codesOf(all, task("đào tạo nghề"), "theme-area").empty());
    // "khu vực miền Nam" is the country's south, no part of the province.
    EXPECT_TRUE(codesOf(all, task("miền Nam"), "place").empty());
}

/// A feature of a layer drawn for a test: its code ("ma"), name ("ten"), GeoJSON geometry and
/// further properties as JSON members ("\"san_pham\":\"chè\"").
struct NamedFeature
{
    std::string code, name, geometry, more = {};
};

/// GeoJSON geometries near the Thái Nguyên sample: a point, a square of 0.02° and an east-west
/// line of 0.1° from (@p lon, @p lat).
std::string pointAt(double lon, double lat = 21.6)
{
    return "{\"type\":\"Point\",\"coordinates\":[" + std::to_string(lon) + "," +
           std::to_string(lat) + "]}";
}
std::string squareAt(double lon, double lat = 21.6)
{
    const std::string x0 = std::to_string(lon), x1 = std::to_string(lon + 0.02),
                      y0 = std::to_string(lat), y1 = std::to_string(lat + 0.02);
    return "{\"type\":\"Polygon\",\"coordinates\":[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 +
           "],[" + x1 + "," + y1 + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]}";
}
std::string lineAt(double lat, double lon = 105.6)
{
    return "{\"type\":\"LineString\",\"coordinates\":[[" + std::to_string(lon) + "," +
           std::to_string(lat) + "],[" + std::to_string(lon + 0.1) + "," + std::to_string(lat) +
           "]]}";
}

/// Writes @p features to @p file in @p sample's folder and imports them into the sample's
/// workspace as a layer of @p kind.
void importNamed(ThematicSample& sample, const std::string& file, const std::string& kind,
                 const std::vector<NamedFeature>& features)
{
    std::string geojson = "{\"type\":\"FeatureCollection\",\"features\":[";
    for (const auto& f : features)
        geojson += std::string(geojson.back() == '[' ? "" : ",") +
                   "{\"type\":\"Feature\",\"properties\":{\"ma\":\"" + f.code + "\",\"ten\":\"" +
                   f.name + "\"" + (f.more.empty() ? "" : "," + f.more) +
                   "},\"geometry\":" + f.geometry + "}";
    pa::test::writeBytes(sample.dir.file(file), geojson + "]}");
    pa::layers::ImportOptions o;
    o.sourcePath = sample.dir.file(file);
    o.kind = kind;
    o.codeField = "ma";
    o.fieldMap = {{"name_vi", "ten"}};
    pa::layers::importLayer(sample.ws, o);
}

TEST(PlanLinks, ANationalParkIsItsForestNotTheResortOfTheSameName)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    // A forest layer and a tourism layer that share a name, as a province's often do.
    importNamed(sample, "rung.geojson", "forest",
                {{"VQG-TD", "Vườn quốc gia Tam Đảo", squareAt(105.60)}});
    importNamed(sample, "du_lich.geojson", "tourism_area",
                {{"KDL-TD", "Khu du lịch Tam Đảo", squareAt(105.64)}});
    const auto all = sample.suggestPlan(
        "vq", "1. Sở Nông nghiệp và Môi trường chủ trì bảo vệ Vườn quốc gia Tam Đảo.\n\n"
              "2. Sở Văn hóa, Thể thao và Du lịch chủ trì phát triển Khu du lịch Tam Đảo.\n");
    EXPECT_EQ(codesOf(all, sample.task("bảo vệ", "vq"), "place"), std::set<std::string>{"VQG-TD"});
    EXPECT_EQ(codesOf(all, sample.task("phát triển", "vq"), "place"),
              std::set<std::string>{"KDL-TD"});
}

TEST(PlanLinks, AnAirportByItsEverydayNameAndAPlaceNamedAfterAnother)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    importNamed(sample, "ha_tang.geojson", "infrastructure",
                {{"HT-TH", "Cảng hàng không Tuy Hòa", pointAt(105.60)},
                 {"HT-HL", "Cảng Hòn La", pointAt(105.65)}});
    importNamed(sample, "logistics.geojson", "market_logistics",
                {{"LG-TH", "Trung tâm logistics Cảng hàng không Tuy Hòa", pointAt(105.60)}});
    importNamed(sample, "do_thi.geojson", "urban_centre",
                {{"DT-PA", "Đô thị Phước An", pointAt(105.60)},
                 {"DT-QP", "Đô thị Quảng Phú", pointAt(105.65)}});
    const auto all = sample.suggestPlan(
        "sb", "1. Sở Xây dựng chủ trì nâng cấp sân bay Tuy Hòa.\n\n"
              "2. Sở Công Thương chủ trì đầu tư Trung tâm logistics Cảng hàng không Tuy Hòa.\n\n"
              "3. Sở Xây dựng chủ trì phát triển các đô thị vệ tinh Phước An, Quảng Phú.\n\n"
              "4. Sở Xây dựng chủ trì nạo vét luồng vào bến cảng tổng hợp Hòn La.\n");
    // "sân bay" is the everyday word for a "cảng hàng không"
    EXPECT_EQ(codesOf(all, sample.task("sân bay", "sb"), ""), std::set<std::string>{"HT-TH"});
    // a centre named after the airport is the centre, not also the airport
    EXPECT_EQ(codesOf(all, sample.task("logistics", "sb"), ""), std::set<std::string>{"LG-TH"});
    // the satellite towns named, not every town of the province
    EXPECT_EQ(codesOf(all, sample.task("vệ tinh", "sb"), ""),
              (std::set<std::string>{"DT-PA", "DT-QP"}));
    EXPECT_EQ(codesOf(all, sample.task("bến cảng", "sb"), ""), std::set<std::string>{"HT-HL"});
}

TEST(PlanLinks, ProductsInAValueChainAModelOrAListEachWithItsHeadWord)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    importNamed(
        sample, "vung.geojson", "agri_zone",
        {{"NN-CHUOI", "Vùng chuối Phú Lương", pointAt(105.60), "\"san_pham\":\"chuối\""},
         {"NN-CACAO", "Vùng ca cao Đồng Hỷ", pointAt(105.65), "\"san_pham\":\"ca cao\""},
         {"NN-BO", "Vùng bơ Võ Nhai", pointAt(105.70), "\"san_pham\":\"bơ\""},
         {"NN-TOMLUA", "Vùng tôm - lúa Phú Bình", pointAt(105.75), "\"san_pham\":\"tôm - lúa\""}});
    const auto all = sample.suggestPlan(
        "sp", "1. Sở Nông nghiệp và Môi trường chủ trì phát triển chuỗi giá trị chuối.\n\n"
              "2. Sở Nông nghiệp và Môi trường chủ trì phát triển cây ca cao, cây bơ.\n\n"
              "3. Sở Nông nghiệp và Môi trường chủ trì nhân rộng mô hình tôm - lúa.\n");
    // "chuỗi" of "chuỗi giá trị" is no "chuối": the product after it is
    EXPECT_EQ(codesOf(all, sample.task("chuỗi giá trị", "sp"), ""),
              std::set<std::string>{"NN-CHUOI"});
    EXPECT_EQ(codesOf(all, sample.task("cây bơ", "sp"), ""),
              (std::set<std::string>{"NN-CACAO", "NN-BO"}));
    EXPECT_EQ(codesOf(all, sample.task("mô hình", "sp"), ""), std::set<std::string>{"NN-TOMLUA"});
}

TEST(PlanLinks, NationalParksAndReservesCountedByWhatTheyAreCalled)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    importNamed(sample, "rung.geojson", "forest",
                {{"R-VQG", "Vườn quốc gia Tam Đảo", squareAt(105.60)},
                 {"R-KBT", "Khu bảo tồn thiên nhiên Thần Sa - Phượng Hoàng", squareAt(105.65)},
                 {"R-PH", "Rừng phòng hộ Núi Cốc", squareAt(105.70)}});
    const auto all = sample.suggestPlan(
        "vq", "1. Sở Nông nghiệp và Môi trường chủ trì phòng cháy, chữa cháy rừng tại các vườn "
              "quốc gia, khu bảo tồn.\n\n"
              "2. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ban Quản lý Vườn quốc gia Tam "
              "Đảo tuyên truyền bảo vệ rừng.\n");
    EXPECT_EQ(codesOf(all, sample.task("phòng cháy", "vq"), "theme"),
              (std::set<std::string>{"R-VQG", "R-KBT"}));
    // a board's name is who works with the department, not the park
    EXPECT_EQ(codesOf(all, sample.task("tuyên truyền", "vq"), ""), std::set<std::string>{});
}

TEST(PlanLinks, OneSyllableOfANameIsNoPartOfAnother)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    importNamed(sample, "ha_tang.geojson", "infrastructure",
                {{"HT-HTI", "Cửa khẩu quốc tế Hà Tiên", pointAt(105.6)}});
    importNamed(sample, "kcn.geojson", "industrial_park",
                {{"KCN-VSIP", "Khu công nghiệp VSIP Hải Sơn", pointAt(105.7)}});
    const auto all = sample.suggestPlan(
        "st", "1. Sở Nông nghiệp và Môi trường chủ trì đầu tư kè chống sạt lở bờ sông Tiền.\n\n"
              "2. Sở Công Thương chủ trì nâng cấp cửa khẩu Hà Tiên.\n\n"
              "3. Ban Quản lý các khu công nghiệp chủ trì mở rộng Khu công nghiệp VSIP.\n");
    // "Tiền" is one syllable of the river's name; "Hà Tiên" the gate's
    EXPECT_EQ(codesOf(all, sample.task("sông Tiền", "st"), ""), std::set<std::string>{});
    EXPECT_EQ(codesOf(all, sample.task("cửa khẩu", "st"), ""), std::set<std::string>{"HT-HTI"});
    // one word in capitals is a brand, a part of the park's name
    EXPECT_EQ(codesOf(all, sample.task("VSIP", "st"), "place"), std::set<std::string>{"KCN-VSIP"});
}

TEST(PlanLinks, AProvincialRoadIsNoNationalOneOfTheSameNumber)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    importNamed(sample, "duong.geojson", "road",
                {{"R-QL1", "Quốc lộ 1", lineAt(21.60)}, {"R-TL1", "Tỉnh lộ 1", lineAt(21.65)}});
    const auto all = sample.suggestPlan("tl", "1. Sở Xây dựng chủ trì nâng cấp tỉnh lộ 1.\n\n"
                                              "2. Sở Xây dựng chủ trì mở rộng QL1.\n");
    EXPECT_EQ(codesOf(all, sample.task("nâng cấp", "tl"), ""), std::set<std::string>{"R-TL1"});
    EXPECT_EQ(codesOf(all, sample.task("mở rộng", "tl"), ""), std::set<std::string>{"R-QL1"});
}

TEST(PlanLinks, ARouteIsFoundByItsNameWithoutItsTypeOrByItsWordsAlone)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    auto& ws = sample.ws;
    ws.dataset().execute(
        "UPDATE national_roads SET name_vi = 'Tuyến đường ven sông' WHERE code = 'DB-0002'");
    const auto all = sample.suggestPlan(
        "rt", "1. Sở Xây dựng chủ trì đầu tư tuyến đường ven sông đoạn qua thành phố.\n\n"
              "2. Sở Xây dựng chủ trì hoàn thành tuyến Chợ Mới - Bắc Kạn - Cao Bằng.\n\n"
              "3. Sở Văn hóa, Thể thao và Du lịch chủ trì quảng bá du lịch Thái Nguyên - Chợ "
              "Mới.\n\n"
              "4. Sở Xây dựng chủ trì cải tạo ĐT 261, DT.269, DT 271 và DT 273; diện tích DT 100 "
              "ha, "
              "quỹ đất DT 1.200 m2, DT 2.500.\n");
    auto task = [&](const std::string& words) { return sample.expectTask(words, "rt"); };
    // A name of words alone, borne by one feature: offered, less surely than a proper name.
    const auto river = task("ven sông");
    EXPECT_EQ(codesOf(all, river, "place"), std::set<std::string>{"DB-0002"});
    for (const auto& s : all)
        if (s.taskId == river)
            EXPECT_DOUBLE_EQ(s.confidence, 0.6);
    // After "tuyến", the expressway's name without "Cao tốc"; not without a route's word.
    EXPECT_EQ(codesOf(all, task("hoàn thành tuyến"), "place"), std::set<std::string>{"CT07-CMCB"});
    EXPECT_TRUE(codesOf(all, task("quảng bá"), "").empty());
    // Route codes typed with a space or without "Đ" are roads; "DT 100 ha", "DT 1.200 m2" and
    // "DT 2.500" are areas.
    const auto plan = readPlan(sample.dir.file("rt.txt"));
    ASSERT_EQ(plan.tasks.size(), 4u);
    std::set<std::string> roads;
    for (const auto& m : plan.tasks[3].places)
        roads.insert(m.text);
    EXPECT_EQ(roads, (std::set<std::string>{"ĐT 261", "DT.269", "DT 271", "DT 273"}));
}

TEST(PlanLinks, ATaskIdTypedWithoutDiacriticsIsFoundAndAnUnknownOneNamesThoseLikeIt)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    auto& ws = sample.ws;
    const auto invest = sample.task("Thu hút đầu tư");
    ASSERT_FALSE(invest.empty());
    EXPECT_EQ(resolveTaskId(ws, invest), invest);
    std::string shouted = invest;
    std::transform(shouted.begin(), shouted.end(), shouted.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    ASSERT_NE(shouted, invest);
    EXPECT_EQ(resolveTaskId(ws, shouted), invest);
    ws.dataset().run("UPDATE plan_tasks SET task_id = 'thu:Điều 2.1#1' WHERE task_id = ?",
                     {invest});
    EXPECT_EQ(resolveTaskId(ws, "thu:Dieu 2.1#1"), "thu:Điều 2.1#1");
    try {
        resolveTaskId(ws, "thu:Dieu 9.9#1");
        ADD_FAILURE() << "an unknown task was resolved";
    } catch (const pa::layers::Error& e) {
        EXPECT_NE(std::string(e.what()).find("thu:Điều 2.1#1"), std::string::npos) << e.what();
    }
}

// A reviewer's decisions, each undone or changed: rejecting an accepted suggestion takes its link
// away, reset makes it pending again, and a feature deleted since is named, not half-accepted.
TEST(PlanLinks, DecisionsOnSuggestionsCanBeChangedAndStaleOnesAreNamed)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    auto& ws = sample.ws;
    const auto all = suggestLinks(ws, "thu");
    const auto yenBinh = sample.task("Nâng cấp hạ tầng");
    ASSERT_FALSE(yenBinh.empty());
    std::int64_t id = -1;
    for (const auto& s : all)
        if (s.taskId == yenBinh && s.featureCode == "KCN-YB")
            id = s.id;
    ASSERT_GE(id, 0);
    ASSERT_EQ(acceptSuggestions(ws, {id}, 1.1), 1);
    EXPECT_EQ(listLinks(ws, yenBinh, "KCN-YB").size(), 1u);
    ASSERT_EQ(rejectSuggestions(ws, {id}), 1);
    EXPECT_TRUE(listLinks(ws, yenBinh, "KCN-YB").empty()) << "the link goes with the acceptance";
    ASSERT_EQ(resetSuggestions(ws, {id}), 1);
    ASSERT_EQ(acceptSuggestions(ws, {id}, 1.1), 1);
    EXPECT_EQ(listLinks(ws, yenBinh, "KCN-YB").size(), 1u);

    // A pending suggestion whose feature was deleted since: named, and nothing written.
    const auto [tea, teaCode] = deleteASuggestedTeaZone(ws);
    ASSERT_GE(tea, 0);
    const auto linksBefore = listLinks(ws).size();
    try {
        acceptSuggestions(ws, {}, 0.0);
        ADD_FAILURE() << "a suggestion of a deleted feature was accepted";
    } catch (const pa::layers::Error& e) {
        EXPECT_EQ(e.kind(), pa::layers::ErrorKind::Conflict);
        EXPECT_NE(std::string(e.what()).find("suggestion " + std::to_string(tea)),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(listLinks(ws).size(), linksBefore);
}

TEST(PlanLinks, SuggestingAgainKeepsTheIdsOfWhatIsStillOfferedAndNamesWhatIsGone)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    auto& ws = sample.ws;
    auto idsOf = [](const std::vector<LinkSuggestion>& all) {
        std::map<std::string, std::int64_t> ids;
        for (const auto& s : all)
            ids[s.taskId + "|" + s.featureCode] = s.id;
        return ids;
    };
    const auto first = idsOf(suggestLinks(ws, "thu"));
    ASSERT_FALSE(first.empty());
    EXPECT_EQ(idsOf(suggestLinks(ws, "thu")), first);
    EXPECT_EQ(idsOf(suggestLinks(ws)), first) << "nor when the whole workspace is suggested";

    // A feature deleted since: its suggestion is no longer offered, and deciding on it says so.
    const auto [tea, teaCode] = deleteASuggestedTeaZone(ws);
    ASSERT_GE(tea, 0);
    auto again = idsOf(suggestLinks(ws, "thu"));
    for (const auto& [key, id] : first)
        if (key.ends_with("|" + teaCode))
            EXPECT_FALSE(again.contains(key));
        else
            EXPECT_EQ(again[key], id) << key;
    for (auto decide :
         {+[](pa::layers::Workspace&w, std::int64_t id) { acceptSuggestions(w, {id}, 1.1); },
          +[](pa::layers::Workspace&w, std::int64_t id) { rejectSuggestions(w, {id}); }}) {
        try {
            decide(ws, tea);
            ADD_FAILURE() << "a suggestion no longer offered was decided";
        } catch (const pa::layers::Error& e) {
            EXPECT_EQ(e.kind(), pa::layers::ErrorKind::Conflict);
            EXPECT_NE(std::string(e.what()).find("no longer offered"), std::string::npos)
                << e.what();
        }
    }
    // An id never given is no suggestion, however many runs went before (each run's upsert
    // uses up numbers of the table's counter).
    std::int64_t highest = 0;
    for (const auto& s : listSuggestions(ws))
        highest = std::max(highest, s.id);
    try {
        acceptSuggestions(ws, {highest + 5}, 1.1);
        ADD_FAILURE() << "an id never given was accepted";
    } catch (const pa::layers::Error& e) {
        EXPECT_EQ(e.kind(), pa::layers::ErrorKind::Usage) << e.what();
    }
    // So too the newest suggestion of all, dropped when its task's words changed: the ids left
    // are all lower than its.
    const auto pending = listSuggestions(ws, "pending");
    const auto newest = std::max_element(pending.begin(), pending.end(),
                                         [](auto& a, auto& b) { return a.id < b.id; });
    ASSERT_NE(newest, pending.end());
    ws.dataset().run("UPDATE plan_tasks SET text = 'Gửi báo cáo định kỳ.' WHERE task_id = ?",
                     {newest->taskId});
    suggestLinks(ws, "thu");
    try {
        acceptSuggestions(ws, {newest->id}, 1.1);
        ADD_FAILURE() << "a suggestion no longer offered was accepted";
    } catch (const pa::layers::Error& e) {
        EXPECT_EQ(e.kind(), pa::layers::ErrorKind::Conflict) << e.what();
        EXPECT_NE(std::string(e.what()).find("no longer offered"), std::string::npos) << e.what();
    }
}

TEST(PlanLinks, TasksWithoutAPlaceGetASuggestedReasonAndAreRecordedWithIt)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    auto& ws = sample.ws;
    suggestLinks(ws, "thu");
    const auto report = sample.task("báo cáo định kỳ");
    const auto proposals = proposeReasons(ws, "thu");
    ASSERT_EQ(proposals.size(), 1u); // the other tasks have suggestions
    EXPECT_EQ(proposals[0].taskId, report);
    ASSERT_TRUE(proposals[0].suggestion.reason);
    EXPECT_EQ(proposals[0].suggestion.reason->id, "reporting");
    EXPECT_EQ(proposals[0].suggestion.evidence, "“báo cáo”");

    EXPECT_EQ(recordUnlocated(ws, {report}), 1);
    const auto unlocated = listUnlocated(ws);
    const auto it = std::find_if(unlocated.begin(), unlocated.end(),
                                 [&](const UnlocatedTask& u) { return u.taskId == report; });
    ASSERT_NE(it, unlocated.end());
    EXPECT_EQ(it->reason, proposals[0].suggestion.reason->titleVi);
    EXPECT_TRUE(proposeReasons(ws, "thu").empty());
    // An unknown task: nothing is written.
    const auto tea = sample.task("vùng chè");
    EXPECT_THROW(recordUnlocated(ws, {tea, "thu:no-such-task"}, "lý do"), pa::layers::Error);
    EXPECT_EQ(listUnlocated(ws).size(), unlocated.size());

    // The classes by their words: the main action (the opening words) weighs double, and words
    // inside an agency's name ("Sở Tài chính") say who, not what.
    auto reasonOf = [](const std::string& text) {
        const auto r = suggestReason(text);
        return r.reason ? std::string(r.reason->id) : std::string();
    };
    EXPECT_EQ(reasonOf("Đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư kinh doanh."),
              "administration");
    EXPECT_EQ(reasonOf("Tuyên truyền, quán triệt Nghị quyết đến cán bộ, đảng viên."),
              "communication");
    EXPECT_EQ(reasonOf("Đào tạo nguồn nhân lực chất lượng cao cho công nghiệp."), "training");
    EXPECT_EQ(reasonOf("Sở Tài chính phối hợp phát triển công nghiệp hỗ trợ."), "programme");
    // The whole of a department's name, its second field too ("… và Đào tạo"), in any case.
    EXPECT_EQ(reasonOf("Phối hợp với Sở Giáo dục và Đào tạo tổ chức tuyên truyền về an toàn "
                       "giao thông."),
              "communication");
    EXPECT_EQ(reasonOf("PHỐI HỢP VỚI SỞ GIÁO DỤC VÀ ĐÀO TẠO TỔ CHỨC TUYÊN TRUYỀN VỀ AN TOÀN "
                       "GIAO THÔNG."),
              "communication");
    EXPECT_EQ(reasonOf("Rà soát, hoàn thiện cơ chế, chính sách ưu đãi đầu tư."), "policy");
    // The colon of a deadline's label at the end blanks nothing.
    EXPECT_EQ(reasonOf("Sở Tài chính chủ trì rà soát, hoàn thiện cơ chế, chính sách ưu đãi đầu "
                       "tư; thời gian: thường xuyên."),
              "policy");
    EXPECT_EQ(reasonOf("Quản lý, bảo vệ và phát triển rừng phòng hộ đầu nguồn."), "no_layer");
    EXPECT_EQ(reasonOf("Ủy ban nhân dân cấp xã có trách nhiệm quản lý và bảo vệ hành lang đê "
                       "cấp IV, cấp V trên địa bàn."),
              "no_layer"); // dikes: no layer kind holds them
    // ... but not in a workspace with a forest layer, where the forest has its layer.
    const auto withForests =
        suggestReason("Quản lý, bảo vệ và phát triển rừng phòng hộ đầu nguồn.", {}, {}, {"forest"});
    ASSERT_TRUE(withForests.reason);
    EXPECT_NE(withForests.reason->id, "no_layer");
    // A place the link suggester found nothing for: the workspace has no feature of it. Not
    // when it offered something, nor the province itself or a place only an agency's name
    // holds.
    const std::set<std::string> kinds{"expressway", "industrial_park", "admin_district"};
    auto afterSuggest = [&](const std::string& text) {
        const auto r = suggestReason(text, {}, {}, kinds, "Lâm Đồng", true);
        return r.reason ? std::string(r.reason->id) : std::string();
    };
    EXPECT_EQ(afterSuggest("Sở Xây dựng chủ trì đầu tư nâng cấp cao tốc Dầu Giây – Liên Khương."),
              "no_layer");
    EXPECT_NE(suggestReason("Sở Xây dựng chủ trì đầu tư nâng cấp cao tốc Dầu Giây – Liên Khương.",
                            {}, {}, kinds, "Lâm Đồng", false)
                  .reason->id,
              "no_layer");
    EXPECT_NE(afterSuggest("UBND huyện Lâm Hà chủ trì thực hiện các nhiệm vụ được giao."),
              "no_layer");
    EXPECT_NE(afterSuggest("Sở Ngoại vụ chủ trì tăng cường liên kết với Hải Phòng, Lạng Sơn."),
              "no_layer");
    EXPECT_NE(afterSuggest("Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng chủ trì xây dựng kế "
                           "hoạch phát triển kinh tế tỉnh Lâm Đồng."),
              "no_layer");
    EXPECT_EQ(afterSuggest("Sở Tài chính chủ trì hoàn thiện cơ chế, chính sách ưu đãi đầu "
                           "tư tại huyện Đam Rông."),
              "policy");
    // Funds set aside are policy; making a place known is communication.
    EXPECT_EQ(reasonOf("Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch."), "policy");
    EXPECT_EQ(reasonOf("Sở Văn hóa, Thể thao và Du lịch chủ trì quảng bá hình ảnh của tỉnh."),
              "communication");
    // "thuê" (rent) is not "thuế" (tax); a text without diacritics is read by its letters.
    EXPECT_NE(reasonOf("Rà soát hợp đồng thuê đất của các doanh nghiệp."), "policy");
    EXPECT_EQ(reasonOf("Tăng cường quản lý thu thuế đối với hộ kinh doanh."), "policy");
    EXPECT_EQ(reasonOf("Tang cuong quan ly thu thue doi voi ho kinh doanh."), "policy");
    // No words, no reason; recording such a task needs one given.
    EXPECT_FALSE(suggestReason(" \n ").reason);
    // "As the law prescribes" says nothing of the task; the agency that opens a task before
    // its colon or "có trách nhiệm" says who; "Sơ kết" is not "Sở".
    EXPECT_EQ(reasonOf("Kiểm tra việc chấp hành pháp luật về giá của các tổ chức kinh doanh."),
              "reporting");
    // (Handling dossiers is an office's procedure; the law's words do not make it policy.)
    EXPECT_EQ(reasonOf("Giải quyết hồ sơ trong thời hạn quy định, theo quy định của pháp luật."),
              "administration");
    EXPECT_EQ(reasonOf("Triển khai trong thời hạn quy định, theo quy định của pháp luật."),
              "programme");
    EXPECT_EQ(reasonOf("Sở Giáo dục và Đào tạo: tổng hợp và gửi báo cáo giá thị trường."),
              "reporting");
    EXPECT_EQ(reasonOf("Các cơ sở giáo dục nghề nghiệp có trách nhiệm báo cáo mức học phí."),
              "reporting");
    EXPECT_EQ(reasonOf("Sơ kết, đánh giá kết quả thực hiện: báo cáo UBND tỉnh."), "reporting");
    EXPECT_EQ(reasonOf("Hướng dẫn nhà đầu tư các thủ tục đầu tư, đất đai, môi trường."),
              "administration");
}

TEST(PlanLinks, LandPricePlotsAreNotSuggestedByName)
{
    // Land-price plots and parcels are values laid over the map, by the million in a cadastral
    // layer: the suggester does not read them (a task naming one is linked by hand), while a
    // park of the same name is suggested.
    PLANATLAS_NEEDS_SAMPLE();
    pa::test::TempDir dir;
    auto ws = ThematicSample::open(dir, dir.file("tn.gpkg"));
    ws.transaction([&] {
        ws.dataset().execute(
            "UPDATE land_price_illustrative SET name_vi = 'Xã Tân Lập' WHERE code = 'GD-0001'");
        return 0;
    });
    pa::test::writeBytes(
        dir.file("gd.txt"),
        "UBND TỈNH THÁI NGUYÊN\n\nKẾ HOẠCH\nPhát triển đô thị năm 2026\n\nII. "
        "NHIỆM VỤ\n\n1. Sở Xây dựng chủ trì:\n\n- Lập quy hoạch nông thôn mới xã Tân "
        "Lập.\n\n- Đầu tư hạ tầng Khu công nghiệp Yên Bình.\n");
    storePlan(ws, readPlan(dir.file("gd.txt")), "gd", "gd.txt");
    const auto all = suggestLinks(ws, "gd");
    EXPECT_TRUE(std::none_of(all.begin(), all.end(), [](const LinkSuggestion& s) {
        return s.layer == "land_price_illustrative";
    }));
    EXPECT_TRUE(std::any_of(all.begin(), all.end(),
                            [](const LinkSuggestion& s) { return s.featureCode == "KCN-YB"; }));
}

TEST(PlanLinks, ASuggestedReasonLearnsFromTheReasonsGivenToTasksWordedLikeIt)
{
    // A forest-protection plan in a workspace with no forest layer: its reviewer records the
    // first such task as spatial with no layer; the next one, worded alike but with no class's
    // words, leans to that reason and says which task it follows.
    const std::string next = "Duy trì hoạt động của các tổ đội quần chúng bảo vệ rừng ở thôn, bản.";
    const auto cold = suggestReason(next);
    ASSERT_TRUE(cold.reason);
    EXPECT_EQ(cold.reason->id, "programme");
    EXPECT_TRUE(cold.likeTask.empty());

    const auto classNamed = [](std::string_view id) -> const ReasonClass& {
        const auto* c = findReasonClass(id);
        if (!c)
            throw std::runtime_error("no reason class " + std::string(id));
        return *c;
    };
    ReviewedReasons reviewed;
    reviewed.add("qn:Điều 6.1#1",
                 "Tuyên truyền, phổ biến kiến thức phòng cháy trên sóng phát thanh.",
                 classNamed("communication"));
    // Alone, a task worded otherwise changes nothing.
    EXPECT_EQ(suggestReason(next, reviewed).reason->id, "programme");
    reviewed.add("qn:Điều 6.2#1", "Duy trì hoạt động của các tổ đội bảo vệ rừng ở các xã vùng cao.",
                 classNamed("no_layer"));
    const auto learnt = suggestReason(next, reviewed, "qn:Điều 6.3#1");
    EXPECT_EQ(learnt.reason->id, "no_layer");
    EXPECT_EQ(learnt.likeTask, "qn:Điều 6.2#1");
    // A task is not its own example: recorded once, suggesting it again reads the others.
    reviewed.add("qn:Điều 6.3#1", next, classNamed("training"));
    EXPECT_EQ(suggestReason(next, reviewed, "qn:Điều 6.3#1").reason->id, "no_layer");
    // Class words that open the task still decide over one reviewed task's likeness (five much
    // alike ones could outweigh them); the reviewed task is then not named.
    const auto report =
        suggestReason("Báo cáo kết quả duy trì hoạt động của các tổ đội bảo vệ rừng.", reviewed);
    EXPECT_EQ(report.reason->id, "reporting");
    EXPECT_TRUE(report.likeTask.empty());
    // ... but a task worded exactly as a reviewed one is decided as it was, whatever its words
    // say (two appraisal steps of Đắk Lắk CT 010, the same sentence under two headings).
    const std::string appraisal = "Đánh giá nhu cầu sử dụng đất phù hợp với mục tiêu, quy mô, "
                                  "địa điểm, yêu cầu hoạt động của dự án;";
    ASSERT_EQ(suggestReason(appraisal).reason->id, "no_layer");
    reviewed.add("dl:I.2.2.a#2", appraisal, classNamed("administration"));
    const auto same = suggestReason(appraisal, reviewed, "dl:I.2.2.g#2");
    EXPECT_EQ(same.reason->id, "administration");
    EXPECT_EQ(same.likeTask, "dl:I.2.2.a#2");

    // A recorded reason is one of the classes by its title, whatever the letter case, the
    // diacritics or the final full stop; a reason in other words is not learnt from.
    const auto* admin = ReviewedReasons::classOf(
        "không gắn với địa điểm: cải cách hành chính, bộ máy, môi trường đầu tư.");
    ASSERT_TRUE(admin);
    EXPECT_EQ(admin->id, "administration");
    ASSERT_TRUE(ReviewedReasons::classOf("No place: mechanisms, policies, finance"));
    EXPECT_EQ(ReviewedReasons::classOf("Khong gan voi dia diem: co che, chinh sach, tai chinh")->id,
              "policy");
    EXPECT_FALSE(ReviewedReasons::classOf("Bảng giá đất toàn tỉnh; không liên kết."));
    EXPECT_FALSE(ReviewedReasons::classOf(""));
}

TEST(PlanLinks, TheWorkspacesRecordedReasonsAreWhatItsSuggestionsLearnFrom)
{
    PLANATLAS_NEEDS_SAMPLE();
    ThematicSample sample;
    auto& ws = sample.ws;
    const std::size_t before = reviewedReasons(ws, "thu").size();
    const auto report = sample.task("báo cáo định kỳ");
    const auto tea = sample.task("vùng chè");
    ASSERT_FALSE(report.empty());
    ASSERT_FALSE(tea.empty());
    // The suggested reason (a class's title) is learnt from; a reason typed in other words is not.
    EXPECT_EQ(recordUnlocated(ws, {report}), 1);
    EXPECT_EQ(reviewedReasons(ws, "thu").size(), before + 1);
    EXPECT_EQ(recordUnlocated(ws, {tea}, "Vùng chè đã có lớp riêng"), 1);
    EXPECT_EQ(reviewedReasons(ws, "thu").size(), before + 1);
    // Only the document's own tasks are learnt from.
    EXPECT_EQ(reviewedReasons(ws, "another-document").size(), 0u);
    forgetUnlocated(ws, {report, tea});
    EXPECT_EQ(reviewedReasons(ws, "thu").size(), before);
    // Each task with its own reason in one call (the dock's Accept: the reasons it shows), or
    // the suggested one where none is given; an unknown task writes nothing.
    const std::string policy(
        ReviewedReasons::classOf("No place: mechanisms, policies, finance")->titleVi);
    EXPECT_THROW(recordUnlocated(ws, std::vector<UnlocatedTask>{{report, policy},
                                                                {"thu:no-such-task", policy}}),
                 pa::layers::Error);
    EXPECT_EQ(reviewedReasons(ws, "thu").size(), before);
    const auto teaText = ws.dataset().run("SELECT text FROM plan_tasks WHERE task_id = ?", {tea});
    const std::string teaSuggested(
        suggestReason(pa::gis::toString(teaText.rows.at(0).at(0)), reviewedReasons(ws, "thu"), tea)
            .reason->titleVi);
    EXPECT_EQ(recordUnlocated(ws, std::vector<UnlocatedTask>{{report, policy}, {tea, ""}}), 2);
    std::map<std::string, std::string> recorded;
    for (const auto& u : listUnlocated(ws))
        recorded[u.taskId] = u.reason;
    EXPECT_EQ(recorded[report], policy);
    EXPECT_EQ(recorded[tea], teaSuggested);
}

TEST(PlanLinks, AUnitMergedIntoAnotherAlsoSuggestsTheUnitThatCarriesItOn)
{
    PLANATLAS_NEEDS_SAMPLE();
    pa::test::TempDir dir;
    const auto path = dir.file("th.gpkg");
    std::filesystem::copy_file(pa::test::sampleWorkspaceThanhHoa(), path);
    auto ws = pa::layers::Workspace::open(path, pa::gis::OpenMode::Update);
    pa::test::writeBytes(
        dir.file("ds.txt"),
        "UBND TỈNH THANH HÓA\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do "
        "- Hạnh phúc\n\nSố: 7/KH-UBND\n\nThanh Hóa, ngày 10 tháng 5 năm "
        "2024\n\nKẾ HOẠCH\nPhát triển đô thị năm 2024\n\nII. NHIỆM VỤ VÀ GIẢI "
        "PHÁP\n\n1. Sở Xây dựng chủ trì:\n\n- Lập quy hoạch phân khu đô thị tại "
        "huyện Đông Sơn.\n");
    storePlan(ws, readPlan(dir.file("ds.txt")), "ds", "ds.txt");
    const auto all = suggestLinks(ws, "ds");
    // The district as named, and — from the crosswalk (Đông Sơn merged into Thành phố Thanh
    // Hóa on 1 December 2024) — the enlarged city, less sure, saying why.
    const auto named = std::find_if(all.begin(), all.end(), [](const LinkSuggestion& s) {
        return s.rule == "place" && s.featureName == "Đông Sơn";
    });
    const auto successor = std::find_if(all.begin(), all.end(), [](const LinkSuggestion& s) {
        return s.rule == "place-successor";
    });
    ASSERT_NE(named, all.end());
    ASSERT_NE(successor, all.end());
    EXPECT_EQ(successor->featureCode, "TH-HUYEN-TPTH-2024");
    EXPECT_LT(successor->confidence, named->confidence);
    EXPECT_EQ(successor->evidence, "“huyện Đông Sơn” → Thành phố Thanh Hóa (sau khi nhập huyện "
                                   "Đông Sơn): Đông Sơn nhập vào từ 01/12/2024");
}

TEST(PlanDocumentView, TasksAreFoundInTheTextTheyWereReadFrom)
{
    // Synthetic: marks, case, diacritics and line breaks differ between the text and the task.
    const std::string text = "II. NHIỆM VỤ\n1. Phát triển công nghiệp\na) Đầu tư  hạ tầng khu\n"
                             "công nghiệp Yên Bình.\nb) Thu hút đầu tư vào cụm công nghiệp.\n";
    const auto spans = pa::plan::taskSpans(text, {"Đầu tư hạ tầng khu công nghiệp Yên Bình.",
                                                  "Thu hút đầu tư vào cụm công nghiệp.",
                                                  "Một nhiệm vụ đã được viết lại hoàn toàn"});
    ASSERT_EQ(spans.size(), 3U);
    ASSERT_TRUE(spans[0] && spans[1]);
    EXPECT_EQ(text.substr(spans[0]->first, spans[0]->second - spans[0]->first),
              "Đầu tư  hạ tầng khu\ncông nghiệp Yên Bình.");
    EXPECT_EQ(text.substr(spans[1]->first, spans[1]->second - spans[1]->first),
              "Thu hút đầu tư vào cụm công nghiệp.");
    EXPECT_FALSE(spans[2]);
}

TEST(PlanDocumentView, TheSampleTasksStandInTheirDocuments)
{
    PLANATLAS_NEEDS_SAMPLE();
    auto ws = pa::layers::Workspace::open(pa::test::sampleWorkspace().string(),
                                          pa::gis::OpenMode::ReadOnly);
    const auto overview = pa::plan::readPlanOverview(ws);
    ASSERT_FALSE(overview.documents.empty());
    for (const auto& doc : overview.documents) {
        const auto text = pa::plan::documentText(ws, doc.docId);
        ASSERT_FALSE(text.empty()) << doc.docId;
        std::vector<std::string> texts;
        for (const auto& t : doc.tasks)
            texts.push_back(t.text);
        const auto spans = pa::plan::taskSpans(text, texts);
        std::size_t found = 0, last = 0;
        for (const auto& s : spans)
            if (s) {
                ++found;
                EXPECT_GE(s->first, last) << doc.docId; // in document order
                last = s->second;
            }
        // Every task the reader read is shown where it stands, but for a rare one.
        EXPECT_GE(static_cast<double>(found), 0.95 * static_cast<double>(spans.size()))
            << doc.docId << ": " << found << " of " << spans.size();
        std::printf("%s: %zu of %zu tasks located\n", doc.docId.c_str(), found, spans.size());
    }
}
