#include "PlotPanel.h"
#include "PlotStyle.h"

#include "ContourLines.h"
#include "FileDialogs.h"
#include <cmath>
#include <limits>

#include <qcustomplot.h>
#include <QComboBox>
#include <QFile>
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
    lossDiverged_ = loss_->addGraph();
    lossDiverged_->setName("diverged");
    lossDiverged_->setLineStyle(QCPGraph::lsNone);
    lossDiverged_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(QColor("#c92a2a"), 3), Qt::NoBrush, 16));
    lossDivergedLabel_ = new QCPItemText(loss_);
    lossDivergedLabel_->setColor(QColor("#c92a2a"));
    lossDivergedLabel_->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    lossDivergedLabel_->setVisible(false);
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
    // One parameter: the curve f(x), the tangent at the current step.
    curve_ = landscape_->addGraph();
    curve_->setLayer("contours");
    curve_->setName("loss");
    curve_->setPen(QPen(QColor("#1c64c8"), 2));
    tangent_ = landscape_->addGraph();
    tangent_->setLayer("trajectory");
    tangent_->setName("tangent");
    tangent_->setPen(QPen(QColor("#f08c00"), 2, Qt::DashLine));
    landDiverged_ = landscape_->addGraph();
    landDiverged_->setLayer("trajectory");
    landDiverged_->setName("diverged");
    landDiverged_->setLineStyle(QCPGraph::lsNone);
    landDiverged_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(QColor("#ff2020"), 3), Qt::NoBrush, 16));
    landscape_->legend->setVisible(true);
    map_->removeFromLegend();
    for (QCPGraph* g : {curve_, tangent_, landDiverged_}) g->removeFromLegend();
    lossDiverged_->removeFromLegend();

    status_ = new QLabel("Open a trajectory file written by `lomaw optimize` or `lomaw descend` (CSV: step,loss,p0,p1,...; "
                         "or JSON), or run a descent from the Run panel.", this);
    status_->setObjectName("plotStatus");
    readout_ = new QLabel(this);
    readout_->setObjectName("plotReadout");
    readout_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // One line each, whatever the dock's height: the plots give way, not the text.
    readout_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    speed_ = new QComboBox(this);
    speed_->setObjectName("plotSpeed");
    speed_->setToolTip("Playback speed (1x: 80 ms per step)");
    for (double f : {0.25, 0.5, 1.0, 2.0, 4.0, 8.0}) speed_->addItem(QString("%1×").arg(f), f);
    speed_->setCurrentIndex(2);
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this] { animation_.setInterval(std::max(1, int(80 / speed_->currentData().toDouble()))); });
    sliceChoice_ = new QWidget(this);
    sliceXBox_ = new QComboBox(sliceChoice_);
    sliceXBox_->setObjectName("plotSliceX");
    sliceYBox_ = new QComboBox(sliceChoice_);
    sliceYBox_->setObjectName("plotSliceY");
    auto* sliceLayout = new QHBoxLayout(sliceChoice_);
    sliceLayout->setContentsMargins(0, 0, 0, 0);
    sliceLayout->addWidget(new QLabel("slice", sliceChoice_));
    sliceLayout->addWidget(sliceXBox_);
    sliceLayout->addWidget(sliceYBox_);
    sliceChoice_->setToolTip("More than two parameters: the landscape is a slice through these two, the others "
                             "fixed at the last finite step of the run");
    sliceChoice_->setVisible(false);
    auto sliceChanged = [this] {
        const int x = sliceXBox_->currentIndex(), y = sliceYBox_->currentIndex();
        if (x < 0 || y < 0 || x == y || (x == px_ && y == py_)) return;
        setSliceAxes(x, y);
        Q_EMIT sliceRequested(x, y);
    };
    connect(sliceXBox_, &QComboBox::activated, this, sliceChanged);
    connect(sliceYBox_, &QComboBox::activated, this, sliceChanged);
    // A click on the landscape (no drag) picks a start there.
    connect(landscape_, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) { pressAt_ = e->pos(); });
    connect(landscape_, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* e) {
        if ((e->pos() - pressAt_).manhattanLength() > 3 || data_.empty()) return;
        if (!landscape_->axisRect()->rect().contains(e->pos())) return;
        const double x = landscape_->xAxis->pixelToCoord(e->pos().x());
        const double y = landscape_->yAxis->pixelToCoord(e->pos().y());
        if (data_.dimension() == 1) Q_EMIT startPicked(0, x, -1, 0);
        else Q_EMIT startPicked(px_, x, py_, y);
    });
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
    bar->addWidget(speed_);
    bar->addWidget(new QLabel("Step", this));
    bar->addWidget(replay_, 1);
    bar->addWidget(sliceChoice_);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(loss_);
    split->addWidget(landscape_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(status_);
    layout->addWidget(readout_);
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
    earlier_.clear();
    data_ = data;
    showRuns();
}

