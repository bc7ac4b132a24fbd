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
    // Where this program's file is, symbolic links resolved: /proc/self/exe.
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path);
    bool found = false;
    if (n > 0 && n < static_cast<ssize_t>(sizeof path)) {
        path[n] = '\0';
        found = join(path, path, directoryLength(path), name) && access(path, X_OK) == 0;
    } else {
        path[0] = '\0';
    }
    // Without /proc (a chroot, a sandbox), or run through ld.so: the directory argv[0] names.
    if (!found && argv[0] && std::strchr(argv[0], '/')) {
        char candidate[PATH_MAX];
        if (join(candidate, argv[0], directoryLength(argv[0]), name) &&
            access(candidate, X_OK) == 0) {
            std::memcpy(path, candidate, sizeof path);
            found = true;
        }
    }
    const char* self = argv[0] ? argv[0] : "planatlas";
    if (!path[0]) {
        std::fprintf(stderr, "%s: cannot find the folder it is installed in, to start %s\n", self,
                     name);
        return 5;
    }
    if (found)
        execv(path, argv);
    const int error = found ? errno : ENOENT;
    std::fprintf(stderr, "%s: cannot start %s (%s); it belongs in the same folder as %s\n", self,
                 path, std::strerror(error), self);
    return 5;
}

} // namespace pa::cli
