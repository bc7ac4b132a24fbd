#pragma once
// A plan document read into its parts: the header, the tasks with their lead and supporting
// agencies, the targets, and the places each task names. Produced by readPlan(); written to
// a workspace by ingestPlan() (PlanStore.h).

#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Progress.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pa::plan {

struct DocumentInfo
{
    std::string
        type; ///< "Kế hoạch", "Quyết định", "Nghị quyết", "Chương trình hành động", "Công văn"
    std::string number; ///< "2907/UBND-CNNXD"; empty when the text has none
    std::string date;   ///< ISO date; empty when the text has none
    /// The latest date the preamble cites (the acts it implements): the document was issued on
    /// or after it. Lets analyses place an undated document in time ("which province?").
    std::string notBefore;
    std::string issuer;   ///< "UBND tỉnh Thái Nguyên"
    std::string province; ///< "Thái Nguyên"
    std::string title;
};

struct PlaceMention
{
    std::string text; ///< as written: "Khu công nghiệp Yên Bình"
    std::string type; ///< a layer kind ("industrial_park") or "admin_district", "lake", "region", …
    std::string name;        ///< the proper name without the type words: "Yên Bình"
    std::string featureCode; ///< matched workspace feature, when matched
    double confidence = 0;   ///< 0..1
    /// Byte offset in the text read of where it is named (for an item of a list, the item's
    /// own words); npos when not known.
    std::size_t offset = std::string::npos;
};

/// When a task is due: normalised ("2026-06-30", "2026-06", "2026-Q2", "2026", a range
/// "2025-Q4..2026-Q2", "ongoing", "annual", "annual:12-25", "days:7") and the words as written.
struct Deadline
{
    std::string normalised;
    std::string text;
    [[nodiscard]] bool empty() const { return normalised.empty(); }
};

/// The last day a normalised deadline allows ("2026-Q2" → "2026-06-30", "2025..2030" →
/// "2030-12-31"); nullopt for ongoing, annual and relative ("days:7") deadlines and for
/// anything unreadable.
std::optional<std::string> deadlineEnd(const std::string& normalised);

/// A part of a document: the decision wrapper, an attached plan or regulation, an appendix,
/// the distribution list or the signature. Tasks are read from every part that assigns work.
struct Part
{
    std::string kind;  ///< "wrapper", "plan", "appendix", "distribution", "signature"
    std::string title; ///< "KẾ HOẠCH Kiểm kê tài sản công …", "Nơi nhận"
    int line = 0;      ///< first line (1-based)
    int tasks = 0;     ///< tasks read from it
};

struct Task
{
    std::string id;      ///< stable within the document: section path and ordinal, "III.1.a#2"
    std::string section; ///< "III.1.a"
    std::string heading; ///< title of the section the task sits in
    std::string text;
    std::vector<std::string> lead; ///< agency names as registered (canonical) or as written
    std::vector<std::string> support;
    bool collective = false; ///< led by a group ("Các sở, ban, ngành", "UBND các huyện…")
    int line = 0;            ///< first line in the source text (1-based)
    std::vector<PlaceMention> places;
    Deadline deadline;
    std::string product; ///< "Sản phẩm: …" when the document names one
    std::string part;    ///< kind of the part it comes from ("plan", "appendix", …)
    std::string rule;    ///< the assignment rule that gave its lead ("lead-heading", …)
};

struct Target
{
    std::string section;
    std::string text;       ///< the clause the target was read from
    std::string indicator;  ///< "Tỷ lệ đô thị hóa"
    std::string comparator; ///< ">", ">=", "<", "<=", "=", "approx", "range"
    double value = 0;
    std::optional<double> valueMax; ///< for ranges
    std::string unit;               ///< "%", "%/năm", "km", "ha", "tỷ đồng", "USD", …
    std::optional<int> year;
    std::string metric; ///< "urbanisation_rate_pct", …; empty when none is known
    int line = 0;
};

