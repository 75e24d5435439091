// Optimisation and descent plots (QCustomPlot): loss against step, and beside it the landscape
// the run moves on, by the number of parameters:
//   one    the curve f(x), the steps on it (joined in order) and the tangent at the current step;
//   two    a colour map with contour lines (ContourLines, marching squares) and the trajectory;
//   more   the same for a 2-D slice through two chosen parameters (the others fixed at the last
//          finite step), the trajectory projected on them; the choice asks for a new slice.
// Several runs can be overlaid (addRun), each with its colour and legend entry ("rev · plain ·
// lr 0.1"); the newest is the current one, animated and read out. A run that diverged is drawn up
// to its last finite step, with a cross and "diverged at step k" on both plots and in the status
// line: never as loss 0. Playback: a timer reveals the current run one step at a time (speed
// control), the slider steps through it by hand, and the readout gives step, loss, parameters and
// gradient. A click on the landscape (without dragging) asks for a new start there (startPicked).
// Data come from the run panel or a trajectory file (TrajectoryData); export to PNG, PDF and CSV.
#pragma once

#include <QTimer>
#include <QWidget>

#include "TrajectoryData.h"

class QComboBox;
class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPCurve;
class QCPGraph;
class QCPItemText;
class QLabel;
class QPushButton;
class QSlider;

namespace lomaw::gui {

class PlotPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlotPanel(QWidget* parent = nullptr);

    bool loadFile(const QString& path, QString* error = nullptr);
    // One run: replaces every run shown.
    void setData(const TrajectoryData& data);
    // Another run over the earlier ones (their landscape gives way to the new run's).
    void addRun(const TrajectoryData& data);
    void clearRuns();
    const TrajectoryData& data() const { return data_; }  // the current run
    // The earlier runs still shown, oldest first (the current one not included).
    const QList<TrajectoryData>& earlierRuns() const { return earlier_; }
    // A landscape sampled later for the current run: its curve or grid (and slice) fields.
    void setLandscape(const TrajectoryData& landscape);
    QCustomPlot* lossPlot() const { return loss_; }
    QCustomPlot* landscapePlot() const { return landscape_; }
    // Shows the trajectory up to row `upTo` (inclusive); the slider and the animation drive it.
    void showSteps(int upTo);
    int shownSteps() const { return shown_; }
    // Animation: setData() starts it (unless turned off); one more step every interval.
    void setAnimateNewData(bool on) { animateNewData_ = on; }
    void setAnimationIntervalMs(int ms);
    int animationIntervalMs() const { return animation_.interval(); }
    // Playback speed relative to 80 ms per step (the speed box: 0.25x ... 8x).
    void setPlaybackSpeed(double factor);
    void playAnimation();   // from the start
    void stopAnimation();
    bool animating() const { return animation_.isActive(); }
    // The contour lines: one curve per level (polylines separated by NaN gaps), and the levels.
    QList<QCPCurve*> contourCurves() const { return contours_; }
    QVector<double> contourLevels() const { return levels_; }
    void setContourCount(int count) { contourCount_ = count; }
    // One parameter: the sampled curve, and the tangent drawn at the current step.
    QCPGraph* curveGraph() const { return curve_; }
    QCPGraph* tangentGraph() const { return tangent_; }
    // The cross at the last finite step of a diverged run (loss plot, landscape plot).
    QCPGraph* lossDivergenceGraph() const { return lossDiverged_; }
    QCPGraph* landscapeDivergenceGraph() const { return landDiverged_; }
    // The paths of the earlier runs on the landscape and their loss curves, oldest first.
    QList<QCPCurve*> overlayPaths() const { return overlayPaths_; }
    QList<QCPGraph*> overlayLosses() const { return overlayLosses_; }
    // More than two parameters: which two the landscape shows.
    void setSliceAxes(int px, int py);
    int sliceX() const { return px_; }
    int sliceY() const { return py_; }
    QString readoutText() const;
    QString statusText() const;
    bool exportPng(const QString& path);   // both plots side by side
    bool exportPdf(const QString& path);   // the landscape (or the loss plot when there is none)
    bool exportCsv(const QString& path) const;
    void setDarkTheme(bool dark);

public Q_SLOTS:
    void openFileDialog();
    void exportDialog();

Q_SIGNALS:
    void animationFinished();
    // A click on the landscape: parameter px at x, and py at y (py = -1 for one parameter).
    void startPicked(int px, double x, int py, double y);
    // The slice choice changed (more than two parameters): a new grid is wanted.
    void sliceRequested(int px, int py);

private:
    void showRuns();           // everything but the current step
    void drawLandscape();      // colour map and contours, or the curve
    void drawOverlays();
    void drawDivergence();
    void fitAxes();
    void rebuildContours();
    void animationTick();
    void updateReadout();
    void updateSliceChoice();
    // The current run's point k on the landscape plot (curve: (x, loss); grid: the two axes).
    bool landscapePoint(const TrajectoryData& run, int k, double& x, double& y) const;
    // The landscape legend in the corner the trajectory crosses least.
    void placeLandscapeLegend();
    QColor runColour(int index) const;

    TrajectoryData data_;
    QList<TrajectoryData> earlier_;
    QCustomPlot* loss_;
    QCustomPlot* landscape_;
    QCPColorMap* map_;
    QCPColorScale* scale_;
    QCPCurve* path_;
    QCPGraph* curve_;
    QCPGraph* tangent_;
    QCPGraph* landDiverged_;
    QCPGraph* lossDiverged_;
    QCPItemText* lossDivergedLabel_;
    QList<QCPCurve*> overlayPaths_;
    QList<QCPGraph*> overlayLosses_;
    QLabel* status_;
    QLabel* readout_;
    QSlider* replay_;
    QPushButton* play_;
    QComboBox* speed_;
    QWidget* sliceChoice_;
    QComboBox* sliceXBox_;
    QComboBox* sliceYBox_;
    QList<QCPCurve*> contours_;
    QVector<double> levels_;
    int contourCount_ = 10;
    int px_ = 0, py_ = 1;
    QTimer animation_;
    bool animateNewData_ = true;
    int shown_ = -1;
    bool dark_ = false;
    QPoint pressAt_;
};

}  // namespace lomaw::gui
