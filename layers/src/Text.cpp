#include "planatlas/layers/Text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <vector>

namespace pa::text {

namespace {

const icu::Normalizer2& nfcNormalizer()
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || !n)
        throw std::runtime_error("ICU NFC normaliser unavailable");
    return *n;
}

const icu::Normalizer2& nfdNormalizer()
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || !n)
        throw std::runtime_error("ICU NFD normaliser unavailable");
    return *n;
}

std::string normalise(const icu::UnicodeString& text, const icu::Normalizer2& normalizer)
{
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString result = normalizer.normalize(text, status);
    if (U_FAILURE(status))
        throw std::runtime_error("Unicode normalisation failed");
    std::string out;
    result.toUTF8String(out);
    return out;
}

// TCVN3 (VN3 / ABC) bytes 0xA1..0xFE. Zero marks a byte with no Vietnamese letter.
// Upper-case letters with tone marks have no code in VN3 (the ".VnTimeH" fonts draw the
// lower-case codes as capitals), so only the seven toneless capitals appear here.
constexpr std::array<char16_t, 94> kTcvn3High = {
    /* A1 */ u'Ă', u'Â', u'Ê', u'Ô', u'Ơ', u'Ư', u'Đ', u'ă',
    u'â',          u'ê', u'ô', u'ơ', u'ư', u'đ',
    /* AF */ 0,
    /* B0 */ 0,    0,    0,    0,    0,    u'à', u'ả', u'ã',
    u'á',          u'ạ', 0,    u'ằ', u'ẳ', u'ẵ', u'ắ', 0,
    /* C0 */ 0,    0,    0,    0,    0,    0,    u'ặ', u'ầ',
    u'ẩ',          u'ẫ', u'ấ', u'ậ', u'è', 0,    u'ẻ', u'ẽ',
    /* D0 */ u'é', u'ẹ', u'ề', u'ể', u'ễ', u'ế', u'ệ', u'ì',
    u'ỉ',          0,    0,    0,    u'ĩ', u'í', u'ị', u'ò',
    /* E0 */ 0,    u'ỏ', u'õ', u'ó', u'ọ', u'ồ', u'ổ', u'ỗ',
    u'ố',          u'ộ', u'ờ', u'ở', u'ỡ', u'ớ', u'ợ', u'ù',
    /* F0 */ 0,    u'ủ', u'ũ', u'ú', u'ụ', u'ừ', u'ử', u'ữ',
    u'ứ',          u'ự', u'ỳ', u'ỷ', u'ỹ', u'ý', u'ỵ'};

// VNI-Windows writes a letter as an ASCII base followed by one byte naming its marks
// (the bytes are the Latin-1 letters that VNI fonts draw as the marks), plus a few letters
// of one byte. Marks are given as combining characters; NFC composes them.
const char16_t* vniMarks(unsigned char byte)
{
    switch (byte | 0x20) { // upper- and lower-case forms name the same marks
    case 0xF9:
        return u"\u0301"; // ù acute (sắc)
    case 0xF8:
        return u"\u0300"; // ø grave (huyền)
    case 0xFB:
        return u"\u0309"; // û hook above (hỏi)
    case 0xF5:
        return u"\u0303"; // õ tilde (ngã)
    case 0xEF:
        return u"\u0323"; // ï dot below (nặng)
    case 0xE2:
        return u"\u0302"; // â circumflex
    case 0xEA:
        return u"\u0306"; // ê breve
    case 0xE1:
        return u"\u0302\u0301"; // á circumflex + acute
    case 0xE0:
        return u"\u0302\u0300"; // à circumflex + grave
    case 0xE5:
        return u"\u0302\u0309"; // å circumflex + hook
    case 0xE3:
        return u"\u0302\u0303"; // ã circumflex + tilde
    case 0xE4:
        return u"\u0302\u0323"; // ä circumflex + dot below
    case 0xE9:
        return u"\u0306\u0301"; // é breve + acute
    case 0xE8:
        return u"\u0306\u0300"; // è breve + grave
    case 0xFA:
        return u"\u0306\u0309"; // ú breve + hook
    case 0xFC:
        return u"\u0306\u0303"; // ü breve + tilde
    case 0xEB:
        return u"\u0306\u0323"; // ë breve + dot below
    default:
        return nullptr;
    }
}

