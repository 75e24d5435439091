// Drawing of the plot panel: the runs (current and overlaid), the landscape by dimension (curve,
// grid or slice, with contours), divergence marks, the current step with its tangent, the readout.
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

#include "ContourLines.h"
#include "LandscapeGrid.h"
#include "PlotPanel.h"

namespace lomaw::gui {

namespace {

// The finite part of a run's loss curve (a diverged run ends at its last finite step).
void finiteLoss(const TrajectoryData& run, QVector<double>& steps, QVector<double>& losses) {
    steps.clear();
    losses.clear();
    for (int k = 0; k <= run.lastFiniteStep() && k < run.steps.size(); ++k) {
        steps << run.steps[k];
        losses << run.losses[k];
    }
}

QString number(double v) { return std::isfinite(v) ? QString::number(v, 'g', 6) : QString::number(v); }

}  // namespace

QColor PlotPanel::runColour(int index) const {
    static const QColor palette[] = {QColor("#e03131"), QColor("#1c7ed6"), QColor("#2f9e44"), QColor("#ae3ec9"),
                                     QColor("#e8590c"), QColor("#0c8599"), QColor("#c2255c"), QColor("#5c940d")};
    return palette[index % 8];
}

bool PlotPanel::landscapePoint(const TrajectoryData& run, int k, double& x, double& y) const {
    if (k < 0 || k >= run.parameters.size()) return false;
    const QVector<double>& p = run.parameters[k];
    if (run.dimension() == 1) {
        if (p.isEmpty() || k >= run.losses.size()) return false;
        x = p[0];
        y = run.losses[k];
    } else {
        if (px_ >= p.size() || py_ >= p.size()) return false;
        x = p[px_];
        y = p[py_];
    }
    return std::isfinite(x) && std::isfinite(y);
}

void PlotPanel::showRuns() {
    animation_.stop();
    play_->setText("Play");
    updateSliceChoice();
    QVector<double> ks, ls;
    finiteLoss(data_, ks, ls);
    const bool overlaid = !earlier_.isEmpty();
    loss_->graph(0)->setData(ks, ls);
    loss_->graph(0)->setName(data_.label.isEmpty() ? "loss" : data_.label);
    loss_->graph(0)->setPen(QPen(overlaid ? runColour(int(earlier_.size())) : QColor("#1c64c8"), 2));
    path_->setName(data_.label.isEmpty() || !overlaid ? "trajectory" : data_.label);
    path_->setPen(QPen(overlaid ? runColour(int(earlier_.size())) : QColor("#ff6b6b"), 2));
    drawOverlays();
    drawLandscape();
    fitAxes();

    QStringList notes;
    notes << QString("%1 steps").arg(data_.steps.size());
    const int lastFinite = data_.lastFiniteStep();
    if (data_.diverged() && data_.divergedAt >= 0) {
        notes << QString("diverged at step %1 (loss %2)").arg(data_.divergedAt).arg(number(data_.losses.value(data_.divergedAt)));
        if (lastFinite >= 0) notes << QString("last finite loss %1 at step %2").arg(number(data_.losses[lastFinite])).arg(lastFinite);
    } else if (!data_.losses.isEmpty()) {
        notes << QString("final loss %1").arg(number(data_.losses.last()));
        if (data_.status == "converged") notes << "converged";
    }
    const int dims = data_.dimension();
    if (dims == 1) {
        notes << (data_.hasCurve() ? QString("the loss along %1 at %2 points").arg(data_.parameterNames.value(0)).arg(data_.curveX.size())
                                   : QString("one parameter: the steps on the loss (no curve sampled)"));
    } else if (data_.hasLandscape()) {
        if (!data_.landscapeNote.isEmpty()) notes << data_.landscapeNote;
        if (dims > 2)
            notes << QString("a slice through %1 and %2, the others at the last finite step")
                         .arg(data_.parameterNames.value(px_), data_.parameterNames.value(py_));
    } else if (!data_.empty()) {
        notes << "no landscape grid in the file: trajectory only";
    }
    if (!levels_.isEmpty()) notes << QString("%1 contour levels").arg(levels_.size());
    if (dims == 0 && !data_.empty()) notes << "fewer than two parameters: no landscape trajectory";
    if (overlaid) notes << QString("%1 runs overlaid").arg(earlier_.size() + 1);
    status_->setText(notes.join(" · "));
    status_->setToolTip(notes.join("\n"));  // the line may be cut on a narrow dock
    status_->setStyleSheet(data_.diverged() ? "color: #c92a2a;" : QString());

    const bool replayable = dims >= 1 && data_.steps.size() > 1;
    replay_->setEnabled(replayable);
    play_->setEnabled(replayable);
    replay_->setRange(0, std::max(0, int(data_.steps.size()) - 1));
    // The loss legend in the upper corner the curve leaves free: right while it falls, left when
    // it grows (a divergence, whose label sits top right).
    const bool grows = lastFinite > 0 && data_.losses[lastFinite] > data_.losses.first();
    loss_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | (grows ? Qt::AlignLeft : Qt::AlignRight));
    showSteps(replay_->maximum());
    placeLandscapeLegend();
    loss_->replot();
    landscape_->replot();
    if (animateNewData_ && replayable) playAnimation();
}

