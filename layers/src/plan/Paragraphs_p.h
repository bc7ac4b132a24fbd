#pragma once
// Plan text → paragraphs with their structural markers (I., 1., 2.1., a), (1), -, +, Điều 1).

#include <string>
#include <vector>

namespace pa::plan {

enum class Marker { None, Article, Roman, Num1, Num2, Num3, Paren, Letter, Dash, Plus };

struct Paragraph
{
    std::string text;  ///< whole paragraph, markup removed, white space collapsed
    std::string body;  ///< text after the marker
    std::string label; ///< "III", "2", "2.1", "a", "(1)" → "1", "Điều 3" → "3"; empty for None/Dash/Plus
    Marker marker = Marker::None;
    int line = 0;      ///< 1-based line of the paragraph's first line
    bool upperCase = false; ///< every letter upper case (header lines, titles)
};

/// Splits normalised text into paragraphs: blank lines separate them, a line with a marker or
/// an all-capitals line starts a new one, and a paragraph cut by a page break (no final
/// punctuation, next starts in lower case) is joined again. Stops at "Nơi nhận".
std::vector<Paragraph> splitParagraphs(const std::string& text);

/// Recognises a marker at the start of @p text; sets @p label and @p bodyOffset.
Marker detectMarker(const std::string& text, std::string& label, std::size_t& bodyOffset);

bool isAllUpper(const std::string& text);

} // namespace pa::plan
