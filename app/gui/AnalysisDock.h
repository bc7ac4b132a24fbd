#pragma once
// The analyses beside the map: coverage of units by kind (with its choropleth on the map),
// overlaps between incompatible uses (a row zooms to its polygon), the expressway corridor
// (with its band on the map) and the plan's measurable targets. Each runs in the background
// with a progress bar and Cancel, on its own read-only connection to the workspace, and its
// table is the one `planatlas analyze` writes (the same code), so "Export CSV" gives the same
// bytes.

#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Table.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPointer>
#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace pa::gui {

class AnalysisDock : public QWidget
{
    Q_OBJECT

public:
    explicit AnalysisDock(QWidget* parent = nullptr);

    /// The workspace to analyse (opened again by each run); its polygon layers fill the unit
    /// choices. Empty @p path clears.
    void setWorkspace(const QString& path, layers::Workspace* workspace, const std::string& lang);

    /// "vi" or "en": kind names and number formats in the tables.
    void setLanguage(const std::string& lang);

    enum class Kind { Coverage, Overlaps, Corridor, Targets };
    /// Runs an analysis as its tab's Run button does.
    void run(Kind kind);
    void showTab(Kind kind);
    [[nodiscard]] bool isRunning() const { return static_cast<bool>(m_cancel); }
    /// The table of the last finished run of @p kind (empty before).
    [[nodiscard]] const analysis::Table& table(Kind kind) const { return m_tables[static_cast<int>(kind)]; }
    [[nodiscard]] QTableWidget* view(Kind kind) const { return m_views[static_cast<int>(kind)]; }
    /// Writes the last table of @p kind as CSV (the bytes `planatlas analyze` writes).
    bool exportCsv(Kind kind, const QString& path);

    QComboBox* unitsChoice() const { return m_units; }
    QComboBox* kindChoice() const { return m_kind; }
    QDoubleSpinBox* distanceChoice() const { return m_distance; }

signals:
    /// A run finished; @p error empty on success.
    void finished(int kind, const QString& error);
    /// Show the coverage choropleth of @p units by @p kind on the map.
    void coverageShown(const QString& units, const QString& kind);
    void corridorShown(double distanceKm);
    /// A row with a place was chosen: select and zoom to it.
    void placeChosen(const gis::Shapes& shapes, const gis::Envelope& extent);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showTable(Kind kind, analysis::Table table);
    void setBusy(bool busy);
    void showKindRows(); ///< coverage: only the rows of the kind on the map
    [[nodiscard]] QLocale numberLocale() const; ///< number formats of the chosen language

    /// Runs @p work on a worker thread with its own read-only workspace, then @p done here.
    template <typename Result>
    void start(std::function<Result(layers::Workspace&, const layers::Progress&)> work, std::function<void(Result)> done)
    {
        cancel();
        auto flag = std::make_shared<std::atomic<bool>>(false);
        m_cancel = flag;
        setBusy(true);
        QPointer<AnalysisDock> self(this);
        const std::string path = m_path.toStdString();
        QThreadPool::globalInstance()->start([=] {
            std::optional<Result> result;
            QString error;
            bool cancelled = false;
            try {
                auto ws = layers::Workspace::open(path, gis::OpenMode::ReadOnly);
                const layers::Progress progress(
                    [self](double fraction, std::string_view) {
                        QMetaObject::invokeMethod(
                            QCoreApplication::instance(), [self, fraction] { progressed(self, fraction); },
                            Qt::QueuedConnection);
                    },
                    flag.get());
                result = work(ws, progress);
            } catch (const layers::Error& e) {
                cancelled = e.kind() == layers::ErrorKind::Cancelled;
                error = QString::fromStdString(e.what());
            } catch (const std::exception& e) {
                error = QString::fromStdString(e.what());
            }
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, flag, result = std::move(result), error, cancelled, done]() mutable {
                    AnalysisDock* dock = self.data();
                    if (!dock || dock->m_cancel != flag)
                        return; // gone, or replaced by a newer run
                    dock->m_cancel.reset();
                    dock->setBusy(false);
                    dock->report(cancelled ? QString() : error, cancelled);
                    if (result && error.isEmpty())
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }
    void cancel();
    static void progressed(const QPointer<AnalysisDock>& dock, double fraction);
    void report(const QString& error, bool cancelled);

    QString m_path;
    std::string m_lang = "vi";
    std::shared_ptr<std::atomic<bool>> m_cancel;
    Kind m_running = Kind::Coverage;
    analysis::Table m_tables[4];
    std::vector<std::pair<gis::Shapes, gis::Envelope>> m_overlapPlaces; ///< per overlaps row

    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_views[4] = {};
    QPushButton* m_runButtons[4] = {};
    QPushButton* m_exportButtons[4] = {};
    QComboBox* m_units = nullptr;
    QComboBox* m_kind = nullptr;
    QDoubleSpinBox* m_minHa = nullptr;
    QDoubleSpinBox* m_distance = nullptr;
    QLabel* m_unitsLabel = nullptr;
    QLabel* m_kindLabel = nullptr;
    QLabel* m_minHaLabel = nullptr;
    QLabel* m_distanceLabel = nullptr;
    QLabel* m_summary[4] = {};
    std::function<QString()> m_summaryText[4]; ///< each table's summary, in the language of the moment
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace pa::gui
