#include "Targets_p.h"
#include "planatlas/layers/Text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace pa::plan {

namespace {

struct UnitWord
{
    std::string_view folded; ///< as it appears after the number, folded
    std::string_view unit;   ///< canonical
};

// Longest first, so that "%/nam" wins over "%".
constexpr std::array<UnitWord, 18> kUnits = {{
    {"%/nam", "%/năm"},
    {"% nam", "%/năm"},
    {"%", "%"},
    {"km", "km"},
    {"ha", "ha"},
    {"nghin ty dong", "nghìn tỷ đồng"},
    {"ty dong", "tỷ đồng"},
    {"trieu dong", "triệu đồng"},
    {"trieu usd", "triệu USD"},
    {"ty usd", "tỷ USD"},
    {"usd", "USD"},
    {"nghin nguoi", "nghìn người"},
    {"nguoi", "người"},
    {"lan", "lần"},
    {"khu", "khu"},
    {"cum", "cụm"},
    {"xa", "xã"},
    {"km2", "km²"},
}};

struct Comparator
{
    std::string_view folded; ///< words just before the number, folded
    std::string_view symbol;
};

constexpr std::array<Comparator, 12> kComparators = {{
    {"tren", ">"},
    {"hon", ">"},
    {"vuot", ">"},
    {"toi thieu", ">="},
    {"it nhat", ">="},
    {"tu", ">="}, // "từ 8%/năm trở lên"; a "từ … đến …" range is handled separately
    {"duoi", "<"},
    {"khong qua", "<="},
    {"toi da", "<="},
    {"khoang", "approx"},
    {"uoc dat", "approx"},
    {"dat", "="},
}};

bool isDigit(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// End of a number token starting at @p i (digits with . and , between digits).
std::size_t numberEnd(const std::string& s, std::size_t i)
{
    while (i < s.size() && (isDigit(s[i]) || ((s[i] == '.' || s[i] == ',') && i + 1 < s.size() &&
                                              isDigit(s[i + 1]))))
        ++i;
    return i;
}

std::string trimWords(std::string s)
{
    const auto strip = [](unsigned char c) {
        return std::isspace(c) || c == ',' || c == ';' || c == ':' || c == '-';
    };
    while (!s.empty() && strip(static_cast<unsigned char>(s.back())))
        s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && strip(static_cast<unsigned char>(s[b])))
        ++b;
    return s.substr(b);
}

/// Splits a paragraph into clauses at ';' and at sentence ends.
std::vector<std::pair<std::size_t, std::size_t>> clauses(const std::string& s)
{
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool sentenceEnd =
            s[i] == '.' && (i + 1 == s.size() || s[i + 1] == ' ') &&
            !(i > 0 && isDigit(s[i - 1]) && i + 1 < s.size() && isDigit(s[i + 1]));
        if (s[i] == ';' || sentenceEnd) {
            out.emplace_back(start, i);
            start = i + 1;
        }
    }
    if (start < s.size())
        out.emplace_back(start, s.size());
    return out;
}

} // namespace

std::optional<int> yearIn(const std::string& text)
{
    // The year a text aims at: "đến năm 2030" first, else a period's end ("năm 2021 - 2025",
    // "giai đoạn 2021 - 2025"), else the first "năm YYYY"; never a vision year ("tầm nhìn đến
    // năm 2045").
    const std::string f = text::foldForMatch(text);
    auto fourDigits = [&](std::size_t d) -> std::optional<int> {
        if (d + 4 > f.size() ||
            !std::all_of(f.begin() + static_cast<long>(d), f.begin() + static_cast<long>(d + 4),
                         isDigit) ||
            (d + 4 < f.size() && isDigit(f[d + 4])))
            return std::nullopt;
        const int y = std::stoi(f.substr(d, 4));
        return (y >= 1990 && y <= 2100) ? std::optional<int>(y) : std::nullopt;
    };
    auto periodEnd = [&](std::size_t d, int start) {
        std::size_t e = d + 4;
        while (e < f.size() && (f[e] == ' ' || f[e] == '-'))
            ++e;
        if (e > d + 4)
            if (auto end = fourDigits(e); end && *end > start)
                return *end;
        return start;
    };
    std::optional<int> target, first;
    for (std::string_view marker : {"nam ", "giai doan "}) {
        for (std::size_t pos = f.find(marker); pos != std::string::npos;
             pos = f.find(marker, pos + 1)) {
            const std::size_t d = pos + marker.size();
            const auto y = fourDigits(d);
            if (!y)
                continue;
            const std::string before = f.substr(pos >= 14 ? pos - 14 : 0, pos >= 14 ? 14 : pos);
            if (before.find("tam nhin") != std::string::npos)
                continue;
            const int year = periodEnd(d, *y);
            if (!target && (before.ends_with("den ") || before.ends_with("den het ")))
                target = year;
            if (!first || (marker == "giai doan " && !target))
                first = first ? first : std::optional<int>(year);
        }
    }
    return target ? target : first;
}

