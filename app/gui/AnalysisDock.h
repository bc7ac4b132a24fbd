#pragma once
// The analyses beside the map, generated from their declarations (analysis/Algorithm.h): one
// page per registered analysis, chosen from a list, with a form made from its parameters
// (layers of the right kinds, choices by their titles, numbers typed as a Vietnamese writes
// them, "2,5"), Run and Export CSV. Each runs in the background with a progress bar and Cancel,
// on its own read-only connection to the workspace, and its table is the one `planatlas
// analyze` writes (the same code), so "Export CSV" gives the same bytes. A few analyses also
// act on the map (GUI business, by name): coverage colours the units by the kind chosen,
// corridor draws its band, an overlap row zooms to its polygon.

#include "Text_p.h"
#include "planatlas/gis/Geometry.h"
#include "planatlas/layers/Errors.h"
#include "planatlas/layers/Progress.h"
#include "planatlas/layers/Workspace.h"
#include "planatlas/layers/analysis/Algorithm.h"
#include "planatlas/layers/analysis/Table.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPointer>
#include <QThreadPool>
#include <QWidget>
#include <atomic>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace pa::gui {

class AnalysisDock : public QWidget
{
    Q_OBJECT

public:
    explicit AnalysisDock(QWidget* parent = nullptr);

    /// The workspace to analyse (opened again by each run); its layers fill the layer
    /// choices. Empty @p path clears.
    void setWorkspace(const QString& path, layers::Workspace* workspace, const std::string& lang);

    /// "vi" or "en": titles, kind names and number formats in the tables.
    void setLanguage(const std::string& lang);

    /// Runs the analysis @p name (as registered) as its page's Run button does.
    void run(const std::string& name);
    void showAnalysis(const std::string& name);
    [[nodiscard]] bool isRunning() const { return static_cast<bool>(m_cancel); }
    /// The table of the last finished run of @p name (empty before).
    [[nodiscard]] const analysis::Table& table(const std::string& name) const;
    [[nodiscard]] QTableWidget* view(const std::string& name) const;
    /// The form's widget for parameter @p parameter of @p name (a QComboBox, QLineEdit,
    /// QCheckBox or QListWidget), nullptr when there is none.
    [[nodiscard]] QWidget* field(const std::string& name, const std::string& parameter) const;
    /// The summary line of the last run of @p name.
    [[nodiscard]] QString summary(const std::string& name) const;
    /// Writes the last table of @p name for a spreadsheet, in the language of the moment: an
    /// Excel workbook for a ".xlsx" path (the bytes' content `planatlas analyze --format xlsx`
    /// writes), otherwise CSV with a byte-order mark and the columns' words (`--excel`).
    bool exportTable(const std::string& name, const QString& path);

    /// Coverage's units and the kind it colours the map by.
    [[nodiscard]] QComboBox* unitsChoice() const;
    [[nodiscard]] QComboBox* kindChoice() const { return m_kind; }

signals:
    /// A run of analysis @p name finished; @p error empty on success.
    void finished(const QString& name, const QString& error);
    /// Show the coverage choropleth of @p units by @p kind on the map.
    void coverageShown(const QString& units, const QString& kind);
    void corridorShown(double distanceKm);
    /// An analysis that draws nothing on the map finished: an earlier one's colouring or band
    /// is no longer its result.
    void overlayReleased();
    /// A row with a place was chosen: select and zoom to it.
    void placeChosen(const gis::Shapes& shapes, const gis::Envelope& extent);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Field
    {
        const analysis::Parameter* parameter;
        QLabel* label;
        QWidget* widget;
    };
    struct Page
    {
        const analysis::Algorithm* algorithm;
        QWidget* widget;
        QFormLayout* form;
        std::vector<Field> fields;
        QPushButton* runButton;
        QPushButton* exportButton;
        QLabel* summary;
        QTableWidget* view;
        analysis::Table table;
        analysis::ParameterValues given; ///< of the last run, for an exported workbook
        std::vector<std::pair<std::string, analysis::SummaryValue>> figures;
        std::vector<layers::Notice> notes;    ///< on the inputs, said in the language of the moment
        std::function<QString()> summaryText; ///< in the language of the moment
    };

    void retranslateUi();
    void fillLayerChoices(layers::Workspace* workspace);
    [[nodiscard]] analysis::ParameterValues values(const Page& page) const;
    void finish(Page& page, analysis::Result result, const analysis::ParameterValues& values);
    void showTable(Page& page, analysis::Table table);
    void setBusy(bool busy);
    void showKindRows();                        ///< coverage: only the rows of the kind on the map
    [[nodiscard]] QLocale numberLocale() const; ///< number formats of the chosen language
    [[nodiscard]] bool english() const { return m_lang == "en"; }
    [[nodiscard]] Page* page(const std::string& name);
    [[nodiscard]] const Page* page(const std::string& name) const;
    /// The form's title of a parameter, with its unit: "Khoảng cách (km)".
    [[nodiscard]] QString title(const analysis::Parameter& parameter) const;

    /// Runs @p work on a worker thread with its own read-only workspace, then @p done here.
    template <typename Result>
    void start(std::function<Result(layers::Workspace&, const layers::Progress&)> work,
               std::function<void(Result)> done)
    {
        cancel();
        auto flag = std::make_shared<std::atomic<bool>>(false);
        m_cancel = flag;
        setBusy(true);
        QPointer<AnalysisDock> self(this);
        const std::string path = m_path.toStdString();
        QThreadPool::globalInstance()->start([=] {
            std::optional<Result> result;
            std::optional<layers::ParameterError> refused;
            std::exception_ptr failed; ///< the engine's error, said in the window's words
            QString error;
            bool cancelled = false;
            try {
                auto ws = layers::Workspace::open(path, gis::OpenMode::ReadOnly);
                const layers::Progress progress(
                    [self](double fraction, std::string_view) {
                        QMetaObject::invokeMethod(
                            QCoreApplication::instance(),
                            [self, fraction] { progressed(self, fraction); }, Qt::QueuedConnection);
                    },
                    flag.get());
                result = work(ws, progress);
            } catch (const layers::ParameterError& e) {
                refused = e;
            } catch (const layers::Error& e) {
                cancelled = e.kind() == layers::ErrorKind::Cancelled;
                failed = std::current_exception();
            } catch (const std::exception& e) {
                error = said(e);
            }
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, flag, result = std::move(result), refused, failed, error, cancelled,
                 done]() mutable {
                    AnalysisDock* dock = self.data();
                    if (!dock || dock->m_cancel != flag)
                        return; // gone, or replaced by a newer run
                    dock->m_cancel.reset();
                    dock->setBusy(false);
                    if (refused) // named as the form names it, in the language of the moment
                        error = dock->refusal(*refused);
                    else if (failed)
                        error = failure(failed);
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
    [[nodiscard]] QString refusal(const layers::ParameterError& error) const;
    /// An engine's error (a workspace's, an analysis's) as the main window words it: said().
    [[nodiscard]] static QString failure(const std::exception_ptr& error);

    QString m_path;
    std::string m_province, m_crs; ///< of the workspace, for an exported workbook
    std::string m_lang = "vi";
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::string m_running;
    std::vector<Page> m_pages;                                          ///< in registry order
    std::vector<std::pair<gis::Shapes, gis::Envelope>> m_overlapPlaces; ///< per overlaps row

    QComboBox* m_choice = nullptr; ///< which analysis
    QLabel* m_choiceLabel = nullptr;
    QStackedWidget* m_stack = nullptr;
    QComboBox* m_kind = nullptr; ///< coverage: the kind on the map
    QLabel* m_kindLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace pa::gui
