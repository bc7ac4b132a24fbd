// Typesets a plan document's text as a PDF the way an office would print it, for the tests and
// the benchmark of the PDF reader (the real documents come as text; their PDFs are made here).
//
//   make_plan_pdf IN.txt OUT.pdf [--repeat N] [--scan OUT.png]
//
// A4, DejaVu Sans 11 pt, justified-looking lines wrapped at the margin, first lines of list
// items at the margin and of plain paragraphs indented; a running header (the document's
// first non-empty line) and a page number at the foot of every page; Markdown emphasis removed;
// tables (pipe rows, or one cell per line between "|" lines as copied from websites) drawn as
// ruled tables with wrapped cells. --repeat concatenates the body N times (a long document for
// the benchmark). --scan also writes the first page as a noisy grey image (a simulated scan).

#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>
#include <QTextStream>
#include <cstdio>

namespace {

QString clean(QString s)
{
    s.remove('*');
    return s.simplified();
}

/// Lines, with website tables turned into pipe rows.
QStringList normalise(const QStringList& raw)
{
    QStringList out;
    for (int i = 0; i < raw.size();) {
        if (raw[i].trimmed() == "|") {
            QList<int> bars{i};
            for (;;) {
                int j = bars.back() + 1;
                while (j < raw.size() && raw[j].trimmed() != "|" && !raw[j].trimmed().isEmpty() &&
                       j - bars.back() <= 40)
                    ++j;
                if (j < raw.size() && raw[j].trimmed() == "|")
                    bars.push_back(j);
                else
                    break;
            }
            if (bars.size() >= 2) {
                QStringList row;
                auto flush = [&] {
                    if (!row.isEmpty())
                        out << "| " + row.join(" | ") + " |";
                    row.clear();
                };
                for (int b = 0; b + 1 < bars.size(); ++b) {
                    if (bars[b + 1] == bars[b] + 1) {
                        flush();
                        continue;
                    }
                    QStringList cell;
                    for (int k = bars[b] + 1; k < bars[b + 1]; ++k)
                        if (!raw[k].trimmed().startsWith("---"))
                            cell << clean(raw[k]);
                    row << cell.join(' ');
                }
                flush();
                out << "";
                i = bars.back() + 1;
                continue;
            }
        }
        out << raw[i];
        ++i;
    }
    return out;
}

class Typesetter
{
public:
    /// Pages on @p writer, or, with @p scans, as grey images (a scanner's output) collected there.
    Typesetter(QPdfWriter& writer, QString header, QList<QImage>* scans = nullptr)
        : m_writer(writer), m_scans(scans), m_header(std::move(header)), m_font("DejaVu Sans", 11)
    {
        const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
        m_width = page.width();
        m_height = page.height();
        beginPage();
        m_line = QFontMetricsF(m_font, m_painter.device()).lineSpacing();
        startPage();
    }
    ~Typesetter()
    {
        footer();
        m_painter.end();
        if (m_scans)
            addNoise(m_scans->back());
    }

    void blank() { m_y += m_line * 0.6; }

    void paragraph(const QString& text, bool indent)
    {
        const QStringList words = text.split(' ', Qt::SkipEmptyParts);
        QString line;
        bool first = true;
        const QFontMetricsF fm(m_font, m_painter.device());
        for (const auto& w : words) {
            const double limit = m_width - (first && indent ? 3 * m_line : 0);
            if (!line.isEmpty() && fm.horizontalAdvance(line + ' ' + w) > limit) {
                put(line, first && indent ? 3 * m_line : 0);
                line.clear();
                first = false;
            }
            line += (line.isEmpty() ? "" : " ") + w;
        }
        if (!line.isEmpty())
            put(line, first && indent ? 3 * m_line : 0);
    }