struct AgencyInfo
{
    std::string id;   ///< "so-ke-hoach-va-dau-tu"; "unregistered:…" for unknown ones
    std::string name; ///< canonical Vietnamese name
    std::string abbreviation;
    std::string level;         ///< "province", "national", "district", "other"
    std::string successor2025; ///< canonical name of the 2025 successor; empty when unchanged
    std::string successorId;   ///< its id
    std::string validTo;       ///< last day before the 2025 reorganisation, when it ended
    bool registered = true;    ///< false: not in PlanAtlas's registry, kept and flagged
    bool collective = false;   ///< a group ("Các sở, ban, ngành")
};

struct ParsedPlan
{
    DocumentInfo document;
    std::vector<Task> tasks;
    /// Items of work that name nobody, listed before an implementation section that assigns
    /// the plan's work to agencies ("II. Nhiệm vụ, giải pháp" before "IV. Tổ chức thực hiện"):
    /// what the agencies carry out, not tasks of their own. Shown by 'ingest --explain'.
    std::vector<Task> measures;
    std::vector<Target> targets;
    std::vector<AgencyInfo> agencies;     ///< every agency named as lead or support
    std::string sourceFormat;             ///< "utf-8", "utf-16le", "cp1258", "docx"
    std::string contentSha256;            ///< of the normalised text
    std::vector<layers::Notice> warnings; ///< what a reader of the document should check
    std::vector<Part> parts;
    /// Pages read by OCR (scans): page number (1-based) and Tesseract's mean confidence (0..100).
    std::vector<std::pair<int, int>> ocrPages;
    /// The text as read from a PDF or recognised from a scan, kept for review (empty for text
    /// files).
    std::string extractedText;
    /// The text the tasks were read from (decoded, NFC): kept in the workspace so that
    /// corrections and newer readers can read the document again.
    std::string sourceText;
};

struct ReadOptions
{
    /// Leave-one-out scoring: read as if no rule written for this document (its file name
    /// without extension) existed.
    std::string withoutRulesFor;
    /// Progress and Ctrl-C for long reads (OCR of scans); may be null.
    const layers::Progress* progress = nullptr;
};

/// Reads a plan document file (UTF-8/UTF-16/Windows-1258 text, Markdown-ish text, .docx, PDF
/// with a text layer, scanned PDF or PNG/JPEG/TIFF through OCR) and parses it. Throws
/// layers::Error(Input) for a file that is empty, binary, too large or has no recognisable
/// structure.
ParsedPlan readPlan(const std::string& path, const ReadOptions& options = {});

/// A document file's text as the reader sees it (decoded, NFC; from a PDF's text layer or OCR),
/// before any parsing: for review when a scan reads badly.
struct DocumentText
{
    std::string text;
    std::string format;                   ///< as ParsedPlan::sourceFormat
    std::vector<layers::Notice> warnings; ///< what a reader of the document should check
    std::vector<std::pair<int, int>> ocrPages;
    bool extracted = false; ///< from a PDF or a scan rather than a text file
};
DocumentText readDocumentText(const std::string& path, const ReadOptions& options = {});

/// Parses a document's text as read by readDocumentText (readPlan is the two in one).
ParsedPlan parseDocument(DocumentText document, const std::string& sourceName,
                         const ReadOptions& options = {});

/// Call first in main() of a program, or for a command, that may read a scanned document
/// (app/main.cpp: the commands app/Commands.h flags 'ocr', unless the launcher set the limit
/// already; the desktop application): Tesseract's OpenMP threads spin against each
/// other (three to four times slower on two cores) unless OMP_THREAD_LIMIT is set before the OpenMP
/// runtime starts, which is before main(); when it is not set, sets it to 1 and restarts the
/// program with the same arguments. Does nothing when it is set (the user's choice) or the restart
/// fails.
void limitOcrThreads(char** argv);

/// How a document's text divides into parts (wrapper, distribution, signature, attached plan,
/// appendix), without reading any task: for explaining a document the reader could not read.
std::vector<Part> documentParts(const std::string& text);

/// Parses already-decoded text (NFC UTF-8). @p sourceName is used in messages.
ParsedPlan parsePlanText(const std::string& text, const std::string& sourceName,
                         const ReadOptions& options = {});

} // namespace pa::plan
