// Vietnamese text: legacy encodings (expected bytes written out by hand from the published
// TCVN3, VNI and Windows-1258 tables), NFC, look-alikes, matching keys, numbers.

#include "planatlas/layers/Text.h"

#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Sentence.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace pa::text;

namespace {
struct Legacy
{
    Encoding encoding;
    const char* bytes;
    const char* expected;
};

const Legacy kLegacy[] = {
    // TCVN3: one byte per letter (ê=AA, ô=AB, â=A9, Đ=A7, ì=D7, ệ=D6, ề=D2, ụ=F4, ạ=B9, ự=F9, ó=E3)
    {Encoding::Tcvn3, "Khu c\xabng nghi\xd6p Y\xaan B\xd7nh", "Khu công nghiệp Yên Bình"},
    {Encoding::Tcvn3, "\xa7i\xd2m Th\xf4y", "Điềm Thụy"},
    {Encoding::Tcvn3,
     "\xa7"
     "ang x\xa9y d\xf9ng",
     "Đang xây dựng"},
    {Encoding::Tcvn3, "Hi\xd6n c\xe3", "Hiện có"},
    {Encoding::Tcvn3, "S\xabng C\xabng", "Sông Công"},
    // VNI: base letter + mark byte (ù acute, ø grave, û hook, â circumflex, ô/ö = ơ/ư, Ñ = Đ)
    {Encoding::Vni, "Tha\xf9i Nguye\xe2n", "Thái Nguyên"},
    {Encoding::Vni, "Pho\xe5 Ye\xe2n", "Phổ Yên"},
    {Encoding::Vni, "\xd1o\xe0ng Hy\xfb", "Đồng Hỷ"},
    {Encoding::Vni, "Phu\xf9 L\xf6\xf4ng", "Phú Lương"},
    {Encoding::Vni,
     "\xd1\xf2nh Ho\xf9"
     "a",
     "Định Hóa"},
    {Encoding::Vni,
     "Ba\xef"
     "c Ka\xefn",
     "Bạc Kạn"},
    // Windows-1258: precomposed base + combining tone byte (CC grave, D2 hook, EC acute)
    {Encoding::Cp1258, "Th\xe1i Nguy\xean", "Thái Nguyên"},
    {Encoding::Cp1258, "Ph\xf4\xd2 Y\xean", "Phổ Yên"},
    {Encoding::Cp1258, "\xd0\xf4\xccng Hy\xd2", "Đồng Hỷ"},
    {Encoding::Cp1258, "Ph\xfa L\xfd\xf5ng", "Phú Lương"},
};

void PrintTo(const Legacy& c, std::ostream* os)
{
    *os << encodingName(c.encoding) << ": " << c.expected;
}

class LegacyDecoding : public ::testing::TestWithParam<Legacy>
{
};
} // namespace

TEST_P(LegacyDecoding, GivesNfcUnicode)
{
    const auto& c = GetParam();
    int unmapped = -1;
    const std::string decoded = decode(c.bytes, c.encoding, &unmapped);
    EXPECT_EQ(decoded, c.expected) << encodingName(c.encoding);
    EXPECT_EQ(unmapped, 0);
    EXPECT_EQ(toNfc(decoded), decoded);
}

INSTANTIATE_TEST_SUITE_P(Tables, LegacyDecoding, ::testing::ValuesIn(kLegacy));

TEST(Text, CountsBytesWithNoMeaningInTheEncoding)
{
    int unmapped = 0;
    const std::string decoded = decode("A\x80"
                                       "B",
                                       Encoding::Tcvn3, &unmapped);
    EXPECT_EQ(unmapped, 1);
    EXPECT_EQ(decoded, "A\u0080B");
    // 0xFF is past the end of the TCVN3 letters: kept, counted, and read from no table.
    EXPECT_EQ(decode("\xff", Encoding::Tcvn3, &unmapped), "\u00ff");
    EXPECT_EQ(unmapped, 1);
}