char16_t vniLetter(unsigned char byte)
{
    switch (byte) {
    case 0xED:
        return u'í';
    case 0xEC:
        return u'ì';
    case 0xE6:
        return u'ỉ';
    case 0xF3:
        return u'ĩ';
    case 0xF2:
        return u'ị';
    case 0xF4:
        return u'ơ';
    case 0xF6:
        return u'ư';
    case 0xEE:
        return u'ỵ';
    case 0xF1:
        return u'đ';
    case 0xCD:
        return u'Í';
    case 0xCC:
        return u'Ì';
    case 0xC6:
        return u'Ỉ';
    case 0xD3:
        return u'Ĩ';
    case 0xD2:
        return u'Ị';
    case 0xD4:
        return u'Ơ';
    case 0xD6:
        return u'Ư';
    case 0xCE:
        return u'Ỵ';
    case 0xD1:
        return u'Đ';
    default:
        return 0;
    }
}

bool takesVniMarks(char16_t c)
{
    switch (c) {
    case u'a':
    case u'e':
    case u'o':
    case u'u':
    case u'y':
    case u'i':
    case u'A':
    case u'E':
    case u'O':
    case u'U':
    case u'Y':
    case u'I':
    case u'ơ':
    case u'ư':
    case u'Ơ':
    case u'Ư':
        return true;
    default:
        return false;
    }
}

std::string decodeTcvn3(std::string_view bytes, int& unmapped)
{
    icu::UnicodeString text;
    for (unsigned char byte : bytes) {
        if (byte < 0x80) {
            text.append(static_cast<char16_t>(byte));
            continue;
        }
        char16_t c = (byte >= 0xA1 && byte <= 0xFE) ? kTcvn3High[byte - 0xA1] : 0;
        if (c == 0) {
            ++unmapped;
            c = static_cast<char16_t>(byte); // keep the Latin-1 reading so nothing is lost
        }
        text.append(c);
    }
    return normalise(text, nfcNormalizer());
}

std::string decodeVni(std::string_view bytes, int& unmapped)
{
    icu::UnicodeString text;
    for (unsigned char byte : bytes) {
        if (byte < 0x80) {
            text.append(static_cast<char16_t>(byte));
            continue;
        }
        if (const char16_t letter = vniLetter(byte)) {
            // A letter byte directly after a base would be a mark in another reading, but
            // in VNI the one-byte letters never follow a vowel needing marks.
            text.append(letter);
            continue;
        }
        const char16_t* marks = vniMarks(byte);
        const bool afterBase = text.length() > 0 && takesVniMarks(text.charAt(text.length() - 1));
        if (marks && afterBase) {
            text.append(icu::UnicodeString(marks));
            continue;
        }
        ++unmapped;
        text.append(static_cast<char16_t>(byte));
    }
    return normalise(text, nfcNormalizer());
}

std::string decodeWithIcu(std::string_view bytes, const char* converterName, int& unmapped)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(converterName, &status),
                                                                 &ucnv_close);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU has no converter for ") + converterName);
    icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                            status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("cannot decode text as ") + converterName);
    for (int32_t i = 0; i < text.length(); ++i)
        if (text.charAt(i) == 0xFFFD)
            ++unmapped;
    return normalise(text, nfcNormalizer());
}

} // namespace

std::optional<Encoding> parseEncoding(std::string_view name)
{
    const std::string key = foldForMatch(name);
    if (key == "utf-8" || key == "utf8" || key == "unicode")
        return Encoding::Utf8;
    if (key == "tcvn3" || key == "tcvn" || key == "abc" || key == "vn3")
        return Encoding::Tcvn3;
    if (key == "vni" || key == "vni-windows")
        return Encoding::Vni;
    if (key == "cp1258" || key == "windows-1258" || key == "1258")
        return Encoding::Cp1258;
    return std::nullopt;
}

std::string_view encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return "utf-8";
    case Encoding::Tcvn3:
        return "tcvn3";
    case Encoding::Vni:
        return "vni";
    case Encoding::Cp1258:
        return "cp1258";
    }
    return "unknown";
}

