#include "planatlas/layers/Sentence.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>
#include <system_error>
#include <utility>

namespace pa::layers {

namespace {

/// As the command line writes a number: no grouping, a decimal point whatever the C locale
/// (std::to_chars), every digit of a large value.
std::string plainNumber(double value, int decimals)
{
    if (!std::isfinite(value))
        return std::isnan(value) ? "NaN" : (value > 0 ? "inf" : "-inf");
    if (decimals == 0 && std::abs(value) < 9e18) // rounded half away from zero, as llround
        return std::to_string(std::llround(value));
    std::array<char, 400> buffer{}; // the largest double has 309 digits
    char* const first = buffer.data();
    char* const last = first + buffer.size();
    const auto [end, failed] =
        decimals < 0
            ? std::to_chars(first, last, value, std::chars_format::fixed)
            : std::to_chars(first, last, value, std::chars_format::fixed, std::min(decimals, 20));
    if (failed != std::errc())
        return std::to_string(value);
    return {first, end};
}

/// Counts past this are written plainly, for a double (what a window's writer takes) would
/// round them.
constexpr std::int64_t kExactInDouble = std::int64_t{1} << 53;

} // namespace

Sentence::Sentence(std::string value) : m_value(std::move(value)) {}

Sentence Sentence::number(double value, int decimals)
{
    Sentence s;
    s.m_isNumber = true;
    s.m_number = value;
    s.m_decimals = decimals < 0 ? kShortest : decimals;
    return s;
}

Sentence Sentence::count(std::int64_t n)
{
    Sentence s;
    s.m_isCount = true;
    s.m_count = n;
    return s;
}

std::string Sentence::say(const std::function<std::string(const char*)>& translate,
                          const NumberWriter& write) const
{
    if (m_isCount)
        return write && m_count <= kExactInDouble && m_count >= -kExactInDouble
                   ? write(static_cast<double>(m_count), 0)
                   : std::to_string(m_count);
    if (m_isNumber)
        return write && std::isfinite(m_number) ? write(m_number, m_decimals)
                                                : plainNumber(m_number, m_decimals);
    if (!m_template)
        return m_value;
    std::string said = translate ? translate(m_template) : std::string();
    const std::string_view text = said.empty() ? std::string_view(m_template) : said;
    // One pass, so that a value holding "%2" is never filled in itself.
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(text[i + 1] - '1');
            if (n < m_values.size()) {
                out += m_values[n].say(translate, write);
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string Sentence::english() const
{
    return say(nullptr);
}

const char* numberLocaleEntry()
{
    return QT_TRANSLATE_NOOP("pa::layers", "NUMBER_LOCALE (translate as the locale whose numbers "
                                           "go with this catalogue, e.g. vi_VN)");
}

Sentence withDetail(const Sentence& sentence, const std::string& detail)
{
    return detail.empty() ? sentence : Sentence("%1 (%2)", {sentence, detail});
}

Sentence alternatives(const std::vector<std::string>& items)
{
    if (items.size() < 2)
        return Sentence(items.empty() ? std::string() : items.front());
    std::string first;
    for (std::size_t i = 0; i + 1 < items.size(); ++i)
        first += (i ? ", " : "") + items[i];
    return {QT_TRANSLATE_NOOP("pa::layers", "%1 or %2"), {first, items.back()}};
}

} // namespace pa::layers