    void tableRow(const QStringList& cells)
    {
        // Column widths: a narrow first column (STT), the task column wide, the rest shared.
        const int n = static_cast<int>(cells.size());
        QList<double> widths;
        for (int k = 0; k < n; ++k) // one cell (a group row) spans the table
            widths << (n == 1   ? 1.0
                       : n == 2 ? 0.5
                       : k == 0 ? 0.07
                                : (k == 1 ? 0.38 : 0.55 / std::max(1, n - 2))) *
                          m_width;
        const QFontMetricsF fm(m_font, m_painter.device());
        QList<QStringList> wrapped;
        int rows = 1;
        for (int k = 0; k < n; ++k) {
            QStringList lines;
            QString line;
            for (const auto& w : cells[k].split(' ', Qt::SkipEmptyParts)) {
                if (!line.isEmpty() &&
                    fm.horizontalAdvance(line + ' ' + w) > widths[k] - m_line * 0.6) {
                    lines << line;
                    line.clear();
                }
                line += (line.isEmpty() ? "" : " ") + w;
            }
            lines << line;
            rows = std::max(rows, static_cast<int>(lines.size()));
            wrapped << lines;
        }
        const double h = rows * m_line + m_line * 0.4;
        if (m_y + h > m_height - 2 * m_line)
            newPage();
        double x = 0;
        for (int k = 0; k < n; ++k) {
            m_painter.drawRect(QRectF(x, m_y, widths[k], h));
            for (int r = 0; r < wrapped[k].size(); ++r)
                m_painter.drawText(QPointF(x + m_line * 0.3, m_y + (r + 1) * m_line),
                                   wrapped[k][r]);
            x += widths[k];
        }
        m_y += h;
    }

private:
    void put(const QString& line, double indent)
    {
        if (m_y + m_line > m_height - 2 * m_line)
            newPage();
        m_y += m_line;
        m_painter.drawText(QPointF(indent, m_y), line);
    }
    void startPage()
    {
        ++m_page;
        QFont small = m_font;
        small.setPointSizeF(8);
        m_painter.setFont(small);
        m_painter.drawText(QPointF(0, m_line * 0.8), m_header);
        m_painter.setFont(m_font);
        m_y = 2.5 * m_line;
    }
    void footer()
    {
        m_painter.drawText(QRectF(0, m_height - m_line, m_width, m_line), Qt::AlignCenter,
                           QString::number(m_page));
    }
    void beginPage()
    {
        if (m_scans) {
            // A4 at the writer's resolution (the QPdfWriter places each image on a page).
            QImage page(static_cast<int>(m_width), static_cast<int>(m_height),
                        QImage::Format_Grayscale8);
            page.fill(Qt::white);
            page.setDotsPerMeterX(m_writer.resolution() * 10000 / 254);
            page.setDotsPerMeterY(m_writer.resolution() * 10000 / 254);
            m_scans->push_back(page);
            m_painter.begin(&m_scans->back());
        } else {
            m_painter.begin(&m_writer);
        }
        m_painter.setFont(m_font);
    }
    static void addNoise(QImage& page)
    {
        // Seeded: the same scan every time, so that the OCR test reads the same page.
        static QRandomGenerator generator(20261201);
        auto* rng = &generator;
        for (int k = 0; k < page.width() * page.height() / 400; ++k)
            page.setPixel(static_cast<int>(rng->bounded(page.width())),
                          static_cast<int>(rng->bounded(page.height())),
                          rng->bounded(3) ? qRgb(170, 170, 170) : qRgb(40, 40, 40));
    }
    void newPage()
    {
        footer();
        if (m_scans) {
            m_painter.end();
            addNoise(m_scans->back());
            beginPage();
        } else {
            m_writer.newPage();
        }
        startPage();
    }

