#include "Deadlines_p.h"
#include "planatlas/layers/Text.h"

#include <array>
#include <cctype>
#include <optional>
#include <regex>

namespace pa::plan {

namespace {

constexpr std::size_t kMaxScan =
    2000; // deadlines stand near what they qualify; bounds the regex work

/// A day of every year and the days listed after it, before "hằng năm": "25/12 hằng năm",
/// "30 tháng 11 hằng năm", "01/6 và 15/11 hằng năm" (group 1 the day, 2 the month of the first).
const std::string kDaysOfTheYear =
    R"((\d{1,2})\s*(?:/|thang)\s*(\d{1,2})(?:\s*(?:,|va)\s*(?:ngay\s*)?\d{1,2}\s*(?:/|thang)\s*\d{1,2})*\s*,?\s*hang nam)";

std::string two(int v)
{
    return (v < 10 ? "0" : "") + std::to_string(v);
}

int quarterNumber(const std::string& q)
{
    static const std::array<std::string, 4> roman = {"i", "ii", "iii", "iv"};
    for (int i = 0; i < 4; ++i)
        if (q == roman[static_cast<std::size_t>(i)] || q == std::to_string(i + 1))
            return i + 1;
    return 0;
}

bool plausibleYear(int y)
{
    return y >= 1990 && y <= 2100;
}

/// One deadline expression starting at the beginning of @p f (folded text); sets @p length.
std::optional<std::string> expressionAt(const std::string& f, std::size_t& length)
{
    static const std::regex date(R"(^(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))");
    static const std::regex dateWords(R"(^(?:ngay\s*)?(\d{1,2}) thang (\d{1,2}) nam (\d{4}))");
    static const std::regex annualDay(R"(^(?:ngay\s*)?)" + kDaysOfTheYear);
    static const std::regex quarter(
        R"(^qu[yi]\s*(iv|iii|ii|i|[1-4])\s*(?:[/.,-]|\s)\s*(?:nam\s*)?(\d{4}))");
    static const std::regex month(R"(^thang\s*(\d{1,2})\s*(?:[/.-]|\s)\s*(?:nam\s*)?(\d{4}))");
    // "Tháng 11 - 12/2025": two months of one year.
    static const std::regex monthPair(
        R"(^thang\s*(\d{1,2})\s*(?:-|den)\s*(?:thang\s*)?(\d{1,2})\s*[/.-]\s*(\d{4}))");
    // "Từ tháng 11/2025 đến khi kết thúc …": open-ended, so ongoing.
    static const std::regex openEnded(
        R"(^tu\s+(?:ngay|thang|qu[yi]|nam)?\s*[\d/ivx .-]+den khi\b)");
    static const std::regex year(R"(^(?:nam\s*)?(\d{4})\b)");
    static const std::regex days(
        R"(^(?:trong\s*(?:vong|thoi han|thoi gian)?\s*)?(?:khong qua\s*|toi da\s*)?(\d{1,3})\s*ngay)");
    // "6 tháng đầu năm 2026", "6 tháng cuối năm 2026": half years.
    static const std::regex half(R"(^(?:0?6) thang (dau|cuoi) nam (\d{4}))");
    // "Quý III, IV/2026", "Quý II-III/2026", "Quý II và Quý III năm 2026": two quarters of a year.
    static const std::regex quarterPair(
        R"(^qu[yi]\s*(iv|iii|ii|i|[1-4])\s*(?:,|-|va|den)\s*(?:qu[yi]\s*)?(iv|iii|ii|i|[1-4])\s*(?:[/.,-]|\s)\s*(?:nam\s*)?(\d{4}))");
    std::smatch m;
    if (std::regex_search(f, m, half)) {
        const int y = std::stoi(m[2]);
        if (plausibleYear(y)) {
            length = static_cast<std::size_t>(m.length(0));
            const std::string yyyy = std::to_string(y);
            return m[1] == "dau" ? yyyy + "-01.." + yyyy + "-06" : yyyy + "-07.." + yyyy + "-12";
        }
    }
    if (std::regex_search(f, m, quarterPair)) {
        const int a = quarterNumber(m[1]), b = quarterNumber(m[2]), y = std::stoi(m[3]);
        if (a > 0 && b > a && plausibleYear(y)) {
            length = static_cast<std::size_t>(m.length(0));
            const std::string yyyy = std::to_string(y);
            return yyyy + "-Q" + std::to_string(a) + ".." + yyyy + "-Q" + std::to_string(b);
        }
    }
    if (std::regex_search(f, m, openEnded)) {
        length = static_cast<std::size_t>(m.length(0));
        return "ongoing";
    }
    if (std::regex_search(f, m, monthPair)) {
        const int a = std::stoi(m[1]), b = std::stoi(m[2]), y = std::stoi(m[3]);
        if (a >= 1 && a < b && b <= 12 && plausibleYear(y)) {
            length = static_cast<std::size_t>(m.length(0));
            return std::to_string(y) + "-" + two(a) + ".." + std::to_string(y) + "-" + two(b);
        }
    }
    if (std::regex_search(f, m, annualDay)) {
        const int d = std::stoi(m[1]), mo = std::stoi(m[2]);
        if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) {
            length = static_cast<std::size_t>(m.length(0));
            return "annual:" + two(mo) + "-" + two(d);
        }
    }
    if (std::regex_search(f, m, date) || std::regex_search(f, m, dateWords)) {
        const int d = std::stoi(m[1]), mo = std::stoi(m[2]), y = std::stoi(m[3]);
        if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12 && plausibleYear(y)) {
            length = static_cast<std::size_t>(m.length(0));
            return std::to_string(y) + "-" + two(mo) + "-" + two(d);
        }
    }
    if (std::regex_search(f, m, quarter)) {
        const int q = quarterNumber(m[1]), y = std::stoi(m[2]);
        if (q > 0 && plausibleYear(y)) {
            length = static_cast<std::size_t>(m.length(0));
            return std::to_string(y) + "-Q" + std::to_string(q);
        }
    }
    if (std::regex_search(f, m, month)) {
        const int mo = std::stoi(m[1]), y = std::stoi(m[2]);
        if (mo >= 1 && mo <= 12 && plausibleYear(y)) {
            length = static_cast<std::size_t>(m.length(0));
            return std::to_string(y) + "-" + two(mo);
        }
    }
    if (std::regex_search(f, m, year) && plausibleYear(std::stoi(m[1]))) {
        length = static_cast<std::size_t>(m.length(0));
        return m[1].str();
    }
    for (std::string_view w : {"thuong xuyen", "lien tuc"})
        if (f.rfind(w, 0) == 0) {
            length = w.size();
            return "ongoing";
        }
    if (f.rfind("hang nam", 0) == 0) {
        length = 8;
        return "annual";
    }
    if (std::regex_search(f, m, days)) {
        length = static_cast<std::size_t>(m.length(0));
        return "days:" + std::to_string(std::stoi(m[1]));
    }
    return std::nullopt;
}