namespace {

/// Length of the valid UTF-8 sequence starting at @p i (1 for ASCII), 0 when none starts there.
std::size_t utf8SequenceAt(std::string_view bytes, std::size_t i)
{
    const auto c = static_cast<unsigned char>(bytes[i]);
    std::size_t extra = 0;
    char32_t cp = 0;
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0) {
        extra = 1;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        extra = 2;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        extra = 3;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + extra >= bytes.size())
        return 0;
    for (std::size_t k = 1; k <= extra; ++k) {
        const auto cc = static_cast<unsigned char>(bytes[i + k]);
        if ((cc & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return extra + 1;
}

} // namespace

bool isValidUtf8(std::string_view bytes)
{
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t n = utf8SequenceAt(bytes, i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

MixedText decodeMostlyUtf8(std::string_view bytes)
{
    MixedText out;
    out.text.reserve(bytes.size() + bytes.size() / 8);
    int line = 0;
    std::size_t start = 0;
    while (start < bytes.size()) {
        ++line;
        std::size_t end = bytes.find('\n', start);
        end = end == std::string_view::npos ? bytes.size() : end + 1;
        const std::string_view piece = bytes.substr(start, end - start);
        start = end;
        std::size_t multi = 0, invalid = 0;
        for (std::size_t i = 0; i < piece.size();) {
            const std::size_t n = utf8SequenceAt(piece, i);
            multi += n > 1 ? 1 : 0;
            invalid += n == 0 ? 1 : 0;
            i += n == 0 ? 1 : n;
        }
        if (invalid == 0) {
            out.text += piece;
        } else if (multi > invalid) {
            // UTF-8 with a stray byte or two: the byte is replaced, the line kept.
            for (std::size_t i = 0; i < piece.size();) {
                const std::size_t n = utf8SequenceAt(piece, i);
                if (n == 0) {
                    out.text += "\xEF\xBF\xBD";
                    ++out.bytesReplaced;
                    if (out.firstReplacedLine == 0)
                        out.firstReplacedLine = line;
                    ++i;
                } else {
                    out.text += piece.substr(i, n);
                    i += n;
                }
            }
        } else {
            out.text += decode(piece, Encoding::Cp1258);
            ++out.linesCp1258;
            if (out.firstCp1258Line == 0)
                out.firstCp1258Line = line;
        }
        out.linesWithLetters += multi > 0 || invalid > 0 ? 1 : 0;
    }
    return out;
}

ControlCharacters removeControlCharacters(std::string& utf8)
{
    ControlCharacters removed;
    std::string out;
    out.reserve(utf8.size());
    int line = 1;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        const bool c1 = c == 0xC2 && i + 1 < utf8.size() &&
                        static_cast<unsigned char>(utf8[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(utf8[i + 1]) <= 0x9F;
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F || c1) {
            ++removed.count;
            removed.nul += c == 0 ? 1 : 0;
            if (removed.firstLine == 0)
                removed.firstLine = line;
            i += c1 ? 1 : 0;
            continue;
        }
        line += c == '\n' ? 1 : 0;
        out += utf8[i];
    }
    if (removed.count > 0)
        utf8 = std::move(out);
    return removed;
}

std::string toNfc(std::string_view utf8)
{
    const auto text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    return normalise(text, nfcNormalizer());
}

std::string fixLookalikes(std::string_view utf8, int* replaced)
{
    std::string out;
    out.reserve(utf8.size());
    int count = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        // U+00D0 is C3 90 and U+00F0 is C3 B0 in UTF-8; Đ is C4 90 and đ is C4 91.
        if (static_cast<unsigned char>(utf8[i]) == 0xC3 && i + 1 < utf8.size()) {
            const auto next = static_cast<unsigned char>(utf8[i + 1]);
            if (next == 0x90 || next == 0xB0) {
                out += '\xC4';
                out += next == 0x90 ? '\x90' : '\x91';
                ++i;
                ++count;
                continue;
            }
        }
        out += utf8[i];
    }
    if (replaced)
        *replaced = count;
    return out;
}

std::string decode(std::string_view bytes, Encoding encoding, int* unmapped)
{
    int bad = 0;
    std::string result;
    switch (encoding) {
    case Encoding::Utf8:
        if (!isValidUtf8(bytes))
            ++bad;
        result = toNfc(bytes);
        break;
    case Encoding::Tcvn3:
        result = decodeTcvn3(bytes, bad);
        break;
    case Encoding::Vni:
        result = decodeVni(bytes, bad);
        break;
    case Encoding::Cp1258:
        result = decodeWithIcu(bytes, "windows-1258", bad);
        break;
    }
    if (unmapped)
        *unmapped = bad;
    return result;
}

namespace {

/// The bytes a reader that took them for Latin-1 (and, with @p cp1252, for Windows-1252, whose
/// letters and signs fill 0x80–0x9F) turned into @p utf8; nullopt when a character has no such
/// byte.
std::optional<std::string> singleByteSource(std::string_view utf8, bool cp1252)
{
    if (!isValidUtf8(utf8))
        return std::nullopt;
    static const std::map<char16_t, unsigned char> windows1252 = {
        {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
        {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
        {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
        {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
        {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
        {0x017E, 0x9E}, {0x0178, 0x9F}};
    const auto text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(text.length()));
    for (int32_t i = 0; i < text.length(); ++i) {
        const char16_t c = text.charAt(i);
        if (c <= 0xFF) {
            bytes += static_cast<char>(c);
        } else if (const auto it = windows1252.find(c); cp1252 && it != windows1252.end()) {
            bytes += static_cast<char>(it->second);
        } else {
            return std::nullopt;
        }
    }
    return bytes;
}

} // namespace

std::optional<std::string> latin1Bytes(std::string_view utf8)
{
    return singleByteSource(utf8, false);
}

std::optional<std::string> undoMojibake(std::string_view utf8)
{
    auto bytes = singleByteSource(utf8, true);
    const bool high = bytes && std::any_of(bytes->begin(), bytes->end(), [](char c) {
                          return static_cast<unsigned char>(c) >= 0x80;
                      });
    if (!high || !isValidUtf8(*bytes))
        return std::nullopt;
    return toNfc(*bytes);
}

bool hasLostLetters(std::string_view utf8)
{
    if (utf8.find("\xEF\xBF\xBD") != std::string_view::npos) // U+FFFD
        return true;
    auto isLetter = [](unsigned char c) { return std::isalpha(c) || c >= 0x80; };
    std::size_t end = utf8.size();
    while (end > 0 && (utf8[end - 1] == ' ' || utf8[end - 1] == '?' || utf8[end - 1] == ')' ||
                       utf8[end - 1] == '"'))
        --end;
    // A web address's query ("…/trang?id=3", "www.x.vn/a?b") is not a letter lost: the word
    // around the mark, from space to space, is left out when it is one.
    auto inAddress = [&](std::size_t i) {
        const auto space = utf8.find_last_of(" \t\n", i);
        const std::size_t from = space == std::string_view::npos ? 0 : space + 1;
        const std::string_view word = utf8.substr(from, utf8.find_first_of(" \t\n", i) - from);
        return word.find("://") != std::string_view::npos || word.starts_with("www.");
    };
    for (std::size_t i = utf8.find('?'); i != std::string_view::npos && i < end;
         i = utf8.find('?', i + 1)) {
        if (inAddress(i))
            continue;
        const bool before = i > 0 && isLetter(static_cast<unsigned char>(utf8[i - 1]));
        const bool after = i + 1 < utf8.size() && isLetter(static_cast<unsigned char>(utf8[i + 1]));
        if (before || after)
            return true;
    }
    return false;
}

std::string clipUtf8(std::string_view utf8, std::size_t maxBytes)
{
    if (utf8.size() <= maxBytes)
        return std::string(utf8);
    while (maxBytes > 0 && (static_cast<unsigned char>(utf8[maxBytes]) & 0xC0) == 0x80)
        --maxBytes;
    return std::string(utf8.substr(0, maxBytes));
}

namespace {

/// The apostrophes a word processor puts in names ("Ea H’leo", "Cư M‘gar", "Krông Pắc" typed
/// with U+02BC): one ASCII apostrophe.
bool isApostrophe(UChar32 c)
{
    return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02B9 || c == 0x00B4 || c == 0x0060 ||
           c == 0x2032;
}

} // namespace

std::string foldForMatch(std::string_view utf8)
{
    const auto text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = nfdNormalizer().normalize(text, status);
    if (U_FAILURE(status))
        throw std::runtime_error("Unicode normalisation failed");
    icu::UnicodeString folded;
    bool pendingSpace = false;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK)
            continue;
        if (c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0)
            c = u'd';
        else if (isApostrophe(c))
            c = u'\'';
        if (u_isUWhiteSpace(c)) {
            pendingSpace = folded.length() > 0;
            continue;
        }
        if (pendingSpace) {
            folded.append(u' ');
            pendingSpace = false;
        }
        folded.append(u_tolower(c));
    }
    std::string out;
    folded.toUTF8String(out);
    return out;
}

std::size_t FoldedText::foldedAt(std::size_t source) const
{
    return static_cast<std::size_t>(std::lower_bound(origin.begin(), origin.end(), source) -
                                    origin.begin());
}

FoldedText foldWithOffsets(std::string_view utf8)
{
    FoldedText out;
    out.folded.reserve(utf8.size());
    out.origin.reserve(utf8.size() + 1);
    const icu::Normalizer2& nfd = nfdNormalizer();
    std::size_t i = 0;
    while (i < utf8.size()) {
        const std::size_t start = i;
        UChar32 c = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, utf8.size(), c);
        if (c < 0)
            c = 0xFFFD;
        // Text in decomposed form (NFD) folds as its composed form does: its marks go.
        if (u_charType(c) == U_NON_SPACING_MARK)
            continue;
        // Tabs, line breaks, no-break spaces: one space for the run, as foldForMatch.
        if (u_isUWhiteSpace(c)) {
            if (out.folded.empty() || out.folded.back() != ' ') {
                out.folded += ' ';
                out.origin.push_back(start);
            }
            continue;
        }
        UChar32 base = c;
        if (c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0) {
            base = u'd';
        } else if (isApostrophe(c)) {
            base = u'\'';
        } else if (c >= 0x80) {
            icu::UnicodeString decomposition;
            if (nfd.getDecomposition(c, decomposition) && decomposition.length() > 0)
                base = decomposition.char32At(0);
        }
        base = u_tolower(base);
        char buffer[4];
        int32_t length = 0;
        UBool error = false;
        U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, base, error);
        if (error)
            continue; // not a valid code point: nothing to search for
        for (int32_t k = 0; k < length; ++k) {
            out.folded += buffer[k];
            out.origin.push_back(start);
        }
    }
    out.origin.push_back(utf8.size());
    return out;
}

namespace {

/// @p s with its first character replaced by @p to (its end at byte @p after).
std::string replaceFirst(std::string_view s, UChar32 to, std::size_t after)
{
    char buffer[4];
    std::size_t n = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buffer), n, 4, to, error);
    return error ? std::string(s) : std::string(buffer, n) + std::string(s.substr(after));
}

} // namespace

std::string capitalFirst(std::string_view s)
{
    UChar32 c = 0;
    std::size_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, s.size(), c);
    if (c <= 0 || u_isupper(c))
        return std::string(s);
    return replaceFirst(s, u_toupper(c), i);
}

