#pragma once
// A sentence for people kept as its English template and the values that fill it, so that a
// window can say it in the language it speaks. The template is looked up in the translators'
// catalogue under the context "pa::layers" (marked for lupdate where it is written:
// QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'")); the values — a layer's
// name, a number, a file's path — go in as they are, or are sentences themselves ("a positive
// number" inside "must be %1, not '%2'"). The command line says the English.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x // as Qt defines it, for code built without Qt
#endif

namespace pa::layers {

class Sentence
{
public:
    /// A value said the same in every language (a name, a number, a path, a server's words).
    Sentence(std::string value); // NOLINT(google-explicit-constructor): a value is a sentence
    /// @p english, a string literal marked for the catalogue, with %1 … %9 for @p values. Only
    /// a literal binds here: a runtime string (a library's message, e.what()) is refused when
    /// compiling unless made a value (std::string), for as a template it would be looked up
    /// in the catalogue and outlive the buffer it points into.
    template <std::size_t N>
    Sentence(const char (&english)[N], std::vector<Sentence> values = {}) // NOLINT: as above
        : m_template(english), m_values(std::move(values))
    {
    }

    /// Said with @p translate giving each template in the reader's language (nullptr or "" when
    /// the catalogue has none: the English is said). %N without an Nth value stays as written.
    [[nodiscard]] std::string
    say(const std::function<std::string(const char* english)>& translate) const;
    [[nodiscard]] std::string english() const;

private:
    const char* m_template = nullptr;
    std::string m_value;
    std::vector<Sentence> m_values;
};

/// "a, b or c" said as one sentence ("a, b hoặc c").
[[nodiscard]] Sentence alternatives(const std::vector<std::string>& items);

} // namespace pa::layers