namespace {

QCPRange padded(AxisRange r, double fraction) {
    const double size = r.hi - r.lo > 0 ? r.hi - r.lo : std::max(1.0, std::abs(r.lo));
    return QCPRange(r.lo - fraction * size, r.hi + fraction * size);
}

void unite(AxisRange& into, AxisRange r, bool& any) {
    if (!any) into = r;
    into.lo = std::min(into.lo, r.lo);
    into.hi = std::max(into.hi, r.hi);
    any = true;
}

}  // namespace

// The axes show every run up to where it diverged (framedRange): a run that blew up to 1e38 leaves
// the plot at its edge, with the cross there, instead of flattening everything else.
void PlotPanel::fitAxes() {
    QList<const TrajectoryData*> runs{&data_};
    for (const TrajectoryData& r : earlier_) runs << &r;
    AxisRange loss, x, y;
    bool anyLoss = false, anyX = false, anyY = false;
    double lastStep = 0;
    for (const TrajectoryData* run : runs) {
        if (run->empty()) continue;
        unite(loss, framedRange(run->losses.mid(0, run->lastFiniteStep() + 1), run->diverged()), anyLoss);
        lastStep = std::max(lastStep, run->steps.last());
        if (run->dimension() >= 1) unite(x, trajectoryRange(*run, run->dimension() == 1 ? 0 : px_), anyX);
        if (run->dimension() >= 2) unite(y, trajectoryRange(*run, py_), anyY);
    }
    loss_->xAxis->setRange(padded({data_.steps.value(0), lastStep}, 0.03));  // room for the markers
    loss_->yAxis->setRange(padded(loss, 0.04));
    const int dims = data_.dimension();
    if (dims == 1) {
        if (data_.hasCurve()) {
            AxisRange c{data_.curveX.first(), data_.curveX.last()};
            landscape_->xAxis->setRange(c.lo, c.hi);
            AxisRange f = framedRange(data_.curveLoss, false);
            unite(f, loss, anyLoss);
            landscape_->yAxis->setRange(padded(f, 0.05));
        } else {
            landscape_->xAxis->setRange(padded(x, 0.1));
            landscape_->yAxis->setRange(padded(loss, 0.1));
        }
    } else if (data_.hasLandscape()) {
        landscape_->xAxis->setRange(data_.gridX.first(), data_.gridX.last());
        landscape_->yAxis->setRange(data_.gridY.first(), data_.gridY.last());
    } else if (dims >= 2) {
        landscape_->xAxis->setRange(padded(x, 0.1));
        landscape_->yAxis->setRange(padded(y, 0.1));
    }
}

