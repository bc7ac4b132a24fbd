// Plan document files → NFC UTF-8 text: UTF-8 (with or without BOM, NFC or NFD), UTF-16,
// Windows-1258, Markdown-ish text and .docx (the paragraphs of word/document.xml).

#include "Docx_p.h"
#include "Ocr_p.h"
#include "PdfText_p.h"
#include "planatlas/gis/Error.h"
#include "planatlas/gis/Files.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Hash.h"
#include "planatlas/layers/Limits.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/plan/Plan.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

namespace fs = std::filesystem;

namespace pa::plan {

namespace {

constexpr std::uintmax_t kMaxBytes = 64u << 20; // far beyond any plan document

layers::Error inputError(const std::string& path, const layers::Sentence& what)
{
    return layers::Error(layers::ErrorKind::Input, layers::Sentence("%1: %2", {path, what}));
}

/// With what a person at the command line does about it.
layers::Error inputError(const std::string& path, const layers::Sentence& what,
                         const std::string& remedy)
{
    return layers::Error(layers::ErrorKind::Input, layers::Sentence("%1: %2", {path, what}),
                         remedy);
}

std::string decodeWith(const std::string& bytes, const char* converterName)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(converterName, &status),
                                                                 &ucnv_close);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("no converter for ") + converterName);
    icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                            status);
    std::string out;
    text.toUTF8String(out);
    return out;
}

bool looksLikeUtf16(const std::string& bytes, bool& littleEndian)
{
    // UTF-16 without a BOM: for Latin-script text about every other byte is zero.
    const std::size_t n = std::min<std::size_t>(bytes.size(), 4096);
    std::size_t evenZero = 0, oddZero = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (bytes[i] == '\0')
            (i % 2 ? oddZero : evenZero)++;
    littleEndian = oddZero > evenZero;
    return n >= 4 && std::max(evenZero, oddZero) > n / 8 && std::min(evenZero, oddZero) < n / 64;
}

} // namespace

