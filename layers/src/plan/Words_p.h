#pragma once
// Whole words in folded task text (text::foldForMatch / foldWithOffsets): what the readers of
// places, topics and reasons share.

#include <cctype>
#include <string>
#include <string_view>

namespace pa::plan {

/// A letter or digit of folded text (folded text is ASCII).
inline bool wordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

/// Whether @p words stand at @p pos of @p folded as whole words (no letter or digit just before
/// or after).
inline bool wordsAt(std::string_view folded, std::size_t pos, std::string_view words)
{
    const std::size_t end = pos + words.size();
    return pos <= folded.size() && folded.compare(pos, words.size(), words) == 0 &&
           (pos == 0 || !wordChar(folded[pos - 1])) &&
           (end >= folded.size() || !wordChar(folded[end]));
}

/// The first position at or after @p from where @p words stand in @p folded as whole words
/// (no letter or digit just before or after), or npos.
inline std::size_t findWords(std::string_view folded, std::string_view words, std::size_t from = 0)
{
    for (std::size_t p = folded.find(words, from); p != std::string_view::npos;
         p = folded.find(words, p + 1))
        if (wordsAt(folded, p, words))
            return p;
    return std::string_view::npos;
}

/// Whether folded words just before a mention end inside an agency's name ("Ban Quản lý các
/// khu công nghiệp Thái Nguyên"): the mention says who acts, not where.
inline bool inAgencyName(std::string_view foldedBefore)
{
    return foldedBefore.find("ban quan ly") != std::string_view::npos;
}

} // namespace pa::plan
