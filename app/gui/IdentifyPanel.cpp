#include "IdentifyPanel.h"

#include "Text_p.h"
#include "planatlas/layers/analysis/Table.h"

#include <QRegularExpression>
#include <QUrl>

namespace pa::gui {

namespace {

QString h(const std::string& s)
{
    return q(s).toHtmlEscaped();
}

/// A stored value as a person reads it: coded values in words, decimals with a comma in
/// Vietnamese ("361,1").
QString shown(const std::string& column, const std::string& value, const std::string& lang)
{
    QString text = q(analysis::valueTitle(column, value, lang));
    static const QRegularExpression decimal(QStringLiteral("^-?\\d+\\.\\d+$"));
    if (lang != "en" && decimal.match(text).hasMatch())
        text.replace(QLatin1Char('.'), QLatin1Char(','));
    return text.toHtmlEscaped();
}

} // namespace

IdentifyPanel::IdentifyPanel(QWidget* parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    document()->setDefaultStyleSheet(
        QStringLiteral("h3 { margin: 8px 0 0 0; } .what { color: #555; } .note { color: #9a5b00; } "
                       "li { margin-bottom: 6px; } .meta { color: #444; } td.k { color: #555; "
                       "padding-right: 8px; }"));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        const QString target = url.toString();
        if (target.startsWith(QStringLiteral("task:")))
            emit taskActivated(target.mid(5));
        else if (target.startsWith(QStringLiteral("feature:")))
            emit featureActivated(target.mid(8).toInt());
        else if (target.startsWith(QStringLiteral("unlink:"))) {
            // unlink:<feature index>:<task index>
            const auto parts = target.mid(7).split(QLatin1Char(':'));
            const auto f = static_cast<std::size_t>(parts.value(0).toInt());
            const auto t = static_cast<std::size_t>(parts.value(1).toInt());
            if (f < m_features.size() && t < m_features[f].tasks.size())
                emit unlinkRequested(q(m_features[f].tasks[t].taskId), q(m_features[f].code),
                                     q(m_features[f].name));
        }
    });
    showHint();
}

void IdentifyPanel::showHint()
{
    m_features.clear();
    setHtml(QStringLiteral("<p class='what'>%1</p>")
                .arg(tr("Click the map to see what is there: the features, the plan "
                        "tasks linked to them and who leads each task.")));
}

void IdentifyPanel::showFeatures(const std::vector<layers::IdentifiedFeature>& features,
                                 const std::string& lang)
{
    m_features = features;
    if (features.empty()) {
        setHtml(QStringLiteral("<p class='what'>%1</p>").arg(tr("Nothing here.")));
        return;
    }
    QString html;
    for (std::size_t i = 0; i < features.size(); ++i) {
        const auto& f = features[i];
        const std::string& title =
            lang == "en" && !f.layerTitleEn.empty() ? f.layerTitleEn : f.layerTitleVi;
        html += QStringLiteral("<h3>%1</h3>").arg(h(f.name.empty() ? f.code : f.name));
        html += QStringLiteral("<div class='what'>%1%2 · <a href='feature:%3'>%4</a></div>")
                    .arg(h(title), f.code.empty() ? QString() : QStringLiteral(" · ") + h(f.code))
                    .arg(i)
                    .arg(tr("zoom to"));
        if (f.geometryQuality == "indicative")
            html +=
                QStringLiteral("<div class='note'>%1</div>")
                    .arg(tr("Position indicative: drawn from plan descriptions, not surveyed."));
        // The feature's own data first, as a person reads it: the columns' titles and coded
        // values in words ("Trạng thái: quy hoạch"), the code and name already in the heading.
        html += QStringLiteral("<table>");
        for (const auto& [name, value] : f.attributes)
            if (!value.empty() && name != "code" && name != "name_vi")
                html += QStringLiteral("<tr><td class='k'>%1</td><td>%2</td></tr>")
                            .arg(h(analysis::columnTitle(name, lang)), shown(name, value, lang));
        html += QStringLiteral("</table>");
        html += QStringLiteral("<p><b>%1</b> (%2)</p>").arg(tr("Linked tasks")).arg(f.tasks.size());
        if (!f.tasks.empty()) {
            html += QStringLiteral("<ul>");
            for (std::size_t ti = 0; ti < f.tasks.size(); ++ti) {
                const auto& t = f.tasks[ti];
                html +=
                    QStringLiteral(
                        "<li><a href='task:%1'>%1</a> — %2<br><span class='meta'><i>%3:</i> %4")
                        .arg(h(t.taskId), h(t.text), tr("Lead"),
                             t.lead.empty() ? tr("(none named)") : joined(t.lead).toHtmlEscaped());
                if (!t.support.empty())
                    html += QStringLiteral("<br><i>%1:</i> %2")
                                .arg(tr("Supporting"), joined(t.support).toHtmlEscaped());
                html +=
                    QStringLiteral(
                        "<br><i>%1:</i> %2%3 · <a href='unlink:%4:%5'>%6</a></span></li>")
                        .arg(tr("Document"), h(t.docId),
                             t.section.empty() ? QString() : QStringLiteral(", ") + h(t.section))
                        .arg(i)
                        .arg(ti)
                        .arg(tr("unlink"));
            }
            html += QStringLiteral("</ul>");
        }
        html += QStringLiteral("<hr>");
    }
    setHtml(html);
}

} // namespace pa::gui
