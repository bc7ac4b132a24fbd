#pragma once
// Vietnamese text: Unicode normalisation, legacy encodings, matching keys, number formats.
// All functions take and return UTF-8 unless they say bytes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pa::text {

/// Encodings of Vietnamese text met in planning data.
enum class Encoding
{
    Utf8,   ///< Unicode (NFC or NFD; normalised to NFC)
    Tcvn3,  ///< TCVN 5712:1993 VN3, the ".Vn" ABC fonts: one byte per letter
    Vni,    ///< VNI-Windows: base letter followed by a diacritic byte
    Cp1258, ///< Windows-1258: base letter plus combining tone byte
};

/// "utf-8", "tcvn3" (also "abc", "tcvn"), "vni", "cp1258" (also "windows-1258").
std::optional<Encoding> parseEncoding(std::string_view name);
std::string_view encodingName(Encoding encoding);

bool isValidUtf8(std::string_view bytes);

/// Text that is UTF-8 for the most part, decoded line by line: a line with more valid
/// multi-byte sequences than invalid bytes is UTF-8 with a stray byte (each replaced by U+FFFD);
/// any other line that is not UTF-8 is Windows-1258 (a file pasted together from two sources).
/// A file that is Windows-1258 throughout comes out as decode(bytes, Cp1258) would give.
struct MixedText
{
    std::string text;                 ///< UTF-8, not yet normalised
    std::size_t bytesReplaced = 0;    ///< stray bytes replaced by U+FFFD
    int firstReplacedLine = 0;        ///< 1-based; 0 when none
    std::size_t linesCp1258 = 0;      ///< lines read as Windows-1258
    int firstCp1258Line = 0;          ///< 1-based; 0 when none
    std::size_t linesWithLetters = 0; ///< lines with any byte past ASCII
};
MixedText decodeMostlyUtf8(std::string_view bytes);

/// Removes control characters that no text means and that break what stores it (NUL, the C0
/// controls other than tab, line feed and carriage return, DEL, the C1 controls).
struct ControlCharacters
{
    std::size_t count = 0;
    std::size_t nul = 0;
    int firstLine = 0; ///< 1-based line of the first one; 0 when none
};
ControlCharacters removeControlCharacters(std::string& utf8);

/// NFC normalisation. Invalid UTF-8 sequences become U+FFFD.
std::string toNfc(std::string_view utf8);

/// Replaces look-alikes that legacy data uses for Vietnamese letters: Icelandic eth
/// Ð/ð (U+00D0/U+00F0, common in GADM-style data) becomes Đ/đ (U+0110/U+0111).
/// @p replaced (optional) receives the number of characters changed.
std::string fixLookalikes(std::string_view utf8, int* replaced = nullptr);

/// Decodes legacy bytes to NFC UTF-8. For Utf8 this is toNfc. @p unmapped (optional)
/// receives the number of bytes that have no meaning in the encoding (kept as Latin-1).
std::string decode(std::string_view bytes, Encoding encoding, int* unmapped = nullptr);

/// When @p utf8 holds only code points up to U+00FF (legacy bytes that a reader took for
/// Latin-1 and re-encoded), returns those bytes; otherwise nullopt.
std::optional<std::string> latin1Bytes(std::string_view utf8);

/// Undoes UTF-8 that an earlier tool read as Latin-1 or Windows-1252 and wrote out again
/// ("ThÃ¡i NguyÃªn" → "Thái Nguyên", "Ä‘" → "đ"): the text's characters taken back as
/// those bytes, when they form valid UTF-8 with at least one multi-byte character. nullopt
/// when @p utf8 is not such text (plain ASCII, real Latin-1 words such as "Phú", other scripts).
std::optional<std::string> undoMojibake(std::string_view utf8);

/// Whether @p utf8 shows letters lost in an earlier conversion: a "?" standing inside or
/// at the edge of a word ("KCN ?i?m Th?y", "Ph? Yên" — what a converter writes for a letter
/// its target encoding lacks), or U+FFFD, the replacement character. A question mark that
/// ends the text ("… không?") or stands in a web address ("https://…/trang?id=3") does not
/// count.
bool hasLostLetters(std::string_view utf8);

/// At most @p maxBytes bytes of @p utf8, cut at a character boundary (never inside a
/// multi-byte sequence).
std::string clipUtf8(std::string_view utf8, std::size_t maxBytes);

/// A key for diacritic- and case-insensitive matching: NFD, marks removed, đ → d,
/// lower case, runs of white space collapsed. "Thái Nguyên" and "THAI  NGUYEN" give "thai nguyen".
std::string foldForMatch(std::string_view utf8);

/// Text folded for searching (as foldForMatch, but one folded unit per source code point other
/// than a combining mark, each run of white space one space, leading and trailing ones kept),
/// with the byte offset in the source of every folded byte, so that a match found in the folded
/// text can be cut out of the original.
struct FoldedText
{
    std::string folded;
    std::vector<std::size_t>
        origin; ///< origin[i]: source offset of folded[i]; one extra at the end

    /// The offset in #folded of the first folded byte that comes from source offset
    /// @p source or later: where a word found in the source begins in the folded text.
    std::size_t foldedAt(std::size_t source) const;
};
FoldedText foldWithOffsets(std::string_view utf8);

/// @p utf8 with its first letter in capitals, whatever Vietnamese letter it is ("tỷ lệ" →
/// "Tỷ lệ", "ước tính" → "Ước tính"); unchanged when it starts otherwise.
std::string capitalFirst(std::string_view utf8);
/// @p utf8 with its first letter in lower case ("Đô thị" → "đô thị"); an abbreviation ("KCN")
/// and text that starts otherwise are unchanged.
std::string lowerFirst(std::string_view utf8);

/// An identifier made of [a-z0-9] and @p separator from any text: "Khu Công nghiệp Yên Bình"
/// → "khu_cong_nghiep_yen_binh" (separator '_') or "khu-cong-nghiep-yen-binh" ('-').
std::string slug(std::string_view utf8, char separator);

/// Parses a number as Vietnamese documents and spreadsheets write it: "134,9", "1.211.000",
/// "1.211.000,5", also "134.9" and "1,211,000". A single separator followed by exactly three
/// digits is read as a thousands separator only when @p preferThousands is true.
std::optional<double> parseNumber(std::string_view text, bool preferThousands = false);

/// An ISO date (YYYY-MM-DD) from the ways Vietnamese data writes one: "2025-06-30",
/// "30/6/2025", "30-06-2025", "30.6.2025", "ngày 30 tháng 6 năm 2025". Nullopt when it is not a
/// real calendar date.
std::optional<std::string> parseDate(std::string_view text);

/// True when @p text is a number written with a Vietnamese decimal comma ("134,9",
/// "22.274,5"): a column holding such values writes "9.804" for 9804.
bool hasDecimalComma(std::string_view text);

/// True when @p text groups thousands with dots ("1.200.000"): a column holding such values
/// writes "800.000" for 800000.
bool hasDotThousands(std::string_view text);

} // namespace pa::text
