#include "Paragraphs_p.h"
#include "planatlas/layers/Text.h"

#include <algorithm>
#include <cctype>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace pa::plan {

namespace {

std::string cleanLine(std::string line)
{
    // Markdown emphasis and headings, non-breaking spaces, tabs.
    std::string out;
    out.reserve(line.size());
    std::size_t i = 0;
    while (i < line.size() && line[i] == '#')
        ++i;
    for (; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '*' || c == '\r')
            continue;
        if (c == '\t') {
            out += ' ';
            continue;
        }
        if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < line.size() &&
            static_cast<unsigned char>(line[i + 1]) == 0xA0) { // U+00A0
            out += ' ';
            ++i;
            continue;
        }
        out += c;
    }
    // Collapse white space and trim.
    std::string collapsed;
    bool space = false;
    for (char c : out) {
        if (c == ' ') {
            space = !collapsed.empty();
            continue;
        }
        if (space)
            collapsed += ' ';
        space = false;
        collapsed += c;
    }
    return collapsed;
}

bool isRoman(const std::string& s)
{
    static const char* numerals[] = {"I",    "II",  "III",  "IV",    "V",   "VI",   "VII",
                                     "VIII", "IX",  "X",    "XI",    "XII", "XIII", "XIV",
                                     "XV",   "XVI", "XVII", "XVIII", "XIX", "XX"};
    for (const char* n : numerals)
        if (s == n)
            return true;
    return false;
}

/// Reads up to two digits at @p i; returns the count read.
std::size_t digitsAt(const std::string& s, std::size_t i)
{
    std::size_t n = 0;
    while (i + n < s.size() && std::isdigit(static_cast<unsigned char>(s[i + n])) && n < 3)
        ++n;
    return n;
}

/// The first code point of @p text (0 when empty or not UTF-8).
UChar32 firstCodePoint(const std::string& text)
{
    if (text.empty())
        return 0;
    UChar32 c = 0;
    std::size_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, text.size(), c);
    return c > 0 ? c : 0;
}

bool startsLower(const std::string& text)
{
    return u_islower(firstCodePoint(text));
}

bool startsUpper(const std::string& text)
{
    return u_isupper(firstCodePoint(text));
}

bool endsParagraph(const std::string& text)
{
    if (text.empty())
        return true;
    const std::string tail = text.substr(text.size() >= 4 ? text.size() - 4 : 0);
    const char last = text.back();
    return last == '.' || last == ':' || last == ';' || last == '!' || last == '?' || last == ')' ||
           tail.ends_with("\xE2\x80\xA6") /* … */ || tail.ends_with("\xE2\x80\x9D") /* ” */;
}

} // namespace

