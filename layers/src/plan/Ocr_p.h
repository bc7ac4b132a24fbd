#pragma once
// Scanned plan documents (PDF pages without a text layer, PNG/JPEG/TIFF images) through
// Tesseract with its Vietnamese data: page by page, with progress, cancellation between and
// within pages, and a confidence per page (Ocr.cpp).

#include "planatlas/layers/Progress.h"

#include <string>
#include <vector>

namespace pa::plan {

struct OcrPage
{
    int page = 0;       ///< 1-based
    int confidence = 0; ///< Tesseract's mean word confidence, 0..100
    std::string text;
};

/// Recognises the given 1-based pages of a PDF (rendered at 300 dpi). Throws layers::Error
/// (Input) when Tesseract or its Vietnamese data is missing, (Cancelled) on cancel.
std::vector<OcrPage> ocrPdfPages(const std::string& path, const std::vector<int>& pages,
                                 const layers::Progress& progress);

/// Recognises an image file (one page).
OcrPage ocrImage(const std::string& path, const layers::Progress& progress);

} // namespace pa::plan
