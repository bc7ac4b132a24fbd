#include "planatlas/layers/analysis/Algorithm.h"

#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Text.h"
#include "planatlas/layers/analysis/Csv.h"
#include "planatlas/layers/analysis/Table.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <variant>

namespace pa::analysis {

using layers::ParameterError;

std::string ParameterValues::text(const std::string& name, const std::string& fallback) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

double ParameterValues::number(const std::string& name, double fallback) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return fallback;
    const auto v = text::parseNumber(it->second);
    return v ? *v : fallback;
}

std::vector<std::string> ParameterValues::list(const std::string& name) const
{
    std::vector<std::string> out;
    std::istringstream items(text(name));
    for (std::string item; std::getline(items, item, ',');) {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty())
            out.push_back(item);
    }
    return out;
}

const Parameter* Algorithm::parameter(std::string_view wanted) const
{
    for (const auto& p : parameters)
        if (p.name == wanted)
            return &p;
    return nullptr;
}

bool Algorithm::offers(const Parameter& p, std::string_view kind)
{
    if (p.layerKinds.empty())
        return true;
    for (const auto& k : p.layerKinds)
        if (k.ends_with('*') ? kind.starts_with(std::string_view(k).substr(0, k.size() - 1))
                             : kind == k)
            return true;
    return false;
}

namespace {

/// "a number", "a positive number", … with the parameter's unit ("… of kilometres").
layers::Sentence wantedNumber(const Parameter& p)
{
    using layers::Sentence;
    Sentence wanted(QT_TRANSLATE_NOOP("pa::layers", "a number"));
    if (p.minimum && *p.minimum == 0)
        wanted = p.minimumExclusive
                     ? Sentence(QT_TRANSLATE_NOOP("pa::layers", "a positive number"))
                     : Sentence(QT_TRANSLATE_NOOP("pa::layers", "a number not below 0"));
    else if (p.minimum)
        wanted = p.minimumExclusive
                     ? Sentence(QT_TRANSLATE_NOOP("pa::layers", "a number above %1"),
                                {Sentence::number(*p.minimum)})
                     : Sentence(QT_TRANSLATE_NOOP("pa::layers", "a number not below %1"),
                                {Sentence::number(*p.minimum)});
    if (p.unit == "km")
        return {QT_TRANSLATE_NOOP("pa::layers", "%1 of kilometres"), {wanted}};
    if (p.unit == "ha")
        return {QT_TRANSLATE_NOOP("pa::layers", "%1 of hectares"), {wanted}};
    if (!p.unit.empty())
        return {"%1 (%2)", {wanted, p.unit}};
    return wanted;
}

} // namespace

void Algorithm::check(const ParameterValues& values) const
{
    for (const auto& [given, value] : values.all())
        if (!parameter(given))
            throw ParameterError(
                given, {QT_TRANSLATE_NOOP("pa::layers", "the %1 analysis takes no such parameter"),
                        {name}});
    for (const auto& p : parameters) {
        if (!values.has(p.name)) {
            if (p.required)
                throw ParameterError(
                    p.name,
                    p.metavar.empty()
                        ? layers::Sentence(
                              QT_TRANSLATE_NOOP("pa::layers", "the %1 analysis needs it"), {name})
                        : layers::Sentence(
                              QT_TRANSLATE_NOOP("pa::layers", "the %1 analysis needs it (%2)"),
                              {name, p.metavar}));
            continue;
        }
        const std::string value = values.text(p.name);
        switch (p.type) {
        case Parameter::Type::Number: {
            const auto v = text::parseNumber(value);
            const bool low =
                v && p.minimum && (p.minimumExclusive ? *v <= *p.minimum : *v < *p.minimum);
            if (!v || !std::isfinite(*v) || low)
                throw ParameterError(p.name,
                                     {QT_TRANSLATE_NOOP("pa::layers", "must be %1, not '%2'"),
                                      {wantedNumber(p), value}});
            break;
        }
        case Parameter::Type::Choice:
            if (std::find(p.choices.begin(), p.choices.end(), value) == p.choices.end())
                throw ParameterError(p.name,
                                     {QT_TRANSLATE_NOOP("pa::layers", "must be %1, not '%2'"),
                                      {layers::alternatives(p.choices), value}});
            break;
        case Parameter::Type::Date:
            if (!text::parseDate(value))
                throw ParameterError(
                    p.name, {QT_TRANSLATE_NOOP("pa::layers",
                                               "'%1' is not a date (2026-06-30 or 30/6/2026)"),
                             {value}});
            break;
        case Parameter::Type::KindList:
            for (const auto& k : values.list(p.name))
                if (!layers::findKind(k))
                    throw ParameterError(
                        p.name,
                        {QT_TRANSLATE_NOOP("pa::layers", "unknown kind '%1'; kinds are: %2"),
                         {k, layers::kindIdList()}});
            break;
        case Parameter::Type::List:
            if (!p.choices.empty()) {
                for (const auto& item : values.list(p.name))
                    if (std::find(p.choices.begin(), p.choices.end(), item) == p.choices.end())
                        throw ParameterError(
                            p.name, {QT_TRANSLATE_NOOP("pa::layers", "each must be %1, not '%2'"),
                                     {layers::alternatives(p.choices), item}});
            }
            [[fallthrough]];
        case Parameter::Type::Layer:
        case Parameter::Type::Text:
            if (value.empty())
                throw ParameterError(p.name, QT_TRANSLATE_NOOP("pa::layers", "needs a value"));
            break;
        case Parameter::Type::Flag:
            break;
        }
    }
}

