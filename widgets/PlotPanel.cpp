#include "PlotPanel.h"
#include "PlotStyle.h"

#include "ContourLines.h"
#include <cmath>
#include <limits>

#include <qcustomplot.h>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

namespace lomaw::gui {

PlotPanel::PlotPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("plotPanel");
    loss_ = new QCustomPlot(this);
    loss_->setObjectName("lossPlot");
    loss_->addGraph();
    loss_->graph(0)->setName("loss");
    loss_->graph(0)->setPen(QPen(QColor("#1c64c8"), 2));
    loss_->xAxis->setLabel("step");
    loss_->yAxis->setLabel("loss");
    auto* marker = loss_->addGraph();  // the step the animation / slider is at
    marker->setName("current step");
    marker->setLineStyle(QCPGraph::lsNone);
    marker->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor("#ff6b6b"), 9));
    loss_->legend->setVisible(true);
    loss_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    landscape_ = new QCustomPlot(this);
    landscape_->setObjectName("landscapePlot");
    landscape_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    map_ = new QCPColorMap(landscape_->xAxis, landscape_->yAxis);
    map_->setName("loss landscape");
    QCPColorGradient viridis;  // perceptually uniform, readable in both themes
    viridis.clearColorStops();   // the default constructor starts from the gpCold preset
    viridis.setColorStopAt(0.0, QColor("#440154"));
    viridis.setColorStopAt(0.25, QColor("#3b528b"));
    viridis.setColorStopAt(0.5, QColor("#21918c"));
    viridis.setColorStopAt(0.75, QColor("#5ec962"));
    viridis.setColorStopAt(1.0, QColor("#fde725"));
    map_->setInterpolate(true);
    scale_ = new QCPColorScale(landscape_);
    scale_->axis()->setLabel("loss");
    landscape_->plotLayout()->addElement(0, 1, scale_);
    map_->setColorScale(scale_);
    scale_->setGradient(viridis);  // the scale's gradient is the one the map draws with
    // Layers: the colour map on "main", contour lines above it, the trajectory on top.
    landscape_->addLayer("contours", landscape_->layer("main"), QCustomPlot::limAbove);
    landscape_->addLayer("trajectory", landscape_->layer("contours"), QCustomPlot::limAbove);
    path_ = new QCPCurve(landscape_->xAxis, landscape_->yAxis);
    path_->setLayer("trajectory");
    path_->setName("trajectory");
    path_->setPen(QPen(QColor("#ff6b6b"), 2));
    path_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor("#ff6b6b"), QColor("#ffffff"), 5));
    auto* start = landscape_->addGraph();
    start->setLayer("trajectory");
    start->setName("start");
    start->setLineStyle(QCPGraph::lsNone);
    start->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(Qt::white, 2), QBrush(QColor("#2f9e44")), 11));
    auto* end = landscape_->addGraph();
    end->setLayer("trajectory");
    end->setName("end");
    end->setLineStyle(QCPGraph::lsNone);
    end->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar, QPen(QColor("#ffd43b"), 3), Qt::NoBrush, 16));
    landscape_->legend->setVisible(true);
    map_->removeFromLegend();

    status_ = new QLabel("Open a trajectory file written by `lomaw optimize` (CSV: step,loss,p0,p1,...; or JSON).", this);
    status_->setObjectName("plotStatus");
    status_->setWordWrap(true);
    replay_ = new QSlider(Qt::Horizontal, this);
    replay_->setObjectName("plotReplay");
    replay_->setToolTip("Replay the trajectory step by step");
    replay_->setEnabled(false);
    play_ = new QPushButton(QIcon(":/icons/run.svg"), "Play", this);
    play_->setObjectName("plotPlay");
    play_->setToolTip("Animate the trajectory from the start, one step at a time");
    play_->setEnabled(false);
    animation_.setInterval(80);
    connect(&animation_, &QTimer::timeout, this, &PlotPanel::animationTick);
    auto* open = new QPushButton(QIcon(":/icons/open.svg"), "Open…", this);
    auto* exportButton = new QPushButton("Export…", this);

    auto* bar = new QHBoxLayout;
    bar->addWidget(open);
    bar->addWidget(exportButton);
    bar->addWidget(play_);
    bar->addWidget(new QLabel("Step", this));
    bar->addWidget(replay_, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(loss_);
    split->addWidget(landscape_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(status_);
    layout->addWidget(split, 1);

    connect(open, &QPushButton::clicked, this, &PlotPanel::openFileDialog);
    connect(exportButton, &QPushButton::clicked, this, &PlotPanel::exportDialog);
    connect(replay_, &QSlider::valueChanged, this, &PlotPanel::showSteps);
    connect(replay_, &QSlider::sliderPressed, this, &PlotPanel::stopAnimation);  // the user takes over
    connect(play_, &QPushButton::clicked, this, [this] { animating() ? stopAnimation() : playAnimation(); });
    setDarkTheme(false);
}

void PlotPanel::setDarkTheme(bool dark) {
    dark_ = dark;
    stylePlot(loss_, dark);
    stylePlot(landscape_, dark);
    // The landscape's legend sits on the colour map and shows white contour lines: dark glass.
    landscape_->legend->setBrush(QColor(20, 22, 26, 170));
    landscape_->legend->setTextColor(QColor("#f1f3f5"));
    landscape_->legend->setBorderPen(QPen(QColor(255, 255, 255, 90)));
    const QColor fg = dark ? QColor("#c9ccd1") : QColor("#24292f");
    scale_->axis()->setTickLabelColor(fg);
    scale_->axis()->setLabelColor(fg);
    loss_->replot();
    landscape_->replot();
}

bool PlotPanel::loadFile(const QString& path, QString* error) {
    TrajectoryData data;
    QString why;
    if (!loadTrajectoryFile(path, data, why)) {
        status_->setText(QString("Cannot read %1: %2").arg(path, why));
        if (error) *error = why;
        return false;
    }
    setData(data);
    status_->setText(status_->text().prepend(QFileInfo(path).fileName() + ": "));
    return true;
}

void PlotPanel::setData(const TrajectoryData& data) {
    data_ = data;
    loss_->graph(0)->setData(data.steps, data.losses);
    loss_->rescaleAxes();
    loss_->xAxis->scaleRange(1.06);  // room for the current-step marker at the ends
    loss_->yAxis->scaleRange(1.08);
    loss_->replot();

    QStringList notes;
    notes << QString("%1 steps").arg(data.steps.size());
    if (!data.losses.isEmpty()) notes << QString("final loss %1").arg(data.losses.last(), 0, 'g', 6);
    if (data.hasLandscape()) {
        const int nx = int(data.gridX.size()), ny = int(data.gridY.size());
        map_->data()->setSize(nx, ny);
        map_->data()->setRange(QCPRange(data.gridX.first(), data.gridX.last()),
                               QCPRange(data.gridY.first(), data.gridY.last()));
        for (int j = 0; j < ny; ++j)
            for (int i = 0; i < nx && i < data.gridLoss[j].size(); ++i) map_->data()->setCell(i, j, data.gridLoss[j][i]);
        map_->rescaleDataRange(true);
        map_->setVisible(true);
        if (!data.landscapeNote.isEmpty()) notes << data.landscapeNote;
    } else {
        map_->data()->clear();
        map_->setVisible(false);
        notes << "no landscape grid in the file: trajectory only";
    }
    rebuildContours();
    if (!levels_.isEmpty()) notes << QString("%1 contour levels").arg(levels_.size());
    const bool twoParams = !data.parameters.isEmpty() && data.parameters.first().size() >= 2;
    if (!twoParams) notes << "fewer than two parameters: no landscape trajectory";
    landscape_->xAxis->setLabel(data.parameterNames.value(0, "p0"));
    landscape_->yAxis->setLabel(data.parameterNames.value(1, "p1"));
    status_->setText(notes.join(" · "));
    const bool replayable = twoParams && data.steps.size() > 1;
    replay_->setEnabled(replayable);
    play_->setEnabled(replayable);
    replay_->setRange(0, std::max(0, int(data.steps.size()) - 1));
    animation_.stop();
    showSteps(replay_->maximum());
    landscape_->rescaleAxes();
    if (data.hasLandscape()) {
        landscape_->xAxis->setRange(data.gridX.first(), data.gridX.last());
        landscape_->yAxis->setRange(data.gridY.first(), data.gridY.last());
    }
    placeLandscapeLegend();
    landscape_->replot();
    if (animateNewData_ && replayable) playAnimation();
}

void PlotPanel::rebuildContours() {
    for (QCPCurve* c : contours_) landscape_->removePlottable(c);
    contours_.clear();
    levels_.clear();
    if (!data_.hasLandscape()) return;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const QVector<double>& row : data_.gridLoss)
        for (double v : row)
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    levels_ = lomaw::gui::contourLevels(lo, hi, contourCount_, LevelSpacing::Quadratic);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (double level : levels_) {
        // One curve per level; its polylines are separated by a NaN point (a gap in QCPCurve).
        QVector<double> t, x, y;
        for (const ContourLine& line : contourLines(data_.gridX, data_.gridY, data_.gridLoss, level)) {
            if (!x.isEmpty()) {
                t << t.size();
                x << nan;
                y << nan;
            }
            for (const QPointF& p : line.points) {
                t << t.size();
                x << p.x();
                y << p.y();
            }
        }
        if (x.isEmpty()) continue;
        auto* curve = new QCPCurve(landscape_->xAxis, landscape_->yAxis);
        curve->setLayer("contours");
        curve->setName(contours_.isEmpty() ? "contours" : QString("level %1").arg(level, 0, 'g', 4));
        curve->setPen(QPen(QColor(255, 255, 255, 170), 1));
        curve->setSelectable(QCP::stNone);
        curve->setData(t, x, y, true);
        if (!contours_.isEmpty()) curve->removeFromLegend();  // one legend entry for all levels
        contours_ << curve;
    }
}

