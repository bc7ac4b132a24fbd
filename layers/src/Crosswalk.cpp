#include "planatlas/layers/Crosswalk.h"

#include "Csv_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/gis/Error.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Text.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace pa::layers {

namespace {

/// "2025-07-01" → "2025-06-30"; the date itself when it is not an ISO date (already checked
/// when the file was read).
std::string dayBefore(const std::string& iso)
{
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3)
        return iso;
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m},
                                           std::chrono::day{d}};
    if (!date.ok())
        return iso;
    const std::chrono::year_month_day before{std::chrono::sys_days{date} - std::chrono::days{1}};
    char out[11];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(before.year()),
                  static_cast<unsigned>(before.month()), static_cast<unsigned>(before.day()));
    return out;
}

} // namespace

using gis::sqlLiteral;

CrosswalkResult loadCrosswalk(Workspace& workspace, const std::string& csvPath)
{
    auto csv = openCsvTable(csvPath);
    auto layer = csv.layer(0);
    const auto fields = layer.fields();
    auto column = [&](const char* name, bool required) {
        const int i = layer.fieldIndex(name);
        if (i < 0 && required)
            throw Error(ErrorKind::Input,
                        csvPath + ": no column '" + name +
                            "' (needs old_code, old_level, relation, effective_date)");
        return i;
    };
    const int oldCode = column("old_code", true), oldLevel = column("old_level", true);
    const int relation = column("relation", true), date = column("effective_date", true);
    const int newCode = column("new_code", false), newLevel = column("new_level", false);
    const int share = column("area_share", false), basis = column("legal_basis", false);

    std::set<std::string> units;
    for (const auto& row : workspace.dataset().execute("SELECT unit_code FROM admin_units").rows)
        units.insert(gis::toString(row[0]));
    static constexpr std::array<std::string_view, 5> relations = {
        "merged_into", "split_into", "renamed", "abolished", "unchanged"};
    static constexpr std::array<std::string_view, 3> levels = {"province", "district", "commune"};

    std::vector<std::vector<gis::FieldValue>> inserts;        // bound to the INSERT below
    std::vector<int> lines;                                   // each insert's line of the file
    std::vector<std::pair<std::string, std::string>> endings; // unit code, effective date
    int line = 1;                                             // the header
    while (auto f = layer.next()) {
        ++line;
        const std::string where = csvPath + ", line " + std::to_string(line) + ": ";
        auto text = [&](int i) {
            return i < 0 ? std::string() : text::toNfc(gis::toString(f->value(i)));
        };
        const std::string oc = text(oldCode), ol = text(oldLevel), rel = text(relation),
                          nc = text(newCode), nl = text(newLevel), sh = text(share),
                          lb = text(basis);
        if (!units.contains(oc))
            throw Error(ErrorKind::Input, where + "old_code '" + oc +
                                              "' is not an administrative unit of the workspace");
        if (!nc.empty() && !units.contains(nc))
            throw Error(ErrorKind::Input, where + "new_code '" + nc +
                                              "' is not an administrative unit of the workspace");
        if (std::find(relations.begin(), relations.end(), rel) == relations.end())
            throw Error(ErrorKind::Input,
                        where + "relation '" + rel +
                            "' is not merged_into, split_into, renamed, abolished or unchanged");
        for (const auto& level : {ol, nl})
            if (!level.empty() && std::find(levels.begin(), levels.end(), level) == levels.end())
                throw Error(ErrorKind::Input,
                            where + "level '" + level + "' is not province, district or commune");
        const auto effective = text::parseDate(text(date));
        if (!effective)
            throw Error(ErrorKind::Input,
                        where + "effective_date '" + text(date) + "' is not a date");
        gis::FieldValue shareValue; // NULL when the file gives none
        if (!sh.empty()) {
            const auto v = text::parseNumber(sh);
            if (!v || *v < 0 || *v > 1)
                throw Error(ErrorKind::Input,
                            where + "area_share '" + sh + "' is not a number between 0 and 1");
            shareValue = *v;
        }
        inserts.push_back({oc, ol, gis::textOrNull(nc), gis::textOrNull(nl), rel, *effective,
                           shareValue, gis::textOrNull(lb)});
        lines.push_back(line);
        if (rel == "merged_into" || rel == "split_into" || rel == "abolished")
            endings.emplace_back(oc, *effective);
    }
    if (inserts.empty())
        throw Error(ErrorKind::Input, csvPath + ": no rows");
    CrosswalkResult result;
    try {
        workspace.transaction([&] {
            auto& ds = workspace.dataset();
            // One loader at a time, from before the rows are read (in a file, the first write
            // takes the file).
            ds.execute(workspace.isShared()
                           ? "LOCK TABLE admin_crosswalk IN SHARE ROW EXCLUSIVE MODE"
                           : "UPDATE admin_crosswalk SET fid = fid WHERE 0 = 1");
            // One change of one unit is one row: stated again (a file loaded twice, or by two
            // planners), it is left out and counted; stated again otherwise (another area share
            // or legal basis), it would count the change twice, and the file is refused.
            std::map<std::vector<std::string>, std::size_t> inFile; // key → its first row
            std::vector<const std::vector<gis::FieldValue>*> fresh;
            const auto number = [](const gis::FieldValue& v) -> std::optional<double> {
                if (const auto* d = std::get_if<double>(&v))
                    return *d;
                if (const auto* i = std::get_if<std::int64_t>(&v))
                    return static_cast<double>(*i);
                return std::nullopt;
            };
            const auto same = [&](const gis::FieldValue& a, const gis::FieldValue& b) {
                const auto x = number(a), y = number(b);
                if (x && y)
                    return std::abs(*x - *y) < 1e-9;
                return gis::toString(a) == gis::toString(b) &&
                       std::holds_alternative<std::monostate>(a) ==
                           std::holds_alternative<std::monostate>(b);
            };
            const auto restated = [&](std::size_t row, const std::string& where) {
                const auto& v = inserts[row];
                return Error(
                    ErrorKind::Input,
                    csvPath + ", line " + std::to_string(lines[row]) + ": " + gis::toString(v[0]) +
                        " → " +
                        (std::holds_alternative<std::monostate>(v[2]) ? std::string("∅")
                                                                      : gis::toString(v[2])) +
                        " (" + gis::toString(v[4]) + ", " + gis::toString(v[5]) + ") is " + where +
                        " with another area_share or legal_basis; one change stated "
                        "twice would be counted twice: correct the file (nothing was "
                        "loaded)");
            };
            for (std::size_t row = 0; row < inserts.size(); ++row) {
                const auto& values = inserts[row];
                const std::vector<std::string> key = {
                    gis::toString(values[0]),
                    gis::toString(values[1]),
                    std::holds_alternative<std::monostate>(values[2]) ? "\x01"
                                                                      : gis::toString(values[2]),
                    std::holds_alternative<std::monostate>(values[3]) ? "\x01"
                                                                      : gis::toString(values[3]),
                    gis::toString(values[4]),
                    gis::toString(values[5])};
                if (const auto first = inFile.find(key); first != inFile.end()) {
                    const auto& earlier = inserts[first->second];
                    if (!same(earlier[6], values[6]) || !same(earlier[7], values[7]))
                        throw restated(row, "on line " + std::to_string(lines[first->second]) +
                                                " already");
                    ++result.repeated;
                    continue;
                }
                inFile.emplace(key, row);
                const auto stored =
                    ds.run("SELECT area_share, legal_basis FROM admin_crosswalk WHERE old_code = "
                           "? AND old_level = ? AND new_code IS NOT DISTINCT FROM ? AND "
                           "new_level IS NOT DISTINCT FROM ? AND relation = ? AND "
                           "effective_date = ?",
                           {values[0], values[1], values[2], values[3], values[4], values[5]});
                if (stored.rows.empty()) {
                    fresh.push_back(&values);
                    continue;
                }
                if (!same(stored.rows[0][0], values[6]) || !same(stored.rows[0][1], values[7]))
                    throw restated(row, "in the workspace already");
                ++result.alreadyThere;
            }
            result.rows = static_cast<std::int64_t>(fresh.size());
            if (fresh.empty())
                return; // nothing changes, nothing to log
            workspace.logEdit({"crosswalk",
                               {},
                               {},
                               {},
                               std::to_string(fresh.size()) + " row(s) from " +
                                   std::filesystem::path(csvPath).filename().string()});
            std::set<std::string> freshCodes;
            for (const auto* values : fresh) {
                ds.run("INSERT INTO admin_crosswalk (old_code, old_level, new_code, new_level, "
                       "relation, effective_date, area_share, legal_basis) VALUES (?, ?, ?, ?, ?, "
                       "?, ?, ?)",
                       *values);
                freshCodes.insert(gis::toString(values->front()));
            }
            for (const auto& [code, effective] : endings) {
                if (!freshCodes.contains(code))
                    continue;
                // The day before the change (ISO text, as dates are kept in either database);
                // only where the unit was still valid then.
                const std::string end = dayBefore(effective);
                const std::string later = " AND (valid_to IS NULL OR valid_to > ?)";
                const auto owner = ds.run(
                    "SELECT layer_name FROM admin_units WHERE unit_code = ?" + later, {code, end});
                if (owner.rows.empty())
                    continue;
                ds.run("UPDATE admin_units SET valid_to = ? WHERE unit_code = ?" + later,
                       {end, code, end});
                ds.run("UPDATE " + gis::sqlIdentifier(gis::toString(owner.rows[0][0])) +
                           " SET valid_to = ? WHERE code = ?" + later,
                       {end, code, end});
                ++result.unitsEnded;
            }
        });
    } catch (const gis::GisError& e) {
        throw Error(ErrorKind::Workspace,
                    "cannot write the crosswalk to '" + workspace.path() + "': " + e.what());
    }
    return result;
}

} // namespace pa::layers
