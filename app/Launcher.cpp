// planatlas: starts the program that holds the command given (Commands.h), with the same
// arguments. It links only the C library (in release builds), so that it costs next to nothing
// before the real work; usage, unknown commands and --version are the core program's to answer.

#include "Commands.h"
#include "Programs.h"

#include <cstring>

namespace {

struct Entry
{
    const char* name;
    pa::cli::Program program;
    bool ocr;
};

constexpr Entry kEntries[] = {
#define PLANATLAS_LAUNCH(name, summary, function, program, ocr)                                    \
    {#name, pa::cli::Program::program, ocr},
    PLANATLAS_COMMANDS(PLANATLAS_LAUNCH)
#undef PLANATLAS_LAUNCH
};

} // namespace

int main(int argc, char** argv)
{
    pa::cli::Program program = pa::cli::Program::Core;
    bool ocr = false;
    if (argc > 1)
        for (const auto& e : kEntries)
            if (std::strcmp(argv[1], e.name) == 0) {
                program = e.program;
                ocr = e.ocr;
            }
    return pa::cli::startProgram(program, ocr, argv);
}