TEST(Text, LostLettersAreQuestionMarksInWordsNotInWebAddresses)
{
    EXPECT_TRUE(hasLostLetters("KCN ?i?m Th?y"));
    EXPECT_TRUE(hasLostLetters("Ph? Yên"));
    EXPECT_TRUE(hasLostLetters("S\xEF\xBF\xBDng C\xEF\xBF\xBDng"));
    EXPECT_FALSE(hasLostLetters("Có đúng không?"));
    EXPECT_FALSE(hasLostLetters("https://thainguyen.gov.vn/trang?id=3&lang=vi"));
    EXPECT_FALSE(hasLostLetters("Xem www.thainguyen.gov.vn/tin?so=12 (bản gốc)"));
    // A lost letter beside an address still counts.
    EXPECT_TRUE(hasLostLetters("Qu?y?t ??nh, http://x.vn/a?b=1"));
}

TEST(Text, NormalisesToNfc)
{
    const std::string nfd = "Tha\u0301i Nguye\u0302n"; // decomposed
    EXPECT_NE(nfd, "Thái Nguyên");
    EXPECT_EQ(toNfc(nfd), "Thái Nguyên");
    EXPECT_EQ(decode(nfd, Encoding::Utf8), "Thái Nguyên");
}

TEST(Text, ReplacesEthLookalikes)
{
    int replaced = 0;
    EXPECT_EQ(fixLookalikes("\u00D0ồng Hỷ, \u00F0ường", &replaced), "Đồng Hỷ, đường");
    EXPECT_EQ(replaced, 2);
    EXPECT_EQ(fixLookalikes("Đồng Hỷ", &replaced), "Đồng Hỷ");
    EXPECT_EQ(replaced, 0);
}

TEST(Text, FoldsForMatching)
{
    EXPECT_EQ(foldForMatch("Thái Nguyên"), "thai nguyen");
    EXPECT_EQ(foldForMatch("  THAI   NGUYEN "), "thai nguyen");
    EXPECT_EQ(foldForMatch("Đồng Hỷ"), "dong hy");
    EXPECT_EQ(foldForMatch("\u00D0ông"), "dong");
    EXPECT_EQ(foldForMatch("Tha\u0301i"), foldForMatch("Thái"));
    // A word processor's apostrophe is the keyboard's, in both foldings.
    EXPECT_EQ(foldForMatch("Ea H\u2019leo"), "ea h'leo");
    EXPECT_EQ(foldForMatch("Cư M\u02BCgar"), "cu m'gar");
    const auto f = foldWithOffsets("huyện Ea H\u2019leo");
    EXPECT_EQ(f.folded, "huyen ea h'leo");
    EXPECT_EQ(f.origin.back(), std::string("huyện Ea H\u2019leo").size());
}

TEST(Text, RecognisesLatin1Mojibake)
{
    EXPECT_EQ(latin1Bytes("Th\u00b5nh"), std::string("Th\xb5nh"));
    EXPECT_FALSE(latin1Bytes("Thành phố")); // ố is beyond U+00FF
}

TEST(Text, ValidatesUtf8)
{
    EXPECT_TRUE(isValidUtf8("Thái Nguyên"));
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_FALSE(isValidUtf8("S\xabng"));      // TCVN3 byte
    EXPECT_FALSE(isValidUtf8("\xc0\x80"));     // overlong
    EXPECT_FALSE(isValidUtf8("\xe1\xba"));     // truncated
    EXPECT_FALSE(isValidUtf8("\xed\xa0\x80")); // surrogate
}

TEST(Text, ParsesEncodingNames)
{
    EXPECT_EQ(parseEncoding("TCVN3"), Encoding::Tcvn3);
    EXPECT_EQ(parseEncoding("abc"), Encoding::Tcvn3);
    EXPECT_EQ(parseEncoding("VNI"), Encoding::Vni);
    EXPECT_EQ(parseEncoding("windows-1258"), Encoding::Cp1258);
    EXPECT_EQ(parseEncoding("UTF-8"), Encoding::Utf8);
    EXPECT_FALSE(parseEncoding("latin9"));
}

