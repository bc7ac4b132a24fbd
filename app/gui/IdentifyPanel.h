#pragma once
// What a click on the map found: each feature (name, layer, code, whether its geometry is
// indicative), the plan tasks linked to it (text, document, lead and supporting agencies) and
// its attributes, as readable text that wraps to the panel's width. A task's id is a link:
// following it highlights the task's footprint on the map.

#include "planatlas/layers/Identify.h"

#include <QTextBrowser>
#include <string>
#include <vector>

namespace pa::gui {

class IdentifyPanel : public QTextBrowser
{
    Q_OBJECT

public:
    explicit IdentifyPanel(QWidget* parent = nullptr);

    void showFeatures(const std::vector<layers::IdentifiedFeature>& features,
                      const std::string& lang);
    /// The hint shown before any click (and after a workspace is opened).
    void showHint();
    [[nodiscard]] const std::vector<layers::IdentifiedFeature>& features() const
    {
        return m_features;
    }

signals:
    /// A task's link was followed.
    void taskActivated(const QString& taskId);
    /// A feature's "zoom" link was followed: zoom to it.
    void featureActivated(int index);
    /// "unlink" was followed beside a task of a feature.
    void unlinkRequested(const QString& taskId, const QString& featureCode,
                         const QString& featureName);

private:
    std::vector<layers::IdentifiedFeature> m_features;
};

} // namespace pa::gui
