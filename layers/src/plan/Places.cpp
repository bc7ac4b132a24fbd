#include "Places_p.h"
#include "planatlas/layers/Text.h"

#include <algorithm>
#include <array>
#include <set>
#include <unicode/uchar.h>
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
    double confidence; ///< with a capitalised name after it
};

// Longer phrases first: the first match at a position wins.
constexpr std::array<TypeWord, 41> kTypeWords = {{
    {"khu cong nghe thong tin tap trung", "hitech_zone", 0.85},
    {"khu kinh te cua khau", "economic_zone", 0.85},
    {"nha may dien gio", "power_plant", 0.7},
    {"nha may dien", "power_plant", 0.7},
    {"khu do thi moi", "urban_centre", 0.75},
    {"khu do thi", "urban_centre", 0.75},
    {"dac khu", "admin_commune", 0.8},
    {"cua khau", "border_gate", 0.75},
    {"duong sat", "railway", 0.75},
    {"cang", "port", 0.7},
    {"song", "river", 0.7},
    {"ga", "station", 0.6},
    {"khu cntt tap trung", "hitech_zone", 0.85},
    {"khu cong nghe cao", "hitech_zone", 0.8},
    {"khu cong nghiep", "industrial_park", 0.85},
    {"cum cong nghiep", "industrial_cluster", 0.85},
    {"khu kinh te", "economic_zone", 0.85},
    {"khu di tich", "tourism_area", 0.8},
    {"khu du lich", "tourism_area", 0.8},
    {"cho dau moi", "market_logistics", 0.8},
    {"duong vanh dai", "road", 0.8},
    {"cao toc", "expressway", 0.85},
    {"quoc lo", "road", 0.85},
    {"thanh pho", "urban_centre", 0.8},
    {"do thi", "urban_centre", 0.7}, // "đô thị Lam Sơn - Sao Vàng"
    {"bien", "sea", 0.6},            // "biển Đông"
    {"con", "island", 0.6},          // "cồn Ngang" (an islet of the delta)
    {"thi xa", "admin_district", 0.8},
    {"thi tran", "admin_commune", 0.75},
    {"huyen", "admin_district", 0.8},
    {"phuong", "admin_commune", 0.7},
    {"xa", "admin_commune", 0.7},
    {"ho", "lake", 0.7},
    {"kcn", "industrial_park", 0.85},
    {"ccn", "industrial_cluster", 0.85},
    {"kkt", "economic_zone", 0.85},
    {"ql", "road", 0.8},
    {"atk", "tourism_area", 0.75},
    {"tp.", "urban_centre", 0.8},
    {"tp", "urban_centre", 0.8},
    {"tx", "admin_district", 0.8},
}};

bool startsUpperOrDigit(const std::string& word)
{
    if (word.empty())
        return false;
    UChar32 c = 0;
    std::size_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, word.size(), c);
    return c > 0 && (u_isupper(c) || u_isdigit(c));
}

} // namespace

std::string placeKey(const std::string& name)
{
    return placeKeyOfFolded(text::foldForMatch(name));
}

std::string placeKeyOfFolded(std::string key)
{
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (const auto& type : kTypeWords) {
            if (key.size() > type.folded.size() + 1 &&
                key.compare(0, type.folded.size(), type.folded) == 0 &&
                key[type.folded.size()] == ' ') {
                key.erase(0, type.folded.size() + 1);
                stripped = true;
            }
        }
        for (std::string_view w : {"tp. ", "tp ", "tx ", "tt "})
            if (key.rfind(w, 0) == 0) {
                key.erase(0, w.size());
                stripped = true;
            }
    }
    return key;
}

