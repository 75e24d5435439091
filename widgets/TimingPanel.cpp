#include "TimingPanel.h"
#include "FileDialogs.h"
#include "PlotStyle.h"

#include <qcustomplot.h>
#include <QComboBox>
#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

namespace lomaw::gui {

namespace {

const QColor kPalette[] = {QColor("#1c64c8"), QColor("#e8590c"), QColor("#2f9e44"), QColor("#ae3ec9"),
                           QColor("#f08c00"), QColor("#0c8599"), QColor("#c92a2a"), QColor("#5c7cfa")};

QColor colourAt(int k) { return kPalette[k % int(std::size(kPalette))]; }

// Ticks of a log axis at 1, 2, 5 x 10^k inside the range (every 1 ... 9 x 10^k when that gives
// fewer than three), labelled as plain numbers. QCPAxisTickerLog labels only the decades and
// falls back to linear steps on ranges of a decade or two, which reads badly here.
QMap<double, QString> logTicks(double lo, double hi) {
    QMap<double, QString> ticks;
    if (!(lo > 0) || !(hi > lo)) return ticks;
    for (const QVector<int>& mantissas : {QVector<int>{1, 2, 5}, QVector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
        ticks.clear();
        for (int e = int(std::floor(std::log10(lo))); e <= int(std::ceil(std::log10(hi))); ++e)
            for (int m : mantissas) {
                const double v = m * std::pow(10.0, e);
                if (v >= lo && v <= hi) ticks.insert(v, QString::number(v, 'g', 6));
            }
        if (ticks.size() >= 3) break;
    }
    return ticks;
}

void makeLog(QCPAxis* axis) {
    axis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->setSubTickCount(0);
    axis->setTicker(ticker);
    // Zoom and pan move the range: the ticks follow it.
    QObject::connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), axis, [axis](const QCPRange& range) {
        if (auto text = axis->ticker().dynamicCast<QCPAxisTickerText>(); text && axis->property("logTicks").toBool())
            text->setTicks(logTicks(range.lower, range.upper));
    });
    axis->setProperty("logTicks", true);
}

// Worker counts are few and small: a tick (and label) at each count measured, on the log axis.
void workerTicks(QCPAxis* axis, const QVector<double>& counts) {
    axis->setProperty("logTicks", false);
    QMap<double, QString> ticks;
    for (double w : counts) ticks.insert(w, QString::number(w));
    if (auto text = axis->ticker().dynamicCast<QCPAxisTickerText>()) text->setTicks(ticks);
}

// The legend goes below the axis rect, in rows of `columns` entries: inside the axis rect it
// covered curves wherever it sat (times against workers fall across the whole width, speed-ups
// rise across it), and a row under the x axis label costs only a little height.
void legendBelow(QCustomPlot* plot, int columns) {
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->plotLayout()->addElement(plot->plotLayout()->rowCount(), 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(plot->plotLayout()->rowCount() - 1, 0.001);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setWrap(columns);
    plot->legend->setMargins(QMargins(6, 0, 6, 4));
    plot->legend->setColumnSpacing(12);
    plot->legend->setRowSpacing(0);
}

QCustomPlot* makePlot(QWidget* parent, const QString& name, const QString& title, const QString& x, const QString& y) {
    auto* plot = new QCustomPlot(parent);
    plot->setObjectName(name);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, QFont(plot->font().family(), 10, QFont::Bold)));
    plot->xAxis->setLabel(x);
    plot->yAxis->setLabel(y);
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setMinimumSize(220, 160);
    return plot;
}

// Log axes need positive ranges; pad by a factor so the end points are not on the frame.
void fitLog(QCPAxis* axis, double lo, double hi) {
    if (!(lo > 0) || !(hi > 0)) {
        axis->setRange(0.1, 10);
        return;
    }
    if (hi <= lo) hi = lo * 10, lo = lo / 10;
    axis->setRange(lo / 1.5, hi * 1.5);
}

}  // namespace

