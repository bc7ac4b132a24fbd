#include "planatlas/layers/Sentence.h"

#include <string_view>
#include <utility>

namespace pa::layers {

Sentence::Sentence(std::string value) : m_value(std::move(value)) {}

std::string Sentence::say(const std::function<std::string(const char*)>& translate) const
{
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
                out += m_values[n].say(translate);
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
