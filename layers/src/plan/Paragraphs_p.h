#pragma once
// Plan text → paragraphs with their structural markers (I., 1., 2.1., a), (1), -, +, Điều 1).

#include <string>
#include <vector>

namespace pa::plan {

enum class Marker
{
    None,
    Article,
    Roman,
    Num1,
    Num2,
    Num3,
    Paren,
    Letter,
    Dash,
    Plus,
    Row
};

/// The cells of a task-table row, by the column's role (empty when the table has no such
/// column). The task's own words are the paragraph's body.
struct RowCells
{
    std::string lead;     ///< "Cơ quan chủ trì", "Đơn vị thực hiện"
    std::string support;  ///< "Cơ quan phối hợp"
    std::string deadline; ///< "Thời gian hoàn thành", "Tiến độ"
    std::string product;  ///< "Sản phẩm", "Kết quả"
};

struct Paragraph
{
    std::string text; ///< whole paragraph, markup removed, white space collapsed
    std::string body; ///< text after the marker
    std::string
        label; ///< "III", "2", "2.1", "a", "(1)" → "1", "Điều 3" → "3"; empty for None/Dash/Plus
    Marker marker = Marker::None;
    int line = 0;           ///< 1-based line of the paragraph's first line
    bool upperCase = false; ///< every letter upper case (header lines, titles)
    RowCells cells;         ///< for Marker::Row: a task-table row
    bool tableCell = false; ///< a cell of a table that is not a task table (header blocks, lists)
    /// Where each later source line starts in body: (offset in body, 1-based line).
    std::vector<std::pair<std::size_t, int>> bodyLines;

    /// The source line of @p bodyOffset.
    [[nodiscard]] int lineAt(std::size_t bodyOffset) const
    {
        int at = line;
        for (const auto& [offset, l] : bodyLines)
            if (offset <= bodyOffset)
                at = l;
        return at;
    }
};

/// The labelled field a task's line opens with: "Cơ quan chủ trì: …", "Cơ quan phối hợp: …",
/// "Thời gian thực hiện: …", "Sản phẩm: …", "Kinh phí: …".
enum class FieldLabel
{
    None,
    Lead,
    Support,
    Deadline,
    Product,
    Other ///< a task's own description, funds or aims: part of the task above
};

/// The field label @p text opens with (its colon within 70 characters), and the byte offset of
/// the colon in @p colonAt.
FieldLabel fieldLabelOf(const std::string& text, std::size_t* colonAt = nullptr);

/// Splits normalised text into paragraphs: blank lines separate them, a line with a marker or
/// an all-capitals line or a field label ("Cơ quan chủ trì:") starts a new one, a marker alone on
/// its line takes the next line as its text, and a paragraph cut by a page break (no final
/// punctuation, next starts in lower case) is joined again. Tables — Markdown pipe rows, or the
/// one-cell-per-line form of text copied from legal-document websites (a "|" line between cells,
/// two between rows) — become one paragraph per cell, except rows of a task table (a task column
/// and a lead column), which become Marker::Row paragraphs with their cells by role.
std::vector<Paragraph> splitParagraphs(const std::string& text);

/// Recognises a marker at the start of @p text; sets @p label and @p bodyOffset.
Marker detectMarker(const std::string& text, std::string& label, std::size_t& bodyOffset);

bool isAllUpper(const std::string& text);

} // namespace pa::plan
