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
/// (/proc/self/exe), with the same arguments. For a command that may run Tesseract (@p ocr),
/// OMP_THREAD_LIMIT=1 is put in the environment first unless it is set: Tesseract's OpenMP
/// threads are fixed when its library loads (see pa::plan::limitOcrThreads). Returns only on
/// failure, having said why on standard error; the caller exits with the returned code (5).
int startProgram(Program program, bool ocr, char** argv);

} // namespace pa::cli