bool measurableOnMap(const std::string& metric)
{
    return metric == "expressway_length_km" || metric == "industrial_park_area_ha" ||
           metric == "industrial_park_count" || metric == "industrial_cluster_area_ha" ||
           metric == "industrial_cluster_count" || metric == "forest_cover_pct";
}

std::string metricFor(const std::string& indicator, const std::string& unit)
{
    const std::string f = text::foldForMatch(indicator);
    auto has = [&](std::string_view w) { return f.find(w) != std::string::npos; };
    if (has("do thi hoa") && unit == "%")
        return "urbanisation_rate_pct";
    if (has("cao toc") && unit == "km")
        return "expressway_length_km";
    if ((has("khu cong nghiep") || has("kcn")) && unit == "ha")
        return "industrial_park_area_ha";
    if ((has("khu cong nghiep") || has("kcn")) && unit == "khu")
        return "industrial_park_count";
    if ((has("cum cong nghiep") || has("ccn")) && unit == "ha")
        return "industrial_cluster_area_ha";
    if ((has("cum cong nghiep") || has("ccn")) && unit == "cụm")
        return "industrial_cluster_count";
    if (has("che phu rung") && unit == "%")
        return "forest_cover_pct";
    if (has("grdp") && has("dau nguoi"))
        return "grdp_per_capita";
    if (has("grdp") && has("tang truong"))
        return "grdp_growth_pct_per_year";
    if (has("gia tri san xuat cong nghiep") && (unit == "tỷ đồng" || unit == "nghìn tỷ đồng"))
        return "industrial_output_value";
    if (has("ho ngheo"))
        return "poverty_rate_reduction_pct";
    return {};
}