void PlotPanel::updateSliceChoice() {
    const int dims = data_.dimension();
    if (dims > 2) {
        const QStringList names = data_.parameterNames;
        if (sliceXBox_->count() != names.size() || sliceXBox_->itemText(0) != names.value(0)) {
            QSignalBlocker bx(sliceXBox_), by(sliceYBox_);
            sliceXBox_->clear();
            sliceYBox_->clear();
            sliceXBox_->addItems(names);
            sliceYBox_->addItems(names);
        }
        if (data_.hasLandscape()) {
            px_ = data_.sliceX;
            py_ = data_.sliceY;
        } else if (px_ >= dims || py_ >= dims || px_ == py_) {
            px_ = 0;
            py_ = 1;
        }
        QSignalBlocker bx(sliceXBox_), by(sliceYBox_);
        sliceXBox_->setCurrentIndex(px_);
        sliceYBox_->setCurrentIndex(py_);
    } else {
        px_ = 0;
        py_ = 1;
    }
    sliceChoice_->setVisible(dims > 2);
}

void PlotPanel::drawLandscape() {
    const int dims = data_.dimension();
    const bool grid = data_.hasLandscape() && dims != 1;
    if (grid) {
        const int nx = int(data_.gridX.size()), ny = int(data_.gridY.size());
        map_->data()->setSize(nx, ny);
        map_->data()->setRange(QCPRange(data_.gridX.first(), data_.gridX.last()),
                               QCPRange(data_.gridY.first(), data_.gridY.last()));
        for (int j = 0; j < ny; ++j)
            for (int i = 0; i < nx && i < data_.gridLoss[j].size(); ++i) map_->data()->setCell(i, j, data_.gridLoss[j][i]);
        map_->rescaleDataRange(true);
    } else {
        map_->data()->clear();
    }
    map_->setVisible(grid);
    // The colour scale takes room only when there is a colour map.
    const bool scaleShown = landscape_->plotLayout()->hasElement(0, 1);
    if (grid && !scaleShown) {
        landscape_->plotLayout()->addElement(0, 1, scale_);
    } else if (!grid && scaleShown) {
        landscape_->plotLayout()->take(scale_);
        landscape_->plotLayout()->simplify();
    }
    scale_->setVisible(grid);
    rebuildContours();
    const bool curve = dims == 1 && data_.hasCurve();
    curve_->setData(curve ? data_.curveX : QVector<double>(), curve ? data_.curveLoss : QVector<double>());
    curve_->setName(QString("loss(%1)").arg(data_.parameterNames.value(0, "x")));
    curve ? curve_->addToLegend() : curve_->removeFromLegend();
    if (dims == 1) {
        landscape_->xAxis->setLabel(data_.parameterNames.value(0, "x"));
        landscape_->yAxis->setLabel("loss");
    } else {
        landscape_->xAxis->setLabel(data_.parameterNames.value(px_, QString("p%1").arg(px_)));
        landscape_->yAxis->setLabel(data_.parameterNames.value(py_, QString("p%1").arg(py_)));
    }
}

void PlotPanel::rebuildContours() {
    for (QCPCurve* c : contours_) landscape_->removePlottable(c);
    contours_.clear();
    levels_.clear();
    if (!data_.hasLandscape() || data_.dimension() == 1) return;
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

void PlotPanel::drawOverlays() {
    for (QCPCurve* c : overlayPaths_) landscape_->removePlottable(c);
    for (QCPGraph* g : overlayLosses_) loss_->removeGraph(g);
    overlayPaths_.clear();
    overlayLosses_.clear();
    for (int i = 0; i < earlier_.size(); ++i) {
        const TrajectoryData& run = earlier_[i];
        const QColor colour = runColour(i);
        QVector<double> ks, ls;
        finiteLoss(run, ks, ls);
        QCPGraph* loss = loss_->addGraph();
        loss->setName(run.label.isEmpty() ? QString("run %1").arg(i + 1) : run.label);
        loss->setPen(QPen(colour, 1.5));
        loss->setData(ks, ls);
        overlayLosses_ << loss;
        auto* path = new QCPCurve(landscape_->xAxis, landscape_->yAxis);
        path->setLayer("trajectory");
        path->setName(loss->name());
        path->setPen(QPen(colour, 1.5));
        path->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, colour, 4));
        QVector<double> t, x, y;
        for (int k = 0; k <= run.lastFiniteStep(); ++k) {
            double a = 0, b = 0;
            if (!landscapePoint(run, k, a, b)) continue;
            t << k;
            x << a;
            y << b;
        }
        path->setData(t, x, y, true);
        overlayPaths_ << path;
    }
}

