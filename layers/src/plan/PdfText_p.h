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

/// Reads the text layer of every page. Throws layers::Error(Input) for a damaged or
/// password-protected file.
PdfText pdfText(const std::string& path, const layers::Progress& progress);

} // namespace pa::plan