/// The first expression at or after @p from, with a second one joined by a range word.
std::optional<std::string> firstExpression(const std::string& f, std::size_t from,
                                           std::size_t* at = nullptr)
{
    for (std::size_t i = from; i < f.size(); ++i) {
        if (i > 0 && std::isalnum(static_cast<unsigned char>(f[i - 1])))
            continue; // expressions start at a word
        std::size_t length = 0;
        auto first = expressionAt(f.substr(i, 120), length);
        if (!first)
            continue;
        if (at)
            *at = i;
        // "2026 - 2030", "Quý IV/2025 – Quý II/2026", "từ năm 2026 đến năm 2030"
        static const std::regex joiner(R"(^\s*(?:-|–|—|den|toi)\s*)");
        const std::string rest = f.substr(i + length, 140);
        std::smatch m;
        if (*first != "ongoing" && *first != "annual" && std::regex_search(rest, m, joiner)) {
            std::size_t second = 0;
            if (auto end = expressionAt(rest.substr(static_cast<std::size_t>(m.length(0))), second);
                end && *end != "ongoing" && *end != "annual" && end->rfind("days:", 0) != 0 &&
                end->rfind("annual:", 0) != 0)
                return *first + ".." + *end;
        }
        // "Từ năm 2026", "kể từ ngày 01/7/2025": when work starts, not when it is due.
        const std::string before = f.substr(i >= 12 ? i - 12 : 0, i >= 12 ? 12 : i);
        if ((before.ends_with("tu ") || before.ends_with("tu ngay ") ||
             before.ends_with("tu nam ") || before.ends_with("tu thang ")) &&
            !(before.ends_with("den tu ")) && first->find("..") == std::string::npos) {
            i += length;
            continue;
        }
        return first;
    }
    return std::nullopt;
}