void PlotPanel::playAnimation() {
    if (data_.steps.size() < 2) return;
    showSteps(0);
    play_->setText("Stop");
    animation_.start();
}

void PlotPanel::stopAnimation() {
    if (!animation_.isActive()) return;
    animation_.stop();
    play_->setText("Play");
}

void PlotPanel::animationTick() {
    if (shown_ >= replay_->maximum()) {
        stopAnimation();
        Q_EMIT animationFinished();
        return;
    }
    showSteps(shown_ + 1);
    if (shown_ >= replay_->maximum()) {
        stopAnimation();
        Q_EMIT animationFinished();
    }
}

void PlotPanel::showSteps(int upTo) {
    upTo = std::clamp(upTo, 0, std::max(0, int(data_.steps.size()) - 1));
    shown_ = upTo;
    if (replay_->value() != upTo) {
        QSignalBlocker block(replay_);
        replay_->setValue(upTo);
    }
    if (upTo < data_.steps.size()) {
        loss_->graph(1)->setData({data_.steps[upTo]}, {data_.losses[upTo]});
    } else {
        loss_->graph(1)->data()->clear();
    }
    loss_->replot();
    QVector<double> t, x, y;
    for (int k = 0; k <= upTo && k < data_.parameters.size(); ++k) {
        if (data_.parameters[k].size() < 2) break;
        t << k;
        x << data_.parameters[k][0];
        y << data_.parameters[k][1];
    }
    path_->setData(t, x, y, true);
    landscape_->graph(0)->setData(x.mid(0, 1), y.mid(0, 1));
    landscape_->graph(1)->setData(x.mid(x.size() - 1), y.mid(y.size() - 1));
    landscape_->replot();
}