void PlotPanel::drawDivergence() {
    // Every diverged run gets a cross at its last finite step; the current run once the
    // playback has reached that step.
    QVector<double> lk, lv, px, py;
    auto mark = [&](const TrajectoryData& run, int reached) {
        const int last = run.lastFiniteStep();
        if (!run.diverged() || last < 0 || reached < last) return;
        lk << (run.divergedAt >= 0 ? run.steps.value(run.divergedAt, last + 1) : run.steps[last]);
        lv << run.losses[last];
        double a = 0, b = 0;
        if (landscapePoint(run, last, a, b)) {
            px << a;
            py << b;
        }
    };
    for (const TrajectoryData& run : earlier_) mark(run, std::numeric_limits<int>::max());
    mark(data_, shown_);
    // A run that left the plot is marked where it left it.
    auto clampInto = [](QVector<double>& v, const QCPRange& r) {
        for (double& a : v) a = std::clamp(a, r.lower, r.upper);
    };
    clampInto(lv, loss_->yAxis->range());
    clampInto(px, landscape_->xAxis->range());
    clampInto(py, landscape_->yAxis->range());
    lossDiverged_->setData(lk, lv);
    landDiverged_->setData(px, py);
    lk.isEmpty() ? lossDiverged_->removeFromLegend() : lossDiverged_->addToLegend();
    px.isEmpty() ? landDiverged_->removeFromLegend() : landDiverged_->addToLegend();
    const bool current = data_.diverged() && data_.lastFiniteStep() >= 0 && shown_ >= data_.lastFiniteStep();
    lossDivergedLabel_->setVisible(current);
    if (current) {
        const int last = data_.lastFiniteStep();
        const int at = data_.divergedAt >= 0 ? data_.divergedAt : last;
        const double key = data_.steps.value(at, last + 1);
        const QCPRange xr = loss_->xAxis->range(), yr = loss_->yAxis->range();
        const double value = std::clamp(data_.losses[last], yr.lower, yr.upper);
        // The label reads away from the nearer edges, so it is never cut off.
        const bool left = key > xr.center(), below = value > yr.center();
        lossDivergedLabel_->setPositionAlignment((left ? Qt::AlignRight : Qt::AlignLeft) | (below ? Qt::AlignTop : Qt::AlignBottom));
        lossDivergedLabel_->setText(left ? QString("diverged at step %1  ").arg(at) : QString("  diverged at step %1").arg(at));
        lossDivergedLabel_->position->setCoords(key, value);
    }
}

void PlotPanel::showSteps(int upTo) {
    upTo = std::clamp(upTo, 0, std::max(0, int(data_.steps.size()) - 1));
    shown_ = upTo;
    if (replay_->value() != upTo) {
        QSignalBlocker block(replay_);
        replay_->setValue(upTo);
    }
    const int at = std::min(upTo, data_.lastFiniteStep());
    if (at >= 0 && at < data_.steps.size()) loss_->graph(1)->setData({data_.steps[at]}, {data_.losses[at]});
    else loss_->graph(1)->data()->clear();
    QVector<double> t, x, y;
    for (int k = 0; k <= at; ++k) {
        double a = 0, b = 0;
        if (!landscapePoint(data_, k, a, b)) continue;
        t << k;
        x << a;
        y << b;
    }
    path_->setData(t, x, y, true);
    landscape_->graph(0)->setData(x.mid(0, 1), y.mid(0, 1));
    landscape_->graph(1)->setData(x.mid(x.size() - 1), y.mid(y.size() - 1));
    // One parameter: the tangent at the current step, slope = the gradient (from the file or the
    // plain update), else the sampled curve's.
    tangent_->data()->clear();
    tangent_->removeFromLegend();
    if (data_.dimension() == 1 && at >= 0 && !x.isEmpty()) {
        const double x0 = x.last(), f0 = y.last();
        double slope = std::numeric_limits<double>::quiet_NaN();
        if (at < data_.gradients.size() && !data_.gradients[at].isEmpty()) slope = data_.gradients[at][0];
        for (int i = 0; !std::isfinite(slope) && i + 1 < data_.curveX.size(); ++i)
            if (data_.curveX[i] <= x0 && x0 <= data_.curveX[i + 1])
                slope = (data_.curveLoss[i + 1] - data_.curveLoss[i]) / (data_.curveX[i + 1] - data_.curveX[i]);
        if (std::isfinite(slope)) {
            const double span = data_.hasCurve() ? data_.curveX.last() - data_.curveX.first() : std::max(1.0, std::abs(x0));
            const double w = 0.12 * span;
            tangent_->setData({x0 - w, x0 + w}, {f0 - slope * w, f0 + slope * w});
            tangent_->setName(QString("tangent, slope %1").arg(slope, 0, 'g', 4));
            tangent_->addToLegend();
        }
    }
    drawDivergence();
    updateReadout();
    loss_->replot();
    landscape_->replot();
}

