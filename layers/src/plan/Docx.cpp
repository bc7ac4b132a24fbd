// WordprocessingML (.docx) → plain text: paragraphs, runs, entities, automatic numbering and
// tables of word/document.xml. The zip itself is read by PlanReader (gis::readZipMember).

#include "Docx_p.h"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <map>
#include <string>
#include <string_view>
#include <unicode/unistr.h>
#include <utility>
#include <vector>

namespace pa::plan {

namespace {

std::string decodeXmlEntities(const std::string& s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        // An entity is short: look no further than its longest form ("&#x10FFFF;"), or a
        // document of a million '&' takes minutes.
        const auto window = std::string_view(s).substr(i, 12).find_first_of(";&", 1);
        const auto semi = window == std::string_view::npos || s[i + window] != ';'
                              ? std::string::npos
                              : i + window; // "&&#0;": the first '&' is a character
        if (semi == std::string::npos || semi - i > 10) {
            out += s[i];
            continue;
        }
        const std::string entity = s.substr(i + 1, semi - i - 1);
        if (entity == "amp")
            out += '&';
        else if (entity == "lt")
            out += '<';
        else if (entity == "gt")
            out += '>';
        else if (entity == "quot")
            out += '"';
        else if (entity == "apos")
            out += '\'';
        else if (entity.size() > 1 && entity[0] == '#') {
            try {
                const bool hex = entity[1] == 'x' || entity[1] == 'X';
                const auto cp = static_cast<UChar32>(
                    std::stoul(entity.substr(hex ? 2 : 1), nullptr, hex ? 16 : 10));
                icu::UnicodeString(cp).toUTF8String(out);
            } catch (const std::exception&) {
                out += s.substr(i, semi - i + 1);
            }
        } else {
            out += s.substr(i, semi - i + 1);
        }
        i = semi;
    }
    return out;
}

/// The value of attribute @p name (e.g. "w:val") in a tag's text, or empty.
std::string attribute(const std::string& tag, const std::string& name)
{
    const auto at = tag.find(name + "=\"");
    if (at == std::string::npos)
        return {};
    const auto begin = at + name.size() + 2;
    const auto close = tag.find('"', begin);
    return close == std::string::npos ? std::string() : tag.substr(begin, close - begin);
}

/// Calls @p visit with the text of every tag of @p xml ("w:lvl w:ilvl=\"0\"", "/w:lvl"), in order.
template <typename Visit> void forEachTag(const std::string& xml, Visit visit)
{
    for (std::size_t i = xml.find('<'); i != std::string::npos; i = xml.find('<', i + 1)) {
        const auto gt = xml.find('>', i);
        if (gt == std::string::npos)
            break;
        visit(xml.substr(i + 1, gt - i - 1));
    }
}

/// Word's automatic list numbering (word/numbering.xml): for each list and level, how its
/// label is written ("%1.", "%1.%2.", "%1)", a bullet) and counted (decimal, lowerLetter,
/// upperRoman, …), and the counters as the document goes.
class WordNumbering
{
public:
    explicit WordNumbering(const std::string& xml)
    {
        std::string abstractId;
        int level = -1;
        std::string numId;
        forEachTag(xml, [&](const std::string& tag) {
            if (tag.rfind("w:abstractNum ", 0) == 0)
                abstractId = attribute(tag, "w:abstractNumId");
            else if (tag.rfind("w:lvl ", 0) == 0)
                level = std::atoi(attribute(tag, "w:ilvl").c_str());
            else if (tag.rfind("w:numFmt ", 0) == 0 && level >= 0)
                m_levels[abstractId][level].format = attribute(tag, "w:val");
            else if (tag.rfind("w:lvlText ", 0) == 0 && level >= 0)
                m_levels[abstractId][level].text = decodeXmlEntities(attribute(tag, "w:val"));
            else if (tag.rfind("w:start ", 0) == 0 && level >= 0)
                m_levels[abstractId][level].start = std::atoi(attribute(tag, "w:val").c_str());
            else if (tag.rfind("w:num ", 0) == 0)
                numId = attribute(tag, "w:numId");
            else if (tag.rfind("w:abstractNumId ", 0) == 0 && !numId.empty())
                m_abstractOf[numId] = attribute(tag, "w:val");
            else if (tag == "/w:lvl")
                level = -1;
        });
    }

