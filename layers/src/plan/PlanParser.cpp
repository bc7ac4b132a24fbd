// Plan text → document header, section tree, tasks with lead and supporting agencies, targets
// and place mentions. The rules follow the language of Vietnamese administrative documents
// (Nghị định 30/2020/NĐ-CP layout: header block, numbered sections, "chủ trì, phối hợp" task
// assignments), not the quirks of particular files.

#include "Agencies_p.h"
#include "Deadlines_p.h"
#include "Paragraphs_p.h"
#include "Places_p.h"
#include "Targets_p.h"
#include "Words_p.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/plan/Plan.h"

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <tuple>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace pa::plan {

namespace {

using text::foldForMatch;

bool contains(const std::string& haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string::npos;
}

/// "THÁI NGUYÊN" → "Thái Nguyên".
std::string titleCase(const std::string& upper)
{
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(upper);
    s.toLower();
    bool start = true;
    for (int32_t i = 0; i < s.length(); ++i) {
        const UChar c = s.charAt(i);
        if (start && u_isalpha(c))
            s.setCharAt(i, static_cast<UChar>(u_toupper(c)));
        start = c == u' ' || c == u'-' || c == u'(';
    }
    std::string out;
    s.toUTF8String(out);
    return out;
}

// ---- header -----------------------------------------------------------------------------

struct DocumentType
{
    std::string_view folded;
    std::string_view name;
};
constexpr DocumentType kTypes[] = {
    {"chuong trinh hanh dong", "Chương trình hành động"},
    {"ke hoach", "Kế hoạch"},
    {"quyet dinh", "Quyết định"},
    {"nghi quyet", "Nghị quyết"},
    {"chi thi", "Chỉ thị"},
    {"thong bao", "Thông báo"},
    {"cong van", "Công văn"},
    {"chuong trinh", "Chương trình"},
    {"de an", "Đề án"},
    {"bao cao", "Báo cáo"},
};

std::string typeFromNumber(const std::string& number)
{
    // "1992/QĐ-UBND" → Quyết định; "2907/UBND-CNNXD" (issuer first) → Công văn.
    const auto slash = number.find('/');
    if (slash == std::string::npos)
        return {};
    const std::string code =
        foldForMatch(number.substr(slash + 1, number.find('-', slash) - slash - 1));
    if (code == "kh")
        return "Kế hoạch";
    if (code == "qd")
        return "Quyết định";
    if (code == "nq")
        return "Nghị quyết";
    if (code == "ctr")
        return "Chương trình hành động";
    if (code == "ct")
        return "Chỉ thị";
    if (code == "tb")
        return "Thông báo";
    if (code == "ubnd" || code == "sct" || code == "skhdt")
        return "Công văn";
    return {};
}

std::string findNumber(const std::string& text)
{
    // "Số: 2907 /UBND-CNNXD", "Số 1992/QĐ-UBND"
    const text::FoldedText f = text::foldWithOffsets(text);
    if (f.folded.rfind("so", 0) != 0)
        return {};
    std::size_t i = 2;
    while (i < f.folded.size() && (f.folded[i] == ':' || f.folded[i] == ' '))
        ++i;
    if (i >= f.folded.size() || !std::isdigit(static_cast<unsigned char>(f.folded[i])))
        return {};
    std::string number;
    for (std::size_t k = f.origin[i]; k < text.size(); ++k) {
        const char c = text[k];
        if (c == ' ')
            continue; // "2907 /UBND" as typed
        if (c == ',' || c == ';')
            break;
        number += c;
    }
    if (number.find('/') == std::string::npos)
        return {};
    return number;
}

std::string findDate(const std::string& text)
{
    // "ngày 19 tháng 6 năm 2023", "ngày 09/6/2023"
    const std::string f = foldForMatch(text);
    const std::size_t pos = f.find("ngay ");
    if (pos == std::string::npos)
        return {};
    std::string tail = f.substr(pos + 5, 40);
    if (auto date = text::parseDate(tail.substr(0, tail.find_first_of(",;."))))
        return *date;
    if (auto date = text::parseDate(tail))
        return *date;
    return {};
}

DocumentInfo readHeader(const std::vector<Paragraph>& paragraphs, std::size_t bodyStart)
{
    DocumentInfo info;
    std::string issuerLines;
    bool issuerDone = false;
    std::size_t typeParagraph = paragraphs.size();
    for (std::size_t i = 0; i < bodyStart && i < paragraphs.size(); ++i) {
        const Paragraph& p = paragraphs[i];
        const std::string f = foldForMatch(p.text);
        if (f.rfind("cong hoa xa hoi chu nghia", 0) == 0 || f.rfind("doc lap - tu do", 0) == 0) {
            issuerDone = !issuerLines.empty();
            continue;
        }
        if (p.upperCase && !issuerDone &&
            (f.rfind("uy ban nhan dan", 0) == 0 || f.rfind("ubnd", 0) == 0 ||
             f.rfind("hoi dong nhan dan", 0) == 0 || f.rfind("tinh ", 0) == 0 ||
             f.rfind("so ", 0) == 0 || f.rfind("ban ", 0) == 0 || f.rfind("thanh pho ", 0) == 0 ||
             f.rfind("khoa ", 0) == 0)) {
            if (f.rfind("khoa ", 0) == 0) { // "KHÓA XIII, KỲ HỌP THỨ 12" after an HĐND issuer line
                issuerDone = !issuerLines.empty();
                continue;
            }
            issuerLines += (issuerLines.empty() ? "" : " ") + p.text;
            continue;
        }
        if (info.number.empty())
            if (auto number = findNumber(p.text); !number.empty()) {
                info.number = number;
                continue;
            }
        if (info.date.empty() && contains(f, ", ngay ") && f.size() < 80) {
            info.date = findDate(p.text);
            const std::string place = p.text.substr(0, p.text.find(','));
            if (info.province.empty() && place.size() < 40)
                info.province = place;
            continue;
        }
        if (p.upperCase && info.type.empty()) {
            for (const auto& t : kTypes) {
                if (f == t.folded || f.rfind(std::string(t.folded) + " ", 0) == 0) {
                    info.type = std::string(t.name);
                    typeParagraph = i;
                    if (f.size() > t.folded.size() + 1)
                        info.title =
                            p.text.substr(p.text.size() - (f.size() - t.folded.size() - 1));
                    break;
                }
            }
            if (!info.type.empty())
                continue;
        }
        if (!info.type.empty() && info.title.empty() && !p.upperCase && f.rfind("can cu", 0) != 0 &&
            (i == typeParagraph + 1 || f.rfind("thuc hien", 0) != 0)) {
            info.title = p.text;
            continue;
        }
        if (f.rfind("v/v ", 0) == 0 && info.title.empty())
            info.title = p.text.substr(4);
    }
    // Issuer: "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" → "UBND tỉnh Thái Nguyên".
    const std::string issuerFolded = foldForMatch(issuerLines);
    auto provinceAfter = [&](const std::string& marker) -> std::string {
        const auto pos = issuerFolded.find(marker);
        if (pos == std::string::npos)
            return {};
        const text::FoldedText f = text::foldWithOffsets(issuerLines);
        const std::size_t start =
            f.origin[std::min(f.folded.find(marker) + marker.size(), f.origin.size() - 1)];
        std::string rest = issuerLines.substr(start);
        const auto cut = rest.find_first_of(",\n");
        return titleCase(rest.substr(0, cut));
    };
    // A centrally-run city issues as "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI".
    auto cityAfter = [&]() -> std::string {
        std::string city = provinceAfter("thanh pho ");
        if (const auto sep = foldForMatch(city).find(" so "); sep != std::string::npos)
            city = city.substr(0, text::foldWithOffsets(city).origin[sep]);
        return isMunicipality(city) ? city : std::string();
    };
    if ((issuerFolded.rfind("uy ban nhan dan", 0) == 0 || issuerFolded.rfind("ubnd", 0) == 0 ||
         issuerFolded.rfind("hoi dong nhan dan", 0) == 0) &&
        issuerFolded.find("tinh ") == std::string::npos && !cityAfter().empty()) {
        const std::string city = cityAfter();
        info.issuer =
            (issuerFolded.rfind("hoi", 0) == 0 ? "HĐND thành phố " : "UBND thành phố ") + city;
        info.province = city;
    } else if (issuerFolded.rfind("uy ban nhan dan", 0) == 0 ||
               issuerFolded.rfind("ubnd", 0) == 0) {
        std::string province = provinceAfter("tinh ");
        // A department under the provincial committee: "UBND TỈNH THANH HÓA / SỞ KẾ HOẠCH VÀ ĐẦU
        // TƯ".
        const auto body = foldForMatch(province).find(" so ");
        std::string department;
        if (body != std::string::npos) {
            const text::FoldedText pf = text::foldWithOffsets(province);
            const std::size_t cut = pf.origin[pf.folded.find(" so ") + 1];
            department = province.substr(cut);
            province = province.substr(0, cut - 1);
        }
        info.issuer =
            department.empty() ? "UBND tỉnh " + province : department + " tỉnh " + province;
        if (!department.empty()) {
            // Department names keep their own capitals after the first word: "Sở Kế hoạch và Đầu
            // tư".
            const auto& registry = agencyRegistry();
            const std::string key = foldForMatch(department);
            for (const auto& def : registry)
                for (auto pattern : def.patterns)
                    if (key == pattern)
                        info.issuer = std::string(def.name) + " tỉnh " + province;
        }
        if (!province.empty())
            info.province = province;
    } else if (issuerFolded.rfind("hoi dong nhan dan", 0) == 0) {
        const std::string province = provinceAfter("tinh ");
        info.issuer = "HĐND tỉnh " + province;
        if (!province.empty())
            info.province = province;
    } else if (!issuerLines.empty()) {
        info.issuer = titleCase(issuerLines);
    }
    if (info.type.empty() && !info.number.empty())
        info.type = typeFromNumber(info.number);
    return info;
}

/// The issuer and date when the header lacks them: "UBND tỉnh Thái Nguyên ban hành Kế hoạch",
/// "… thông qua ngày 11 tháng 12 năm 2020".
void completeFromBody(DocumentInfo& info, const std::vector<Paragraph>& paragraphs)
{
    for (const auto& p : paragraphs) {
        const text::FoldedText f = text::foldWithOffsets(p.text);
        if (info.issuer.empty()) {
            for (const std::string marker : {"ubnd tinh ", "uy ban nhan dan tinh "}) {
                const auto pos = f.folded.find(marker);
                const auto issued = f.folded.find(" ban hanh ", pos == std::string::npos ? 0 : pos);
                if (pos != std::string::npos && issued != std::string::npos &&
                    issued - pos < marker.size() + 30) {
                    const std::string province =
                        p.text.substr(f.origin[pos + marker.size()],
                                      f.origin[issued] - f.origin[pos + marker.size()]);
                    info.issuer = "UBND tỉnh " + province;
                    if (info.province.empty())
                        info.province = province;
                    break;
                }
            }
        }
        if (info.date.empty()) {
            const auto pos = f.folded.find("thong qua ngay ");
            if (pos != std::string::npos)
                if (auto date = text::parseDate(f.folded.substr(pos + 15, 30)))
                    info.date = *date;
        }
    }
}

// ---- the section tree ---------------------------------------------------------------------

bool isNumbered(Marker m)
{
    return m == Marker::Article || m == Marker::Roman || m == Marker::Num1 || m == Marker::Num2 ||
           m == Marker::Num3 || m == Marker::Paren || m == Marker::Letter;
}

struct Node
{
    const Paragraph* p = nullptr;
    int parent = -1;
    std::vector<int> children;
    std::string path;    ///< numbered ancestors and self: "III.1.a"
    std::string heading; ///< title of the nearest numbered section
    std::string ownTitle;
};

std::string labelFor(const Paragraph& p)
{
    if (p.marker == Marker::Article)
        return "Điều " + p.label;
    return p.label;
}

/// Closing formulas ("Trên đây là Kế hoạch …", "Đề nghị các cơ quan … nghiêm túc triển khai",
/// "Nghị quyết này đã được … thông qua"): they restate the document and belong to no section.
bool isClosing(const Paragraph& p)
{
    if (p.marker != Marker::None)
        return false;
    const std::string f = foldForMatch(p.text.substr(0, 40));
    const std::string whole = foldForMatch(p.text.substr(0, 400));
    // "Đề nghị các cơ quan … nghiêm túc triển khai" closes; "Đề nghị Hội X tuyên truyền …" assigns.
    const bool closingRequest =
        f.rfind("de nghi", 0) == 0 && (contains(whole, "nghiem tuc") ||
                                       contains(whole, "kho khan") || contains(whole, "vuong mac"));
    return f.rfind("tren day la", 0) == 0 || closingRequest || f.rfind("nghi quyet nay", 0) == 0 ||
           f.rfind("ke hoach nay", 0) == 0 || f.rfind("quyet dinh nay", 0) == 0 ||
           (f.rfind("trong qua trinh", 0) == 0 && contains(whole, "vuong mac"));
}

bool endsWithColon(const std::string& s);

std::vector<Node> buildTree(const std::vector<Paragraph>& paragraphs, std::size_t bodyStart,
                            std::size_t bodyEnd)
{
    std::vector<Node> nodes;
    std::vector<int> stack; // node indices of open markers
    for (std::size_t i = bodyStart; i < bodyEnd; ++i) {
        const Paragraph& p = paragraphs[i];
        // Titles in capitals and chapter headings ("Chương II") structure the text; they are not
        // items.
        if (isClosing(p) || p.tableCell ||
            (p.marker == Marker::None &&
             (p.upperCase || foldForMatch(p.text.substr(0, 12)).rfind("chuong ", 0) == 0) &&
             p.text.size() < 300))
            continue;
        Node node;
        node.p = &p;
        if (p.marker == Marker::None) {
            // A plain paragraph after "+" items still belongs to the "-" item that leads them
            // (often the rest of a block cut by a page); after "-" items it belongs to the section.
            const auto top = [&] {
                return nodes[static_cast<std::size_t>(stack.back())].p->marker;
            };
            // … except after a "-"/"+" item that is a lead-in ("- Sở Xây dựng chủ trì, phối hợp
            // …:"): the paragraphs that follow it are what it introduces.
            const bool leadIn =
                !stack.empty() && (top() == Marker::Dash || top() == Marker::Plus) &&
                endsWithColon(nodes[static_cast<std::size_t>(stack.back())].p->body);
            if (leadIn) {
                // stays under the lead-in
            } else if (!stack.empty() && top() == Marker::Plus) {
                while (!stack.empty() && top() == Marker::Plus)
                    stack.pop_back();
            } else {
                while (!stack.empty() && top() == Marker::Dash)
                    stack.pop_back();
            }
        } else {
            const auto same = std::find_if(stack.begin(), stack.end(), [&](int n) {
                return nodes[static_cast<std::size_t>(n)].p->marker == p.marker;
            });
            if (same != stack.end())
                stack.erase(same, stack.end());
            // List items hold no sections, and a "-" item is never inside a "+" item: a numbered
            // marker closes open list items, a "-" closes open "+" items.
            const auto top = [&] {
                return nodes[static_cast<std::size_t>(stack.back())].p->marker;
            };
            if (isNumbered(p.marker))
                while (!stack.empty() &&
                       (top() == Marker::Dash || top() == Marker::Plus || top() == Marker::Row))
                    stack.pop_back();
            else if (p.marker == Marker::Dash)
                while (!stack.empty() && top() == Marker::Plus)
                    stack.pop_back();
        }
        node.parent = stack.empty() ? -1 : stack.back();
        // Path: numbered ancestors; "2.1" stands for its parent "2".
        std::vector<std::string> parts;
        std::vector<Marker> kinds;
        auto addPart = [&](const Paragraph& q) {
            if (!isNumbered(q.marker))
                return;
            if (q.marker == Marker::Num2 || q.marker == Marker::Num3)
                while (!kinds.empty() &&
                       (kinds.back() == Marker::Num1 || kinds.back() == Marker::Num2)) {
                    kinds.pop_back();
                    parts.pop_back();
                }
            parts.push_back(labelFor(q));
            kinds.push_back(q.marker);
        };
        for (int n : stack)
            addPart(*nodes[static_cast<std::size_t>(n)].p);
        addPart(p);
        for (const auto& part : parts)
            node.path += (node.path.empty() ? "" : ".") + part;
        if (isNumbered(p.marker))
            node.ownTitle = p.body;
        for (auto it = stack.rbegin(); it != stack.rend() && node.heading.empty(); ++it)
            node.heading = nodes[static_cast<std::size_t>(*it)].ownTitle;
        const int index = static_cast<int>(nodes.size());
        if (node.parent >= 0)
            nodes[static_cast<std::size_t>(node.parent)].children.push_back(index);
        nodes.push_back(std::move(node));
        if (p.marker != Marker::None)
            stack.push_back(index);
    }
    return nodes;
}

enum class SectionKind
{
    Unknown,
    Tasks,
    Targets,
    Other
};

SectionKind classifyTitle(const std::string& title)
{
    const std::string f = foldForMatch(title.substr(0, 200));
    const bool tasks = contains(f, "nhiem vu") || contains(f, "giai phap") ||
                       contains(f, "to chuc thuc hien") || contains(f, "can tap trung thuc hien") ||
                       contains(f, "phan cong") || contains(f, "trach nhiem");
    // Target sections are titled by the word ("Mục tiêu cụ thể", "Các chỉ tiêu chủ yếu"); a task
    // heading may mention targets ("Tập trung hoàn thành các mục tiêu cơ cấu lại …").
    const std::string head = f.rfind("cac ", 0) == 0 ? f.substr(4) : f;
    const bool targets = head.rfind("muc tieu", 0) == 0 || head.rfind("chi tieu", 0) == 0;
    const bool other = f.rfind("muc dich", 0) == 0 || f.rfind("yeu cau", 0) == 0 ||
                       f.rfind("quan diem", 0) == 0 || f.rfind("phuong huong", 0) == 0 ||
                       f.rfind("dinh huong", 0) == 0 || f.rfind("ket qua", 0) == 0 ||
                       f.rfind("thong qua ket qua", 0) == 0;
    if (tasks && !targets)
        return SectionKind::Tasks;
    if (targets && !tasks)
        return SectionKind::Targets;
    if (other && !tasks)
        return SectionKind::Other;
    return SectionKind::Unknown;
}

// ---- assignments ("X chủ trì, phối hợp với Y") ---------------------------------------------

/// Where a body's name read by its grammar alone is known to go on to: a lead field's value or a
/// parenthetical assignment holds one name, so its words up to folded offset @p to (the end of
/// the value, or "chủ trì") are the name: "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Ban Quản lý dự
/// án đầu tư xây dựng tỉnh", "Ban Quản lý Khu kinh tế, công nghiệp thành phố Huế" (the grammar
/// stops at "Bộ", "xây", the comma). Not when another body or a list follows ("và", "các", "phối
/// hợp", "liên quan"), nor for a group or a registered body.
AgencyMention wholeName(const AgencyMention& m, const std::string& body, const text::FoldedText& f,
                        std::size_t to)
{
    if (m.def || m.collective || to > f.folded.size())
        return m;
    const std::size_t from = f.foldedAt(m.end);
    if (to <= from || to - from > 60)
        return m;
    const std::string rest = " " + f.folded.substr(from, to - from) + " ";
    // Not when the words go on with what the body does or when ("tiếp tục", "thường xuyên",
    // "là đơn vị", "theo chức năng", "hoàn thành năm 2026"), nor into another body after a
    // comma ("UBND huyện Phú Bình, thị xã Phổ Yên").
    for (std::string_view w : {" va ",
                               " cac ",
                               "phoi hop",
                               "lien quan",
                               ";",
                               "(",
                               ")",
                               ":",
                               " tiep tuc ",
                               " truc tiep ",
                               " thuong xuyen ",
                               " la ",
                               " theo ",
                               " chuc nang ",
                               " hoan thanh ",
                               " thuc hien ",
                               " nam ",
                               " hang nam ",
                               " dinh ky ",
                               " cung ",
                               " voi ",
                               " duoc "})
        if (contains(rest, w))
            return m;
    if (rest.find_first_of("0123456789") != std::string::npos)
        return m;
    for (std::size_t comma = rest.find(','); comma != std::string::npos;
         comma = rest.find(',', comma + 1))
        for (std::string_view unit :
             {" thi xa ", " huyen ", " xa ", " phuong ", " thanh pho ", " ubnd ", " uy ban ",
              " so ", " ban ", " trung tam ", " cong an ", " bo ", " cuc ", " chi cuc "})
            if (rest.compare(comma + 1, unit.size(), unit) == 0)
                return m;
    AgencyMention whole = m;
    whole.end = to < f.origin.size() ? f.origin[to] : body.size();
    whole.written = body.substr(m.begin, whole.end - m.begin);
    while (!whole.written.empty() && (whole.written.back() == ' ' || whole.written.back() == ',' ||
                                      whole.written.back() == '.'))
        whole.written.pop_back();
    whole.end = m.begin + whole.written.size();
    return whole;
}

struct Clause
{
    std::vector<AgencyInfo> leads;
    std::vector<AgencyInfo> support;
    bool inheritsLead = false; ///< "Chủ trì, …" with no subject: the lead comes from the context
    bool header = false;       ///< nothing but the assignment: the tasks follow
    bool subjectOnly = false; ///< leads found in subject position without "chủ trì"
    std::string rule;         ///< the rule that read it
};

class AgencyResolver
{
public:
    explicit AgencyResolver(std::string province)
        : m_province(std::move(province)), m_municipal(isMunicipality(m_province))
    {
    }

    AgencyInfo info(const AgencyMention& m)
    {
        if (!m.def) {
            AgencyInfo info = unregisteredAgency(m.written);
            info.collective = m.collective;
            return remember(info);
        }
        AgencyInfo info = toInfo(*m.def);
        if (m.def->id == "bao-tinh" && !m_province.empty()) {
            info.id = "bao-" + text::slug(m_province, '-');
            info.name = "Báo " + m_province;
        }
        if (m_municipal) // "UBND tỉnh" of a city is "UBND Thành phố"
            if (const std::string_view tinh = " tỉnh"; info.name.ends_with(tinh))
                info.name = info.name.substr(0, info.name.size() - tinh.size()) + " Thành phố";
        return remember(info);
    }

    /// The agency as first seen: a body written two ways keeps the first spelling.
    AgencyInfo remember(AgencyInfo info)
    {
        // A body outside the registry named with the province or without it is one body:
        // "Sở Quy hoạch - Kiến trúc Hà Nội" = "Sở Quy hoạch - Kiến trúc".
        if (!info.registered && !m_province.empty()) {
            const std::string tail = "-" + text::slug(m_province, '-');
            if (info.id.size() > tail.size() + 14 && info.id.ends_with(tail)) {
                info.id.resize(info.id.size() - tail.size());
                for (std::string_view suffix : {"-tinh", "-thanh-pho"})
                    if (info.id.size() > suffix.size() + 14 && info.id.ends_with(suffix))
                        info.id.resize(info.id.size() - suffix.size());
            }
        }
        // Names start with a capital ("cơ quan Thuế" → "Cơ quan Thuế").
        if (!info.registered && !info.name.empty())
            info.name = text::capitalFirst(info.name);
        if (const auto seen = m_seen.find(info.id); seen != m_seen.end())
            return m_all[seen->second];
        m_seen.emplace(info.id, m_all.size());
        m_all.push_back(info);
        return info;
    }

    [[nodiscard]] const std::vector<AgencyInfo>& all() const { return m_all; }
    [[nodiscard]] const std::string& province() const { return m_province; }

private:
    std::string m_province;
    bool m_municipal = false; ///< a centrally-run city: its bodies are "… Thành phố"
    std::map<std::string, std::size_t> m_seen; // id → index in m_all
    std::vector<AgencyInfo> m_all;
};

/// Words allowed between agency names of one list ("Sở A, Sở B và Sở C", "… của tỉnh và …").
bool isListGap(std::string_view gap)
{
    static const std::set<std::string_view> words = {
        "va", "cung", "voi",   "cua", "tinh", "cap",  "thuoc", "lien", "quan",
        "co", "cac",  "thanh", "pho", "vien", "doan", "the",   "-"};
    std::string word;
    for (std::size_t i = 0; i <= gap.size(); ++i) {
        const char c = i < gap.size() ? gap[i] : ' ';
        if (c == ' ' || c == ',' || c == ';') {
            if (!word.empty() && !words.contains(word))
                return false;
            word.clear();
        } else {
            word += c;
        }
    }
    return gap.size() <= 24;
}

/// Agency-type words that start the name of a body not in the registry.
bool startsLikeAgency(const std::string& folded)
{
    for (std::string_view w :
         {"so ", "ban ", "cuc ", "chi cuc ", "trung tam ", "truong ", "vien ", "dai ", "cong ty ",
          "hoi ", "lien minh ", "lien doan ", "tinh doan", "uy ban ", "ubnd ", "kho bac "})
        if (folded.rfind(w, 0) == 0)
            return true;
    return false;
}

/// Indices of the mentions forming a list that starts at folded offset @p from (within
/// @p slack characters), in order; empty when none starts there.
std::vector<std::size_t> listAt(const std::vector<AgencyMention>& mentions,
                                const text::FoldedText& f, std::size_t fromSource,
                                std::size_t slack = 3)
{
    std::vector<std::size_t> list;
    std::size_t cursor = fromSource;
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        if (mentions[k].begin < fromSource)
            continue;
        // Compare in folded space.
        const std::string_view gap(f.folded.data() + f.foldedAt(cursor),
                                   f.foldedAt(mentions[k].begin) - f.foldedAt(cursor));
        if (list.empty() ? gap.size() > slack : !isListGap(gap))
            break;
        list.push_back(k);
        cursor = mentions[k].end;
    }
    return list;
}

bool endsWithColon(const std::string& s)
{
    std::size_t e = s.size();
    while (e > 0 && s[e - 1] == ' ')
        --e;
    return e > 0 && s[e - 1] == ':';
}

/// What every assignment rule sees of a paragraph: its words as written and folded, the
/// agencies named in it, and the small helpers the rules share.
class ClauseInput
{
public:
    ClauseInput(const std::string& body, AgencyResolver& resolver, Marker marker = Marker::None)
        : m_marker(marker), m_body(body), m_f(text::foldWithOffsets(body)),
          m_mentions(findAgencies(body, m_f, resolver.province())), m_resolver(resolver),
          m_colon(m_f.folded.find(':'))
    {
    }

    auto parts() { return std::tie(m_body, m_f, m_f.folded, m_mentions, m_resolver, m_colon); }

    std::size_t toFolded(std::size_t src) const { return m_f.foldedAt(src); }

    bool wordAt(std::size_t pos, std::string_view w) const { return wordsAt(m_f.folded, pos, w); }

    /// "phối hợp (với|cùng) A, B, C" within [from, to) of the folded text → @p clause.support.
    void supportFrom(Clause& clause, std::size_t foldedFrom, std::size_t foldedTo)
    {
        const std::string& F = m_f.folded;
        std::size_t p = F.find("phoi hop", foldedFrom);
        if (p == std::string::npos || p >= foldedTo)
            return;
        std::size_t q = p + 8;
        while (q < F.size() && (F[q] == ' ' || F[q] == ','))
            ++q;
        for (std::string_view w : {"voi ", "cung "})
            if (F.compare(q, w.size(), w) == 0)
                q += w.size();
        for (std::size_t k : listAt(m_mentions, m_f, m_f.origin[std::min(q, F.size())], 6)) {
            if (toFolded(m_mentions[k].begin) >= foldedTo)
                break;
            if (m_mentions[k].collective)
                continue;
            clause.support.push_back(m_resolver.info(m_mentions[k]));
        }
    }

    /// The listed mentions lead as the sentence's subject; whom they work with follows them.
    void subjectsLead(Clause& clause, const std::vector<std::size_t>& list)
    {
        for (std::size_t k : list)
            clause.leads.push_back(m_resolver.info(m_mentions[k]));
        clause.subjectOnly = true;
        supportFrom(clause, toFolded(m_mentions[list.back()].end), m_f.folded.size());
    }

    /// Whether anything but punctuation follows folded offset @p foldedPos.
    bool restAfter(std::size_t foldedPos) const
    {
        const std::string& F = m_f.folded;
        std::size_t r = foldedPos;
        while (r < F.size() && (F[r] == ' ' || F[r] == ':' || F[r] == '.' || F[r] == ','))
            ++r;
        return r < F.size();
    }

    [[nodiscard]] Marker marker() const { return m_marker; }

    /// Whether "cơ quan chủ trì", "đơn vị chủ trì" are read as roles (the structural rule
    /// "role-nouns").
    [[nodiscard]] bool roleNouns() const { return m_roleNouns; }
    void setRoleNouns(bool on) { m_roleNouns = on; }

private:
    Marker m_marker;
    std::string m_body;
    text::FoldedText m_f;
    std::vector<AgencyMention> m_mentions;
    AgencyResolver& m_resolver;
    std::size_t m_colon;
    bool m_roleNouns = true;
};

/// Whether an assignment verb follows folded offset @p at ("chủ trì", "phối hợp", "có trách nhiệm"
/// …).
bool verbFollows(const std::string& F, std::size_t at, bool anyVerb = true)
{
    while (at < F.size() && (F[at] == ' ' || F[at] == ','))
        ++at;
    // Where the body works, before its verb: "Cơ quan Kiểm lâm trên địa bàn phối hợp …".
    if (F.compare(at, 13, "tren dia ban ") == 0) {
        at += 13;
        for (std::string_view unit : {"tinh ", "xa ", "phuong ", "huyen "})
            if (F.compare(at, unit.size(), unit) == 0)
                at += unit.size();
    }
    for (std::string_view v : {"chu tri",    "phoi hop",         "co trach nhiem", "chu dong",
                               "thuc hien",  "to chuc",          "tham muu",       "huong dan",
                               "trien khai", "chi dao",          "theo doi",       "xay dung",
                               "kiem tra",   "tiep tuc",         "quan ly",        "cung cap",
                               "tiep nhan",  "giai quyet",       "tang cuong",     "day manh",
                               "ra soat",    "tuyen truyen",     "van dong",       "bao cao",
                               "phu trach",  "chiu trach nhiem", "can cu",         "nghien cuu",
                               "lap ",       "tham dinh",        "cap ",           "thu hoi",
                               "dam bao",    "bo tri",           "hop tac",        "tu van"})
        if (F.compare(at, v.size(), v) == 0 &&
            (anyVerb || (v != "xay dung" && v != "quan ly" && v != "cung cap")))
            return true; // (an enterprise's name goes on with "xây dựng", "quản lý": "Công ty … xây
                         // dựng Thanh Bình")
    // Any other word in lower case that is not a preposition, conjunction or article: the
    // verb of the sentence ("UBND cấp xã chấp thuận …", "Hội Nông dân tỉnh vận động …").
    // Not after an enterprise, whose names go on in lower case ("Công ty CP Xử lý chất thải …").
    if (!anyVerb)
        return false;
    static const std::set<std::string_view> notVerbs = {
        "cua",   "va",   "tren",  "tai",   "thuoc",  "trong", "voi", "o",   "theo",
        "la",    "cac",  "nhung", "nay",   "do",     "hoac",  "ve",  "cho", "tu",
        "den",   "gom",  "bao",   "nhu",   "khi",    "neu",   "thi", "ma",  "tinh",
        "thanh", "pho",  "xa",    "huyen", "phuong", "cap",   "khu", "so",  "ban",
        "dong",  "thoi", "sau",   "truoc", "thang",  "nam",   "ngay"};
    std::size_t end = at;
    while (end < F.size() && F[end] != ' ' && F[end] != ',' && F[end] != '.' && F[end] != ';' &&
           F[end] != ':')
        ++end;
    if (end == at || end - at > 8 || !std::islower(static_cast<unsigned char>(F[at])))
        return false;
    // … and a sentence goes on after it: a name in a list ends within a few words ("Công ty Cổ
    // phần Dịch vụ môi trường Thăng Long").
    int words = 0;
    for (std::size_t k = at; k < F.size() && F[k] != ';' && F[k] != '.'; ++k)
        if (F[k] == ' ')
            ++words;
    return words >= 5 && !notVerbs.contains(std::string_view(F).substr(at, end - at));
}

bool ruleAgencyHeading(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    // 1. Agency header: "2.2. Sở Kế hoạch và Đầu tư:", "Sở Công Thương - Cơ quan thường trực …:",
    //    "Các sở, ban, ngành của tỉnh và UBND các huyện, thành phố:".
    if (const auto list = listAt(mentions, f, 0); !list.empty() && colon != std::string::npos) {
        const std::size_t afterList = in.toFolded(mentions[list.back()].end);
        const std::string between = F.substr(afterList, colon > afterList ? colon - afterList : 0);
        const bool description = between.empty() || between.rfind(" - ", 0) == 0 ||
                                 between.rfind(" (", 0) == 0 || between.rfind(" la ", 0) == 0;
        if (colon >= afterList && description && colon - afterList < 160 &&
            !contains(between, "chu tri")) {
            for (std::size_t k : list)
                clause.leads.push_back(resolver.info(mentions[k]));
            clause.header = !in.restAfter(colon + 1);
            in.supportFrom(clause, colon, F.size());
            return true;
        }
    }
    return false;
}

bool ruleChuTri(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    // 2. "X chủ trì[, phối hợp với Y]", "Giao X chủ trì …", "Chủ trì, phối hợp …" (lead from
    // context).
    for (std::size_t pos = F.find("chu tri"); pos != std::string::npos;
         pos = F.find("chu tri", pos + 7)) {
        if (!in.wordAt(pos, "chu tri"))
            continue;
        // "cơ quan chủ trì", "đơn vị chủ trì" name a role ("Trường hợp …, cơ quan chủ trì thẩm
        // định tổng hợp …"), unless a body is said to be it ("Sở X là cơ quan chủ trì").
        if (const std::string_view before = std::string_view(F).substr(0, pos);
            in.roleNouns() && (before.ends_with("co quan ") || before.ends_with("don vi ")) &&
            !before.ends_with(" la co quan ") && !before.ends_with(" la don vi "))
            continue;
        std::size_t regionStart = F.find_last_of(".;:", pos == 0 ? 0 : pos - 1);
        regionStart = (regionStart == std::string::npos || pos == 0) ? 0 : regionStart + 1;
        // "… KCN Hiệp Thạnh (Ban Quản lý Khu kinh tế tỉnh chủ trì, phối hợp …; hoàn thành năm
        // 2026)": an assignment in an open parenthesis starts after it.
        if (const auto open = F.rfind('(', pos == 0 ? 0 : pos - 1);
            open != std::string::npos && open >= regionStart && pos > 0 && F.find(')', open) > pos)
            regionStart = open + 1;
        while (regionStart < pos && F[regionStart] == ' ')
            ++regionStart;
        // "…, giao Sở X chủ trì": the subject starts after the last "giao".
        // (Not the "Giao" of "Sở Giao thông vận tải".)
        if (const auto g = F.rfind("giao ", pos);
            g != std::string::npos && g >= regionStart &&
            (g == 0 || F[g - 1] == ' ' || F[g - 1] == ',') &&
            std::none_of(mentions.begin(), mentions.end(), [&](const AgencyMention& m) {
                return in.toFolded(m.begin) <= g && g < in.toFolded(m.end);
            }))
            regionStart = g + 5;
        const bool parenthetical = regionStart > 0 && F[regionStart - 1] == '(';
        const std::string subject = F.substr(regionStart, pos - regionStart);
        // "(chủ trì: Sở Xây dựng)": the lead after the colon.
        if (parenthetical && subject.find_first_not_of(' ') == std::string::npos) {
            std::size_t c = pos + 7;
            while (c < F.size() && F[c] == ' ')
                ++c;
            if (c + 1 < F.size() && F[c] == ':')
                if (const auto after = listAt(mentions, f, f.origin[c + 1], 3); !after.empty()) {
                    for (std::size_t k : after)
                        clause.leads.push_back(resolver.info(mentions[k]));
                    return true;
                }
        }
        std::vector<std::size_t> list;
        for (std::size_t k : listAt(mentions, f, f.origin[regionStart], 12))
            if (in.toFolded(mentions[k].end) <= pos)
                list.push_back(k);
        if (!list.empty()) {
            // "do các cơ quan khác chủ trì": a description, not an assignment.
            const std::size_t first = in.toFolded(mentions[list.front()].begin);
            if (first >= 3 && F.compare(first - 3, 3, "do ") == 0)
                continue;
            if (pos - in.toFolded(mentions[list.back()].end) > 40)
                continue;
            if (parenthetical && list.size() == 1)
                clause.leads.push_back(
                    resolver.info(wholeName(mentions[list.front()], body, f, pos)));
            else
                for (std::size_t k : list)
                    clause.leads.push_back(resolver.info(mentions[k]));
        } else if (subject.empty() || subject == "hang nam, " || subject == "hang nam " ||
                   subject.find_first_not_of(" ,") == std::string::npos) {
            clause.inheritsLead = true;
        } else if (startsLikeAgency(subject) && subject.size() < 80 && !contains(subject, " do ")) {
            std::string written =
                body.substr(f.origin[regionStart], f.origin[pos] - f.origin[regionStart]);
            while (!written.empty() && (written.back() == ' ' || written.back() == ','))
                written.pop_back();
            clause.leads.push_back(resolver.remember(unregisteredAgency(written)));
        } else {
            continue;
        }
        // The assignment is a header when nothing but the partners follows it.
        const std::size_t end = F.find_first_of(":;.", pos);
        in.supportFrom(clause, pos, end == std::string::npos ? F.size() : end);
        clause.header = end == std::string::npos
                            ? !in.restAfter(pos + 7) && F.find("phoi hop", pos) == std::string::npos
                            : (F[end] == ':' && !in.restAfter(end + 1)) ||
                                  (F[end] == '.' && end + 1 >= F.size() && false);
        if (end == std::string::npos && F.size() - pos < 12)
            clause.header = true; // "- Sở Y tế chủ trì"
        if (parenthetical)
            clause.header = false; // "… (Sở Công Thương chủ trì)": the task's own lead
        return true;
    }
    return false;
}

bool ruleGiao(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    // 3. "Giao X <verb> …" without "chủ trì".
    for (std::size_t pos = F.find("giao "); pos != std::string::npos;
         pos = F.find("giao ", pos + 5)) {
        if (!in.wordAt(pos, "giao"))
            continue;
        const auto list = listAt(mentions, f, f.origin[pos + 5], 2);
        if (list.empty())
            continue;
        for (std::size_t k : list)
            clause.leads.push_back(resolver.info(mentions[k]));
        in.supportFrom(clause, pos, F.size());
        return true;
    }
    return false;
}

bool ruleDelegation(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    // At the start of an item: "Phân cấp cho UBND các phường thực hiện …", "Ủy quyền cho Sở X
    // quyết định …", "Giao cho Sở X …", "Phân công Sở X …".
    for (std::string_view opening :
         {"phan cap cho ", "uy quyen cho ", "giao cho ", "phan cong cho ", "phan cong "}) {
        if (F.rfind(opening, 0) != 0)
            continue;
        const auto list = listAt(mentions, f, f.origin[opening.size()], 2);
        if (list.empty())
            return false;
        for (std::size_t k : list)
            clause.leads.push_back(resolver.info(mentions[k]));
        in.supportFrom(clause, 0, F.size());
        return true;
    }
    return false;
}

bool ruleSubject(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    // 4. Subject position: "Sở KH&ĐT phối hợp với …", "Sở TT&TT, Đài PT-TH tỉnh, Báo … chủ động …",
    //    "Thủ trưởng các sở, ngành, Chủ tịch UBND các huyện, thành phố có trách nhiệm:".
    if (const auto list = listAt(mentions, f, 0, 3); !list.empty()) {
        // A name read by its grammar alone is a subject only when a verb follows it ("Hội Nông
        // dân tỉnh phối hợp …"), not in a list of enterprises ("Công ty TNHH … Thái Nguyên.").
        const bool registered =
            std::any_of(list.begin(), list.end(),
                        [&mentions = mentions](std::size_t k) { return mentions[k].def; });
        const std::string last = foldForMatch(mentions[list.back()].written);
        const bool enterprise = last.rfind("cong ty", 0) == 0 ||
                                last.rfind("tong cong ty", 0) == 0 ||
                                last.rfind("tap doan", 0) == 0;
        if (!registered && !verbFollows(F, in.toFolded(mentions[list.back()].end), !enterprise))
            return false;
        for (std::size_t k : list)
            clause.leads.push_back(resolver.info(mentions[k]));
        clause.subjectOnly = true;
        const std::size_t afterList = in.toFolded(mentions[list.back()].end);
        clause.header = colon != std::string::npos && !in.restAfter(colon + 1);
        in.supportFrom(clause, afterList, colon == std::string::npos ? F.size() : colon);
        return true;
    }
    return false;
}

/// Several assignments in one item, one per clause: "Chủ tịch UBND cấp xã chỉ đạo …; Ban Chỉ
/// huy cấp xã tham mưu …; Kiểm lâm sở tại hướng dẫn …" — every subject leads.
/// A procedure's roles, each an item: "a) Cơ quan tổ chức lập quy hoạch: Ban Quản lý …;", "2. Cơ
/// quan thẩm định: Sở Quy hoạch - Kiến trúc.", "Cơ quan phê duyệt: Ủy ban nhân dân thành phố".
/// (The fields of a task — "Cơ quan chủ trì: …" — are read apart, before any rule.)
bool ruleRoleField(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    if (colon == std::string::npos || colon > 60 || in.marker() == Marker::None ||
        !(F.rfind("co quan ", 0) == 0 || F.rfind("don vi ", 0) == 0))
        return false;
    std::size_t from = colon + 1;
    while (from < F.size() && F[from] == ' ')
        ++from;
    std::size_t end = F.find_first_of(";.", from);
    if (end == std::string::npos)
        end = F.size();
    if (end - from > 160 || from >= F.size())
        return false;
    std::size_t covered = from;
    for (std::size_t k : listAt(mentions, f, f.origin[from], 1))
        if (in.toFolded(mentions[k].begin) < end) {
            clause.leads.push_back(resolver.info(mentions[k]));
            covered = in.toFolded(mentions[k].end);
        }
    // A name the grammar read only in part ("Ban Quản lý dự án đầu tư xây dựng tỉnh"): as written.
    {
        std::size_t r = covered;
        while (r < end && (F[r] == ' ' || F[r] == ','))
            ++r;
        if (!clause.leads.empty() && r < end && F.compare(r, 3, "va ") != 0 &&
            F.compare(r, 5, "hoac ") != 0 && F.compare(r, 4, "tinh") != 0 &&
            F.compare(r, 9, "thanh pho") != 0)
            clause.leads.clear();
    }
    if (clause.leads.empty()) {
        // "Cơ quan lập: Cơ quan, tổ chức được giao nhiệm vụ hoặc chủ đầu tư dự án …": as written.
        std::string name =
            body.substr(f.origin[from], f.origin[std::min(end, F.size() - 1)] - f.origin[from] +
                                            (end == F.size() ? 1 : 0));
        while (!name.empty() && (name.back() == ' ' || name.back() == '.' || name.back() == ';'))
            name.pop_back();
        // "A hoặc B": either may act; both lead.
        for (std::size_t cut = name.find(" hoặc "); !name.empty(); cut = name.find(" hoặc ")) {
            std::string one = name.substr(0, cut);
            name = cut == std::string::npos ? std::string() : name.substr(cut + 8);
            while (!one.empty() && one.back() == ',')
                one.pop_back();
            if (!one.empty())
                clause.leads.push_back(resolver.remember(unregisteredAgency(one)));
        }
        if (clause.leads.empty())
            return false;
    }
    return true;
}

/// Words that begin a duty's subject named by what it is: bodies, forces, owners, investors,
/// people (folded).
constexpr std::string_view kActorWords[] = {"co quan",        "cac co quan",    "don vi",
                                            "cac don vi",     "to chuc",        "cac to chuc",
                                            "chu ",           "cac chu ",       "luc luong",
                                            "cac luc luong",  "nguoi ",         "nha dau tu",
                                            "cac nha dau tu", "doanh nghiep",   "cac doanh nghiep",
                                            "ho gia dinh",    "cac ho",         "ca nhan",
                                            "can bo",         "cong chuc",      "thu truong",
                                            "lanh dao",       "ban ",           "to ",
                                            "doi ",           "cac to ",        "cac doi ",
                                            "hop tac xa",     "cac hop tac xa", "co so ",
                                            "cac co so ",     "dan quan"};

/// A subject of a duty that is no body's name: "Cơ quan, đơn vị được … giao tổ chức lập quy
/// hoạch … phải phối hợp …", "Các chủ rừng phải thường xuyên canh phòng", "Lực lượng canh phòng
/// có trách nhiệm …": the words before the duty verb lead, as written.
bool ruleDutySubject(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    if (!startsUpper(body))
        return false;
    std::size_t verb = std::string::npos;
    for (std::string_view v : {" co trach nhiem ", " chiu trach nhiem ", " phai "}) {
        const auto p = F.find(v);
        if (p != std::string::npos && p < verb)
            verb = p;
    }
    if (verb == std::string::npos || verb > 140 || F.find_first_of(";:.", 0) < verb ||
        endsWithColon(body) || F.compare(verb, 11, " phai duoc ") == 0 ||
        F.compare(verb, 10, " phai bao ") == 0)
        return false; // a norm about things ("… phải được khép kín"), or a lead-in to a list
    // The subject names actors: bodies, forces, owners, investors, people.
    const bool actor = std::any_of(std::begin(kActorWords), std::end(kActorWords),
                                   [&F = F](std::string_view w) { return F.rfind(w, 0) == 0; });
    // Procedural roles of a one-stop procedure ("Cơ quan chủ trì có trách nhiệm tổng hợp …") are
    // not bodies.
    if (!actor || F.rfind("co quan chu tri", 0) == 0 || F.rfind("co quan phoi hop", 0) == 0 ||
        F.rfind("co quan tiep nhan", 0) == 0)
        return false;
    // Not a sentence that starts with a circumstance or a rule of procedure.
    for (std::string_view w :
         {"khi ", "trong ", "truong hop ", "sau khi ", "truoc khi ", "viec ", "ho so ", "moi ",
          "tat ca ", "neu ", "doi voi ", "can cu ", "de ", "nghiem cam ", "khong "})
        if (F.rfind(w, 0) == 0)
            return false;
    std::string name = body.substr(0, f.origin[verb]);
    while (!name.empty() && (name.back() == ' ' || name.back() == ','))
        name.pop_back();
    int words = 1;
    for (char ch : name)
        words += ch == ' ';
    if (words < 2 || words > 22)
        return false;
    // Several subjects: "Các chủ rừng và lực lượng Kiểm lâm" — a "và" before another actor. (Not
    // a comma: "Cơ quan, đơn vị được giao …", "tổ chức, cá nhân" are one subject.)
    const std::string_view subject = std::string_view(F).substr(0, verb);
    std::vector<std::size_t> cuts{0}; // folded offsets where a subject begins
    for (std::size_t k = subject.find(" va "); k != std::string_view::npos;
         k = subject.find(" va ", k + 1))
        if (std::any_of(std::begin(kActorWords), std::end(kActorWords), [&](std::string_view w) {
                return subject.compare(k + 4, w.size(), w) == 0;
            }))
            cuts.push_back(k + 4);
    for (std::size_t c = 0; c < cuts.size(); ++c) {
        std::size_t from = f.origin[cuts[c]];
        std::size_t to = c + 1 < cuts.size() ? f.origin[cuts[c + 1]] : name.size();
        std::string piece = name.substr(from, std::min(to, name.size()) - from);
        while (!piece.empty() && (piece.back() == ' ' || piece.back() == ','))
            piece.pop_back();
        if (c + 1 < cuts.size() && piece.ends_with(" và"))
            piece.resize(piece.size() - 4);
        if (piece.empty())
            continue;
        AgencyInfo named = unregisteredAgency(c == 0 ? piece : text::capitalFirst(piece));
        named.collective = F.compare(cuts[c], 4, "cac ") == 0;
        clause.leads.push_back(resolver.remember(named));
    }
    clause.subjectOnly = true;
    in.supportFrom(clause, verb, F.size());
    return true;
}

/// The subject after a circumstance: "Khi xảy ra cháy rừng, Ban Chỉ huy … báo cáo …",
/// "Trong quá trình chỉ đạo, Chủ tịch UBND cấp xã trực tiếp …", "Trường hợp cần thiết, …".
bool ruleSubjectAfterCircumstance(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    bool circumstance = false;
    for (std::string_view w :
         {"khi ", "trong qua trinh ", "truong hop ", "sau khi ", "truoc khi ", "ngay khi ",
          "tren co so ", "can cu ", "de ", "trong thoi gian ", "doi voi ", "neu ", "dinh ky "})
        circumstance = circumstance || F.rfind(w, 0) == 0;
    if (!circumstance)
        return false;
    // The first comma that a named body follows, within the first sentence.
    const std::size_t sentenceEnd = std::min(F.find(". "), F.size());
    for (std::size_t comma = F.find(", ");
         comma != std::string::npos && comma < std::min<std::size_t>(sentenceEnd, 400);
         comma = F.find(", ", comma + 2)) {
        std::size_t from = comma + 2;
        if (F.compare(from, 11, "cac luc luong") == 0 && F.compare(from + 13, 1, ":") == 0)
            from += 15; // "…, các lực lượng: Cảnh sát …, Kiểm lâm, Quân đội …"
        const auto list = listAt(mentions, f, f.origin[std::min(from, F.size())], 1);
        if (list.empty())
            continue;
        if (!verbFollows(F, in.toFolded(mentions[list.back()].end)))
            return false;
        in.subjectsLead(clause, list);
        return true;
    }
    return false;
}

/// The subject of a conditional duty, after "thì" or the condition's colon: "Trường hợp cần điều
/// chỉnh danh mục: Sở X đề xuất …", "…; trường hợp chưa có quy định thì cơ quan Y có trách nhiệm
/// …", "Nếu …, thì Z báo cáo …".
bool ruleSubjectAfterCondition(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    // where the condition starts: the paragraph's start or a clause after ";"
    std::size_t start = std::string::npos;
    for (std::string_view w : {"truong hop ", "neu ", "khi "}) {
        if (F.rfind(w, 0) == 0)
            start = 0;
        else if (const auto p = F.find("; " + std::string(w)); p != std::string::npos && p < start)
            start = p + 2;
    }
    if (start == std::string::npos)
        return false;
    const std::size_t sentenceEnd = std::min(F.find(". ", start), F.size());
    for (std::string_view sep : {" thi ", ": "}) {
        const std::size_t at = F.find(sep, start);
        if (at == std::string::npos || at >= std::min<std::size_t>(sentenceEnd, start + 300))
            continue;
        const std::size_t from = at + sep.size();
        const auto list = listAt(mentions, f, f.origin[std::min(from, F.size())], 1);
        if (list.empty() || !verbFollows(F, in.toFolded(mentions[list.back()].end)))
            continue;
        in.subjectsLead(clause, list);
        return true;
    }
    return false;
}

bool ruleSubjectsPerClause(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    std::vector<std::size_t> starts{0};
    for (std::size_t p = F.find("; "); p != std::string::npos; p = F.find("; ", p + 2))
        starts.push_back(p + 2);
    if (starts.size() < 2)
        return false;
    int clauses = 0;
    for (std::size_t s : starts) {
        const auto list = listAt(mentions, f, f.origin[std::min(s, F.size())], 1);
        if (list.empty() || !verbFollows(F, in.toFolded(mentions[list.back()].end)))
            continue;
        ++clauses;
        for (std::size_t k : list)
            clause.leads.push_back(resolver.info(mentions[k]));
    }
    if (clauses < 2 || in.toFolded(mentions.front().begin) > 3) {
        clause = Clause();
        return false;
    }
    clause.subjectOnly = true;
    return true;
}

bool ruleSubjectAfterIntro(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    // 5. A header whose subject follows an introductory phrase: "Trên cơ sở những nhiệm vụ …,
    //    Thủ trưởng các sở, ngành, Chủ tịch UBND các huyện, thành phố có trách nhiệm:".
    if (endsWithColon(body)) {
        for (std::size_t k = 0; k < mentions.size(); ++k) {
            const std::size_t at = in.toFolded(mentions[k].begin);
            if (at < 2 || F.compare(at - 2, 2, ", ") != 0)
                continue;
            const auto list = listAt(mentions, f, mentions[k].begin, 0);
            if (list.empty())
                break;
            for (std::size_t m : list)
                clause.leads.push_back(resolver.info(mentions[m]));
            clause.header = true;
            return true;
        }
    }
    return false;
}

bool ruleUnregisteredHeading(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    // 6. An unregistered body as a header: "- Trường Đại học Thái Nguyên:".
    if (colon != std::string::npos && colon < 90 && startsLikeAgency(F) &&
        !in.restAfter(colon + 1) &&
        std::count(F.begin(), F.begin() + static_cast<long>(colon), ' ') < 12) {
        clause.leads.push_back(
            resolver.remember(unregisteredAgency(body.substr(0, f.origin[colon]))));
        clause.header = true;
        return true;
    }
    return false;
}

/// An agency named alone as a heading, without a colon: "3. Sở Công Thương", "Điều 5. Trách
/// nhiệm của Sở Tài chính", "1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo", "Ủy ban nhân
/// dân các xã: Gia Thuận, Tân Điền".
bool ruleAgencyTitle(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    // Headings are numbered or stand alone; a "-"/"+" item naming a body is a list of bodies.
    if (in.marker() == Marker::Dash || in.marker() == Marker::Plus || in.marker() == Marker::Row)
        return false;
    std::size_t from = 0;
    bool responsibilities = false; // "Trách nhiệm của X": X whatever it is
    for (std::string_view lead : {"trach nhiem cua", "nhiem vu cua", "nhiem vu, quyen han cua",
                                  "trach nhiem, quyen han cua", "doi voi ", "giao "})
        if (F.rfind(lead, 0) == 0) {
            from = lead.size();
            while (from < F.size() && F[from] == ' ') // also "củaTrung tâm" as typed
                ++from;
            responsibilities = lead.rfind("doi voi", 0) != 0 && lead.rfind("giao", 0) != 0;
        }
    const auto list = listAt(mentions, f, f.origin[std::min(from, F.size())], 1);
    if (list.empty() && responsibilities && F.size() - from < 120 && in.marker() != Marker::None &&
        F.find_first_of(";,", from) == std::string::npos) {
        // An article of a regulation on a body the registry and the grammar do not know ("Điều 7.
        // Trách nhiệm của Cơ quan có chức năng quản lý đất đai cấp xã"): its clauses are its tasks.
        std::string name = body.substr(f.origin[from]);
        while (!name.empty() && (name.back() == '.' || name.back() == ' ' || name.back() == ':'))
            name.pop_back();
        if (name.empty())
            return false;
        AgencyInfo named = unregisteredAgency(name);
        named.collective = F.compare(from, 4, "cac ") == 0;
        clause.leads.push_back(resolver.remember(named));
        clause.header = true;
        return true;
    }
    if (list.empty() || F.size() > 200)
        return false;
    const std::size_t afterList = in.toFolded(mentions[list.back()].end);
    std::string rest = F.substr(afterList);
    while (!rest.empty() && (rest.back() == '.' || rest.back() == ' ' || rest.back() == ':'))
        rest.pop_back();
    // Nothing after the names but a description: " - Cơ quan thường trực …", " (cơ quan …)",
    // or the places of a collective heading (": Gia Thuận, Tân Điền").
    const bool description = rest.empty() || rest.rfind(" - ", 0) == 0 ||
                             rest.rfind(" (", 0) == 0 ||
                             (rest.rfind(":", 0) == 0 && mentions[list.front()].def == nullptr &&
                              rest.size() < 120 && rest.find(" chu tri") == std::string::npos);
    if (!description || rest.find("chu tri") != std::string::npos ||
        rest.find("phoi hop") != std::string::npos)
        return false;
    for (std::size_t k : list)
        clause.leads.push_back(resolver.info(mentions[k]));
    clause.header = true;
    return true;
}

/// A role whose bodies are named in brackets, as a heading: "1. Các cơ quan đăng ký đầu tư (Sở Tài
/// chính, Ban Quản lý Khu kinh tế …):", "Cơ quan thẩm định (Sở Xây dựng)".
bool ruleRoleWithBodies(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    const std::size_t open = F.find(" (");
    if (open == std::string::npos || open > 100 || open < 6 || F.find_first_of(",;:.", 0) < open)
        return false;
    if (!mentions.empty() && in.toFolded(mentions.front().begin) < open)
        return false; // a body before the bracket: another form
    const auto list = listAt(mentions, f, f.origin[open + 2], 0);
    if (list.empty())
        return false;
    std::size_t close = in.toFolded(mentions[list.back()].end);
    while (close < F.size() && F[close] == ' ')
        ++close;
    if (close >= F.size() || F[close] != ')' || in.restAfter(close + 1))
        return false; // only the heading: "…):" and nothing after it
    for (std::size_t k : list)
        clause.leads.push_back(resolver.info(mentions[k]));
    clause.header = true;
    return true;
}

/// A request to a body outside the committee's command: "Đề nghị Ủy ban Mặt trận Tổ quốc …
/// tuyên truyền …", "Đề nghị: Hiệp hội Doanh nghiệp tỉnh, …".
bool ruleDeNghi(ClauseInput& in, Clause& clause)
{
    auto [body, f, F, mentions, resolver, colon] = in.parts();
    if (F.rfind("de nghi", 0) != 0)
        return false;
    std::size_t at = 7;
    while (at < F.size() && (F[at] == ' ' || F[at] == ':'))
        ++at;
    const auto list = listAt(mentions, f, f.origin[std::min(at, F.size())], 2);
    if (list.empty())
        return false;
    for (std::size_t k : list)
        clause.leads.push_back(resolver.info(mentions[k]));
    const std::size_t afterList = in.toFolded(mentions[list.back()].end);
    in.supportFrom(clause, afterList, F.size());
    clause.header =
        !in.restAfter(afterList) || (colon != std::string::npos && !in.restAfter(colon + 1));
    return true;
}

/// The rules that read who leads a paragraph's work, in the order they are tried. Each names
/// the form it reads and the documents it was written for (the leave-one-out score reads each
/// of those documents without it); rules written from the grammar of administrative documents
/// alone name none.
struct ClauseRule
{
    std::string_view name;
    std::string_view form;
    std::vector<std::string_view> writtenFor;
    bool (*apply)(ClauseInput&, Clause&);
};

constexpr std::string_view kTnPlans[] = {
    "thai-nguyen_kh-co-cau-lai-nen-kinh-te-nq54_2023", "thai-nguyen_kh-thuc-hien-ctr37-nq29_2023",
    "thai-nguyen_nq-hdnd-ke-hoach-ktxh-2021-2025", "thai-nguyen_cv-2907-ubnd-cnnxd_2023"};

const std::vector<ClauseRule>& clauseRules()
{
    static const std::vector<ClauseRule> rules = {
        {"role-field",
         "\"b) Cơ quan thẩm định: Sở X;\" a procedure's role as an item",
         {"ha-noi_nq_71_2025"},
         ruleRoleField},
        {"de-nghi", "\"Đề nghị X …\": a request to a body outside the committee", {}, ruleDeNghi},
        {"agency-heading",
         "\"2.2. Sở X:\" an agency heading with a colon, its items below, or \"Sở X: <task>\"",
         {kTnPlans[0], kTnPlans[1], kTnPlans[3]},
         ruleAgencyHeading},
        {"agency-title",
         "\"3. Sở X\", \"Trách nhiệm của Sở X\": an agency named alone as a heading",
         {},
         ruleAgencyTitle},
        {"role-with-bodies",
         "\"1. Các cơ quan đăng ký đầu tư (Sở X, Ban Quản lý Y):\" a role and its bodies as a "
         "heading",
         {"dak-lak_ct_010_2025"},
         ruleRoleWithBodies},
        {"chu-tri", "\"(Giao) Sở X chủ trì, phối hợp với Y …\"", {}, ruleChuTri},
        {"giao", "\"Giao Sở X <verb> …\" without \"chủ trì\"", {kTnPlans[2]}, ruleGiao},
        {"delegation",
         "\"Phân cấp cho / Ủy quyền cho / Giao cho X <verb> …\" opening an item",
         {"hai-phong_qd_223_2025"},
         ruleDelegation},
        {"subjects-per-clause",
         "\"X chỉ đạo …; Y tham mưu …; Z hướng dẫn …\": a subject in each clause",
         {"quang-ninh_qd_96_2025"},
         ruleSubjectsPerClause},
        {"subject",
         "\"Sở X phối hợp / có trách nhiệm / chủ động …\": agencies as the sentence's subject",
         {kTnPlans[0], kTnPlans[1]},
         ruleSubject},
        {"subject-after-intro",
         "\"Trên cơ sở …, Thủ trưởng các sở … có trách nhiệm:\"",
         {kTnPlans[0]},
         ruleSubjectAfterIntro},
        {"subject-after-circumstance",
         "\"Khi xảy ra cháy rừng, Ban Chỉ huy … báo cáo …\"",
         {"quang-ninh_qd_96_2025"},
         ruleSubjectAfterCircumstance},
        {"subject-after-condition",
         "\"Trường hợp …: Sở X đề xuất …\", \"…; trường hợp … thì cơ quan Y tham mưu …\"",
         {"bac-ninh_qd_84_2025"},
         ruleSubjectAfterCondition},
        {"duty-subject",
         "\"Cơ quan, đơn vị được giao … phải …\": a duty's subject named by its role",
         {"ha-noi_nq_71_2025", "quang-ninh_qd_96_2025"},
         ruleDutySubject},
        {"unregistered-heading",
         "\"- Trường Đại học X:\" a body outside the registry as a heading",
         {kTnPlans[0]},
         ruleUnregisteredHeading},
    };
    return rules;
}

/// Rules about a document's structure rather than one clause, with the documents they were
/// written for (for leave-one-out scoring like the clause rules).
struct StructuralRule
{
    std::string_view name;
    std::vector<std::string_view> writtenFor;
};

const std::vector<StructuralRule>& structuralRules()
{
    static const std::vector<StructuralRule> rules = {
        // Lead-less items before "Tổ chức thực hiện" are measures, not tasks.
        {"measures", {"ha-tinh_kh_624_2025"}},
        // "Đơn vị thực hiện: …" after a run of bullets belongs to every bullet of the run.
        {"field-runs", {"bac-ninh_kh_141_2025"}},
        // "1. <a whole paragraph>." followed by plain paragraphs is one task.
        {"whole-items", {"can-tho_ct_09_2025"}},
        // "Chủ tịch UBND … yêu cầu <addressees> … như sau:" before a directive's items.
        {"request-preamble", {"can-tho_ct_09_2025"}},
        // "cơ quan chủ trì", "đơn vị chủ trì" name a role, not who "chủ trì".
        {"role-nouns", {"dak-lak_ct_010_2025"}},
        // "Các nhiệm vụ tại điểm a khoản 1 Điều 2: Sở X chủ trì …" assigns those points' tasks.
        // (Written for trial 10's Quảng Trị resolution, outside the corpus.)
        {"cross-references", {}},
    };
    return rules;
}

/// The rule set of one reading: every rule, or leave-one-out without those written for a document.
class RuleSet
{
public:
    explicit RuleSet(const std::string& withoutRulesFor) : m_without(withoutRulesFor) {}

    [[nodiscard]] bool enabled(std::span<const std::string_view> writtenFor) const
    {
        return m_without.empty() ||
               std::find(writtenFor.begin(), writtenFor.end(), m_without) == writtenFor.end();
    }

    [[nodiscard]] bool enabled(std::string_view structuralRule) const
    {
        for (const auto& r : structuralRules())
            if (r.name == structuralRule)
                return enabled(r.writtenFor);
        return true;
    }

    Clause parseClause(const std::string& body, AgencyResolver& resolver,
                       Marker marker = Marker::None) const
    {
        Clause clause;
        ClauseInput in(body, resolver, marker);
        in.setRoleNouns(enabled("role-nouns"));
        for (const auto& rule : clauseRules()) {
            if (!enabled(rule.writtenFor))
                continue;
            Clause attempt;
            if (rule.apply(in, attempt)) {
                attempt.rule = std::string(rule.name);
                return attempt;
            }
        }
        return clause;
    }

private:
    std::string m_without;
};
/// A collective group (with the groups listed after it) in subject position near the start of
/// a paragraph, after a comma: "Căn cứ …, các sở, ban, ngành, UBND các huyện, thành phố …".
std::vector<AgencyInfo> subjectGroup(const std::string& body, AgencyResolver& resolver)
{
    const text::FoldedText f = text::foldWithOffsets(body);
    const auto mentions = findAgencies(body, f, resolver.province());
    std::vector<AgencyInfo> out;
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        if (!mentions[k].collective)
            continue;
        const std::size_t at = f.foldedAt(mentions[k].begin);
        if (at > 160)
            break;
        if (at != 0 && !(at >= 2 && f.folded.compare(at - 2, 2, ", ") == 0))
            continue;
        for (std::size_t m : listAt(mentions, f, mentions[k].begin, 0))
            out.push_back(resolver.info(mentions[m]));
        break;
    }
    return out;
}

