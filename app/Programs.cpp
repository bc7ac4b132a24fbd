#include "Programs.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace pa::cli {

int startProgram(Program program, char** argv)
{
    const char* name = program == Program::Maps ? "planatlas-maps" : "planatlas-core";
    char path[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) {
        std::fprintf(stderr, "planatlas: cannot find where planatlas is installed (%s)\n",
                     std::strerror(errno));
        return 5;
    }
    path[n] = '\0';
    char* slash = std::strrchr(path, '/');
    const std::size_t dir = slash ? static_cast<std::size_t>(slash - path) + 1 : 0;
    if (dir + std::strlen(name) + 1 > sizeof path) {
        std::fprintf(stderr, "planatlas: the installation path is too long\n");
        return 5;
    }
    std::strcpy(path + dir, name);
    execv(path, argv);
    std::fprintf(stderr, "planatlas: cannot start %s (%s); it belongs next to planatlas\n", path,
                 std::strerror(errno));
    return 5;
}

} // namespace pa::cli
