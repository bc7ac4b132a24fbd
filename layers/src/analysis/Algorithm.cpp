#include "planatlas/layers/analysis/Algorithm.h"

#include "planatlas/layers/Errors.h"
#include "planatlas/layers/LayerKind.h"
#include "planatlas/layers/Text.h"

#include <algorithm>
#include <cmath>
#include <sstream>

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

std::string quoted(const std::string& v)
{
    return "'" + v + "'";
}

/// "a, b or c".
std::string choiceList(const Parameter& p)
{
    std::string list;
    for (std::size_t i = 0; i < p.choices.size(); ++i)
        list += (i == 0 ? "" : i + 1 == p.choices.size() ? " or " : ", ") + p.choices[i];
    return list;
}

std::string unitWords(const std::string& unit)
{
    if (unit == "km")
        return " of kilometres";
    if (unit == "ha")
        return " of hectares";
    return unit.empty() ? std::string() : " (" + unit + ")";
}

} // namespace

void Algorithm::check(const ParameterValues& values) const
{
    for (const auto& [given, value] : values.all())
        if (!parameter(given))
            throw ParameterError(given, "the " + name + " analysis takes no such parameter");
    for (const auto& p : parameters) {
        if (!values.has(p.name)) {
            if (p.required)
                throw ParameterError(
                    p.name, "the " + name + " analysis needs it" +
                                (p.metavar.empty() ? std::string() : " (" + p.metavar + ")"));
            continue;
        }
        const std::string value = values.text(p.name);
        switch (p.type) {
        case Parameter::Type::Number: {
            const auto v = text::parseNumber(value);
            const bool low =
                v && p.minimum && (p.minimumExclusive ? *v <= *p.minimum : *v < *p.minimum);
            if (!v || !std::isfinite(*v) || low) {
                std::string wanted = "a number";
                if (p.minimum && *p.minimum == 0)
                    wanted = p.minimumExclusive ? "a positive number" : "a number not below 0";
                else if (p.minimum)
                    wanted = "a number " +
                             std::string(p.minimumExclusive ? "above " : "not below ") +
                             std::to_string(*p.minimum);
                throw ParameterError(p.name, "must be " + wanted + unitWords(p.unit) + ", not " +
                                                 quoted(value));
            }
            break;
        }
        case Parameter::Type::Choice:
            if (std::find(p.choices.begin(), p.choices.end(), value) == p.choices.end())
                throw ParameterError(p.name, "must be " + choiceList(p) + ", not " + quoted(value));
            break;
        case Parameter::Type::Date:
            if (!text::parseDate(value))
                throw ParameterError(p.name,
                                     quoted(value) + " is not a date (2026-06-30 or 30/6/2026)");
            break;
        case Parameter::Type::KindList:
            for (const auto& k : values.list(p.name))
                if (!layers::findKind(k))
                    throw ParameterError(p.name, "unknown kind " + quoted(k) +
                                                     "; kinds are: " + layers::kindIdList());
            break;
        case Parameter::Type::List:
            if (!p.choices.empty()) {
                for (const auto& item : values.list(p.name))
                    if (std::find(p.choices.begin(), p.choices.end(), item) == p.choices.end())
                        throw ParameterError(p.name, "each must be " + choiceList(p) + ", not " +
                                                         quoted(item));
            }
            [[fallthrough]];
        case Parameter::Type::Layer:
        case Parameter::Type::Text:
            if (value.empty())
                throw ParameterError(p.name, "needs a value");
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

} // namespace pa::analysis