std::string lowerFirst(std::string_view s)
{
    UChar32 c = 0;
    std::size_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, s.size(), c);
    if (c <= 0 || !u_isupper(c))
        return std::string(s);
    // An abbreviation keeps its capitals: "KCN", "CNTT".
    UChar32 next = 0;
    std::size_t j = i;
    if (j < s.size())
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, s.size(), next);
    if (next > 0 && u_isupper(next))
        return std::string(s);
    return replaceFirst(s, u_tolower(c), i);
}

std::string slug(std::string_view utf8, char separator)
{
    std::string out;
    for (char c : foldForMatch(utf8)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
        else if (!out.empty() && out.back() != separator)
            out += separator;
    }
    while (!out.empty() && out.back() == separator)
        out.pop_back();
    return out;
}

std::optional<double> parseNumber(std::string_view text, bool preferThousands)
{
    // Trim, then keep sign, digits and separators only.
    std::size_t begin = 0, end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])))
        ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])))
        --end;
    std::string_view s = text.substr(begin, end - begin);
    if (s.empty())
        return std::nullopt;
    bool negative = false;
    if (s.front() == '-' || s.front() == '+') {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    int dots = 0, commas = 0;
    std::size_t lastDot = std::string_view::npos, lastComma = std::string_view::npos;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '.') {
            ++dots;
            lastDot = i;
        } else if (c == ',') {
            ++commas;
            lastComma = i;
        } else if (c == ' ' || (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0')) {
            i += c == ' ' ? 0 : 1;
            continue; // "1 211 000", also with no-break spaces (U+00A0)
        } else if (!std::isdigit(static_cast<unsigned char>(c))) {
            return std::nullopt;
        }
    }
    char decimal = 0;
    if (dots && commas) {
        decimal = lastDot > lastComma ? '.' : ',';
        if ((decimal == '.' && dots > 1) || (decimal == ',' && commas > 1))
            return std::nullopt;
    } else if (dots + commas == 1) {
        const std::size_t pos = dots ? lastDot : lastComma;
        const std::size_t digitsAfter = s.size() - pos - 1;
        // "9.804" in Vietnamese data is 9804; a lone comma is always a decimal comma here.
        decimal = (dots && digitsAfter == 3 && preferThousands) ? 0 : (dots ? '.' : ',');
    } else if (dots > 1 || commas > 1) {
        if (dots && commas)
            return std::nullopt;
        decimal = 0; // several of one separator: thousands
    }
    std::string normalised;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            normalised += c;
        else if (c == decimal)
            normalised += '.';
    }
    if (normalised.empty() || normalised == ".")
        return std::nullopt;
    try {
        std::size_t used = 0;
        const double value = std::stod(normalised, &used);
        if (used != normalised.size())
            return std::nullopt;
        return negative ? -value : value;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<std::string> parseDate(std::string_view text)
{
    // Pull out the numbers; the words (ngày, tháng, năm) and separators only delimit them.
    std::vector<int> numbers;
    std::vector<std::size_t> digits;
    std::size_t i = 0;
    while (i < text.size()) {
        if (std::isdigit(static_cast<unsigned char>(text[i]))) {
            int value = 0;
            std::size_t n = 0;
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && n < 5) {
                value = value * 10 + (text[i] - '0');
                ++i;
                ++n;
            }
            numbers.push_back(value);
            digits.push_back(n);
        } else {
            ++i;
        }
    }
    // A date, or a date and time ("2025-06-30T00:00:00", "30/06/2025 00:00:00").
    if (numbers.size() != 3 && !(numbers.size() >= 5 && numbers.size() <= 7))
        return std::nullopt;
    int year = 0, month = 0, day = 0;
    if (digits[0] == 4) { // 2025-06-30
        year = numbers[0];
        month = numbers[1];
        day = numbers[2];
    } else if (digits[2] == 4) { // 30/6/2025: day first, as Vietnamese writes it
        day = numbers[0];
        month = numbers[1];
        year = numbers[2];
    } else {
        return std::nullopt;
    }
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] || year < 1800 || year > 2200)
        return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && day == 29 && !leap)
        return std::nullopt;
    char buffer[32]; // large enough for any int, which silences -Wformat-truncation
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return std::string(buffer);
}

bool hasDotThousands(std::string_view text)
{
    // Two or more dots, each followed by exactly three digits, no comma before the last one.
    int dots = 0;
    std::size_t i = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
        ++i;
    if (i == 0 || i > 3)
        return false;
    while (i < text.size() && text[i] == '.') {
        std::size_t digits = 0;
        ++i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
            ++i;
            ++digits;
        }
        if (digits != 3)
            return false;
        ++dots;
    }
    if (i < text.size() && text[i] == ',')
        return dots >= 1; // "1.211.000,5", "22.274,5"
    return i == text.size() && dots >= 2;
}

bool hasDecimalComma(std::string_view text)
{
    const auto comma = text.find(',');
    if (comma == std::string_view::npos || text.find(',', comma + 1) != std::string_view::npos)
        return false;
    if (!parseNumber(text))
        return false;
    const auto dot = text.find('.');
    if (dot != std::string_view::npos)
        return dot < comma;
    std::size_t digitsAfter = 0;
    for (std::size_t i = comma + 1;
         i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i)
        ++digitsAfter;
    return digitsAfter != 3;
}

} // namespace pa::text