namespace {

/// Whether the only letters of @p line are Roman numerals beside digits ("II/2026).", "IV/2025;").
bool quarterOnly(const std::string& line)
{
    return line.find_first_of("0123456789") != std::string::npos &&
           std::all_of(line.begin(), line.end(),
                       [](char c) {
                           return !std::isalpha(static_cast<unsigned char>(c)) || c == 'I' ||
                                  c == 'V' || c == 'X';
                       }) &&
           std::none_of(line.begin(), line.end(),
                        [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

} // namespace

FieldLabel fieldLabelOf(const std::string& text, std::size_t* colonAt)
{
    const text::FoldedText f = text::foldWithOffsets(text.substr(0, 200));
    const std::string& F = f.folded;
    const auto colon = F.find(':');
    if (colon == std::string::npos || colon > 70)
        return FieldLabel::None;
    const std::string label = F.substr(0, colon);
    auto starts = [&](std::string_view w) { return label.rfind(w, 0) == 0; };
    FieldLabel kind = FieldLabel::None;
    if (starts("co quan phoi hop") || starts("don vi phoi hop") || starts("phoi hop"))
        kind = FieldLabel::Support;
    else if (starts("co quan chu tri") || starts("don vi chu tri") || starts("chu tri") ||
             starts("co quan thuc hien") || starts("don vi thuc hien") ||
             starts("co quan, don vi chu tri") || starts("trach nhiem thuc hien") ||
             starts("co quan to chuc thuc hien"))
        kind = FieldLabel::Lead;
    else if (starts("thoi gian") || starts("thoi han") || starts("tien do"))
        kind = FieldLabel::Deadline;
    else if (starts("san pham") || starts("ket qua dau ra") || starts("ket qua san pham"))
        kind = FieldLabel::Product;
    else if (starts("kinh phi") || starts("nguon kinh phi") || starts("nguon von") ||
             starts("noi dung") || starts("muc tieu") || starts("yeu cau"))
        kind = FieldLabel::Other;
    if (kind != FieldLabel::None && colonAt)
        *colonAt = f.origin[colon];
    return kind;
}

bool isAllUpper(const std::string& text)
{
    bool anyLetter = false;
    std::size_t i = 0;
    while (i < text.size()) {
        UChar32 c = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, text.size(), c);
        if (c > 0 && u_isalpha(c)) {
            anyLetter = true;
            if (u_islower(c))
                return false;
        }
    }
    return anyLetter;
}

Marker detectMarker(const std::string& text, std::string& label, std::size_t& bodyOffset)
{
    label.clear();
    bodyOffset = 0;
    auto skipSpaces = [&](std::size_t i) {
        while (i < text.size() && text[i] == ' ')
            ++i;
        return i;
    };
    // "Điều 3." / "Điều 3:" (Đ is C4 90)
    if (text.rfind("\xC4\x90i\xE1\xBB\x81u ", 0) == 0) { // "Điều "
        const std::size_t start = 8;
        const std::size_t n = digitsAt(text, start);
        if (n > 0) {
            std::size_t i = start + n;
            if (i < text.size() && (text[i] == '.' || text[i] == ':'))
                ++i;
            label = text.substr(start, n);
            bodyOffset = skipSpaces(i);
            return Marker::Article;
        }
    }
    // Roman numerals "III. "
    {
        std::size_t i = 0;
        while (i < text.size() && (text[i] == 'I' || text[i] == 'V' || text[i] == 'X'))
            ++i;
        if (i > 0 && i < text.size() && (text[i] == '.' || text[i] == ')') &&
            (i + 1 == text.size() || text[i + 1] == ' ') && isRoman(text.substr(0, i))) {
            label = text.substr(0, i);
            bodyOffset = skipSpaces(i + 1);
            return Marker::Roman;
        }
    }
    // 1. / 2.1. / 2.1.3.
    if (const std::size_t n1 = digitsAt(text, 0); n1 > 0 && n1 <= 2 && n1 < text.size()) {
        std::size_t i = n1;
        if (text[i] == '.') {
            const std::size_t n2 = digitsAt(text, i + 1);
            if (n2 == 0) {
                if (i + 1 == text.size() ||
                    text[i + 1] == ' ') { // "2. Sở X", or "2." alone on its line
                    label = text.substr(0, n1);
                    bodyOffset = skipSpaces(i + 1);
                    return Marker::Num1;
                }
            } else if (n2 <= 2) {
                std::size_t j = i + 1 + n2;
                const std::string two = text.substr(0, j);
                if (j < text.size() && text[j] == '.') {
                    const std::size_t n3 = digitsAt(text, j + 1);
                    if (n3 > 0 && n3 <= 2) {
                        std::size_t k = j + 1 + n3;
                        if (k < text.size() && text[k] == '.')
                            ++k;
                        if (k < text.size() && text[k] == ' ') {
                            label = text.substr(0, j + 1 + n3);
                            bodyOffset = skipSpaces(k);
                            return Marker::Num3;
                        }
                    } else if (j + 1 == text.size() || text[j + 1] == ' ') {
                        label = two;
                        bodyOffset = skipSpaces(j + 1);
                        return Marker::Num2;
                    }
                } else if (j < text.size() && text[j] == ' ') {
                    label = two;
                    bodyOffset = skipSpaces(j);
                    return Marker::Num2;
                }
            }
        } else if (text[i] == ')' && (i + 1 == text.size() || text[i + 1] == ' ')) {
            label = text.substr(0, n1);
            bodyOffset = skipSpaces(i + 1);
            return Marker::Num1;
        }
    }
    // (1)
    if (text.size() > 2 && text[0] == '(') {
        const std::size_t n = digitsAt(text, 1);
        if (n > 0 && n <= 2 && 1 + n < text.size() && text[1 + n] == ')') {
            label = text.substr(1, n);
            bodyOffset = skipSpaces(2 + n);
            return Marker::Paren;
        }
    }
    // a) … also đ)
    if (text.size() >= 2 && text[0] >= 'a' && text[0] <= 'z' && text[1] == ')' &&
        (text.size() == 2 || text[2] == ' ')) {
        label = text.substr(0, 1);
        bodyOffset = skipSpaces(2);
        return Marker::Letter;
    }
    if (text.rfind("\xC4\x91) ", 0) == 0 || text == "\xC4\x91)") { // "đ) "
        label = "\xC4\x91";
        bodyOffset = skipSpaces(3);
        return Marker::Letter;
    }
    // - – — • +
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        if (text.size() > 1 && std::isdigit(static_cast<unsigned char>(text[1])))
            return Marker::None; // a negative number
        bodyOffset = skipSpaces(1);
        return text[0] == '+' ? Marker::Plus : Marker::Dash;
    }
    for (const char* dash : {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2"}) { // – — •
        if (text.rfind(dash, 0) == 0) {
            bodyOffset = skipSpaces(3);
            return Marker::Dash;
        }
    }
    return Marker::None;
}

namespace {

struct Line
{
    std::string text; ///< cleaned
    int number = 0;
    int indent = 0; ///< leading spaces in the source (a tab as four)
};

int indentOf(const std::string& source)
{
    int n = 0;
    for (char c : source)
        if (c == ' ')
            ++n;
        else if (c == '\t')
            n += 4;
        else
            break;
    return n;
}

struct Cell
{
    std::string text;
    int line = 0;
};
using Row = std::vector<Cell>;

bool isRuleLine(const std::string& s)
{
    return !s.empty() && s.find_first_not_of("-_=") == std::string::npos;
}

void appendTo(Cell& cell, const Line& line)
{
    if (line.text.empty() || isRuleLine(line.text))
        return;
    if (cell.text.empty())
        cell.line = line.number;
    cell.text += (cell.text.empty() ? "" : " ") + line.text;
}

/// A row of a Markdown pipe table ("| a | b |"); false for a separator row ("|---|:--|").
bool pipeRow(const std::string& s, Row& row, int number)
{
    row.clear();
    if (s.size() < 3 || s.front() != '|' || s.find('|', 1) == std::string::npos)
        return false;
    std::size_t start = 1;
    bool separator = true;
    for (std::size_t bar = s.find('|', start); bar != std::string::npos; bar = s.find('|', start)) {
        Cell cell;
        appendTo(cell, {s.substr(start, bar - start), number});
        std::string raw = s.substr(start, bar - start);
        if (raw.find_first_not_of(" -:") != std::string::npos)
            separator = false;
        cell.line = number;
        row.push_back(cell);
        start = bar + 1;
    }
    for (auto& c : row) { // trim
        while (!c.text.empty() && c.text.back() == ' ')
            c.text.pop_back();
        while (!c.text.empty() && c.text.front() == ' ')
            c.text.erase(0, 1);
    }
    return !separator;
}

enum class Role
{
    None,
    Task,
    Lead,
    Support,
    Deadline,
    Product
};

Role roleOf(const std::string& header)
{
    const std::string f = text::foldForMatch(header);
    auto has = [&](std::string_view w) { return f.find(w) != std::string::npos; };
    // "Thời gian thực hiện", "Nội dung thực hiện", "Kinh phí thực hiện": the first words say the
    // column's role; "thực hiện" names the lead only in "Đơn vị thực hiện", "Cơ quan thực hiện".
    if (has("phoi hop"))
        return Role::Support;
    if (has("kinh phi") || has("nguon von") || has("ghi chu") || has("du toan"))
        return Role::None;
    if (has("thoi gian") || has("tien do") || has("thoi han") || has("moc thoi") ||
        f.rfind("hoan thanh", 0) == 0)
        return Role::Deadline;
    if (has("san pham") || has("ket qua"))
        return Role::Product;
    if (has("chu tri") || has("co quan") || has("don vi") || has("trach nhiem"))
        return Role::Lead;
    if (has("nhiem vu") || has("noi dung") || has("cong viec") || has("hoat dong") ||
        has("giai phap") || has("ten de an") || has("du an"))
        return Role::Task;
    if (has("thuc hien"))
        return Role::Lead;
    return Role::None;
}

bool taskHeader(const std::vector<std::string>& cells)
{
    std::vector<Role> roles;
    for (const auto& c : cells)
        roles.push_back(roleOf(c));
    return std::count(roles.begin(), roles.end(), Role::Task) >= 1 &&
           std::count(roles.begin(), roles.end(), Role::Lead) >= 1;
}

/// Turns a table into paragraphs: a task table's rows into Marker::Row paragraphs (group rows
/// "I. …" into headings), any other table's cells into table-cell paragraphs.
void emitTable(std::vector<Row> rows, std::vector<Paragraph>& out)
{
    std::vector<Role> roles;
    std::size_t headerRow = rows.size();
    for (std::size_t r = 0; r < rows.size() && headerRow == rows.size(); ++r) {
        std::vector<Role> candidate;
        Row& row = rows[r];
        // "STT Tên nhiệm vụ" in one cell where the copy lost a separator.
        if (!row.empty()) {
            const std::string f0 = text::foldForMatch(row[0].text);
            if (f0.rfind("stt ", 0) == 0 && roleOf(row[0].text) != Role::None) {
                Cell rest{row[0].text.substr(4), row[0].line};
                row[0].text = "STT";
                row.insert(row.begin() + 1, rest);
            }
        }
        for (const auto& c : row)
            candidate.push_back(roleOf(c.text));
        if (std::count(candidate.begin(), candidate.end(), Role::Task) >= 1 &&
            std::count(candidate.begin(), candidate.end(), Role::Lead) >= 1) {
            headerRow = r;
            roles = candidate;
        }
    }
    auto plain = [&](const Row& row) {
        for (const auto& c : row) {
            if (c.text.empty())
                continue;
            Paragraph p;
            p.text = p.body = c.text;
            p.line = c.line;
            p.upperCase = isAllUpper(c.text);
            p.tableCell = true;
            out.push_back(std::move(p));
        }
    };
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Row& row = rows[r];
        if (r <= headerRow || roles.empty()) {
            plain(row);
            continue;
        }
        Paragraph p;
        p.marker = Marker::Row;
        std::size_t filled = 0;
        for (std::size_t k = 0; k < row.size(); ++k) {
            if (row[k].text.empty())
                continue;
            ++filled;
            const Role role = k < roles.size() ? roles[k] : Role::None;
            switch (role) {
            case Role::Task:
                p.body = row[k].text;
                p.line = row[k].line;
                break;
            case Role::Lead:
                p.cells.lead = row[k].text;
                break;
            case Role::Support:
                p.cells.support = row[k].text;
                break;
            case Role::Deadline:
                p.cells.deadline = row[k].text;
                break;
            case Role::Product:
                p.cells.product = row[k].text;
                break;
            case Role::None:
                if (k == 0)
                    p.label = row[k].text;
                break;
            }
        }
        if (filled <= 2 && p.cells.lead.empty()) {
            // A group row: "I. NÂNG CAO NHẬN THỨC …" — a heading of the rows below it.
            std::string joined;
            for (const auto& c : row)
                if (!c.text.empty())
                    joined += (joined.empty() ? "" : " ") + c.text;
            Paragraph g;
            g.text = joined;
            g.line = row.front().line ? row.front().line : row.back().line;
            for (const auto& c : row)
                if (!c.text.empty()) {
                    g.line = c.line;
                    break;
                }
            std::size_t offset = 0;
            g.marker = detectMarker(joined, g.label, offset);
            if (g.marker == Marker::None || g.marker == Marker::Dash || g.marker == Marker::Plus)
                g.marker = Marker::Roman, g.label = joined.substr(0, joined.find(' '));
            g.body = joined.substr(offset);
            g.upperCase = isAllUpper(joined);
            out.push_back(std::move(g));
            continue;
        }
        if (p.body.empty())
            continue;
        p.text = p.body;
        out.push_back(std::move(p));
    }
}

/// The cells of @p line when it may be a row of a table pasted as text: separated by tabs (a
/// spreadsheet's copy) or by "|" without the outer bars ("1 | Nhiệm vụ | Sở Tài chính | 2026");
/// at least three cells, two of them written. Empty otherwise.
std::vector<std::string> pastedCells(std::string_view line)
{
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
        line.remove_suffix(1);
    const char bar = line.find('\t') != std::string_view::npos ? '\t' : '|';
    if (bar == '|' && (line.empty() || line.front() == '|'))
        return {}; // (a Markdown row, read as such)
    std::vector<std::string> cells;
    std::size_t written = 0;
    for (std::size_t start = 0;;) {
        const std::size_t end = std::min(line.find(bar, start), line.size());
        std::string_view cell = line.substr(start, end - start);
        while (!cell.empty() && cell.front() == ' ')
            cell.remove_prefix(1);
        while (!cell.empty() && cell.back() == ' ')
            cell.remove_suffix(1);
        std::string c(cell);
        // A spreadsheet quotes a cell that holds a line break or a quote: "…""…".
        if (bar == '\t' && c.size() >= 2 && c.front() == '"' && c.back() == '"') {
            c = c.substr(1, c.size() - 2);
            for (std::size_t q = c.find("\"\""); q != std::string::npos; q = c.find("\"\"", q + 1))
                c.erase(q, 1);
        }
        written += c.empty() ? 0 : 1;
        cells.push_back(std::move(c));
        if (end == line.size())
            break;
        start = end + 1;
    }
    if (cells.size() < 3 || written < 2)
        return {};
    return cells;
}

/// Whether a row of @p cells heads a task table: a column of tasks and one of leads.
bool taskHeader(const std::vector<std::string>& cells);

/// A document's header typed or converted in two columns, side by side ("ỦY BAN NHÂN DÂN
/// <spaces> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 45/CTr-UBND <spaces> Lào Cai, ngày 20
/// tháng 10 năm 2025"): each column read on its own, the issuer's first, each piece numbered
/// with its line (@p numbers); a piece not in capitals stands apart ("Số: …", the place and
/// date). The header is the lines before the first one written from the margin without a gap
/// of three spaces or more; two of them at least must have such a gap.
void twoColumnHeader(std::vector<std::string>& lines, std::vector<int>& numbers)
{
    struct Piece
    {
        std::string text;
        int number;
    };
    std::vector<Piece> left, right;
    std::size_t gaps = 0, end = 0;
    constexpr std::size_t kMaxHeaderLines = 12;
    for (; end < lines.size() && end < kMaxHeaderLines; ++end) {
        std::string line = lines[end];
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
            line.pop_back();
        const std::size_t first = line.find_first_not_of(' ');
        if (first == std::string::npos)
            continue;
        const std::size_t gap = line.find("   ", first);
        if (gap == std::string::npos) {
            if (first < 8)
                break;                                           // (the body, from the margin)
            right.push_back({line.substr(first), numbers[end]}); // ("Độc lập …", alone)
            continue;
        }
        ++gaps;
        left.push_back({line.substr(first, gap - first), numbers[end]});
        right.push_back({line.substr(line.find_first_not_of(' ', gap)), numbers[end]});
    }
    if (gaps < 2)
        return;
    std::vector<std::string> text;
    std::vector<int> number;
    auto add = [&](const Piece& p, bool apart) {
        if (apart && !text.empty() && !text.back().empty()) {
            text.emplace_back();
            number.push_back(p.number);
        }
        text.push_back(p.text);
        number.push_back(p.number);
        if (apart) {
            text.emplace_back();
            number.push_back(p.number);
        }
    };
    for (const auto& p : left)
        add(p, !isAllUpper(p.text));
    for (const auto& p : right)
        add(p, true);
    lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(end));
    lines.insert(lines.begin(), text.begin(), text.end());
    numbers.erase(numbers.begin(), numbers.begin() + static_cast<std::ptrdiff_t>(end));
    numbers.insert(numbers.begin(), number.begin(), number.end());
}

/// The lines of @p text with its tables taken out: returns lines, and for each table the
/// index of the line it stands before.
std::vector<Line> readLines(const std::string& text,
                            std::vector<std::pair<std::size_t, std::vector<Row>>>& tables)
{
    std::vector<std::string> source;
    for (std::size_t pos = 0; pos <= text.size();) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        source.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    std::vector<int> numbers(source.size()); // each line's number in the document
    for (std::size_t i = 0; i < numbers.size(); ++i)
        numbers[i] = static_cast<int>(i) + 1;
    twoColumnHeader(source, numbers);
    // A spreadsheet's row whose quoted cell holds line breaks goes on over the next lines: one
    // line again (those it took stay, empty, so that lines keep their numbers).
    constexpr std::size_t kMaxCellLines = 40;
    std::vector<bool> taken(source.size(), false); // lines joined to the row before
    for (std::size_t i = 0; i < source.size(); ++i) {
        if (source[i].find('\t') == std::string::npos ||
            std::count(source[i].begin(), source[i].end(), '"') % 2 == 0)
            continue;
        std::string joined = source[i];
        std::size_t j = i + 1;
        for (; j < source.size() && j - i <= kMaxCellLines; ++j) {
            joined += ' ' + source[j];
            if (std::count(source[j].begin(), source[j].end(), '"') % 2 == 1)
                break;
        }
        if (j >= source.size() || j - i > kMaxCellLines)
            continue; // (no closing quote: left as it is)
        source[i] = std::move(joined);
        for (std::size_t k = i + 1; k <= j; ++k) {
            source[k].clear();
            taken[k] = true;
        }
        i = j;
    }
    // A table pasted as text, two rows or more of cells alike, one of them a task table's
    // header: written as a Markdown table's rows, which are read below. (Tabs that only
    // indent every row are no column.)
    for (std::size_t i = 0; i < source.size();) {
        std::size_t j = i;
        std::vector<std::vector<std::string>> rows;
        std::vector<std::size_t> at; // the line of each row
        for (; j < source.size(); ++j) {
            if (taken[j] && !rows.empty())
                continue;
            auto cells = pastedCells(source[j]);
            if (cells.empty())
                break;
            rows.push_back(std::move(cells));
            at.push_back(j);
        }
        if (!rows.empty() &&
            std::all_of(rows.begin(), rows.end(), [](const auto& r) { return r.front().empty(); }))
            for (auto& r : rows)
                r.erase(r.begin());
        if (rows.size() >= 2 && std::any_of(rows.begin(), rows.end(), taskHeader))
            for (std::size_t r = 0; r < rows.size(); ++r) {
                std::string row = "|";
                for (const auto& c : rows[r])
                    row += " " + c + " |";
                source[at[r]] = row;
            }
        i = std::max(j, i + 1);
    }
    std::vector<Line> raw;
    for (std::size_t i = 0; i < source.size(); ++i)
        if (!taken[i]) // (a line joined to its row is no line of its own)
            raw.push_back({cleanLine(source[i]), numbers[i], indentOf(source[i])});
    // "Điều" wrapped away from its number ("**Điều\n19. Trách nhiệm …**" in text copied from
    // websites): one line again, so that the article is not read as a numbered clause.
    for (std::size_t i = 0; i + 1 < raw.size(); ++i)
        if ((raw[i].text == "\xC4\x90i\xE1\xBB\x81u" || raw[i].text == "Ch\xC6\xB0\xC6\xA1ng") &&
            !raw[i + 1].text.empty() &&
            (std::isdigit(static_cast<unsigned char>(raw[i + 1].text[0])) ||
             raw[i + 1].text[0] == 'I' || raw[i + 1].text[0] == 'V' || raw[i + 1].text[0] == 'X')) {
            raw[i].text += ' ' + raw[i + 1].text;
            raw[i + 1].text.clear();
            ++i;
        }
    std::vector<Line> lines;
    for (std::size_t i = 0; i < raw.size();) {
        // Markdown pipe table.
        if (Row row;
            pipeRow(raw[i].text, row, raw[i].number) ||
            (raw[i].text.rfind("|", 0) == 0 && raw[i].text.find("|", 1) != std::string::npos &&
             raw[i].text.find_first_not_of("|-: ") == std::string::npos && i + 1 < raw.size())) {
            std::vector<Row> rows;
            std::size_t j = i;
            for (; j < raw.size() && raw[j].text.rfind("|", 0) == 0 &&
                   raw[j].text.find('|', 1) != std::string::npos;
                 ++j)
                if (pipeRow(raw[j].text, row, raw[j].number))
                    rows.push_back(row);
            if (rows.size() >= 2) {
                tables.emplace_back(lines.size(), std::move(rows));
                i = j;
                continue;
            }
        }
        // One cell per line between "|" lines.
        if (raw[i].text == "|") {
            std::vector<std::size_t> bars{i};
            for (;;) {
                std::size_t j = bars.back() + 1;
                while (j < raw.size() && raw[j].text != "|" && !raw[j].text.empty() &&
                       j - bars.back() <= kMaxCellLines)
                    ++j;
                if (j < raw.size() && raw[j].text == "|")
                    bars.push_back(j);
                else
                    break;
            }
            if (bars.size() >= 2) {
                std::vector<Row> rows(1);
                for (std::size_t b = 0; b + 1 < bars.size(); ++b) {
                    if (bars[b + 1] == bars[b] + 1) { // two bars: a new row
                        if (!rows.back().empty())
                            rows.emplace_back();
                        continue;
                    }
                    Cell cell;
                    for (std::size_t k = bars[b] + 1; k < bars[b + 1]; ++k)
                        appendTo(cell, raw[k]);
                    rows.back().push_back(cell);
                }
                if (rows.back().empty())
                    rows.pop_back();
                tables.emplace_back(lines.size(), std::move(rows));
                i = bars.back() + 1;
                continue;
            }
            ++i; // a lone bar
            continue;
        }
        lines.push_back(raw[i]);
        ++i;
    }
    return lines;
}

} // namespace