/// "annual:MM-DD" for the day of the year named next to "hằng năm" at @p p: just before ("Định kỳ
/// 30 tháng 11 hằng năm", "trước ngày 01/6 và 15/11 hằng năm") or just after ("hằng năm, báo cáo
/// … trước ngày 20/11", "chậm nhất ngày 17 tháng 12"); empty when none.
std::string annualDayNear(const std::string& f, std::size_t p)
{
    const std::size_t from = p > 60 ? p - 60 : 0;
    const std::string window = f.substr(from, p + 8 - from);
    static const std::regex dayBefore(kDaysOfTheYear + "$");
    static const std::regex dayAfter(
        R"(^[^;]{0,100}?\b(?:truoc|cham nhat)\s+(?:ngay\s*)?(\d{1,2})\s*(?:/|thang)\s*(\d{1,2})\b(?!\s*(?:[/.-]|nam)\s*\d))");
    const std::string after = f.substr(std::min(f.size(), p + 8), 160);
    std::smatch dm;
    if (std::regex_search(window, dm, dayBefore) || std::regex_search(after, dm, dayAfter)) {
        const int day = std::stoi(dm[1]), mo = std::stoi(dm[2]);
        if (day >= 1 && day <= 31 && mo >= 1 && mo <= 12)
            return "annual:" + two(mo) + "-" + two(day);
    }
    return {};
}

/// The folded text with en/em dashes as ASCII (foldForMatch keeps them as UTF-8).
std::string foldDashes(std::string f)
{
    for (const char* dash : {"\xE2\x80\x93", "\xE2\x80\x94"})
        for (auto p = f.find(dash); p != std::string::npos; p = f.find(dash, p))
            f.replace(p, 3, " - ");
    return f;
}

/// Whether a part of a parenthetical assignment (folded) says when the work is due: it begins
/// with a time ("năm 2026", "giai đoạn 2026 - 2030", "Quý IV/2025", "2027") or a verb of doing
/// before one ("hoàn thành năm 2026", "thực hiện hằng năm"), and cites no document ("theo Kế
/// hoạch số 12/KH-UBND ngày 05/01/2025", "năm 2025 đã tổ chức lần 1").
bool saysWhen(const std::string& f)
{
    for (std::string_view cited : {"so ", "quyet dinh", "ke hoach", "nghi quyet", "chi thi",
                                   "thong bao", "cong van", " da ", "theo "})
        if (f.find(cited) != std::string::npos)
            return false;
    if (!f.empty() && std::isdigit(static_cast<unsigned char>(f[0])))
        return true;
    for (std::string_view start :
         {"nam ", "giai doan", "quy ", "thang ", "truoc ", "cham nhat", "hoan thanh", "thuc hien",
          "trien khai", "trong ", "tu ", "den ", "thuong xuyen", "hang nam", "dinh ky", "6 thang"})
        if (f.starts_with(start))
            return true;
    return false;
}

