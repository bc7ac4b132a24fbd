#pragma once
// Errors the domain reports to people. The kind decides the CLI's exit code; the message
// names the file, layer, feature or line and what was wrong.

#include "planatlas/layers/Sentence.h"

#include <concepts>
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
    /// A message a window says in its own language (what() and message() are the English); a
    /// std::string is a sentence of one value, a string literal a template.
    Error(ErrorKind kind, const Sentence& sentence)
        : std::runtime_error(sentence.english()), m_kind(kind), m_sentence(sentence)
    {
    }
    /// With what a person at the command line does about it ("create one with 'planatlas
    /// init'"), said after the message in brackets; a window says message() alone.
    Error(ErrorKind kind, const std::string& message, const std::string& commandLineRemedy)
        : std::runtime_error(message + " (" + commandLineRemedy + ")"), m_kind(kind),
          m_sentence(message)
    {
    }
    Error(ErrorKind kind, const Sentence& sentence, const std::string& commandLineRemedy)
        : std::runtime_error(withRemedy(sentence.english(), commandLineRemedy)), m_kind(kind),
          m_sentence(sentence)
    {
    }
    [[nodiscard]] ErrorKind kind() const { return m_kind; }
    /// What went wrong, without a command line's remedy.
    [[nodiscard]] std::string message() const { return m_sentence.english(); }
    /// message() as a sentence a window translates (a plain value when it was thrown as text).
    [[nodiscard]] const Sentence& sentence() const { return m_sentence; }
    /// The parameter (declared name: "src_crs", "encoding") whose value would put it right, so
    /// that a window can point to its field; empty when none.
    [[nodiscard]] const std::string& remedyParameter() const { return m_remedyParameter; }
    void setRemedyParameter(std::string parameter) { m_remedyParameter = std::move(parameter); }

    /// "… (remedy)", or "…; remedy" after a message that ends in brackets already.
    static std::string withRemedy(const std::string& message, const std::string& remedy)
    {
        if (remedy.empty())
            return message;
        return message.ends_with(')') ? message + "; " + remedy : message + " (" + remedy + ")";
    }

private:
    ErrorKind m_kind;
    Sentence m_sentence;
    std::string m_remedyParameter;
};

/// What a person should know of work that was done (a count of repairs, a suspicion about the
/// data), said as a sentence a window translates, with what a person at the command line may do
/// about it kept apart, as Error keeps it.
struct Notice
{
    Sentence sentence;
    std::string commandLineRemedy; ///< empty when there is nothing to do; never in a window
    /// As the command line says it: the sentence's English and the remedy.
    [[nodiscard]] std::string english() const
    {
        return Error::withRemedy(sentence.english(), commandLineRemedy);
    }
};

/// A parameter of an analysis or command has a value that cannot be used. The parameter is
/// named by its declared name ("distance_km") and the problem said without the syntax of any
/// front end ("must be a positive number of kilometres, not 'abc'"): the command line says
/// "--distance-km: …", the desktop application names the field it shows.
class ParameterError : public Error
{
public:
    ParameterError(const std::string& parameter, const Sentence& problem)
        : Error(ErrorKind::Usage, Sentence("%1: %2", {parameter, problem})), m_parameter(parameter),
          m_problemSentence(problem)
    {
    }
    [[nodiscard]] const std::string& parameter() const { return m_parameter; }
    [[nodiscard]] std::string problem() const { return m_problemSentence.english(); }
    /// problem() as a sentence a window translates.
    [[nodiscard]] const Sentence& problemSentence() const { return m_problemSentence; }

private:
    std::string m_parameter;
    Sentence m_problemSentence;
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

/// @p error, of whatever class, naming the parameter whose value would put it right:
/// throw remediedBy(inputError(…), "src_crs").
template <std::derived_from<Error> E> E remediedBy(E error, std::string parameter)
{
    error.setRemedyParameter(std::move(parameter));
    return error;
}

} // namespace pa::layers
