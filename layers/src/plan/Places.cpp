#include "Agencies_p.h"
#include "Places_p.h"
#include "Words_p.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Text.h"

#include <algorithm>
#include <array>
#include <set>
#include <span>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace pa::plan {

namespace {

// Provinces before 1 July 2025 (the 2025 provinces keep names from this list) and the
// pre-2025 district-level units of the sample provinces, folded.
const std::set<std::string>& gazetteer()
{
    static const std::set<std::string> names = [] {
        std::set<std::string> s;
        for (const char* n :
             {"An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh",
              "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ",
              "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp",
              "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng",
              "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
              "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
              "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
              "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
              "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế", "Tiền Giang", "Hồ Chí Minh",
              "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
              // Thái Nguyên districts (pre-2025)
              "Sông Công", "Phổ Yên", "Định Hóa", "Phú Lương", "Đồng Hỷ", "Võ Nhai", "Đại Từ",
              "Phú Bình",
              // Thanh Hóa districts (pre-2025)
              "Sầm Sơn", "Bỉm Sơn", "Nghi Sơn", "Mường Lát", "Quan Hóa", "Bá Thước", "Quan Sơn",
              "Lang Chánh", "Ngọc Lặc", "Cẩm Thủy", "Thạch Thành", "Hà Trung", "Vĩnh Lộc",
              "Yên Định", "Thọ Xuân", "Thường Xuân", "Triệu Sơn", "Thiệu Hóa", "Hoằng Hóa",
              "Hậu Lộc", "Nga Sơn", "Như Xuân", "Như Thanh", "Nông Cống", "Đông Sơn", "Quảng Xương",
              "Tĩnh Gia"})
            s.insert(text::foldForMatch(n));
        return s;
    }();
    return names;
}

struct TypeWord
{
    std::string_view folded; ///< followed by a space
    std::string_view kind;
    double confidence;        ///< with a capitalised name after it
    std::string_view written; ///< in lower case with its diacritics: "sông", not "Sóng"
};

// Longer phrases first: the first match at a position wins.
constexpr std::array<TypeWord, 52> kTypeWords = {{
    {"khu nong nghiep ung dung cong nghe cao", "hitech_zone", 0.85,
     "khu nông nghiệp ứng dụng công nghệ cao"},
    {"khu bao ton thien nhien", "nature_reserve", 0.8, "khu bảo tồn thiên nhiên"},
    {"vuon quoc gia", "nature_reserve", 0.8, "vườn quốc gia"},
    {"khu cong nghe thong tin tap trung", "hitech_zone", 0.85, "khu công nghệ thông tin tập trung"},
    {"khu kinh te cua khau", "economic_zone", 0.85, "khu kinh tế cửa khẩu"},
    {"nha may dien gio", "power_plant", 0.7, "nhà máy điện gió"},
    {"nha may dien", "power_plant", 0.7, "nhà máy điện"},
    {"khu do thi moi", "urban_centre", 0.75, "khu đô thị mới"},
    {"khu do thi", "urban_centre", 0.75, "khu đô thị"},
    {"dac khu", "admin_commune", 0.8, "đặc khu"},
    {"cua khau", "border_gate", 0.75, "cửa khẩu"},
    {"duong sat", "railway", 0.75, "đường sắt"},
    // An airport by its legal name or its everyday one: "Cảng hàng không Tuy Hòa" is the "sân
    // bay Tuy Hòa" a plan upgrades.
    {"cang hang khong", "airport", 0.75, "cảng hàng không"},
    {"san bay", "airport", 0.7, "sân bay"},
    {"ben cang", "port", 0.7, "bến cảng"},
    {"cang", "port", 0.7, "cảng"},
    {"song", "river", 0.7, "sông"},
    {"ga", "station", 0.6, "ga"},
    {"khu cntt tap trung", "hitech_zone", 0.85, "khu cntt tập trung"},
    {"khu cong nghe cao", "hitech_zone", 0.8, "khu công nghệ cao"},
    {"khu cong nghiep", "industrial_park", 0.85, "khu công nghiệp"},
    {"cum cong nghiep", "industrial_cluster", 0.85, "cụm công nghiệp"},
    {"khu kinh te", "economic_zone", 0.85, "khu kinh tế"},
    {"khu di tich", "tourism_area", 0.8, "khu di tích"},
    {"khu du lich", "tourism_area", 0.8, "khu du lịch"},
    {"cho dau moi", "market_logistics", 0.8, "chợ đầu mối"},
    {"duong vanh dai", "road", 0.8, "đường vành đai"},
    {"cao toc", "expressway", 0.85, "cao tốc"},
    {"quoc lo", "road", 0.85, "quốc lộ"},
    {"duong tinh", "road", 0.85, "đường tỉnh"},
    {"tinh lo", "road", 0.85, "tỉnh lộ"}, // the old name of "đường tỉnh": "Tỉnh lộ 535"
    {"thanh pho", "urban_centre", 0.8, "thành phố"},
    {"do thi", "urban_centre", 0.7, "đô thị"}, // "đô thị Lam Sơn - Sao Vàng"
    {"bien", "sea", 0.6, "biển"},              // "biển Đông"
    {"con", "island", 0.6, "cồn"},             // "cồn Ngang" (an islet of the delta)
    {"quan dao", "island", 0.7, "quần đảo"},   // "quần đảo Cát Bà"
    {"dao", "island", 0.7, "đảo"},             // "đảo Lý Sơn"
    {"thi xa", "admin_district", 0.8, "thị xã"},
    {"thi tran", "admin_commune", 0.75, "thị trấn"},
    {"huyen", "admin_district", 0.8, "huyện"},
    {"phuong", "admin_commune", 0.7, "phường"},
    {"xa", "admin_commune", 0.7, "xã"},
    {"ho", "lake", 0.7, "hồ"},
    {"kcn", "industrial_park", 0.85, "kcn"},
    {"ccn", "industrial_cluster", 0.85, "ccn"},
    {"kkt", "economic_zone", 0.85, "kkt"},
    {"ql", "road", 0.8, "ql"},
    {"dt", "road", 0.8, "đt"},
    {"atk", "tourism_area", 0.75, "atk"},
    {"tp.", "urban_centre", 0.8, "tp."},
    {"tp", "urban_centre", 0.8, "tp"},
    {"tx", "admin_district", 0.8, "tx"},
}};

// The four directions, folded, as "phía Đông", "phía Tây Nam" write them.
constexpr std::string_view kDirections[] = {"nam", "bac", "dong", "tay"};

// Words that qualify a type word before the name: "Khu kinh tế ven biển Quảng Yên", "Khu du
// lịch quốc gia Mẫu Sơn", "huyện miền núi Võ Nhai". Longer phrases first. Those of units only
// after a unit's type word ("xã Biển Động" is named so), the others never after one.
struct Descriptor
{
    std::string_view folded;
    std::string_view written; ///< in lower case with its diacritics
    bool ofUnits;
};
constexpr std::array<Descriptor, 23> kDescriptors = {{
    {"lich su quoc gia dac biet", "lịch sử quốc gia đặc biệt", false},
    {"lich su van hoa", "lịch sử văn hóa", false},
    {"lich su quoc gia", "lịch sử quốc gia", false},
    {"quoc gia dac biet", "quốc gia đặc biệt", false},
    {"quoc gia", "quốc gia", false},
    {"lich su", "lịch sử", false},
    {"ven bien", "ven biển", false},
    {"cua khau", "cửa khẩu", false}, // "Khu kinh tế cửa khẩu quốc tế Bờ Y"
    {"quoc te", "quốc tế", false},
    {"sinh thai", "sinh thái", false},
    {"nghi duong", "nghỉ dưỡng", false},
    {"tam linh", "tâm linh", false},
    {"cong dong", "cộng đồng", false},
    {"lang nghe", "làng nghề", false},
    {"tong hop", "tổng hợp", false}, // "bến cảng tổng hợp Hòn La"
    {"ve tinh", "vệ tinh", false},   // "các đô thị vệ tinh Phước An, Quảng Phú"
    {"san bay", "sân bay", false},   // "đô thị sân bay Long Thành": the town by the airport
    {"moi", "mới", false},           // "đô thị mới Nhơn Trạch"
    {"bien", "biển", false},
    {"mien nui", "miền núi", true},
    {"vung cao", "vùng cao", true},
    {"bien gioi", "biên giới", true},
    {"ven bien", "ven biển", true},
}};

/// Whether @p word is a number or a roman numeral in capitals ("3", "II").
bool isNumberWord(std::string_view word)
{
    return !word.empty() &&
           (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            std::all_of(word.begin(), word.end(),
                        [](char c) { return c == 'I' || c == 'V' || c == 'X'; }));
}

/// Whether @p utf8 has a lower-case letter (any script).
bool hasLowerCase(std::string_view utf8)
{
    for (std::size_t i = 0; i < utf8.size();) {
        UChar32 c = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, utf8.size(), c);
        if (c > 0 && u_islower(c))
            return true;
    }
    return false;
}

