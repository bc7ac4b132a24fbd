#include "Agencies_p.h"
#include "Places_p.h"
#include "Topics_p.h"
#include "Words_p.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Text.h"

#include <algorithm>
#include <cctype>

namespace pa::plan {

namespace {

/// Names of one product in the north and in the south, folded: the second is the one values
/// are compared as.
struct SameProduct
{
    std::string_view other, same; ///< folded
    std::string_view written;     ///< @c other in lower case with its diacritics
};
constexpr SameProduct kSameProducts[] = {
    {"cay an trai", "cay an qua", "cây ăn trái"},
    {"trai cay", "cay an qua", "trái cây"},
    {"hoa qua", "cay an qua", "hoa quả"},
    {"tieu", "ho tieu", "tiêu"},     // (one word: only where a product's stands, headOfProduct)
    {"khoai mi", "san", "khoai mì"}, // cassava: "sắn" in the north
};

/// Products named by their class ("vùng cây ăn quả", "vùng nuôi trồng thủy sản"), with the
/// products each holds, in lower case with their diacritics: a zone of "xoài" or "nhãn, bưởi"
/// is one of fruit trees.
struct ProductClass
{
    std::string_view name;
    std::initializer_list<std::string_view> members;
};
const ProductClass kProductClasses[] = {
    {"cây ăn quả",
     {"na",        "nhãn",      "bưởi",  "vải",       "xoài", "cam",    "quýt",      "chanh",
      "chanh leo", "chanh dây", "chuối", "dứa",       "khóm", "thơm",   "sầu riêng", "thanh long",
      "chôm chôm", "măng cụt",  "mít",   "ổi",        "mận",  "mơ",     "đào",       "lê",
      "hồng",      "hồng xiêm", "táo",   "nho",       "bơ",   "vú sữa", "mãng cầu",  "thanh trà",
      "lựu",       "bòn bon",   "dừa",   "cây có múi"}},
    {"cây có múi", {"cam", "quýt", "bưởi", "chanh"}},
    {"cây công nghiệp",
     {"cà phê", "hồ tiêu", "tiêu", "cao su", "điều", "hạt điều", "chè", "trà", "mía", "ca cao",
      "dâu tằm", "dừa", "mắc ca"}},
    {"thủy sản",
     {"tôm", "tôm hùm", "cá", "cá tra", "cá basa", "cá rô phi", "cá chép", "nghêu", "ngao", "sò",
      "hàu", "cua", "ốc hương", "cá nước lạnh", "rong biển"}},
    {"chăn nuôi",
     {"lợn", "heo", "gà", "vịt", "ngan", "ngỗng", "bò", "trâu", "dê", "cừu", "thịt", "trứng",
      "sữa"}},
    {"dược liệu",
     {"sâm", "quế", "hồi", "đinh lăng", "ba kích", "atiso", "tam thất", "sa nhân", "thảo quả",
      "hà thủ ô"}},
};

/// Position after the @p n-th word after @p from (words end at spaces and punctuation marks
/// other than '-'), or the end of the clause (',' ';' '.' ':') if it comes first.
std::size_t clauseWindow(const std::string& folded, std::size_t from, int n)
{
    std::size_t p = from;
    for (int w = 0; w < n && p < folded.size(); ++w) {
        while (p < folded.size() && folded[p] == ' ')
            ++p;
        if (p < folded.size() && (folded[p] == ',' || folded[p] == ';' || folded[p] == '.' ||
                                  folded[p] == ':' || folded[p] == '('))
            return p;
        while (p < folded.size() && folded[p] != ' ' && folded[p] != ',' && folded[p] != ';' &&
               folded[p] != ':' && folded[p] != '(')
            ++p;
    }
    return p;
}

/// Whether the words before @p p in @p F (folded) make what is named at @p p a subject: of laws,
/// in a list right after "luật về" / "quy định về" ("pháp luật về xây dựng, nhà ở, phát triển đô
/// thị") or within 60 letters after it ("ban hành quy định về hỗ trợ đầu tư hạ tầng các cụm
/// công nghiệp": a policy, not the clusters); of conformity, closing "phù hợp (của …) với"; of
/// an orientation named as an object ("mục tiêu, định hướng phát triển đô thị", "theo định
/// hướng …", not the opening verb).
bool subjectMatter(const std::string& F, std::size_t p)
{
    const std::size_t stop = F.find_last_of(";.:(", p);
    const std::size_t from = stop == std::string::npos ? 0 : stop + 1;
    const std::string_view span = std::string_view(F).substr(from, p - from);
    for (std::string_view law : {"luat ve ", "quy dinh ve "})
        if (const std::size_t at = span.rfind(law); at != std::string_view::npos) {
            // Items of at most three words, each closed by "," or "và".
            const std::string_view items = span.substr(at + law.size());
            bool list = items.empty() || items.ends_with(", ") || items.ends_with(" va ");
            std::size_t words = 0;
            for (std::size_t i = 0; list && i < items.size(); ++i)
                if (items[i] == ',' || items.compare(i, 4, " va ") == 0)
                    words = 0;
                else if (items[i] == ' ' && i > 0 && items[i - 1] != ',' && ++words > 3)
                    list = false;
            if (list || span.size() - at <= 60)
                return true;
        }
    if (span.ends_with("voi "))
        if (const std::size_t fit = span.rfind("phu hop");
            fit != std::string_view::npos && span.find(',', fit) == std::string_view::npos)
            return true;
    // An occupation's field: "đào tạo, bồi dưỡng cán bộ làm công tác quản lý khu công nghiệp",
    // "bồi dưỡng công chức quản lý nhà nước về đô thị" (the people trained, not the parks).
    // (An article may stand before the kind: "quản lý các khu công nghiệp"; the staff are named
    // in the same phrase, after its last comma: "cán bộ, công chức quản lý …".)
    std::string_view field = span;
    for (std::string_view article : {"cac ", "nhung "})
        if (field.ends_with(article))
            field.remove_suffix(article.size());
    const std::size_t comma = field.rfind(',');
    const std::string_view phrase =
        comma == std::string_view::npos ? field : field.substr(comma + 1);
    for (std::string_view words : {"quan ly ", "quan ly nha nuoc ve ", "quan ly nha nuoc doi voi "})
        if (field.ends_with(words))
            for (std::string_view who : {"can bo ", "cong chuc ", "vien chuc ", "doi ngu "})
                if (phrase.find(who) != std::string_view::npos)
                    return true;
    if (span.ends_with("dinh huong ")) {
        std::string_view before = span.substr(0, span.size() - 11);
        while (!before.empty() && before.back() == ' ')
            before.remove_suffix(1);
        for (std::string_view w : {",", " theo", " va", " cua", " voi"})
            if (before.ends_with(w))
                return true;
    }
    return false;
}

/// Whether the kind named at @p p of @p f's folded text (of @p text) is what something becomes:
/// right after "thành" (an article between), written so where the text keeps diacritics, which
/// is not the end of a verb that makes or completes ("hình thành", "hoàn thành", "tạo thành");
/// in lower case unless the text is in @p capitals.
bool becomes(const std::string& text, const text::FoldedText& f, std::size_t p, bool accented,
             bool capitals)
{
    const std::string& F = f.folded;
    std::size_t q = p;
    for (std::string_view article : {"cac ", "nhung ", "mot "})
        if (q >= article.size() && F.compare(q - article.size(), article.size(), article) == 0) {
            q -= article.size();
            break;
        }
    // (In lower case: "Long Thành", "Châu Thành" end names.)
    if (q < 6 || F.compare(q - 6, 6, "thanh ") != 0 || (q > 6 && wordChar(F[q - 7])) ||
        !writtenAt(text, f, q - 6, 5, "thành", accented) ||
        (capitalOrDigitAt(text, f.origin[q - 6]) && !capitals))
        return false;
    for (std::string_view verb : {"hinh ", "hoan ", "tao ", "cau ", "ket "})
        if (q >= 6 + verb.size() && F.compare(q - 6 - verb.size(), verb.size(), verb) == 0 &&
            (q == 6 + verb.size() || !wordChar(F[q - 7 - verb.size()])))
            return false;
    return true;
}

/// Words that may follow a product named in general ("vùng vải tập trung", "vùng sâm ở …"),
/// folded; another word makes another product ("cà chua" is no "cà phê").
constexpr std::string_view kAfterProduct[] = {
    "xa",        "huyen",      "phuong",  "thi xa", "thi tran",  "thanh pho",
    "tinh",      "khu vuc",    "vung",    "tai",    "tap trung", "o",
    "tren",      "cua",        "va",      "theo",   "gan",       "quy mo",
    "hang hoa",  "chat luong", "dac san", "huu co", "an toan",   "xuat khau",
    "cong nghe", "ung dung",   "voi",     "nham",   "dat",       "dam bao"};

/// Whether the product whose folded words end at @p end of @p F ends there: the clause ends,
/// or one of kAfterProduct follows ("cà chua" is no "cà").
bool productEndsAt(const std::string& F, std::size_t end)
{
    while (end < F.size() && F[end] == ' ')
        ++end;
    return end >= F.size() || !wordChar(F[end]) ||
           std::any_of(std::begin(kAfterProduct), std::end(kAfterProduct),
                       [&](std::string_view w) { return wordsAt(F, end, w); });
}

/// Whether the word at @p q of @p f's folded text (of @p text) names a product in general by
/// the first word of one (@p written, in lower case: "vải" of "vải thiều"): right after the
/// topic's words (which end at @p topicEnd: "vùng nguyên liệu cho thanh niên" is no "thanh
/// long"), written alike with its diacritics ("tập trung" is no "trứng"), in lower case
/// unless the text is in capitals ("Thanh Bình" is a name), and the product's last word:
/// what follows ends the clause or is one of kAfterProduct ("cà chua" is no "cà phê", "hồ Núi
/// Cốc" no "hồ tiêu", "cam kết" no "cam sành").
bool headOfProduct(const std::string& text, const text::FoldedText& f, std::size_t q,
                   std::size_t topicEnd, std::string_view written, bool accented, bool capitals)
{
    const std::string& F = f.folded;
    const std::size_t first = std::min(F.find_first_not_of(' ', topicEnd), F.size());
    const std::size_t length = text::foldForMatch(written).size();
    if (q != first || !writtenAt(text, f, q, length, written, accented) ||
        (!capitals && capitalOrDigitAt(text, f.origin[q])))
        return false;
    return productEndsAt(F, q + length);
}

/// A product named as a further item of a list, at @p q of @p f's folded text (of @p text):
/// "cây ăn quả" in "vùng chè, cây ăn quả", "táo" in "vùng nho, táo", "cá" in "nuôi tôm và cá".
/// Of the kind's @p values (folded → as written): a value, another name of one
/// (kSameProducts), the first word of one ("vải" of "vải thiều"), or a product of a class
/// that some value holds ("gà" of "thịt gà"); in lower case unless the text is in @p capitals,
/// written alike where both the text (@p accented) and the values (@p valuesAccented) keep
/// diacritics, and ending there. The longest; an empty value for none.
struct ListedProduct
{
    std::string value;        ///< folded, as TopicMention::value
    std::size_t length = 0;   ///< of its folded words at @p q
    bool partOfValue = false; ///< as TopicMention::partOfValue
    bool asWritten = true;    ///< TopicMention::valueWritten is the words as written
};
ListedProduct listedProductAt(const std::string& text, const text::FoldedText& f, std::size_t q,
                              const std::map<std::string, std::string>& values, bool accented,
                              bool valuesAccented, bool capitals)
{
    const std::string& F = f.folded;
    ListedProduct best;
    if (q >= F.size() || (!capitals && capitalOrDigitAt(text, f.origin[q])))
        return best;
    const auto consider = [&](const std::string& value, std::string_view words,
                              std::string_view written, bool asWritten) {
        if (words.size() <= best.length || !wordsAt(F, q, words) ||
            !productEndsAt(F, q + words.size()) ||
            (!written.empty() && !writtenAt(text, f, q, words.size(), written, accented)))
            return;
        best = {value, words.size(), false, asWritten};
    };
    for (const auto& [v, asWritten] : values) {
        consider(v, v,
                 accented && valuesAccented && text::foldForMatch(asWritten) == v
                     ? std::string_view(asWritten)
                     : std::string_view(),
                 true);
        for (const auto& same : kSameProducts)
            if (v == same.same)
                consider(v, same.other, same.written, false);
        const std::size_t space = v.find(' ');
        const std::size_t writtenSpace = asWritten.find(' ');
        if (space != std::string::npos && writtenSpace != std::string::npos) {
            const std::string head = v.substr(0, space);
            if (head != "cay" && head != "con" && head != "cao" && head.size() > 1 &&
                !values.contains(head))
                consider(head, head, std::string_view(asWritten).substr(0, writtenSpace), true);
        }
    }
    if (best.value.empty())
        if (const std::string member = classMemberAt(text, f, q, accented);
            !member.empty() && productEndsAt(F, q + member.size()) &&
            std::any_of(values.begin(), values.end(), [&](const auto& v) {
                return findWords(v.first, member) != std::string::npos;
            }))
            best = {member, member.size(), true, true};
    return best;
}

} // namespace

std::vector<std::string_view> productClassesOf(const std::string& written)
{
    // The longest member the product begins with decides, by its letters ("cà phê" is no
    // "cá"), and by its diacritics where the product has them ("cà rốt" is no "cá", "bơ" no
    // "bò").
    const std::string folded = text::foldForMatch(written);
    const bool accented = hasDiacritics(written);
    struct Match
    {
        std::string_view name;
        bool asWritten;
    };
    std::vector<Match> matches;
    std::size_t longest = 0;
    for (const auto& c : kProductClasses)
        for (const std::string_view member : c.members) {
            const std::string m = text::foldForMatch(member);
            if (!(folded == m || folded.starts_with(m + " ")) || m.size() < longest)
                continue;
            if (m.size() > longest)
                matches.clear();
            longest = m.size();
            const std::string w(member);
            matches.push_back({c.name, written == w || written.starts_with(w + " ")});
        }
    std::vector<std::string_view> out;
    for (const auto& m : matches)
        if ((!accented || m.asWritten) && std::find(out.begin(), out.end(), m.name) == out.end())
            out.push_back(m.name);
    return out;
}

std::string classMemberAt(const std::string& text, const text::FoldedText& f, std::size_t q,
                          bool accented)
{
    std::string longest;
    for (const auto& c : kProductClasses)
        for (const std::string_view member : c.members)
            if (const std::string m = text::foldForMatch(member);
                m.size() > longest.size() && wordsAt(f.folded, q, m) &&
                writtenAt(text, f, q, m.size(), member, accented))
                longest = m;
    return longest;
}

bool isProductClass(std::string_view folded)
{
    static const std::set<std::string, std::less<>> classes = [] {
        std::set<std::string, std::less<>> out;
        for (const auto& c : kProductClasses)
            out.insert(text::foldForMatch(c.name));
        return out;
    }();
    return classes.contains(folded);
}

std::string_view productAsCompared(std::string_view folded)
{
    for (const auto& s : kSameProducts)
        if (folded == s.other)
            return s.same;
    return folded;
}

namespace {

/// @p before without the plural word that ends it ("… thành lập các " → "… thành lập ").
std::string_view withoutCount(std::string_view before)
{
    for (std::string_view w : {" cac ", " nhung "})
        if (before.ends_with(w))
            return before.substr(0, before.size() - w.size() + 1);
    return before;
}

/// The state of the features a topic names, said right after it (with its diacritics where
/// the text has them): "các khu công nghiệp đã đi vào hoạt động" are existing ones, "… đang
/// quy hoạch", "… chưa có nhà đầu tư" planned ones. ("đã quy hoạch" says neither: a park
/// planned may be built.)
std::string_view statusAfter(const std::string& text, const text::FoldedText& f, std::size_t q,
                             bool accented)
{
    struct Said
    {
        std::string_view written, status;
    };
    static constexpr Said kSaid[] = {{"đã đi vào hoạt động", "existing"},
                                     {"đang hoạt động", "existing"},
                                     {"đã hoạt động", "existing"},
                                     {"hiện có", "existing"},
                                     {"hiện hữu", "existing"},
                                     {"đã được thành lập", "existing"},
                                     {"đã thành lập", "existing"},
                                     {"đang quy hoạch", "planned"},
                                     {"chưa có nhà đầu tư", "planned"},
                                     {"chưa đầu tư", "planned"},
                                     {"chưa triển khai", "planned"},
                                     {"chưa thành lập", "planned"},
                                     {"dự kiến thành lập", "planned"},
                                     {"đang xây dựng", "under_construction"},
                                     {"đang đầu tư xây dựng", "under_construction"},
                                     {"đang triển khai xây dựng", "under_construction"},
                                     {"quy hoạch mới", "planned"}};
    if (q == std::string::npos || q >= f.folded.size())
        return {};
    for (const auto& s : kSaid) {
        const std::string folded = text::foldForMatch(s.written);
        if (wordsAt(f.folded, q, folded) &&
            writtenAt(text, f, q, folded.size(), s.written, accented))
            return s.status;
    }
    return {};
}

/// Whether the kind's words at @p p of @p F are counted or gathered: "các tuyến quốc lộ", "hệ
/// thống quốc lộ", "mạng lưới đường tỉnh", or listed after such words ("các tuyến cao tốc, quốc
/// lộ").
bool gathered(const std::string& F, std::size_t p)
{
    std::size_t q = p;
    if (q >= 6 && F.compare(q - 6, 6, "tuyen ") == 0)
        q -= 6;
    // ("ngã ba quốc lộ" is a junction, not three roads.)
    if (pluralBefore(F, q) && !(q >= 7 && F.compare(q - 7, 7, "nga ba ") == 0))
        return true;
    for (const std::string_view w : {"he thong ", "mang luoi "})
        if (q >= w.size() && F.compare(q - w.size(), w.size(), w) == 0)
            return true;
    const std::size_t from = q >= 40 ? q - 40 : 0;
    const std::string_view before = std::string_view(F).substr(from, q - from);
    // (A further item of a list of kinds counted: "các tuyến cao tốc, quốc lộ", "tại các vườn
    // quốc gia, khu bảo tồn".)
    return (before.ends_with(", ") || before.ends_with(" va ")) &&
           (before.find("cac ") != std::string_view::npos ||
            before.find("he thong ") != std::string_view::npos);
}

} // namespace

std::vector<TopicMention>
findTopics(const std::string& text, const std::set<std::string>& kinds,
           const std::map<std::string, std::map<std::string, std::string>>& values,
           const std::string& province, const std::vector<PlaceMention>& places,
           const std::vector<std::pair<std::size_t, std::size_t>>& boards)
{
    std::vector<TopicMention> found;
    const text::FoldedText f = text::foldWithOffsets(text);
    const std::string& F = f.folded;
    const std::string own = text::foldForMatch(province);
    // In text written in capitals throughout, a capital says nothing of a name.
    const bool capitals = inCapitals(text);
    const bool accented = hasDiacritics(text);
    for (const auto& kind : layers::layerKinds()) {
        if (kind.topics.empty() || !kinds.contains(std::string(kind.id)))
            continue;
        // Longer phrases first, so that the evidence quotes the fullest words.
        std::vector<const layers::Topic*> topics;
        for (const auto& t : kind.topics)
            topics.push_back(&t);
        std::stable_sort(topics.begin(), topics.end(), [](const auto* a, const auto* b) {
            return a->phrase.size() > b->phrase.size();
        });
        const auto kindValues = values.find(std::string(kind.id));
        // Whether the layers write the kind's values with diacritics. (Their own values, not
        // the classes the vocabulary adds with diacritics.)
        const bool valuesAccented =
            kindValues != values.end() &&
            std::any_of(kindValues->second.begin(), kindValues->second.end(), [](const auto& v) {
                return !isProductClass(v.first) && hasDiacritics(v.second);
            });
        std::vector<std::pair<std::size_t, TopicMention>> mentions; // with their positions
        for (const auto* topic : topics) {
            const std::string phrase = text::foldForMatch(topic->phrase);
            for (std::size_t p = findWords(F, phrase); p != std::string::npos;
                 p = findWords(F, phrase, p + 1)) {
                const std::size_t end = p + phrase.size();
                // (A word alone is written alike where the text keeps diacritics: "chợ" is no
                // "cho", for.)
                if (phrase.find(' ') == std::string::npos &&
                    !writtenAt(text, f, p, phrase.size(), topic->phrase, accented))
                    continue;
                const std::size_t back = p >= 20 ? p - 20 : 0;
                if (inAgencyName(std::string_view(F).substr(back, p - back)) ||
                    withinAny(boards, f.origin[p]))
                    continue;
                // What must not become the kind is not it: "không chuyển đổi rừng phòng hộ
                // sang khu công nghiệp" (the forest is the task's place, not the parks).
                if ((p >= 5 && F.compare(p - 5, 5, "sang ") == 0) ||
                    (p >= 6 && F.compare(p - 6, 6, "thanh ") == 0)) {
                    const std::size_t clause = F.find_last_of(",;.:", p);
                    const std::size_t from = clause == std::string::npos ? 0 : clause + 1;
                    const std::size_t no = findWords(F, "khong chuyen", from);
                    if (no < p && writtenAt(text, f, no, 5, "không", accented))
                        continue;
                }
                // A law's subject is no place: "Luật Quy hoạch đô thị", "pháp luật về quy hoạch
                // đô thị".
                if ((p >= 5 && F.compare(p - 5, 5, "luat ") == 0) ||
                    (p >= 8 && F.compare(p - 8, 8, "luat ve ") == 0))
                    continue;
                // Nor one listed after it ("pháp luật về xây dựng, nhà ở, phát triển đô thị"),
                // what a project is to conform with ("sự phù hợp của dự án với quy hoạch đô
                // thị") or an orientation ("mục tiêu, định hướng phát triển đô thị").
                if (subjectMatter(F, p))
                    continue;
                // What something named becomes is no place: "phát triển Khu du lịch Bửu Long
                // thành điểm du lịch quốc gia", "đưa Hoàng Mai trở thành các đô thị động lực"
                // (not "hình thành", "hoàn thành", "tạo thành" the kind: those act on it).
                if (becomes(text, f, p, accented, capitals))
                    continue;
                if (topic->countedOnly && !gathered(F, p))
                    continue;
                // A proper name after it makes a named place ("KCN Yên Bình"), unless it is
                // the province ("hệ thống đô thị Thái Nguyên").
                std::size_t next = end;
                while (next < F.size() && F[next] == ' ')
                    ++next;
                // "khu du lịch sinh thái Tam Đảo", "Khu kinh tế cửa khẩu quốc tế Bờ Y": a name
                // after words that qualify the kind; "khu công nghiệp phía Đông Dung Quất" one
                // that begins with a direction (after "các" the kind in that part: "các khu công
                // nghiệp phía Nam Thái Nguyên").
                const bool counted = pluralBefore(F, p);
                bool qualified = false, direction = false;
                if (!capitals) {
                    const std::size_t at = nameStart(text, f, next, kind.id, accented, counted);
                    qualified = at != next;
                    next = at;
                    const std::size_t d =
                        counted || next >= F.size() ? 0 : directionLength(text, f, next, accented);
                    direction =
                        d > 0 && (qualified || !onlyTheProvince(text, f, next + d + 1, own));
                }
                // "các khu công nghiệp: Yên Bình, Điềm Thụy", "… (Yên Bình, Điềm Thụy)": a list
                // of names.
                std::size_t listed = next;
                if (listed < F.size() && (F[listed] == ':' || F[listed] == '(')) {
                    ++listed;
                    while (listed < F.size() && F[listed] == ' ')
                        ++listed;
                }
                if (!capitals && listed > next && capitalOrDigitAt(text, f.origin[listed]))
                    continue;
                // (The reader gives a name once: a second "KCN YÊN BÌNH" is found by its words.)
                if (capitals &&
                    std::any_of(places.begin(), places.end(), [&](const PlaceMention& m) {
                        const std::string name = text::foldForMatch(m.name);
                        // (The province names no place of its kind: "HỆ THỐNG ĐÔ THỊ HÀ TĨNH".)
                        if (kindFit(m.type, kind.id) < 0.8 ||
                            (!own.empty() && name.rfind(own, 0) == 0 &&
                             (name.size() == own.size() ||
                              (name[own.size()] == ' ' && name.compare(own.size(), 2, " -") != 0))))
                            return false;
                        return m.offset == f.origin[p] ||
                               (!name.empty() && findWords(F, name, next) == next);
                    }))
                    continue;
                if (!capitals && next > end &&
                    (capitalOrDigitAt(text, f.origin[next]) || direction)) {
                    if (!onlyTheProvince(text, f, next, own))
                        continue;
                }
                TopicMention m;
                m.kind = std::string(kind.id);
                for (const std::string_view w : topic->namedAs)
                    m.namedAs.push_back(text::foldForMatch(w));
                m.namedAnywhere = topic->namedAnywhere;
                // Narrowed by a value written within the next words: "vùng chè", "vùng trồng
                // cây ăn quả", "vùng sản xuất chè tập trung".
                std::size_t valueAt = std::string::npos, valueEnd = 0;
                // (A product wins over its class: "vùng chăn nuôi lợn" is of pigs.)
                bool valueIsClass = false;
                if (kindValues != values.end()) {
                    const std::size_t window = clauseWindow(F, end, 4);
                    const std::size_t firstAfter = F.find_first_not_of(' ', end); // its next word
                    // A verb's product ("phát triển hồ tiêu", "nuôi tôm", "tái canh cà phê")
                    // stands right after it (or after "cây", "nghề" …), in lower case, and ends
                    // there: not "phát triển đô thị Cam Ranh", "theo cam kết", "trong điều kiện".
                    const bool verb = topic->needsValue && !phrase.starts_with("vung");

                    // (From the phrase on: "rừng đặc dụng" is the forest of that type.) The
                    // first value written, the longest there: "thịt lợn", not "thịt".
                    const auto take = [&](const std::string& value, std::string_view words,
                                          std::size_t from, std::string_view written = {},
                                          bool asWritten = true, std::string_view exact = {}) {
                        auto q = findWords(F, words, from);
                        if (q == std::string::npos)
                            return;
                        if (verb) {
                            std::size_t at = firstAfter;
                            // (Or after words that say what of it: "nghề muối", "mô hình tôm -
                            // lúa", "sản xuất chè", "chuỗi giá trị chuối" — whose "chuỗi" is
                            // no "chuối".)
                            for (const std::string_view of :
                                 {"cay ", "con ", "nghe ", "mo hinh ", "san xuat ", "san pham ",
                                  "chuoi gia tri "})
                                if (at != std::string::npos && F.compare(at, of.size(), of) == 0 &&
                                    wordsAt(F, at + of.size(), words)) {
                                    q = at = at + of.size();
                                    break;
                                }
                            if (q != at || (!capitals && capitalOrDigitAt(text, f.origin[q])))
                                return;
                            // (A class is described on: "cây ăn quả có múi", "cây công nghiệp
                            // dài ngày", "thủy sản bằng lồng bè".)
                            if (!isProductClass(value) && !productEndsAt(F, q + words.size()))
                                return;
                        }
                        // (Written alike, where both the task and the layer keep diacritics:
                        // "vùng cấm" is no "cam".)
                        if (!exact.empty() && !writtenAt(text, f, q, words.size(), exact, true))
                            return;
                        const bool aClass = isProductClass(value);
                        // (A class only as the topic's own words or right after them: not
                        // "khoanh vùng dịch bệnh chăn nuôi".)
                        // (Nor the topic's own words, but in a zone's: "vùng chăn nuôi" names
                        // livestock zones, "dịch bệnh chăn nuôi" none.)
                        if (aClass && q < end && !phrase.starts_with("vung "))
                            return;
                        if (aClass && q >= end && q != firstAfter &&
                            !(q >= 4 &&
                              (F.compare(q - 4, 4, "cay ") == 0 ||
                               F.compare(q - 4, 4, "con ") == 0) &&
                              q - 4 == firstAfter))
                            return;
                        if (q < window &&
                            (written.empty() ||
                             headOfProduct(text, f, q, end, written, accented, capitals)) &&
                            (valueAt == std::string::npos || aClass == valueIsClass
                                 ? q < valueAt || (q == valueAt && q + words.size() > valueEnd)
                                 : valueIsClass)) {
                            valueIsClass = aClass;
                            valueAt = q;
                            valueEnd = q + words.size();
                            m.value = value;
                            m.valueWritten =
                                asWritten ? lowerCase(text.substr(f.origin[q],
                                                                  f.origin[valueEnd] - f.origin[q]))
                                          : std::string();
                        }
                    };
                    for (const auto& [v, asWritten] : kindValues->second) {
                        // (As the layer writes it, where that is the value's own words: not
                        // "tiêu" for "hồ tiêu", "cây ăn trái" for "cây ăn quả".)
                        take(v, v, p, {}, true,
                             accented && valuesAccented && text::foldForMatch(asWritten) == v
                                 ? std::string_view(asWritten)
                                 : std::string_view());
                        for (const auto& same : kSameProducts)
                            if (v == same.same) {
                                const bool word = same.other.find(' ') == std::string_view::npos;
                                take(v, std::string(same.other), word ? end : p,
                                     word ? same.written : std::string_view(), false);
                            }
                        // A product in general holds its kinds: "vùng vải" the "vải thiều",
                        // "vùng sâm" the "sâm Ngọc Linh" (not "cây" or "con", which say
                        // nothing; headOfProduct).
                        const std::size_t space = v.find(' ');
                        const std::size_t writtenSpace = asWritten.find(' ');
                        if (space != std::string::npos && writtenSpace != std::string::npos) {
                            const std::string head = v.substr(0, space);
                            // (Nor "cao" of "cao su": "vùng cao" is the highlands.)
                            if (head != "cay" && head != "con" && head != "cao" &&
                                head.size() > 1 && !kindValues->second.contains(head))
                                take(head, head, end, asWritten.substr(0, writtenSpace));
                        }
                    }
                }
                // A product of a class named after the topic or the class, "vùng chăn nuôi gà":
                // the features whose product holds it ("thịt gà, trứng gà"). Where none does,
                // the class still stands: the Thái Nguyên reviewers linked a task naming one
                // animal to the livestock zones it had.
                if (kindValues != values.end() && (m.value.empty() || valueIsClass)) {
                    const std::size_t q = F.find_first_not_of(
                        ' ', valueAt == std::string::npos ? end : std::max(end, valueEnd));
                    const std::string member = q == std::string::npos
                                                   ? std::string()
                                                   : classMemberAt(text, f, q, accented);
                    // (Several, "vùng chăn nuôi lợn, gà": the class holds them.)
                    std::size_t next = q + member.size();
                    while (next < F.size() && (F[next] == ' ' || F[next] == ','))
                        ++next;
                    if (wordsAt(F, next, "va"))
                        next = F.find_first_not_of(' ', next + 2);
                    const bool several = !member.empty() && next != std::string::npos &&
                                         next < F.size() &&
                                         !classMemberAt(text, f, next, accented).empty();
                    if (!member.empty() && !several &&
                        std::any_of(kindValues->second.begin(), kindValues->second.end(),
                                    [&](const auto& v) {
                                        return findWords(v.first, member) != std::string::npos;
                                    })) {
                        m.value = member;
                        m.valueWritten = lowerCase(
                            text.substr(f.origin[q], f.origin[q + member.size()] - f.origin[q]));
                        m.partOfValue = true;
                        valueEnd = q + member.size();
                    }
                }
                if (topic->needsValue && m.value.empty())
                    continue;
                if (const auto q = findWords(F, "moi", end);
                    q < end + 5 && F.find_first_not_of(' ', end) == q &&
                    writtenAt(text, f, q, 3, "mới", accented))
                    m.status = "planned"; // "các cụm công nghiệp mới", not "mỗi", "mọi", "môi"
                else if (withoutCount(std::string_view(F).substr(0, p)).ends_with("mo rong "))
                    m.status = "existing"; // "mở rộng (các) khu công nghiệp"
                else if (const std::string_view before =
                             withoutCount(std::string_view(F).substr(0, p));
                         (before.ends_with(" thanh lap ") || before == "thanh lap " ||
                          before.ends_with("thanh lap moi ") ||
                          before.ends_with("xay dung moi ")) &&
                         !before.ends_with("da thanh lap ") &&
                         !before.ends_with("duoc thanh lap ") &&
                         !before.ends_with("quyet dinh thanh lap ") &&
                         !before.ends_with(", xay dung moi ") &&
                         !before.ends_with(" va xay dung moi "))
                    // (Not "quyết định thành lập các khu công nghiệp", nor one verb of several:
                    // "cải tạo, nâng cấp, xây dựng mới các chợ đầu mối".)
                    m.status = "planned"; // "thành lập mới các cụm công nghiệp"
                else if (const std::string_view said =
                             statusAfter(text, f,
                                         F.find_first_not_of(
                                             ' ', m.value.empty() ? end : std::max(end, valueEnd)),
                                         accented);
                         !said.empty())
                    m.status = std::string(said); // "các khu công nghiệp đã đi vào hoạt động"
                // A class followed by its products in brackets, a word or two on ("cây ăn quả
                // ôn đới (mận, lê)", "cây ăn quả (cam, bưởi)"): those products, each a mention.
                std::vector<TopicMention> items;
                if (kindValues != values.end() && isProductClass(m.value)) {
                    std::size_t w = std::min(F.find_first_not_of(' ', valueEnd), F.size());
                    for (int words = 0; words < 3 && w < F.size() && wordChar(F[w]); ++words) {
                        while (w < F.size() && wordChar(F[w]))
                            ++w;
                        w = std::min(F.find_first_not_of(' ', w), F.size());
                    }
                    std::vector<std::pair<ListedProduct, std::size_t>> listed; // with where
                    // (Or after a colon: "các vùng cây ăn quả: xoài, sầu riêng".)
                    const bool colon = w < F.size() && F[w] == ':';
                    std::size_t q = w < F.size() && (F[w] == '(' || colon)
                                        ? std::min(F.find_first_not_of(' ', w + 1), F.size())
                                        : F.size();
                    while (q < F.size()) {
                        const ListedProduct item = listedProductAt(
                            text, f, q, kindValues->second, accented, valuesAccented, capitals);
                        // (A product the layers have no zone of is passed over: "lê".)
                        const std::size_t length = item.value.empty()
                                                       ? classMemberAt(text, f, q, accented).size()
                                                       : item.length;
                        if (length == 0)
                            break;
                        if (!item.value.empty())
                            listed.emplace_back(item, q);
                        q = std::min(F.find_first_not_of(' ', q + length), F.size());
                        if (q < F.size() && F[q] == ',')
                            q = std::min(F.find_first_not_of(' ', q + 1), F.size());
                        else if (wordsAt(F, q, "va"))
                            q = std::min(F.find_first_not_of(' ', q + 2), F.size());
                        else
                            break;
                    }
                    if (!listed.empty() && (colon || (q < F.size() && F[q] == ')'))) {
                        for (const auto& [item, at] : listed) {
                            TopicMention product = m;
                            product.value = item.value;
                            product.partOfValue = item.partOfValue;
                            product.valueWritten =
                                item.asWritten
                                    ? lowerCase(text.substr(
                                          f.origin[at], f.origin[at + item.length] - f.origin[at]))
                                    : std::string();
                            items.push_back(std::move(product));
                        }
                        m = items.front();
                        items.erase(items.begin());
                        valueEnd = colon ? q : q + 1;
                    }
                }
                // Names written after the value ("vùng chè Tân Cương, La Bằng", "vùng quế Định
                // Hóa và Võ Nhai"): capitalised words, listed with commas or "và"; not the
                // province's own name, nor a type word's mention ("vùng chè xã Tân Cương").
                // Or after "tại", "ở" a few words on in the clause ("vùng quế tại Văn Yên",
                // "vùng dược liệu dưới tán rừng tại Sa Pa").
                std::size_t namesEnd = 0;
                std::size_t namesFrom = std::min(F.find_first_not_of(' ', valueEnd), F.size());
                if (!m.value.empty() && namesFrom < F.size() &&
                    !capitalOrDigitAt(text, f.origin[namesFrom])) {
                    std::size_t w = namesFrom;
                    for (int words = 0; words < 6 && w < F.size() && wordChar(F[w]); ++words) {
                        // (Brackets are read past: "cây ăn quả ôn đới (mận, lê) tại Bắc Hà".)
                        if ((wordsAt(F, w, "tai") && writtenAt(text, f, w, 3, "tại", accented)) ||
                            (wordsAt(F, w, "o") && writtenAt(text, f, w, 1, "ở", accented))) {
                            namesFrom =
                                std::min(F.find_first_not_of(' ', F.find(' ', w)), F.size());
                            break;
                        }
                        while (w < F.size() && wordChar(F[w]))
                            ++w;
                        if (w < F.size() && F[w] != ' ')
                            break; // (the clause ends)
                        ++w;
                        if (w < F.size() && F[w] == '(')
                            if (const std::size_t close = F.find(')', w);
                                close != std::string::npos)
                                w = std::min(F.find_first_not_of(' ', close + 1), F.size());
                    }
                }
                if (!m.value.empty() && !capitals) {
                    for (std::size_t q = namesFrom;
                         q < F.size() && capitalOrDigitAt(text, f.origin[q]) &&
                         !std::isdigit(static_cast<unsigned char>(F[q])) &&
                         !onlyTheProvince(text, f, q, own) &&
                         std::none_of(places.begin(), places.end(), [&](const PlaceMention& pm) {
                             return pm.type != "admin_unit" && pm.offset == f.origin[q];
                         });) {
                        std::size_t e = q;
                        while (e < F.size() && wordChar(F[e])) {
                            while (e < F.size() && wordChar(F[e]))
                                ++e;
                            const std::size_t w = e < F.size() && F[e] == ' ' ? e + 1 : e;
                            if (w == e || w >= F.size() || !capitalOrDigitAt(text, f.origin[w]))
                                break;
                            e = w;
                        }
                        // (Not a label or a variety: "VietGAP", "OCOP", a capital inside a
                        // word; "chè Shan tuyết", one word going on in lower case.)
                        const std::string written =
                            text.substr(f.origin[q], f.origin[e] - f.origin[q]);
                        bool label = false;
                        for (std::size_t c = 1; c < written.size(); ++c)
                            label =
                                label || (written[c - 1] != ' ' && written[c] != ' ' &&
                                          capitalOrDigitAt(written, c) &&
                                          (static_cast<unsigned char>(written[c]) & 0xC0) != 0x80);
                        const std::size_t after = std::min(F.find_first_not_of(' ', e), F.size());
                        if (label || (written.find(' ') == std::string::npos && after < F.size() &&
                                      after > e && wordChar(F[after]) && !wordsAt(F, after, "va")))
                            break;
                        if (m.names.empty())
                            m.namesAt = f.origin[q];
                        m.names.push_back(text.substr(f.origin[q], f.origin[e] - f.origin[q]));
                        namesEnd = e;
                        std::size_t next = e;
                        while (next < F.size() && F[next] == ' ')
                            ++next;
                        if (next < F.size() && F[next] == ',')
                            ++next;
                        else if (!wordsAt(F, next, "va"))
                            break;
                        next = std::min(F.find_first_not_of(' ', next), F.size());
                        if (wordsAt(F, next, "va"))
                            next = std::min(F.find_first_not_of(' ', next + 2), F.size());
                        q = next;
                    }
                }
                // "các khu, cụm công nghiệp" as written, with its article.
                std::size_t from = p;
                for (std::string_view article : {"cac ", "nhung ", "moi "})
                    if (p >= article.size() &&
                        F.compare(p - article.size(), article.size(), article) == 0)
                        from = p - article.size();
                std::size_t to = end;
                if (!m.value.empty())
                    to = std::max({end, valueEnd, namesEnd});
                m.text = text.substr(f.origin[from], f.origin[to] - f.origin[from]);
                m.offset = f.origin[from];
                for (auto& product : items) { // (the bracketed ones: the same words, names)
                    product.text = m.text;
                    product.offset = m.offset;
                    product.status = m.status;
                    product.names = m.names;
                    product.namesAt = m.namesAt;
                }
                // Further products listed after the first, each a mention of its own: "vùng
                // chè, cây ăn quả", "vùng nho, táo", "nuôi tôm và cá".
                if (kindValues != values.end() && !m.value.empty() && m.names.empty() &&
                    items.empty()) {
                    for (std::size_t q = to;;) {
                        q = std::min(F.find_first_not_of(' ', q), F.size());
                        if (q < F.size() && F[q] == ',')
                            q = std::min(F.find_first_not_of(' ', q + 1), F.size());
                        else if (!wordsAt(F, q, "va"))
                            break;
                        if (wordsAt(F, q, "va"))
                            q = std::min(F.find_first_not_of(' ', q + 2), F.size());
                        ListedProduct item = listedProductAt(text, f, q, kindValues->second,
                                                             accented, valuesAccented, capitals);
                        // (Each with its head word again: "cây điều, cây ca cao, cây bơ".)
                        for (std::string_view head : {"cay ", "con "})
                            if (item.value.empty() && F.compare(q, head.size(), head) == 0)
                                if (ListedProduct after = listedProductAt(
                                        text, f, q + head.size(), kindValues->second, accented,
                                        valuesAccented, capitals);
                                    !after.value.empty()) {
                                    q += head.size();
                                    item = std::move(after);
                                }
                        if (item.value.empty())
                            break;
                        TopicMention next = m;
                        next.value = item.value;
                        next.partOfValue = item.partOfValue;
                        next.valueWritten =
                            item.asWritten
                                ? lowerCase(text.substr(f.origin[q],
                                                        f.origin[q + item.length] - f.origin[q]))
                                : std::string();
                        q += item.length;
                        next.text = text.substr(f.origin[from], f.origin[q] - f.origin[from]);
                        items.push_back(std::move(next));
                    }
                }
                mentions.emplace_back(p, std::move(m));
                for (auto& item : items)
                    mentions.emplace_back(p, std::move(item));
            }
        }
        // The kind in general (any mention without a value) concerns all its features: the
        // first such mention stands for them, one for each class and state it is named in ("các
        // tuyến đường tỉnh, quốc lộ"; "các khu công nghiệp hiện có và … các khu công nghiệp
        // mới"). Otherwise one mention per value, in text order.
        std::stable_sort(mentions.begin(), mentions.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::set<std::pair<std::vector<std::string>, std::string>> generalSeen;
        for (auto& entry : mentions)
            if (entry.second.value.empty() &&
                generalSeen.insert({entry.second.namedAs, entry.second.status}).second)
                found.push_back(entry.second);
        if (!generalSeen.empty())
            continue;
        std::set<std::string> seen;
        for (auto& [at, m] : mentions)
            if (seen.insert(m.value).second)
                found.push_back(std::move(m));
    }
    return found;
}

} // namespace pa::plan
