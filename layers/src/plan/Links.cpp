#include "planatlas/layers/plan/Links.h"

#include "../Csv_p.h"
#include "Agencies_p.h"
#include "Places_p.h"
#include "Topics_p.h"
#include "Words_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Input.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

namespace pa::plan {

using gis::sqlIdentifier;
using layers::describe;
using layers::Error;
using layers::ErrorKind;
using layers::LoggedEdit;
using layers::Sentence;
using layers::shownTime;

namespace {

struct Feature
{
    std::string layer, kind, code, name, key;
    std::string regionKey; ///< the name as a region's is compared (regionKey)
    std::string aliasKey;  ///< placeKey of what else tasks name it by (LayerKind::alsoNamedBy)
    std::string status;    ///< "existing", "planned", … or empty
    bool ended = false;    ///< has a valid_to: a unit before the 2025 reorganisation
    /// Values of the kind's narrowing attribute: folded → as written, in lower case
    std::map<std::string, std::string> values;
    std::int64_t fid = 0;
};

/// "thịt gà, trứng gà" → {"thit ga": "thịt gà", "trung ga": "trứng gà"}; of @p products, with
/// their classes too: "xoài" → {"xoai": "xoài", "cay an qua": "cây ăn quả"}.
std::map<std::string, std::string> narrowingValues(const std::string& cell, bool products)
{
    std::map<std::string, std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto sep = cell.find_first_of(",;", start);
        std::string written = cell.substr(start, sep == std::string::npos ? sep : sep - start);
        while (!written.empty() && written.back() == ' ')
            written.pop_back();
        while (!written.empty() && written.front() == ' ')
            written.erase(0, 1);
        if (const std::string v = text::foldForMatch(written); !v.empty()) { // "cây ăn trái"
            out.emplace(productAsCompared(v), lowerCase(written));           // as "cây ăn quả"
            if (products)
                for (const std::string_view c : productClassesOf(lowerCase(written)))
                    out.emplace(text::foldForMatch(c), std::string(c));
        }
        if (sep == std::string::npos)
            return out;
        start = sep + 1;
    }
}

std::string regionKeyOfFolded(std::string key, const std::string& provinceFolded);

std::vector<Feature> workspaceFeatures(layers::Workspace& ws)
{
    std::vector<Feature> features;
    const std::string province = text::foldForMatch(ws.province());
    for (const auto& layer : ws.layers()) {
        auto table = ws.dataset().layerByName(layer.name);
        if (!table || table->fieldIndex("code") < 0)
            continue;
        // Features with no name are still of their kind: a task on the kind concerns them.
        const bool named = table->fieldIndex("name_vi") >= 0;
        const auto* kind = layers::findKind(layer.kind);
        if (kind && !kind->namedInPlans)
            continue; // land-price plots, parcels: linked by hand only
        const bool status = table->fieldIndex("status") >= 0;
        const std::string narrowBy = kind ? std::string(kind->narrowBy) : std::string();
        const bool narrow = !narrowBy.empty() && table->fieldIndex(narrowBy) >= 0;
        const std::string alias = kind ? std::string(kind->alsoNamedBy) : std::string();
        const bool aliased = !alias.empty() && table->fieldIndex(alias) >= 0;
        const bool validity = table->fieldIndex("valid_to") >= 0;
        // A zone's product class where the layer gives one ("cây có múi" for "Vùng bưởi …").
        const bool classed = narrowBy == "product" && table->fieldIndex("product_class") >= 0;
        for (const auto& row :
             ws.dataset()
                 .execute("SELECT code, " + std::string(named ? "name_vi" : "NULL") +
                          ", CAST(fid AS INTEGER) AS feature_fid, " +
                          std::string(status ? "status" : "''") + ", " +
                          (narrow ? sqlIdentifier(narrowBy) : std::string("''")) +
                          " AS narrowing, " + (aliased ? sqlIdentifier(alias) : std::string("''")) +
                          " AS also_named, " + (validity ? "valid_to" : "NULL") + " AS ended, " +
                          (classed ? "product_class" : "NULL") + " AS classed FROM " +
                          sqlIdentifier(layer.name) +
                          " WHERE code IS NOT NULL AND code <> '' ORDER BY fid")
                 .rows) {
            if (row.size() < 8)
                continue; // (never: eight columns asked for)
            Feature f;
            f.layer = layer.name;
            f.kind = layer.kind;
            f.code = gis::toString(row[0]);
            f.name = gis::toString(row[1]);
            const std::string folded = text::foldForMatch(f.name);
            f.key = placeKey(f.name, f.kind);
            f.regionKey = regionKeyOfFolded(folded, province);
            if (const auto* fid = std::get_if<std::int64_t>(&row[2]))
                f.fid = *fid;
            f.status = gis::toString(row[3]);
            f.values = narrowingValues(gis::toString(row[4]), narrowBy == "product");
            if (const std::string also = gis::toString(row[5]); !also.empty())
                f.aliasKey = placeKey(also, f.kind);
            f.ended = !gis::toString(row[6]).empty();
            for (const auto& [v, written] : narrowingValues(gis::toString(row[7]), false))
                if (isProductClass(v)) // (not a code: "national_key")
                    f.values.emplace(v, written);
            features.push_back(std::move(f));
        }
    }
    return features;
}

/// 1 for the same key; 0.7 when one key is a whole-word part of the other ("song cong" in
/// "song cong ii"), of two words or more (one syllable is no name: "sông Tiền" is not "Hà
/// Tiên") or a mention's one word written in capitals (a brand: "KCN VSIP" in "VSIP Long
/// Thành", @p mentionInCapitals); 0 otherwise.
double nameFit(const std::string& mention, const std::string& feature,
               bool mentionInCapitals = false)
{
    if (mention == feature)
        return 1.0;
    auto wordPart = [&](const std::string& small, const std::string& big) {
        if (small.size() < 4 ||
            (small.find(' ') == std::string::npos && !(mentionInCapitals && &small == &mention)))
            return false;
        for (std::size_t p = big.find(small); p != std::string::npos; p = big.find(small, p + 1))
            if ((p == 0 || big[p - 1] == ' ') &&
                (p + small.size() == big.size() || big[p + small.size()] == ' '))
                return true;
        return false;
    };
    return wordPart(mention, feature) || wordPart(feature, mention) ? 0.7 : 0.0;
}

/// Whether a road written @p mention may be the feature named @p feature by its class: "tỉnh lộ
/// 1" is no "Quốc lộ 1", "QL.14" no "Đường tỉnh 14" (the number alone is their key); true where
/// either says no class.
bool sameRoadClass(const std::string& mention, const std::string& feature)
{
    auto roadClass = [](const std::string& name) {
        const std::string f = text::foldForMatch(name);
        for (std::string_view national : {"quoc lo", "ql"})
            if (f.starts_with(national) &&
                (f.size() == national.size() ||
                 !std::isalpha(static_cast<unsigned char>(f[national.size()]))))
                return 1;
        for (std::string_view provincial : {"tinh lo", "duong tinh", "dt"})
            if (f.starts_with(provincial) &&
                (f.size() == provincial.size() ||
                 !std::isalpha(static_cast<unsigned char>(f[provincial.size()]))))
                return 2;
        return 0;
    };
    const int a = roadClass(mention), b = roadClass(feature);
    return a == 0 || b == 0 || a == b;
}

/// A region's name reduced to its direction: "Khu vực phía Nam của tỉnh", "khu vực phía Nam
/// tỉnh Thái Nguyên" → "khu vuc phia nam".
std::string regionKey(const std::string& name, const std::string& province)
{
    return regionKeyOfFolded(text::foldForMatch(name), text::foldForMatch(province));
}

std::string regionKeyOfFolded(std::string key, const std::string& provinceFolded)
{
    for (const std::string& tail :
         {" " + provinceFolded, std::string(" tinh"), std::string(" cua")})
        if (key.size() > tail.size() &&
            key.compare(key.size() - tail.size(), tail.size(), tail) == 0)
            key.resize(key.size() - tail.size());
    return key;
}

/// The clause of @p text that byte @p at lies in: [start, end) between ';', '.' followed by
/// a space, or the ends.
std::pair<std::size_t, std::size_t> clauseAt(const std::string& text, std::size_t at)
{
    std::size_t start = 0;
    for (std::size_t i = 0; i < at && i < text.size(); ++i)
        if (text[i] == ';' || (text[i] == '.' && i + 1 < text.size() && text[i + 1] == ' '))
            start = i + 1;
    std::size_t end = at;
    while (end < text.size() && text[end] != ';' &&
           !(text[end] == '.' && (end + 1 == text.size() || text[end + 1] == ' ')))
        ++end;
    return {start, end};
}

/// Where @p text names the ends of a road's section or what it passes ("QL.13 đoạn Chơn Thành –
/// Hoa Lư", "QL.20 đoạn qua xã Định Quán", "đoạn từ Km 10 đến Km 25"): byte spans from after
/// "đoạn" to the end of the item (",", ";", "(", ")", "và", the sentence's end, words that go
/// on to another object: "kết nối", "để", "phục vụ" …), or to the road it is of ("đoạn Dầu
/// Giây – Tân Phú thuộc tuyến cao tốc …", "của", "tuyến"). Only right after a road named in
/// the same clause, a few words back: the places there say where the work on the road is, not
/// its places. (Not "giai đoạn", "công đoạn"; not a river's "đoạn qua phường …", where the
/// embankment is; not "nâng cấp đoạn Quốc lộ 4D", which names the road after it.)
constexpr std::string_view kUnitWords[] = {"qua",    "tu",        "huyen",    "xa",  "phuong",
                                           "thi xa", "thanh pho", "thi tran", "tinh"};
std::vector<std::pair<std::size_t, std::size_t>> sectionEnds(const std::string& text,
                                                             const text::FoldedText& f)
{
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    const std::string& F = f.folded;
    const bool accented = hasDiacritics(text);
    if (!accented)
        return spans; // ("doan" is also "đoàn": "Tập đoàn Điện lực")
    // (Also what a road joins: "ĐT.535 nối Vinh với Cửa Lò", where "với" is of the section.)
    for (const std::string_view word : {"đoạn", "nối"})
        for (std::size_t p = findWords(F, text::foldForMatch(word)); p != std::string::npos;
             p = findWords(F, text::foldForMatch(word), p + 1)) {
            const bool joins = word != "đoạn";
            const std::size_t length = joins ? 3 : 4;
            if (!writtenAt(text, f, p, length, word, accented))
                continue;
            // A road within the six words before, in the clause.
            std::size_t from = p;
            for (int words = 0; words < 6 && from > 0; ++words) {
                std::size_t b = from;
                while (b > 0 && F[b - 1] == ' ')
                    --b;
                if (b == 0 || F[b - 1] == ',' || F[b - 1] == ';' || F[b - 1] == ':' ||
                    F[b - 1] == '(')
                    break;
                while (b > 0 && F[b - 1] != ' ')
                    --b;
                from = b;
            }
            const std::string_view before = std::string_view(F).substr(from, p - from);
            if (before.ends_with("giai ") || before.ends_with("cong ") || before.ends_with("phan "))
                continue;
            bool road = false;
            for (const std::string_view w :
                 {"quoc lo", "ql", "duong tinh", "dt", "tinh lo", "cao toc", "duong", "vanh dai"})
                road = road || findWords(before, w) != std::string_view::npos;
            // (What a numbered route joins, "ĐT.535 nối Vinh với Cửa Lò"; a new "đường nối KCN
            // Hoàng Mai với cảng Đông Hồi" serves the places it joins.)
            const std::string_view last =
                before.substr(before.find_last_of(' ', before.size() - 2) + 1);
            if (!road || (joins && std::none_of(last.begin(), last.end(), [](char c) {
                              return std::isdigit(static_cast<unsigned char>(c));
                          })))
                continue;
            const std::size_t q = std::min(F.find_first_not_of(' ', p + length), F.size());
            // (A name, "qua", "từ", or a unit's type word: "nối huyện Kinh Môn với …".)
            if (q >= F.size() ||
                !(capitalOrDigitAt(text, f.origin[q]) ||
                  std::any_of(std::begin(kUnitWords), std::end(kUnitWords),
                              [&](std::string_view w) { return wordsAt(F, q, w); })))
                continue;
            std::size_t end = q;
            auto stops = [&](std::size_t at) {
                // (As written, in lower case: "Cửa Lò" is no "của".)
                for (const std::string_view w : {"và", "thuộc", "của", "tuyến", "kết nối", "để",
                                                 "phục vụ", "nhằm", "với", "đến năm", "gắn với"}) {
                    const std::string folded = text::foldForMatch(w);
                    if (wordsAt(F, at, folded) && !(joins && w == "với") &&
                        writtenAt(text, f, at, folded.size(), w, accented) &&
                        !capitalOrDigitAt(text, f.origin[at]))
                        return true;
                }
                return false;
            };
            while (end < F.size() && F[end] != ',' && F[end] != ';' && F[end] != '(' &&
                   F[end] != ')' &&
                   !(F[end] == '.' && (end + 1 == F.size() || F[end + 1] == ' ')) &&
                   !(F[end] == ' ' && stops(end + 1)))
                ++end;
            spans.emplace_back(f.origin[q], f.origin[end]);
        }
    return spans;
}

/// "2024-12-01" → "01/12/2024"; other text unchanged.
std::string vietnameseDate(const std::string& iso)
{
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-')
        return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

/// Whether a mention is written as a city ("thành phố Thái Nguyên", "TP. Thái Nguyên").
bool writtenAsCity(const std::string& mention)
{
    const std::string written = text::foldForMatch(mention);
    return written.rfind("thanh pho", 0) == 0 || written.rfind("tp", 0) == 0;
}

/// Whether the items under a heading are offered place @p m the heading names: not its units,
/// towns and regions, which bound them, and are not what each concerns ("2. Phát triển công
/// nghiệp thành phố Phổ Yên", "8. UBND thành phố Phổ Yên:").
bool offeredUnderHeading(const PlaceMention& m)
{
    return m.type.rfind("admin_", 0) != 0 && m.type != "region" && !writtenAsCity(m.text);
}

/// Where a phrase that says what something serves or joins ("phục vụ", "gắn với", "kết nối
/// với", "đấu nối vào", "nằm trong") stands before the words at byte @p at of @p folded's text,
/// with at most four words between them in the same clause ("gắn với cảng biển, khu công
/// nghiệp"); npos when none.
std::size_t servedAt(const text::FoldedText& folded, std::size_t at)
{
    const std::string& F = folded.folded;
    const std::size_t end = folded.foldedAt(at);
    static constexpr std::string_view kPhrases[] = {
        "phuc vu",     "gan voi",     "gan ket voi", "ket noi voi", "ket noi", "lien ket voi",
        "dau noi voi", "dau noi vao", "nam trong",   "tiep giap",   "lan can", "xung quanh"};
    std::size_t from = end;
    for (int words = 0; words <= 5 && from > 0; ++words) {
        for (const std::string_view phrase : kPhrases)
            if (from >= phrase.size() + 1 &&
                F.compare(from - phrase.size() - 1, phrase.size(), phrase) == 0 &&
                F[from - 1] == ' ' &&
                (from == phrase.size() + 1 || F[from - phrase.size() - 2] == ' '))
                return folded.origin[from - phrase.size() - 1];
        // The word before.
        std::size_t w = from > 0 ? from - 1 : 0;
        while (w > 0 && (F[w - 1] == ' ' || F[w - 1] == ','))
            --w;
        if (w > 0 && (F[w - 1] == ';' || F[w - 1] == '.' || F[w - 1] == ':' || F[w - 1] == '('))
            return std::string::npos;
        while (w > 0 && F[w - 1] != ' ' && F[w - 1] != ',')
            --w;
        if (w == from)
            break;
        from = w;
    }
    return std::string::npos;
}

/// Whether @p f is of those @p topic names: its name begins with one of the topic's words
/// ("Quốc lộ 20", "QL1A" for "các tuyến quốc lộ") or holds one where the topic says so ("Cảng cạn
/// ICD Pleiku" for "trung tâm logistics"), or the topic names every feature of its kind.
bool namedAsTopic(const Feature& f, const TopicMention& topic)
{
    if (topic.namedAs.empty())
        return true;
    const std::string name = text::foldForMatch(f.name);
    return std::any_of(topic.namedAs.begin(), topic.namedAs.end(), [&](const std::string& w) {
        if (topic.namedAnywhere)
            return findWords(name, w) != std::string::npos;
        return name.starts_with(w) && (name.size() == w.size() ||
                                       !std::isalpha(static_cast<unsigned char>(name[w.size()])));
    });
}

/// Whether feature @p f carries the product @p topic narrows by, or one of its kinds ("vải"
/// holds "vải thiều"): as written where both write their diacritics ("cá" is no "cà rốt"),
/// else by letters.
bool holdsValue(const Feature& f, const TopicMention& topic)
{
    const bool written =
        hasDiacritics(topic.valueWritten) && text::foldForMatch(topic.valueWritten) == topic.value;
    return std::any_of(f.values.begin(), f.values.end(), [&](const auto& v) {
        if (topic.partOfValue) // "gà" of "thịt gà"
            return findWords(v.first, topic.value) != std::string::npos &&
                   (!written || !hasDiacritics(v.second) ||
                    findWords(v.second, topic.valueWritten) != std::string::npos);
        if (v.first != topic.value && !v.first.starts_with(topic.value + " "))
            return false;
        // The letters agree; the diacritics decide where both write them (not where one names
        // the product in another region's words, "cây ăn trái").
        if (!written || !hasDiacritics(v.second) || text::foldForMatch(v.second) != v.first)
            return true;
        return v.second == topic.valueWritten || v.second.starts_with(topic.valueWritten + " ");
    });
}

/// "B - A" for a name that joins two places with one dash, "A - B" ("Hà Nội – Hải Phòng"), else
/// empty.
std::string otherWayRound(const std::string& name)
{
    std::size_t at = std::string::npos, length = 0;
    for (std::string_view dash : {"-", "\u2013", "\u2014"})
        for (std::size_t p = name.find(dash); p != std::string::npos; p = name.find(dash, p + 1)) {
            if (at != std::string::npos)
                return {}; // more than one
            at = p;
            length = dash.size();
        }
    if (at == std::string::npos)
        return {};
    const auto trimmed = [](std::string_view s) {
        const std::size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
        return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
    };
    const std::string a = trimmed(std::string_view(name).substr(0, at));
    const std::string b = trimmed(std::string_view(name).substr(at + length));
    return a.empty() || b.empty() ? std::string() : b + " - " + a;
}

/// Every feature (layer, fid) with @p code.
std::vector<std::pair<layers::RegisteredLayer, std::string>> findFeatures(layers::Workspace& ws,
                                                                          const std::string& code)
{
    std::vector<std::pair<layers::RegisteredLayer, std::string>> found;
    for (const auto& layer : ws.layers()) {
        auto table = ws.dataset().layerByName(layer.name);
        if (!table || table->fieldIndex("code") < 0)
            continue;
        for (const auto& row :
             ws.dataset()
                 .run("SELECT fid FROM " + sqlIdentifier(layer.name) + " WHERE code = ?", {code})
                 .rows)
            found.emplace_back(layer, gis::toString(row[0]));
    }
    return found;
}

/// The one feature of @p found (findFeatures of @p code); Error(Usage) when there is none, and
/// when more than one feature carries the code (a link to one of them would be a guess).
std::pair<layers::RegisteredLayer, std::string>
onlyFeature(const std::vector<std::pair<layers::RegisteredLayer, std::string>>& found,
            const std::string& code)
{
    if (found.empty())
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "no feature with code '%1' in the workspace"),
                     {code}});
    if (found.size() > 1) {
        std::string where;
        for (const auto& [layer, fid] : found)
            where += (where.empty() ? "" : ", ") + layer.name + " fid " + fid;
        throw Error(
            ErrorKind::Usage,
            {QT_TRANSLATE_NOOP("pa::layers", "the code '%1' belongs to %2 features (%3): a link to "
                                             "it would be a guess; give each feature its own code"),
             {code, layers::Sentence::count(found.size()), where}},
            "'planatlas validate' lists the codes used twice");
    }
    return found.front();
}