void PlotPanel::updateReadout() {
    if (data_.empty() || shown_ < 0 || shown_ >= data_.steps.size()) {
        readout_->clear();
        return;
    }
    const int k = shown_;
    QStringList parts;
    parts << QString("step %1 / %2").arg(data_.steps[k]).arg(data_.steps.last());
    parts << "loss " + number(data_.losses.value(k));
    QStringList values;
    const QVector<double> p = data_.parameters.value(k);
    for (int i = 0; i < p.size() && i < 4; ++i) values << data_.parameterNames.value(i, QString("p%1").arg(i)) + " = " + number(p[i]);
    if (p.size() > 4) values << QString("… (%1 more)").arg(p.size() - 4);
    if (!values.isEmpty()) parts << values.join(", ");
    const QVector<double> g = data_.gradients.value(k);
    if (!g.isEmpty()) {
        QStringList gs;
        for (int i = 0; i < g.size() && i < 4; ++i) gs << number(g[i]);
        parts << QString("∇ = (%1%2)").arg(gs.join(", "), g.size() > 4 ? ", …" : "");
    }
    if (k < data_.gradientNorms.size()) parts << "|∇| = " + number(data_.gradientNorms[k]);
    if (data_.divergedAt >= 0 && k >= data_.divergedAt) parts << "diverged";
    readout_->setText(parts.join("  ·  "));
}

void PlotPanel::placeLandscapeLegend() {
    // The corner the trajectory crosses least (a corner region is 35 % of each axis): the legend
    // has to sit on the colour map, but need not hide the path. Ties keep the top right.
    const QCPRange xr = landscape_->xAxis->range(), yr = landscape_->yAxis->range();
    const Qt::Alignment corners[] = {Qt::AlignTop | Qt::AlignRight, Qt::AlignTop | Qt::AlignLeft,
                                     Qt::AlignBottom | Qt::AlignRight, Qt::AlignBottom | Qt::AlignLeft};
    QVector<QPointF> points;
    QList<const TrajectoryData*> runs{&data_};
    for (const TrajectoryData& r : earlier_) runs << &r;
    for (const TrajectoryData* run : runs)
        for (int k = 0; k < run->parameters.size(); ++k) {
            double a = 0, b = 0;
            if (landscapePoint(*run, k, a, b)) points << QPointF(a, b);
        }
    for (int i = 0; i < data_.curveX.size(); i += 4) points << QPointF(data_.curveX[i], data_.curveLoss[i]);
    int best = 0, fewest = std::numeric_limits<int>::max();
    for (int c = 0; c < 4; ++c) {
        const bool right = corners[c] & Qt::AlignRight, top = corners[c] & Qt::AlignTop;
        int count = 0;
        for (const QPointF& p : points) {
            const double u = (p.x() - xr.lower) / xr.size(), v = (p.y() - yr.lower) / yr.size();
            if ((right ? u >= 0.65 : u <= 0.35) && (top ? v >= 0.65 : v <= 0.35) && u >= 0 && u <= 1 && v >= 0 && v <= 1)
                ++count;
        }
        if (count < fewest) fewest = count, best = c;
    }
    landscape_->axisRect()->insetLayout()->setInsetAlignment(0, corners[best]);
}

}  // namespace lomaw::gui
