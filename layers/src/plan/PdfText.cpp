// PDF plan documents → text the plan reader reads like a typed document: words placed into
// lines in reading order, paragraphs separated where the vertical gap says so, running headers,
// footers and page numbers removed, and task tables recovered from the columns of their header
// row (written as Markdown pipe rows). Pages without a text layer are recognised by Tesseract
// with its Vietnamese data (see Ocr.cpp).

#include "Paragraphs_p.h"
#include "PdfText_p.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Text.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <set>

namespace pa::plan {

namespace {

std::string utf8(const poppler::ustring& s)
{
    const poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

struct Word
{
    std::string text;
    double x0, y0, x1, y1;
    bool spaceAfter = true;
};

struct TextLine
{
    std::vector<Word> words;
    double top = 0, bottom = 0, left = 0, right = 0;
    [[nodiscard]] double height() const { return bottom - top; }
    [[nodiscard]] std::string text() const
    {
        std::string out;
        for (std::size_t i = 0; i < words.size(); ++i) {
            out += words[i].text;
            if (i + 1 < words.size()) {
                // A visible gap is a space even where the producer wrote none.
                const double gap = words[i + 1].x0 - words[i].x1;
                if (words[i].spaceAfter || gap > 0.15 * height())
                    out += ' ';
            }
        }
        return out;
    }
};

std::vector<TextLine> pageLines(const poppler::page& page)
{
    std::vector<Word> words;
    for (const auto& box : page.text_list()) {
        const auto r = box.bbox();
        std::string t = utf8(box.text());
        if (t.empty())
            continue;
        words.push_back(
            {std::move(t), r.left(), r.top(), r.right(), r.bottom(), box.has_space_after()});
    }
    // Lines: words whose vertical centres fall within half a line height of each other.
    std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
        const double ca = (a.y0 + a.y1) / 2, cb = (b.y0 + b.y1) / 2;
        return ca != cb ? ca < cb : a.x0 < b.x0;
    });
    std::vector<TextLine> lines;
    for (auto& w : words) {
        const double centre = (w.y0 + w.y1) / 2;
        TextLine* line = nullptr;
        for (auto it = lines.rbegin(); it != lines.rend() && it - lines.rbegin() < 3; ++it) {
            const double lc = (it->top + it->bottom) / 2;
            if (std::abs(lc - centre) < 0.5 * std::max(it->height(), w.y1 - w.y0)) {
                line = &*it;
                break;
            }
        }
        if (!line) {
            lines.push_back({{}, w.y0, w.y1, w.x0, w.x1});
            line = &lines.back();
        }
        line->top = std::min(line->top, w.y0);
        line->bottom = std::max(line->bottom, w.y1);
        line->left = std::min(line->left, w.x0);
        line->right = std::max(line->right, w.x1);
        line->words.push_back(std::move(w));
    }
    for (auto& l : lines)
        std::sort(l.words.begin(), l.words.end(),
                  [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    std::sort(lines.begin(), lines.end(),
              [](const TextLine& a, const TextLine& b) { return a.top < b.top; });
    return lines;
}

/// A line's text with digits as '#': a running header or footer repeats in this form.
std::string shape(const std::string& s)
{
    std::string out;
    for (char c : s)
        out += std::isdigit(static_cast<unsigned char>(c)) ? '#' : c;
    return text::foldForMatch(out);
}

bool isPageNumber(const std::string& s)
{
    // "12", "- 12 -", "Trang 12", "12/40"
    const std::string f = text::foldForMatch(s);
    std::string rest = f.rfind("trang ", 0) == 0 ? f.substr(6) : f;
    return !rest.empty() && rest.size() <= 12 &&
           rest.find_first_not_of("0123456789-/ ") == std::string::npos &&
           rest.find_first_of("0123456789") != std::string::npos;
}

/// The cells of a line: runs of words separated by gaps wider than about three spaces.
std::vector<std::pair<double, std::string>> cellsOf(const TextLine& line)
{
    std::vector<std::pair<double, std::string>> cells;
    TextLine run;
    auto flush = [&] {
        if (!run.words.empty())
            cells.emplace_back(run.words.front().x0, run.text());
        run.words.clear();
    };
    for (std::size_t i = 0; i < line.words.size(); ++i) {
        if (!run.words.empty() && line.words[i].x0 - run.words.back().x1 > 0.5 * line.height())
            flush();
        if (run.words.empty()) {
            run.top = line.top;
            run.bottom = line.bottom;
        }
        run.words.push_back(line.words[i]);
    }
    flush();
    return cells;
}

/// The first line of a task table's header: a task column and a lead column, whose words may
/// wrap to the next line ("Cơ quan chủ" / "trì").
bool isTaskHeader(const std::vector<std::pair<double, std::string>>& cells)
{
    if (cells.size() < 3)
        return false;
    bool task = false, lead = false;
    for (const auto& [x, t] : cells) {
        const std::string f = text::foldForMatch(t);
        task = task || f.find("nhiem vu") != std::string::npos ||
               f.find("noi dung") != std::string::npos || f.find("cong viec") != std::string::npos;
        lead = lead || f.find("chu tri") != std::string::npos ||
               f.find("thuc hien") != std::string::npos || f.find("co quan") != std::string::npos ||
               f.find("don vi") != std::string::npos;
    }
    return task && lead;
}

bool startsRow(const std::string& s)
{
    if (s.empty())
        return false;
    if (std::isdigit(static_cast<unsigned char>(s[0])))
        return true;
    const auto sp = s.find_first_of(". ");
    return sp != std::string::npos && sp <= 5 && s.find_first_not_of("IVX") == sp;
}

std::string pipeRow(const std::vector<std::string>& cells)
{
    std::string out = "|";
    for (const auto& c : cells) {
        std::string clean = c;
        std::replace(clean.begin(), clean.end(), '|', '/');
        out += " " + clean + " |";
    }
    return out;
}

} // namespace

int blankRunningLines(std::string& text)
{
    if (text.find('\f') == std::string::npos)
        return 0;
    struct Line
    {
        std::size_t begin = 0, end = 0; // the line without its form feeds: [begin, end)
        int page = 0;
        std::string content; // trimmed, form feeds removed
    };
    std::vector<Line> lines;
    int page = 0;
    for (std::size_t b = 0; b <= text.size();) {
        std::size_t e = std::min(text.find('\n', b), text.size());
        Line line;
        for (std::size_t i = b; i < e; ++i)
            if (text[i] == '\f') {
                ++page;
                line.content.clear(); // what precedes a form feed on its line is blank
            } else {
                line.content += text[i];
            }
        line.begin = b;
        line.end = e;
        line.page = page;
        const auto first = line.content.find_first_not_of(" \t\r");
        line.content =
            first == std::string::npos
                ? std::string()
                : line.content.substr(first, line.content.find_last_not_of(" \t\r") - first + 1);
        lines.push_back(std::move(line));
        b = e + 1;
    }
    const int pages = page + 1;
    if (pages < 2)
        return 0;
    // The first and last three lines with words of every page, each with its place there
    // ("t0" the first, "b0" the last): a running line stands in the same place on every page.
    std::vector<std::vector<std::pair<std::size_t, std::string>>> edges(
        static_cast<std::size_t>(pages));
    std::vector<std::vector<std::size_t>> withWords(static_cast<std::size_t>(pages));
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!lines[i].content.empty())
            withWords[static_cast<std::size_t>(lines[i].page)].push_back(i);
    for (int p = 0; p < pages; ++p) {
        const auto& onPage = withWords[static_cast<std::size_t>(p)];
        for (std::size_t k = 0; k < onPage.size(); ++k)
            if (k < 3 || k + 3 >= onPage.size())
                edges[static_cast<std::size_t>(p)].emplace_back(
                    onPage[k],
                    k < 3 ? "t" + std::to_string(k) : "b" + std::to_string(onPage.size() - 1 - k));
    }
    std::map<std::string, int> repeats;
    for (const auto& edge : edges) {
        std::set<std::string> seen;
        for (const auto& [i, place] : edge)
            seen.insert(place + "|" + shape(lines[i].content));
        for (const auto& s : seen)
            ++repeats[s];
    }
    const int minRepeats = std::max(2, (pages + 1) / 2);
    // A page's number: a number no greater than the pages ("12", "- 12 -", "Trang 12", "12/40"),
    // not a year a line wrapped onto the page's edge ("2027", "2026 - 2030").
    auto pageNumber = [&](const std::string& t) {
        if (!isPageNumber(t))
            return false;
        for (std::size_t d = t.find_first_of("0123456789"); d != std::string::npos;
             d = t.find_first_of("0123456789", t.find_first_not_of("0123456789", d))) {
            const std::size_t e = std::min(t.find_first_not_of("0123456789", d), t.size());
            if (e - d > 3 || std::stoi(t.substr(d, e - d)) > pages + 1)
                return false;
            if (e == t.size())
                break;
        }
        return true;
    };
    std::string out;
    out.reserve(text.size());
    int blanked = 0;
    std::size_t copied = 0;
    for (const auto& edge : edges)
        for (const auto& [i, place] : edge) {
            const Line& l = lines[i];
            // (A task's field or numbered item is the plan's, however regular the layout.)
            std::string label;
            std::size_t bodyAt = 0;
            if ((!pageNumber(l.content) && repeats[place + "|" + shape(l.content)] < minRepeats) ||
                fieldLabelOf(l.content) != FieldLabel::None ||
                detectMarker(l.content, label, bodyAt) != Marker::None)
                continue;
            // Keep the line's form feeds (page breaks), drop its words.
            out.append(text, copied, l.begin - copied);
            for (std::size_t c = l.begin; c < l.end; ++c)
                if (text[c] == '\f')
                    out += '\f';
            copied = l.end;
            ++blanked;
        }
    out.append(text, copied, std::string::npos);
    text = std::move(out);
    return blanked;
}

PdfText pdfText(const std::string& path, const layers::Progress& progress)
{
    // Poppler reports what it repairs on stderr; what matters reaches the user as an error.
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
    if (!doc)
        throw layers::Error(
            layers::ErrorKind::Input,
            {QT_TRANSLATE_NOOP("pa::layers", "%1: not a readable PDF (damaged or not a PDF)"),
             {path}});
    if (doc->is_locked())
        throw layers::Error(
            layers::ErrorKind::Input,
            {QT_TRANSLATE_NOOP(
                 "pa::layers",
                 "%1: the PDF is protected by a password; save an unprotected copy first"),
             {path}});
    PdfText out;
    out.pages = doc->pages();
    std::vector<std::vector<TextLine>> pages(static_cast<std::size_t>(out.pages));
    std::vector<double> pageHeights(pages.size());
    for (int i = 0; i < out.pages; ++i) {
        progress.update(static_cast<double>(i) / std::max(1, out.pages), "đọc trang PDF");
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page)
            continue;
        pageHeights[static_cast<std::size_t>(i)] = page->page_rect().height();
        pages[static_cast<std::size_t>(i)] = pageLines(*page);
        if (pages[static_cast<std::size_t>(i)].empty())
            out.pagesWithoutText.push_back(i + 1);
    }