/// What a bare number counts, when it counts something: "20 mô hình" → "mô hình", "3.000 lượt
/// nhân lực" → "lượt"; empty for a year, a duration, an article or a document number.
std::string countedNoun(const std::string& clause, const text::FoldedText& folded,
                        std::size_t numberStart, std::size_t at, double value)
{
    const std::string& f = folded.folded;
    const std::string before =
        f.substr(numberStart > 16 ? numberStart - 16 : 0, numberStart > 16 ? 16 : numberStart);
    for (std::string_view w :
         {"dieu ",    "khoan ",      "diem ",       "top ",      "chuong ",  "muc ",
          "phu luc ", "quyet dinh ", "nghi quyet ", "ke hoach ", "lan thu ", "thu ",
          "nhom ",    "cap ",        "hang ",       "tuyen ",    "quoc lo ", "tinh lo ",
          "duong ",   "khu ",        "so ",         "phuong ",   "xa "})
        if (before.ends_with(w) && !before.ends_with("boi duong ")) // "bồi dưỡng" is not a road
            return {};
    if (value >= 1990 && value <= 2100 && value == static_cast<int>(value))
        return {}; // a year written without "năm"
    std::size_t u = at;
    while (u < f.size() && f[u] == ' ')
        ++u;
    auto wordAt = [&](std::size_t b) {
        std::size_t e = b;
        while (e < f.size() && std::isalpha(static_cast<unsigned char>(f[e])))
            ++e;
        return std::pair{b, e};
    };
    const auto [b1, e1] = wordAt(u);
    if (e1 < b1 + 2 || !std::islower(static_cast<unsigned char>(f[b1])))
        return {}; // "2 m" is a measure without its unit in the list, not a count
    const std::string_view first(f.data() + b1, e1 - b1);
    static const std::set<std::string_view> notCounted = {
        "nam", "thang", "ngay", "gio",  "quy",  "tuan",  "phut", "lan",   "giay", "tuoi",
        "va",  "den",   "tro",  "hoac", "cua",  "trong", "tai",  "theo",  "nhu",  "la",
        "thi", "ma",    "voi",  "tren", "duoi", "so",    "ty",   "trieu", "nghin"};
    if (notCounted.contains(first))
        return {};
    // One-syllable counters stand alone; other nouns take their second syllable ("mô hình").
    static const std::set<std::string_view> counters = {
        "luot", "vung",  "ho",   "xa",    "con",    "cai",   "chiec", "diem",
        "lop",  "nguoi", "tinh", "huyen", "phuong", "tuyen", "cong",  "sao",
        "ban",  "tour",  "tan",  "mo",    "tram",   "toa",   "nha"};
    std::size_t end = e1;
    if (!counters.contains(first) && e1 < f.size() && f[e1] == ' ') {
        const auto [b2, e2] = wordAt(e1 + 1);
        if (e2 > b2 && std::islower(static_cast<unsigned char>(f[b2])))
            end = e2;
    }
    return clause.substr(folded.origin[b1], folded.origin[end] - folded.origin[b1]);
}

/// A bare count is aimed at when it opens the clause ("50 doanh nghiệp khoa học công nghệ"), or
/// follows a comparator or a verb of making ("ít nhất 20 mô hình", "hình thành 02 vùng", "có 01
/// trung tâm", "đào tạo 3.000 lượt").
bool countAimedAt(const std::string& f, std::size_t numberStart, bool afterTarget)
{
    if (numberStart <= 2)
        return true;
    if (afterTarget && numberStart >= 2 && f.compare(numberStart - 2, 2, ", ") == 0)
        return true; // the next of a list of counts: "ít nhất 100 doanh nghiệp …, 50 doanh nghiệp
                     // …"
    const std::string before =
        f.substr(numberStart > 30 ? numberStart - 30 : 0, numberStart > 30 ? 30 : numberStart);
    for (std::string_view w :
         {"it nhat ",    "toi thieu ",  "tren ",     "dat ",        "khoang ",    "co ",
          "hinh thanh ", "phat trien ", "xay dung ", "thanh lap ",  "dao tao ",   "boi duong ",
          "ho tro ",     "thu hut ",    "to chuc ",  "trien khai ", "cong nhan ", "them ",
          "moi nam ",    "hang nam ",   "vuot "})
        if (before.ends_with(w))
            return true;
    return false;
}

