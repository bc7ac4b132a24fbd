#pragma once
// Shared by the fuzz targets: a scratch folder of the process's own, files written into it, and
// the rule every target keeps — layers::Error (and gis::GisError) is how PlanAtlas refuses bad
// input, so they are expected; any other exception escaping is a finding (abort).

#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace pa::fuzz {

/// A folder for this process's scratch files, removed at exit.
inline const std::filesystem::path& scratch()
{
    static const std::filesystem::path dir = [] {
        auto path = std::filesystem::temp_directory_path() /
                    ("planatlas-fuzz-" + std::to_string(::getpid()));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(scratch(), ignored);
        });
        return path;
    }();
    return dir;
}

inline std::string writeScratch(const std::string& name, const std::uint8_t* data, std::size_t size)
{
    const auto path = scratch() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
        std::abort();
    }
    return path.string();
}

/// Runs @p work; the errors PlanAtlas reports to people are expected, anything else aborts
/// with its message (libFuzzer then keeps the input as a crash).
template <typename Work> void expectOnlyReportedErrors(Work&& work)
{
    try {
        work();
    } catch (const layers::Error&) {
    } catch (const gis::GisError&) {
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz: unexpected exception: %s\n", e.what());
        std::abort();
    }
}

/// Stops the target with a message when an invariant does not hold.
inline void check(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz: invariant failed: %s\n", what);
        std::abort();
    }
}

} // namespace pa::fuzz
