#include "planatlas/layers/analysis/Csv.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <sstream>
#include <variant>

namespace pa::analysis::csv {

std::string field(const std::string& text)
{
    // A text cell that starts with = + - @ (or a tab or carriage return) is a formula to Excel
    // and LibreOffice: a feature named "=HYPERLINK(…)" would run when a planner opens the
    // table. Such a cell is written with the apostrophe spreadsheets take as "this is text".
    // A lone sign (the comparator "=" of a target) computes nothing and stays as it is.
    const bool formula =
        text.size() > 1 && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos;
    const std::string s = formula ? "'" + text : text;
    if (s.find_first_of(",;\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string number(double v, int decimals)
{
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(decimals);
    out << (std::abs(v) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : v);
    return out.str();
}

std::string join(const std::vector<std::string>& parts, const char* separator)
{
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : separator) + p;
    return out;
}

namespace {

/// The rows of @p table under @p header, cells separated by @p separator, decimals with
/// @p decimalComma, text through @p shown (the value as written, or as a person reads it).
std::string rowsOf(const Table& table, const std::vector<std::string>& header, char separator,
                   bool decimalComma,
                   const std::function<std::string(std::size_t, const std::string&)>& shown)
{
    std::ostringstream out;
    for (std::size_t c = 0; c < header.size(); ++c)
        out << (c ? std::string(1, separator) : std::string()) << field(header[c]);
    out << '\n';
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (c)
                out << separator;
            const auto& v = row[c];
            if (const auto* d = std::get_if<double>(&v)) {
                std::string n = number(*d, table.columns[c].decimals);
                if (decimalComma)
                    std::replace(n.begin(), n.end(), '.', ',');
                out << n;
            } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
                out << *i;
            } else if (const auto* s = std::get_if<std::string>(&v)) {
                out << field(shown(c, *s));
            }
        }
        out << '\n';
    }
    return out.str();
}

} // namespace

std::string write(const Table& table)
{
    std::vector<std::string> names;
    for (const auto& column : table.columns)
        names.push_back(column.name);
    return rowsOf(table, names, ',', false, [](std::size_t, const std::string& s) { return s; });
}

std::string writeForExcel(const Table& table, std::string_view lang)
{
    // Excel opens a CSV with the list separator and decimal symbol of the Windows region: in
    // Vietnamese (vi-VN) ';' and ',', in English ',' and '.'.
    const bool vi = lang != "en";
    std::vector<std::string> titles;
    for (const auto& column : table.columns)
        titles.push_back(columnTitle(column.name, lang));
    return "\xEF\xBB\xBF" +
           rowsOf(table, titles, vi ? ';' : ',', vi, [&](std::size_t c, const std::string& s) {
               return valueTitle(table.columns[c].name, s, lang);
           });
}

} // namespace pa::analysis::csv
