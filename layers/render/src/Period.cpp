#include "Period_p.h"
#include "planatlas/gis/Dataset.h"
#include "planatlas/render/Report.h"

#include <QDate>

namespace pa::render {

std::string scalar(layers::Workspace& ws, const std::string& sql)
{
    const auto r = ws.dataset().execute(sql);
    return r.rows.empty() || r.rows[0].empty() ? std::string() : gis::toString(r.rows[0][0]);
}

std::string periodDate(layers::Workspace& ws)
{
    const bool notBefore = ws.schemaVersion() >= layers::kSchemaPlanReview;
    std::string date =
        scalar(ws, std::string("SELECT MAX(") +
                       (notBefore ? "COALESCE(issued_on, not_before)" : "issued_on") +
                       ") FROM plan_documents");
    if (date.empty())
        date = QDate::currentDate().toString(Qt::ISODate).toStdString();
    return date;
}

std::string validOn(const std::string& date)
{
    return "(valid_from IS NULL OR valid_from <= " + gis::sqlLiteral(date) +
           ") AND (valid_to IS NULL OR valid_to >= " + gis::sqlLiteral(date) + ")";
}

std::string periodProvinceLayer(layers::Workspace& ws)
{
    const std::string date = periodDate(ws);
    std::string first;
    for (const auto& l : ws.layers()) {
        if (l.kind != "admin_province")
            continue;
        if (first.empty())
            first = l.name;
        if (scalar(ws, "SELECT COUNT(*) FROM " + gis::sqlIdentifier(l.name) + " WHERE " +
                           validOn(date)) != "0")
            return l.name;
    }
    return first;
}

std::string periodUnitsLayer(layers::Workspace& ws)
{
    const std::string date = periodDate(ws);
    std::string first, latestLayer, latestEnd;
    for (const auto& l : ws.layers()) {
        if (l.kind != "admin_district")
            continue;
        if (first.empty())
            first = l.name;
        if (scalar(ws, "SELECT COUNT(*) FROM " + gis::sqlIdentifier(l.name) + " WHERE " +
                           validOn(date)) != "0")
            return l.name;
        const std::string end =
            scalar(ws, "SELECT MAX(valid_to) FROM " + gis::sqlIdentifier(l.name));
        if (end > latestEnd &&
            scalar(ws, "SELECT COUNT(*) FROM " + gis::sqlIdentifier(l.name)) != "1")
            latestEnd = end, latestLayer = l.name;
    }
    return !latestLayer.empty() ? latestLayer : first;
}

} // namespace pa::render