/// The layer and fid of the feature with @p code (onlyFeature).
std::pair<layers::RegisteredLayer, std::string> findFeature(layers::Workspace& ws,
                                                            const std::string& code)
{
    return onlyFeature(findFeatures(ws, code), code);
}

/// findFeature for suggestion @p s, its error naming the suggestion: a feature deleted or
/// recoded since the suggestions were made leaves them behind it.
std::pair<layers::RegisteredLayer, std::string> featureOfSuggestion(layers::Workspace& ws,
                                                                    const LinkSuggestion& s)
{
    const auto found = findFeatures(ws, s.featureCode);
    if (found.empty())
        throw Error(
            ErrorKind::Conflict,
            {QT_TRANSLATE_NOOP("pa::layers", "suggestion %1 (task '%2' → %3): the workspace has no "
                                             "feature with that code any more. The suggestions are "
                                             "older than the features; make them again"),
             {std::to_string(s.id), s.taskId, s.featureCode}},
            "planatlas link WS suggest");
    return onlyFeature(found, s.featureCode); // a code carried twice is said as such
}

/// Deletes the link that accepting suggestion @p s wrote, if it is still there (it may have been
/// removed by hand, its feature too).
void removeAcceptedLink(layers::Workspace& ws, const LinkSuggestion& s)
{
    for (const auto& layer : ws.layers())
        if (layer.name == s.layer && !layer.linkTable.empty()) {
            const auto task =
                ws.dataset().run("SELECT fid FROM plan_tasks WHERE task_id = ?", {s.taskId}).rows;
            if (task.empty())
                return;
            ws.dataset().run("DELETE FROM " + sqlIdentifier(layer.linkTable) +
                                 " WHERE related_id = ? AND base_id IN (SELECT fid FROM " +
                                 sqlIdentifier(layer.name) + " WHERE code = ?)",
                             {task[0][0], s.featureCode});
        }
}

/// Error(Usage): no task @p given, with up to five ids of the workspace most like it.
[[noreturn]] void noSuchTask(layers::Workspace& ws, const std::string& given)
{
    const std::string folded = text::foldForMatch(given);
    std::vector<std::pair<std::size_t, std::string>> alike; // (common leading bytes, id)
    for (const auto& row : ws.dataset().execute("SELECT task_id FROM plan_tasks").rows) {
        std::string id = gis::toString(row[0]);
        const std::string f = text::foldForMatch(id);
        std::size_t n = 0;
        while (n < f.size() && n < folded.size() && f[n] == folded[n])
            ++n;
        if (n > 0)
            alike.emplace_back(n, std::move(id));
    }
    std::stable_sort(alike.begin(), alike.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string like;
    for (std::size_t i = 0; i < alike.size() && i < 5; ++i)
        like += (i ? ", " : "") + alike[i].second;
    if (like.empty())
        throw Error(ErrorKind::Usage,
                    {QT_TRANSLATE_NOOP("pa::layers", "no task '%1' in the workspace"), {given}},
                    "'planatlas ingest --format json PLAN' prints the task ids of a plan");
    throw Error(ErrorKind::Usage,
                {QT_TRANSLATE_NOOP("pa::layers",
                                   "no task '%1' in the workspace; tasks with ids like it: %2"),
                 {given, like}});
}

std::string taskFid(layers::Workspace& ws, const std::string& taskId)
{
    const auto rows =
        ws.dataset().run("SELECT fid FROM plan_tasks WHERE task_id = ?", {taskId}).rows;
    const std::string fid = rows.empty() ? std::string() : gis::toString(rows.front().front());
    if (fid.empty())
        noSuchTask(ws, taskId);
    return fid;
}

void writeLink(layers::Workspace& ws, const layers::RegisteredLayer& layer,
               const std::string& featureFid, const std::string& taskFidValue,
               const std::string& source, std::optional<double> confidence)
{
    std::ostringstream c; // stored to 6 significant digits, as links always were
    c.precision(6);
    if (confidence)
        c << *confidence;
    ws.dataset().run(
        "INSERT INTO " + sqlIdentifier(layer.linkTable) +
            " (base_id, related_id, link_source, confidence, created_at) VALUES (?, ?, ?, ?, " +
            ws.nowSql() + ") ON CONFLICT DO NOTHING",
        {std::int64_t{std::stoll(featureFid)}, std::int64_t{std::stoll(taskFidValue)}, source,
         confidence ? gis::FieldValue{std::stod(c.str())} : gis::FieldValue{}});
}

bool linkExists(layers::Workspace& ws, const layers::RegisteredLayer& layer,
                const std::string& featureFid, const std::string& taskFidValue)
{
    return !ws.dataset()
                .run("SELECT 1 FROM " + sqlIdentifier(layer.linkTable) +
                         " WHERE base_id = ? AND related_id = ?",
                     {std::int64_t{std::stoll(featureFid)}, std::int64_t{std::stoll(taskFidValue)}})
                .rows.empty();
}

/// The last edit of the log on feature @p code for task @p task, for a person (describe); empty
/// when there is none.
std::vector<LoggedEdit> lastEditOn(layers::Workspace& ws, const std::string& task,
                                   const std::string& code)
{
    std::vector<LoggedEdit> last;
    for (const auto& e : ws.editLog(task))
        if (e.edit.featureCode == code)
            last = {e};
    return last;
}

// A run of suggest logs the ids of the pending suggestions it dropped, as runs ("12-15,20"):
// an id read before is then known as gone, not as one that never was. (The tables' counters
// cannot tell: an upsert uses up a number of the sequence whether it inserts or not.)
constexpr std::string_view kDropped = "; no longer offered: ";

/// @p ids (sorted) as runs: "12-15,20".
std::string idRuns(const std::vector<std::int64_t>& ids)
{
    std::string out;
    for (std::size_t i = 0; i < ids.size();) {
        std::size_t j = i;
        while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1)
            ++j;
        out += (out.empty() ? "" : ",") + std::to_string(ids[i]) +
               (j > i ? "-" + std::to_string(ids[j]) : std::string());
        i = j + 1;
    }
    return out;
}

/// Whether the runs written by idRuns at the end of @p detail hold @p id.
bool inRuns(const std::string& detail, std::int64_t id)
{
    const auto at = detail.find(kDropped);
    if (at == std::string::npos)
        return false;
    std::istringstream runs(detail.substr(at + kDropped.size()));
    for (std::string run; std::getline(runs, run, ',');) {
        try {
            const auto dash = run.find('-');
            const std::int64_t from = std::stoll(run.substr(0, dash));
            const std::int64_t to =
                dash == std::string::npos ? from : std::stoll(run.substr(dash + 1));
            if (id >= from && id <= to)
                return true;
        } catch (const std::exception&) {
            return false; // not runs of ours
        }
    }
    return false;
}

/// The error for suggestion @p id, which is not among those stored. Decided by someone else: a
/// Conflict saying by whom. Dropped by a later run of suggest (its log names the id, kDropped):
/// a Conflict too, naming the run. Otherwise an id that never was: Error(Usage).
[[noreturn]] void suggestionNotThere(layers::Workspace& ws, std::int64_t id)
{
    auto& ds = ws.dataset();
    const auto row =
        ds.run("SELECT status, task_id, feature_code FROM plan_link_suggestions WHERE fid = ?",
               {id})
            .rows;
    const std::string again = ". Nothing of yours was written: read the suggestions again "
                              "('planatlas link WS suggestions') and repeat what still holds";
    if (!row.empty()) {
        const std::string task = gis::toString(row[0][1]), code = gis::toString(row[0][2]);
        const auto last = lastEditOn(ws, task, code);
        throw layers::ConflictError(
            "suggestion " + std::to_string(id) + " (task '" + task + "' → " + code +
                ") is no longer pending: it was " + gis::toString(row[0][0]) +
                (last.empty() ? std::string() : " (" + describe(last) + ")") + again,
            layers::ConflictError::Reason::Changed, task, last);
    }
    // The run of suggest that dropped it. (run(), not execute(): GDAL's result set takes a
    // column named fid for the features' ids and leaves it out of the values.)
    for (const auto& run : ds.run("SELECT at, who, fid, detail FROM pa_edit_log WHERE action = "
                                  "'suggest' AND detail LIKE ? ORDER BY fid DESC",
                                  {"%" + std::string(kDropped) + "%"})
                               .rows) {
        if (!inRuns(gis::toString(run[3]), id))
            continue;
        LoggedEdit remade;
        remade.id = std::stoll(gis::toString(run[2]));
        remade.at = gis::toString(run[0]);
        remade.who = gis::toString(run[1]);
        remade.edit.action = "suggest";
        throw layers::ConflictError(
            "suggestion " + std::to_string(id) +
                " is gone: the suggestions were made again since you read them (by " + remade.who +
                " at " + shownTime(remade.at) + "), and it is no longer offered" + again,
            layers::ConflictError::Reason::Changed, std::to_string(id), {remade});
    }
    throw Error(ErrorKind::Usage,
                Sentence(QT_TRANSLATE_NOOP("pa::layers", "no suggestion %1"), {std::to_string(id)}),
                "see 'planatlas link WS suggestions'");
}

