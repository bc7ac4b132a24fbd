#pragma once
// A sentence for people kept as its English template and the values that fill it, so that a
// window can say it in the language it speaks. The template is looked up in the translators'
// catalogue under the context "pa::layers" (marked for lupdate where it is written:
// QT_TRANSLATE_NOOP("pa::layers", "the workspace has no layer '%1'")); the values — a layer's
// name, a number, a file's path — go in as they are, or are sentences themselves ("a positive
// number" inside "must be %1, not '%2'"). Numbers that count or measure go in as numbers
// (Sentence::number, Sentence::count), written as the reader writes them: "1.211.000" and
// "12,3" in a Vietnamese window, "1211000" and "12.3" on the command line. The command line
// says the English.

#include <cstddef>
#include <cstdint>
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
    /// Writes @p value with @p decimals places after the point (kShortest: the fewest that
    /// give it back exactly), as the reader's language writes numbers.
    using NumberWriter = std::function<std::string(double value, int decimals)>;
    static constexpr int kShortest = -1;

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

    /// A measure (12.3 km, 0.5 ha) or a share, to be written as the reader writes numbers.
    [[nodiscard]] static Sentence number(double value, int decimals = kShortest);
    /// A count of things (features, lines, cells): grouped in thousands where the reader's
    /// language groups them. Not for identifiers (a line number, a fid, a year): those are
    /// values written as they are.
    [[nodiscard]] static Sentence count(std::int64_t n);

    /// Said with @p translate giving each template in the reader's language (nullptr or "" when
    /// the catalogue has none: the English is said) and @p write writing each number (nullptr:
    /// as the command line writes it, "1211000", "12.3"). %N without an Nth value stays as
    /// written.
    [[nodiscard]] std::string say(const std::function<std::string(const char* english)>& translate,
                                  const NumberWriter& write = nullptr) const;
    [[nodiscard]] std::string english() const;

private:
    Sentence() = default;

    const char* m_template = nullptr;
    std::string m_value;
    std::vector<Sentence> m_values;
    bool m_isNumber = false;
    double m_number = 0;
    bool m_isCount = false;
    std::int64_t m_count = 0;
    int m_decimals = kShortest;
};

/// The catalogue's entry that names the locale its numbers are written in: its translation is
/// the locale's name ("vi_VN"), as Qt's own catalogues translate "QT_LAYOUT_DIRECTION"; the
/// untranslated entry means English.
[[nodiscard]] const char* numberLocaleEntry();

/// @p sentence followed by a library's own words in brackets ("… (PROJ: …)"); @p sentence alone
/// when @p detail is empty.
[[nodiscard]] Sentence withDetail(const Sentence& sentence, const std::string& detail);

/// "a, b or c" said as one sentence ("a, b hoặc c").
[[nodiscard]] Sentence alternatives(const std::vector<std::string>& items);

} // namespace pa::layers