    // Running headers and footers: lines near the top or bottom whose shape repeats on at
    // least half of the pages (page numbers in any case).
    std::map<std::string, int> repeats;
    auto nearEdge = [&](const TextLine& l, std::size_t p) {
        const double h = pageHeights[p] > 0 ? pageHeights[p] : 842;
        return l.top < 0.08 * h || l.bottom > 0.92 * h;
    };
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::set<std::string> seen;
        for (const auto& l : pages[p])
            if (nearEdge(l, p))
                seen.insert(shape(l.text()));
        for (const auto& s : seen)
            ++repeats[s];
    }
    const int minRepeats = std::max(2, out.pages / 2);

    std::string text;
    // Task tables: columns from the header row; rows start where the first column has a number
    // or after a gap; the table goes on across pages and ends at a line that starts at the
    // margin across the columns.
    std::vector<double> columns; // left edges
    std::vector<std::string> row;
    auto flushRow = [&] {
        if (!row.empty() &&
            std::any_of(row.begin(), row.end(), [](const std::string& c) { return !c.empty(); }))
            text += pipeRow(row) + "\n";
        row.clear();
    };
    for (std::size_t p = 0; p < pages.size(); ++p) {
        auto& lines = pages[p];
        std::erase_if(lines, [&](const TextLine& l) {
            if (!nearEdge(l, p))
                return false;
            const std::string t = l.text();
            if (isPageNumber(t) || (out.pages >= 2 && repeats[shape(t)] >= minRepeats)) {
                ++out.linesRemoved;
                return true;
            }
            return false;
        });
        if (lines.empty())
            continue;
        // Typical line spacing and left margin of the page.
        std::vector<double> gaps, lefts;
        for (std::size_t i = 1; i < lines.size(); ++i)
            gaps.push_back(lines[i].top - lines[i - 1].top);
        for (const auto& l : lines)
            lefts.push_back(l.left);
        std::sort(gaps.begin(), gaps.end());
        std::sort(lefts.begin(), lefts.end());
        const double spacing = gaps.empty() ? 14 : gaps[gaps.size() / 2];
        const double margin = lefts[lefts.size() / 10];

        for (std::size_t i = 0; i < lines.size(); ++i) {
            const TextLine& l = lines[i];
            const auto cells = cellsOf(l);
            const double gap = i == 0 ? 0 : l.top - lines[i - 1].top;
            if (!columns.empty() && isTaskHeader(cells)) { // the header repeated on a new page
                while (i + 1 < lines.size() && lines[i + 1].top - lines[i].top < 1.6 * spacing &&
                       !startsRow(lines[i + 1].text()))
                    ++i;
                continue;
            }
            if (columns.empty() && isTaskHeader(cells)) {
                text += "\n";
                for (const auto& c : cells)
                    columns.push_back(c.first);
                std::vector<std::string> header;
                for (const auto& c : cells)
                    header.push_back(c.second);
                // Header words wrapped onto the next lines, up to the first row.
                while (i + 1 < lines.size() && lines[i + 1].top - lines[i].top < 1.6 * spacing &&
                       !startsRow(lines[i + 1].text())) {
                    ++i;
                    for (const auto& [x, t] : cellsOf(lines[i])) {
                        std::size_t k = 0;
                        while (k + 1 < columns.size() && x >= columns[k + 1] - 4)
                            ++k;
                        header[k] += " " + t;
                    }
                }
                text += pipeRow(header) + "\n" +
                        pipeRow(std::vector<std::string>(header.size(), "---")) + "\n";
                continue;
            }
            if (!columns.empty()) {
                const bool outOfTable = cells.size() == 1 && l.left <= margin + 2 &&
                                        l.right > columns.back() && columns.size() > 1 &&
                                        l.words.size() > 6 && !startsRow(l.text());
                if (outOfTable || gap > 3 * spacing) {
                    flushRow();
                    columns.clear();
                    text += "\n";
                } else {
                    std::vector<std::string> cellText(columns.size());
                    for (const auto& [x, t] : cells) {
                        std::size_t k = 0;
                        while (k + 1 < columns.size() && x >= columns[k + 1] - 4)
                            ++k;
                        cellText[k] += (cellText[k].empty() ? "" : " ") + t;
                    }
                    const bool firstIsNumber =
                        !cellText[0].empty() &&
                        std::isdigit(static_cast<unsigned char>(cellText[0][0]));
                    const bool groupRow =
                        !cellText[0].empty() && cellText.size() > 1 &&
                        std::count_if(cellText.begin(), cellText.end(),
                                      [](const std::string& c) { return !c.empty(); }) == 1;
                    if (firstIsNumber || groupRow || row.empty() || gap > 1.6 * spacing) {
                        flushRow();
                        row = cellText;
                    } else {
                        for (std::size_t k = 0; k < row.size(); ++k)
                            if (!cellText[k].empty())
                                row[k] += (row[k].empty() ? "" : " ") + cellText[k];
                    }
                    continue;
                }
            }
            // Side-by-side blocks (issuer | national motto, distribution list | signature): the
            // left column, then the right, each as its own lines.
            if (cells.size() >= 2 &&
                cells[1].first - cells[0].first > 0.3 * (lines.back().right - margin) &&
                !isTaskHeader(cells)) {
                const double split = cells[1].first - 2;
                std::vector<std::string> left, right;
                std::size_t j = i;
                for (; j < lines.size(); ++j) {
                    if (j > i && lines[j].top - lines[j - 1].top > 2.5 * spacing)
                        break;
                    const auto c = cellsOf(lines[j]);
                    if (j > i && c.size() == 1 && c[0].first < split && lines[j].right > split + 4)
                        break; // running text across the page again
                    for (const auto& [x, t] : c)
                        (x < split ? left : right).push_back(t);
                }
                text += "\n";
                for (const auto& t : left)
                    text += t + "\n";
                text += "\n";
                for (const auto& t : right)
                    text += t + "\n";
                text += "\n";
                i = j - 1;
                continue;
            }
            // Running text: a blank line where the gap is wider than the usual spacing, or where
            // a line is indented (a new paragraph of a justified text).
            if (i > 0 && (gap > 1.45 * spacing || l.left > margin + 0.9 * l.height()))
                text += "\n";
            text += l.text() + "\n";
        }
        if (columns.empty())
            text += "\n";
    }
    flushRow();
    progress.update(1.0, "đọc trang PDF");
    out.text = std::move(text);
    return out;
}

} // namespace pa::plan
