// Fuzz target: a plan document as a text file, through the whole reader — encoding detection
// (UTF-8, UTF-16, Windows-1258, mixed lines, stray bytes), control characters, NFC, the
// document's parts, the assignment rules, agencies, deadlines, places and targets.
// Seeds: ../shared/plans, tests/data/plans/synthetic, tests/fuzz/seeds/plan_text.

#include "FuzzSupport.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/plan/Plan.h"

#include <cmath>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = pa::fuzz::writeScratch("plan.txt", data, size);
    pa::fuzz::expectOnlyReportedErrors([&] {
        const auto plan = pa::plan::readPlan(path);
        // What the reader hands on is text a workspace can store: valid UTF-8, no NUL.
        for (const auto& task : plan.tasks) {
            pa::fuzz::check(pa::text::isValidUtf8(task.text), "task text is UTF-8");
            pa::fuzz::check(task.text.find('\0') == std::string::npos, "task text has no NUL");
            pa::fuzz::check(!task.id.empty(), "every task has an id");
            for (const auto& place : task.places) {
                pa::fuzz::check(pa::text::isValidUtf8(place.text), "place mention is UTF-8");
                pa::fuzz::check(place.confidence >= 0 && place.confidence <= 1,
                                "place confidence within 0..1");
            }
        }
        for (const auto& target : plan.targets)
            pa::fuzz::check(std::isfinite(target.value) &&
                                (!target.valueMax || std::isfinite(*target.valueMax)),
                            "target values are finite numbers");
        pa::fuzz::check(pa::text::isValidUtf8(plan.sourceText), "source text is UTF-8");
    });
    return 0;
}