    /// Paragraph styles that number their paragraphs (word/styles.xml: a heading style with a
    /// w:numPr), so that "Heading 1" paragraphs get their "I." as Word shows it.
    void readStyles(const std::string& xml)
    {
        std::string style;
        forEachTag(xml, [&](const std::string& tag) {
            if (tag.rfind("w:style ", 0) == 0)
                style = attribute(tag, "w:styleId");
            else if (tag == "/w:style")
                style.clear();
            else if (!style.empty() && tag.rfind("w:numId ", 0) == 0)
                m_styleNumbering[style].first = attribute(tag, "w:val");
            else if (!style.empty() && tag.rfind("w:ilvl ", 0) == 0)
                m_styleNumbering[style].second = std::atoi(attribute(tag, "w:val").c_str());
        });
    }

    /// The list and level a paragraph style numbers with; empty numId when it does not.
    [[nodiscard]] std::pair<std::string, int> styleNumbering(const std::string& style) const
    {
        const auto it = m_styleNumbering.find(style);
        return it == m_styleNumbering.end() ? std::pair<std::string, int>{} : it->second;
    }

    /// The label of the next paragraph of list @p numId at level @p level ("2.1.", "b)", "-").
    std::string next(const std::string& numId, int level)
    {
        const auto abstract = m_abstractOf.find(numId);
        if (abstract == m_abstractOf.end() || level < 0 || level > 8)
            return {};
        auto& levels = m_levels[abstract->second];
        auto& counters = m_counters[abstract->second];
        if (counters.size() < 9)
            counters.assign(9, 0);
        ++counters[static_cast<std::size_t>(level)];
        for (int deeper = level + 1; deeper < 9; ++deeper)
            counters[static_cast<std::size_t>(deeper)] = 0;
        const Level& lvl = levels[level];
        if (lvl.format == "bullet" || lvl.format == "none")
            return lvl.format == "bullet" ? "-" : "";
        std::string label = lvl.text;
        for (int k = 0; k <= level; ++k) {
            const std::string placeholder = "%" + std::to_string(k + 1);
            const auto at = label.find(placeholder);
            if (at == std::string::npos)
                continue;
            const Level& own = levels[k];
            const int value = own.start - 1 + std::max(1, counters[static_cast<std::size_t>(k)]);
            label.replace(at, placeholder.size(), format(own.format, value));
        }
        return label;
    }

private:
    struct Level
    {
        std::string format = "decimal";
        std::string text = "%1.";
        int start = 1;
    };
    static std::string format(const std::string& f, int v)
    {
        if (f == "lowerLetter" || f == "upperLetter") {
            // Vietnamese lists count a, b, c, d, đ, e, …
            static const char* lower[] = {"a", "b", "c", "d", "\xC4\x91", "e", "g", "h",
                                          "i", "k", "l", "m", "n",        "o", "p", "q",
                                          "r", "s", "t", "u", "v",        "x", "y"};
            static const char* upper[] = {"A", "B", "C", "D", "\xC4\x90", "E", "G", "H",
                                          "I", "K", "L", "M", "N",        "O", "P", "Q",
                                          "R", "S", "T", "U", "V",        "X", "Y"};
            if (v < 1 || v > 23)
                return std::to_string(v);
            return f == "upperLetter" ? upper[v - 1] : lower[v - 1];
        }
        if (f == "upperRoman" || f == "lowerRoman") {
            static const char* roman[] = {"I",    "II",  "III",  "IV",    "V",   "VI",   "VII",
                                          "VIII", "IX",  "X",    "XI",    "XII", "XIII", "XIV",
                                          "XV",   "XVI", "XVII", "XVIII", "XIX", "XX"};
            std::string r = v >= 1 && v <= 20 ? roman[v - 1] : std::to_string(v);
            if (f == "lowerRoman")
                for (char& c : r)
                    c = static_cast<char>(std::tolower(c));
            return r;
        }
        return std::to_string(v);
    }

