#include "Paragraphs_p.h"

#include "planatlas/layers/Text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cctype>

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
    static const char* numerals[] = {"I",   "II",  "III",  "IV", "V",   "VI",  "VII",
                                     "VIII", "IX", "X",    "XI", "XII", "XIII", "XIV",
                                     "XV",  "XVI", "XVII", "XVIII", "XIX", "XX"};
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

bool startsLower(const std::string& text)
{
    if (text.empty())
        return false;
    UChar32 c = 0;
    std::size_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, text.size(), c);
    return c > 0 && u_islower(c);
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
        if (i > 0 && i + 1 < text.size() && (text[i] == '.' || text[i] == ')') && text[i + 1] == ' ' &&
            isRoman(text.substr(0, i))) {
            label = text.substr(0, i);
            bodyOffset = skipSpaces(i + 1);
            return Marker::Roman;
        }
    }
    // 1. / 2.1. / 2.1.3.
    if (const std::size_t n1 = digitsAt(text, 0); n1 > 0 && n1 <= 2 && n1 < text.size()) {
        std::size_t i = n1;
        if (text[i] == '.' ) {
            const std::size_t n2 = digitsAt(text, i + 1);
            if (n2 == 0) {
                if (i + 1 < text.size() && text[i + 1] == ' ') {
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
                    } else if (j + 1 < text.size() && text[j + 1] == ' ') {
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
        } else if (text[i] == ')' && i + 1 < text.size() && text[i + 1] == ' ') {
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
    if (text.size() > 2 && text[0] >= 'a' && text[0] <= 'z' && text[1] == ')' && text[2] == ' ') {
        label = text.substr(0, 1);
        bodyOffset = skipSpaces(2);
        return Marker::Letter;
    }
    if (text.rfind("\xC4\x91) ", 0) == 0) { // "đ) "
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

std::vector<Paragraph> splitParagraphs(const std::string& text)
{
    std::vector<Paragraph> paragraphs;
    Paragraph current;
    bool open = false;
    auto flush = [&] {
        if (open && !current.text.empty())
            paragraphs.push_back(current);
        current = Paragraph();
        open = false;
    };
    int lineNumber = 0;
    std::size_t pos = 0;
    bool blankSince = false;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        ++lineNumber;
        const std::string line = cleanLine(text.substr(pos, end - pos));
        pos = end + 1;
        if (line.empty()) {
            flush();
            blankSince = true;
            if (end == text.size())
                break;
            continue;
        }
        std::string label;
        std::size_t bodyOffset = 0;
        const Marker marker = detectMarker(line, label, bodyOffset);
        const bool upper = isAllUpper(line);
        if (open && (marker != Marker::None || upper || current.upperCase))
            flush();
        if (!open) {
            // A paragraph cut by a page break: the previous one ends mid-sentence and this one
            // continues in lower case.
            // Also when it continues with a number ("…giai đoạn" / "2021-2025; …") or after a long
            // list item cut mid-sentence.
            const Paragraph* previous = paragraphs.empty() ? nullptr : &paragraphs.back();
            const bool continues =
                previous && blankSince && marker == Marker::None && !upper && !previous->upperCase &&
                !endsParagraph(previous->text) &&
                (startsLower(line) || std::isdigit(static_cast<unsigned char>(line[0])) ||
                 ((previous->marker == Marker::Dash || previous->marker == Marker::Plus) && previous->text.size() > 100));
            if (continues) {
                current = paragraphs.back();
                paragraphs.pop_back();
                current.text += ' ' + line;
                current.body += ' ' + line;
                open = true;
                blankSince = false;
                continue;
            }
            current.line = lineNumber;
            current.marker = marker;
            current.label = label;
            current.text = line;
            current.body = line.substr(bodyOffset);
            current.upperCase = upper;
            open = true;
        } else {
            current.text += ' ' + line;
            current.body += ' ' + line;
        }
        blankSince = false;
        if (end == text.size())
            break;
    }
    flush();
    // Stop at the distribution list and signature.
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const std::string folded = text::foldForMatch(paragraphs[i].text.substr(0, 16));
        if (folded.rfind("noi nhan", 0) == 0) {
            paragraphs.resize(i);
            break;
        }
    }
    return paragraphs;
}

} // namespace pa::plan