void PlotPanel::addRun(const TrajectoryData& data) {
    if (!data_.empty()) earlier_ << data_;
    while (earlier_.size() > 7) earlier_.removeFirst();  // eight runs at most: a legend, not a wall
    // Runs of another function or dimension do not share a landscape: start over.
    if (!earlier_.isEmpty() && (earlier_.last().parameterNames != data.parameterNames)) earlier_.clear();
    data_ = data;
    showRuns();
}

void PlotPanel::clearRuns() {
    earlier_.clear();
    data_ = TrajectoryData();
    showRuns();
}

void PlotPanel::setLandscape(const TrajectoryData& landscape) {
    data_.curveX = landscape.curveX;
    data_.curveLoss = landscape.curveLoss;
    data_.gridX = landscape.gridX;
    data_.gridY = landscape.gridY;
    data_.gridLoss = landscape.gridLoss;
    data_.landscapeNote = landscape.landscapeNote;
    if (landscape.hasLandscape()) setSliceAxes(landscape.sliceX, landscape.sliceY);
    data_.sliceX = px_;
    data_.sliceY = py_;
    drawLandscape();
    fitAxes();
    showSteps(shown_);
    placeLandscapeLegend();
    landscape_->replot();
}

void PlotPanel::setSliceAxes(int px, int py) {
    px_ = px;
    py_ = py;
    QSignalBlocker bx(sliceXBox_), by(sliceYBox_);
    sliceXBox_->setCurrentIndex(px);
    sliceYBox_->setCurrentIndex(py);
    if (data_.hasLandscape() && (data_.sliceX != px || data_.sliceY != py)) {
        // The grid is of other parameters: hide it until the new slice arrives.
        data_.gridX.clear();
        data_.gridY.clear();
        data_.gridLoss.clear();
        drawLandscape();
    }
    drawOverlays();
    fitAxes();
    showSteps(shown_);
}

void PlotPanel::setAnimationIntervalMs(int ms) { animation_.setInterval(ms); }

void PlotPanel::setPlaybackSpeed(double factor) {
    const int index = speed_->findData(factor);
    if (index >= 0) speed_->setCurrentIndex(index);
    animation_.setInterval(std::max(1, int(80 / factor)));
}

QString PlotPanel::readoutText() const { return readout_->text(); }

QString PlotPanel::statusText() const { return status_->text(); }

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
    const QString path = askOpenFile(this, "Open trajectory", "Trajectories (*.csv *.json);;All files (*)");
    if (!path.isEmpty()) loadFile(path);
}

void PlotPanel::exportDialog() {
    QString selected;
    const QString path = askSaveFile(this, "Export plots", "trajectory.png",
                                     "PNG image (*.png);;PDF (*.pdf);;CSV data (*.csv)", &selected);
    if (path.isEmpty()) return;
    bool ok = false;
    if (path.endsWith(".pdf", Qt::CaseInsensitive)) ok = exportPdf(path);
    else if (path.endsWith(".csv", Qt::CaseInsensitive)) ok = exportCsv(path);
    else ok = exportPng(path);
    status_->setText(ok ? "Exported " + path : "Could not write " + path);
}

}  // namespace lomaw::gui
