#pragma once
// Kinds named in general in task text ("thu hút đầu tư vào các khu, cụm công nghiệp", "phát
// triển vùng chè"), read with the vocabulary the layer kinds declare (LayerKind::topics).

#include "Agencies_p.h"
#include "Places_p.h"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pa::plan {

struct TopicMention
{
    std::string kind;  ///< layer kind id
    std::string text;  ///< the words as the task writes them: "các khu, cụm công nghiệp"
    std::string value; ///< folded narrowing value written after it ("che"), or empty
    /// The value as the task writes it, in lower case ("chè"), to tell "cá" from "cà"; empty
    /// when written with another product's words ("cây ăn trái" for "cây ăn quả")
    std::string valueWritten;
    /// Whether #value is a product's word ("gà" of "thịt gà"), which features hold when any of
    /// their values holds it as whole words
    bool partOfValue = false;
    /// "planned" ("khu công nghiệp mới"), "existing" ("mở rộng …"), "under_construction" ("…
    /// đang xây dựng"), or empty
    std::string status;
    /// The words the features it names begin their names with (layers::Topic::namedAs), folded;
    /// empty: every feature of the kind
    std::vector<std::string> namedAs;
    bool namedAnywhere = false; ///< (layers::Topic::namedAnywhere)
    std::size_t offset = 0;     ///< byte offset of the words in the text
    /// Names written right after the value, as written: "vùng chè Tân Cương, La Bằng" → {"Tân
    /// Cương", "La Bằng"}, the zones of the product named after them or lying in units so named
    std::vector<std::string> names;
    std::size_t namesAt = 0; ///< byte offset of the first of #names
};

/// The classes a product (@p written in lower case: "xoài", "vải thiều", "thịt lợn") belongs to,
/// as written: "cây ăn quả", "chăn nuôi"; none for a product the vocabulary does not class.
std::vector<std::string_view> productClassesOf(const std::string& written);

/// The longest product of any class (folded) standing at @p q of @p f's folded text (of @p
/// text) as whole words, written alike where the text is @p accented: "ga" in "vùng chăn nuôi
/// gà"; not "trứng" in "vùng trung du"; empty for none.
std::string classMemberAt(const std::string& text, const text::FoldedText& f, std::size_t q,
                          bool accented);

/// Whether the folded value @p folded is a class of products ("cay an qua"), not one product.
bool isProductClass(std::string_view folded);

/// The folded product name @p folded as values are compared: one product is named alike in the
/// north and the south ("cây ăn trái" is "cây ăn quả").
std::string_view productAsCompared(std::string_view folded);

/// The topics of @p kinds named in @p text. @p values holds, per kind with a narrowing
/// attribute, the values its features carry, folded ("che", "cay an qua") and as written in
/// lower case: a value written right after a topic narrows it, and so does the first word of
/// one, written alike ("vùng vải" the "vải thiều"). A topic followed by a proper name is a named
/// place, not a topic ("Khu công nghiệp Yên Bình"), unless the name is the province's own (@p
/// province); the words inside a board's name ("Ban Quản lý các khu công nghiệp"; @p boards,
/// the names boardNames reads in @p text) are not a topic.
/// @p places are the places findPlaces reads in @p text: in text written in capitals, where a
/// capital tells no name, a place found after a type word says that the kind is named there.
/// One mention per kind, the first.
std::vector<TopicMention>
findTopics(const std::string& text, const std::set<std::string>& kinds,
           const std::map<std::string, std::map<std::string, std::string>>& values,
           const std::string& province, const std::vector<PlaceMention>& places,
           const std::vector<std::pair<std::size_t, std::size_t>>& boards);

} // namespace pa::plan