bool allCollective(const std::vector<AgencyInfo>& agencies)
{
    return !agencies.empty() && std::all_of(agencies.begin(), agencies.end(),
                                            [](const AgencyInfo& a) { return a.collective; });
}

std::vector<std::string> names(const std::vector<AgencyInfo>& agencies)
{
    std::vector<std::string> out;
    for (const auto& a : agencies)
        if (std::find(out.begin(), out.end(), a.name) == out.end())
            out.push_back(a.name);
    return out;
}

} // namespace

namespace {

// ---- parts ----------------------------------------------------------------------------------

struct PartRange
{
    std::size_t begin = 0, end = 0;
    Part info;
};

bool isSignatureLine(const Paragraph& p)
{
    if (!p.upperCase || p.text.size() > 80)
        return false;
    const std::string f = foldForMatch(p.text);
    for (std::string_view w :
         {"tm. ", "tm ", "kt. ", "kt ", "q. ", "chu tich", "pho chu tich", "giam doc"})
        if (f.rfind(w, 0) == 0)
            return true;
    return false;
}

/// A paragraph that opens an attached part: its title ("KẾ HOẠCH", "QUY ĐỊNH", "PHỤ LỤC"), its
/// "(Ban hành kèm theo Quyết định số …)" line, or its own header block.
bool opensAttachment(const Paragraph& p)
{
    const std::string f = foldForMatch(p.text.substr(0, 80));
    if (f.rfind("(ban hanh kem theo", 0) == 0 || f.rfind("(kem theo", 0) == 0)
        return true;
    if (!p.upperCase)
        return false;
    for (std::string_view w :
         {"ke hoach", "chuong trinh", "quy dinh", "quy che", "phu luc", "danh muc", "phuong an",
          "de an", "huong dan", "bieu", "uy ban nhan dan", "ubnd", "cong hoa xa hoi"})
        if (f.rfind(w, 0) == 0)
            return true;
    return false;
}

bool isAppendixTitle(const std::string& folded)
{
    return folded.rfind("phu luc", 0) == 0 || folded.rfind("danh muc", 0) == 0 ||
           folded.rfind("bieu", 0) == 0;
}

/// The document as a sequence of parts. Nothing ends the reading: after the distribution list
/// and the signature, an attached plan, regulation or appendix is a part of its own.
std::vector<PartRange> segmentParts(const std::vector<Paragraph>& ps)
{
    std::vector<PartRange> parts(1);
    parts[0].info.kind = "plan";
    parts[0].info.line = ps.empty() ? 0 : ps[0].line;
    bool bodySeen = false;
    auto open = [&](std::size_t i, std::string kind) {
        parts.back().end = i;
        PartRange next;
        next.begin = i;
        next.info.kind = std::move(kind);
        next.info.line = ps[i].line;
        next.info.title = text::clipUtf8(ps[i].text, 120);
        parts.push_back(std::move(next));
        bodySeen = false;
    };
    for (std::size_t i = 0; i < ps.size(); ++i) {
        const Paragraph& p = ps[i];
        const std::string f = foldForMatch(p.text.substr(0, 40));
        const std::string& kind = parts.back().info.kind;
        if (kind == "distribution" || kind == "signature") {
            if (opensAttachment(p) && !isSignatureLine(p)) {
                // Start at the title when the "(Ban hành kèm theo …)" line follows it.
                std::string title = foldForMatch(p.text.substr(0, 40));
                open(i, isAppendixTitle(title) ? "appendix" : "plan");
            } else if (kind == "distribution" && isSignatureLine(p)) {
                open(i, "signature");
            }
            continue;
        }
        if (isNumbered(p.marker) || p.marker == Marker::Row)
            bodySeen = true;
        if (f.rfind("noi nhan", 0) == 0) {
            open(i, "distribution");
            continue;
        }
        if (bodySeen && isSignatureLine(p)) {
            open(i, "signature");
            continue;
        }
        if (bodySeen && p.upperCase && p.marker == Marker::None && !p.tableCell &&
            isAppendixTitle(f)) {
            open(i, "appendix");
            continue;
        }
    }
    parts.back().end = ps.size();
    // A decision or resolution with a plan or regulation attached is its wrapper.
    if (std::any_of(parts.begin() + 1, parts.end(),
                    [](const PartRange& r) { return r.info.kind == "plan"; }))
        parts[0].info.kind = "wrapper";
    parts[0].info.title = parts[0].info.kind == "wrapper" ? "Quyết định / Nghị quyết" : "";
    return parts;
}

/// The wrapper's own clauses, in any part: "Ban hành kèm theo Quyết định này …", "Quyết định
/// có hiệu lực …", "Chánh Văn phòng, Giám đốc các sở … chịu trách nhiệm thi hành Quyết định này".
/// A plan that assigns its work in an implementation section ("Tổ chức thực hiện", "Trách
/// nhiệm của các cơ quan", "Phân công nhiệm vụ") lists before it the measures the agencies carry
/// out ("Nhiệm vụ, giải pháp"). Items there that name nobody are set apart as measures, once
/// the implementation section has assigned work to agencies (at least three tasks with a lead).
void setMeasuresApart(ParsedPlan& plan, std::size_t partFirstTask, const std::vector<Node>& nodes,
                      Part& part)
{
    int implementationLine = -1;
    std::string implementationTitle;
    for (const Node& n : nodes) {
        if (!isNumbered(n.p->marker) || n.p->marker == Marker::Paren || n.ownTitle.size() > 120)
            continue;
        const std::string f = foldForMatch(n.ownTitle);
        if (contains(f, "to chuc thuc hien") || f.rfind("trach nhiem", 0) == 0 ||
            f.rfind("phan cong", 0) == 0) {
            implementationLine = n.p->line;
            implementationTitle = n.ownTitle;
            break;
        }
    }
    if (implementationLine < 0)
        return;
    const auto first = plan.tasks.begin() + static_cast<std::ptrdiff_t>(partFirstTask);
    const auto assigned = std::count_if(first, plan.tasks.end(), [&](const Task& t) {
        return t.line > implementationLine && !t.lead.empty();
    });
    if (assigned < 3)
        return;
    auto isMeasure = [&](const Task& t) { return t.line < implementationLine && t.lead.empty(); };
    for (auto it = first; it != plan.tasks.end(); ++it)
        if (isMeasure(*it)) {
            plan.measures.push_back(*it);
            plan.measures.back().rule = "measure";
            --part.tasks;
        }
    const auto before = plan.tasks.size();
    plan.tasks.erase(std::remove_if(first, plan.tasks.end(), isMeasure), plan.tasks.end());
    if (const auto n = before - plan.tasks.size(); n > 0)
        plan.warnings.push_back(
            {{QT_TRANSLATE_NOOP("pa::layers",
                                "%1 item(s) before '%2' (line %3) name nobody: read as measures "
                                "the agencies carry out, kept as tasks without a lead"),
              {layers::Sentence::count(n), text::clipUtf8(implementationTitle, 60),
               std::to_string(implementationLine)}},
             "listed by 'ingest --explain'"});
}

/// The sections an assignment names by their points, in the same document: "Các nhiệm vụ tại
/// điểm a, b khoản 1 Điều 2: Sở X chủ trì …" → "Điều 2.1.a", "Điều 2.1.b"; "… thực hiện các
/// nhiệm vụ nêu tại khoản 5 Điều 2" → "Điều 2.5"; "các nhiệm vụ tại Mục II" → "II". Empty when
/// the text names none, names them without their article or part ("tại điểm a khoản 1", read
/// relative to where it stands), or names another document's ("… Điều 2 Quyết định số 12/…").
std::vector<std::string> referencedSections(const std::string& text, const std::string& own)
{
    const text::FoldedText ft = text::foldWithOffsets(text.substr(0, 400));
    const std::string& f = ft.folded;
    // The points are what is assigned: they open the sentence ("Các nhiệm vụ tại …: Sở X chủ
    // trì …"), or follow the lead's "chủ trì (thực hiện)" ("Sở X chủ trì thực hiện các nhiệm vụ
    // tại …"), not the object of another verb ("xây dựng kế hoạch thực hiện các nhiệm vụ được
    // giao tại Điều 1" is a task of its own).
    auto assigned = [&](std::size_t p) {
        std::size_t b = p;
        if (b >= 4 && f.compare(b - 4, 4, "cac ") == 0)
            b -= 4;
        if (f.find_first_not_of(" -+*", 0) >= b)
            return true;
        const std::string before = f.substr(0, b);
        if (before.find_first_not_of(" -+*") == before.rfind("doi voi ") &&
            before.ends_with("doi voi ")) // "Đối với các nhiệm vụ tại …: Sở X chủ trì"
            return true;
        for (std::string_view verb : {"chu tri ", "chu tri thuc hien ", "chu tri trien khai ",
                                      "phu trach ", "chiu trach nhiem thuc hien "})
            if (before.ends_with(verb))
                return true;
        return false;
    };
    std::size_t at = std::string::npos;
    for (std::size_t p = f.find("nhiem vu "); p != std::string::npos;
         p = f.find("nhiem vu ", p + 1)) {
        if (!assigned(p))
            continue;
        std::size_t q = p + 9;
        for (std::string_view said : {"neu ", "quy dinh "})
            if (f.compare(q, said.size(), said) == 0)
                q += said.size();
        for (std::string_view where : {"tai ", "o ", "thuoc "})
            if (f.compare(q, where.size(), where) == 0) {
                at = q + where.size();
                break;
            }
        if (at != std::string::npos)
            break;
    }
    if (at == std::string::npos)
        return {};
    auto wordAt = [&](std::size_t i) {
        std::size_t e = i;
        while (e < f.size() && (std::isalnum(static_cast<unsigned char>(f[e])) || f[e] == '.'))
            ++e;
        while (e > i && f[e - 1] == '.') // "Điều 2." ends the sentence, not the label
            --e;
        return e;
    };
    // The label as written: "đ" is not "d"; a Roman part in capitals.
    auto labelAt = [&](std::size_t b, std::size_t e, bool roman) {
        std::string s = text.substr(ft.origin[b], ft.origin[e] - ft.origin[b]);
        if (s == "Đ")
            s = "đ";
        for (char& c : s)
            c = roman ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                      : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    static const std::set<std::string_view> kinds = {"diem", "khoan", "dieu", "muc", "phan"};
    static constexpr std::string_view kHere = "@here";
    std::map<std::string, std::vector<std::string>> labels; // kind → its labels
    std::size_t i = at;
    while (i < f.size()) {
        if (f.compare(i, 4, "cac ") == 0) // "tại các điểm a, b khoản 1 …"
            i += 4;
        const std::size_t e = wordAt(i);
        const std::string kind = f.substr(i, e - i);
        if (!kinds.contains(kind) || !labels[kind].empty())
            break;
        i = e;
        // labels: "a", "a, b", "a và b", "a và điểm b"
        while (true) {
            while (i < f.size() && f[i] == ' ')
                ++i;
            const std::size_t le = wordAt(i);
            if (le == i || kinds.contains(f.substr(i, le - i)) || le - i > 6)
                break;
            // ("này": the one the assignment stands in, resolved below)
            labels[kind].push_back(f.compare(i, le - i, "nay") == 0 && le - i == 3
                                       ? std::string(kHere)
                                       : labelAt(i, le, kind == "muc" || kind == "phan"));
            i = le;
            std::size_t n = i;
            if (f.compare(n, 2, ", ") == 0)
                n += 2;
            else if (f.compare(n, 4, " va ") == 0)
                n += 4;
            else
                break;
            if (f.compare(n, kind.size() + 1, kind + " ") == 0) // "và điểm b"
                n += kind.size() + 1;
            if (const std::size_t ne = wordAt(n); ne == n || kinds.contains(f.substr(n, ne - n)))
                break;
            i = n;
        }
        if (labels[kind].empty())
            return {};
        while (i < f.size() && (f[i] == ' ' || f[i] == ','))
            ++i;
        if (f.compare(i, 4, "cua ") == 0)
            i += 4;
    }
    // Another document's points: "… Điều 2 Nghị quyết số 12/…", "… của Kế hoạch số …" (not
    // "… Điều 2 Nghị quyết này").
    const std::string after = f.substr(i, 60);
    for (std::string_view document : {"nghi quyet", "ke hoach", "quyet dinh", "chi thi",
                                      "chuong trinh", "de an", "thong bao", "cong van", "luat"})
        if (after.starts_with(document) && !after.substr(document.size()).starts_with(" nay"))
            return {};
    // "Điều này", "khoản này": the article, part or clause the assignment stands in.
    std::vector<std::string> ownPath;
    for (std::size_t b = 0; b <= own.size();) {
        const std::size_t e = std::min(own.find('.', b), own.size());
        ownPath.push_back(own.substr(b, e - b));
        b = e + 1;
    }
    bool here = false; // "khoản này" without its article: the assignment's own
    for (auto& [kind, ls] : labels)
        if (ls.size() == 1 && ls.front() == kHere) {
            here = true;
            const std::size_t depth = kind == "khoan" ? 1 : kind == "diem" ? 2 : 0;
            if (depth >= ownPath.size())
                return {};
            ls.front() = ownPath[depth];
            if (kind == "dieu" && ls.front().starts_with("Điều "))
                ls.front().erase(0, std::string_view("Điều ").size());
        }
    // The top: an article, or a part ("phần II", with its "mục 1" under it), or a "mục" alone.
    std::vector<std::string> tops;
    std::vector<std::string_view> levels = {"khoan", "diem"};
    for (const auto& l : labels["dieu"])
        tops.push_back("Điều " + l);
    if (tops.empty()) {
        const bool parts = !labels["phan"].empty();
        for (const auto& l : labels[parts ? "phan" : "muc"])
            tops.push_back(l);
        if (parts)
            levels.insert(levels.begin(), "muc");
    }
    if (tops.empty() && here)
        tops.push_back(ownPath.front());
    bool pointsUnder = false;
    for (std::string_view level : levels)
        pointsUnder = pointsUnder || !labels[std::string(level)].empty();
    if (tops.size() != 1 && !(tops.size() > 1 && !pointsUnder))
        return {}; // none, or several with points under them: not which
    std::vector<std::string> out = tops;
    for (std::string_view level : levels) {
        const auto& ls = labels[std::string(level)];
        if (ls.empty())
            continue;
        std::vector<std::string> deeper;
        for (const auto& o : out)
            for (const auto& l : ls)
                deeper.push_back(o + "." + l);
        out = std::move(deeper);
    }
    return out;
}

/// Assignments that name the points they assign ("a) Các nhiệm vụ tại điểm a khoản 1 Điều 2: Ban
/// Quản lý Khu kinh tế tỉnh chủ trì, phối hợp với …; thời gian thực hiện giai đoạn 2026 - 2030")
/// give those points' tasks their lead, support and deadline, where the tasks name none of their
/// own (only the document's implementer or nobody); the assignment itself is no further task. One
/// whose points hold no task stays a task, and a warning says which it names.
void applyCrossReferences(ParsedPlan& plan, std::size_t partFirstTask, const std::string& prefix)
{
    const auto first = plan.tasks.begin() + static_cast<std::ptrdiff_t>(partFirstTask);
    std::vector<std::pair<std::size_t, std::vector<std::string>>> assignments;
    for (auto it = first; it != plan.tasks.end(); ++it)
        if (!it->lead.empty() && it->rule != "section" && it->rule != "document-implementer" &&
            it->rule != "addressees")
            if (auto sections = referencedSections(
                    it->text, it->section.substr(std::min(prefix.size(), it->section.size())));
                !sections.empty())
                assignments.emplace_back(static_cast<std::size_t>(it - plan.tasks.begin()),
                                         std::move(sections));
    if (assignments.empty())
        return;
    // The most specific first: "khoản 2 Mục II" before "Mục II", whatever their order; a task
    // one has led is not led again by a wider one.
    auto depth = [](const std::vector<std::string>& sections) {
        return std::count(sections.front().begin(), sections.front().end(), '.');
    };
    std::stable_sort(assignments.begin(), assignments.end(), [&](const auto& a, const auto& b) {
        return depth(a.second) > depth(b.second);
    });
    std::set<std::size_t> assigning;
    for (const auto& a : assignments)
        assigning.insert(a.first);
    auto under = [&](const Task& t, const std::string& section) {
        const std::string own = t.section.substr(std::min(prefix.size(), t.section.size()));
        return own == section || own.starts_with(section + ".");
    };
    std::set<std::size_t> applied;
    std::set<int> appliedLines;
    std::size_t given = 0;
    for (const auto& [index, sections] : assignments) {
        const Task assignment = plan.tasks[index];
        bool any = false, narrower = false; // (narrower: tasks there led by a narrower one)
        std::size_t byThis = 0;
        for (std::size_t k = partFirstTask; k < plan.tasks.size(); ++k) {
            Task& t = plan.tasks[k];
            if (assigning.contains(k) ||
                std::none_of(sections.begin(), sections.end(),
                             [&](const std::string& s) { return under(t, s); }))
                continue;
            any = true;
            narrower = narrower || t.rule == "cross-reference";
            if (!t.lead.empty() && t.rule != "section" && t.rule != "document-implementer" &&
                t.rule != "addressees")
                continue; // a task that names its own lead keeps it
            t.lead = assignment.lead;
            t.support = assignment.support;
            t.collective = assignment.collective;
            if (t.deadline.empty())
                t.deadline = assignment.deadline;
            t.rule = "cross-reference";
            ++byThis;
        }
        given += byThis;
        if (byThis > 0 || narrower) {
            applied.insert(index);
            appliedLines.insert(assignment.line);
        } else if (!any) { // (where every task there names its own lead, it stays a task too)
            plan.warnings.push_back(
                {{QT_TRANSLATE_NOOP("pa::layers",
                                    "line %1 assigns the tasks of %2, but no task stands there: "
                                    "kept as a task of its own"),
                  {std::to_string(assignment.line), sections.front()}},
                 "listed by 'ingest --explain'"});
        }
    }
    for (auto it = applied.rbegin(); it != applied.rend(); ++it)
        plan.tasks.erase(plan.tasks.begin() + static_cast<std::ptrdiff_t>(*it));
    std::string lines;
    for (const int line : appliedLines)
        lines += (lines.empty() ? "" : ", ") + std::to_string(line);
    if (given > 0)
        plan.warnings.push_back(
            {{QT_TRANSLATE_NOOP("pa::layers",
                                "%1 task(s) given their lead by the assignments that name their "
                                "points (lines %2); those assignments are not tasks themselves"),
              {layers::Sentence::count(given), lines}},
             "listed by 'ingest --explain'"});
}

bool isWrapperClause(const std::string& body)
{
    const std::string f = foldForMatch(body.substr(0, 600));
    return contains(f, "chiu trach nhiem thi hanh") || contains(f, "co hieu luc thi hanh") ||
           contains(f, "co hieu luc ke tu") || contains(f, "co hieu luc tu ngay") ||
           f.rfind("ban hanh kem theo", 0) == 0 || contains(f, "thay the quyet dinh") ||
           (contains(f, "bai bo") && contains(f, "quyet dinh so"));
}

// ---- per-task fields ("Cơ quan chủ trì: …; Thời gian: …") ----------------------------------

using FieldKind = FieldLabel;

struct Field
{
    FieldKind kind = FieldKind::None;
    std::string value;
};

/// A labelled field at the start of a paragraph.
Field fieldAt(const std::string& body)
{
    std::size_t colon = 0;
    Field field;
    field.kind = fieldLabelOf(body, &colon);
    if (field.kind == FieldKind::None)
        return {};
    std::string value = body.substr(colon + 1);
    while (!value.empty() && value.front() == ' ')
        value.erase(0, 1);
    while (!value.empty() && (value.back() == '.' || value.back() == ';' || value.back() == ' '))
        value.pop_back();
    field.value = value;
    return field;
}

/// Whether the agency whose name starts at folded offset @p at is what a duty is reported,
/// submitted or sent to ("… báo cáo UBND tỉnh", "gửi kết quả về Sở Tài chính", "tham mưu cho
/// …"): a recipient, not one who carries the work out.
bool isRecipient(const std::string& F, std::size_t at)
{
    std::size_t end = at;
    while (end > 0 && F[end - 1] == ' ')
        --end;
    const std::string_view before = std::string_view(F).substr(0, end);
    for (std::string_view verb :
         {" bao cao", " trinh", " ve", " len", " tham muu", " tham muu cho", " de xuat",
          " de xuat voi", " kien nghi", " kien nghi voi", " gui", " gui cho", " den"})
        if (before.ends_with(verb))
            return true;
    return false;
}

/// Agencies named in a field or table cell: every one that carries the work out (not those it
/// is reported or sent to), or the cell's words as one body.
std::vector<AgencyInfo> agenciesIn(const std::string& cell, AgencyResolver& resolver)
{
    std::vector<AgencyInfo> out;
    if (cell.empty())
        return out;
    const text::FoldedText f = text::foldWithOffsets(cell);
    const auto mentions = findAgencies(cell, f, resolver.province());
    // One name that opens the cell is the whole cell, up to a "(" or ";" ("Ban Quản lý Khu kinh
    // tế, công nghiệp thành phố Huế").
    if (mentions.size() == 1 && f.foldedAt(mentions.front().begin) == 0) {
        const std::size_t to = std::min(f.folded.find_first_of(";("), f.folded.size());
        out.push_back(resolver.info(wholeName(mentions.front(), cell, f, to)));
        return out;
    }
    for (const auto& m : mentions) {
        const std::size_t at = f.foldedAt(m.begin);
        if (&m != &mentions.front() && isRecipient(f.folded, at))
            continue;
        out.push_back(resolver.info(m));
    }
    if (out.empty()) {
        std::string written = cell.substr(0, cell.find_first_of(";("));
        while (!written.empty() &&
               (written.back() == ' ' || written.back() == '.' || written.back() == ','))
            written.pop_back();
        if (!written.empty() && written.size() < 120)
            out.push_back(resolver.remember(unregisteredAgency(written)));
    }
    return out;
}

struct NodeFields
{
    std::vector<AgencyInfo> lead, support;
    Deadline deadline;
    std::string product;
};

} // namespace

std::vector<Part> documentParts(const std::string& text)
{
    std::vector<Part> out;
    for (const auto& range : segmentParts(splitParagraphs(text)))
        out.push_back(range.info);
    return out;
}

ParsedPlan parsePlanText(const std::string& text, const std::string& sourceName,
                         const ReadOptions& options)
{
    ParsedPlan plan;
    plan.sourceText = text;
    const RuleSet rules(options.withoutRulesFor);
    const std::vector<Paragraph> paragraphs = splitParagraphs(text);
    if (paragraphs.empty())
        throw layers::Error(
            layers::ErrorKind::Input,
            {QT_TRANSLATE_NOOP("pa::layers", "%1: the document has no text"), {sourceName}});
    std::vector<PartRange> parts = segmentParts(paragraphs);

    // The body of a part starts at its first numbered marker ("I.", "1.", "Điều 1.") or task row.
    auto bodyStartOf = [&](const PartRange& r) {
        for (std::size_t i = r.begin; i < r.end; ++i)
            if ((isNumbered(paragraphs[i].marker) && paragraphs[i].marker != Marker::Paren) ||
                paragraphs[i].marker == Marker::Row)
                return i;
        return r.end;
    };
    const std::size_t bodyStart = bodyStartOf(parts[0]);
    if (std::all_of(parts.begin(), parts.end(),
                    [&](const PartRange& r) { return bodyStartOf(r) == r.end; }))
        throw layers::Error(
            layers::ErrorKind::Input,
            {QT_TRANSLATE_NOOP("pa::layers",
                               "%1: no numbered sections (I., 1., Điều 1.) or task table were "
                               "found; this does not look like a plan document"),
             {sourceName}});
    plan.document = readHeader(paragraphs, bodyStart);
    completeFromBody(plan.document, paragraphs);
    for (std::size_t i = 0; i < bodyStart; ++i) {
        const std::string f = foldForMatch(paragraphs[i].text);
        for (std::size_t pos = f.find("ngay "); pos != std::string::npos;
             pos = f.find("ngay ", pos + 5)) {
            const std::string date = findDate(f.substr(pos));
            if (!date.empty() && date > plan.document.notBefore)
                plan.document.notBefore = date;
        }
    }
    AgencyResolver resolver(plan.document.province);

    // Preamble paragraphs between header and body: "Kính gửi" addressees and early targets.
    std::vector<AgencyInfo> documentLead;
    std::string documentLeadRule;
    std::optional<int> documentYear = yearIn(plan.document.title);
    for (std::size_t i = 0; i < bodyStart; ++i) {
        const std::string f = foldForMatch(paragraphs[i].text.substr(0, 12));
        if (f.rfind("kinh gui", 0) == 0) {
            // The addressees are the paragraphs (list items) after "Kính gửi:", or the rest of its
            // line.
            const std::string rest =
                paragraphs[i].text.substr(paragraphs[i].text.find(':') == std::string::npos
                                              ? paragraphs[i].text.size()
                                              : paragraphs[i].text.find(':') + 1);
            if (!rest.empty()) {
                const auto c = subjectGroup(rest, resolver);
                documentLead.insert(documentLead.end(), c.begin(), c.end());
                const text::FoldedText rf = text::foldWithOffsets(rest);
                for (const auto& m : findAgencies(rest, rf, resolver.province()))
                    documentLead.push_back(resolver.info(m));
            }
            for (std::size_t j = i + 1; j < bodyStart && paragraphs[j].marker == Marker::Dash;
                 ++j) {
                const text::FoldedText jf = text::foldWithOffsets(paragraphs[j].body);
                for (const auto& m : findAgencies(paragraphs[j].body, jf, resolver.province()))
                    documentLead.push_back(resolver.info(m));
            }
            documentLeadRule = "addressees";
        }
    }
    // A directive's request before its items: "Chủ tịch UBND thành phố yêu cầu Giám đốc, Thủ
    // trưởng các sở, ban, ngành, Chủ tịch UBND xã, phường … thực hiện các nhiệm vụ … như sau:".
    // Its addressees lead the items that name nobody, and its items are tasks.
    bool requestPreamble = false;
    if (rules.enabled("request-preamble"))
        for (std::size_t i = 0; i < bodyStart; ++i) {
            const std::string& t = paragraphs[i].text;
            const std::string f = foldForMatch(t);
            const auto at = f.find("yeu cau ");
            if (at == std::string::npos || !endsWithColon(t) || t.size() > 1200)
                continue;
            std::vector<AgencyInfo> addressees;
            const text::FoldedText tf = text::foldWithOffsets(t);
            const std::size_t from = tf.origin[std::min(at, tf.folded.size())];
            for (const auto& m : findAgencies(t, tf, resolver.province()))
                if (m.begin >= from)
                    addressees.push_back(resolver.info(m));
            if (addressees.empty())
                continue;
            requestPreamble = true;
            if (documentLead.empty()) {
                documentLead = addressees;
                documentLeadRule = "addressees";
            }
        }
    if (!documentYear)
        for (std::size_t i = 0; i < bodyStart && !documentYear; ++i)
            documentYear = yearIn(paragraphs[i].text);
    for (std::size_t i = 0; i < bodyStart; ++i) {
        const auto& p = paragraphs[i];
        if (p.upperCase || p.tableCell || foldForMatch(p.text.substr(0, 10)).rfind("so", 0) == 0)
            continue;
        auto found = extractTargets(p.text, "", p.line, documentYear);
        plan.targets.insert(plan.targets.end(), found.begin(), found.end());
    }

    std::map<std::string, int> ordinals;
    int appendixCount = 0;
    for (std::size_t partIndex = 0; partIndex < parts.size(); ++partIndex) {
        PartRange& part = parts[partIndex];
        if (part.info.kind == "distribution" || part.info.kind == "signature") {
            plan.parts.push_back(part.info);
            continue;
        }
        // Section paths of later parts carry the part: "PL1/I" (appendix), "P2/III.1" (a plan
        // attached).
        std::string prefix;
        if (partIndex > 0 && part.info.kind == "appendix")
            prefix = "PL" + std::to_string(++appendixCount) + "/";
        else if (partIndex > 0 && parts[0].info.kind != "wrapper")
            prefix = "P" + std::to_string(partIndex + 1) + "/";
        const std::size_t start = partIndex == 0 ? bodyStart : bodyStartOf(part);
        std::vector<Node> nodes = buildTree(paragraphs, start, part.end);

        // Section kinds, inherited from the nearest classified ancestor.
        std::vector<SectionKind> kinds(nodes.size(), SectionKind::Unknown);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            // Only headings name a section's kind: a numbered item with a long body, or a "(1)"
            // list item, is content ("… hoàn thành nhiệm vụ …" in a target is not a task section).
            const bool heading = isNumbered(nodes[i].p->marker) &&
                                 nodes[i].p->marker != Marker::Paren &&
                                 (!nodes[i].children.empty() || nodes[i].ownTitle.size() <= 160);
            SectionKind own = heading ? classifyTitle(nodes[i].ownTitle) : SectionKind::Unknown;
            if (own == SectionKind::Unknown && nodes[i].parent >= 0)
                own = kinds[static_cast<std::size_t>(nodes[i].parent)];
            if (own == SectionKind::Unknown && nodes[i].parent < 0 && requestPreamble &&
                partIndex == 0)
                own = SectionKind::Tasks; // the items a directive's request introduces
            kinds[i] = own;
        }

        // Document-wide implementer: "Giao UBND tỉnh triển khai, tổ chức thực hiện Nghị quyết".
        for (const auto& node : nodes) {
            const std::string f = foldForMatch(node.p->body);
            // (Not "Giao Sở X chủ trì … theo dõi, đôn đốc …": that is a monitoring task of its
            // own.)
            if (f.rfind("giao ", 0) == 0 && contains(f, "thuc hien") &&
                (contains(f, "nghi quyet") || contains(f, "ke hoach") ||
                 contains(f, "chuong trinh") || contains(f, "quyet dinh")) &&
                !contains(f, "giam sat") && !contains(f, "chu tri") && !contains(f, "theo doi") &&
                !contains(f, "don doc")) {
                const auto c = rules.parseClause(node.p->body, resolver);
                if (!c.leads.empty()) {
                    documentLead = c.leads;
                    documentLeadRule = "document-implementer";
                    break;
                }
            }
        }

        // Clauses, and the labelled fields each task or heading owns.
        std::vector<Clause> clauses(nodes.size());
        std::vector<Field> fields(nodes.size());
        std::vector<NodeFields> owned(nodes.size());
        std::vector<bool> isField(nodes.size(), false);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            clauses[i] = rules.parseClause(nodes[i].p->body, resolver, nodes[i].p->marker);
            fields[i] = fieldAt(nodes[i].p->body);
            isField[i] = fields[i].kind != FieldKind::None;
        }
        // A heading among agency headings that names no agency names the addressees all the same
        // ("9. Các cơ sở sản xuất, kinh doanh, dịch vụ …" after "8. UBND các xã, phường:"): its
        // items are theirs.
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const Node& n = nodes[i];
            if (!clauses[i].leads.empty() || !isNumbered(n.p->marker) || n.children.empty() ||
                n.ownTitle.size() > 200 || foldForMatch(n.ownTitle).rfind("cac ", 0) != 0 ||
                contains(n.ownTitle, ";"))
                continue;
            std::vector<int> siblings;
            if (n.parent >= 0)
                siblings = nodes[static_cast<std::size_t>(n.parent)].children;
            else
                for (std::size_t k = 0; k < nodes.size(); ++k)
                    if (nodes[k].parent < 0)
                        siblings.push_back(static_cast<int>(k));
            const auto agencyHeadings = std::count_if(siblings.begin(), siblings.end(), [&](int k) {
                const Clause& c = clauses[static_cast<std::size_t>(k)];
                return c.header && !c.leads.empty() &&
                       nodes[static_cast<std::size_t>(k)].p->marker == n.p->marker;
            });
            if (agencyHeadings < 2)
                continue;
            std::string name = n.ownTitle;
            {
                // "Các đơn vị cấp nước sạch trên địa bàn có trách nhiệm:": the addressees, not
                // their duty.
                const text::FoldedText nf = text::foldWithOffsets(name);
                for (std::string_view duty :
                     {" co trach nhiem", " chiu trach nhiem", " phai ", " thuc hien "})
                    if (const auto at = nf.folded.find(duty); at != std::string::npos && at > 8) {
                        name = name.substr(0, nf.origin[at]);
                        break;
                    }
            }
            while (!name.empty() &&
                   (name.back() == '.' || name.back() == ':' || name.back() == ' '))
                name.pop_back();
            AgencyInfo addressee = unregisteredAgency(name);
            addressee.collective = true;
            clauses[i].leads = {resolver.remember(addressee)};
            clauses[i].header = true;
            clauses[i].rule = "addressee-heading";
        }
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (!isField[i])
                continue;
            // The owner: the parent when its items are all fields, else the item before. Fields
            // in plain paragraphs after a run of bullets ("- …", "- …", then "Đơn vị thực hiện: …")
            // belong to every bullet of the run.
            std::vector<int> siblings;
            if (nodes[i].parent >= 0)
                siblings = nodes[static_cast<std::size_t>(nodes[i].parent)].children;
            else
                for (std::size_t k = 0; k < nodes.size(); ++k)
                    if (nodes[k].parent < 0)
                        siblings.push_back(static_cast<int>(k));
            std::vector<int> owners;
            const bool allFields = std::all_of(siblings.begin(), siblings.end(), [&](int k) {
                return isField[static_cast<std::size_t>(k)];
            });
            if (allFields && nodes[i].parent >= 0) {
                owners.push_back(nodes[i].parent);
            } else {
                const auto me = std::find(siblings.begin(), siblings.end(), static_cast<int>(i));
                for (auto it = me; it != siblings.begin();) {
                    --it;
                    const Node& item = nodes[static_cast<std::size_t>(*it)];
                    if (isField[static_cast<std::size_t>(*it)]) {
                        if (owners.empty())
                            continue;
                        break;
                    }
                    const bool bullet =
                        item.p->marker == Marker::Dash || item.p->marker == Marker::Plus;
                    if (!owners.empty() &&
                        !(bullet && nodes[i].p->marker == Marker::None &&
                          item.p->marker == nodes[static_cast<std::size_t>(owners[0])].p->marker))
                        break;
                    owners.push_back(*it);
                    if (!bullet || nodes[i].p->marker != Marker::None ||
                        !rules.enabled("field-runs"))
                        break;
                }
            }
            for (const int owner : owners) {
                NodeFields& o = owned[static_cast<std::size_t>(owner)];
                switch (fields[i].kind) {
                case FieldKind::Lead:
                    o.lead = agenciesIn(fields[i].value, resolver);
                    break;
                case FieldKind::Support:
                    o.support = agenciesIn(fields[i].value, resolver);
                    break;
                case FieldKind::Deadline:
                    o.deadline = deadlineOf(fields[i].value);
                    if (o.deadline.empty())
                        o.deadline.text = fields[i].value;
                    break;
                case FieldKind::Product:
                    o.product = fields[i].value;
                    break;
                default:
                    break;
                }
            }
        }

        std::map<int, std::tuple<std::vector<AgencyInfo>, std::vector<AgencyInfo>, std::string>>
            openIntro;
        std::vector<std::vector<AgencyInfo>> effectiveLead(nodes.size());
        std::vector<std::vector<AgencyInfo>> effectiveSupport(nodes.size());
        std::vector<std::string> effectiveRule(nodes.size());
        std::vector<Deadline> effectiveDeadline(nodes.size());

        // A numbered item written as a whole paragraph ("1. Các cơ quan … có trách nhiệm … ."),
        // followed by plain paragraphs only: they go on with it, and the item is one task.
        std::vector<bool> wholeItem(nodes.size(), false), absorbed(nodes.size(), false);
        if (rules.enabled("whole-items"))
            for (std::size_t i = 0; i < nodes.size(); ++i) {
                const Node& n = nodes[i];
                const std::string& b = n.p->body;
                if (!isNumbered(n.p->marker) || b.size() < 90 || b.back() != '.' ||
                    clauses[i].header || n.children.empty() || kinds[i] == SectionKind::Targets ||
                    kinds[i] == SectionKind::Other)
                    continue;
                if (!std::all_of(n.children.begin(), n.children.end(), [&](int k) {
                        const Node& child = nodes[static_cast<std::size_t>(k)];
                        return child.p->marker == Marker::None && child.children.empty() &&
                               !isField[static_cast<std::size_t>(k)] &&
                               clauses[static_cast<std::size_t>(k)].leads.empty() &&
                               subjectGroup(child.p->body, resolver).empty();
                    }))
                    continue;
                wholeItem[i] = true;
                for (int k : n.children)
                    absorbed[static_cast<std::size_t>(k)] = true;
            }

        const std::size_t partFirstTask = plan.tasks.size();
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const Node& node = nodes[i];
            const Clause& c = clauses[i];
            const bool row = node.p->marker == Marker::Row;
            const bool leaf =
                wholeItem[i] || std::all_of(node.children.begin(), node.children.end(), [&](int k) {
                    return isField[static_cast<std::size_t>(k)];
                });
            const std::string body = node.p->body;

            // Context from ancestors and intro paragraphs.
            std::vector<AgencyInfo> contextLead, contextSupport;
            std::string contextRule;
            if (auto it = openIntro.find(node.parent); it != openIntro.end())
                std::tie(contextLead, contextSupport, contextRule) = it->second;
            if (node.parent >= 0 && contextLead.empty()) {
                contextLead = effectiveLead[static_cast<std::size_t>(node.parent)];
                contextSupport = effectiveSupport[static_cast<std::size_t>(node.parent)];
                contextRule = effectiveRule[static_cast<std::size_t>(node.parent)];
            }
            const Deadline contextDeadline =
                node.parent >= 0 ? effectiveDeadline[static_cast<std::size_t>(node.parent)]
                                 : Deadline{};

            // A paragraph of its own may name its subject after an introductory phrase: "Căn cứ Kế
            // hoạch …, Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện … triển khai …".
            std::vector<AgencyInfo> ownGroup = subjectGroup(body, resolver);

            // What this node says about who does it: its row's cells, its fields, its own words.
            std::vector<AgencyInfo> lead, support;
            std::string rule;
            const NodeFields& own = owned[i];
            if (row) {
                lead = agenciesIn(node.p->cells.lead, resolver);
                support = agenciesIn(node.p->cells.support, resolver);
                rule = "table-row";
            } else if (!own.lead.empty()) {
                lead = own.lead;
                support = own.support;
                rule = "fields";
            } else if (!c.leads.empty()) {
                lead = c.leads;
                support = c.support;
                rule = c.rule;
            } else if (node.p->marker == Marker::None && !ownGroup.empty()) {
                lead = ownGroup;
                rule = "subject-group";
            } else {
                lead = contextLead;
                support = c.support;
                support.insert(support.begin(), contextSupport.begin(), contextSupport.end());
                rule = contextRule.empty()
                           ? ""
                           : (contextRule.rfind("under ", 0) == 0 ? contextRule
                                                                  : "under " + contextRule);
            }
            if (!row && own.lead.empty() && !own.support.empty())
                support.insert(support.end(), own.support.begin(), own.support.end());
            effectiveLead[i] = lead;
            effectiveSupport[i] =
                (c.leads.empty() && own.lead.empty() && !row) ? contextSupport : support;
            effectiveRule[i] = rule;
            Deadline deadline = row ? deadlineOf(node.p->cells.deadline) : own.deadline;
            if (row && deadline.empty() && !node.p->cells.deadline.empty())
                deadline.text = node.p->cells.deadline;
            if (deadline.empty() && !isField[i])
                if (Deadline inText = deadlineInTask(body); !inText.empty())
                    deadline = inText;
            if (deadline.empty() && deadline.text.empty())
                deadline = contextDeadline;
            effectiveDeadline[i] = own.deadline.empty() ? contextDeadline : own.deadline;

            if (isField[i] || isWrapperClause(body) || absorbed[i])
                continue;
            // A note in brackets ("(Chi tiết có Danh mục nhiệm vụ kèm theo)") is no item of work.
            if (!row && body.size() > 2 && body.front() == '(' &&
                (body.back() == ')' || body.ends_with(").")))
                continue;
            // A plain paragraph that assigns and ends with ':' sets the context for its following
            // siblings ("Sở Công Thương chủ trì, phối hợp …:", "Các sở, ban, ngành … thực hiện các
            // nội dung sau:").
            const bool intro = node.p->marker == Marker::None && endsWithColon(body);
            if (intro && !c.leads.empty()) {
                openIntro[node.parent] = {c.leads, c.support, c.rule};
                continue;
            }
            if (intro)
                continue; // "Cụ thể:" and other lead-ins

            // Is this a task?
            const bool ownLead =
                !c.leads.empty() && !(c.subjectOnly && kinds[i] == SectionKind::Other);
            // A short numbered line without final punctuation is a heading, not an item of work.
            const bool bareHeading =
                isNumbered(node.p->marker) && body.size() < 90 && !contains(body, ";") &&
                !(!body.empty() && body.back() == '.' && node.p->marker != Marker::Roman);
            bool isTask = false;
            if (row) {
                isTask = true;
            } else if (!own.lead.empty()) {
                isTask = leaf || !isNumbered(node.p->marker);
            } else if (c.header) {
                isTask = false; // its items are the tasks
            } else if (ownLead || c.inheritsLead) {
                const bool listChildren =
                    std::any_of(node.children.begin(), node.children.end(), [&](int k) {
                        return nodes[static_cast<std::size_t>(k)].p->marker != Marker::None &&
                               !isField[static_cast<std::size_t>(k)];
                    });
                isTask = leaf || !isNumbered(node.p->marker) || !listChildren;
            } else if (!contextLead.empty() && kinds[i] != SectionKind::Other && leaf &&
                       !bareHeading) {
                isTask = true; // an item under "Sở X chủ trì, phối hợp …:"
            } else if (kinds[i] == SectionKind::Tasks && leaf) {
                // Not a norm about things that names no actor: "Tài nguyên nước phải được khai thác
                // …".
                const std::string nf = foldForMatch(body.substr(0, 160));
                // A short line without final punctuation that heads nothing is an item of work
                // ("b) Nâng cấp chợ đầu mối Phú Bình"): a heading heads something. Not a part's
                // title in Roman numerals, which may stand over a table read elsewhere, nor a
                // pointer to an appendix ("Các dự án trọng điểm: theo Phụ lục II kèm theo") or a
                // section's title ("Kinh phí thực hiện").
                bool partTitle = bareHeading && node.p->marker == Marker::Roman;
                if (bareHeading && !partTitle) {
                    static constexpr std::string_view kTitles[] = {
                        "kinh phi", "muc tieu",       "yeu cau",   "quan diem",         "noi dung",
                        "pham vi",  "doi tuong",      "giai phap", "to chuc thuc hien", "nhiem vu",
                        "danh muc", "che do bao cao", "dieu khoan"};
                    partTitle = contains(nf, "phu luc") || contains(nf, "kem theo") ||
                                std::any_of(std::begin(kTitles), std::end(kTitles),
                                            [&](std::string_view t) { return nf.starts_with(t); });
                }
                isTask = !partTitle && nf.find(" phai duoc ") == std::string::npos;
            }
            if (!isTask)
                continue;
            if (lead.empty()) {
                // A group named as subject ("Căn cứ …, các sở, ban, ngành, UBND các huyện … tổ chức
                // …").
                lead = ownGroup;
                rule = "subject-group";
            }
            if (lead.empty()) {
                lead = documentLead;
                rule = documentLeadRule.empty() ? "section" : documentLeadRule;
            }

            Task task;
            const std::string path = prefix + node.path;
            task.section = path;
            const int n = ++ordinals[path];
            task.id = (path.empty() ? std::string("0") : path) + "#" + std::to_string(n);
            task.heading = isNumbered(node.p->marker)
                               ? node.heading
                               : (node.heading.empty() ? node.ownTitle : node.heading);
            if (task.heading.empty() && node.parent >= 0)
                task.heading = nodes[static_cast<std::size_t>(node.parent)].ownTitle;
            task.text = body;
            task.lead = names(lead);
            for (const auto& s : names(support))
                if (std::find(task.lead.begin(), task.lead.end(), s) == task.lead.end() &&
                    std::find(task.support.begin(), task.support.end(), s) == task.support.end())
                    task.support.push_back(s);
            task.collective = allCollective(lead);
            task.line = node.p->line;
            task.places = findPlaces(body, plan.document.province);
            // A place inside a board's name ("phối hợp với Ban Quản lý Khu kinh tế Nghi Sơn") or
            // the lead's ("UBND huyện Đại Từ chủ trì") names an agency, unless the task names
            // it again ("… đầu tư hạ tầng Khu kinh tế Nghi Sơn"), as the link suggester reads it.
            const text::FoldedText folded = text::foldWithOffsets(body);
            const auto boards = boardNames(body, folded, plan.document.province);
            std::erase_if(task.places, [&](PlaceMention& p) {
                const std::size_t first =
                    p.offset != std::string::npos ? p.offset : body.find(p.text);
                std::size_t at = namedOutsideBoards(body, folded, boards, p);
                if (at == std::string::npos)
                    return true;
                if (at == first && // (not found again after a board's name)
                    std::any_of(lead.begin(), lead.end(), [&](const AgencyInfo& a) {
                        return a.name.find(p.text) != std::string::npos;
                    }))
                    if (at = body.find(p.text, at + p.text.size()); at == std::string::npos)
                        return true;
                if (p.offset != std::string::npos)
                    p.offset = at;
                return false;
            });
            task.deadline = deadline;
            task.product = row ? node.p->cells.product : own.product;
            task.part = part.info.kind;
            task.rule = rule.empty() ? "section" : rule;
            plan.tasks.push_back(std::move(task));
            ++part.info.tasks;
        }

        if (rules.enabled("cross-references")) {
            const std::size_t before = plan.tasks.size();
            applyCrossReferences(plan, partFirstTask, prefix);
            part.info.tasks -= static_cast<int>(before - plan.tasks.size());
        }
        if (rules.enabled("measures"))
            setMeasuresApart(plan, partFirstTask, nodes, part.info);

        // Targets in target sections; elsewhere the figures a task sets: what the map can check
        // ("tổng chiều dài đường bộ cao tốc … khoảng 134,9km"), known indicators ("tỷ lệ đô thị
        // hóa đạt trên 40%") and shares to reach ("yêu cầu 100% các công trường …"), not figures
        // of what is already done ("đã đạt 35%").
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (kinds[i] != SectionKind::Targets) {
                for (auto& t :
                     extractTargets(nodes[i].p->body, prefix + nodes[i].path, nodes[i].p->line,
                                    documentYear, false, nodes[i].p->bodyLines)) {
                    const std::string clause = foldForMatch(t.text);
                    const bool past = contains(clause, "da dat") || contains(clause, "hien nay") ||
                                      contains(clause, "hien co") || contains(clause, "cung ky") ||
                                      contains(clause, "dat duoc") ||
                                      contains(clause, "uoc thuc hien");
                    if (measurableOnMap(t.metric) ||
                        (!past && (!t.metric.empty() || t.unit == "%" || t.unit == "khu" ||
                                   t.unit == "cụm")))
                        plan.targets.push_back(std::move(t));
                }
                continue;
            }
            std::optional<int> year;
            // The year of the enclosing headings ("Mục tiêu đến năm 2030"), not of the item's own
            // text.
            for (int a = nodes[i].parent; a >= 0 && !year;
                 a = nodes[static_cast<std::size_t>(a)].parent)
                year = yearIn(nodes[static_cast<std::size_t>(a)].ownTitle);
            if (!year)
                year = documentYear;
            auto found = extractTargets(nodes[i].p->body, prefix + nodes[i].path, nodes[i].p->line,
                                        year, true, nodes[i].p->bodyLines);
            plan.targets.insert(plan.targets.end(), found.begin(), found.end());
        }
        plan.parts.push_back(part.info);
    }

    plan.agencies = resolver.all();
    // Only agencies that lead or support a task belong in the result.
    std::set<std::string> used;
    for (const auto& t : plan.tasks) {
        used.insert(t.lead.begin(), t.lead.end());
        used.insert(t.support.begin(), t.support.end());
    }
    std::erase_if(plan.agencies, [&](const AgencyInfo& a) { return !used.contains(a.name); });
    for (const auto& a : plan.agencies)
        if (!a.registered)
            plan.warnings.push_back(
                {{QT_TRANSLATE_NOOP("pa::layers",
                                    "agency not in the registry, kept as written: %1"),
                  {a.name}}});
    const bool namesAgencies =
        std::any_of(paragraphs.begin(), paragraphs.end(), [&](const Paragraph& p) {
            const text::FoldedText f = text::foldWithOffsets(p.body);
            return !p.tableCell && !findAgencies(p.body, f, resolver.province()).empty();
        });
    if (plan.tasks.empty() && !namesAgencies)
        plan.warnings.push_back({QT_TRANSLATE_NOOP(
            "pa::layers", "no tasks with an assignment were found: the document names no agency")});
    else if (plan.tasks.empty()) {
        // Never silently empty: a document with numbered structure and agencies but no task is an
        // error.
        std::string where;
        for (const auto& p : plan.parts)
            where += (where.empty() ? "" : ", ") + p.kind + " from line " + std::to_string(p.line);
        throw layers::Error(
            layers::ErrorKind::Input,
            {QT_TRANSLATE_NOOP("pa::layers",
                               "%1: numbered sections were found but no task assigned to anyone "
                               "could be read from them (parts: %2)"),
             {sourceName, where}},
            "run 'planatlas ingest --explain' to see how the document was read");
    }
    return plan;
}

} // namespace pa::plan