/// Whether @p original, in lower case (NFC, each run of white space one space), is @p written.
bool writtenLowerAs(std::string_view original, std::string_view written)
{
    icu::UnicodeString lower = icu::UnicodeString::fromUTF8(text::toNfc(original));
    lower.toLower(icu::Locale::getRoot());
    std::string out;
    bool space = false;
    for (int32_t i = 0; i < lower.length();) {
        const UChar32 c = lower.char32At(i);
        i += U16_LENGTH(c);
        if (u_isUWhiteSpace(c)) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        // "Ð" (U+00D0, eth) stands in for "Đ" in many files; its lower case is "ð".
        icu::UnicodeString(c == 0x00F0 ? UChar32{0x0111} : c).toUTF8String(out);
    }
    return out == written;
}

// Words around a name, never in one: in text written in capitals (with its diacritics), where
// every word begins with a capital, they end a name. Verbs as pairs, as their first word may
// begin a name ("Hoàn Kiếm", "Phát Diệm").
constexpr std::string_view kNotInNames[] = {
    "và",        "của",      "tại",       "trên",    "theo",      "với",        "cho",
    "để",        "các",      "những",     "đến",     "trong",     "thuộc",      "về",
    "đã",        "đang",     "sẽ",        "được",    "là",        "có",         "nhằm",
    "hoặc",      "hay",      "ở",         "sang",    "qua",       "sau",        "đoạn",
    "giai đoạn", "trước",    "tập trung", "hiện có", "hiện hữu",  "hoàn thành", "phát triển",
    "nâng cấp",  "xây dựng", "đầu tư",    "thu hút", "thực hiện", "bảo đảm",    "đảm bảo",
    "khu vực",
};
// Words that names use too, told apart by what comes after them (below).
// Without diacritics, only words no name syllable is spelt as.
constexpr std::string_view kNotInNamesUnaccented[] = {"va",   "qua",   "theo", "trong",
                                                      "nham", "thuoc", "duoc", "giai doan"};

/// Whether the words of @p text at byte @p at are words around a name, @p accented as for
/// writtenAt. Names use some of them too, told apart by what follows: "NĂM 2026" but "NĂM
/// CĂN", "ĐẠT TỶ LỆ" but "THÀNH ĐẠT", and "MỚI" as a whole name ("KHU CÔNG NGHIỆP MỚI", @p
/// first) but "PHÚ MỚI".
bool notInName(const std::string& text, std::size_t at, bool first, bool accented)
{
    auto wordEnd = [&](std::size_t p) {
        while (p < text.size() && text[p] != ' ' && text[p] != ',' && text[p] != ';' &&
               text[p] != ':' && text[p] != '(' && text[p] != ')' && text[p] != '.')
            ++p;
        return p;
    };
    auto nextWord = [&](std::size_t end) { // start of the word after, or npos
        std::size_t next = end;
        while (next < text.size() && text[next] == ' ')
            ++next;
        return next == end || next >= text.size() ? std::string::npos : next;
    };
    auto lowerIs = [&](std::size_t from, std::size_t to, std::string_view words) {
        return accented ? writtenLowerAs(std::string_view(text).substr(from, to - from), words)
                        : text::foldForMatch(text.substr(from, to - from)) == words;
    };
    auto among = [&](std::span<const std::string_view> list) {
        for (const std::string_view words : list) {
            std::size_t end = wordEnd(at);
            for (auto n = std::count(words.begin(), words.end(), ' '); n > 0; --n) {
                const std::size_t next = nextWord(end);
                if (next == std::string::npos)
                    break;
                end = wordEnd(next);
            }
            if (lowerIs(at, end, words))
                return true;
        }
        return false;
    };
    if (!accented)
        return among(kNotInNamesUnaccented);
    if (among(kNotInNames) || (first && lowerIs(at, wordEnd(at), "mới")))
        return true;
    const std::size_t end = wordEnd(at), next = nextWord(end);
    if (next == std::string::npos)
        return false;
    const bool number = std::isdigit(static_cast<unsigned char>(text[next])) != 0;
    return (lowerIs(at, end, "năm") && number) || // "NĂM 2026"
           (lowerIs(at, end, "đạt") && !number && // "ĐẠT TỶ LỆ", not "THÀNH ĐẠT VÀ …"
            !notInName(text, next, false, accented));
}

/// writtenAt for type word @p t found at @p pos.
bool writtenAs(const std::string& text, const text::FoldedText& f, std::size_t pos,
               const TypeWord& t, bool accented)
{
    return writtenAt(text, f, pos, t.folded.size(), t.written, accented);
}

/// Whether the type words of @p kind are also words of names of other places: "Tây Hồ",
/// "Sông Công", "Hải Cảng" have the words of lakes, rivers, ports in them.
bool wordsInNames(std::string_view kind)
{
    static constexpr std::string_view kInNames[] = {"lake",   "river", "sea",
                                                    "island", "port",  "station"};
    return std::find(std::begin(kInNames), std::end(kInNames), kind) != std::end(kInNames);
}

/// Whether a type word begins at byte @p at of @p text (folded as @p f), followed by a space:
/// one of those that never end a name (not wordsInNames).
bool typeWordAt(const std::string& text, const text::FoldedText& f, std::size_t at, bool accented)
{
    const std::string& F = f.folded;
    const std::size_t q = f.foldedAt(at);
    return std::any_of(kTypeWords.begin(), kTypeWords.end(), [&](const TypeWord& t) {
        // (Without diacritics "XA", "PHUONG" are as likely "Xá", "Phương": only phrases and
        // abbreviations tell.)
        const bool sure = accented || t.folded.find(' ') != std::string_view::npos ||
                          t.folded == "kcn" || t.folded == "ccn" || t.folded == "kkt";
        return sure && !wordsInNames(t.kind) && F.compare(q, t.folded.size(), t.folded) == 0 &&
               q + t.folded.size() < F.size() && F[q + t.folded.size()] == ' ' &&
               writtenAs(text, f, q, t, accented);
    });
}

} // namespace

std::string lowerCase(std::string_view utf8)
{
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(text::toNfc(utf8));
    s.toLower(icu::Locale::getRoot());
    std::string out;
    return s.toUTF8String(out);
}