DocumentText readDocumentText(const std::string& path, const ReadOptions& options)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw inputError(path, QT_TRANSLATE_NOOP("pa::layers", "no such file"));
    if (fs::is_directory(path, ec))
        throw inputError(path, QT_TRANSLATE_NOOP("pa::layers", "is a folder, not a document"));
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw inputError(path,
                         {QT_TRANSLATE_NOOP("pa::layers", "cannot be read (%1)"), {ec.message()}});
    if (size == 0)
        throw inputError(path, QT_TRANSLATE_NOOP("pa::layers", "the file is empty"));
    if (size > kMaxBytes)
        throw inputError(
            path, {QT_TRANSLATE_NOOP("pa::layers",
                                     "the file is larger than %1 MB; this is not a plan document"),
                   {layers::Sentence::count(kMaxBytes >> 20)}});
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw inputError(path, QT_TRANSLATE_NOOP("pa::layers", "cannot be opened for reading"));
        std::ostringstream buffer;
        buffer << in.rdbuf();
        bytes = buffer.str();
    }
    DocumentText doc;
    std::string& text = doc.text;
    std::string& format = doc.format;
    std::vector<layers::Notice>& warnings = doc.warnings;
    std::vector<std::pair<int, int>>& ocrPages = doc.ocrPages;
    bool& extracted = doc.extracted;
    if (bytes.rfind("PK\x03\x04", 0) == 0) {
        try {
            std::string numberingXml, stylesXml;
            try {
                numberingXml = gis::readZipMember(path, "word/numbering.xml");
            } catch (const gis::GisError&) {
                // no automatic numbering in this document
            }
            try {
                stylesXml = gis::readZipMember(path, "word/styles.xml");
            } catch (const gis::GisError&) {
                // no styles part
            }
            text = docxText(gis::readZipMember(path, "word/document.xml"), numberingXml, stylesXml);
        } catch (const gis::GisError& e) {
            throw inputError(
                path,
                {QT_TRANSLATE_NOOP("pa::layers", "a zip archive but not a readable .docx (%1)"),
                 {std::string(e.what())}});
        }
        format = "docx";
    } else if (bytes.find("%PDF") < 1024) {
        const layers::Progress none;
        const layers::Progress& progress = options.progress ? *options.progress : none;
        PdfText pdf = pdfText(path, progress);
        format = "pdf";
        if (!pdf.pagesWithoutText.empty()) {
            // Scanned pages: recognised and put back in page order.
            const auto ocr = ocrPdfPages(path, pdf.pagesWithoutText, progress);
            for (const auto& page : ocr) {
                ocrPages.emplace_back(page.page, page.confidence);
                pdf.text += "\n" + page.text;
                if (page.confidence < 60)
                    warnings.push_back(
                        {{QT_TRANSLATE_NOOP("pa::layers",
                                            "page %1 was recognised with low confidence (%2 %); "
                                            "check its tasks against the scan"),
                          {std::to_string(page.page), layers::Sentence::count(page.confidence)}}});
            }
            format = pdf.pagesWithoutText.size() == static_cast<std::size_t>(pdf.pages) ? "pdf-ocr"
                                                                                        : "pdf+ocr";
            if (ocr.size() != pdf.pagesWithoutText.size() ||
                pdf.pagesWithoutText.size() < static_cast<std::size_t>(pdf.pages))
                warnings.push_back(
                    {{QT_TRANSLATE_NOOP("pa::layers", "%1 scanned page(s) recognised by OCR"),
                      {layers::Sentence::count(ocr.size())}}});
        }
        if (pdf.linesRemoved > 0)
            warnings.push_back(
                {{QT_TRANSLATE_NOOP("pa::layers", "%1 running header, footer or page-number "
                                                  "line(s) left out"),
                  {layers::Sentence::count(pdf.linesRemoved)}}});
        text = std::move(pdf.text);
        extracted = true;
    } else if (bytes.rfind("\x89PNG", 0) == 0 || bytes.rfind("\xFF\xD8\xFF", 0) == 0 ||
               bytes.rfind(std::string("II*\0", 4), 0) == 0 ||
               bytes.rfind(std::string("MM\0*", 4), 0) == 0) {
        const layers::Progress none;
        const OcrPage page = ocrImage(path, options.progress ? *options.progress : none);
        ocrPages.emplace_back(1, page.confidence);
        if (page.confidence < 60)
            warnings.push_back(
                {{QT_TRANSLATE_NOOP("pa::layers", "the image was recognised with low confidence "
                                                  "(%1 %); check the tasks against it"),
                  {layers::Sentence::count(page.confidence)}}});
        text = page.text;
        format = "image-ocr";
        extracted = true;
    } else if (bytes.rfind("\xD0\xCF\x11\xE0", 0) == 0) {
        throw inputError(
            path,
            QT_TRANSLATE_NOOP("pa::layers",
                              "an old Word .doc file, which PlanAtlas does not read; open it in "
                              "Word or LibreOffice and save it as .docx or PDF"),
            "libreoffice --headless --convert-to docx FILE.doc");
    } else if (bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0) {
        const bool le = bytes[0] == '\xFF';
        text = decodeWith(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE");
        format = le ? "utf-16le" : "utf-16be";
    } else if (bool le = false; looksLikeUtf16(bytes, le)) {
        text = decodeWith(bytes, le ? "UTF-16LE" : "UTF-16BE");
        format = le ? "utf-16le" : "utf-16be";
    } else {
        if (bytes.rfind("\xEF\xBB\xBF", 0) == 0)
            bytes.erase(0, 3);
        // Binary data: NUL bytes or many control characters.
        const std::size_t probe = std::min<std::size_t>(bytes.size(), 65536);
        std::size_t control = 0;
        for (std::size_t i = 0; i < probe; ++i) {
            const auto c = static_cast<unsigned char>(bytes[i]);
            if (c == 0)
                throw inputError(
                    path,
                    QT_TRANSLATE_NOOP("pa::layers", "this is a binary file, not a text document"));
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
                ++control;
        }
        if (control > probe / 50)
            throw inputError(path, QT_TRANSLATE_NOOP("pa::layers",
                                                     "this is a binary file, not a text document"));
        if (text::isValidUtf8(bytes)) {
            text = std::move(bytes);
            format = "utf-8";
        } else {
            // Line by line: one stray byte does not turn a UTF-8 plan into Windows-1258, and
            // a file pasted together from a UTF-8 and a Windows-1258 source reads as both.
            auto mixed = text::decodeMostlyUtf8(bytes);
            text = std::move(mixed.text);
            if (mixed.linesCp1258 > 0 && mixed.linesCp1258 == mixed.linesWithLetters) {
                format = "cp1258";
                warnings.push_back({QT_TRANSLATE_NOOP(
                    "pa::layers", "the text is not UTF-8; it was read as Windows-1258")});
            } else {
                format = "utf-8";
                if (mixed.linesCp1258 > 0)
                    warnings.push_back(
                        {{QT_TRANSLATE_NOOP("pa::layers",
                                            "%1 line(s) are not UTF-8 and were read as "
                                            "Windows-1258 (the first is line %2)"),
                          {layers::Sentence::count(mixed.linesCp1258),
                           std::to_string(mixed.firstCp1258Line)}}});
                if (mixed.bytesReplaced > 0)
                    warnings.push_back(
                        {{QT_TRANSLATE_NOOP("pa::layers",
                                            "%1 byte(s) that are not UTF-8 were replaced by "
                                            "� (the first on line %2)"),
                          {layers::Sentence::count(mixed.bytesReplaced),
                           std::to_string(mixed.firstReplacedLine)}}});
            }
        }
    }
    // Form feeds are page breaks: text saved by a PDF converter has its running headers,
    // footers and page numbers at them, which are left out (their lines kept, empty). A form
    // feed at the start of a line is dropped, so that lines keep the numbers an editor shows;
    // one within a line breaks it. Other control characters (a NUL from a damaged file or a
    // "&#0;" in a .docx) mean nothing and would break what stores the text: removed, counted.
    if (const int blanked = blankRunningLines(text); blanked > 0)
        warnings.push_back(
            {{QT_TRANSLATE_NOOP("pa::layers", "%1 running header, footer or page-number "
                                              "line(s) left out"),
              {layers::Sentence::count(blanked)}}});
    {
        std::string kept;
        kept.reserve(text.size());
        for (char c : text)
            if (c != '\f')
                kept += c;
            else if (!kept.empty() && kept.back() != '\n')
                kept += '\n';
        text = std::move(kept);
    }
    if (static_cast<std::int64_t>(text.size()) > layers::limitValue(layers::Limit::PlanTextBytes))
        throw inputError(
            path, {QT_TRANSLATE_NOOP("pa::layers",
                                     "its text is %1 bytes, %2; this is not a plan document"),
                   {layers::Sentence::count(text.size()),
                    layers::limitExceeded(layers::Limit::PlanTextBytes)}});
    if (const auto removed = text::removeControlCharacters(text); removed.count > 0)
        warnings.push_back(
            {removed.nul > 0
                 ? layers::Sentence(
                       QT_TRANSLATE_NOOP("pa::layers", "%1 control character(s) (%2 NUL) removed "
                                                       "from the text (the first on line %3)"),
                       {layers::Sentence::count(removed.count),
                        layers::Sentence::count(removed.nul), std::to_string(removed.firstLine)})
                 : layers::Sentence(QT_TRANSLATE_NOOP("pa::layers",
                                                      "%1 control character(s) removed from the "
                                                      "text (the first on line %2)"),
                                    {layers::Sentence::count(removed.count),
                                     std::to_string(removed.firstLine)})});
    text = text::fixLookalikes(text::toNfc(text));
    return doc;
}

ParsedPlan readPlan(const std::string& path, const ReadOptions& options)
{
    return parseDocument(readDocumentText(path, options), path, options);
}

ParsedPlan parseDocument(DocumentText doc, const std::string& path, const ReadOptions& options)
{
    ParsedPlan plan = parsePlanText(doc.text, path, options);
    plan.sourceFormat = doc.format;
    plan.contentSha256 = layers::sha256Hex(doc.text);
    plan.warnings.insert(plan.warnings.begin(), doc.warnings.begin(), doc.warnings.end());
    plan.ocrPages = std::move(doc.ocrPages);
    if (doc.extracted)
        plan.extractedText = std::move(doc.text);
    return plan;
}

} // namespace pa::plan