/// The time a parenthetical assignment gives after its lead: "(Sở X chủ trì, phối hợp …;
/// hoàn thành năm 2026)", "(… chủ trì; Quý IV/2025)", "(Sở X chủ trì, thực hiện năm 2026)".
Deadline parentheticalDeadline(const std::string& cut)
{
    const text::FoldedText ft = text::foldWithOffsets(cut);
    for (std::size_t p = ft.folded.find("chu tri"); p != std::string::npos;
         p = ft.folded.find("chu tri", p + 7)) {
        const std::size_t src = ft.origin[p];
        const std::size_t open = cut.rfind('(', src);
        if (open == std::string::npos)
            return {};
        if (const std::size_t shut = cut.rfind(')', src); shut != std::string::npos && shut > open)
            continue;
        const std::size_t close = std::min(cut.find(')', src), cut.size());
        for (std::size_t sep = cut.find_first_of(";,", src); sep < close;
             sep = cut.find_first_of(";,", sep + 1)) {
            std::string part =
                cut.substr(sep + 1, std::min(cut.find_first_of(";,", sep + 1), close) - sep - 1);
            while (!part.empty() && part.front() == ' ')
                part.erase(0, 1);
            if (part.size() > 60 || !saysWhen(text::foldForMatch(part)))
                continue;
            if (Deadline d = deadlineOf(part); !d.empty())
                return d;
        }
    }
    return {};
}

} // namespace

std::optional<std::string> deadlineEnd(const std::string& normalised)
{
    const auto range = normalised.find("..");
    const std::string last = range == std::string::npos ? normalised : normalised.substr(range + 2);
    static const std::regex day(R"(^(\d{4})-(\d{2})-(\d{2})$)"), month(R"(^(\d{4})-(\d{2})$)"),
        quarter(R"(^(\d{4})-Q([1-4])$)"), year(R"(^(\d{4})$)");
    std::smatch m;
    auto monthEnd = [](int y, int mo) {
        static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        const int d = mo == 2 && leap ? 29 : days[mo - 1];
        return std::to_string(y) + "-" + two(mo) + "-" + two(d);
    };
    if (std::regex_match(last, m, day))
        return last;
    if (std::regex_match(last, m, month) && std::stoi(m[2]) >= 1 && std::stoi(m[2]) <= 12)
        return monthEnd(std::stoi(m[1]), std::stoi(m[2]));
    if (std::regex_match(last, m, quarter))
        return monthEnd(std::stoi(m[1]), 3 * std::stoi(m[2]));
    if (std::regex_match(last, m, year))
        return last + "-12-31";
    return std::nullopt;
}

Deadline deadlineOf(const std::string& text)
{
    const std::string cut = text::clipUtf8(text, kMaxScan);
    const std::string f = foldDashes(text::foldForMatch(cut));
    Deadline d;
    if (auto e = firstExpression(f, 0)) {
        d.normalised = *e;
        if (*e == "annual") // "Hằng năm (trước ngày 15/12)"
            if (auto day = annualDayNear(f, f.find("hang nam")); !day.empty())
                d.normalised = day;
        d.text = cut;
        while (!d.text.empty() &&
               (d.text.back() == '.' || d.text.back() == ';' || d.text.back() == ' '))
            d.text.pop_back();
    }
    return d;
}