bool capitalOrDigitAt(std::string_view text, std::size_t at)
{
    if (at >= text.size())
        return false;
    UChar32 c = 0;
    std::size_t i = at;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, text.size(), c);
    return c > 0 && (u_isupper(c) || u_isdigit(c));
}

std::string_view typeWordBefore(std::string_view folded, std::size_t p)
{
    if (p < 2 || folded[p - 1] != ' ')
        return {};
    for (const auto& t : kTypeWords) {
        const std::size_t n = t.folded.size();
        if (p >= n + 1 && folded.compare(p - n - 1, n, t.folded) == 0 &&
            (p == n + 1 || !wordChar(folded[p - n - 2])))
            return t.kind;
    }
    return {};
}

std::size_t oldMarkEnd(const std::string& text, const text::FoldedText& f, std::size_t pos)
{
    const std::string& F = f.folded;
    const bool accented = hasDiacritics(text);
    if (F.compare(pos, 5, " (cu)") == 0 && writtenAt(text, f, pos + 2, 2, "cũ", accented))
        return pos + 5;
    if (F.compare(pos, 1, " ") == 0 && wordsAt(F, pos + 1, "cu") &&
        writtenAt(text, f, pos + 1, 2, "cũ", accented))
        return pos + 3;
    return pos;
}

bool writtenAt(const std::string& text, const text::FoldedText& f, std::size_t pos,
               std::size_t length, std::string_view written, bool accented)
{
    if (!accented)
        return true;
    const std::size_t from = f.origin[pos];
    const std::size_t to = f.origin[std::min(pos + length, f.folded.size())];
    return writtenLowerAs(std::string_view(text).substr(from, to - from), written);
}

std::size_t descriptorLength(const std::string& text, const text::FoldedText& f, std::size_t pos,
                             std::string_view type, bool accented, bool inKey)
{
    const std::string& F = f.folded;
    const bool unit = type.starts_with("admin_");
    // One word in running text only in lower case ("Biển Hồ" begins a name; "KHU DU LỊCH BIỂN
    // HỒ" is one), in a key only with its diacritics ("Bien Hoa" is Biên Hòa); a phrase in any
    // case ("Khu du lịch Quốc gia Mẫu Sơn", "VEN BIỂN"), both sides of a match keyed alike.
    const bool lower = pos < F.size() && !capitalOrDigitAt(text, f.origin[pos]);
    for (const auto& d : kDescriptors) {
        const std::size_t end = pos + d.folded.size();
        const bool phrase = d.folded.find(' ') != std::string_view::npos;
        if (d.ofUnits == unit && F.compare(pos, d.folded.size(), d.folded) == 0 &&
            end + 1 < F.size() && F[end] == ' ' &&
            writtenAt(text, f, pos, d.folded.size(), d.written, accented) &&
            (phrase || (inKey ? accented : lower)))
            return d.folded.size();
    }
    return 0;
}

bool onlyTheProvince(const std::string& text, const text::FoldedText& f, std::size_t at,
                     const std::string& own)
{
    const std::string& F = f.folded;
    if (own.empty() || F.compare(at, own.size(), own) != 0)
        return false;
    std::size_t after = at + own.size();
    if (after < F.size() && wordChar(F[after]))
        return false; // a longer word
    while (after < F.size() && F[after] == ' ')
        ++after;
    if (after >= F.size())
        return true;
    const std::string_view rest = std::string_view(text).substr(f.origin[after]);
    if (rest.starts_with("-") || rest.starts_with("\u2013") || rest.starts_with("\u2014"))
        return false;
    return !capitalOrDigitAt(text, f.origin[after]);
}

bool pluralBefore(const std::string& F, std::size_t pos)
{
    static constexpr std::string_view kCounts[] = {
        "cac", "nhung", "hai", "ba", "bon", "sau", "bay", "tam", "chin", "muoi", "nhieu", "mot so"};
    std::size_t end = pos;
    while (end > 0 && F[end - 1] == ' ')
        --end;
    std::size_t begin = end;
    while (begin > 0 && F[begin - 1] != ' ' && F[begin - 1] != ',' && F[begin - 1] != ';')
        --begin;
    const std::string_view word = std::string_view(F).substr(begin, end - begin);
    if (!word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        }))
        return true; // "02 khu công nghiệp"
    return std::any_of(std::begin(kCounts), std::end(kCounts), [&](std::string_view c) {
        return end >= c.size() && wordsAt(F, end - c.size(), c);
    });
}

std::size_t directionLength(const std::string& text, const text::FoldedText& f, std::size_t pos,
                            bool accented)
{
    const std::string& F = f.folded;
    if (F.compare(pos, 5, "phia ") != 0 || !writtenAt(text, f, pos, 4, "phía", accented))
        return 0;
    std::size_t q = pos + 5, end = 0;
    for (int n = 0; n < 2; ++n) { // "phía Nam", "phía Đông Nam"
        const auto dir = std::find_if(std::begin(kDirections), std::end(kDirections),
                                      [&](std::string_view d) { return wordsAt(F, q, d); });
        if (dir == std::end(kDirections) || !capitalOrDigitAt(text, f.origin[q]))
            break;
        end = q + dir->size();
        if (end >= F.size() || F[end] != ' ')
            return 0; // the direction ends the clause: "khu công nghiệp phía Tây Bắc;"
        q = end + 1;
    }
    // A name goes on after it, written with a capital; a type word says the part of a place
    // named after it ("phía Tây Thành phố Thái Nguyên", "phía Đông KCN Yên Bình", "phía Bắc
    // Quốc lộ 3").
    if (end == 0 || !capitalOrDigitAt(text, f.origin[end + 1]))
        return 0;
    if (wordsAt(F, end + 1, "tinh") || wordsAt(F, end + 1, "quan") ||
        std::any_of(kTypeWords.begin(), kTypeWords.end(),
                    [&](const TypeWord& t) { return wordsAt(F, end + 1, t.folded); }))
        return 0;
    return end - pos;
}

namespace {

/// Words that cannot qualify a type word before a name (folded): they begin a clause, say where
/// or what state, or belong to a verb ("khu công nghiệp tại Yên Bình", "đô thị loại II", "khu
/// du lịch được UBND tỉnh …").
constexpr std::string_view kNotQualifiers[] = {
    "tại",   "ở",    "trên", "thuộc", "của",   "và",    "với",  "cho",  "theo", "để",   "gắn",
    "trong", "đến",  "từ",   "như",   "là",    "được",  "đã",   "đang", "sẽ",   "cần",  "có",
    "không", "các",  "một",  "này",   "đó",    "về",    "số",   "mới",  "hiện", "nhằm", "bằng",
    "giữa",  "qua",  "sang", "vào",   "ra",    "ngoài", "phía", "gồm",  "loại", "hạng", "cấp",
    "thì",   "khi",  "nếu",  "hoặc",  "hay",   "bởi",   "phải", "nên",  "nhất", "thêm", "lại",
    "đầu",   "tư",   "xây",  "dựng",  "mở",    "rộng",  "nâng", "tiếp", "tục",  "phát", "triển",
    "giai",  "đoạn", "năm",  "đạt",   "trình", "dọc",   "ven",  "gần",  "cạnh", "giáp", "phục",
    "vụ",    "lên",  "tới",  "kể",    "tỷ",    "lệ",    "quy",  "mô",   "diện", "tích", "hạ",
    "tầng",  "nhà",  "máy",  "chủ",   "trì",   "phối",  "hợp",  "thu",  "hút",  "lấp",  "đầy"};

/// Whether names of @p type may follow words the vocabulary does not know: parks', zones' and
/// sites' (not units', whose type word is followed by the name, nor zones of a product, whose
/// products are read as values).
bool unknownQualifiersMayStand(std::string_view type)
{
    return type == "industrial_park" || type == "industrial_cluster" || type == "economic_zone" ||
           type == "hitech_zone" || type == "tourism_area";
}

} // namespace

