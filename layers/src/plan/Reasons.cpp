// Suggested reasons for tasks without a place: the words of each class, weighed.

#include "Agencies_p.h"
#include "Places_p.h"
#include "Topics_p.h"
#include "Words_p.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/plan/Links.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace pa::plan {

namespace {

constexpr std::array<ReasonClass, 7> kReasons = {{
    {"policy", "Không gắn với địa điểm: cơ chế, chính sách, tài chính",
     "No place: mechanisms, policies, finance"},
    {"administration", "Không gắn với địa điểm: cải cách hành chính, bộ máy, môi trường đầu tư",
     "No place: administrative reform, organisation, business environment"},
    {"training", "Không gắn với địa điểm: giáo dục, đào tạo, nguồn nhân lực, lao động",
     "No place: education, training, human resources, labour"},
    {"communication", "Không gắn với địa điểm: tuyên truyền, nâng cao nhận thức",
     "No place: communication, awareness"},
    {"reporting", "Không gắn với địa điểm: tổ chức thực hiện, theo dõi, kiểm tra, báo cáo",
     "No place: implementation, monitoring, reporting"},
    {"programme", "Không gắn với địa điểm: chương trình, định hướng phát triển chung toàn tỉnh",
     "No place: province-wide programme or development direction"},
    {"no_layer", "Có tính không gian nhưng không gian làm việc chưa có lớp tương ứng",
     "Spatial, but the workspace has no layer for it"},
}};

struct Cue
{
    std::string_view words; ///< folded
    std::size_t reason;     ///< index in kReasons
    double weight;
    /// Words for a kind of body ("trường đại học", "hợp tác xã") that, met after a comma in a
    /// list of such bodies, name whom the task works with or serves, not what it does.
    bool body = false;
    /// As written with its diacritics, where its letters alone say another word too ("thuế",
    /// tax, is not "thuê", rent); text that lost its diacritics is read by the letters.
    std::string_view written = {};
    /// For a place with no layer: the layer kind that would hold it. A workspace with a layer
    /// of that kind has one, and the words are no sign of the class there.
    std::string_view kind = {};
};

// The words each class is known by (folded). Longer, more specific phrases weigh more.
constexpr Cue kCues[] = {
    {"tuyen truyen", 3, 3},
    {"quan triet", 3, 3},
    {"nang cao nhan thuc", 3, 3},
    {"pho bien", 3, 1.5},
    {"thi dua", 3, 2},
    {"van dong", 3, 1},
    {"bao cao", 4, 1.5},
    {"theo doi", 4, 1.5},
    {"don doc", 4, 2},
    {"kiem tra, giam sat", 4, 2},
    {"so ket", 4, 2.5},
    {"tong ket", 4, 2.5},
    {"danh gia ket qua", 4, 2},
    {"to chuc thuc hien", 4, 1.5},
    {"xay dung ke hoach", 4, 2},
    {"ke hoach thuc hien", 4, 2},
    {"cu the hoa", 4, 2},
    {"sua doi, bo sung", 4, 1.5},
    {"chuong trinh cong tac", 4, 2},
    {"chi dao cac so", 4, 1.5},
    {"dao tao", 2, 2},
    {"nguon nhan luc", 2, 2.5},
    {"giao duc", 2, 2},
    {"lao dong", 2, 1.5},
    {"viec lam", 2, 2},
    {"nhan tai", 2, 2},
    {"nghe nghiep", 2, 1.5},
    {"day nghe", 2, 2},
    {"ky nang", 2, 1},
    {"doi ngu", 2, 1.5},
    {"cai cach hanh chinh", 1, 3},
    {"thu tuc hanh chinh", 1, 3},
    {"moi truong dau tu", 1, 2.5},
    {"moi truong kinh doanh", 1, 2.5},
    {"nang luc canh tranh cap tinh", 1, 2.5},
    {"chinh quyen so", 1, 2},
    {"chinh phu dien tu", 1, 2},
    {"bo may", 1, 2},
    {"kien toan", 1, 2},
    {"sap xep", 1, 1.5},
    {"doanh nghiep nha nuoc", 1, 2.5},
    {"co phan hoa", 1, 2.5},
    {"thoai von", 1, 2.5},
    {"von nha nuoc", 1, 2},
    {"mot cua", 1, 2},
    {"thanh tra", 1, 1.5},
    {"co che", 0, 2},
    {"chinh sach", 0, 2},
    {"quy dinh", 0, 1},
    {"phap luat", 0, 1},
    {"the che", 0, 2},
    {"ngan sach", 0, 2.5},
    {"thu noi dia", 0, 2.5},
    {"von dau tu cong", 0, 2.5},
    {"dau tu cong", 0, 1.5},
    {"tin dung", 0, 2},
    {"thue", 0, 1.5, false, "thuế"},
    // Money and means raised: policy; forces and equipment called out are operations.
    {"huy dong von", 0, 2},
    {"huy dong nguon", 0, 2},
    {"huy dong cac nguon", 0, 2},
    {"nguon luc", 0, 1},
    {"xa hoi hoa", 0, 2},
    {"uu dai", 0, 2},
    {"tai chinh", 0, 1.5},
    // Forest as land the task acts on (not a forest where something else is done). ("trồng
    // rừng", planting, is not among them: folded, it is also "trong rừng", in the forest.)
    {"dat rung", 6, 1.5, false, {}, "forest"},
    {"dien tich rung", 6, 1.5, false, {}, "forest"},
    {"che phu rung", 6, 1.5, false, {}, "forest"},
    {"phat trien rung", 6, 1.5, false, {}, "forest"},
    {"rung phong ho", 6, 1.5, false, {}, "forest"},
    {"rung dac dung", 6, 1.5, false, {}, "forest"},
    {"rung san xuat", 6, 1.5, false, {}, "forest"},
    {"dai hoc", 6, 2.5, true},
    {"benh vien", 6, 2.5},
    {"bang gia dat", 6, 3, false, {}, "land_price"},
    {"su dung dat", 6, 1},
    {"thiet che van hoa", 6, 2.5},
    {"co so y te", 6, 2},
    {"phat trien cong nghiep", 5, 1.5},
    {"phat trien nganh", 5, 1.5},
    {"khoa hoc", 5, 1.5},
    {"chuyen doi so", 5, 1.5},
    {"kinh te so", 5, 1.5},
    {"du lich", 5, 1.5},
    {"co cau lai", 5, 1.5},
    {"giam ngheo", 5, 2},
    {"quan ly nha nuoc", 1, 2},
    {"cap phep", 1, 1.5},
    {"tham dinh", 1, 1.5},
    {"tieu chuan, do luong", 1, 1.5},
    {"chinh quyen dien tu", 1, 2.5},
    {"hanh chinh cong", 1, 2.5},
    {"co che mot cua", 1, 3},
    {"truyen thong", 3, 1.5},
    {"du luan", 3, 2},
    {"giam sat viec thuc hien", 4, 3},
    {"quoc phong", 5, 2},
    {"an ninh", 5, 1.5},
    {"y te", 5, 1.5},
    {"suc khoe", 5, 1.5},
    {"dan so", 5, 1.5},
    {"dan toc", 5, 1.5},
    {"thuong mai", 5, 1.5},
    {"hop tac xa", 5, 1.5, true},
    {"van hoa", 5, 1},
    // Checking and overseeing, when they are what the task does.
    {"kiem tra", 4, 1},
    {"giam sat", 4, 1},
    // Procedures an office runs (investment, environment, land) and its appraisals of a
    // project: administration.
    {"thu tuc", 1, 1.5},
    {"danh gia su phu hop", 1, 2},
    // Prices the province sets, stabilises or registers: a finance matter.
    {"binh on gia", 0, 2.5},
    {"dinh gia", 0, 2},
    {"ke khai gia", 0, 2},
    // The steps of an investment procedure (Luật Đầu tư): an investor's project appraised,
    // opinions sought, the investor's problems answered.
    {"nha dau tu", 1, 1.5},
    {"du an dau tu", 1, 1.5},
    {"chu truong dau tu", 1, 2},
    {"lay y kien", 1, 1.5},
    {"dap ung dieu kien", 1, 1.5},
    {"dang ky dau tu", 1, 2},
    {"vuong mac", 1, 1},
    // An agency's own database.
    {"co so du lieu", 1, 2},
    // Regulations the province issues.
    {"quy che", 0, 1.5},
    // Land registration and the dossiers an office receives, checks and hands over.
    {"giay chung nhan", 1, 2},
    {"dang ky dat dai", 1, 2},
    {"tiep nhan", 1, 1.5},
    {"ho so", 1, 1.5},
    {"ban giao", 1, 1},
    // Watching over an area and directing those who do.
    {"tuan tra", 4, 2},
    {"canh phong", 4, 2},
    {"chi dao trien khai", 4, 1.5},
    // Forecasting and warning: watching over what happens.
    {"du bao", 4, 1.5},
    {"canh bao", 4, 1.5},
    // Support schemes: policy.
    {"chuong trinh ho tro", 0, 2},
    // Funds set aside: policy.
    {"bo tri kinh phi", 0, 2},
    {"bo tri von", 0, 2},
    {"bo tri nguon von", 0, 2},
    // Making a place or a product known.
    {"quang ba", 3, 1.5},
    {"de an ho tro", 0, 2},
    {"khuyen cong", 0, 2},
    {"khuyen nong", 0, 2},
    // Rules the province drafts.
    {"quy chuan ky thuat", 0, 2},
    // Courses and teaching.
    {"tap huan", 2, 2},
    {"boi duong", 2, 2},
    {"giang day", 2, 2},
    // News given out.
    {"dua tin", 3, 2.5},
    {"thong tin dai chung", 3, 2},
    // Plans an agency draws up and carries out within its remit; inspections and enforcement.
    {"trien khai ke hoach", 4, 2},
    {"can cu chuc nang, nhiem vu", 4, 1.5},
    {"to chuc thanh tra", 4, 2},
    {"thanh tra, kiem tra", 4, 2},
    {"phat hien va xu ly", 4, 2},
    {"vi pham", 4, 1.5},
    // Development programmes of a sector with no place.
    {"de an phat trien", 5, 1.5},
    {"xa hoi so", 5, 1.5},
    // Networks and plants a planning workspace has no layer for.
    {"xu ly nuoc thai", 6, 2.5},
    {"mang luoi cap nuoc", 6, 2.5},
    {"he thong thoat nuoc", 6, 2},
    {"cong trinh thoat nuoc", 6, 2},
    {"ho dieu hoa", 6, 2},
    {"bun thai", 6, 1.5},
    {"de dieu", 6, 2.5, false, "đê điều"},           // dikes: no layer kind holds them
    {"hanh lang de", 6, 2.5, false, "hành lang đê"}, // "hành lang đê cấp IV"
    {"chat thai ran", 6, 2.5},                       // landfills and treatment plants
    {"xu ly chat thai", 6, 2.5},
    {"bai rac", 6, 2},
    {"cong trinh thuy loi", 6, 2}, // irrigation works, pumping stations, embankments
    {"tram bom", 6, 2},
    {"ke chong sat lo", 6, 2.5, false, "kè chống sạt lở"},
    {"ho chua nuoc", 6, 2, false, {}, "infrastructure"},
    // Counting what the province holds, and assessing how far something has come: watching
    // over it.
    {"kiem ke", 4, 2},
    {"danh gia muc do", 4, 1.5},
    {"danh gia hien trang", 4, 1.5},
    // Meetings and visits to learn from others.
    {"hoc tap kinh nghiem", 2, 2},
    {"hoi thao", 2, 1},
    // Praise and awards: emulation.
    {"khen thuong", 3, 2},
    {"bieu duong", 3, 2},
    {"ton vinh", 3, 2},
    {"chuyen muc", 3, 1.5},
    // Bodies set up to run something.
    {"thanh lap", 1, 1.5},
};

// Phrases that say "as the law prescribes" and nothing about what the task is: their
// "quy định", "pháp luật" are no sign of a policy task.
constexpr std::string_view kBoilerplate[] = {
    "theo quy dinh cua phap luat",
    "quy dinh cua phap luat",
    "theo dung quy dinh",
    "theo quy dinh",
    "dung quy dinh",
    "thoi han quy dinh",
    "thoi gian quy dinh",
    "chap hanh phap luat",
};

// How a task that opens with the agency doing it begins ("Sở Giáo dục và Đào tạo: …"): the
// name says who, not what. Written as in the text: "Sở" is not "sơ kết", "Ban Quản lý" not
// "ban hành".
constexpr std::string_view kAgencyHeads[] = {
    "Sở ",       "Các sở",      "Các Sở",    "Ban Quản lý", "Ban quản lý", "Bộ ",
    "Ủy ban",    "Uỷ ban",      "UBND",      "Công an",     "Cục ",        "Chi cục",
    "Văn phòng", "Các cơ quan", "Các cơ sở", "Các đơn vị",  "Cơ quan",     "Kho bạc",
};

/// @p f's folded text (of @p text) with what says nothing of the task's kind blanked out
/// (offsets kept): boilerplate, and the names of departments and ministries, which join two
/// fields ("phối hợp với Sở Giáo dục và Đào tạo" says who, not that the task trains). Other
/// bodies' names say what the task is about ("Văn phòng đăng ký đất đai").
std::string withoutBoilerplate(const text::FoldedText& f, const std::string& text)
{
    std::string folded = f.folded;
    for (const auto& m : findAgencies(text, f, {})) {
        // (In any case, with or without diacritics: "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "So Giao duc".)
        if (const std::string name = text::foldForMatch(m.written);
            !name.starts_with("so ") && !name.starts_with("bo "))
            continue;
        const std::size_t from = std::min(f.foldedAt(m.begin), folded.size());
        const std::size_t to = std::min(f.foldedAt(m.end), folded.size());
        if (to > from)
            folded.replace(from, to - from, to - from, ' ');
    }
    for (const auto phrase : kBoilerplate)
        for (std::size_t p = findWords(folded, phrase); p != std::string::npos;
             p = findWords(folded, phrase, p + phrase.size()))
            folded.replace(p, phrase.size(), phrase.size(), ' ');
    // "Sở X: …" and "Các cơ sở X có trách nhiệm …": what comes after says what is done.
    for (const std::string_view after :
         {std::string_view(":"), std::string_view(" co trach nhiem ")}) {
        const std::size_t at = folded.find(after);
        // (Not the colon of a later label: "Sở Tư pháp chủ trì rà soát …; thời gian: thường
        // xuyên".)
        if (at == std::string::npos || at >= 100 || folded.find(';') < at ||
            findWords(folded.substr(0, at), "chu tri") != std::string::npos)
            continue;
        for (const auto head : kAgencyHeads)
            if (text.starts_with(head)) {
                folded.replace(0, at, at, ' ');
                break;
            }
    }
    return folded;
}

/// Whether the words at @p p of @p F follow a comma in a list ("doanh nghiệp, viện nghiên cứu,
/// trường đại học"), a kind of body word ("trường", "các") between.
bool isListed(std::string_view F, std::size_t p)
{
    std::size_t q = p;
    for (const std::string_view kind : {"truong ", "cac "})
        if (q >= kind.size() && F.substr(q - kind.size(), kind.size()) == kind)
            q -= kind.size();
    return q >= 2 && F.substr(q - 2, 2) == ", ";
}

/// The words of a task a reviewed one is compared by: each word and each pair of neighbouring
/// words of @p F (folded, boilerplate and agency blanked out), the first six again marked as
/// its opening; sorted, once each.
std::vector<std::string> wordsOf(std::string_view F)
{
    std::vector<std::string> words;
    for (std::size_t p = 0; p < F.size();) {
        while (p < F.size() && !wordChar(F[p]))
            ++p;
        std::size_t end = p;
        while (end < F.size() && wordChar(F[end]))
            ++end;
        if (end > p)
            words.emplace_back(F.substr(p, end - p));
        p = end;
    }
    constexpr std::size_t kOpening = 6;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        out.push_back(words[i]);
        if (i + 1 < words.size())
            out.push_back(words[i] + ' ' + words[i + 1]);
        if (i < kOpening) {
            out.push_back('^' + words[i]);
            if (i + 1 < std::min(words.size(), kOpening))
                out.push_back('^' + words[i] + ' ' + words[i + 1]);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// How alike two tasks' words are (0 to 1): the words they share over the geometric mean of
/// their counts.
double alike(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
    if (a.empty() || b.empty())
        return 0;
    std::size_t shared = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        const int c = i->compare(*j);
        shared += c == 0;
        i += c <= 0;
        j += c >= 0;
    }
    return double(shared) / std::sqrt(double(a.size()) * double(b.size()));
}

} // namespace

/// What suggestReason reads of the reviewed tasks.
struct ReviewedReasonsAccess
{
    using Entry = ReviewedReasons::Entry;
    static const std::vector<Entry>& entries(const ReviewedReasons& r) { return r.m_entries; }
};

void ReviewedReasons::add(std::string taskId, const std::string& text, const ReasonClass& reason)
{
    const ReasonClass* known = findReasonClass(reason.id); // the table's own, by id
    if (!known)
        return;
    const text::FoldedText folded = text::foldWithOffsets(text);
    m_entries.push_back({std::move(taskId), static_cast<std::size_t>(known - kReasons.data()),
                         wordsOf(withoutBoilerplate(folded, text))});
}

const ReasonClass* ReviewedReasons::classOf(const std::string& recorded)
{
    // The classes' titles folded once: a workspace's every recorded reason is read through here.
    static const auto titles = [] {
        std::array<std::pair<std::string, std::string>, kReasons.size()> out;
        for (std::size_t i = 0; i < kReasons.size(); ++i)
            out[i] = {text::foldForMatch(kReasons[i].titleVi),
                      text::foldForMatch(kReasons[i].titleEn)};
        return out;
    }();
    std::string said = text::foldForMatch(recorded);
    while (!said.empty() && (said.back() == '.' || said.back() == ' '))
        said.pop_back();
    for (std::size_t i = 0; i < kReasons.size(); ++i)
        if (said == titles[i].first || said == titles[i].second)
            return &kReasons[i];
    return nullptr;
}

std::span<const ReasonClass> reasonClasses()
{
    return kReasons;
}

const ReasonClass* findReasonClass(std::string_view id)
{
    for (const auto& r : kReasons)
        if (r.id == id)
            return &r;
    return nullptr;
}

ReasonSuggestion suggestReason(const std::string& taskText, const ReviewedReasons& reviewed,
                               const std::string& taskId, const std::set<std::string>& kinds,
                               const std::string& province, bool suggestedNothing)
{
    const text::FoldedText folded = text::foldWithOffsets(taskText);
    // No words, no reason to suggest (a task whose text was lost).
    if (std::none_of(folded.folded.begin(), folded.folded.end(), wordChar))
        return {};
    const bool accented = hasDiacritics(taskText);
    const std::string F = withoutBoilerplate(folded, taskText);
    // The opening words name the task's main action; they are counted from the first word
    // left, past an agency's name blanked out above.
    const std::size_t start = std::min(F.find_first_not_of(' '), F.size());
    std::size_t opening = start;
    for (int words = 0; opening < F.size() && words < 8; ++words) {
        opening = F.find(' ', opening + 1);
        if (opening == std::string::npos)
            opening = F.size();
    }
    std::array<double, kReasons.size()> score{};
    std::array<std::string, kReasons.size()> evidence;
    std::array<std::size_t, kReasons.size()> first;
    first.fill(std::string::npos);
    for (const auto& cue : kCues) {
        if (!cue.kind.empty() && kinds.contains(std::string(cue.kind)))
            continue;
        for (std::size_t p = findWords(F, cue.words); p != std::string::npos;
             p = findWords(F, cue.words, p + 1)) {
            const std::size_t end = p + cue.words.size();
            if (!cue.written.empty() &&
                !writtenAt(taskText, folded, p, cue.words.size(), cue.written, accented))
                continue;
            // In an agency's name the words say who, not what: "Sở Tài chính", "Bộ Lao động".
            if (p >= 3 && (F.compare(p - 3, 3, "so ") == 0 || F.compare(p - 3, 3, "bo ") == 0) &&
                (p == 3 || !wordChar(F[p - 4])) && taskText[folded.origin[p - 3]] != 's' &&
                taskText[folded.origin[p - 3]] != 'b')
                continue;
            if (cue.body && isListed(F, p))
                continue;
            // The task's first words are its verb: "Kiểm tra …", "Đánh giá …".
            score[cue.reason] += cue.weight * (p == start ? 3.0 : p < opening ? 2.0 : 1.0);
            if (p < first[cue.reason]) {
                first[cue.reason] = p;
                evidence[cue.reason] =
                    "“" + taskText.substr(folded.origin[p], folded.origin[end] - folded.origin[p]) +
                    "”";
            }
            break; // each cue once
        }
    }
    // Spatial, with no layer to hold it: words at folded offset @p p, quoted as @p words.
    // (Weighed as a class word met once, below the verb that opens the task: "báo cáo tình hình
    // các khu kinh tế" reports.)
    auto noLayer = [&](std::size_t p, const std::string& words) {
        constexpr std::size_t kNoLayer = 6;
        score[kNoLayer] += 1.0 * (p == start ? 3.0 : p < opening ? 2.0 : 1.0);
        if (p < first[kNoLayer]) {
            first[kNoLayer] = p;
            evidence[kNoLayer] = "“" + words + "”";
        }
    };
    // A kind of place the workspace has no layer of, named as tasks name kinds ("phát triển
    // trung tâm logistics", "các khu kinh tế"): spatial, with no layer to hold it. Kinds whose
    // words are cues above (forests, land prices) are counted there. (No kinds: the workspace
    // is not known.)
    {
        std::set<std::string> missing;
        for (const auto& kind : layers::layerKinds())
            if (!kind.topics.empty() && !kinds.contains(std::string(kind.id)) &&
                std::none_of(std::begin(kCues), std::end(kCues),
                             [&](const Cue& c) { return c.kind == kind.id; }))
                missing.insert(std::string(kind.id));
        if (!kinds.empty() && !missing.empty())
            for (const auto& topic : findTopics(taskText, missing, {}, {}, findPlaces(taskText, {}),
                                                boardNames(taskText, folded, {})))
                noLayer(folded.foldedAt(topic.offset), topic.text);
    }
    // A place the task names that the suggester found nothing for: spatial, and the workspace
    // has no feature of it (weighed as a kind with no layer). Not the province itself, another
    // province worked with, a name with no type word, nor a place in a board's or another
    // body's name ("UBND huyện Đại Từ").
    if (suggestedNothing && !kinds.empty()) {
        const auto boards = boardNames(taskText, folded, province);
        const auto bodies = grammarAgencies(taskText, folded); // "UBND huyện Hoành Bồ"
        const std::string own = text::foldForMatch(province);
        for (const auto& m : findPlaces(taskText, province)) {
            // (A name with no type word, "Hải Phòng, Lạng Sơn", may be a province worked with.)
            if (m.type == "admin_province" || m.type == "admin_unit" ||
                (!own.empty() && text::foldForMatch(m.name) == own))
                continue;
            const std::size_t at = namedOutsideBoards(taskText, folded, boards, m);
            if (at == std::string::npos)
                continue;
            const std::size_t p = folded.foldedAt(at);
            if (std::none_of(bodies.begin(), bodies.end(),
                             [&](const GrammarName& b) { return b.begin <= p && p < b.end; }))
                noLayer(p, m.text);
        }
    }
    // What the class words alone give, before the reviewed tasks weigh in.
    const auto bestOf = [&] {
        std::size_t best = 5; // programme when no class's words occur
        for (std::size_t i = 0; i < kReasons.size(); ++i)
            if (score[i] > score[best] ||
                (score[i] == score[best] && score[i] > 0 && first[i] < first[best]))
                best = i;
        return best;
    };
    const std::size_t byWords = bestOf();
    const bool wordsSaidIt = score[byWords] > 0;
    // The reviewed tasks worded most like this one: each adds how alike they are (up to 1) to
    // the reason it was given, the five most alike and alike enough only. Five much alike tasks
    // outweigh a class word met once in the body of the task, seldom one that opens it (a cue's
    // weight times 3).
    constexpr std::size_t kNeighbours = 5;
    constexpr double kAlikeEnough = 0.2, kSameWords = 0.999;
    std::array<std::string, kReasons.size()> likeTask;
    if (reviewed.size() > 0) {
        const auto words = wordsOf(F);
        std::vector<std::pair<double, const ReviewedReasonsAccess::Entry*>> near;
        for (const auto& e : ReviewedReasonsAccess::entries(reviewed))
            if (e.taskId != taskId || taskId.empty())
                if (const double a = alike(words, e.words); a >= kAlikeEnough)
                    near.emplace_back(a, &e);
        std::stable_sort(near.begin(), near.end(),
                         [](const auto& x, const auto& y) { return x.first > y.first; });
        near.resize(std::min(near.size(), kNeighbours));
        for (const auto& [a, e] : near) {
            // A task worded as a reviewed one is decided as it was: the reviewer has read
            // these very words.
            score[e->reason] += a >= kSameWords ? 100.0 : a;
            if (likeTask[e->reason].empty())
                likeTask[e->reason] = e->taskId;
        }
    }
    const std::size_t best = bestOf();
    // The reviewed task is named only when it decided: the words alone gave another class, or
    // none.
    const bool followed = best != byWords || !wordsSaidIt;
    return {&kReasons[best], evidence[best], followed ? likeTask[best] : std::string()};
}

} // namespace pa::plan