TimingPanel::TimingPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("timingPanel");
    component_ = new QComboBox(this);
    component_->setObjectName("timingComponent");
    component_->addItems(timingComponents());
    component_->setToolTip("Which part of the timing breakdown is plotted");
    auto* load = new QPushButton(QIcon(":/icons/open.svg"), "Load CSV…", this);
    auto* save = new QPushButton("Save CSV…", this);
    auto* exportButton = new QPushButton("Export…", this);
    auto* clearButton = new QPushButton("Clear", this);
    status_ = new QLabel(this);
    status_->setObjectName("timingStatus");
    status_->setWordWrap(true);

    sets_ = makePlot(this, "timingSetsPlot", "time vs input sets (mpirun)", "input sets", "seconds");
    steps_ = makePlot(this, "timingStepsPlot", "time vs steps (optimize)", "steps", "seconds");
    workers_ = makePlot(this, "timingWorkersPlot", "time vs MPI workers", "workers", "seconds");
    speedup_ = makePlot(this, "timingSpeedupPlot", "speed-up vs workers", "workers", "speed-up");
    nodes_ = makePlot(this, "timingNodesPlot", "compute per node (newest run)", "rank", "seconds");
    nodes_->setVisible(false);
    for (QCustomPlot* p : {sets_, steps_, workers_}) {
        makeLog(p->xAxis);
        makeLog(p->yAxis);
    }
    makeLog(speedup_->xAxis);
    makeLog(speedup_->yAxis);
    for (QCustomPlot* p : {sets_, steps_}) legendBelow(p, 4);
    for (QCustomPlot* p : {workers_, speedup_, nodes_}) legendBelow(p, 3);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel("Time", this));
    bar->addWidget(component_);
    bar->addStretch(1);
    bar->addWidget(load);
    bar->addWidget(save);
    bar->addWidget(exportButton);
    bar->addWidget(clearButton);
    auto* grid = new QGridLayout;
    grid->addWidget(sets_, 0, 0);
    grid->addWidget(steps_, 0, 1);
    grid->addWidget(workers_, 1, 0);
    grid->addWidget(speedup_, 1, 1);
    grid->addWidget(nodes_, 0, 2, 2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(status_);
    layout->addLayout(grid, 1);

    connect(component_, &QComboBox::currentTextChanged, this, [this] { rebuild(); });
    connect(load, &QPushButton::clicked, this, &TimingPanel::loadCsvDialog);
    connect(save, &QPushButton::clicked, this, &TimingPanel::saveCsvDialog);
    connect(exportButton, &QPushButton::clicked, this, &TimingPanel::exportDialog);
    connect(clearButton, &QPushButton::clicked, this, &TimingPanel::clear);
    setDarkTheme(false);
    rebuild();
}

void TimingPanel::addPoint(const TimingPoint& point) {
    points_ << point;
    rebuild();
}

void TimingPanel::setPoints(const QVector<TimingPoint>& points) {
    points_ = points;
    rebuild();
}

void TimingPanel::setComponent(const QString& component) { component_->setCurrentText(component); }

QString TimingPanel::component() const { return component_->currentText(); }

bool TimingPanel::loadCsv(const QString& path, QString* error) {
    QFile file(path);
    QString why;
    QVector<TimingPoint> points;
    if (!file.open(QIODevice::ReadOnly)) why = "cannot open the file";
    else parseTimingCsv(QString::fromUtf8(file.readAll()), points, why);
    if (!why.isEmpty()) {
        status_->setText(QString("Cannot read %1: %2").arg(path, why));
        if (error) *error = why;
        return false;
    }
    setPoints(points);
    return true;
}

bool TimingPanel::exportCsv(const QString& path) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) return false;
    file.write(timingsToCsv(points_).toUtf8());
    return true;
}