/// The conflict of a change made on what @p task was at edit @p basis, when others have edited
/// it since: said in plain words, with what they did.
[[noreturn]] void conflictOn(layers::Workspace& ws, const std::string& task, std::int64_t basis)
{
    const auto since = ws.editLog(task, basis);
    throw layers::ConflictError(
        "task '" + task + "' was changed by someone else after you read it (at edit " +
            std::to_string(basis) + "): " + describe(since) +
            ". Nothing of yours was written: read its links again and repeat what still holds",
        layers::ConflictError::Reason::Changed, task, since);
}

/// Inside a transaction: locks @p tasks, and refuses (Conflict) when @p basis is given and one
/// of them has been edited since that edit.
void lockTasks(layers::Workspace& ws, const std::vector<std::string>& tasks,
               std::optional<std::int64_t> basis)
{
    const auto last = ws.lockTasks(tasks);
    if (basis)
        for (std::size_t i = 0; i < tasks.size(); ++i)
            if (last[i] > *basis)
                conflictOn(ws, tasks[i], *basis);
}

/// Inside a transaction, the tasks locked: refuses (Conflict) when one of @p seen, read before
/// the transaction, has been decided by someone else meanwhile.
void checkStillAsSeen(layers::Workspace& ws, const std::vector<LinkSuggestion>& seen)
{
    for (const auto& s : seen) {
        const auto now =
            ws.dataset().run("SELECT status FROM plan_link_suggestions WHERE fid = ?", {s.id}).rows;
        if (now.empty()) // replaced by a new run of suggest
            suggestionNotThere(ws, s.id);
        const std::string status = gis::toString(now[0][0]);
        if (status == s.status)
            continue;
        const auto last = lastEditOn(ws, s.taskId, s.featureCode);
        throw layers::ConflictError(
            "suggestion " + std::to_string(s.id) + " (task '" + s.taskId + "' → " + s.featureCode +
                ") was " + status + " by someone else after you read it" +
                (last.empty() ? std::string() : " (" + describe(last) + ")") +
                ". Nothing of yours was written: read the suggestions again and repeat what "
                "still holds",
            layers::ConflictError::Reason::Changed, s.taskId, last);
    }
}

std::vector<std::string> tasksOf(const std::vector<LinkSuggestion>& suggestions)
{
    std::vector<std::string> tasks;
    for (const auto& s : suggestions)
        tasks.push_back(s.taskId);
    return tasks;
}

template <typename Work> auto inTransaction(layers::Workspace& ws, Work&& work)
{
    try {
        return ws.transaction(std::forward<Work>(work));
    } catch (const gis::GisError& e) {
        throw Error(ErrorKind::Workspace,
                    {QT_TRANSLATE_NOOP("pa::layers", "cannot write links to '%1': %2"),
                     {ws.path(), std::string(e.what())}});
    }
}

LinkSuggestion suggestionFrom(const std::vector<gis::FieldValue>& row)
{
    LinkSuggestion s;
    s.id = std::get<std::int64_t>(row[0]);
    s.taskId = gis::toString(row[1]);
    s.layer = gis::toString(row[2]);
    s.featureCode = gis::toString(row[3]);
    s.mention = gis::toString(row[4]);
    if (const auto* d = std::get_if<double>(&row[5]))
        s.confidence = *d;
    s.status = gis::toString(row[6]);
    s.featureName = gis::toString(row[7]);
    s.rule = gis::toString(row[8]);
    s.evidence = gis::toString(row[9]);
    if (s.rule.empty())
        s.rule = "place"; // stored before schema 4, when names were the only rule
    return s;
}

} // namespace

std::vector<LinkSuggestion> listSuggestions(layers::Workspace& ws, const std::string& status)
{
    std::vector<LinkSuggestion> out;
    const auto rows = ws.dataset().run(
        "SELECT fid, task_id, layer_name, feature_code, mention, confidence, "
        "status, '', " +
            std::string(ws.schemaVersion() >= layers::kSchemaLinkRules ? "rule, evidence"
                                                                       : "'', ''") +
            " FROM plan_link_suggestions" + std::string(status.empty() ? "" : " WHERE status = ?") +
            " ORDER BY confidence DESC, task_id, layer_name, feature_code",
        status.empty() ? std::vector<gis::FieldValue>{} : std::vector<gis::FieldValue>{status});
    for (const auto& row : rows.rows)
        out.push_back(suggestionFrom(row));
    // The names of the suggested features only, looked up by code (a layer's code is unique
    // and indexed): a layer of a million parcels is not read to name a few suggestions, and the
    // desktop lists them again after every edit.
    std::map<std::string, std::set<std::string>> codes; // layer → codes
    for (const auto& s : out)
        codes[s.layer].insert(s.featureCode);
    std::map<std::pair<std::string, std::string>, std::string> names;
    for (const auto& [layer, wanted] : codes) {
        const auto table = ws.dataset().layerByName(layer);
        if (!table || table->fieldIndex("code") < 0 || table->fieldIndex("name_vi") < 0)
            continue; // a layer removed since: its suggestions keep no name
        constexpr std::size_t kChunk = 200;
        const std::vector<std::string> all(wanted.begin(), wanted.end());
        for (std::size_t i = 0; i < all.size(); i += kChunk) {
            std::vector<gis::FieldValue> values;
            std::string marks;
            for (std::size_t j = i; j < std::min(all.size(), i + kChunk); ++j) {
                values.emplace_back(all[j]);
                marks += marks.empty() ? "?" : ", ?";
            }
            for (const auto& r : ws.dataset()
                                     .run("SELECT code, name_vi FROM " + sqlIdentifier(layer) +
                                              " WHERE code IN (" + marks + ")",
                                          values)
                                     .rows)
                names[{layer, gis::toString(r[0])}] = gis::toString(r[1]);
        }
    }
    for (auto& s : out)
        if (const auto name = names.find({s.layer, s.featureCode}); name != names.end())
            s.featureName = name->second;
    return out;
}

std::vector<SuggestionGroup> groupSuggestions(const std::vector<LinkSuggestion>& suggestions)
{
    std::vector<SuggestionGroup> groups;
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index;
    for (const auto& s : suggestions) {
        // Suggestions stored before schema 4 have no evidence: each is its own group.
        const std::string evidence =
            s.evidence.empty() ? s.mention + "|" + s.featureCode : s.evidence;
        const auto [it, added] = index.try_emplace({s.taskId, s.rule, evidence}, groups.size());
        if (added)
            groups.push_back({s.taskId, s.rule, s.evidence, {}});
        groups[it->second].members.push_back(s);
    }
    return groups;
}

namespace {

/// Geometries of workspace features in the workspace CRS, read once per layer when first
/// asked for (through the analyses' reader: reprojected, repaired).
class FeatureGeometries
{
public:
    explicit FeatureGeometries(layers::Workspace& ws) : m_ws(ws) {}
    const gis::Geometry* get(const Feature& f)
    {
        if (f.layer.empty()) { // a region worked out from the province's outline (put)
            const auto g = m_derived.find(f.code);
            return g == m_derived.end() ? nullptr : &g->second;
        }
        auto [layer, added] = m_byLayer.try_emplace(f.layer);
        if (added) {
            analysis::InputLayer input(m_ws, f.layer, nullptr);
            if (input.exists())
                while (auto row = input.next())
                    if (!row->geometry.isNull() && !row->geometry.isEmpty())
                        layer->second.emplace(row->feature.fid(), std::move(row->geometry));
        }
        const auto g = layer->second.find(f.fid);
        return g == layer->second.end() ? nullptr : &g->second;
    }

    /// Gives @p f, a feature of no layer, geometry @p g.
    void put(const Feature& f, gis::Geometry g)
    {
        m_derived.insert_or_assign(f.code, std::move(g));
    }

private:
    layers::Workspace& m_ws;
    std::map<std::string, std::map<std::int64_t, gis::Geometry>> m_byLayer;
    std::map<std::string, gis::Geometry> m_derived;
};

/// "11 khu công nghiệp" with the kind's title in lower case.
std::string countOf(std::size_t n, const std::string& kind)
{
    const auto* k = layers::findKind(kind);
    return std::to_string(n) + " " + text::lowerFirst(k ? k->titleVi : kind);
}

/// The workspace's features looked up by what a mention or a topic can match: a name (its
/// place key or region key) equal to a run of whole words of the mention's or holding the
/// mention's words, a kind, a code. The suggester then compares each mention with the few
/// features its name can fit (nameFit), in the features' order, instead of with every feature of
/// the workspace (a layer of a million parcels made suggesting take minutes).
class FeatureIndex
{
public:
    explicit FeatureIndex(const std::vector<Feature>& features)
    {
        for (std::size_t i = 0; i < features.size(); ++i) {
            const auto& f = features[i];
            if (!f.key.empty()) // a feature with no name is found by its kind only
                m_byKey[f.key].push_back(i);
            if (!f.aliasKey.empty() && f.aliasKey != f.key) {
                m_byKey[f.aliasKey].push_back(i);
                for (const auto& w : wordsOf(f.aliasKey))
                    if (!w.empty())
                        addOnce(m_byWord[w], i);
            }
            if (!f.regionKey.empty())
                m_byRegionKey[f.regionKey].push_back(i);
            for (const auto& w : wordsOf(f.key))
                if (!w.empty())
                    addOnce(m_byWord[w], i);
            for (const auto& w : wordsOf(f.regionKey))
                if (!w.empty())
                    addOnce(m_byRegionWord[w], i);
            m_byKind[f.kind].push_back(i);
            m_byCode[f.code].push_back(i);
            // (Units are named with their type word, which the reader reads.)
            if (const std::string full = text::foldForMatch(f.name);
                full.find(' ') != std::string::npos && !layers::inGroup(f.kind, "admin")) {
                m_byFullName[full].push_back(i);
                m_fullNameWords = std::max(m_fullNameWords, wordsOf(full).size());
                // A zone by its product and place, "Vùng gà đồi Yên Thế": "gà đồi Yên Thế".
                if (full.starts_with("vung ") && full.find(' ', 5) != std::string::npos)
                    m_byFullName[full.substr(5)].push_back(i);
                // A route by what follows its type, "Quốc lộ Quản Lộ - Phụng Hiệp", "Tuyến đường
                // ven biển": found after "tuyến", "đường", "trục" (routeNamed).
                if (f.kind == "road" || f.kind == "expressway" || f.kind == "railway")
                    for (std::string_view type :
                         {"tuyen duong ", "tuyen ", "quoc lo ", "duong tinh ", "tinh lo ",
                          "cao toc ", "duong sat ", "duong "})
                        if (full.starts_with(type) && full.size() > type.size()) {
                            // (Not a name of directions alone: "Đường sắt Bắc - Nam" is not
                            // "trục Bắc - Nam".)
                            const std::string rest = full.substr(type.size());
                            const auto words = wordsOf(rest);
                            if (!std::all_of(words.begin(), words.end(), [](const std::string& w) {
                                    return w.empty() || w == "bac" || w == "nam" || w == "dong" ||
                                           w == "tay" || w == "trung" || w == "phia" || w == "-";
                                }))
                                m_byRouteName[rest].push_back(i);
                            break;
                        }
            }
        }
    }

    /// The features (not units) whose whole name, folded, is @p folded: two words or more.
    [[nodiscard]] const std::vector<std::size_t>& withFullName(const std::string& folded) const
    {
        return find(m_byFullName, folded);
    }
    /// The roads, expressways and railways whose name without its type words is @p folded.
    [[nodiscard]] const std::vector<std::size_t>& routeNamed(const std::string& folded) const
    {
        return find(m_byRouteName, folded);
    }

    /// The most words a name withFullName finds has.
    [[nodiscard]] std::size_t fullNameWords() const { return m_fullNameWords; }