std::size_t nameStart(const std::string& text, const text::FoldedText& f, std::size_t pos,
                      std::string_view type, bool accented, bool plural)
{
    std::size_t q = pos;
    for (int n = 0; n < 3; ++n) { // "cửa khẩu quốc tế"
        const std::size_t d = descriptorLength(text, f, q, type, accented);
        if (d == 0)
            break;
        q += d + 1;
    }
    if (q == pos && !plural && unknownQualifiersMayStand(type)) {
        // Words the vocabulary does not know may qualify a park's or a site's type word before
        // its name: "khu công nghiệp cảng biển Hải Hà", "Khu di tích khảo cổ Óc Eo – Ba Thê" (at
        // most two, in lower case, none a word that begins a clause or another place).
        const std::string& F = f.folded;
        static const auto notQualifiers = [] { // (folded once: {folded, as written})
            std::vector<std::pair<std::string, std::string_view>> out;
            for (const std::string_view w : kNotQualifiers)
                out.emplace_back(text::foldForMatch(w), w);
            return out;
        }();
        std::size_t r = pos;
        for (int n = 0; n < 2 && r < F.size(); ++n) {
            const std::size_t e = std::min(F.find(' ', r), F.size());
            const std::string_view word = std::string_view(F).substr(r, e - r);
            if (e >= F.size() || word.size() < 2 || capitalOrDigitAt(text, f.origin[r]) ||
                !std::all_of(word.begin(), word.end(),
                             [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) ||
                std::any_of(notQualifiers.begin(), notQualifiers.end(),
                            [&](const auto& w) {
                                return w.first == word &&
                                       writtenAt(text, f, r, word.size(), w.second, accented);
                            }) ||
                // (Nor a unit's or a town's type word: "khu công nghiệp huyện Phú Bình".)
                std::any_of(kTypeWords.begin(), kTypeWords.end(), [&](const TypeWord& t) {
                    return (t.kind.starts_with("admin_") || t.kind == "urban_centre") &&
                           wordsAt(F, r, t.folded) && writtenAs(text, f, r, t, accented);
                }))
                break;
            r = e + 1;
            // A capitalised name (not a number: "khu công nghiệp giai đoạn 2"), and none that is
            // another place or a body: "khu công nghiệp dọc Quốc lộ 18", "… trình UBND tỉnh".
            if (capitalOrDigitAt(text, f.origin[r])) {
                if (std::isdigit(static_cast<unsigned char>(F[r])) || wordsAt(F, r, "ubnd") ||
                    wordsAt(F, r, "uy ban") ||
                    std::any_of(kTypeWords.begin(), kTypeWords.end(),
                                [&](const TypeWord& t) { return wordsAt(F, r, t.folded); }))
                    break;
                return r;
            }
        }
    }
    if (q == pos)
        return pos;
    const std::size_t d = plural ? 0 : directionLength(text, f, q, accented);
    return capitalOrDigitAt(text, f.origin[d ? q + d + 1 : q]) ? q : pos;
}

bool inCapitals(const std::string& text)
{
    std::size_t letters = 0, capitals = 0;
    for (std::size_t i = 0; i < text.size();) {
        UChar32 c = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, text.size(), c);
        if (u_isalpha(c)) {
            ++letters;
            capitals += u_isupper(c) ? 1 : 0;
        }
    }
    return letters >= 10 && capitals * 10 >= letters * 9;
}

bool hasDiacritics(std::string_view utf8)
{
    for (std::size_t i = 0; i < utf8.size();) {
        UChar32 c = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, utf8.size(), c);
        if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x300 && c <= 0x36F) ||
            (c >= 0x1EA0 && c <= 0x1EFF))
            return true;
    }
    return false;
}

double kindFit(std::string_view type, std::string_view kind)
{
    if (type == kind)
        return 1.0;
    // A national park or nature reserve is special-use forest before it is a site.
    if (type == "nature_reserve" && kind == "forest")
        return 0.9;
    auto in = [](std::string_view s, std::initializer_list<std::string_view> set) {
        return std::find(set.begin(), set.end(), s) != set.end();
    };
    // ("admin_unit": a unit of the gazetteer named without its type word, "từ Hoằng Hóa".)
    const bool town = in(type, {"admin_district", "urban_centre", "admin_commune", "admin_unit"}) &&
                      in(kind, {"admin_district", "urban_centre", "admin_commune"});
    const bool industry =
        layers::inGroup(type, "industrial") && layers::inGroup(kind, "industrial");
    const bool road = in(type, {"road", "expressway"}) && in(kind, {"road", "expressway"});
    // (National parks and nature reserves are special-use forest, often held as sites.)
    const bool site = in(type, {"lake", "island", "tourism_area", "nature_reserve"}) &&
                      in(kind, {"tourism_area", "other", "infrastructure", "forest"});
    const bool region = type == "region" && kind == "other"; // "khu vực phía Nam của tỉnh"
    // Ports, stations, plants, rivers … have no kind of their own: a layer of infrastructure
    // or other features holds them.
    const bool facility = in(type, {"port", "airport", "station", "border_gate", "power_plant",
                                    "railway", "river", "sea", "island", "lake"}) &&
                          in(kind, {"infrastructure", "other"});
    return town || industry || road || site || region || facility ? 0.8 : 0.5;
}