void TimingPanel::fillSizePlot(QCustomPlot* plot, const QString& kind) {
    plot->clearGraphs();
    const QString c = component();
    QMap<int, QMap<qint64, QVector<double>>> byWorkers;  // workers -> size -> seconds
    for (const TimingPoint& p : points_)
        if (p.kind == kind && p.size() > 0) byWorkers[p.workers][p.size()] << p.seconds(c);
    double xlo = 0, xhi = 0, ylo = 0, yhi = 0;
    int k = 0;
    for (auto w = byWorkers.cbegin(); w != byWorkers.cend(); ++w, ++k) {
        QVector<double> x, y;
        for (auto s = w.value().cbegin(); s != w.value().cend(); ++s) {
            double mean = 0;
            for (double v : s.value()) mean += v;
            mean /= double(s.value().size());
            if (mean <= 0) continue;  // not drawable on a log axis
            x << double(s.key());
            y << mean;
            xlo = xlo > 0 ? std::min(xlo, x.last()) : x.last();
            xhi = std::max(xhi, x.last());
            ylo = ylo > 0 ? std::min(ylo, mean) : mean;
            yhi = std::max(yhi, mean);
        }
        QCPGraph* g = plot->addGraph();
        g->setName(w.key() == 0 ? QString("sequential") : QString("%1 worker%2").arg(w.key()).arg(w.key() == 1 ? "" : "s"));
        g->setPen(QPen(colourAt(k), 2, w.key() == 0 ? Qt::DashLine : Qt::SolidLine));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
        g->setData(x, y, true);
    }
    fitLog(plot->xAxis, xlo, xhi);
    fitLog(plot->yAxis, ylo, yhi);
    plot->replot();
}

void TimingPanel::rebuild() {
    fillSizePlot(sets_, "mpirun");
    fillSizePlot(steps_, "optimize");
    workers_->clearGraphs();
    speedup_->clearGraphs();
    const QVector<ScalingCurve> curves = scalingCurves(points_, component());
    double wlo = 0, whi = 0, tlo = 0, thi = 0, slo = 0, shi = 0;
    auto widen = [](double& lo, double& hi, double v) {
        if (!(v > 0)) return;
        lo = lo > 0 ? std::min(lo, v) : v;
        hi = std::max(hi, v);
    };
    int k = 0;
    QVector<double> workerCounts;
    for (const ScalingCurve& c : curves)
        for (double w : c.workers)
            if (!workerCounts.contains(w)) workerCounts << w;
    std::sort(workerCounts.begin(), workerCounts.end());
    workerTicks(workers_->xAxis, workerCounts);
    workerTicks(speedup_->xAxis, workerCounts);
    for (const ScalingCurve& c : curves) {
        const QColor colour = colourAt(k++);
        QCPGraph* g = workers_->addGraph();
        g->setName(c.label());
        g->setPen(QPen(colour, 2));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
        g->setData(c.workers, c.seconds, true);
        for (int i = 0; i < c.workers.size(); ++i) {
            widen(wlo, whi, c.workers[i]);
            widen(tlo, thi, c.seconds[i]);
            widen(slo, shi, c.speedup[i]);
            widen(slo, shi, c.ideal[i]);
        }
        if (c.sequentialBaseline) {
            QCPGraph* seq = workers_->addGraph();
            seq->setName(c.label() + ": sequential");
            seq->setPen(QPen(colour, 1.5, Qt::DashLine));
            seq->setData({c.workers.first(), c.workers.last()}, {c.baselineSeconds, c.baselineSeconds}, true);
            widen(tlo, thi, c.baselineSeconds);
        }
        QCPGraph* s = speedup_->addGraph();
        s->setName(c.label());
        s->setPen(QPen(colour, 2));
        s->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
        s->setData(c.workers, c.speedup, true);
        QCPGraph* ideal = speedup_->addGraph();
        ideal->setName("ideal");
        ideal->setPen(QPen(QColor(128, 128, 128), 1, Qt::DotLine));
        ideal->setData(c.workers, c.ideal, true);
        if (k > 1) ideal->removeFromLegend();  // one "ideal" entry is enough
    }
    fitLog(workers_->xAxis, wlo, whi);
    fitLog(workers_->yAxis, tlo, thi);
    fitLog(speedup_->xAxis, wlo, whi);
    fitLog(speedup_->yAxis, slo, shi);
    workers_->replot();
    speedup_->replot();
    fillNodesPlot();
    if (points_.isEmpty())
        status_->setText("No timings yet: each MPI batch run adds a point (Run dock, Mode ▸ MPI batch), "
                         "or load a CSV (kind,workers,sets,steps,...,total).");
    else
        status_->setText(QString("%1 run(s), %2 scaling series · %3 time in seconds")
                             .arg(points_.size()).arg(curves.size()).arg(component()));
}

