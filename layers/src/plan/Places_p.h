#pragma once
// Place mentions in task text: type words (Khu công nghiệp/KCN, huyện, xã, hồ, cao tốc, Quốc
// lộ …) followed by a proper name, checked against a built-in gazetteer of administrative names.

#include "planatlas/layers/Text.h"
#include "planatlas/layers/plan/Plan.h"

#include <string>
#include <string_view>
#include <vector>

namespace pa::plan {

/// Places named in @p text. The province itself ("tỉnh Thái Nguyên") is not a place mention:
/// it locates nothing within the province (@p province is kept for province-specific rules).
std::vector<PlaceMention> findPlaces(const std::string& text, const std::string& province);

/// A name reduced for matching places: folded (no case, diacritics, Đ/Ð), leading type words
/// removed ("Khu công nghiệp Yên Bình", "KCN Yên Bình" and "yen binh" all give "yen binh"),
/// dashes as spaces ("Lam Sơn – Sao Vàng", "Lam Sơn-Sao Vàng"), roman numerals after the first
/// word as numbers ("Sông Công II" as "Sông Công 2"), a bracketed part at the end left out
/// ("KCN Phú Bình (khu công nghiệp – đô thị – dịch vụ)"). A type word counts only as written,
/// with its diacritics (the "Phương" of "Phương Liệt" is no "phường"), unless the name has lost
/// all of them.
/// With @p kind (the feature's, or the mention's type), a type word is taken off only where it
/// names that kind or a related one (kindFit 0.8), and after the first only in lower case: "Thành
/// phố Sông Công" gives "song cong", "Khu du lịch hồ Núi Cốc" "nui coc"; "Sông Cầu" of a river
/// "cau". Without one (joining a table's unit names), every leading type word goes. With one, a
/// direction after the name goes before it ("KCN Dung Quất phía Đông" as "phía Đông Dung Quất").
std::string placeKey(const std::string& name, std::string_view kind = {});

/// Whether @p utf8 carries Vietnamese diacritics (a letter beyond ASCII of the Latin blocks, or
/// a combining mark). Text with none has lost them, and only its letters can be compared.
bool hasDiacritics(std::string_view utf8);

/// Whether the @p length folded bytes at @p pos of @p f (folded from @p text) are written as
/// @p written, diacritics included, in any case (NFC, each run of white space one space):
/// "Sông" is "sông", "Sóng" not; "Thuế" is "thuế", "Thuê" not. When the text has lost its
/// diacritics (@p accented false, hasDiacritics), its letters decide and any is.
bool writtenAt(const std::string& text, const text::FoldedText& f, std::size_t pos,
               std::size_t length, std::string_view written, bool accented);

/// The kind of the type word that ends right before @p p in @p folded, one space between, in
/// any case ("KCN Yên Bình", "Khu Kinh Tế Dung Quất"); empty when none does.
std::string_view typeWordBefore(std::string_view folded, std::size_t p);

/// The end in @p f's folded text (of @p text) of "(cũ)" or "cũ" standing right after @p pos,
/// one space between, written with its diacritics where the text has them: "tỉnh Quảng Ngãi
/// (cũ)", not "tỉnh Quảng Ngãi cụ thể hóa"; @p pos when none does.
std::size_t oldMarkEnd(const std::string& text, const text::FoldedText& f, std::size_t pos);

/// Length in @p f's folded text of the words written at @p pos that qualify a type word of
/// @p type before a name ("ven biển" in "Khu kinh tế ven biển Quảng Yên"), with their diacritics
/// unless the text has lost them, and followed by another word; 0 if none. A phrase in any
/// case; one word in running text only in lower case ("Biển Hồ" is a name), in a place key
/// (@p inKey) only with its diacritics.
std::size_t descriptorLength(const std::string& text, const text::FoldedText& f, std::size_t pos,
                             std::string_view type, bool accented, bool inKey = false);

/// @p utf8 in lower case, NFC ("VẢI THIỀU" → "vải thiều").
std::string lowerCase(std::string_view utf8);

/// Whether the character of @p text at byte @p at is a capital letter or a digit ("Yên", "3");
/// false past the end.
bool capitalOrDigitAt(std::string_view text, std::size_t at = 0);

/// Whether the name at @p at of @p f's folded text (of @p text) is the province's (@p own,
/// folded) and no more: "hệ thống đô thị Thái Nguyên đến năm 2030", not "cao tốc Quảng Ngãi -
/// Kon Tum" or "cao tốc Quảng Ngãi Kon Tum", which name a road.
bool onlyTheProvince(const std::string& text, const text::FoldedText& f, std::size_t at,
                     const std::string& own);

/// Whether the word before @p pos of folded text @p F counts what follows ("các", "những",
/// "hai", "02", "một số" …): "các khu công nghiệp phía Nam" are the parks in that part.
bool pluralBefore(const std::string& F, std::size_t pos);

/// Length in @p f's folded text of a direction written at @p pos before a name, "phía Đông" in
/// "khu công nghiệp phía Đông Dung Quất", "phía Tây Nam" (the direction with a capital, and a
/// capitalised word after it); 0 if none.
std::size_t directionLength(const std::string& text, const text::FoldedText& f, std::size_t pos,
                            bool accented);

/// Where a name begins in @p f's folded text after the type word @p type that ends before
/// @p pos: past the words that qualify the type ("ven biển", "cửa khẩu quốc tế", descriptorLength),
/// when a name follows them, itself or after a direction ("Khu kinh tế ven biển phía Nam Hải
/// Phòng"; not after a plural, @p plural); @p pos when none do.
std::size_t nameStart(const std::string& text, const text::FoldedText& f, std::size_t pos,
                      std::string_view type, bool accented, bool plural);

/// Whether @p text is written in capitals throughout (a heading's style): nine letters in ten
/// or more, of ten or more ("KCN" alone is an abbreviation in ordinary text).
bool inCapitals(const std::string& text);

/// How well a mention of @p type fits a feature of @p kind: 1 same kind, 0.8 related, 0.5 other.
double kindFit(std::string_view type, std::string_view kind);

} // namespace pa::plan
