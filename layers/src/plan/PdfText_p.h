#pragma once
// The text layer of a PDF plan document, as text the plan reader reads (PdfText.cpp).

#include "planatlas/layers/Progress.h"

#include <string>
#include <vector>

namespace pa::plan {

struct PdfText
{
    std::string text; ///< lines in reading order; blank lines between paragraphs
    int pages = 0;
    std::vector<int> pagesWithoutText; ///< 1-based: scanned pages (no text layer)
    int linesRemoved = 0;              ///< running headers, footers and page numbers
};

/// In text saved by a PDF converter (`pdftotext -layout`: pages separated by form feeds), empties
/// the running headers and footers and the page numbers: lines among the first or last three of
/// a page that are a page number or whose shape (digits aside) repeats at the edge of at least
/// half of the pages. Lines keep their numbers. Returns how many were emptied.
int blankRunningLines(std::string& text);

/// Reads the text layer of every page. Throws layers::Error(Input) for a damaged or
/// password-protected file.
PdfText pdfText(const std::string& path, const layers::Progress& progress);

} // namespace pa::plan
