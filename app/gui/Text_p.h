#pragma once
// Small conversions the GUI's panels share: engine strings (UTF-8) to Qt and lists of names.

#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Sentence.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <exception>
#include <string>
#include <vector>

namespace pa::gui {

inline QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

/// How the catalogue installed writes numbers: the locale it names (numberLocaleEntry()), so
/// that the numbers of a sentence always go with its words; English when it names none.
inline QLocale sentenceLocale()
{
    const char* entry = layers::numberLocaleEntry();
    const QString name = QCoreApplication::translate("pa::layers", entry);
    return name == QLatin1String(entry) ? QLocale(QLocale::English) : QLocale(name);
}

/// A sentence of the engine (an analysis's refusal, a workspace's error) in the interface's
/// language: its templates from the catalogue (context "pa::layers"), its numbers written as
/// that language writes them ("1.211.000", "12,3"), its other values as they are.
inline QString said(const layers::Sentence& sentence)
{
    const QLocale numbers = sentenceLocale();
    return q(sentence.say(
        [](const char* english) {
            return QCoreApplication::translate("pa::layers", english).toStdString();
        },
        [&numbers](double value, int decimals) {
            return (decimals < 0 ? numbers.toString(value, 'f', QLocale::FloatingPointShortest)
                                 : numbers.toString(value, 'f', decimals))
                .toStdString();
        }));
}

/// Notices of the engine (an import's repairs, a plan's points to check, an analysis's notes on
/// its inputs), one line each in the interface's language, without the command line's remedies.
inline QStringList said(const std::vector<layers::Notice>& notices)
{
    QStringList lines;
    for (const auto& notice : notices)
        lines << said(notice.sentence);
    return lines;
}

/// An error in the interface's language, as the main window words it (MainWindow::errorText:
/// a role's missing right, a conflict, the engine's sentence without the command line's
/// remedy, else its text).
QString said(const std::exception& error);

/// {"Sở A", "Sở B"} → "Sở A; Sở B" (plain text: escape it for HTML).
inline QString joined(const std::vector<std::string>& names)
{
    QStringList list;
    for (const auto& n : names)
        list << q(n);
    return list.join(QStringLiteral("; "));
}

} // namespace pa::gui