std::vector<Paragraph> splitParagraphs(const std::string& text)
{
    std::vector<std::pair<std::size_t, std::vector<Row>>> tables;
    const std::vector<Line> lines = readLines(text, tables);
    std::size_t nextTable = 0;
    // Text with one paragraph per line (saved from Word, or exported by a portal) has no blank
    // lines between paragraphs; text copied from a web page is wrapped at ~80 characters and
    // separates paragraphs by blank lines. With long lines, each line is a paragraph.
    bool linePerParagraph = false;
    {
        std::vector<std::size_t> lengths;
        std::size_t blanks = 0;
        for (const auto& l : lines) {
            if (l.text.empty())
                ++blanks;
            else
                lengths.push_back(static_cast<std::size_t>(
                    std::count_if(l.text.begin(), l.text.end(), [](char c) {
                        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                    })));
        }
        if (lengths.size() >= 8) {
            std::nth_element(lengths.begin(),
                             lengths.begin() + static_cast<long>(lengths.size() / 2),
                             lengths.end());
            const std::size_t median = lengths[lengths.size() / 2];
            const std::size_t longLines = static_cast<std::size_t>(std::count_if(
                lengths.begin(), lengths.end(), [](std::size_t n) { return n > 140; }));
            linePerParagraph =
                blanks * 4 < lengths.size() && (median > 100 || longLines * 4 > lengths.size());
        }
    }

    std::vector<Paragraph> paragraphs;
    Paragraph current;
    bool open = false;
    auto flush = [&] {
        if (open && !current.text.empty())
            paragraphs.push_back(current);
        current = Paragraph();
        open = false;
    };
    bool blankSince = false;
    int firstIndent = 0; // of the current paragraph's first line
    for (std::size_t li = 0; li <= lines.size(); ++li) {
        while (nextTable < tables.size() && tables[nextTable].first == li) {
            flush();
            emitTable(std::move(tables[nextTable].second), paragraphs);
            ++nextTable;
            blankSince = true;
        }
        if (li == lines.size())
            break;
        const std::string& line = lines[li].text;
        const int lineNumber = lines[li].number;
        if (line.empty() || isRuleLine(line)) {
            // A marker alone on its line ("1.", "a)") takes the next line as its text.
            if (!(open && current.body.empty() && current.marker != Marker::None))
                flush();
            blankSince = true;
            continue;
        }
        std::string label;
        std::size_t bodyOffset = 0;
        const Marker marker = detectMarker(line, label, bodyOffset);
        // (Not "II/2026)." — a quarter wrapped from "… hoàn thành Quý": capitals only because
        // its letters are a Roman numeral.)
        const bool upper = isAllUpper(line) && !quarterOnly(line);
        if (linePerParagraph && open && !(current.body.empty() && current.marker != Marker::None) &&
            !(current.upperCase && upper)) {
            flush(); // each line its own paragraph (a marker alone still takes the next line)
            blankSince = true;
        }
        if (open && current.body.empty() && current.marker != Marker::None &&
            marker == Marker::None) {
            current.text += ' ' + line;
            current.body = line;
            current.bodyLines.emplace_back(0, lineNumber);
            current.upperCase = upper;
            blankSince = false;
            continue;
        }
        // "8. UBND" / "các xã, phường:": a heading whose first line is capitals only because it
        // is an abbreviation goes on in lower case.
        const bool abbreviationHead = open && current.upperCase && current.marker != Marker::None &&
                                      current.body.size() <= 12 && marker == Marker::None && !upper;
        // "**V. TỔ CHỨC" / "THỰC HIỆN**": a numbered heading in capitals wrapped onto the next
        // line.
        const bool wrappedHead = open && !blankSince && current.upperCase &&
                                 current.marker != Marker::None && marker == Marker::None &&
                                 upper && current.body.size() < 200 && !endsParagraph(current.text);
        if (wrappedHead) {
            current.text += ' ' + line;
            current.bodyLines.emplace_back(current.body.size() + 1, lineNumber);
            current.body += ' ' + line;
            continue;
        }
        // Text laid out as a PDF converter gives it marks a paragraph by the indent of its first
        // line: after a sentence's end, a line indented deeper than the one before and starting
        // with a capital starts one ("      Trong quá trình thực hiện, …" after the last task).
        // (The paragraph before shows that layout: its first line indented deeper than the line
        // it went on with. A hanging indent, "1. …" / "   Sở X chủ trì …", is no such layout.)
        const bool indentedStart =
            open && marker == Marker::None && !blankSince && li > 0 &&
            !lines[li - 1].text.empty() && lines[li - 1].number > current.line &&
            firstIndent >= lines[li - 1].indent + 3 &&
            lines[li].indent >= lines[li - 1].indent + 3 &&
            (current.text.ends_with(".") || current.text.ends_with(":")) && startsUpper(line);
        // "Cơ quan chủ trì: …" on the line under its task, without a dash or a blank line: a
        // field of its own, as it would be after either.
        // (Written with a capital: "… nhằm đạt" / "mục tiêu: …" is a sentence going on.)
        // (Nor one indented under its task, "2. …" / "      Thời hạn: …", read as the task's own
        // words, which name its lead and time as they are.)
        const bool fieldLine = open && marker == Marker::None && !current.body.empty() &&
                               lines[li].indent <= firstIndent && startsUpper(line) &&
                               fieldLabelOf(line) != FieldLabel::None;
        if (open && !abbreviationHead &&
            (marker != Marker::None || upper || current.upperCase || indentedStart || fieldLine))
            flush();
        if (abbreviationHead)
            current.upperCase = false;
        if (!open) {
            // A paragraph cut by a page break: the previous one ends mid-sentence and this one
            // continues in lower case.
            // Also when it continues with a number ("…giai đoạn" / "2021-2025; …") or after a long
            // list item cut mid-sentence.
            const Paragraph* previous = paragraphs.empty() ? nullptr : &paragraphs.back();
            const bool continues =
                previous && blankSince && marker == Marker::None && !upper &&
                !previous->upperCase && !previous->tableCell && previous->marker != Marker::Row &&
                !endsParagraph(previous->text) &&
                (startsLower(line) || std::isdigit(static_cast<unsigned char>(line[0])) ||
                 ((previous->marker == Marker::Dash || previous->marker == Marker::Plus) &&
                  previous->text.size() > 100));
            if (continues) {
                current = paragraphs.back();
                paragraphs.pop_back();
                current.text += ' ' + line;
                current.bodyLines.emplace_back(current.body.size() + 1, lineNumber);
                current.body += ' ' + line;
                open = true;
                blankSince = false;
                continue;
            }
            current.line = lineNumber;
            firstIndent = lines[li].indent;
            current.marker = marker;
            current.label = label;
            current.text = line;
            current.body = line.substr(bodyOffset);
            current.upperCase = upper;
            open = true;
        } else {
            current.text += ' ' + line;
            current.bodyLines.emplace_back(current.body.size() + 1, lineNumber);
            current.body += ' ' + line;
        }
        blankSince = false;
    }
    flush();
    return paragraphs;
}

} // namespace pa::plan