std::string placeKey(const std::string& name, std::string_view kind)
{
    // What a bracket at the end adds is no part of a feature's name ("KCN Phú Bình (khu công
    // nghiệp – đô thị – dịch vụ)"); in a table's unit names it may tell two apart ("Xã Tân Lập
    // (Đồng Hỷ)"), so it stays there.
    std::string written = name;
    if (const auto open = written.find('(');
        !kind.empty() && open != std::string::npos && open > 0) {
        const auto close = written.find(')', open);
        if (close == std::string::npos ||
            written.find_first_not_of(" .", close + 1) == std::string::npos) {
            written.resize(open);
            while (!written.empty() && written.back() == ' ')
                written.pop_back();
        }
    }
    const text::FoldedText f = text::foldWithOffsets(written);
    const std::string& F = f.folded;
    const bool accented = hasDiacritics(written);
    std::size_t pos = F.find_first_not_of(' ');
    if (pos == std::string::npos)
        return {};
    for (bool first = true;;) {
        // "Khu du lịch quốc gia Hồ Núi Cốc" is keyed as "Khu du lịch Hồ Núi Cốc" is, "Khu du lịch
        // biển Thiên Cầm" as "BIỂN THIÊN CẦM" is.
        if (const std::size_t d =
                kind.empty() ? 0 : descriptorLength(written, f, pos, kind, accented, true)) {
            pos += d;
            while (pos < F.size() && F[pos] == ' ')
                ++pos;
            first = true;
            continue;
        }
        std::size_t cut = 0;
        for (const auto& t : kTypeWords) {
            const std::size_t end = pos + t.folded.size();
            if (F.compare(pos, t.folded.size(), t.folded) != 0 || end + 1 >= F.size() ||
                F[end] != ' ' || !writtenAs(written, f, pos, t, accented))
                continue;
            if (!kind.empty() && (kindFit(t.kind, kind) < 0.8 ||
                                  (!first && capitalOrDigitAt(written, f.origin[pos]))))
                continue;
            cut = t.folded.size();
            break;
        }
        // "TT Hương Sơn": thị trấn.
        if (!cut && F.compare(pos, 3, "tt ") == 0 && pos + 3 < F.size() &&
            (kind.empty() || kindFit("admin_commune", kind) >= 0.8))
            cut = 2;
        if (!cut)
            break;
        pos += cut;
        while (pos < F.size() && F[pos] == ' ')
            ++pos;
        first = false;
    }
    // The words, dashes between them as spaces; "II" after the first as "2".
    static constexpr std::array<std::string_view, 10> kRoman = {"i",  "ii",  "iii",  "iv", "v",
                                                                "vi", "vii", "viii", "ix", "x"};
    // In a name written in capitals throughout, "VI" is as likely "Vì" as six ("BA VI").
    const bool capitals = !hasLowerCase(written);
    std::string key;
    for (std::size_t p = pos; p < F.size();) {
        auto dash = [&](std::size_t q) {
            return F[q] == '-' ? 1
                   : F.compare(q, 3, "\xE2\x80\x93") == 0 || F.compare(q, 3, "\xE2\x80\x94") == 0
                       ? 3
                       : 0;
        };
        if (F[p] == ' ') {
            ++p;
            continue;
        }
        if (const int d = dash(p)) {
            p += d;
            continue;
        }
        std::size_t e = p;
        while (e < F.size() && F[e] != ' ' && !dash(e))
            ++e;
        std::string word = F.substr(p, e - p);
        // (Of a name in capitals only the numerals no syllable is spelt as: "VŨNG ÁNG II".)
        if (!key.empty() && (!capitals || word == "ii" || word == "iii" || word == "iv")) {
            const auto roman = std::find(kRoman.begin(), kRoman.end(), word);
            const std::string asWritten = written.substr(f.origin[p], f.origin[e] - f.origin[p]);
            if (roman != kRoman.end() &&
                std::all_of(asWritten.begin(), asWritten.end(),
                            [](char c) { return c == 'I' || c == 'V' || c == 'X'; }))
                word = std::to_string(roman - kRoman.begin() + 1);
        }
        key += (key.empty() ? "" : " ") + word;
        p = e;
    }
    // The city's name in its short forms, as in road names: "Cao tốc TP.HCM - Mộc Bài" is
    // "cao tốc TP. Hồ Chí Minh – Mộc Bài".
    for (const std::string_view shortName :
         {"thanh pho ho chi minh", "tp. ho chi minh", "tp ho chi minh", "tp.hcm", "tp. hcm",
          "tp hcm", "tphcm", "hcm"}) {
        std::string padded = " " + key + " ";
        const std::string from = " " + std::string(shortName) + " ";
        for (std::size_t at = padded.find(from); at != std::string::npos;
             at = padded.find(from, at + 1))
            padded.replace(at, from.size(), " ho chi minh ");
        key = padded.substr(1, padded.size() - 2);
    }
    // A route code however written: "CT.06", "CT06", "CT 06" give "ct 6"; "QL.18" is "18", as
    // "Quốc lộ 18" is. (Not in a table's unit names, which are joined as written.)
    if (kind.empty())
        return key;
    // A direction after the name is one before it: "Dung Quất phía Đông" is "phía Đông Dung
    // Quất".
    for (std::string_view dir : kDirections)
        for (std::string_view second : {"", " nam", " bac"}) {
            const std::string tail = " phia " + std::string(dir) + std::string(second);
            if (key.size() > tail.size() && key.ends_with(tail)) {
                key = tail.substr(1) + " " + key.substr(0, key.size() - tail.size());
                return key;
            }
        }
    std::string letters, digits;
    std::size_t i = 0;
    while (i < key.size() && std::isalpha(static_cast<unsigned char>(key[i])))
        letters += key[i++];
    while (i < key.size() && (key[i] == '.' || key[i] == ' '))
        ++i;
    while (i < key.size() && std::isdigit(static_cast<unsigned char>(key[i])))
        digits += key[i++];
    // A branch's letter after the number: "QL.27C", "QL27C" are "27c", as "Quốc lộ 27C" is.
    std::string branch;
    while (i < key.size() && branch.size() < 2 && std::isalpha(static_cast<unsigned char>(key[i])))
        branch += key[i++];
    if (i == key.size() && !letters.empty() && letters.size() <= 4 && !digits.empty() &&
        digits.size() <= 4)
        key = (letters == "ql" ? std::string() : letters + " ") +
              std::to_string(std::stoi(digits)) + branch;
    return key;
}

namespace {

/// Whether a route's number follows a route's letters at folded offset @p at: "3", ".3", or
/// " 830", ". 830"; not a quantity ("ĐT 100 ha"). Spaced after letters not @p written as the
/// type's ("DT 941"), only a whole number of up to four digits ("DT 1.200" is an area).
bool routeNumberAt(const std::string& F, std::size_t at, bool written)
{
    if (at < F.size() && F[at] == '.')
        ++at;
    const bool spaced = at < F.size() && F[at] == ' ';
    if (spaced)
        ++at;
    if (at >= F.size() || !std::isdigit(static_cast<unsigned char>(F[at])))
        return false;
    std::size_t end = at;
    while (end < F.size() &&
           (std::isdigit(static_cast<unsigned char>(F[end])) || F[end] == ',' || F[end] == '.'))
        ++end;
    if (spaced && !written) {
        std::size_t digits = at;
        while (digits < F.size() && std::isdigit(static_cast<unsigned char>(F[digits])))
            ++digits;
        // (A full stop or comma right after the number ends the sentence or the item: "… và
        // DT 941.", "DT 941, DT 942".)
        const bool itemEnd = digits + 1 == end && (F[digits] == '.' || F[digits] == ',') &&
                             (end == F.size() || F[end] == ' ');
        if (digits - at > 4 || (digits != end && !itemEnd))
            return false;
    }
    // Letters right after the number: a branch ("1A", "22B"), not a unit ("784,5m2", "5ha").
    std::size_t letters = end;
    while (letters < F.size() && std::isalpha(static_cast<unsigned char>(F[letters])))
        ++letters;
    if (letters - end > 1 || (letters - end == 1 && F[end] == 'm'))
        return false;
    end = letters;
    if (end < F.size() && static_cast<unsigned char>(F[end]) >= 0x80)
        return false; // "830m²" written together
    for (std::string_view unit :
         {" ha", " m2", " m", " km", " %", " ty", " trieu", " nghin", " tan", " m\xC2\xB2"})
        if (F.compare(end, unit.size(), unit) == 0 &&
            (end + unit.size() == F.size() ||
             !std::isalnum(static_cast<unsigned char>(F[end + unit.size()]))))
            return false;
    return true;
}

} // namespace