Result Algorithm::run(layers::Workspace& workspace, const ParameterValues& values,
                      const layers::Progress& progress) const
{
    check(values);
    return compute(workspace, values, progress);
}

namespace {

/// A figure of a run as a person reads it: lists joined, counts by kind as "kind: n".
std::string asText(const SummaryValue& v, std::string_view lang)
{
    return std::visit(
        [&](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return {};
            else if constexpr (std::is_same_v<T, bool>)
                return x ? (lang == "en" ? "yes" : "có") : (lang == "en" ? "no" : "không");
            else if constexpr (std::is_same_v<T, std::int64_t>)
                return std::to_string(x);
            else if constexpr (std::is_same_v<T, double>) {
                std::string s = csv::number(x, 2);
                while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.'))
                    s.pop_back();
                if (lang != "en") // "81,3": the decimal comma a Vietnamese reader writes
                    std::replace(s.begin(), s.end(), '.', ',');
                return s;
            } else if constexpr (std::is_same_v<T, std::string>)
                return x;
            else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                std::string s;
                for (const auto& item : x) // kinds by their names, other items as they are
                    s += (s.empty() ? "" : "; ") + valueTitle("kind", item, lang);
                return s.empty() ? std::string(lang == "en" ? "all" : "tất cả") : s;
            } else { // counts by kind: the kinds' names
                std::string s;
                for (const auto& [key, n] : x)
                    s += (s.empty() ? "" : "; ") + valueTitle("kind", key, lang) + ": " +
                         std::to_string(n);
                return s.empty() ? std::string(lang == "en" ? "none" : "không có") : s;
            }
        },
        v);
}

} // namespace

std::vector<InfoLine> runInfo(const Algorithm& algorithm, const ParameterValues& values,
                              const std::vector<std::pair<std::string, SummaryValue>>& summary,
                              const std::vector<std::string>& notes, const RunPlace& place,
                              std::string_view lang)
{
    const bool en = lang == "en";
    std::vector<InfoLine> info = {
        {en ? "Analysis" : "Phân tích", en ? algorithm.titleEn : algorithm.titleVi},
        {en ? "Workspace" : "Không gian làm việc", place.workspace},
        {en ? "Province" : "Tỉnh", place.province},
        {en ? "Coordinate system" : "Hệ tọa độ", place.crs},
    };
    for (const auto& p : algorithm.parameters) {
        if (!values.has(p.name) && p.defaultValue.empty())
            continue;
        std::string value = p.type == Parameter::Type::Flag ? (en ? "yes" : "có")
                                                            : values.text(p.name, p.defaultValue);
        if (!p.unit.empty())
            value += " " + p.unit;
        info.push_back({en ? p.titleEn : p.titleVi, value});
    }
    for (const auto& [key, value] : summary)
        if (!algorithm.parameter(key) && key != "crs") // parameters and the CRS are above
            info.push_back({figureTitle(key, lang), asText(value, lang)});
    for (const auto& note : notes)
        info.push_back({en ? "Note" : "Ghi chú", note});
    return info;
}

} // namespace pa::analysis
