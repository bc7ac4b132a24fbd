#pragma once
// Small conversions the GUI's panels share: engine strings (UTF-8) to Qt and lists of names.

#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace pa::gui {

inline QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

/// {"Sở A", "Sở B"} → "Sở A; Sở B" (plain text: escape it for HTML).
inline QString joined(const std::vector<std::string>& names)
{
    QStringList list;
    for (const auto& n : names)
        list << q(n);
    return list.join(QStringLiteral("; "));
}

} // namespace pa::gui
