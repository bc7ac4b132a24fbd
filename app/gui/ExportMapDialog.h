#pragma once
// Export map: the map as `planatlas map` draws it (same renderer, page furniture and all) of
// the current view or the whole province, with a theme, page size and orientation, resolution,
// title and language, to PNG, SVG or PDF.

#include "planatlas/gis/Geometry.h"
#include "planatlas/render/Map.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace pa::gui {

class ExportMapDialog : public QDialog
{
    Q_OBJECT

public:
    /// @p view: the canvas's extent; @p highlight: what the canvas highlights ("task:…"), if any.
    ExportMapDialog(QWidget* parent, const gis::Envelope& view, const std::string& highlight,
                    const QString& lang);

    [[nodiscard]] QString path() const;
    void setPath(const QString& path);
    [[nodiscard]] render::MapOptions options() const;
    QComboBox* themeChoice() const { return m_theme; }
    QComboBox* pageChoice() const { return m_page; }

private:
    gis::Envelope m_view;
    std::string m_highlight;
    QLineEdit* m_path = nullptr;
    QComboBox* m_theme = nullptr;
    QComboBox* m_page = nullptr;
    QComboBox* m_orientation = nullptr;
    QSpinBox* m_dpi = nullptr;
    QLineEdit* m_title = nullptr;
    QComboBox* m_lang = nullptr;
    QCheckBox* m_currentView = nullptr;
};

} // namespace pa::gui
