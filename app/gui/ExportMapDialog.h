#pragma once
// Export map: the map as `planatlas map` draws it (same renderer, page furniture and all), of
// what the screen shows — its visible layers and opacities, its theme with the same
// parameters (a 2,5 km corridor stays 2,5 km), its highlight — of the current view or the whole
// province, with page size and orientation, resolution, title and language, to PNG, SVG or
// PDF. The dialog remembers its settings and asks before replacing a file.

#include "planatlas/render/Map.h"

#include <QDialog>
#include <functional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace pa::gui {

class ExportMapDialog : public QDialog
{
    Q_OBJECT

public:
    /// @p screen: what the canvas shows (MapCanvas::screenOptions()); @p lang: the window's
    /// language, the map's by default.
    ExportMapDialog(QWidget* parent, const render::MapOptions& screen, const QString& lang);

    [[nodiscard]] QString path() const;
    void setPath(const QString& path);
    [[nodiscard]] render::MapOptions options() const;
    QComboBox* themeChoice() const { return m_theme; }
    QComboBox* pageChoice() const { return m_page; }
    QSpinBox* dpiChoice() const { return m_dpi; }
    /// Who is asked whether an existing file may be replaced (a question box by default; tests
    /// answer it themselves). Returns true to replace.
    void setConfirmReplace(std::function<bool(const QString& path)> confirm);

public slots:
    void accept() override; ///< keeps the dialog open when the file exists and may not be replaced

private:
    render::MapOptions m_screen;
    QLineEdit* m_path = nullptr;
    QComboBox* m_theme = nullptr;
    QComboBox* m_page = nullptr;
    QComboBox* m_orientation = nullptr;
    QSpinBox* m_dpi = nullptr;
    QLineEdit* m_title = nullptr;
    QComboBox* m_lang = nullptr;
    QCheckBox* m_currentView = nullptr;
    std::function<bool(const QString&)> m_confirmReplace;
};

} // namespace pa::gui
