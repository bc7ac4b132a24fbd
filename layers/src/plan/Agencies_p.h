#pragma once
// The agency registry (provincial departments and bodies found in Vietnamese plan documents)
// and the search for agency names in text.

#include "planatlas/layers/Text.h"
#include "planatlas/layers/plan/Plan.h"

#include <string>
#include <string_view>
#include <vector>

namespace pa::plan {

struct AgencyDef
{
    std::string_view id;
    std::string_view name; ///< canonical, with "tỉnh" where the body is a province body
    std::string_view abbreviation;
    std::string_view level;                 ///< "province", "national", "other"
    std::string_view successorId;           ///< the 2025 successor, empty when unchanged
    std::string_view validTo;               ///< last day before the 2025 reorganisation, or empty
    std::vector<std::string_view> patterns; ///< folded spellings (lower case, no diacritics)
    bool collective = false;
    bool takesProvinceName = false; ///< "Báo Thái Nguyên", "BQL các KCN Thái Nguyên"
};

const std::vector<AgencyDef>& agencyRegistry();
const AgencyDef* findAgencyDef(std::string_view id);
AgencyInfo toInfo(const AgencyDef& def);

/// One agency named in a text.
struct AgencyMention
{
    std::size_t begin = 0; ///< byte offsets in the source text
    std::size_t end = 0;
    const AgencyDef* def = nullptr; ///< null for an unregistered agency
    std::string written;            ///< the words as written
    bool collective = false;        ///< a group, registered or recognised by its grammar
};

/// Registered agencies and collective groups named in @p text (folded as @p folded), longest
/// match first, in text order. @p province (e.g. "Thái Nguyên") lets "Báo Thái Nguyên" and
/// "Ban Quản lý các khu công nghiệp Thái Nguyên" include the province name.
std::vector<AgencyMention> findAgencies(const std::string& text, const text::FoldedText& folded,
                                        const std::string& province);

/// The names of boards of zones in @p text ("Ban Quản lý …" with a zone's word: the bodies
/// named after the zones they run), as [begin, end) byte offsets: the registry's, and the grammar's
/// reading where it goes on
/// ("Ban quản lý các khu công nghiệp, khu chế xuất, khu kinh tế"). The kinds and places in them
/// name the board: "các KCN" in "Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi" is no park.
/// (In other bodies' names a unit still bounds what the task does, "UBND huyện Phú Bình", and a
/// name read by its grammar alone may be a place: "Đại Từ" is no "Đài".)
std::vector<std::pair<std::size_t, std::size_t>>
boardNames(const std::string& text, const text::FoldedText& folded, const std::string& province);

/// Whether byte @p at lies within one of @p spans ([begin, end) byte offsets).
bool withinAny(const std::vector<std::pair<std::size_t, std::size_t>>& spans, std::size_t at);

/// Whether the words at @p p of @p folded (of @p text) continue a proper name begun before them:
/// a capitalised word right before ("Phú Yên" of "KKT Nam Phú Yên", "Kon Tum" of "Báo Kon
/// Tum"), not a type word ("KCN Yên Bình", "Khu Kinh Tế Dung Quất"). Never in text all in
/// capitals, where a capital tells nothing.
bool continuesName(const std::string& text, const text::FoldedText& folded, std::size_t p);

/// Where @p text (@p folded) names place @p m outside the @p boards' names (boardNames): where
/// findPlaces read it or, when that is inside a board's name, where its name stands again after
/// it ("Ban Quản lý KKT Dung Quất … đầu tư hạ tầng Khu kinh tế Dung Quất"; findPlaces gives a
/// name once); npos when only a board's name holds it, 0 when @p m is not as written.
std::size_t namedOutsideBoards(const std::string& text, const text::FoldedText& folded,
                               const std::vector<std::pair<std::size_t, std::size_t>>& boards,
                               const PlaceMention& m);

/// Names of bodies outside the registry found by the grammar of Vietnamese agency names, as
/// [begin, end) offsets in the folded text.
struct GrammarName
{
    std::size_t begin = 0, end = 0;
    bool collective = false; ///< "UBND các xã, phường", "UBND cấp xã"
};
std::vector<GrammarName> grammarAgencies(const std::string& text, const text::FoldedText& folded);

/// An unregistered agency name (as written) turned into an AgencyInfo, flagged.
AgencyInfo unregisteredAgency(const std::string& written);

/// Whether @p province is a centrally-run city (Hà Nội, Hải Phòng, Đà Nẵng, Hồ Chí Minh, Cần
/// Thơ, Huế), whose bodies are named "… thành phố" where a province's are "… tỉnh".
bool isMunicipality(const std::string& province);

/// Whether @p utf8 starts with a capital letter (ASCII or Vietnamese).
bool startsUpper(std::string_view utf8);

} // namespace pa::plan
