#pragma once
// Place mentions in task text: type words (Khu công nghiệp/KCN, huyện, xã, hồ, cao tốc, Quốc
// lộ …) followed by a proper name, checked against a built-in gazetteer of administrative names.

#include "planatlas/layers/plan/Plan.h"

#include <string>
#include <vector>

namespace pa::plan {

/// Places named in @p text. The province itself ("tỉnh Thái Nguyên") is not a place mention:
/// it locates nothing within the province (@p province is kept for province-specific rules).
std::vector<PlaceMention> findPlaces(const std::string& text, const std::string& province);

/// A name reduced for matching places: folded (no case, diacritics, Đ/Ð), leading type words
/// removed ("Khu công nghiệp Yên Bình", "KCN Yên Bình" and "yen binh" all give "yen binh").
std::string placeKey(const std::string& name);
/// placeKey of a name already folded (text::foldForMatch).
std::string placeKeyOfFolded(std::string folded);

} // namespace pa::plan