    /// The features whose name nameFit may find fitting @p key (a place key, or a region key
    /// with @p region), ascending: a superset, each still to be compared.
    [[nodiscard]] std::vector<std::size_t> fitting(const std::string& key, bool region) const
    {
        const auto& byKey = region ? m_byRegionKey : m_byKey;
        const auto& byWord = region ? m_byRegionWord : m_byWord;
        std::vector<std::size_t> out;
        const auto words = wordsOf(key);
        // The feature's name equal to the mention's, or a run of its whole words.
        for (std::size_t i = 0; i < words.size(); ++i) {
            std::string run;
            for (std::size_t j = i; j < words.size(); ++j) {
                run += (j > i ? " " : "") + words[j];
                if (const auto it = byKey.find(run); it != byKey.end())
                    out.insert(out.end(), it->second.begin(), it->second.end());
            }
        }
        // The mention's name a run of the feature's whole words: the features with its rarest
        // word.
        const std::vector<std::size_t>* rarest = nullptr;
        for (const auto& w : words)
            if (!w.empty()) {
                const auto it = byWord.find(w);
                if (it == byWord.end()) {
                    rarest = nullptr; // no feature has this word, so none holds the name
                    break;
                }
                if (!rarest || it->second.size() < rarest->size())
                    rarest = &it->second;
            }
        if (rarest)
            out.insert(out.end(), rarest->begin(), rarest->end());
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
    /// The features whose name is @p key exactly (ascending).
    [[nodiscard]] const std::vector<std::size_t>& named(const std::string& key, bool region) const
    {
        return find(region ? m_byRegionKey : m_byKey, key);
    }
    [[nodiscard]] const std::vector<std::size_t>& ofKind(const std::string& kind) const
    {
        return find(m_byKind, kind);
    }
    [[nodiscard]] const std::vector<std::size_t>& withCode(const std::string& code) const
    {
        return find(m_byCode, code);
    }

private:
    using Map = std::unordered_map<std::string, std::vector<std::size_t>>;
    static const std::vector<std::size_t>& find(const Map& map, const std::string& key)
    {
        static const std::vector<std::size_t> none;
        const auto it = map.find(key);
        return it == map.end() ? none : it->second;
    }
    static void addOnce(std::vector<std::size_t>& list, std::size_t i)
    {
        if (list.empty() || list.back() != i)
            list.push_back(i);
    }
    /// @p key cut at each space (empty words kept, so that runs joined again are the text).
    static std::vector<std::string> wordsOf(const std::string& key)
    {
        std::vector<std::string> out;
        std::size_t start = 0;
        for (std::size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', start)) {
            out.push_back(key.substr(start, sp - start));
            start = sp + 1;
        }
        out.push_back(key.substr(start));
        return out;
    }
    Map m_byKey, m_byRegionKey, m_byWord, m_byRegionWord, m_byKind, m_byCode, m_byFullName,
        m_byRouteName;
    std::size_t m_fullNameWords = 0;
};

} // namespace

std::vector<LinkSuggestion> suggestLinks(layers::Workspace& ws, const std::string& docId)
{
    const auto features = workspaceFeatures(ws);
    const FeatureIndex index(features);
    std::set<std::string> kinds;
    std::map<std::string, std::map<std::string, std::string>> values;
    for (const auto& f : features) {
        kinds.insert(f.kind);
        values[f.kind].insert(f.values.begin(), f.values.end());
    }
    FeatureGeometries geometries(ws);
    const std::string province = ws.province();
    const std::string ownKey = text::foldForMatch(province);
    // A centrally-run city's "thành phố Hải Phòng" is the province, not its centre.
    const bool municipal = isMunicipality(province);
    // Units merged into or renamed as another (the crosswalk): a task naming the old unit
    // concerns the unit that carries it on.
    struct Successor
    {
        std::string code, relation, date;
    };
    std::multimap<std::string, Successor> successors;
    for (const auto& row :
         ws.dataset()
             .execute("SELECT old_code, new_code, relation, effective_date FROM admin_crosswalk "
                      "WHERE relation IN ('merged_into', 'renamed') AND new_code IS NOT NULL")
             .rows)
        successors.emplace(
            gis::toString(row[0]),
            Successor{gis::toString(row[1]), gis::toString(row[2]), gis::toString(row[3])});
    const auto tasks = ws.dataset().run(
        "SELECT task_id, text, heading FROM plan_tasks" +
            std::string(docId.empty() ? "" : " WHERE doc_id = ?") + " ORDER BY doc_id, ordinal",
        docId.empty() ? std::vector<gis::FieldValue>{} : std::vector<gis::FieldValue>{docId});
    // Existing links are not suggested again.
    std::set<std::string> linked;
    for (const auto& l : listLinks(ws))
        linked.insert(l.taskId + "|" + l.layer + "|" + l.featureCode);

    struct Candidate
    {
        std::string task, layer, code, mention;
        double confidence;
        std::string rule, evidence;
    };
    std::map<std::string, Candidate> best; // task|layer|code → best candidate
    auto offer = [&](Candidate c) {
        const std::string id = c.task + "|" + c.layer + "|" + c.code;
        if (linked.contains(id))
            return;
        auto [it, inserted] = best.try_emplace(id, c);
        if (!inserted && c.confidence > it->second.confidence)
            it->second = std::move(c);
    };
    // A unit named with its province, "huyện Châu Thành, tỉnh Hậu Giang (cũ)", is the unit of
    // that name inside that province (many provinces had a Châu Thành), not it and the whole
    // province: the units that lie mostly inside it are kept, the province's own area goes. So
    // is a commune named with its district, "xã Tân Lập, huyện Đồng Hỷ": the district's area
    // goes, and of the communes so named those outside it. What goes is no place of the task
    // either (@p notNamed).
    auto qualifyByProvince = [&](auto& areas, const std::string& taskText,
                                 std::set<const Feature*>& notNamed) {
        // Whether @p a qualifies units named right before it, and @p u is of those it can.
        auto qualifies = [](const auto& a) {
            return a.ofProvince || a.feature->kind == "admin_district";
        };
        auto within = [](const auto& a, const auto& u) {
            return !u.ofProvince && (a.ofProvince || u.feature->kind == "admin_commune");
        };
        for (std::size_t k = 0; k < areas.size(); ++k) {
            const auto& p = areas[k];
            if (!qualifies(p) || (k > 0 && qualifies(areas[k - 1]) && areas[k - 1].at == p.at))
                continue; // (each province or district once)
            // Whether only @p words (and commas, brackets) stand in the task in [from, to).
            auto onlyWords = [&](std::size_t from, std::size_t to,
                                 std::initializer_list<std::string_view> words) {
                if (from > to)
                    return false;
                const std::string between = text::foldForMatch(taskText.substr(from, to - from));
                for (std::size_t w = 0; w < between.size();) {
                    const std::size_t e = std::min(between.find(' ', w), between.size());
                    std::string word = between.substr(w, e - w);
                    std::erase_if(word, [](char c) { return c == ',' || c == '(' || c == ')'; });
                    if (!word.empty() && std::find(words.begin(), words.end(), word) == words.end())
                        return false;
                    w = e + 1;
                }
                return true;
            };
            // The units that end right before it, only "thuộc", "của", "tỉnh" between, and
            // those listed before them: "các huyện Châu Thành, Long Mỹ, tỉnh Hậu Giang (cũ)".
            std::vector<std::size_t> units;
            for (std::size_t u = 0; u < areas.size(); ++u)
                if (within(p, areas[u]) &&
                    onlyWords(areas[u].after, p.at, {"tinh", "thuoc", "cua", "cu"}))
                    units.push_back(u);
            for (bool more = !units.empty(); more;) {
                more = false;
                for (std::size_t u = 0; u < areas.size(); ++u)
                    if (within(p, areas[u]) &&
                        std::find(units.begin(), units.end(), u) == units.end() &&
                        std::any_of(units.begin(), units.end(), [&](std::size_t n) {
                            return onlyWords(areas[u].after, areas[n].at, {"va", "cu"});
                        })) {
                        units.push_back(u);
                        more = true;
                    }
            }
            if (units.empty())
                continue;
            std::set<const Feature*> inside;
            for (const std::size_t u : units) {
                const auto* ug = geometries.get(*areas[u].feature);
                if (!ug || ug->area() <= 0)
                    continue;
                for (const auto& q : areas)
                    if (qualifies(q) && q.at == p.at)
                        if (const auto* pg = geometries.get(*q.feature);
                            pg && pg->intersects(*ug) &&
                            pg->intersection(*ug).area() >= 0.5 * ug->area())
                            inside.insert(areas[u].feature);
            }
            if (inside.empty())
                continue; // (not inside it: both bound, as written)
            const std::size_t provinceAt = p.at;
            const std::string provinceWords = p.words;
            const std::string task = text::foldForMatch(taskText);
            const std::string qualifier = text::foldForMatch(provinceWords);
            const std::size_t first = findWords(task, qualifier);
            const bool namedOnce = first == std::string::npos ||
                                   findWords(task, qualifier, first + 1) == std::string::npos;
            std::vector<std::remove_reference_t<decltype(areas[0])>> kept;
            for (std::size_t u = 0; u < areas.size(); ++u) {
                auto a = areas[u];
                if (qualifies(a) && a.at == provinceAt) {
                    if (namedOnce) // (named again elsewhere, it is a place there)
                        notNamed.insert(a.feature);
                    continue;
                }
                if (std::find(units.begin(), units.end(), u) != units.end()) {
                    a.words += ", " + provinceWords;
                    a.bounds = inside.contains(a.feature);
                    if (!a.bounds)
                        notNamed.insert(a.feature);
                }
                kept.push_back(std::move(a));
            }
            areas = std::move(kept);
            k = static_cast<std::size_t>(-1); // (again from the start)
        }
    };
    // A feature's whole name written in a task where the reader found no place it could be
    // ("tôn tạo chùa Vĩnh Nghiêm", "phát triển chợ nổi Cái Răng", "Gành Đá Đĩa, Mũi Điện"), or
    // found one that named nothing ("Khu công nghệ thông tin tập trung Bắc Ninh", "đô thị Bắc
    // Ninh": the province's own name, where a layer holds a feature so named): offered as a
    // place. The name must be a proper one (a capital after its first word; not in text all in
    // capitals), not the kind in general ("các …", "hệ thống …"), not in a board's name, and
    // not a part of a place the reader found otherwise ("Từ Sơn" in "KCN VSIP Từ Sơn").
    // Returns where each name stands ([begin, end) bytes).
    struct Named ///< where the reader found a place: [at, end) bytes
    {
        const PlaceMention* mention;
        std::size_t at, end;
    };
    auto offerWholeNames = [&](const std::string& taskId, const std::string& taskText,
                               const text::FoldedText& folded,
                               const std::vector<std::pair<std::size_t, std::size_t>>& boards,
                               const std::vector<Named>& places,
                               const std::set<const PlaceMention*>& offering,
                               const std::vector<TopicMention>& topics) {
        std::vector<std::pair<std::size_t, std::size_t>> found;
        const std::string& F = folded.folded;
        if (index.fullNameWords() < 2 || inCapitals(taskText))
            return found;
        std::vector<std::pair<std::size_t, std::size_t>> agencies; // (a company, a newspaper)
        for (const auto& a : findAgencies(taskText, folded, province))
            agencies.emplace_back(a.begin, a.end);
        for (std::size_t p = 0; p < F.size(); ++p) {
            if (!wordChar(F[p]) || (p > 0 && F[p - 1] != ' '))
                continue;
            const std::string_view before = std::string_view(F).substr(0, p);
            // After "tuyến", "đường", "trục", a route's name without its type words also:
            // "tuyến Quản Lộ - Phụng Hiệp" (the layer's "Quốc lộ Quản Lộ - Phụng Hiệp").
            const bool afterRouteWord = before.ends_with("tuyen ") || before.ends_with("duong ") ||
                                        before.ends_with("truc ");
            auto namedHere = [&](const std::string& words) -> const std::vector<std::size_t>& {
                const auto& whole = index.withFullName(words);
                return whole.empty() && afterRouteWord ? index.routeNamed(words) : whole;
            };
            // The longest whole name that starts here.
            std::size_t end = 0;
            std::size_t words = 0;
            for (std::size_t q = p; q < F.size() && words < index.fullNameWords(); ++words) {
                const std::size_t e = std::min(F.find(' ', q), F.size());
                std::size_t bare = e; // without the clause's punctuation
                while (bare > q &&
                       std::string_view(",;.:)").find(F[bare - 1]) != std::string_view::npos)
                    --bare;
                if (words > 0 && !namedHere(F.substr(p, bare - p)).empty())
                    end = bare;
                if (bare < e || e == F.size())
                    break;
                q = e + 1;
            }
            if (end == 0)
                continue;
            const std::size_t from = folded.origin[p], to = folded.origin[end];
            // A proper name: a capital letter after its first word ("Lô 1" is none).
            bool proper = false;
            for (std::size_t w = F.find(' ', p); w != std::string::npos && w < end;
                 w = F.find(' ', w + 1))
                proper = proper || (capitalOrDigitAt(taskText, folded.origin[w + 1]) &&
                                    !std::isdigit(static_cast<unsigned char>(F[w + 1])));
            const std::string name = F.substr(p, end - p);
            // (Found without its type words, the route word before it is of the name.)
            const bool byRoute = afterRouteWord && index.withFullName(name).empty();
            const auto& candidates = byRoute ? index.routeNamed(name) : index.withFullName(name);
            // A name of words alone ("Tuyến đường ven biển") is a place where one feature
            // bears it, three words or more, and no topic reads it: less surely.
            const bool described =
                !proper && candidates.size() == 1 &&
                std::count(F.begin() + static_cast<std::ptrdiff_t>(p),
                           F.begin() + static_cast<std::ptrdiff_t>(end),
                           ' ') >= (byRoute ? 1 : 2) &&
                std::none_of(topics.begin(), topics.end(), [&](const TopicMention& t) {
                    return t.offset < to && from < t.offset + t.text.size();
                });
            // (A name many features share says none of them: "Lô 1" of forest stands.)
            if ((!proper && !described) || candidates.size() > 2 || withinAny(boards, from) ||
                std::any_of(agencies.begin(), agencies.end(),
                            [&](const auto& a) { return a.first < from && from < a.second; }) ||
                continuesName(taskText, folded, p) || before.ends_with("cac ") ||
                before.ends_with("nhung ") || before.ends_with("he thong ") ||
                before.ends_with("mang luoi "))
                continue;
            // Within a place the reader found: only one that found nothing, of a kind that
            // fits, whose whole name this holds. A proper name that begins before the place and
            // holds it whole names another feature after it, and that place is none of the
            // task's: "Trung tâm logistics Cảng hàng không Long Thành" is the logistics centre,
            // not the airport.
            std::vector<const Named*> within, namedAfter;
            for (const auto& n : places)
                if (n.at < to && from < n.end)
                    (proper && from < n.at && n.end <= to ? namedAfter : within).push_back(&n);
            std::size_t writtenFrom = from;
            if (byRoute) { // "tuyến Quản Lộ - Phụng Hiệp", "đường ven biển"
                const std::size_t space = F.rfind(' ', p - 2);
                writtenFrom = folded.origin[space == std::string::npos ? 0 : space + 1];
            }
            const std::string written = taskText.substr(writtenFrom, to - writtenFrom);
            for (const std::size_t i : candidates) {
                const auto& f = features[i];
                // (A name after a product says where its zones are, not a town's place:
                // "vùng dược liệu tại Sa Pa".)
                if (std::any_of(topics.begin(), topics.end(), [&](const TopicMention& t) {
                        return !t.names.empty() && t.kind != f.kind && t.namesAt <= from &&
                               from < t.offset + t.text.size();
                    }))
                    continue;
                if (std::any_of(within.begin(), within.end(), [&](const Named* n) {
                        return offering.contains(n->mention) ||
                               kindFit(n->mention->type, f.kind) < 0.8 || n->end > to ||
                               n->end < from + n->mention->name.size();
                    }))
                    continue;
                offer({taskId, f.layer, f.code, written, described ? 0.6 : 0.8, "place",
                       "“" + written + "” → " + f.name});
                if (found.empty() || found.back().first != from)
                    found.emplace_back(from, to);
            }
            if (!found.empty() && found.back().first == from)
                for (const Named* n : namedAfter) {
                    // (Unless the task names that place again elsewhere: "… Cảng hàng không Long
                    // Thành gắn với sân bay Long Thành".)
                    const std::string key = placeKey(n->mention->name, n->mention->type);
                    if (std::any_of(places.begin(), places.end(), [&](const Named& other) {
                            return (other.end <= from || other.at >= to) &&
                                   placeKey(other.mention->name, other.mention->type) == key;
                        }))
                        continue;
                    std::erase_if(best, [&](const auto& entry) {
                        const Candidate& c = entry.second;
                        return c.task == taskId && c.mention == n->mention->text &&
                               c.rule.starts_with("place");
                    });
                }
            p = end;
        }
        return found;
    };
    // The province's polygon as it is now (the largest, if several); null without one.
    std::optional<const gis::Geometry*> outlineFound;
    auto ownOutline = [&]() -> const gis::Geometry* {
        if (!outlineFound) {
            const gis::Geometry* outline = nullptr;
            for (const std::size_t i : index.ofKind("admin_province"))
                if (const auto& f = features[i]; f.key == ownKey && !f.ended)
                    if (const auto* g = geometries.get(f);
                        g && (!outline || g->area() > outline->area()))
                        outline = g;
            outlineFound = outline;
        }
        return *outlineFound;
    };
    // The part of polygon @p g (feature @p f, of area @p area) on the province's land, where the
    // province's polygon is known and the rest lies in no other province (a lobster farm mostly
    // at sea); else @p area (a zone across a border, into a neighbour or an old province outside
    // this one). Asked only of the few polygons the quarter rule would leave out; remembered.
    std::map<const Feature*, double> onLand;
    std::optional<std::vector<const gis::Geometry*>> otherProvinces;
    auto landShare = [&](const Feature& f, const gis::Geometry& g, double area) {
        const gis::Geometry* land = ownOutline();
        if (!land)
            return area;
        if (const auto known = onLand.find(&f); known != onLand.end())
            return known->second;
        if (!otherProvinces) {
            // (Not the old provinces that make up this one: mostly inside its outline.)
            otherProvinces.emplace();
            for (const std::size_t i : index.ofKind("admin_province"))
                if (const auto& p = features[i]; p.key != ownKey || p.ended)
                    if (const auto* pg = geometries.get(p);
                        pg && pg->area() > 0 &&
                        (!pg->intersects(*land) ||
                         pg->intersection(*land).area() < 0.5 * pg->area()))
                        otherProvinces->push_back(pg);
        }
        double share = area;
        if (land->intersects(g) &&
            std::none_of(otherProvinces->begin(), otherProvinces->end(),
                         [&](const gis::Geometry* pg) { return pg->intersects(g); }))
            if (const double part = land->intersection(g).area(); part > 0)
                share = part;
        onLand.emplace(&f, share);
        return share;
    };
    // A region the workspace has no feature of ("các huyện phía Nam của tỉnh", "khu vực phía
    // Tây"): the part of the province (as it is now) on that side that holds two fifths of its
    // area. None without the province's polygon: a direction is never guessed.
    std::map<std::string, Feature> derivedRegions; // region key → a feature of no layer
    auto derivedRegion = [&](const std::string& key) -> const Feature* {
        // The side a key ends with, as written, and the way it faces (x east, y north).
        struct Side
        {
            std::string_view folded, written;
            double x, y;
        };
        static constexpr Side kSides[] = {
            {"phia nam", "phía Nam", 0, -1},          {"phia bac", "phía Bắc", 0, 1},
            {"phia tay", "phía Tây", -1, 0},          {"phia dong", "phía Đông", 1, 0},
            {"phia tay nam", "phía Tây Nam", -1, -1}, {"phia dong nam", "phía Đông Nam", 1, -1},
            {"phia tay bac", "phía Tây Bắc", -1, 1},  {"phia dong bac", "phía Đông Bắc", 1, 1}};
        const auto side = std::find_if(std::begin(kSides), std::end(kSides), [&](const Side& s) {
            return key == s.folded || key.ends_with(" " + std::string(s.folded));
        });
        if (side == std::end(kSides))
            return nullptr;
        if (const auto it = derivedRegions.find(key); it != derivedRegions.end())
            return &it->second;
        const gis::Geometry* outline = ownOutline();
        const auto box = outline ? outline->envelope() : std::nullopt;
        if (!box)
            return nullptr;
        // The part on that side holding two fifths of the province's area, cut by a straight
        // line across the way it faces, found by halving (an island far out at sea would
        // stretch an extent). A corner ("phía Tây Nam") is cut across its diagonal.
        constexpr double kPart = 0.4;
        const double whole = outline->area();
        if (whole <= 0)
            return nullptr;
        const double norm = std::hypot(side->x, side->y);
        const double dx = side->x / norm, dy = side->y / norm;
        const double cx = (box->minX + box->maxX) / 2, cy = (box->minY + box->maxY) / 2;
        const double reach = (box->maxX - box->minX) + (box->maxY - box->minY) + 1;
        // The province's part lying @p cut or further from its extent's centre that way.
        auto partFrom = [&](double cut) {
            const double bx = cx + cut * dx, by = cy + cut * dy; // on the cutting line
            const double fx = cx + reach * dx, fy = cy + reach * dy;
            const double tx = -dy * reach, ty = dx * reach; // along the line
            char wkt[320];
            std::snprintf(wkt, sizeof wkt,
                          "POLYGON((%.17g %.17g,%.17g %.17g,%.17g %.17g,%.17g %.17g,%.17g %.17g))",
                          bx + tx, by + ty, bx - tx, by - ty, fx - tx, fy - ty, fx + tx, fy + ty,
                          bx + tx, by + ty);
            return outline->intersection(gis::Geometry::fromWkt(wkt));
        };
        double lo = -reach, hi = reach; // (the share shrinks as the cut moves out)
        for (int i = 0; i < 40; ++i) {
            const double cut = (lo + hi) / 2;
            if (partFrom(cut).area() / whole > kPart)
                lo = cut;
            else
                hi = cut;
        }
        gis::Geometry region = partFrom((lo + hi) / 2);
        if (region.isEmpty())
            return nullptr;
        Feature f;
        f.kind = "other";
        f.code = "derived:" + key;
        f.name = std::string(side->written);
        geometries.put(f, std::move(region));
        return &derivedRegions.emplace(key, std::move(f)).first->second;
    };
    // The suggestions of task @p taskId from @p taskText: its own words or, with @p heading,
    // those of the heading it stands under, whose named places only count (at 0.8 of their
    // sureness, the evidence saying so).
    bool named = false; // whether the task at hand names a place, a region or a kind
    // Whether a task's words make it training, a policy, communication or a report. (Not a
    // reason to leave out the kind it names: the Thái Nguyên reviewers linked "đào tạo nhân lực
    // cho các khu công nghiệp" to every park.)
    auto nonSpatial = [&](const std::string& taskText) {
        const auto reason = suggestReason(taskText, {}, {}, kinds);
        const std::string_view id = reason.reason ? reason.reason->id : std::string_view();
        return !reason.evidence.empty() &&
               (id == "training" || id == "policy" || id == "communication" || id == "reporting");
    };
    auto suggestFrom = [&](const std::string& taskId, const std::string& taskText, bool heading) {
        const auto places = findPlaces(taskText, province);
        const text::FoldedText folded = text::foldWithOffsets(taskText);
        // (A road's section's ends are read past as a board's names are.)
        auto boards = boardNames(taskText, folded, province);
        for (const auto& span : sectionEnds(taskText, folded))
            boards.push_back(span);
        // Regions, districts and communes the task names: the area its topics are narrowed to.
        struct Area
        {
            const Feature* feature;
            std::string words;             ///< as the task names it
            std::size_t start, end;        ///< the clause it is named in
            std::size_t at = 0, after = 0; ///< where the task names it: [at, after)
            bool ofProvince = false;       ///< named as a province: "tỉnh Hậu Giang (cũ)"
            bool bounds = true; ///< false: of the name, but not in the province named with it
        };
        std::vector<Area> areas;
        // Where the task names @p m outside a board's name.
        auto mentionAt = [&](const PlaceMention& m) {
            return namedOutsideBoards(taskText, folded, boards, m);
        };
        // Where the name of @p m named at @p at ends: a list item's words are its name ("Long
        // Mỹ" of "các huyện Châu Thành, Long Mỹ"), its text the type word's and the name's.
        auto mentionEnd = [&](const PlaceMention& m, std::size_t at) {
            const std::size_t name = m.name.empty() ? std::string::npos : taskText.find(m.name, at);
            return name != std::string::npos ? name + m.name.size() : at + m.text.size();
        };
        // A mention's key, as a region's or a place's is compared.
        auto mentionKey = [&](const PlaceMention& m) {
            return m.type == "region" ? regionKey(m.name, province) : placeKey(m.name, m.type);
        };
        auto keyOf = [&](const PlaceMention& m, const std::string& key, const Feature& f) {
            if (m.type == "region")
                return nameFit(key, f.regionKey);
            // (A one-word name in capitals, a brand: "VSIP", not "SÔNG CÔNG" in a heading.)
            const bool brand =
                m.name.size() >= 3 &&
                std::all_of(
                    m.name.begin(), m.name.end(),
                    [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }) &&
                std::any_of(m.name.begin(), m.name.end(), [](char c) { return c >= 'A'; });
            return std::max(nameFit(key, f.key, brand),
                            f.aliasKey.empty() ? 0.0 : nameFit(key, f.aliasKey, brand));
        };
        // Districts and communes named with their type word that the workspace does not have
        // (misspelt, or of a level it holds no layer for): the clause they are named in.
        struct UnknownArea
        {
            std::string words;      ///< as the task names it
            std::string name;       ///< its name, folded: "tan cuong"
            std::size_t start, end; ///< the clause it is named in
            /// A region named by what it is ("các xã biên giới"), not a unit's name that may be
            /// misspelt
            bool described = false;
        };
        std::vector<UnknownArea> unknownAreas;
        // The mentions that found a feature: a place offered, or a unit that bounds.
        std::set<const PlaceMention*> offering;
        // Whether "(cũ)" follows @p m named at @p at: "thành phố Hải Phòng (cũ)", "tỉnh Quảng
        // Ngãi cũ".
        auto namedOld = [&](const PlaceMention& m, std::size_t at) {
            const std::size_t end = folded.foldedAt(mentionEnd(m, at));
            return oldMarkEnd(taskText, folded, end) != end;
        };
        for (const auto& mention : places) {
            const bool region = mention.type == "region";
            // "thành phố Sông Công" is typed a town, and is a unit of the province too.
            if (!region && mention.type.rfind("admin_", 0) != 0 && mention.type != "urban_centre")
                continue;
            const auto at = mentionAt(mention);
            // (A unit only in a board's name bounds nothing: "Ban Quản lý các KCN tỉnh …".)
            if (at == std::string::npos)
                continue;
            const auto [start, end] = clauseAt(taskText, at);
            const std::string key = mentionKey(mention);
            // The province as it was before it merged, "tỉnh Quảng Ngãi (cũ)", "thành phố Hải
            // Phòng (cũ)": its old polygon.
            const bool ownOld =
                key == ownKey &&
                (mention.type == "admin_province" || (municipal && writtenAsCity(mention.text))) &&
                namedOld(mention, at);
            // The province under another type word ("hệ thống đô thị Thái Nguyên") bounds
            // nothing within it; "thành phố Thái Nguyên" is the city, "thành phố Hải Phòng" the
            // province (a centrally-run city).
            if (key == ownKey && !ownOld && (!writtenAsCity(mention.text) || municipal))
                continue;
            const std::size_t before = areas.size();
            // (Never the province's own polygon, which shares its name with the city; another
            // province's, named as a province, is one merged into it: "tỉnh Hải Dương (cũ)", not
            // "thành phố Hải Dương".)
            const bool province = ownOld || (mention.type == "admin_province" && key != ownKey);
            for (const std::size_t i : index.named(key, region)) // keyOf 1.0: the same name
                if (const auto& f = features[i];
                    province ? f.kind == "admin_province" && (!ownOld || f.ended)
                             : (layers::inGroup(f.kind, "admin") && f.kind != "admin_province") ||
                                   f.kind == "other")
                    areas.push_back(
                        {&f, mention.text, start, end, at, mentionEnd(mention, at), province});
            if (region && areas.size() == before)
                if (const Feature* d = derivedRegion(key))
                    areas.push_back({d, mention.text, start, end, at, mentionEnd(mention, at)});
            // (A town-level unit is its town too: "thị xã Phổ Yên", "thành phố Sông Công"; a
            // district or commune is not: "huyện Cao Lãnh" is no "Cao Lãnh" town.)
            if (const std::string written = text::foldForMatch(mention.text);
                areas.size() > before && !written.starts_with("thi xa ") &&
                !written.starts_with("tx ") && !written.starts_with("thi tran ") &&
                !writtenAsCity(mention.text))
                offering.insert(&mention);
            // (Known though not as a unit, "thị trấn Đu" of a layer of towns, it is no unknown
            // place; it bounds nothing, as a point.)
            const auto& sameName = index.named(key, region);
            if (areas.size() == before &&
                std::none_of(sameName.begin(), sameName.end(),
                             [&](std::size_t i) { return features[i].kind == "urban_centre"; }) &&
                (region || mention.type == "admin_district" || mention.type == "admin_commune"))
                unknownAreas.push_back(
                    {mention.text, text::foldForMatch(mention.name), start, end, region});
        }
        std::set<const Feature*> notNamed; // units named only to say where another lies
        qualifyByProvince(areas, taskText, notNamed);
        auto isArea = [&](const Feature& f) {
            return std::any_of(areas.begin(), areas.end(),
                               [&](const Area& a) { return a.feature == &f; });
        };
        auto topics = heading ? std::vector<TopicMention>{}
                              : findTopics(taskText, kinds, values, province, places, boards);
        // (What the suggester reads past: a board's names, the province itself. "trên địa bàn
        // tỉnh", "toàn tỉnh" name the whole province.)
        if (!heading)
            named = !topics.empty() ||
                    findWords(folded.folded, "tren dia ban tinh") != std::string::npos ||
                    findWords(folded.folded, "toan tinh") != std::string::npos ||
                    std::any_of(places.begin(), places.end(), [&](const PlaceMention& m) {
                        const std::size_t at = mentionAt(m);
                        return at != std::string::npos &&
                               !(placeKey(m.name, m.type) == ownKey && !namedOld(m, at) &&
                                 (!writtenAsCity(m.text) || municipal));
                    });
        for (const auto& mention : places) {
            const std::string key = placeKey(mention.name, mention.type);
            // (Another province, "tỉnh Hải Dương", bounds what is named with it; a task working
            // with it, "phối hợp với tỉnh Kon Tum", is not about its polygon.)
            if (key.empty() || mention.type == "admin_province" ||
                (heading && !offeredUnderHeading(mention)))
                continue;
            // Words of an agency's name ("Ban Quản lý các khu công nghiệp Thái Nguyên"), and the
            // province under another type word ("hệ thống đô thị Thái Nguyên"), name no place;
            // "thành phố Thái Nguyên" does.
            const std::size_t mentionedAt = mentionAt(mention);
            if (mentionedAt == std::string::npos)
                continue;
            if (key == ownKey && (!writtenAsCity(mention.text) || municipal))
                continue;
            // A name without a type word listed after a product says where its zones are
            // ("vùng chè Tân Cương, Đại Từ"): read with the product, no place of its own.
            if (mention.type == "admin_unit" &&
                std::any_of(topics.begin(), topics.end(), [&](const TopicMention& t) {
                    return !t.names.empty() && t.offset <= mentionedAt &&
                           mentionedAt < t.offset + t.text.size();
                }))
                continue;
            // The type word decides: a feature of the kind it names, matched by its whole name,
            // leaves out features of other kinds ("Khu CNTT tập trung Yên Bình" is not "KCN Yên
            // Bình") and those only partly so named ("KCN Yên Bình" is not "KCN Yên Bình 2").
            const bool region = mention.type == "region";
            std::string compared = region ? mentionKey(mention) : key; // (key: placeKey)
            // A road named from its other end: "cao tốc Hải Phòng – Hạ Long" is the workspace's
            // "Hạ Long - Hải Phòng".
            if (!region && index.named(compared, false).empty())
                if (const std::string other = otherWayRound(mention.name); !other.empty())
                    if (std::string k = placeKey(other, mention.type);
                        !index.named(k, false).empty())
                        compared = std::move(k);
            const auto& same = index.named(compared, region);
            const bool sameKind = std::any_of(same.begin(), same.end(), [&](std::size_t i) {
                return features[i].kind == mention.type;
            });
            // Of features so named, those of the kind that fits best: "Vườn quốc gia Bạch Mã" is
            // the forest, not "Khu du lịch Bạch Mã" as well.
            double bestFit = 0;
            for (const std::size_t i : same)
                bestFit = std::max(bestFit, kindFit(mention.type, features[i].kind));
            for (const std::size_t i : index.fitting(compared, region)) {
                const auto& f = features[i];
                const double name = keyOf(mention, compared, f);
                if (name == 0.0 || notNamed.contains(&f) || !sameRoadClass(mention.text, f.name))
                    continue;
                const double fit = kindFit(mention.type, f.kind);
                // A feature of an unrelated kind is no match, however alike the names: "KCN Sông
                // Công" is not the city of Sông Công.
                if ((sameKind && name < 1.0) || fit < bestFit || fit < 0.8)
                    continue;
                // A unit that only bounds the kinds a task acts on is not itself concerned
                // ("các cụm công nghiệp huyện Phú Bình"); a programme region is.
                const auto* kind = layers::findKind(f.kind);
                if (!topics.empty() && (!kind || !kind->programme) && isArea(f))
                    continue;
                const double confidence =
                    std::min(1.0, mention.confidence * name * fit) * (heading ? 0.8 : 1.0);
                if (confidence < 0.3)
                    continue;
                offer({taskId, f.layer, f.code, mention.text, confidence, "place",
                       "“" + mention.text + "”" + (heading ? " (đề mục)" : "") + " → " + f.name});
                offering.insert(&mention);
                // The unit that carries a merged or renamed one on: "huyện Đông Sơn" → the city
                // it was merged into, with the crosswalk's words and date.
                if (!layers::inGroup(f.kind, "admin"))
                    continue;
                const auto [from, to] = successors.equal_range(f.code);
                for (auto it = from; it != to; ++it)
                    for (const std::size_t n : index.withCode(it->second.code))
                        if (const auto& next = features[n]; layers::inGroup(next.kind, "admin"))
                            offer(
                                {taskId, next.layer, next.code, mention.text, confidence * 0.8,
                                 "place-successor",
                                 "“" + mention.text + "” → " + next.name + ": " + f.name +
                                     (it->second.relation == "renamed" ? " đổi tên" : " nhập vào") +
                                     " từ " + vietnameseDate(it->second.date)});
            }
        }
        std::vector<Named> read; // where the reader found each place
        for (const auto& m : places)
            if (const std::size_t at =
                    m.offset != std::string::npos ? m.offset : taskText.find(m.text);
                at != std::string::npos)
                read.push_back({&m, at, mentionEnd(m, at)});
        std::vector<std::size_t> wholeNamesAt; // where whole names were found (bytes)
        if (!heading)
            for (const auto& span :
                 offerWholeNames(taskId, taskText, folded, boards, read, offering, topics)) {
                wholeNamesAt.push_back(span.first);
                named = true;
                // The kind's words that describe the place are no topic: "tôn tạo khu di tích
                // chùa Vĩnh Nghiêm", "phát triển đô thị Bắc Ninh".
                const std::size_t start = span.first;
                // (Names after a product are read with it: "vùng quế Định Hóa, Võ Nhai".)
                std::erase_if(topics, [&](const TopicMention& t) {
                    return t.names.empty() && t.offset <= start &&
                           start <= t.offset + t.text.size() + 1;
                });
            }
        // A topic inside a longer one of its kind is that one's: "các chợ" of "các chợ đầu mối".
        std::erase_if(topics, [&](const TopicMention& t) {
            return std::any_of(topics.begin(), topics.end(), [&](const TopicMention& o) {
                return &o != &t && o.kind == t.kind && o.value == t.value && o.names.empty() &&
                       t.names.empty() && o.text.size() > t.text.size() && o.offset <= t.offset &&
                       t.offset + t.text.size() <= o.offset + o.text.size();
            });
        });
        // A kind after "phục vụ", "gắn với", "kết nối" … is what the thing the task acts on
        // serves or joins, where that thing is named before it: "Trung tâm logistics Chân Mây
        // phục vụ cảng biển và khu công nghiệp", "các trung tâm logistics gắn với cảng biển, khu
        // công nghiệp", "cảng cạn ICD Pleiku kết nối cao tốc và QL19". No topic.
        // (The thing is named in the same clause; a unit or region where the work is done,
        // "tại thành phố Phổ Yên, đào tạo nghề phục vụ các khu công nghiệp", is no such thing.)
        {
            std::vector<std::size_t> objects = wholeNamesAt; // what is named, where (bytes)
            for (const auto& n : read) {
                const std::string_view before =
                    std::string_view(folded.folded).substr(0, folded.foldedAt(n.at));
                if (n.mention->type.rfind("admin_", 0) != 0 && n.mention->type != "region" &&
                    !before.ends_with("tai ") && !before.ends_with(" o ") &&
                    !before.ends_with("tren dia ban ") && !before.ends_with("thuoc "))
                    objects.push_back(n.at);
            }
            for (const auto& t : topics)
                objects.push_back(t.offset);
            std::erase_if(topics, [&](const TopicMention& t) {
                const std::size_t phrase = servedAt(folded, t.offset);
                return phrase != std::string::npos &&
                       std::any_of(objects.begin(), objects.end(), [&](std::size_t at) {
                           return at < phrase && taskText.find_first_of(".;:", at) > phrase;
                       });
            });
        }
        for (const auto& topic : topics) {
            // "… đang xây dựng": those under construction where the kind's features say so, else
            // all that are not built yet.
            const bool underConstruction = topic.status == "under_construction";
            const bool statesConstruction =
                underConstruction &&
                std::any_of(
                    index.ofKind(topic.kind).begin(), index.ofKind(topic.kind).end(),
                    [&](std::size_t i) { return features[i].status == "under_construction"; });
            auto inState = [&](const Feature& f) {
                if (topic.status.empty() || f.status.empty())
                    return true;
                if (statesConstruction)
                    return f.status == "under_construction";
                return layers::isPlannedStatus(f.status) ==
                       (underConstruction || topic.status == "planned");
            };
            std::vector<const Feature*> members;
            for (const std::size_t i : index.ofKind(topic.kind))
                if (const auto& f = features[i]; namedAsTopic(f, topic) &&
                                                 (topic.value.empty() || holdsValue(f, topic)) &&
                                                 inState(f))
                    members.push_back(&f);
            std::string rule = topic.value.empty() ? "theme" : "theme-value";
            double confidence = topic.value.empty() ? 0.6 : 0.7;
            std::string where;
            // Names written after the product ("vùng chè Tân Cương, La Bằng", "vùng quế Định
            // Hóa, Võ Nhai"): the features named after them, else those in the units so named;
            // a name the workspace knows neither way is said, and where it knows none, the
            // product's features are offered less sure.
            bool byName = false;
            if (!topic.names.empty() && !members.empty()) {
                std::set<const Feature*> hit;
                std::string named, in, unknown; // the names found so, quoted
                auto quote = [](std::string& list, const std::string& written) {
                    list += (list.empty() ? "“" : ", “") + written + "”";
                };
                for (const auto& written : topic.names) {
                    const std::string n = text::foldForMatch(written);
                    const std::size_t before = hit.size();
                    for (const auto* f : members)
                        if (findWords(text::foldForMatch(f->name), n) != std::string::npos)
                            hit.insert(f);
                    const bool byItsName = hit.size() > before;
                    bool known = byItsName;
                    if (!known)
                        for (const std::size_t u : index.named(n, false))
                            if (const auto& unit = features[u];
                                layers::inGroup(unit.kind, "admin") &&
                                unit.kind != "admin_province")
                                if (const auto* ug = geometries.get(unit)) {
                                    known = true;
                                    for (const auto* f : members)
                                        if (const auto* g = geometries.get(*f);
                                            g && g->intersects(*ug) &&
                                            (g->area() <= 0 ||
                                             ug->intersection(*g).area() >= 0.25 * g->area()))
                                            hit.insert(f);
                                }
                    quote(byItsName ? named : known ? in : unknown, written);
                }
                if (!hit.empty()) {
                    std::erase_if(members, [&](const Feature* f) { return !hit.contains(f); });
                    byName = true;
                    rule = "theme-area";
                    confidence = 0.65;
                    where = (named.empty() ? "" : " mang tên " + named) +
                            (named.empty() || in.empty() ? "" : ",") +
                            (in.empty() ? "" : " ở " + in);
                } else {
                    confidence = 0.55;
                    if (!in.empty()) { // ("vùng mận tại Mường Khương", none drawn there)
                        const auto* k = layers::findKind(topic.kind);
                        where = "; không có " + text::lowerFirst(k ? k->titleVi : topic.kind) +
                                " nào như vậy ở " + in;
                    }
                }
                if (!unknown.empty())
                    where += "; không gian làm việc không có " + unknown;
            }
            // Narrowed to the regions and units named in the same clause ("hạ tầng khu, cụm
            // công nghiệp khu vực phía Nam của tỉnh").
            std::vector<const Area*> within;
            std::set<std::string> withinWords;
            bool derived = false; // narrowed by a region worked out from the outline only
            for (const auto& a : areas)
                if (!byName && a.bounds && topic.offset >= a.start && topic.offset < a.end) {
                    within.push_back(&a);
                    derived = a.feature->layer.empty() && (derived || within.size() == 1);
                    if (withinWords.insert(a.words).second)
                        where += (where.empty() ? " trong " : ", ") + a.words +
                                 (a.feature->layer.empty()
                                      ? " (không có vùng này trong không gian làm việc: phần " +
                                            a.feature->name + " chiếm 2/5 diện tích tỉnh)"
                                      : "");
                }
            // A unit named in the clause that the workspace does not know: the features named
            // after it are meant ("vùng chè xã Tân Cương" → "Vùng chè đặc sản Tân Cương");
            // without one, which of the kind's features it means is not known, and all of them
            // would be wrong. A product narrows enough to offer what the workspace has of it,
            // saying what it could not narrow by ("vùng sầu riêng ở khu vực phía Tây").
            if (within.empty() && !byName) {
                std::vector<const UnknownArea*> unknown;
                for (const auto& a : unknownAreas)
                    if (topic.offset >= a.start && topic.offset < a.end)
                        unknown.push_back(&a);
                if (!unknown.empty()) {
                    std::vector<const Feature*> named;
                    std::set<std::string> namedBy;
                    for (const auto* f : members)
                        for (const auto* a : unknown)
                            if (!a->name.empty() && findWords(text::foldForMatch(f->name),
                                                              a->name) != std::string::npos) {
                                named.push_back(f);
                                namedBy.insert(a->words);
                                break;
                            }
                    if (!named.empty()) {
                        members = std::move(named);
                        for (const auto& words : namedBy)
                            where += (where.empty() ? " mang tên “" : ", “") + words + "”";
                        rule = "theme-area";
                        confidence = 0.6;
                    } else if (topic.value.empty() &&
                               std::any_of(unknown.begin(), unknown.end(),
                                           [](const UnknownArea* a) { return !a->described; })) {
                        continue;
                    } else if (topic.value.empty()) {
                        // A region named by what it is ("các khu kinh tế cửa khẩu tại các xã
                        // biên giới"): the kind's features, less sure, saying the region is
                        // not known to narrow them.
                        for (const auto* a : unknown)
                            where += (where.empty() ? "; không gian làm việc không có “" : ", “") +
                                     a->words + "”";
                        where += " để thu hẹp";
                        confidence = 0.5;
                    } else {
                        for (const auto* a : unknown)
                            where += (where.empty() ? "; không gian làm việc không có “" : ", “") +
                                     a->words + "”";
                        confidence = 0.55;
                    }
                }
            }
            const bool hadMembers = !members.empty();
            if (!within.empty()) {
                // In the areas: a line or point that meets them; a polygon with a quarter of it
                // inside them or more, not one that only touches them (a zone drawn against a
                // national-scale border leaves slivers across it). Of its part on the
                // province's land, where the province's polygon is known: a lobster farm lies
                // mostly at sea, outside every unit.
                std::erase_if(members, [&](const Feature* f) {
                    const auto* g = geometries.get(*f);
                    if (!g)
                        return true;
                    const double area = g->area();
                    double inside = 0;
                    bool meets = false;
                    for (const Area* a : within)
                        if (const auto* ag = geometries.get(*a->feature);
                            ag && ag->intersects(*g)) {
                            meets = true;
                            if (area > 0)
                                inside += ag->intersection(*g).area();
                        }
                    return !meets || (area > 0 && inside < 0.25 * area &&
                                      inside < 0.25 * landShare(*f, *g, area));
                });
                rule = "theme-area";
                confidence = derived ? 0.55 : 0.65;
            }
            // Nothing of the kind lies in the units the task names ("chỉnh trang đô thị ven biển
            // tại phường Vĩnh Thông", a ward with no urban centre drawn): the task acts in them,
            // and they are its places. So are wards and communes a town's work is named in
            // ("chỉnh trang đô thị phường Trấn Biên, phường Long Bình"): the town spans more than
            // them.
            const bool partsOfTowns =
                layers::inGroup(topic.kind, "urban") && !within.empty() &&
                std::all_of(within.begin(), within.end(), [](const Area* a) {
                    return !a->feature->layer.empty() && a->feature->kind == "admin_commune";
                });
            if (partsOfTowns && !members.empty()) {
                for (const Area* a : within)
                    offer({taskId, a->feature->layer, a->feature->code, a->words, 0.6, "place",
                           "“" + a->words + "” → " + a->feature->name});
                continue;
            }
            if (members.empty() && hadMembers && !within.empty() && !derived) {
                const auto* k = layers::findKind(topic.kind);
                for (const Area* a : within)
                    if (!a->feature->layer.empty() && layers::inGroup(a->feature->kind, "admin"))
                        offer({taskId, a->feature->layer, a->feature->code, a->words, 0.5, "place",
                               "“" + a->words + "” → " + a->feature->name + " (không có " +
                                   text::lowerFirst(k ? k->titleVi : topic.kind) +
                                   " nào trong đó)"});
                continue;
            }
            if (members.empty())
                continue;
            const std::string evidence = "“" + topic.text + "” → " +
                                         countOf(members.size(), topic.kind) +
                                         (topic.status.empty()        ? ""
                                          : topic.status == "planned" ? " theo quy hoạch"
                                          : statesConstruction        ? " đang xây dựng"
                                          : underConstruction         ? " chưa xây dựng xong"
                                                                      : " hiện có") +
                                         where;
            for (const auto* f : members)
                offer({taskId, f->layer, f->code, topic.text, confidence, rule, evidence});
        }
    };
    std::map<std::string, bool> headingNamesPlace; // heading → whether it names a place offered
    for (const auto& row : tasks.rows) {
        const std::string taskId = gis::toString(row[0]);
        suggestFrom(taskId, gis::toString(row[1]), false);
        // An item under a heading that names a place ("8. PHÁT TRIỂN KCN TRÀNG DUỆ" / "a) Mở
        // rộng giai đoạn 3") concerns that place when it names none itself, nor a region or a
        // kind ("các khu công nghiệp khu vực phía Đông" is not the heading's park), and is no
        // training, policy, communication or report, which has no place wherever it stands.
        const std::string heading = gis::toString(row[2]);
        if (named || heading.empty())
            continue;
        // (Many items share a heading, and most headings name no place: the item's reason is
        // read only under one that does.)
        auto [namesPlace, fresh] = headingNamesPlace.try_emplace(heading, false);
        if (fresh)
            for (const auto& m : findPlaces(heading, province))
                namesPlace->second = namesPlace->second || offeredUnderHeading(m);
        if (namesPlace->second && !nonSpatial(gis::toString(row[1])))
            suggestFrom(taskId, heading, true);
    }
    inTransaction(ws, [&] {
        // The tasks locked, as an accept or a link edit locks them: a planner accepting a
        // pending suggestion meanwhile either finishes first (the pair is then kept as accepted)
        // or waits and is told that it was replaced. Links made since the read above are not
        // suggested.
        std::vector<std::string> taskIds;
        for (const auto& row : tasks.rows)
            taskIds.push_back(gis::toString(row[0]));
        lockTasks(ws, taskIds, std::nullopt);
        for (const auto& l : listLinks(ws))
            best.erase(l.taskId + "|" + l.layer + "|" + l.featureCode);
        // A pending suggestion offered again keeps its id, so that a list read before stays
        // good; one no longer offered goes.
        std::vector<gis::FieldValue> scope;
        std::string inScope;
        if (!docId.empty()) {
            inScope = " AND task_id IN (SELECT task_id FROM plan_tasks WHERE doc_id = ?)";
            scope.emplace_back(docId);
        }
        std::vector<std::int64_t> gone;
        for (const auto& row : ws.dataset()
                                   .run("SELECT fid, task_id, layer_name, feature_code FROM "
                                        "plan_link_suggestions WHERE status = 'pending'" +
                                            inScope,
                                        scope)
                                   .rows)
            if (!best.contains(gis::toString(row[1]) + "|" + gis::toString(row[2]) + "|" +
                               gis::toString(row[3])))
                gone.push_back(std::stoll(gis::toString(row[0])));
        std::sort(gone.begin(), gone.end());
        for (std::size_t i = 0; i < gone.size(); i += 500) {
            std::string list;
            for (std::size_t j = i; j < std::min(gone.size(), i + 500); ++j)
                list += (j > i ? "," : "") + std::to_string(gone[j]);
            ws.dataset().execute("DELETE FROM plan_link_suggestions WHERE fid IN (" + list + ")");
        }
        for (const auto& [id, c] : best) {
            std::ostringstream conf;
            conf.precision(4);
            conf << c.confidence;
            // A rejected or accepted pair keeps its status and what it was decided on. The
            // confidence is stored as it was (4 significant digits).
            ws.dataset().run(
                "INSERT INTO plan_link_suggestions (task_id, layer_name, feature_code, "
                "mention, confidence, status, rule, evidence) VALUES (?, ?, ?, ?, ?, 'pending', "
                "?, ?) ON CONFLICT (task_id, layer_name, feature_code) DO UPDATE SET mention = "
                "excluded.mention, confidence = excluded.confidence, rule = excluded.rule, "
                "evidence = excluded.evidence WHERE plan_link_suggestions.status = 'pending'",
                {c.task, c.layer, c.code, c.mention, std::stod(conf.str()), c.rule, c.evidence});
        }
        ws.logEdit({"suggest",
                    {},
                    {},
                    {},
                    std::to_string(best.size()) + " suggestion(s) made" +
                        (docId.empty() ? std::string() : " for document " + docId) +
                        (gone.empty() ? std::string() : std::string(kDropped) + idRuns(gone))});
    });
    auto out = listSuggestions(ws, "pending");
    if (!docId.empty()) { // the document's, not those pending for the workspace's other ones
        std::set<std::string> ofDoc;
        for (const auto& row : tasks.rows)
            ofDoc.insert(gis::toString(row[0]));
        std::erase_if(out, [&](const LinkSuggestion& s) { return !ofDoc.contains(s.taskId); });
    }
    return out;
}

std::vector<LinkSuggestion> suggestionsById(layers::Workspace& ws,
                                            const std::vector<std::int64_t>& ids)
{
    std::map<std::int64_t, LinkSuggestion> all;
    for (auto& s : listSuggestions(ws))
        all.emplace(s.id, std::move(s));
    std::vector<LinkSuggestion> chosen;
    std::set<std::int64_t> seen;
    for (auto id : ids) {
        if (!seen.insert(id).second) // named twice, decided once
            continue;
        const auto s = all.find(id);
        if (s == all.end())
            suggestionNotThere(ws, id);
        chosen.push_back(s->second);
    }
    return chosen;
}

std::int64_t acceptSuggestions(layers::Workspace& ws, const std::vector<std::int64_t>& ids,
                               double minConfidence)
{
    if (ids.empty() && !(minConfidence >= 0.0 && minConfidence <= 1.0))
        throw layers::ParameterError(
            "min_confidence", QT_TRANSLATE_NOOP("pa::layers", "must be a number between 0 and 1"));
    std::vector<LinkSuggestion> chosen;
    if (ids.empty()) {
        for (const auto& s : listSuggestions(ws, "pending"))
            if (s.confidence >= minConfidence)
                chosen.push_back(s);
    } else {
        // Named by id: one accepted already stays as it is. One rejected is not overturned by
        // an accept, which may come from a list read before someone rejected it: reset first.
        // (A reject does overturn an accept: it takes away a link someone doubts, where an
        // accept would write one someone refused.)
        chosen = suggestionsById(ws, ids);
        std::erase_if(chosen, [](const LinkSuggestion& s) { return s.status == "accepted"; });
        for (const auto& s : chosen)
            if (s.status == "rejected") {
                const auto last = lastEditOn(ws, s.taskId, s.featureCode);
                throw layers::ConflictError(
                    "suggestion " + std::to_string(s.id) + " (task '" + s.taskId + "' → " +
                        s.featureCode + ") was rejected" +
                        (last.empty() ? std::string() : " (" + describe(last) + ")") +
                        ". Nothing was written: to accept it, make it pending again first "
                        "('planatlas link WS reset " +
                        std::to_string(s.id) + "')",
                    layers::ConflictError::Reason::Changed, s.taskId, last);
            }
    }
    return inTransaction(ws, [&] {
        lockTasks(ws, tasksOf(chosen), std::nullopt);
        if (ids.empty()) // "all pending ones above X": those decided meanwhile are no longer so
            std::erase_if(chosen, [&](const LinkSuggestion& s) {
                const auto now =
                    ws.dataset()
                        .run("SELECT status FROM plan_link_suggestions WHERE fid = ?", {s.id})
                        .rows;
                return now.empty() || gis::toString(now[0][0]) != "pending";
            });
        else
            checkStillAsSeen(ws, chosen);
        std::int64_t written = 0;
        for (const auto& s : chosen) {
            const auto [layer, fid] = featureOfSuggestion(ws, s);
            writeLink(ws, layer, fid, taskFid(ws, s.taskId), "gazetteer", s.confidence);
            ws.dataset().execute(
                "UPDATE plan_link_suggestions SET status = 'accepted' WHERE fid = " +
                std::to_string(s.id));
            ws.logEdit({"suggestion_accept", s.taskId, layer.name, s.featureCode,
                        "suggestion " + std::to_string(s.id) + " (" + s.rule + ")"});
            ++written;
        }
        return written;
    });
}

std::int64_t rejectSuggestions(layers::Workspace& ws, const std::vector<std::int64_t>& ids)
{
    auto chosen = suggestionsById(ws, ids);
    std::erase_if(chosen, [](const LinkSuggestion& s) { return s.status == "rejected"; });
    return inTransaction(ws, [&] {
        lockTasks(ws, tasksOf(chosen), std::nullopt);
        checkStillAsSeen(ws, chosen);
        std::int64_t n = 0;
        for (const auto& s : chosen) {
            // A suggestion accepted before: the reviewer changed their mind, and the link the
            // acceptance wrote goes with it (as removing the link by hand rejects it).
            if (s.status == "accepted")
                removeAcceptedLink(ws, s);
            ws.dataset().execute(
                "UPDATE plan_link_suggestions SET status = 'rejected' WHERE fid = " +
                std::to_string(s.id));
            ws.logEdit({"suggestion_reject", s.taskId, s.layer, s.featureCode,
                        "suggestion " + std::to_string(s.id) + " (" + s.rule + ")"});
            ++n;
        }
        return n;
    });
}

std::int64_t resetSuggestions(layers::Workspace& ws, const std::vector<std::int64_t>& ids)
{
    auto chosen = suggestionsById(ws, ids); // (one pending already is left as it is)
    std::erase_if(chosen, [](const LinkSuggestion& s) { return s.status == "pending"; });
    return inTransaction(ws, [&] {
        lockTasks(ws, tasksOf(chosen), std::nullopt);
        checkStillAsSeen(ws, chosen);
        std::int64_t reset = 0;
        for (const auto& s : chosen) {
            if (s.status == "accepted")
                removeAcceptedLink(ws, s);
            ws.dataset().execute(
                "UPDATE plan_link_suggestions SET status = 'pending' WHERE fid = " +
                std::to_string(s.id));
            ws.logEdit({"suggestion_reset", s.taskId, s.layer, s.featureCode,
                        "suggestion " + std::to_string(s.id) + " was " + s.status});
            ++reset;
        }
        return reset;
    });
}

bool addLink(layers::Workspace& ws, const std::string& taskId, const std::string& featureCode,
             std::optional<std::int64_t> basis)
{
    const std::string task = taskFid(ws, taskId);
    const auto [layer, fid] = findFeature(ws, featureCode);
    return inTransaction(ws, [&, &layer = layer, &fid = fid] {
        lockTasks(ws, {taskId}, basis);
        if (linkExists(ws, layer, fid, task))
            return false;
        writeLink(ws, layer, fid, task, "manual", 1.0);
        // The pair's pending suggestion, if any, is settled by the link, as a removal by hand
        // rejects it.
        ws.dataset().run(
            "UPDATE plan_link_suggestions SET status = 'accepted' WHERE task_id = ? AND "
            "layer_name = ? AND feature_code = ? AND status = 'pending'",
            {taskId, layer.name, featureCode});
        ws.logEdit({"link_add", taskId, layer.name, featureCode, "by hand"});
        return true;
    });
}

bool removeLink(layers::Workspace& ws, const std::string& taskId, const std::string& featureCode,
                std::optional<std::int64_t> basis)
{
    const std::string task = taskFid(ws, taskId);
    const auto [layer, fid] = findFeature(ws, featureCode);
    return inTransaction(ws, [&, &layer = layer, &fid = fid] {
        lockTasks(ws, {taskId}, basis);
        if (!linkExists(ws, layer, fid, task))
            return false;
        ws.dataset().execute("DELETE FROM " + sqlIdentifier(layer.linkTable) +
                             " WHERE base_id = " + fid + " AND related_id = " + task);
        ws.dataset().run(
            "UPDATE plan_link_suggestions SET status = 'rejected' WHERE task_id = ? AND "
            "layer_name = ? AND feature_code = ?",
            {taskId, layer.name, featureCode});
        ws.logEdit({"link_remove", taskId, layer.name, featureCode, "by hand"});
        return true;
    });
}

std::vector<Link> listLinks(layers::Workspace& ws, const std::string& taskId,
                            const std::string& featureCode)
{
    std::vector<Link> links;
    for (const auto& layer : ws.layers()) {
        auto table = ws.dataset().layerByName(layer.name);
        if (layer.linkTable.empty() || !table || table->fieldIndex("code") < 0)
            continue;
        std::string sql = "SELECT t.task_id, f.code, f.name_vi, l.link_source, l.confidence, "
                          "t.doc_id, t.ordinal FROM " +
                          sqlIdentifier(layer.linkTable) +
                          " l JOIN plan_tasks t ON t.fid = l.related_id JOIN " +
                          sqlIdentifier(layer.name) + " f ON f.fid = l.base_id WHERE 1 = 1";
        std::vector<gis::FieldValue> values;
        if (!taskId.empty()) {
            sql += " AND t.task_id = ?";
            values.emplace_back(taskId);
        }
        if (!featureCode.empty()) {
            sql += " AND f.code = ?";
            values.emplace_back(featureCode);
        }
        for (const auto& row : ws.dataset().run(sql, values).rows) {
            Link l{gis::toString(row[0]), layer.name, gis::toString(row[1]), gis::toString(row[2]),
                   gis::toString(row[3]), {}};
            if (const auto* d = std::get_if<double>(&row[4]))
                l.confidence = *d;
            links.push_back(std::move(l));
        }
    }
    std::sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
        return std::tie(a.taskId, a.layer, a.featureCode) <
               std::tie(b.taskId, b.layer, b.featureCode);
    });
    return links;
}

