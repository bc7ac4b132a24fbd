// Starting the program that holds a command (see Commands.h). Plain C and POSIX: the launcher
// links nothing else.
#pragma once

namespace pa::cli {

enum class Program
{
    Core,
    Full
};

/// Replaces this process by @p program, found next to this program's own file
/// (/proc/self/exe), with the same arguments. Returns only on failure, having said why on
/// standard error; the caller exits with the returned code (5, internal error).
int startProgram(Program program, char** argv);

} // namespace pa::cli