std::vector<PlaceMention> findPlaces(const std::string& text, const std::string& province)
{
    std::vector<PlaceMention> places;
    const text::FoldedText f = text::foldWithOffsets(text);
    const std::string& F = f.folded;
    const std::string own = text::foldForMatch(province);
    const bool accented = hasDiacritics(text);
    const bool capitals = inCapitals(text);
    std::set<std::string> seen;
    for (std::size_t pos = 0; pos < F.size(); ++pos) {
        if (pos > 0 && std::isalnum(static_cast<unsigned char>(F[pos - 1])))
            continue;
        // "các khu công nghiệp …" is the generic plural (also inside agency names such as
        // "Ban Quản lý các khu công nghiệp Thái Nguyên"), not a named place.
        const bool plural = pos >= 4 && F.compare(pos - 4, 4, "cac ") == 0;
        for (const auto& type : kTypeWords) {
            if (F.compare(pos, type.folded.size(), type.folded) != 0)
                continue;
            // A route's code: "QL3", "QL.3", "ĐT.342", "ĐT 830"; also "DT.985" in a text that
            // writes its diacritics (a code is typed as it comes).
            // ("DT 100 ha" is an area: spaced, the letters must be written as the type's.)
            const bool written = writtenAs(text, f, pos, type, accented);
            const bool code = (type.folded == "ql" || type.folded == "dt") &&
                              routeNumberAt(F, pos + type.folded.size(), written);
            if (!code && !written)
                continue;
            // "Tam Đảo", "Côn Đảo": "Đảo" after a capitalised word ends that name; "biển, đảo",
            // "hải đảo" are the seas and islands in general.
            if (type.kind == "island" && pos >= 2) {
                std::size_t b = pos - 1;
                while (b > 0 && wordChar(F[b - 1]))
                    --b;
                const std::string_view before = std::string_view(F).substr(b, pos - 1 - b);
                if ((F[pos - 1] == ' ' && !before.empty() && !capitals &&
                     capitalOrDigitAt(text, f.origin[pos]) &&
                     capitalOrDigitAt(text, f.origin[b])) ||
                    before == "hai" || (pos >= 6 && F.compare(pos - 6, 6, "bien, ") == 0) ||
                    (pos >= 8 && F.compare(pos - 8, 8, "bien va ") == 0))
                    continue;
            }
            // A word of names that begins a name the gazetteer holds is that name's: "Hồ Chí
            // Minh" is no lake "Chí Minh" ("đường Hồ Chí Minh", "TP. Hồ Chí Minh").
            // (Written with a capital: "sông Công" is a river.)
            if (wordsInNames(type.kind) && !capitals && capitalOrDigitAt(text, f.origin[pos]) &&
                std::any_of(gazetteer().begin(), gazetteer().end(), [&](const std::string& name) {
                    return name.starts_with(type.folded) && name.size() > type.folded.size() &&
                           wordsAt(F, pos, name);
                }))
                continue;
            std::size_t after = pos + type.folded.size();
            // "QL3", "QL.3", "ĐT.342" are written without a space.
            const bool glued =
                (type.folded == "ql" || type.folded == "dt") && after < F.size() &&
                (std::isdigit(static_cast<unsigned char>(F[after])) || F[after] == '.');
            if (type.folded == "dt" && !code)
                continue; // "ĐT" alone is no road
            if (glued && F[after] == '.')
                ++after; // the number is the name
            // (A plural may be followed by its list: "các khu công nghiệp: Yên Bình, …".)
            if (!glued && (after >= F.size() || (F[after] != ' ' && !(plural && F[after] == ':'))))
                continue;
            // "Khu kinh tế ven biển Quảng Yên", "Khu kinh tế cửa khẩu quốc tế Bờ Y": words that
            // qualify the type before the name.
            bool qualified = false;
            if (!glued && F[after] == ' ') {
                const std::size_t at = nameStart(text, f, after + 1, type.kind, accented, plural);
                qualified = at != after + 1;
                after = at - 1;
            }
            // Proper name: capitalised words, numbers, roman numerals, codes, " - " joins.
            std::size_t src = f.origin[after];
            // "các khu công nghiệp: Yên Bình, Điềm Thụy", "các khu công nghiệp (Yên Bình, …)":
            // the list after a plural.
            if (plural) {
                std::size_t q = src;
                while (q < text.size() && text[q] == ' ')
                    ++q;
                if (q < text.size() && (text[q] == ':' || text[q] == '('))
                    src = q + 1;
            }
            std::string name;
            int words = 0;
            while (src < text.size() && words < 10) {
                while (src < text.size() && text[src] == ' ')
                    ++src;
                std::size_t end = src;
                while (end < text.size() && text[end] != ' ' && text[end] != ',' &&
                       text[end] != ';' && text[end] != ':' && text[end] != '(' && text[end] != ')')
                    ++end;
                std::string word = text.substr(src, end - src);
                // "… Nghi Sơn. Hỗ trợ …": a full stop ends the name (not "TP." or "QL.3").
                const bool sentenceEnd = word.size() > 1 && word.back() == '.' &&
                                         word.find('.') == word.size() - 1 && !name.empty();
                while (!word.empty() && (word.back() == '.') && word.find('.') == word.size() - 1)
                    word.pop_back();
                if ((word == "-" || word == "\xE2\x80\x93" || word == "\xE2\x80\x94") &&
                    !name.empty()) {
                    name += " -"; // "Lam Sơn – Sao Vàng"
                    src = end;
                    continue;
                }
                // "Khu công nghiệp phía Đông Dung Quất": a direction begins the name (not after
                // "các" or a number, nor before the province's name alone: "các khu công nghiệp
                // phía Nam Thái Nguyên" are the parks there; "Khu kinh tế ven biển phía Nam Hải
                // Phòng" is named so).
                bool direction = false;
                if (name.empty() && !pluralBefore(F, pos)) {
                    const std::size_t at = f.foldedAt(src);
                    const std::size_t d = directionLength(text, f, at, accented);
                    direction = d > 0 && (qualified || !onlyTheProvince(text, f, at + d + 1, own));
                }
                // "đường sắt Thành phố Hồ Chí Minh - …": a city's type word within a name.
                const bool cityInName =
                    word == "phố" &&
                    (name == "Thành" || name.ends_with(" Thành") || name.ends_with("- Thành")) &&
                    capitalOrDigitAt(text, std::min(end + 1, text.size()));
                if ((!capitalOrDigitAt(word) && !direction && !cityInName) ||
                    (capitals && notInName(text, src, name.empty(), accented)) ||
                    (capitals && !name.empty() && typeWordAt(text, f, src, accented)))
                    break;
                name +=
                    (name.empty() || name.back() == '-' ? (name.empty() ? "" : " ") : " ") + word;
                ++words;
                src = end;
                if (sentenceEnd || (end < text.size() && text[end] != ' '))
                    break;
            }
            while (name.ends_with(" -"))
                name.resize(name.size() - 2);
            if (name.empty() && !glued)
                continue;
            // After "các", only a list of names makes places ("các khu công nghiệp Lam Sơn – Sao
            // Vàng, Bỉm Sơn"); the bare plural is generic (also inside agency names).
            if (plural && text::foldForMatch(name).find(' ') == std::string::npos &&
                !gazetteer().contains(text::foldForMatch(name)) &&
                !(src < text.size() && text[src] == ','))
                continue;
            const std::string nameFolded = text::foldForMatch(name);
            PlaceMention m;
            m.type = std::string(type.kind);
            m.name = name;
            m.offset = f.origin[pos];
            m.text = text.substr(f.origin[pos], src - f.origin[pos]);
            while (!m.text.empty() && (m.text.back() == ' ' || m.text.back() == '.'))
                m.text.pop_back();
            m.confidence = type.confidence;
            if ((m.type.rfind("admin_", 0) == 0 || m.type == "urban_centre") &&
                gazetteer().contains(nameFolded))
                m.confidence = 0.9;
            const std::string typeText =
                text.substr(f.origin[pos], f.origin[after] - f.origin[pos]);
            const std::string kind = m.type;
            const double confidence = m.confidence;
            if (seen.insert(m.type + "|" + nameFolded).second)
                places.push_back(std::move(m));
            // A list after one type word is several places: "KCN Bỉm Sơn, Ngọc Lặc và Bãi Trành".
            std::string lastName = name;
            for (;;) {
                std::size_t q = src;
                while (q < text.size() && text[q] == ' ')
                    ++q;
                // In capitals "VÀ" may join anything ("KCN YÊN BÌNH VÀ HẠ TẦNG GIAO THÔNG KẾT
                // NỐI"): what follows it is a name when short and last in its clause ("… VÀ
                // TRUNG LƯƠNG.").
                bool joinedInCapitals = false;
                if (q < text.size() && text[q] == ',') {
                    ++q;
                } else if (text.compare(q, 4, "v\xC3\xA0 ") == 0) { // "và "
                    q += 4;
                } else if (capitals && text.compare(q, 4, "V\xC3\x80 ") == 0) { // "VÀ "
                    q += 4;
                    joinedInCapitals = true;
                } else {
                    break;
                }
                while (q < text.size() && text[q] == ' ')
                    ++q;
                // Another type word begins a mention of its own ("… và Khu công nghiệp Bỉm Sơn");
                // one that is also a word of names, written with a capital, begins this list's
                // next name ("các KCN Điềm Thụy và Sông Công II").
                const std::size_t fq = f.foldedAt(q);
                if (std::any_of(kTypeWords.begin(), kTypeWords.end(), [&](const TypeWord& t) {
                        return F.compare(fq, t.folded.size(), t.folded) == 0 &&
                               writtenAs(text, f, fq, t, accented) &&
                               !(wordsInNames(t.kind) && t.kind != kind && !capitals &&
                                 capitalOrDigitAt(text, q)) &&
                               (fq + t.folded.size() >= F.size() ||
                                !std::isalpha(static_cast<unsigned char>(F[fq + t.folded.size()])));
                    }))
                    break;
                // The next item: capitalised words up to a comma, "và" or a full stop; not another
                // type word.
                std::size_t e = q, itemEnd = q;
                std::string item;
                int itemWords = 0;
                bool itemStop = false;
                for (;;) {
                    std::size_t we = e;
                    while (we < text.size() && text[we] != ' ' && text[we] != ',' &&
                           text[we] != ';' && text[we] != ':' && text[we] != '(' && text[we] != ')')
                        ++we;
                    std::string w = text.substr(e, we - e);
                    const bool stop = w.size() > 1 && w.back() == '.';
                    if (stop)
                        w.pop_back();
                    if (w == "-" || w == "\xE2\x80\x93") {
                        item += " -";
                    } else if (capitalOrDigitAt(w) &&
                               !(capitals && notInName(text, e, item.empty(), accented))) {
                        item += (item.empty() ? "" : " ") + w;
                        ++itemWords;
                        itemEnd = we;
                        itemStop = stop;
                    } else {
                        break;
                    }
                    e = we;
                    if (stop || e >= text.size() || text[e] != ' ')
                        break;
                    ++e;
                }
                while (!item.empty() && (item.back() == ' ' || item.back() == '-'))
                    item.pop_back();
                if (joinedInCapitals &&
                    (itemWords > 3 ||
                     !(itemStop || itemEnd >= text.size() ||
                       std::string_view(",;:)").find(text[itemEnd]) != std::string_view::npos)))
                    break;
                // (An item that begins with a type word has been stopped above.)
                const std::string itemFolded = text::foldForMatch(item);
                // (Nor one that is a route's code of its own, "ĐT 261 và DT.269": read apart.)
                if (item.empty() || itemFolded.rfind("so ", 0) == 0 ||
                    itemFolded.rfind("ubnd", 0) == 0 || itemFolded.rfind("uy ban", 0) == 0 ||
                    ((itemFolded.rfind("dt", 0) == 0 || itemFolded.rfind("ql", 0) == 0) &&
                     routeNumberAt(itemFolded, 2, true)))
                    break;
                // "KCN Yên Bình 2, 3": a number alone goes on from the name before it.
                if (isNumberWord(item) && lastName.find(' ') != std::string::npos &&
                    isNumberWord(lastName.substr(lastName.rfind(' ') + 1)))
                    item = lastName.substr(0, lastName.rfind(' ') + 1) + item;
                lastName = item;
                PlaceMention more;
                more.type = kind;
                more.name = item;
                more.text = typeText + " " + item; // as a planner would name it
                more.confidence = confidence;
                more.offset = q;
                if (seen.insert(kind + "|" + text::foldForMatch(item)).second)
                    places.push_back(std::move(more));
                src = e;
            }
            // Continue after the name: "Hồ" in "thành phố Hồ Chí Minh" is not a lake.
            const std::size_t nameEnd = f.foldedAt(src);
            pos = std::max(pos + type.folded.size(), nameEnd > 0 ? nameEnd - 1 : 0);
            break;
        }
    }
    // Provinces and districts of the gazetteer named without a type word after a preposition,
    // after "tỉnh" or in a list: "từ Hoằng Hóa đến Quảng Xương", "kết nối với Hà Nội", "trên địa
    // bàn tỉnh Hải Dương (cũ)". Not the document's own province but as it was before it merged,
    // and not the end of a longer proper name ("Công ty … Hà Nội", "Báo Thanh Hóa").
    for (const std::string& name : gazetteer()) {
        for (std::size_t p = F.find(name); p != std::string::npos; p = F.find(name, p + 1)) {
            std::size_t end = p + name.size();
            if ((p > 0 && std::isalnum(static_cast<unsigned char>(F[p - 1]))) ||
                (end < F.size() && std::isalnum(static_cast<unsigned char>(F[end]))))
                continue;
            if (!capitalOrDigitAt(text.substr(f.origin[p], f.origin[end] - f.origin[p])))
                continue;
            std::size_t w = p;
            while (w > 0 && F[w - 1] == ' ')
                --w;
            const std::size_t wb = F.find_last_of(" ,;:(", w > 0 ? w - 1 : 0);
            const std::string previous = F.substr(wb == std::string::npos ? 0 : wb + 1,
                                                  w - (wb == std::string::npos ? 0 : wb + 1));
            static const std::set<std::string_view> before = {"tu",  "den",  "tai",  "o",    "voi",
                                                              "va",  "cua",  "giua", "sang", "ve",
                                                              "qua", "tren", "cac",  "tinh"};
            const bool listed = w > 0 && F[w - 1] == ',';
            if (!listed && !before.contains(previous))
                continue;
            // The province as it was before it merged, kept with its mark: "tỉnh Kon Tum (cũ)";
            // the document's own only so, "tỉnh Quảng Ngãi (cũ)".
            const std::size_t old = oldMarkEnd(text, f, end);
            if (name == own && (previous != "tinh" || old == end))
                continue;
            const std::string written = text.substr(f.origin[p], f.origin[end] - f.origin[p]);
            // Already part of a mention with its type word ("thành phố Hà Nội"), or of the name
            // of one there ("KCN Sông Công II")?
            if (std::any_of(places.begin(), places.end(), [&](const PlaceMention& m) {
                    if (text::foldForMatch(m.name) == name)
                        return true;
                    const std::size_t at = m.offset == std::string::npos || m.name.empty()
                                               ? std::string::npos
                                               : text.find(m.name, m.offset);
                    return at != std::string::npos && at <= f.origin[p] &&
                           f.origin[end] <= at + m.name.size();
                }))
                continue;
            PlaceMention m;
            m.type = previous == "tinh" ? "admin_province" : "admin_unit"; // "tỉnh Kon Tum (cũ)"
            m.name = written;
            m.text = previous == "tinh" ? text.substr(f.origin[p], f.origin[old] - f.origin[p])
                                        : written;
            m.offset = f.origin[p];
            m.confidence = 0.6;
            if (seen.insert("admin_unit|" + name).second)
                places.push_back(std::move(m));
        }
    }
    // Regions named by direction: "khu vực phía Nam của tỉnh"; without "khu vực", the part of
    // the province: "các khu du lịch ven biển phía Đông của tỉnh" (the same region).
    // ("miền Tây của tỉnh", "các huyện miền Đông": the same, named as "phía".)
    for (const std::string_view side :
         {"phia nam", "phia bac", "phia dong", "phia tay", "phia tay nam", "phia dong nam",
          "phia tay bac", "phia dong bac", "mien nam", "mien bac", "mien dong", "mien tay",
          "mien tay nam", "mien dong nam", "mien tay bac", "mien dong bac"}) {
        const std::string dir(side);
        const bool mien = side.starts_with("mien");
        const std::string canonical = mien ? "phia" + dir.substr(4) : dir;
        const std::string phrase = "khu vuc " + dir;
        // Whether the words from @p next on leave the region the province's: not a second
        // direction ("phía Tây Nam" is a corner, read as one), another place ("khu vực phía Đông
        // thành phố Pleiku", "phía Tây tỉnh Bình Định") or "của" a unit ("phía Bắc của huyện").
        auto ofTheProvince = [&](std::size_t next) {
            if (next >= F.size() || F[next - 1] != ' ')
                return true;
            if (std::any_of(std::begin(kDirections), std::end(kDirections),
                            [&](std::string_view d) { return wordsAt(F, next, d); }))
                return false;
            std::size_t q = next;
            if (wordsAt(F, q, "cua")) {
                if (!wordsAt(F, q + 4, "tinh"))
                    return false;
                q += 4;
            }
            // (A centrally-run city's "thành phố" is the province: "phía Tây thành phố".)
            const bool city = wordsAt(F, q, "thanh pho") && isMunicipality(province);
            if (wordsAt(F, q, "tinh") || city) {
                const std::size_t after = q + (city ? 10 : 5);
                return after >= F.size() || wordsAt(F, after, "cu") ||
                       (!wordsAt(F, after, "lo") && (!capitalOrDigitAt(text, f.origin[after]) ||
                                                     (!own.empty() && wordsAt(F, after, own))));
            }
            return !capitalOrDigitAt(text, f.origin[q]) &&
                   std::none_of(kTypeWords.begin(), kTypeWords.end(),
                                [&](const TypeWord& t) { return wordsAt(F, q, t.folded); });
        };
        // ("khu vực miền Nam" is the country's south; "miền Nam của tỉnh", "các huyện miền Nam"
        // the province's.)
        auto p = mien ? std::string::npos : findWords(F, phrase);
        while (p != std::string::npos && !ofTheProvince(p + phrase.size() + 1))
            p = findWords(F, phrase, p + 1);
        bool named = true; // with "khu vực"
        if (p == std::string::npos) {
            const std::string part = std::string(dir) + " cua tinh";
            // (Not "phía Tây của tỉnh lộ 295", nor of another province: "phía Đông của tỉnh
            // Lạng Sơn".)
            auto ours = [&](std::size_t q) {
                const std::size_t next = q + part.size() + 1;
                if (next >= F.size() || F[next - 1] != ' ')
                    return true;
                if (wordsAt(F, next, "lo"))
                    return false;
                return !capitalOrDigitAt(text, f.origin[next]) ||
                       (!own.empty() && wordsAt(F, next, own));
            };
            for (p = findWords(F, part); p != std::string::npos; p = findWords(F, part, p + 1))
                if (!(p >= 8 && F.compare(p - 8, 8, "khu vuc ") == 0) && ours(p))
                    break;
            // Units named by where they lie, with no "của tỉnh": "các huyện phía Nam", "các xã
            // phía Tây" (not of a place named after: "các xã phía Nam huyện Phú Bình", "các huyện
            // phía Tây Nam", "các xã phía Bắc của huyện").
            for (const std::string_view units : {"cac huyen ", "cac xa ", "cac dia phuong "}) {
                if (p != std::string::npos)
                    break;
                const std::string phrase = std::string(units) + std::string(dir);
                for (std::size_t q = findWords(F, phrase); q != std::string::npos;
                     q = findWords(F, phrase, q + 1)) {
                    if (!ofTheProvince(q + phrase.size() + 1))
                        continue;
                    p = q + units.size();
                    break;
                }
            }
            if (p == std::string::npos)
                continue;
            named = false;
        }
        std::size_t end = p + (named ? phrase.size() : dir.size());
        // "… của tỉnh", "… tỉnh Thái Nguyên", "… của tỉnh Thái Nguyên": the same region.
        if (F.compare(end, 4, " cua") == 0 && F.compare(end + 4, 5, " tinh") == 0)
            end += 4;
        if (F.compare(end, 5, " tinh") == 0) {
            end += 5;
            const std::string ownName = " " + text::foldForMatch(province);
            if (ownName.size() > 1 && F.compare(end, ownName.size(), ownName) == 0)
                end += ownName.size();
        }
        PlaceMention m;
        m.type = "region";
        m.offset = f.origin[p];
        m.text = text.substr(f.origin[p], f.origin[end] - f.origin[p]);
        m.name = named ? m.text : "khu vực " + m.text; // (as the region is named)
        if (mien) // "khu vực phía Tây", however the text writes the side
            for (std::string_view w : {"miền", "Miền", "MIỀN"})
                if (const auto at = m.name.find(w); at != std::string::npos) {
                    m.name.replace(at, w.size(), "phía");
                    break;
                }
        m.confidence = 0.6;
        if (seen.insert("region|" + canonical).second)
            places.push_back(std::move(m));
    }
    // Regions named by what they are: "các huyện miền núi", "các xã biên giới", "khu vực ven
    // biển", "các xã vùng cao". Named "khu vực …", as a workspace's region of them would be; in
    // lower case ("vùng Trung du, Miền núi phía Bắc" is the country's), and not followed by a
    // direction or "Bắc Bộ" ("vùng miền núi phía Bắc").
    for (std::string_view what : {"mien nui", "bien gioi", "ven bien", "vung cao"}) {
        for (std::string_view units :
             {"cac huyen ", "cac xa ", "cac dia phuong ", "khu vuc ", "vung ", "cac vung "}) {
            const std::string phrase = std::string(units) + std::string(what);
            if (what.starts_with("vung") && units.ends_with("vung "))
                continue;
            std::size_t p = findWords(F, phrase);
            for (; p != std::string::npos; p = findWords(F, phrase, p + 1)) {
                const std::size_t at = p + units.size(), end = p + phrase.size();
                const std::size_t next = std::min(F.find_first_not_of(' ', end), F.size());
                if (capitalOrDigitAt(text, f.origin[at]) && !capitals)
                    continue;
                if (wordsAt(F, next, "phia") || wordsAt(F, next, "bac bo") ||
                    std::any_of(std::begin(kDirections), std::end(kDirections),
                                [&](std::string_view d) { return wordsAt(F, next, d); }))
                    continue;
                break;
            }
            if (p == std::string::npos)
                continue;
            PlaceMention m;
            m.type = "region";
            m.offset = f.origin[p];
            m.text = text.substr(f.origin[p], f.origin[p + phrase.size()] - f.origin[p]);
            m.name =
                "khu vực " + text.substr(f.origin[p + units.size()],
                                         f.origin[p + phrase.size()] - f.origin[p + units.size()]);
            m.confidence = 0.6;
            if (seen.insert("region|" + std::string(what)).second)
                places.push_back(std::move(m));
            break;
        }
    }
    return places;
}

} // namespace pa::plan