void TimingPanel::fillNodesPlot() {
    nodes_->clearPlottables();
    const TimingPoint* newest = nullptr;
    for (const TimingPoint& p : points_)
        if (!p.ranks.isEmpty()) newest = &p;
    nodes_->setVisible(newest);
    if (!newest) return;
    // One bar per worker rank, in rank order; one colour (and legend entry) per host.
    QMap<double, QString> ticks;
    QStringList hosts;
    QMap<QString, QCPBars*> barsOf;
    double key = 0, top = 0;
    for (const RankTime& r : newest->ranks) {
        if (r.role == "driver") continue;  // the driver only distributes and collects
        const QString host = r.host.isEmpty() ? QString("this machine") : r.host;
        if (!barsOf.contains(host)) {
            auto* bars = new QCPBars(nodes_->xAxis, nodes_->yAxis);
            bars->setName(host);
            const QColor colour = colourAt(int(hosts.size()));
            bars->setPen(QPen(colour.darker(130)));
            bars->setBrush(colour);
            bars->setWidth(0.7);
            barsOf[host] = bars;
            hosts << host;
        }
        key += 1;
        barsOf[host]->addData(key, r.compute);
        ticks.insert(key, QString("%1").arg(r.rank));
        top = std::max(top, r.compute);
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->setTicks(ticks);
    nodes_->xAxis->setTicker(ticker);
    nodes_->xAxis->setRange(0.3, key + 0.7);
    nodes_->yAxis->setRange(0, top > 0 ? top * 1.15 : 1);
    nodes_->xAxis->setLabel(QString("worker rank · %1 on %2 host%3").arg(newest->kind).arg(hosts.size()).arg(hosts.size() == 1 ? "" : "s"));
    nodes_->replot();
}

QPixmap TimingPanel::renderAll(int width, int height) {
    QPixmap all(2 * width, 2 * height);
    all.fill(dark_ ? QColor("#1e1f22") : Qt::white);
    QPainter p(&all);
    p.drawPixmap(0, 0, sets_->toPixmap(width, height));
    p.drawPixmap(width, 0, steps_->toPixmap(width, height));
    p.drawPixmap(0, height, workers_->toPixmap(width, height));
    p.drawPixmap(width, height, speedup_->toPixmap(width, height));
    p.end();
    return all;
}

bool TimingPanel::exportPng(const QString& path) { return renderAll(560, 400).save(path, "PNG"); }

bool TimingPanel::exportPdf(const QString& path) {
    const QPixmap all = renderAll(560, 400);
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QSizeF(all.width(), all.height()), QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setResolution(72);
    QPainter p;
    if (!p.begin(&pdf)) return false;
    p.drawPixmap(QRect(0, 0, all.width(), all.height()), all);
    return p.end();
}

void TimingPanel::setDarkTheme(bool dark) {
    dark_ = dark;
    for (QCustomPlot* plot : {sets_, steps_, workers_, speedup_, nodes_}) {
        stylePlot(plot, dark);
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0)))
            title->setTextColor(plotForeground(dark));
        plot->legend->setBrush(Qt::NoBrush);  // outside the axis rect: on the plot's background
        plot->legend->setBorderPen(Qt::NoPen);
        plot->replot();
    }
}

void TimingPanel::loadCsvDialog() {
    const QString path = askOpenFile(this, "Load timings", "CSV (*.csv);;All files (*)");
    if (!path.isEmpty()) loadCsv(path);
}

void TimingPanel::saveCsvDialog() {
    const QString path = askSaveFile(this, "Save timings", "timings.csv", "CSV (*.csv)");
    if (!path.isEmpty()) status_->setText(exportCsv(path) ? "Saved " + path : "Could not write " + path);
}

void TimingPanel::exportDialog() {
    const QString path = askSaveFile(this, "Export timing plots", "timings.png",
                                     "PNG image (*.png);;PDF (*.pdf);;CSV data (*.csv)");
    if (path.isEmpty()) return;
    bool ok = false;
    if (path.endsWith(".pdf", Qt::CaseInsensitive)) ok = exportPdf(path);
    else if (path.endsWith(".csv", Qt::CaseInsensitive)) ok = exportCsv(path);
    else ok = exportPng(path);
    status_->setText(ok ? "Exported " + path : "Could not write " + path);
}

}  // namespace lomaw::gui