Deadline deadlineInTask(const std::string& body)
{
    const std::string cut = text::clipUtf8(body, kMaxScan);
    const std::string f = foldDashes(text::foldForMatch(cut));
    // A labelled field: "Thời gian hoàn thành: …", "Thời hạn: …", "Tiến độ: …".
    // Without the colon the time must follow at once: "; thời gian thực hiện giai đoạn 2026 -
    // 2030", "thời hạn hoàn thành trước 30/6/2026" (not "thời gian thực hiện các dự án … 2026").
    static const std::regex label(
        R"((?:thoi gian (?:hoan thanh|thuc hien|trien khai)|thoi han(?: hoan thanh)?|tien do(?: thuc hien| hoan thanh)?)(?:\s*:\s*|\s+(?:la\s+|trong\s+|truoc\s+)?(?:giai doan\s+)?(?=\d|nam\s|qu[yi]\s|thang\s|ngay\s)))");
    std::smatch m;
    Deadline d;
    if (std::regex_search(f, m, label)) {
        const std::size_t from = static_cast<std::size_t>(m.position(0) + m.length(0));
        const bool colon = m.str(0).find(':') != std::string::npos;
        std::size_t exprAt = 0;
        if (auto e = firstExpression(f.substr(0, std::min(f.size(), from + 80)), from, &exprAt);
            e && (colon || exprAt == from)) {
            d.normalised = *e;
            d.text = body.substr(0, 0); // set below from the folded span
        }
        if (!d.normalised.empty()) {
            // The words as written: the clause after the label.
            // (Without a colon, the clause from the label's first word.)
            const text::FoldedText ft = text::foldWithOffsets(cut);
            const auto labelAt = static_cast<std::size_t>(m.position(0)); // (f is ft's folded)
            const std::size_t at = colon ? ft.folded.find(':', labelAt) : labelAt;
            std::string rest = at >= ft.origin.size() ? std::string()
                                                      : cut.substr(ft.origin[at] + (colon ? 1 : 0));
            rest = rest.substr(0, rest.find_first_of(";\n"));
            while (!rest.empty() && (rest.front() == ' '))
                rest.erase(0, 1);
            while (!rest.empty() &&
                   (rest.back() == '.' || rest.back() == ' ' || rest.back() == ')'))
                rest.pop_back();
            d.text = rest;
            return d;
        }
    }
    // "trong 6 tháng đầu năm 2026": a half year anywhere in the task.
    static const std::regex halfYear(R"(\b0?6 thang (?:dau|cuoi) nam \d{4})");
    if (std::regex_search(f, m, halfYear)) {
        std::size_t length = 0;
        if (auto e = expressionAt(f.substr(static_cast<std::size_t>(m.position(0)), 40), length)) {
            d.normalised = *e;
            const text::FoldedText ft = text::foldWithOffsets(cut);
            const auto pos = static_cast<std::size_t>(m.position(0));
            const auto end = pos + static_cast<std::size_t>(m.length(0));
            if (end < ft.origin.size())
                d.text = cut.substr(ft.origin[pos], ft.origin[end] - ft.origin[pos]);
            return d;
        }
    }
    // Anchored phrases.
    // (The anchor's words, then a unit word or a whole date: "trước ngày …", "trước 30/6/2026".)
    static const std::regex anchored(
        R"(\b(?:truoc|cham nhat|xong truoc|hoan thanh trong|hoan thanh truoc|hoan thanh|trong)\s+(?=(?:ngay|qu[yi]|thang|nam)\s|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}))");
    // "trong thời hạn không quá 05 ngày làm việc", "trong vòng 07 ngày"
    static const std::regex withinDays(
        R"(\btrong\s+(?:vong|thoi han|thoi gian)\s+(?:khong qua\s+|toi da\s+)?(\d{1,3})\s+ngay\b)");
    if (std::regex_search(f, m, withinDays)) {
        d.normalised = "days:" + std::to_string(std::stoi(m[1]));
        const text::FoldedText ft = text::foldWithOffsets(cut);
        const auto pos = static_cast<std::size_t>(m.position(0));
        const auto end = static_cast<std::size_t>(m.position(0) + m.length(0));
        if (end < ft.origin.size())
            d.text = cut.substr(ft.origin[pos], ft.origin[end] - ft.origin[pos]);
        return d;
    }
    for (std::sregex_iterator it(f.begin(), f.end(), anchored), end; it != end; ++it) {
        const std::size_t from = static_cast<std::size_t>(it->position(0));
        std::size_t at = 0;
        const std::size_t exprFrom = from + static_cast<std::size_t>(it->length(0));
        if (auto e = firstExpression(f.substr(0, std::min(f.size(), exprFrom + 60)), exprFrom, &at);
            e && at == exprFrom) {
            // "trong năm" + a year is a deadline; "trong tháng" + month/year too.
            d.normalised = *e;
            const text::FoldedText ft = text::foldWithOffsets(cut);
            const auto pos = ft.folded.find(f.substr(from, 12));
            d.text = pos == std::string::npos ? *e : text::clipUtf8(cut.substr(ft.origin[pos]), 60);
            d.text = d.text.substr(0, d.text.find_first_of(";,.)"));
            return d;
        }
    }
    // "trong giai đoạn 2026 - 2030", "; thực hiện giai đoạn 2026 - 2030": the period the work
    // is done in, where no nearer time is said (not a programme's "Đề án … giai đoạn 2021 -
    // 2025", which names the document, nor a period looked back on: "kết quả thực hiện giai
    // đoạn 2021 - 2025", "các dự án đã đầu tư trong giai đoạn …").
    static const std::regex inPeriod(
        R"(\b(?:trong (?:ca )?|(?:thuc hien|hoan thanh|trien khai) (?:trong )?)giai doan\s+)");
    for (std::sregex_iterator it(f.begin(), f.end(), inPeriod), none; it != none; ++it) {
        const auto pos = static_cast<std::size_t>(it->position(0));
        const auto from = pos + static_cast<std::size_t>(it->length(0));
        const std::string before = f.substr(pos >= 40 ? pos - 40 : 0, pos >= 40 ? 40 : pos);
        const std::string clause = before.substr(
            before.find_last_of(";.:") == std::string::npos ? 0 : before.find_last_of(";.:") + 1);
        if (clause.find("ket qua") != std::string::npos ||
            clause.find("tong ket") != std::string::npos ||
            clause.find("so ket") != std::string::npos ||
            (" " + clause).find(" da ") != std::string::npos)
            continue;
        std::size_t at = 0;
        if (auto e = firstExpression(f.substr(0, std::min(f.size(), from + 40)), from, &at);
            e && at == from && e->find("..") != std::string::npos) {
            d.normalised = *e;
            const text::FoldedText ft = text::foldWithOffsets(cut);
            d.text = text::clipUtf8(cut.substr(ft.origin[pos]), 60);
            d.text = d.text.substr(0, d.text.find_first_of(";,.)"));
            return d;
        }
    }
    // The time after a parenthetical assignment's lead, where the task's words give none.
    if (Deadline inParenthesis = parentheticalDeadline(cut); !inParenthesis.empty())
        return inParenthesis;
    // "thường xuyên", "liên tục", "hằng năm": the first that the text names.
    std::string_view first;
    std::size_t firstAt = std::string::npos;
    for (std::string_view w : {"thuong xuyen", "lien tuc", "hang nam"})
        for (std::size_t p = f.find(w); p != std::string::npos; p = f.find(w, p + 1))
            if ((p == 0 || f[p - 1] == ' ' || f[p - 1] == '(' || f[p - 1] == ',') &&
                (p + w.size() >= f.size() ||
                 !std::isalnum(static_cast<unsigned char>(f[p + w.size()])))) {
                if (p < firstAt) {
                    firstAt = p;
                    first = w;
                }
                break;
            }
    if (!first.empty()) {
        d.normalised = first == "hang nam" ? "annual" : "ongoing";
        if (first == "hang nam")
            if (auto day = annualDayNear(f, firstAt); !day.empty())
                d.normalised = day;
        // The words as written (the folded text keeps the offsets of the source's letters).
        const text::FoldedText ft = text::foldWithOffsets(cut);
        const auto q = ft.folded.find(first, firstAt > 8 ? firstAt - 8 : 0);
        d.text = q == std::string::npos || q + first.size() >= ft.origin.size()
                     ? std::string(first)
                     : cut.substr(ft.origin[q], ft.origin[q + first.size()] - ft.origin[q]);
    }
    return d;
}

} // namespace pa::plan