    std::map<std::string, std::map<int, Level>> m_levels; // abstractNumId → level → definition
    std::map<std::string, std::string> m_abstractOf;      // numId → abstractNumId
    std::map<std::string, std::vector<int>> m_counters;   // abstractNumId → counters per level
    std::map<std::string, std::pair<std::string, int>> m_styleNumbering; // styleId → (numId, level)
};

/// The text of a WordprocessingML document: one paragraph per <w:p> (runs joined, Word's
/// automatic numbering written out as a reader sees it: "1.", "a)", "-"), tables as Markdown
/// pipe rows (a cell's paragraphs joined).
std::string docxText(const std::string& xml, WordNumbering& numbering)
{
    std::string out;
    std::string paragraph;
    std::string numId;
    int level = -1;
    int tableDepth = 0;
    std::vector<std::string> row;
    std::string cell;
    std::size_t i = 0;
    std::string style;
    auto endParagraph = [&] {
        if (numId.empty() && !style.empty()) {
            const auto [styleNum, styleLevel] = numbering.styleNumbering(style);
            numId = styleNum;
            if (level < 0)
                level = styleLevel;
        }
        std::string label =
            numId.empty() ? std::string() : numbering.next(numId, std::max(0, level));
        std::string text = label.empty() ? paragraph : label + " " + paragraph;
        if (tableDepth > 0)
            cell += (cell.empty() || text.empty() ? "" : " ") + text;
        else
            out += text + "\n\n";
        paragraph.clear();
        numId.clear();
        style.clear();
        level = -1;
    };
    while (i < xml.size()) {
        const auto lt = xml.find('<', i);
        if (lt == std::string::npos)
            break;
        const auto gt = xml.find('>', lt);
        if (gt == std::string::npos)
            break;
        const std::string tag = xml.substr(lt + 1, gt - lt - 1);
        if (tag.rfind("w:t", 0) == 0 && (tag.size() == 3 || tag[3] == ' ') && tag.back() != '/') {
            const auto close = xml.find("</w:t>", gt);
            if (close == std::string::npos)
                break;
            paragraph += decodeXmlEntities(xml.substr(gt + 1, close - gt - 1));
            i = close + 6;
            continue;
        }
        if (tag == "/w:p")
            endParagraph();
        else if (tag.rfind("w:pStyle ", 0) == 0)
            style = attribute(tag, "w:val");
        else if (tag.rfind("w:numId ", 0) == 0)
            numId = attribute(tag, "w:val") == "0" ? std::string() : attribute(tag, "w:val");
        else if (tag.rfind("w:ilvl ", 0) == 0)
            level = std::atoi(attribute(tag, "w:val").c_str());
        else if (tag.rfind("w:tbl", 0) == 0 && (tag.size() == 5 || tag[5] == ' ' || tag[5] == '>'))
            ++tableDepth;
        else if (tag == "/w:tbl") {
            tableDepth = std::max(0, tableDepth - 1);
            out += "\n";
        } else if (tag == "/w:tc" && tableDepth == 1) {
            std::replace(cell.begin(), cell.end(), '|', '/');
            row.push_back(cell);
            cell.clear();
        } else if (tag == "/w:tr" && tableDepth == 1) {
            out += "|";
            for (const auto& c : row)
                out += " " + c + " |";
            out += "\n";
            row.clear();
        } else if (tag.rfind("w:tab", 0) == 0 &&
                   (tag.size() == 5 || tag[5] == '/' || tag[5] == ' '))
            paragraph += ' ';
        else if (tag.rfind("w:br", 0) == 0 && (tag.size() == 4 || tag[4] == '/' || tag[4] == ' '))
            paragraph += tableDepth > 0 ? " " : "\n";
        i = gt + 1;
    }
    return out;
}

} // namespace

std::string docxText(const std::string& documentXml, const std::string& numberingXml,
                     const std::string& stylesXml)
{
    WordNumbering numbering(numberingXml);
    if (!stylesXml.empty())
        numbering.readStyles(stylesXml);
    return docxText(documentXml, numbering);
}

} // namespace pa::plan