ReviewResult applyReview(layers::Workspace& ws, const std::string& csvPath)
{
    auto csv = layers::openCsvTable(csvPath);
    auto table = csv.layer(0);
    const int taskColumn = table.fieldIndex("task_id"),
              featuresColumn = table.fieldIndex("features"),
              reasonColumn = table.fieldIndex("reason"),
              basisColumn = table.fieldIndex("last_edit"); // optional: the edit the reviewer saw
    if (taskColumn < 0 || featuresColumn < 0 || reasonColumn < 0)
        throw Error(ErrorKind::Input, csvPath + ": needs the columns task_id, features and reason");

    struct Row
    {
        int line;
        std::string task, taskFid, reason;
        std::vector<std::pair<layers::RegisteredLayer, std::string>> features; // layer, fid
        std::vector<std::string> codes;
        std::optional<std::int64_t> basis;
    };
    std::vector<Row> rows;
    std::set<std::string> seen;
    int line = 1;
    while (auto f = table.next()) {
        ++line;
        const std::string where = csvPath + ", line " + std::to_string(line) + ": ";
        Row row{line, text::toNfc(gis::toString(f->value(taskColumn))),
                {},   text::toNfc(gis::toString(f->value(reasonColumn))),
                {},   {},
                {}};
        if (row.task.empty())
            throw Error(ErrorKind::Input, where + "empty task_id");
        if (!seen.insert(row.task).second)
            throw Error(ErrorKind::Input,
                        where + "task '" + row.task + "' is reviewed twice in the file");
        try {
            row.taskFid = taskFid(ws, row.task);
        } catch (const Error&) {
            throw Error(ErrorKind::Input, where + "no task '" + row.task + "' in the workspace");
        }
        std::string list = gis::toString(f->value(featuresColumn));
        std::replace(list.begin(), list.end(), ',', ';');
        std::istringstream codes(list);
        for (std::string code; std::getline(codes, code, ';');) {
            code.erase(0, code.find_first_not_of(" \t"));
            code.erase(code.find_last_not_of(" \t") + 1);
            if (code.empty())
                continue;
            try {
                row.features.push_back(findFeature(ws, code));
            } catch (const Error& e) { // none, or more than one
                throw Error(ErrorKind::Input, where + e.what());
            }
            row.codes.push_back(code);
        }
        if (row.features.empty() && row.reason.empty())
            throw Error(ErrorKind::Input,
                        where + "task '" + row.task +
                            "' has neither features nor a reason for having no place");
        if (basisColumn >= 0) {
            const std::string basis = gis::toString(f->value(basisColumn));
            if (!basis.empty()) {
                std::size_t used = 0;
                try {
                    row.basis = std::stoll(basis, &used);
                } catch (const std::exception&) {
                    used = 0;
                }
                if (used != basis.size() || *row.basis < 0)
                    throw Error(ErrorKind::Input,
                                where + "last_edit '" + basis +
                                    "' is not an edit number (a whole number, or empty)");
            }
        }
        rows.push_back(std::move(row));
    }

    const std::string file = std::filesystem::path(csvPath).filename().string();
    return inTransaction(ws, [&] {
        // The tasks locked first, so that the suggestions read next are the ones decided on.
        for (const auto& row : rows)
            lockTasks(ws, {row.task}, row.basis);
        std::map<std::string, LinkSuggestion> pending; // task|code → suggestion
        for (auto& sg : listSuggestions(ws, "pending"))
            pending.emplace(sg.taskId + "|" + sg.featureCode, sg);
        ReviewResult result;
        for (const auto& row : rows) {
            const std::string source = "review " + file + ", line " + std::to_string(row.line);
            ++result.tasks;
            std::set<std::string> kept;
            for (std::size_t i = 0; i < row.features.size(); ++i) {
                const auto& [layer, fid] = row.features[i];
                const auto it = pending.find(row.task + "|" + row.codes[i]);
                if (it != pending.end()) {
                    writeLink(ws, layer, fid, row.taskFid, "gazetteer", it->second.confidence);
                    ws.dataset().execute(
                        "UPDATE plan_link_suggestions SET status = 'accepted' WHERE fid = " +
                        std::to_string(it->second.id));
                    ws.logEdit({"suggestion_accept", row.task, layer.name, row.codes[i], source});
                    ++result.accepted;
                } else {
                    if (!linkExists(ws, layer, fid, row.taskFid)) {
                        writeLink(ws, layer, fid, row.taskFid, "manual", 1.0);
                        ws.logEdit({"link_add", row.task, layer.name, row.codes[i], source});
                    }
                    ++result.manual;
                }
                kept.insert(row.codes[i]);
            }
            // (The task's pending suggestions stand together, their keys sorted.)
            const std::string prefix = row.task + "|";
            for (auto it = pending.lower_bound(prefix);
                 it != pending.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
                if (const auto& sg = it->second;
                    sg.taskId == row.task && !kept.contains(sg.featureCode)) {
                    ws.dataset().execute(
                        "UPDATE plan_link_suggestions SET status = 'rejected' WHERE fid = " +
                        std::to_string(sg.id));
                    ws.logEdit({"suggestion_reject", row.task, sg.layer, sg.featureCode, source});
                    ++result.rejected;
                }
            ws.dataset().run("DELETE FROM plan_unlocated WHERE task_id = ?", {row.task});
            if (row.features.empty()) {
                ws.dataset().run("INSERT INTO plan_unlocated (task_id, reason, reviewed_at) "
                                 "VALUES (?, ?, " +
                                     ws.nowSql() + ")",
                                 {row.task, row.reason});
                ws.logEdit({"unlocated_set", row.task, {}, {}, row.reason + " (" + source + ")"});
                ++result.unlocated;
            }
        }
        return result;
    });
}

std::vector<UnlocatedTask> listUnlocated(layers::Workspace& ws)
{
    std::vector<UnlocatedTask> out;
    if (ws.schemaVersion() < layers::kSchemaPlanReview)
        return out;
    for (const auto& row :
         ws.dataset()
             .execute("SELECT u.task_id, u.reason FROM plan_unlocated u JOIN plan_tasks t "
                      "ON t.task_id = u.task_id ORDER BY t.doc_id, t.ordinal")
             .rows)
        out.push_back({gis::toString(row[0]), gis::toString(row[1])});
    return out;
}

namespace {

/// The reviewed reasons of each document, read from the workspace when first asked for.
class ReviewedByDocument
{
public:
    explicit ReviewedByDocument(layers::Workspace& ws) : m_ws(ws) {}
    const ReviewedReasons& of(const std::string& docId)
    {
        auto it = m_read.find(docId);
        if (it == m_read.end())
            it = m_read.emplace(docId, reviewedReasons(m_ws, docId)).first;
        return it->second;
    }

private:
    layers::Workspace& m_ws;
    std::map<std::string, ReviewedReasons> m_read;
};

} // namespace

ReviewedReasons reviewedReasons(layers::Workspace& ws, const std::string& docId)
{
    ReviewedReasons out;
    if (ws.schemaVersion() < layers::kSchemaPlanReview)
        return out;
    for (const auto& row :
         ws.dataset()
             .run("SELECT u.task_id, u.reason, t.text FROM plan_unlocated u JOIN plan_tasks t "
                  "ON t.task_id = u.task_id WHERE t.doc_id = ? ORDER BY t.ordinal",
                  {docId})
             .rows)
        if (const auto* reason = ReviewedReasons::classOf(gis::toString(row[1])))
            out.add(gis::toString(row[0]), gis::toString(row[2]), *reason);
    return out;
}

namespace {
/// The kinds of the workspace's layers.
std::set<std::string> kindsOf(layers::Workspace& ws)
{
    std::set<std::string> kinds;
    for (const auto& layer : ws.layers())
        kinds.insert(layer.kind);
    return kinds;
}
} // namespace

std::int64_t recordUnlocated(layers::Workspace& ws, const std::vector<std::string>& taskIds,
                             const std::string& reason)
{
    std::vector<UnlocatedTask> tasks;
    for (const auto& task : taskIds)
        tasks.push_back({task, reason});
    return recordUnlocated(ws, tasks);
}

std::int64_t recordUnlocated(layers::Workspace& ws, const std::vector<UnlocatedTask>& tasks)
{
    if (ws.schemaVersion() < layers::kSchemaPlanReview)
        throw Error(
            ErrorKind::Usage,
            {QT_TRANSLATE_NOOP("pa::layers", "the workspace '%1' is of schema 1 and was opened "
                                             "read-only: open it for writing once to upgrade it"),
             {ws.path()}});
    std::vector<std::pair<std::string, std::string>> rows;
    std::vector<std::string> taskIds;
    ReviewedByDocument reviewed(ws);
    for (const auto& [task, reason] : tasks) {
        taskIds.push_back(task);
        const auto found =
            ws.dataset().run("SELECT text, doc_id FROM plan_tasks WHERE task_id = ?", {task}).rows;
        if (found.empty())
            taskFid(ws, task); // throws, naming the task
        if (!reason.empty()) {
            rows.emplace_back(task, reason);
            continue;
        }
        const auto suggested =
            suggestReason(gis::toString(found.front()[0]),
                          reviewed.of(gis::toString(found.front()[1])), task, kindsOf(ws));
        if (!suggested.reason)
            throw Error(ErrorKind::Usage,
                        {QT_TRANSLATE_NOOP("pa::layers", "task '%1' has no words to suggest a "
                                                         "reason from: give its reason"),
                         {task}},
                        "planatlas link WS unlocated TASK --reason TEXT");
        rows.emplace_back(task, std::string(suggested.reason->titleVi));
    }
    return inTransaction(ws, [&] {
        lockTasks(ws, taskIds, std::nullopt);
        for (const auto& [task, why] : rows) {
            // The log says which reason it replaces, if any.
            const auto was = ws.dataset()
                                 .run("SELECT reason FROM plan_unlocated WHERE task_id = ?", {task})
                                 .rows;
            const std::string before = was.empty() ? std::string() : gis::toString(was[0][0]);
            ws.dataset().run("DELETE FROM plan_unlocated WHERE task_id = ?", {task});
            ws.dataset().run("INSERT INTO plan_unlocated (task_id, reason, reviewed_at) VALUES "
                             "(?, ?, " +
                                 ws.nowSql() + ")",
                             {task, why});
            ws.logEdit({"unlocated_set",
                        task,
                        {},
                        {},
                        was.empty() || before == why ? why : why + " (was: " + before + ")"});
            ws.dataset().run("UPDATE plan_link_suggestions SET status = 'rejected' WHERE task_id "
                             "= ? AND status = 'pending'",
                             {task});
        }
        return static_cast<std::int64_t>(rows.size());
    });
}

std::int64_t forgetUnlocated(layers::Workspace& ws, const std::vector<std::string>& taskIds)
{
    if (ws.schemaVersion() < layers::kSchemaPlanReview)
        return 0;
    return inTransaction(ws, [&] {
        lockTasks(ws, taskIds, std::nullopt);
        std::int64_t n = 0;
        for (const auto& task : taskIds) {
            const auto was = ws.dataset()
                                 .run("SELECT reason FROM plan_unlocated WHERE task_id = ?", {task})
                                 .rows;
            if (was.empty())
                continue;
            ws.dataset().run("DELETE FROM plan_unlocated WHERE task_id = ?", {task});
            // The log keeps the reason taken back.
            ws.logEdit({"unlocated_forget", task, {}, {}, "was: " + gis::toString(was[0][0])});
            ++n;
        }
        return n;
    });
}

std::string resolveTaskId(layers::Workspace& ws, const std::string& given)
{
    if (!ws.dataset().run("SELECT 1 FROM plan_tasks WHERE task_id = ?", {given}).rows.empty())
        return given;
    const std::string folded = text::foldForMatch(given);
    std::vector<std::string> same;
    for (const auto& row : ws.dataset().execute("SELECT task_id FROM plan_tasks").rows)
        if (std::string id = gis::toString(row[0]); text::foldForMatch(id) == folded)
            same.push_back(std::move(id));
    if (same.size() == 1)
        return same.front();
    noSuchTask(ws, given); // none, or several alike ("Điều 1" and "Điêu 1"): named
}

std::vector<ReasonProposal> proposeReasons(layers::Workspace& ws, const std::string& docId)
{
    std::set<std::string> placed;
    for (const auto& l : listLinks(ws))
        placed.insert(l.taskId);
    for (const auto& u : listUnlocated(ws))
        placed.insert(u.taskId);
    // The tasks the suggester offered anything (taken or not; a pending one places the task),
    // and the documents it was run on: of those, a task offered nothing names no place the
    // workspace holds. (The task ids only: listing the suggestions would read every feature's
    // name.)
    std::set<std::string> offered, suggestedDocs;
    for (const auto& row :
         ws.dataset()
             .execute("SELECT DISTINCT s.task_id, t.doc_id, "
                      "CASE WHEN s.status = 'pending' THEN 1 ELSE 0 END "
                      "FROM plan_link_suggestions s JOIN plan_tasks t ON t.task_id = s.task_id")
             .rows) {
        offered.insert(gis::toString(row[0]));
        suggestedDocs.insert(gis::toString(row[1]));
        if (gis::toString(row[2]) == "1")
            placed.insert(gis::toString(row[0]));
    }
    ReviewedByDocument reviewed(ws);
    const auto kinds = kindsOf(ws);
    const std::string province = ws.province();
    std::vector<ReasonProposal> out;
    for (const auto& row : ws.dataset()
                               .run("SELECT task_id, text, doc_id FROM plan_tasks" +
                                        std::string(docId.empty() ? "" : " WHERE doc_id = ?") +
                                        " ORDER BY doc_id, ordinal",
                                    docId.empty() ? std::vector<gis::FieldValue>{}
                                                  : std::vector<gis::FieldValue>{docId})
                               .rows) {
        ReasonProposal p{gis::toString(row[0]), gis::toString(row[1]), {}};
        if (placed.contains(p.taskId))
            continue;
        const std::string doc = gis::toString(row[2]);
        p.suggestion = suggestReason(p.text, reviewed.of(doc), p.taskId, kinds, province,
                                     suggestedDocs.contains(doc) && !offered.contains(p.taskId));
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace pa::plan
