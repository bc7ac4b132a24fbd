#pragma once
// Export map: the map as `planatlas map` draws it (same renderer, page furniture and all), of
// what the screen shows — its visible layers and opacities, its theme with the same
// parameters (a 2,5 km corridor stays 2,5 km), its highlight — of the current view or the whole
// province, with page size and orientation, resolution, title and language, to PNG, SVG or
// PDF; or an atlas, one page per district or per park with its tasks beside the map. Beside the
// settings, the page as it will print, redrawn in the background as they change. The dialog
// remembers its settings and asks before replacing a file.

#include "planatlas/render/Atlas.h"
#include "planatlas/render/Map.h"

#include <QDialog>
#include <QImage>
#include <QTimer>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
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
    ~ExportMapDialog() override;

    /// Turns on the preview of @p workspacePath (opened read-only in a worker thread) and
    /// offers an atlas of each of @p atlasLayers (layer name, title as shown).
    void setWorkspace(const QString& workspacePath,
                      const std::vector<std::pair<QString, QString>>& atlasLayers);

    [[nodiscard]] QString path() const;
    void setPath(const QString& path);
    [[nodiscard]] render::MapOptions options() const;
    QComboBox* themeChoice() const { return m_theme; }
    QComboBox* pageChoice() const { return m_page; }
    QSpinBox* dpiChoice() const { return m_dpi; }
    QComboBox* orientationChoice() const { return m_orientation; }
    QComboBox* pagesChoice() const { return m_pages; }
    /// The layer of the atlas chosen; empty: one map.
    [[nodiscard]] QString atlasLayer() const;
    /// The atlas as chosen (its map options are options()).
    [[nodiscard]] render::AtlasOptions atlasOptions() const;
    /// The last preview drawn (null before the first), and what went wrong drawing it.
    [[nodiscard]] const QImage& preview() const { return m_previewImage; }
    [[nodiscard]] const QString& previewError() const { return m_previewError; }
    /// Who is asked whether an existing file may be replaced (a question box by default; tests
    /// answer it themselves). Returns true to replace.
    void setConfirmReplace(std::function<bool(const QString& path)> confirm);

public slots:
    void accept() override; ///< keeps the dialog open when the file exists and may not be replaced

signals:
    /// A preview was drawn (or failed: previewError()).
    void previewDrawn();

private:
    void schedulePreview();
    void drawPreview();
    void pagesChanged();

    QString m_workspace;
    QComboBox* m_pages = nullptr;
    QLabel* m_previewLabel = nullptr;
    QLabel* m_previewCaption = nullptr;
    QTimer m_previewTimer;
    std::uint64_t m_previewJob = 0;
    std::shared_ptr<std::atomic<bool>> m_previewCancel;
    QImage m_previewImage;
    QString m_previewError;
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