namespace {
struct NumberCase
{
    const char* text;
    bool preferThousands;
    std::optional<double> expected;
};
const NumberCase kNumbers[] = {
    {"134,9", false, 134.9},
    {"1.211.000", false, 1211000.0},
    {"1.211.000,5", false, 1211000.5},
    {"134.9", false, 134.9},
    {"1,211,000", false, 1211000.0},
    {"-3,5", false, -3.5},
    {" 60 ", false, 60.0},
    {"1 211 000", false, 1211000.0},
    {"1.211", true, 1211.0},
    {"1.211", false, 1.211},
    {"9.804", true, 9804.0},
    {"abc", false, std::nullopt},
    {"0,125", true, 0.125},
    {"22,274", true, 22.274}, // a lone comma stays a decimal comma
    {"1\u00a0211\u00a0000", false, 1211000.0},
    {"", false, std::nullopt},
    {"1,2,3.4.5", false, std::nullopt},
    {"12%", false, std::nullopt},
};
void PrintTo(const NumberCase& c, std::ostream* os)
{
    *os << '"' << c.text << '"';
}

class Numbers : public ::testing::TestWithParam<NumberCase>
{
};
} // namespace

TEST_P(Numbers, ParseAsVietnameseDocumentsWriteThem)
{
    const auto& c = GetParam();
    const auto value = parseNumber(c.text, c.preferThousands);
    ASSERT_EQ(value.has_value(), c.expected.has_value()) << c.text;
    if (value) {
        EXPECT_DOUBLE_EQ(*value, *c.expected) << c.text;
    }
}

INSTANTIATE_TEST_SUITE_P(Formats, Numbers, ::testing::ValuesIn(kNumbers));

TEST(Text, DetectsDotThousands)
{
    EXPECT_TRUE(hasDotThousands("1.200.000"));
    EXPECT_TRUE(hasDotThousands("22.274,5"));
    EXPECT_FALSE(hasDotThousands("800.000")); // ambiguous alone
    EXPECT_FALSE(hasDotThousands("3.14"));
    EXPECT_FALSE(hasDotThousands("1.2.3"));
}

TEST(Text, DetectsDecimalComma)
{
    EXPECT_TRUE(hasDecimalComma("134,9"));
    EXPECT_TRUE(hasDecimalComma("22.274,5"));
    EXPECT_FALSE(hasDecimalComma("1,211"));
    EXPECT_FALSE(hasDecimalComma("1,211,000"));
    EXPECT_FALSE(hasDecimalComma("9.804"));
    EXPECT_FALSE(hasDecimalComma("Khu A, B"));
}

TEST(Text, ParsesDatesAsVietnameseDocumentsWriteThem)
{
    EXPECT_EQ(parseDate("2025-06-30"), "2025-06-30");
    EXPECT_EQ(parseDate("30/6/2025"), "2025-06-30");
    EXPECT_EQ(parseDate("01.7.2025"), "2025-07-01");
    EXPECT_EQ(parseDate("ngày 19 tháng 6 năm 2023"), "2023-06-19");
    EXPECT_EQ(parseDate("29/02/2024"), "2024-02-29");
    EXPECT_EQ(parseDate("2025-06-30T00:00:00"), "2025-06-30");
    EXPECT_EQ(parseDate("30/06/2025 00:00:00"), "2025-06-30");
    EXPECT_FALSE(parseDate("29/02/2023"));
    EXPECT_FALSE(parseDate("31/6/2025"));
    EXPECT_FALSE(parseDate("6/2025"));
    EXPECT_FALSE(parseDate("hôm qua"));
}

TEST(Text, CapitalFirstTakesAnyVietnameseLetter)
{
    EXPECT_EQ(pa::text::capitalFirst("tỷ lệ che phủ rừng"), "Tỷ lệ che phủ rừng");
    EXPECT_EQ(pa::text::capitalFirst("đường cao tốc"), "Đường cao tốc");
    EXPECT_EQ(pa::text::capitalFirst("ước tính"), "Ước tính");
    EXPECT_EQ(pa::text::capitalFirst("số khu công nghiệp"), "Số khu công nghiệp");
    EXPECT_EQ(pa::text::capitalFirst("Sở Công Thương"), "Sở Công Thương");
    EXPECT_EQ(pa::text::capitalFirst("2025"), "2025");
    EXPECT_EQ(pa::text::capitalFirst(""), "");
}