std::vector<Target> extractTargets(const std::string& paragraph, const std::string& section,
                                   int line, std::optional<int> defaultYear, bool counts,
                                   const std::vector<std::pair<std::size_t, int>>& lineStarts)
{
    std::vector<Target> targets;
    auto lineOf = [&](std::size_t offset) {
        int at = line;
        for (const auto& [o, l] : lineStarts)
            if (o <= offset)
                at = l;
        return at;
    };
    for (const auto& [cb, ce] : clauses(paragraph)) {
        const std::string clause = trimWords(paragraph.substr(cb, ce - cb));
        if (clause.empty())
            continue;
        const std::size_t clauseAt = paragraph.find(clause, cb);
        const text::FoldedText folded = text::foldWithOffsets(clause);
        const std::string& f = folded.folded;
        const std::optional<int> clauseYear = yearIn(clause);
        std::size_t searchFrom = 0;
        std::size_t indicatorStart = 0;
        while (searchFrom < f.size()) {
            // Next number not part of a year ("năm 2025") or a reference ("số 29-NQ/TW").
            std::size_t i = searchFrom;
            while (i < f.size() && !(isDigit(f[i]) && (i == 0 || !isDigit(f[i - 1]))))
                ++i;
            if (i >= f.size())
                break;
            const std::size_t nEnd = numberEnd(f, i);
            searchFrom = nEnd;
            const std::string before = f.substr(0, i);
            if (before.ends_with("nam ") || before.ends_with("so ") ||
                before.ends_with("giai doan "))
                continue; // a year or a document number
            if (nEnd < f.size() &&
                (f[nEnd] == '/' || (f[nEnd] == '-' && nEnd + 1 < f.size() &&
                                    std::isalpha(static_cast<unsigned char>(f[nEnd + 1])))))
                continue; // "12/4/2022", "29-NQ/TW"
            auto value = text::parseNumber(f.substr(i, nEnd - i), true);
            if (!value)
                continue;
            // Range "35 - 40%" or "2,7 - 3,2 lần".
            std::optional<double> valueMax;
            std::size_t after = nEnd;
            {
                std::size_t j = after;
                while (j < f.size() && f[j] == ' ')
                    ++j;
                if (j < f.size() && f[j] == '-') {
                    ++j;
                    while (j < f.size() && f[j] == ' ')
                        ++j;
                    if (j < f.size() && isDigit(f[j])) {
                        const std::size_t e2 = numberEnd(f, j);
                        if (auto v2 = text::parseNumber(f.substr(j, e2 - j), true);
                            v2 && *v2 > *value) {
                            valueMax = v2;
                            after = e2;
                        }
                    }
                }
            }
            // Unit right after the number.
            std::size_t u = after;
            while (u < f.size() && f[u] == ' ')
                ++u;
            std::string unit;
            for (const auto& w : kUnits) {
                if (f.compare(u, w.folded.size(), w.folded) == 0 &&
                    (u + w.folded.size() >= f.size() ||
                     !std::isalnum(static_cast<unsigned char>(f[u + w.folded.size()])))) {
                    unit = std::string(w.unit);
                    after = u + w.folded.size();
                    break;
                }
            }
            if (unit.empty() && counts && countAimedAt(f, i, indicatorStart > 0))
                if (unit = countedNoun(clause, folded, i, after, *value); !unit.empty())
                    while (after < f.size() && f[after] == ' ')
                        ++after;
            if (unit.empty())
                continue; // a bare number (a count of documents, an article) is not a target
            // Comparator: the last comparator word in the few words before the number.
            std::string comparator = valueMax ? "range" : "=";
            const std::string window = f.substr(i > 40 ? i - 40 : 0, i - (i > 40 ? i - 40 : 0));
            // The comparator word closest to the number; of two ending at the same place, the
            // longer ("ước đạt" over "đạt").
            std::size_t bestPos = std::string::npos, bestEnd = 0, bestLength = 0;
            for (const auto& c : kComparators) {
                const std::string word = std::string(c.folded) + " ";
                const std::size_t p = window.rfind(word);
                if (p == std::string::npos ||
                    (p > 0 && std::isalnum(static_cast<unsigned char>(window[p - 1]))))
                    continue;
                const std::size_t end = p + word.size();
                if (bestPos == std::string::npos || end > bestEnd ||
                    (end == bestEnd && word.size() > bestLength)) {
                    bestPos = p;
                    bestEnd = end;
                    bestLength = word.size();
                    if (!valueMax)
                        comparator = std::string(c.symbol);
                }
            }
            const std::string rest = f.substr(after, 20);
            if (rest.find("tro len") != std::string::npos && !valueMax)
                comparator = ">=";
            if (comparator == "=" && window.find("binh quan") != std::string::npos &&
                window.find("khoang") != std::string::npos)
                comparator = "approx";
            // Indicator: the clause text from the previous target (or clause start) to the
            // comparator or number, without "đạt", "trong đó".
            std::size_t indicatorEnd = i;
            if (bestPos != std::string::npos)
                indicatorEnd = (i > 40 ? i - 40 : 0) + bestPos;
            std::string indicator =
                clause.substr(folded.origin[indicatorStart],
                              folded.origin[std::max(indicatorEnd, indicatorStart)] -
                                  folded.origin[indicatorStart]);
            indicator = trimWords(indicator);
            for (std::string_view lead : {"trong đó", "Trong đó", "đạt", "và"}) {
                if (indicator.rfind(std::string(lead) + " ", 0) == 0)
                    indicator = trimWords(indicator.substr(lead.size()));
                if (indicator.ends_with(" " + std::string(lead)))
                    indicator = trimWords(indicator.substr(0, indicator.size() - lead.size()));
            }
            // Start the indicator at the last indicator noun ("… góp phần … tốc độ tăng trưởng").
            {
                const std::string fi = text::foldForMatch(indicator);
                std::size_t best = std::string::npos;
                for (std::string_view key :
                     {"toc do", "ty le", "ty trong", "tong gia tri", "gia tri", "thu nhap",
                      "co cau", "grdp", "nang suat", "tong chieu dai", "dien tich", "so luong"}) {
                    const auto p = fi.rfind(key);
                    if (p != std::string::npos && (p == 0 || fi[p - 1] == ' ') &&
                        (best == std::string::npos || p > best))
                        best = p;
                }
                if (best != std::string::npos && best >= 5 && fi.compare(best - 5, 5, "tong ") == 0)
                    best -= 5; // "tổng giá trị"
                if (best != std::string::npos && best > 0) {
                    const text::FoldedText fo = text::foldWithOffsets(indicator);
                    // foldForMatch collapses spaces like foldWithOffsets keeps them: find again
                    // there.
                    const auto p2 = fo.folded.find(fi.substr(best, 6));
                    if (p2 != std::string::npos)
                        indicator = indicator.substr(fo.origin[p2]);
                }
            }
            // "(1) Tốc độ …" marker leftovers.
            if (!indicator.empty() && indicator[0] == '(') {
                const auto close = indicator.find(')');
                if (close != std::string::npos && close < 4)
                    indicator = trimWords(indicator.substr(close + 1));
            }
            // "Đến hết năm 2025 có 95% số xã đạt chuẩn …": what is counted follows the number.
            {
                const std::string fi = text::foldForMatch(indicator);
                if (fi.empty() || fi.ends_with(" co") || fi == "co" || fi.ends_with(" dat") ||
                    fi.ends_with("phan dau co")) {
                    std::size_t e = after;
                    while (e < f.size() && f[e] != ',' && f[e] != ';' && f[e] != '.')
                        ++e;
                    const std::string following = trimWords(
                        clause.substr(folded.origin[std::min(after, f.size())],
                                      folded.origin[e] - folded.origin[std::min(after, f.size())]));
                    if (!following.empty())
                        indicator = following;
                }
            }
            if (indicator.empty() && !targets.empty())
                indicator = targets.back().indicator;
            Target t;
            t.section = section;
            t.text = clause;
            t.indicator = text::capitalFirst(indicator); // a label: "tỷ lệ" → "Tỷ lệ"
            t.comparator = comparator;
            t.value = *value;
            t.valueMax = valueMax;
            t.unit = unit;
            t.year = clauseYear ? clauseYear : defaultYear;
            t.metric = metricFor(indicator, unit);
            if (t.metric.empty() && (unit == "khu" || unit == "cụm")) // "19 khu công nghiệp"
                t.metric = metricFor(
                    clause.substr(folded.origin[u],
                                  std::min<std::size_t>(40, clause.size() - folded.origin[u])),
                    unit);
            t.line = lineOf((clauseAt == std::string::npos ? cb : clauseAt) + folded.origin[i]);
            targets.push_back(std::move(t));
            // Text after this target starts the next indicator ("…; dịch vụ 31%").
            std::size_t next = after;
            while (next < f.size() &&
                   (f[next] == ' ' || f[next] == ',' || f[next] == ';' || f[next] == ':'))
                ++next;
            if (f.compare(next, 6, "tro le") == 0)
                next = std::min(f.size(), next + 7);
            while (next < f.size() && (f[next] == ' ' || f[next] == ','))
                ++next;
            indicatorStart = next;
            searchFrom = after;
        }
    }
    return targets;
}

} // namespace pa::plan
