// Fuzz target: the WordprocessingML of a .docx (word/document.xml, and optionally
// word/numbering.xml after a line "@@numbering@@"), turned into text and read as a plan:
// entities, runs, automatic numbering, tables. The zip around it is GDAL's (/vsizip/), read
// through gis::readZipMember, and is not what this target exercises.

#include "../../layers/src/plan/Docx_p.h"
#include "FuzzSupport.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/plan/Plan.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string documentXml(reinterpret_cast<const char*>(data), size), numberingXml;
    static const std::string kSeparator = "\n@@numbering@@\n";
    if (const auto at = documentXml.find(kSeparator); at != std::string::npos) {
        numberingXml = documentXml.substr(at + kSeparator.size());
        documentXml.resize(at);
    }
    pa::fuzz::expectOnlyReportedErrors([&] {
        const std::string text = pa::plan::docxText(documentXml, numberingXml, {});
        // Then as the reader goes on with a .docx's text: NFC, controls removed, parsed.
        std::string nfc = pa::text::toNfc(text);
        pa::text::removeControlCharacters(nfc);
        pa::fuzz::check(pa::text::isValidUtf8(nfc), "document text is UTF-8");
        const auto plan = pa::plan::parsePlanText(nfc, "document.xml");
        for (const auto& task : plan.tasks)
            pa::fuzz::check(pa::text::isValidUtf8(task.text), "task text is UTF-8");
    });
    return 0;
}