bool PlotPanel::exportPng(const QString& path) {
    const QPixmap a = loss_->toPixmap(640, 480);
    const QPixmap b = landscape_->toPixmap(640, 480);
    QPixmap both(a.width() + b.width(), std::max(a.height(), b.height()));
    both.fill(Qt::white);
    QPainter p(&both);
    p.drawPixmap(0, 0, a);
    p.drawPixmap(a.width(), 0, b);
    p.end();
    return both.save(path, "PNG");
}

bool PlotPanel::exportPdf(const QString& path) {
    QCustomPlot* plot = map_->visible() || !data_.parameters.isEmpty() ? landscape_ : loss_;
    return plot->savePdf(path, 640, 480);
}

bool PlotPanel::exportCsv(const QString& path) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) return false;
    file.write(trajectoryToCsv(data_).toUtf8());
    return true;
}

void PlotPanel::openFileDialog() {
    const QString path = QFileDialog::getOpenFileName(this, "Open trajectory", QString(),
                                                      "Trajectories (*.csv *.json);;All files (*)");
    if (!path.isEmpty()) loadFile(path);
}

void PlotPanel::exportDialog() {
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, "Export plots", "trajectory.png",
                                                      "PNG image (*.png);;PDF (*.pdf);;CSV data (*.csv)", &selected);
    if (path.isEmpty()) return;
    bool ok = false;
    if (path.endsWith(".pdf", Qt::CaseInsensitive)) ok = exportPdf(path);
    else if (path.endsWith(".csv", Qt::CaseInsensitive)) ok = exportCsv(path);
    else ok = exportPng(path);
    status_->setText(ok ? "Exported " + path : "Could not write " + path);
}

void PlotPanel::placeLandscapeLegend() {
    // The corner the trajectory crosses least (a corner region is 35 % of each axis): the legend
    // has to sit on the colour map, but need not hide the path. Ties keep the top right.
    const QCPRange xr = landscape_->xAxis->range(), yr = landscape_->yAxis->range();
    const Qt::Alignment corners[] = {Qt::AlignTop | Qt::AlignRight, Qt::AlignTop | Qt::AlignLeft,
                                     Qt::AlignBottom | Qt::AlignRight, Qt::AlignBottom | Qt::AlignLeft};
    int best = 0, fewest = std::numeric_limits<int>::max();
    for (int c = 0; c < 4; ++c) {
        const bool right = corners[c] & Qt::AlignRight, top = corners[c] & Qt::AlignTop;
        int count = 0;
        for (const QVector<double>& p : data_.parameters) {
            if (p.size() < 2) continue;
            const double u = (p[0] - xr.lower) / xr.size(), v = (p[1] - yr.lower) / yr.size();
            if ((right ? u >= 0.65 : u <= 0.35) && (top ? v >= 0.65 : v <= 0.35) && u >= 0 && u <= 1 && v >= 0 && v <= 1)
                ++count;
        }
        if (count < fewest) fewest = count, best = c;
    }
    landscape_->axisRect()->insetLayout()->setInsetAlignment(0, corners[best]);
}

}  // namespace lomaw::gui
