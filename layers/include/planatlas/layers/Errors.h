#pragma once
// Errors the domain reports to people. The kind decides the CLI's exit code; the message
// names the file, layer, feature or line and what was wrong.

#include <stdexcept>
#include <string>

namespace pa::layers {

enum class ErrorKind {
    Usage,     ///< a wrong option or value (unknown kind, bad CRS text)
    Input,     ///< a source file that cannot be used as it is
    Workspace, ///< the workspace cannot be created, opened or written
    Cancelled, ///< the user cancelled; nothing was written
};

class Error : public std::runtime_error
{
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind)
    {
    }
    [[nodiscard]] ErrorKind kind() const { return m_kind; }

private:
    ErrorKind m_kind;
};

} // namespace pa::layers