std::vector<PlaceMention> findPlaces(const std::string& text, const std::string& province)
{
    std::vector<PlaceMention> places;
    const text::FoldedText f = text::foldWithOffsets(text);
    const std::string& F = f.folded;
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
            std::size_t after = pos + type.folded.size();
            // "QL3", "QL.3", "CT.07" are written without a space.
            const bool glued =
                (type.folded == "ql") && after < F.size() &&
                (std::isdigit(static_cast<unsigned char>(F[after])) || F[after] == '.');
            if (!glued && (after >= F.size() || F[after] != ' '))
                continue;
            // Proper name: capitalised words, numbers, roman numerals, codes, " - " joins.
            std::size_t src = f.origin[after];
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
                if (!startsUpperOrDigit(word))
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
            for (;;) {
                std::size_t q = src;
                while (q < text.size() && text[q] == ' ')
                    ++q;
                if (q < text.size() && text[q] == ',')
                    ++q;
                else if (text.compare(q, 4, "v\xC3\xA0 ") == 0) // "và "
                    q += 4;
                else
                    break;
                while (q < text.size() && text[q] == ' ')
                    ++q;
                // Another type word begins a mention of its own ("… và Khu công nghiệp Bỉm Sơn").
                const auto fq = static_cast<std::size_t>(
                    std::lower_bound(f.origin.begin(), f.origin.end(), q) - f.origin.begin());
                if (std::any_of(kTypeWords.begin(), kTypeWords.end(), [&](const TypeWord& t) {
                        return F.compare(fq, t.folded.size(), t.folded) == 0 &&
                               (fq + t.folded.size() >= F.size() ||
                                !std::isalpha(static_cast<unsigned char>(F[fq + t.folded.size()])));
                    }))
                    break;
                // The next item: capitalised words up to a comma, "và" or a full stop; not another
                // type word.
                std::size_t e = q;
                std::string item;
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
                    } else if (startsUpperOrDigit(w)) {
                        item += (item.empty() ? "" : " ") + w;
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
                // (An item that begins with a type word has been stopped above.)
                const std::string itemFolded = text::foldForMatch(item);
                if (item.empty() || itemFolded.rfind("so ", 0) == 0 ||
                    itemFolded.rfind("ubnd", 0) == 0 || itemFolded.rfind("uy ban", 0) == 0)
                    break;
                PlaceMention more;
                more.type = kind;
                more.name = item;
                more.text = typeText + " " + item; // as a planner would name it
                more.confidence = confidence;
                if (seen.insert(kind + "|" + itemFolded).second)
                    places.push_back(std::move(more));
                src = e;
            }
            // Continue after the name: "Hồ" in "thành phố Hồ Chí Minh" is not a lake.
            const auto nameEnd = static_cast<std::size_t>(
                std::lower_bound(f.origin.begin(), f.origin.end(), src) - f.origin.begin());
            pos = std::max(pos + type.folded.size(), nameEnd > 0 ? nameEnd - 1 : 0);
            break;
        }
    }
    // Provinces and districts of the gazetteer named without a type word after a preposition
    // or in a list: "từ Hoằng Hóa đến Quảng Xương", "kết nối với Hà Nội". Not the document's own
    // province, and not the end of a longer proper name ("Công ty … Hà Nội", "Báo Thanh Hóa").
    const std::string own = text::foldForMatch(province);
    for (const std::string& name : gazetteer()) {
        if (name == own)
            continue;
        for (std::size_t p = F.find(name); p != std::string::npos; p = F.find(name, p + 1)) {
            const std::size_t end = p + name.size();
            if ((p > 0 && std::isalnum(static_cast<unsigned char>(F[p - 1]))) ||
                (end < F.size() && std::isalnum(static_cast<unsigned char>(F[end]))))
                continue;
            const std::string written = text.substr(f.origin[p], f.origin[end] - f.origin[p]);
            if (!startsUpperOrDigit(written))
                continue;
            std::size_t w = p;
            while (w > 0 && F[w - 1] == ' ')
                --w;
            const std::size_t wb = F.find_last_of(" ,;:(", w > 0 ? w - 1 : 0);
            const std::string previous = F.substr(wb == std::string::npos ? 0 : wb + 1,
                                                  w - (wb == std::string::npos ? 0 : wb + 1));
            static const std::set<std::string_view> before = {"tu",  "den",  "tai",  "o",    "voi",
                                                              "va",  "cua",  "giua", "sang", "ve",
                                                              "qua", "tren", "cac"};
            const bool listed = w > 0 && F[w - 1] == ',';
            if (!listed && !before.contains(previous))
                continue;
            // Already part of a mention with its type word ("thành phố Hà Nội")?
            if (std::any_of(places.begin(), places.end(), [&](const PlaceMention& m) {
                    return text::foldForMatch(m.name) == name;
                }))
                continue;
            PlaceMention m;
            m.type = "admin_unit";
            m.name = written;
            m.text = written;
            m.confidence = 0.6;
            if (seen.insert("admin_unit|" + name).second)
                places.push_back(std::move(m));
        }
    }
    // Regions named by direction: "khu vực phía Nam của tỉnh".
    for (std::string_view dir : {"phia nam", "phia bac", "phia dong", "phia tay"}) {
        const std::string phrase = "khu vuc " + std::string(dir);
        const auto p = F.find(phrase);
        if (p == std::string::npos)
            continue;
        std::size_t end = p + phrase.size();
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
        m.text = text.substr(f.origin[p], f.origin[end] - f.origin[p]);
        m.name = m.text;
        m.confidence = 0.6;
        if (seen.insert("region|" + std::string(dir)).second)
            places.push_back(std::move(m));
    }
    return places;
}

} // namespace pa::plan
