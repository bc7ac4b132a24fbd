// Fuzz target: the Vietnamese text decoders every input goes through — legacy encodings
// (TCVN3, VNI, Windows-1258), mostly-UTF-8 files, NFC, folding for matching, control characters,
// numbers and dates as Vietnamese documents and spreadsheets write them. Each result is checked
// against what its contract promises, not only for crashes.

#include "FuzzSupport.h"
#include "planatlas/layers/Text.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace text = pa::text;
using pa::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    for (const auto encoding : {text::Encoding::Utf8, text::Encoding::Tcvn3, text::Encoding::Vni,
                                text::Encoding::Cp1258}) {
        int unmapped = 0;
        const std::string decoded = text::decode(bytes, encoding, &unmapped);
        check(text::isValidUtf8(decoded), "decode gives UTF-8");
        check(unmapped >= 0, "unmapped count is not negative");
    }

    const auto mixed = text::decodeMostlyUtf8(bytes);
    check(text::isValidUtf8(mixed.text), "decodeMostlyUtf8 gives UTF-8");
    if (text::isValidUtf8(bytes))
        check(mixed.text == bytes && mixed.bytesReplaced == 0 && mixed.linesCp1258 == 0,
              "valid UTF-8 passes decodeMostlyUtf8 unchanged");

    const std::string nfc = text::toNfc(bytes);
    check(text::isValidUtf8(nfc), "toNfc gives UTF-8");
    check(text::toNfc(nfc) == nfc, "NFC is idempotent");

    std::string cleaned = nfc;
    const auto controls = text::removeControlCharacters(cleaned);
    check(cleaned.size() <= nfc.size() && (controls.count > 0 || cleaned == nfc),
          "controls only removed, and nothing else changed");
    check(cleaned.find('\0') == std::string::npos, "no NUL after removeControlCharacters");
    check(text::isValidUtf8(cleaned), "removing controls keeps UTF-8");
    std::string again = cleaned;
    check(text::removeControlCharacters(again).count == 0 && again == cleaned,
          "removing controls is idempotent");

    const std::string folded = text::foldForMatch(nfc);
    check(text::isValidUtf8(folded), "foldForMatch gives UTF-8");
    check(text::foldForMatch(folded) == folded, "folding is idempotent");

    const auto withOffsets = text::foldWithOffsets(nfc);
    check(withOffsets.origin.size() == withOffsets.folded.size() + 1,
          "one offset per folded byte and one at the end");
    for (std::size_t i = 0; i < withOffsets.origin.size(); ++i) {
        check(withOffsets.origin[i] <= nfc.size(), "offsets within the source");
        if (i > 0)
            check(withOffsets.origin[i] >= withOffsets.origin[i - 1], "offsets never go back");
    }

    for (const std::size_t max : {std::size_t{0}, std::size_t{1}, std::size_t{7}, size / 2}) {
        const std::string clipped = text::clipUtf8(nfc, max);
        check(clipped.size() <= max, "clipUtf8 keeps to its limit");
        check(text::isValidUtf8(clipped), "clipUtf8 never cuts a character");
    }

    const std::string slug = text::slug(nfc, '_');
    for (const char c : slug)
        check((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_', "slug alphabet");
    check(text::isValidUtf8(text::capitalFirst(nfc)), "capitalFirst gives UTF-8");
    int replaced = 0;
    check(text::isValidUtf8(text::fixLookalikes(nfc, &replaced)), "fixLookalikes gives UTF-8");
    if (const auto latin1 = text::latin1Bytes(nfc)) {
        std::string back; // the bytes read as Latin-1 again: the text they came from
        for (const unsigned char c : *latin1) {
            if (c < 0x80) {
                back += static_cast<char>(c);
            } else {
                back += static_cast<char>(0xC0 | (c >> 6));
                back += static_cast<char>(0x80 | (c & 0x3F));
            }
        }
        check(back == nfc, "latin1Bytes read as Latin-1 give the text back");
    }

    // Numbers and dates as typed into a field or found in a spreadsheet cell.
    for (const bool preferThousands : {false, true})
        if (const auto number = text::parseNumber(bytes, preferThousands))
            check(std::isfinite(*number), "a parsed number is finite");
    if (const auto date = text::parseDate(bytes)) {
        check(date->size() == 10 && (*date)[4] == '-' && (*date)[7] == '-',
              "a parsed date is YYYY-MM-DD");
        check(text::parseDate(*date) == date, "an ISO date reads back as itself");
    }
    (void)text::hasDecimalComma(bytes);
    (void)text::hasDotThousands(bytes);
    return 0;
}