TEST(Sentence, IsSaidInTheReadersLanguageWithItsValuesAsTheyAre)
{
    using pa::layers::Sentence;
    // A catalogue of two templates, as a window's translator would give them.
    const auto vi = [](const char* english) -> std::string {
        const std::string e = english;
        if (e == "must be %1, not '%2'")
            return "phải là %1, không phải '%2'";
        if (e == "%1 of kilometres")
            return "%1 (km)";
        return {}; // not in the catalogue: said in English
    };
    const Sentence problem("must be %1, not '%2'",
                           {Sentence("%1 of kilometres", {Sentence("a positive number")}), "năm"});
    EXPECT_EQ(problem.english(), "must be a positive number of kilometres, not 'năm'");
    EXPECT_EQ(problem.say(vi), "phải là a positive number (km), không phải 'năm'");
    // A value holding "%2" is put in as it is, never filled itself; a %N without a value stays.
    const Sentence odd("%1 and %2, %3", {std::string("50%2"), std::string("x")});
    EXPECT_EQ(odd.english(), "50%2 and x, %3");
    // "a, b or c".
    EXPECT_EQ(pa::layers::alternatives({"a", "b", "c"}).english(), "a, b or c");
    EXPECT_EQ(pa::layers::alternatives({"a"}).english(), "a");
    // An error thrown with a sentence says the English where a command line prints it, and keeps
    // the sentence for a window; one thrown as text keeps the text as a value.
    const pa::layers::ParameterError error("distance_km", problem);
    EXPECT_STREQ(error.what(), "distance_km: must be a positive number of kilometres, not 'năm'");
    EXPECT_EQ(error.problem(), "must be a positive number of kilometres, not 'năm'");
    EXPECT_EQ(error.problemSentence().say(vi), "phải là a positive number (km), không phải 'năm'");
    const pa::layers::Error text(pa::layers::ErrorKind::Input, std::string("layer 'x': 100%1"));
    EXPECT_EQ(text.sentence().say(vi), "layer 'x': 100%1");
}

TEST(Sentence, WritesItsNumbersAsTheReaderWritesThemAndPlainlyOnTheCommandLine)
{
    using pa::layers::Sentence;
    const Sentence s("%1 of %2 features lie %3 km away (%4 ha, at least %5)",
                     {Sentence::count(3), Sentence::count(1211000), Sentence::number(12.345, 1),
                      Sentence::number(0.5, 2), Sentence::number(2.5)});
    // The command line: no grouping, a decimal point, the places asked for (shortest: exact).
    EXPECT_EQ(s.english(), "3 of 1211000 features lie 12.3 km away (0.50 ha, at least 2.5)");
    EXPECT_EQ(Sentence::number(-7.25).english(), "-7.25");
    EXPECT_EQ(Sentence::number(1e6).english(), "1000000");
    EXPECT_EQ(Sentence::number(std::nan("")).english(), "NaN");
    // Every digit of the largest values, never a wrapped or cut one.
    EXPECT_EQ(Sentence::count(INT64_MAX).english(), "9223372036854775807");
    EXPECT_EQ(Sentence::number(1e20, 0).english(), "100000000000000000000");
    const std::string huge = Sentence::number(1e80, 1).english();
    EXPECT_EQ(huge.size(), 83u) << huge;
    EXPECT_EQ(huge.substr(0, 3), "100");
    EXPECT_EQ(huge.substr(huge.size() - 2), ".0");
    EXPECT_EQ(Sentence::number(-2.5, 0).english(), "-3"); // half away from zero
    EXPECT_EQ(Sentence::number(424849.6117, 1).english(), "424849.6");
    // A window's writer gets every number with its places, inside nested sentences too.
    std::vector<std::pair<double, int>> asked;
    const auto writer = [&asked](double value, int decimals) {
        asked.emplace_back(value, decimals);
        return std::string("#");
    };
    const Sentence outer("(%1)", {s});
    EXPECT_EQ(outer.say(nullptr, writer), "(# of # features lie # km away (# ha, at least #))");
    const std::vector<std::pair<double, int>> want{
        {3, 0}, {1211000, 0}, {12.345, 1}, {0.5, 2}, {2.5, Sentence::kShortest}};
    EXPECT_EQ(asked, want);
    // A value that is text stays text, however numeric it looks (a line number, a fid).
    EXPECT_EQ(Sentence("line %1", {std::string("1234")}).say(nullptr, writer), "line 1234");
}
