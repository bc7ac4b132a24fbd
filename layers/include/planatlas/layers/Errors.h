#pragma once
// Errors the domain reports to people. The kind decides the CLI's exit code; the message
// names the file, layer, feature or line and what was wrong.

#include <stdexcept>
#include <string>

namespace pa::layers {

enum class ErrorKind
{
    Usage,     ///< a wrong option or value (unknown kind, bad CRS text)
    Input,     ///< a source file that cannot be used as it is
    Workspace, ///< the workspace cannot be created, opened or written
    Cancelled, ///< the user cancelled; nothing was written
    Conflict,  ///< someone else changed the same thing meanwhile; nothing was written
};

class Error : public std::runtime_error
{
public:
    Error(ErrorKind kind, const std::string& message)
        : std::runtime_error(message), m_kind(kind), m_message(message)
    {
    }
    /// With what a person at the command line does about it ("create one with 'planatlas
    /// init'"), said after the message in brackets; a window says message() alone.
    Error(ErrorKind kind, const std::string& message, const std::string& commandLineRemedy)
        : std::runtime_error(message + " (" + commandLineRemedy + ")"), m_kind(kind),
          m_message(message)
    {
    }
    [[nodiscard]] ErrorKind kind() const { return m_kind; }
    /// What went wrong, without a command line's remedy.
    [[nodiscard]] const std::string& message() const { return m_message; }

private:
    ErrorKind m_kind;
    std::string m_message;
};

/// A parameter of an analysis or command has a value that cannot be used. The parameter is
/// named by its declared name ("distance_km") and the problem said without the syntax of any
/// front end ("must be a positive number of kilometres, not 'abc'"): the command line says
/// "--distance-km: …", the desktop application names the field it shows.
class ParameterError : public Error
{
public:
    ParameterError(const std::string& parameter, const std::string& problem)
        : Error(ErrorKind::Usage, parameter + ": " + problem), m_parameter(parameter),
          m_problem(problem)
    {
    }
    [[nodiscard]] const std::string& parameter() const { return m_parameter; }
    [[nodiscard]] const std::string& problem() const { return m_problem; }

private:
    std::string m_parameter, m_problem;
};

/// What a role (PostgreSQL) or the file system does not allow, said apart from the message so
/// that a window can word it in its own language without the command line's remedy: the
/// message names the role and the schema, or the file, and what would give the right.
class RightsError : public Error
{
public:
    enum class Missing
    {
        Read,      ///< the role may not read the schema
        Change,    ///< the role may read the schema, not change it
        AddTables, ///< the schema is of an older PlanAtlas and only its owner may upgrade it
        WriteFile, ///< the GeoPackage is marked read-only
    };
    RightsError(Missing missing, const std::string& who, const std::string& where,
                const std::string& message)
        : Error(ErrorKind::Workspace, message), m_missing(missing), m_who(who), m_where(where)
    {
    }
    [[nodiscard]] Missing missing() const { return m_missing; }
    /// The role (empty for a file).
    [[nodiscard]] const std::string& who() const { return m_who; }
    /// The schema, or the file's path.
    [[nodiscard]] const std::string& where() const { return m_where; }

private:
    Missing m_missing;
    std::string m_who, m_where;
};

} // namespace pa::layers
