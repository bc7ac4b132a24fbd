#pragma once
// Add a layer: any file GDAL reads (Shapefile, GeoPackage, GeoJSON, KML, CSV…) imported into the
// workspace as a layer of a kind, with its CRS (VN-2000 TM-3 presets for a file that has
// none), the legacy encoding of its text, which column holds codes and which column fills
// each of the kind's attributes. The import runs in the background with a progress bar and
// Cancel, in one transaction: cancelled or refused, the workspace is as it was.

#include "planatlas/layers/Importer.h"

#include <QDialog>
#include <atomic>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace pa::gui {

class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(QWidget* parent, const QString& workspacePath, const QString& lang);
    ~ImportDialog() override;

    /// Chooses the source file and reads its layers and columns (also what Browse does).
    bool setSource(const QString& path);
    QComboBox* kindChoice() const { return m_kind; }
    QComboBox* crsChoice() const { return m_crs; }
    QComboBox* encodingChoice() const { return m_encoding; }
    QComboBox* codeChoice() const { return m_code; }
    QLineEdit* licenceEdit() const { return m_licence; }
    QLineEdit* layerNameEdit() const { return m_layerName; }
    /// The geometry's quality: digitized, surveyed, indicative, or traced over a map sheet of
    /// the workspace (data "sheet:NAME").
    QComboBox* qualityChoice() const { return m_quality; }
    [[nodiscard]] layers::ImportOptions options() const;

    /// Imports as the Import button does and waits; true when the layer was added.
    bool runImport();
    /// Stops an import in flight (Cancel while running).
    void cancelImport();
    [[nodiscard]] QString error() const { return m_error; }
    /// What the dialog says under its fields: the import's outcome, its repairs and problems.
    [[nodiscard]] QString message() const;
    /// Import or, once a layer was imported with something to say about it, Close.
    [[nodiscard]] QPushButton* importButton() const;
    [[nodiscard]] const layers::ImportReport& report() const { return m_report; }

signals:
    void imported(const QString& layer);

private:
    void fillAttributes();
    /// Where in this dialog a person puts right what @p parameter (declared name) sets; empty
    /// when the dialog has no field for it.
    [[nodiscard]] QString fieldHint(const std::string& parameter) const;

    QString m_workspace, m_lang;
    QLineEdit* m_path = nullptr;
    QComboBox* m_sourceLayer = nullptr;
    QComboBox* m_kind = nullptr;
    bool m_kindChosen = false; ///< the person chose the kind: the file's name no longer sets it
    QLineEdit* m_layerName = nullptr;
    QComboBox* m_crs = nullptr;
    QComboBox* m_encoding = nullptr;
    QComboBox* m_code = nullptr;
    QComboBox* m_quality = nullptr;
    QLineEdit* m_source = nullptr;
    QLineEdit* m_licence = nullptr;
    QTableWidget* m_fields = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QStringList m_columns;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QString m_error;
    layers::ImportReport m_report;
    /// A layer was imported and the dialog stays open to say what was repaired or is missing,
    /// until it is closed or another file is chosen.
    bool m_done = false;
};

} // namespace pa::gui
