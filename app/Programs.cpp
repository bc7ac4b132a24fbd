#include "Programs.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <stdlib.h>
#include <unistd.h>

namespace pa::cli {

namespace {

/// @p dir (ending in '/', or empty for the working directory) + @p name into @p out; false when
/// it does not fit.
bool join(char (&out)[PATH_MAX], const char* dir, std::size_t dirLength, const char* name)
{
    if (dirLength + std::strlen(name) + 1 > sizeof out)
        return false;
    std::memmove(out, dir, dirLength);
    std::strcpy(out + dirLength, name);
    return true;
}

std::size_t directoryLength(const char* path)
{
    const char* slash = std::strrchr(path, '/');
    return slash ? static_cast<std::size_t>(slash - path) + 1 : 0;
}

} // namespace

int startProgram(Program program, bool ocr, char** argv)
{
    if (ocr)
        setenv("OMP_THREAD_LIMIT", "1", 0);
    const char* name = program == Program::Full ? "planatlas-full" : "planatlas-core";
    char path[PATH_MAX] = "";
    // @p name beside @p file, in path; whether it is there to start.
    const auto beside = [&](const char* file) {
        return join(path, file, directoryLength(file), name) && access(path, X_OK) == 0;
    };
    // Beside this program's own file, symbolic links resolved (/proc/self/exe); without /proc
    // (a chroot, a sandbox), or run through ld.so, beside the file argv[0] names.
    char self[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self);
    const bool known = n > 0 && n < static_cast<ssize_t>(sizeof self);
    if (known)
        self[n] = '\0';
    const bool found =
        (known && beside(self)) || (argv[0] && std::strchr(argv[0], '/') && beside(argv[0]));
    const char* command = argv[0] ? argv[0] : "planatlas";
    if (!path[0]) {
        std::fprintf(stderr, "%s: cannot find the folder it is installed in, to start %s\n",
                     command, name);
        return 5;
    }
    if (found)
        execv(path, argv);
    const int error = found ? errno : ENOENT;
    std::fprintf(stderr, "%s: cannot start %s (%s); it belongs in the same folder as %s\n", command,
                 path, std::strerror(error), command);
    return 5;
}

} // namespace pa::cli