    QPdfWriter& m_writer;
    QList<QImage>* m_scans;
    QPainter m_painter;
    QString m_header;
    QFont m_font;
    double m_width = 0, m_height = 0, m_line = 0, m_y = 0;
    int m_page = 0;
};

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: make_plan_pdf IN.txt OUT.pdf [--repeat N] [--scan OUT.png]\n");
        return 2;
    }
    int repeat = 1;
    QString scan, scanPdf;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (QString(argv[i]) == "--repeat")
            repeat = QString(argv[i + 1]).toInt();
        else if (QString(argv[i]) == "--scan")
            scan = argv[i + 1];
        else if (QString(argv[i]) == "--scan-pdf")
            scanPdf = argv[i + 1];
    }
    QFile in(argv[1]);
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    const QStringList raw = QString::fromUtf8(in.readAll()).split('\n');
    QStringList lines = normalise(raw);
    QStringList all;
    for (int r = 0; r < repeat; ++r)
        all << lines;
    QString header;
    for (const auto& l : lines)
        if (!clean(l).isEmpty() && clean(l) != "|") {
            header = clean(l);
            break;
        }
    auto typeset = [&](QPdfWriter& writer, QList<QImage>* scans) {
        Typesetter t(writer, "Văn bản in thử — " + header.left(60), scans);
        QString paragraph;
        bool listItem = false; // a list item or heading starts at the margin, running text indented
        auto flush = [&](bool) {
            if (!paragraph.isEmpty())
                t.paragraph(paragraph, !listItem);
            paragraph.clear();
            listItem = false;
        };
        for (const auto& source : all) {
            const QString line = clean(source);
            if (line.startsWith('|') && line.endsWith('|') && line.count('|') >= 2) {
                flush(true);
                QStringList cells = line.mid(1, line.size() - 2).split('|');
                for (auto& c : cells)
                    c = c.trimmed();
                t.tableRow(cells);
                continue;
            }
            if (line.isEmpty()) {
                flush(true);
                t.blank();
                continue;
            }
            // Titles (capitals) and "(Ban hành kèm theo …)" lines stand on their own lines.
            if ((line == line.toUpper() && line.contains(QRegularExpression("[A-ZĐ]"))) ||
                line.startsWith('(')) {
                flush(true);
                paragraph = line;
                listItem = true;
                flush(false);
                continue;
            }
            static const QRegularExpression marker(
                R"(^(\d+(\.\d+)*\.|[a-zđ]\)|[-+•]|[IVX]+\.|Điều \d+))");
            if (marker.match(line).hasMatch()) {
                flush(true);
                paragraph = line;
                listItem = true;
                continue;
            }
            paragraph += (paragraph.isEmpty() ? "" : " ") + line;
        }
        flush(true);
    };
    auto setUp = [](QPdfWriter& writer, int dpi) {
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(dpi);
    };
    {
        QPdfWriter writer(QString::fromLocal8Bit(argv[2]));
        setUp(writer, 300);
        typeset(writer, nullptr);
    }
    if (!scanPdf.isEmpty()) {
        // The same pages as a scanner gives them: 200-dpi grey images with speckle, no text layer.
        QList<QImage> pages;
        {
            QPdfWriter layout(QString("/dev/null"));
            setUp(layout, 200);
            typeset(layout, &pages);
        }
        QPdfWriter writer(scanPdf);
        setUp(writer, 200);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter(&writer);
        for (int k = 0; k < pages.size(); ++k) {
            if (k > 0)
                writer.newPage();
            const QRect target = writer.pageLayout().paintRectPixels(writer.resolution());
            painter.drawImage(
                QRectF(target).adjusted(target.width() * 0.08, target.height() * 0.05, 0, 0),
                pages[k]);
        }
    }
    if (!scan.isEmpty()) {
        // A first page as a 200-dpi grey scan with speckle noise.
        QImage page(1654, 2339, QImage::Format_Grayscale8);
        page.fill(Qt::white);
        QPainter p(&page);
        QFont f("DejaVu Sans");
        f.setPixelSize(30);
        p.setFont(f);
        double y = 80;
        for (const auto& source : lines) {
            const QString line = clean(source);
            if (line.isEmpty() || line.startsWith('|'))
                continue;
            p.drawText(QRectF(120, y, 1414, 2000), Qt::TextWordWrap, line, nullptr);
            y += 38 * (1 + QFontMetricsF(f).horizontalAdvance(line) / 1414);
            if (y > 2200)
                break;
        }
        p.end();
        QRandomGenerator generator(7);
        auto* rng = &generator;
        for (int k = 0; k < 20000; ++k) {
            const int x = static_cast<int>(rng->bounded(page.width())),
                      yy = static_cast<int>(rng->bounded(page.height()));
            page.setPixel(x, yy, rng->bounded(2) ? qRgb(0, 0, 0) : qRgb(200, 200, 200));
        }
        page.save(scan);
    }
    return 0;
}
