#pragma once
// Analyses as algorithm objects in one registry, after GDAL's GDALAlgorithm, QGIS's
// QgsProcessingAlgorithm and PDAL's stage descriptors: each analysis declares its name, titles
// and parameters (type, unit, default, choices, help) once, and runs on a workspace with
// checked parameter values, returning one Result (tables, figures of the whole run, messages,
// input notes). The command line's options, --help and JSON are generated from these
// declarations.
//
// Adding an analysis: one file under layers/src/analysis/algorithms/ defining
// `Algorithm <name>Algorithm()`, and its name on the one line of Registry.cpp.

#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Engine.h"
#include "planatlas/layers/analysis/Notes.h"
#include "planatlas/layers/analysis/Table.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <variant>
#include <vector>

namespace pa::analysis {

struct Parameter
{
    enum class Type
    {
        Layer,    ///< a layer of the workspace, by name
        KindList, ///< layer kinds, comma-separated ("industrial_park,agri_zone")
        List,     ///< other comma-separated values
        Choice,   ///< one of `choices`
        Number,   ///< a number, Vietnamese or English decimal mark ("2,5" = "2.5")
        Date,     ///< 2026-06-30 or 30/6/2026
        Text,
        Flag, ///< present or not
    };
    std::string name{}; ///< "distance_km": key, JSON field, CLI "--distance-km"
    Type type = Type::Text;
    std::string titleVi{}, titleEn{}; ///< a form's label: "Khoảng cách", "Distance"
    std::string help{};               ///< one English line for --help
    std::string metavar{};            ///< --help: "LAYER", "D"; empty for a flag
    std::string unit{};               ///< "km", "ha"; empty when none
    std::string defaultValue{};       ///< as text; empty when none
    std::vector<std::string> choices{};
    bool required = false;
    std::optional<double> minimum{}; ///< Number: the least value accepted
    bool minimumExclusive = false;   ///< Number: the minimum itself is refused (a distance > 0)
    /// Choice, or a List of fixed values: what a form shows for each of `choices`.
    std::vector<std::string> choiceTitlesVi{}, choiceTitlesEn{};
    /// Layer: the kinds of layer a form offers ("admin_*" for every admin kind); empty offers
    /// every layer. A Text parameter with kinds here is a layer name a form offers too, which
    /// the command line also accepts in other forms (zonal's LAYER:FIELD or FILE:BAND).
    std::vector<std::string> layerKinds{};
    bool polygonsOnly = false; ///< Layer: only polygon layers are offered
};

/// The values given for an algorithm's parameters, as text (what a person typed); read back
/// typed. Values are checked against the declarations by run() before the algorithm sees them.
class ParameterValues
{
public:
    void set(const std::string& name, std::string value) { m_values[name] = std::move(value); }
    [[nodiscard]] bool has(const std::string& name) const { return m_values.contains(name); }
    /// The value given, or @p fallback.
    [[nodiscard]] std::string text(const std::string& name, const std::string& fallback = {}) const;
    /// The number given (Vietnamese "2,5" and "1.211.000" too), or @p fallback.
    [[nodiscard]] double number(const std::string& name, double fallback = 0) const;
    /// The comma-separated list given, without empty items.
    [[nodiscard]] std::vector<std::string> list(const std::string& name) const;
    [[nodiscard]] bool flag(const std::string& name) const { return has(name); }
    [[nodiscard]] const std::map<std::string, std::string>& all() const { return m_values; }

private:
    std::map<std::string, std::string> m_values;
};

/// A figure of the whole run: a count, a share, the statuses used, counts by kind.
using SummaryValue = std::variant<std::monostate, bool, std::int64_t, double, std::string,
                                  std::vector<std::string>, std::map<std::string, std::int64_t>>;

struct Result
{
    /// The answer first; other tables after it (footprint's tasks without a place).
    std::vector<Table> tables;
    /// Figures of the whole run, in order (JSON fields, the report's headline figures).
    std::vector<std::pair<std::string, SummaryValue>> summary;
    /// English sentences for a log: what was left out, the headline share.
    std::vector<std::string> messages;
    InputNotes notes;
    /// The analysis's own result (CoverageResult, CorridorResult, …), for a reader in the same
    /// process that needs more than the tables (the report): keep() it, read it with detail<T>().
    std::shared_ptr<const void> kept{};
    std::type_index keptType{typeid(void)};

    /// Where an analysis over a large layer ran, and why: a figure ("engine": database or
    /// planatlas) and a sentence; nothing when there was no choice to make (a file).
    void sayEngine(const EngineChoice& choice);

    template <class T> void keep(T value)
    {
        kept = std::make_shared<const T>(std::move(value));
        keptType = typeid(T);
    }
    /// The result kept, when it is a @p T; else null.
    template <class T> [[nodiscard]] const T* detail() const
    {
        return keptType == typeid(T) ? static_cast<const T*>(kept.get()) : nullptr;
    }
};

struct Algorithm
{
    std::string name;             ///< "corridor"
    std::string titleVi, titleEn; ///< "Hành lang cao tốc", "Expressway corridor"
    std::string help;             ///< English, a few lines for --help
    std::vector<Parameter> parameters;
    std::function<Result(layers::Workspace&, const ParameterValues&, const layers::Progress&)>
        compute;

    [[nodiscard]] const Parameter* parameter(std::string_view name) const;
    /// Whether @p layerKind is one of the kinds @p parameter offers.
    [[nodiscard]] static bool offers(const Parameter& parameter, std::string_view layerKind);
    /// Checks @p values against the declarations: unknown names, missing required values,
    /// numbers, ranges, choices, dates. Throws layers::ParameterError naming the parameter.
    void check(const ParameterValues& values) const;
    /// check(), then compute().
    Result run(layers::Workspace& workspace, const ParameterValues& values,
               const layers::Progress& progress = {}) const;
};

/// The workspace an analysis ran on, as its information sheet names it.
struct RunPlace
{
    std::string workspace; ///< file name
    std::string province, crs;
};

/// What a spreadsheet's information sheet says of a run, in @p lang ("vi" or "en"): the
/// analysis, the workspace, each parameter as given or by default (with its unit), the run's
/// figures (kinds by their names, decimals with the reader's mark), the notes on its inputs.
std::vector<InfoLine> runInfo(const Algorithm& algorithm, const ParameterValues& values,
                              const std::vector<std::pair<std::string, SummaryValue>>& summary,
                              const std::vector<std::string>& notes, const RunPlace& place,
                              std::string_view lang);

/// Every analysis, in the order they are presented.
const std::vector<Algorithm>& algorithms();
/// The analysis called @p name, or nullptr.
const Algorithm* findAlgorithm(std::string_view name);

} // namespace pa::analysis
