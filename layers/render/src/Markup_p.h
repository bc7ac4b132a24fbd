#pragma once
// Text written into HTML and XML (the report, QGIS styles and projects).

#include <string>
#include <string_view>

namespace pa::render {

/// @p text with &, <, > and " escaped; with @p newlines also line breaks, which an XML
/// attribute value would otherwise turn into spaces.
inline std::string escapeMarkup(std::string_view text, bool newlines = false)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\n':
            out += newlines ? "&#xa;" : "\n";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace pa::render
