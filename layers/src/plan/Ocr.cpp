#include "Ocr_p.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/plan/Plan.h"

#include <cstdlib>
#include <leptonica/allheaders.h>
#include <memory>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <unistd.h>

namespace pa::plan {

void limitOcrThreads(char** argv)
{
    if (std::getenv("OMP_THREAD_LIMIT") || !argv || !argv[0])
        return;
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);
}

namespace {

constexpr double kDpi = 300;

struct TessDeleter
{
    void operator()(tesseract::TessBaseAPI* api) const
    {
        api->End();
        delete api;
    }
};
using Tess = std::unique_ptr<tesseract::TessBaseAPI, TessDeleter>;

Tess openTesseract(const std::string& path)
{
    // (Tesseract's OpenMP threads are limited by OMP_THREAD_LIMIT, which app/Programs.cpp sets
    // for the commands app/Commands.h flags 'ocr', and limitOcrThreads otherwise.)
    Tess api(new tesseract::TessBaseAPI());
    // Vietnamese, with English for the odd Latin word; the data of Debian's tesseract-ocr-vie.
    if (api->Init(nullptr, "vie", tesseract::OEM_DEFAULT) != 0)
        throw layers::Error(
            layers::ErrorKind::Input,
            {QT_TRANSLATE_NOOP(
                 "pa::layers",
                 "%1: this document is scanned (no text layer) and reading it needs Tesseract's "
                 "Vietnamese data, which is not installed (Debian package tesseract-ocr-vie)"),
             {path}});
    api->SetPageSegMode(tesseract::PSM_AUTO);
    api->SetVariable("debug_file", "/dev/null");
    return api;
}

/// Tesseract's cancel hook: asks the caller's Progress between words.
bool cancelled(void* progress, int /*words*/)
{
    return static_cast<const layers::Progress*>(progress)->cancelled();
}

OcrPage recognise(tesseract::TessBaseAPI& api, int page, const layers::Progress& progress)
{
    tesseract::ETEXT_DESC monitor;
    monitor.cancel = &cancelled;
    monitor.cancel_this = const_cast<layers::Progress*>(&progress);
    const int rc = api.Recognize(&monitor);
    progress.checkCancelled();
    if (rc != 0)
        throw layers::Error(layers::ErrorKind::Input,
                            {QT_TRANSLATE_NOOP("pa::layers", "page %1 could not be recognised"),
                             {std::to_string(page)}});
    OcrPage out;
    out.page = page;
    std::unique_ptr<char[]> text(api.GetUTF8Text());
    out.text = text ? text.get() : "";
    out.confidence = api.MeanTextConf();
    return out;
}

} // namespace

std::vector<OcrPage> ocrPdfPages(const std::string& path, const std::vector<int>& pages,
                                 const layers::Progress& progress)
{
    // Poppler reports what it repairs on stderr; what matters reaches the user as an error.
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
    if (!doc)
        throw layers::Error(layers::ErrorKind::Input,
                            {QT_TRANSLATE_NOOP("pa::layers", "%1: not a readable PDF"), {path}});
    Tess api = openTesseract(path);
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    std::vector<OcrPage> out;
    for (std::size_t k = 0; k < pages.size(); ++k) {
        progress.update(static_cast<double>(k) / static_cast<double>(pages.size()),
                        "nhận dạng chữ trang " + std::to_string(pages[k]));
        std::unique_ptr<poppler::page> page(doc->create_page(pages[k] - 1));
        if (!page)
            continue;
        poppler::image image = renderer.render_page(page.get(), kDpi, kDpi);
        if (!image.is_valid())
            continue;
        api->SetImage(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                      image.height(), 1, image.bytes_per_row());
        api->SetSourceResolution(static_cast<int>(kDpi));
        out.push_back(recognise(*api, pages[k], progress));
    }
    progress.update(1.0, "nhận dạng chữ");
    return out;
}

OcrPage ocrImage(const std::string& path, const layers::Progress& progress)
{
    Tess api = openTesseract(path);
    Pix* pix = pixRead(path.c_str());
    if (!pix)
        throw layers::Error(
            layers::ErrorKind::Input,
            {QT_TRANSLATE_NOOP("pa::layers", "%1: the image cannot be read"), {path}});
    std::unique_ptr<Pix, void (*)(Pix*)> owned(pix, [](Pix* p) { pixDestroy(&p); });
    progress.update(0, "nhận dạng chữ trang 1");
    api->SetImage(pix);
    if (pixGetXRes(pix) < 70)
        api->SetSourceResolution(static_cast<int>(kDpi));
    OcrPage page = recognise(*api, 1, progress);
    progress.update(1.0, "nhận dạng chữ");
    return page;
}

} // namespace pa::plan
