// Optimisation plots (QCustomPlot): loss against step, and the loss landscape of two parameters
// as a colour map with contour lines (ContourLines, marching squares) and the trajectory drawn
// over it (start and end marked). New data are animated: a timer reveals the trajectory one step
// at a time; the slider replays it by hand. Data come from a trajectory file (TrajectoryData);
// export to PNG, PDF and CSV.
#pragma once

#include <QTimer>
#include <QWidget>

#include "TrajectoryData.h"

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPCurve;
class QLabel;
class QPushButton;
class QSlider;

namespace lomaw::gui {

class PlotPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlotPanel(QWidget* parent = nullptr);

    bool loadFile(const QString& path, QString* error = nullptr);
    void setData(const TrajectoryData& data);
    const TrajectoryData& data() const { return data_; }
    QCustomPlot* lossPlot() const { return loss_; }
    QCustomPlot* landscapePlot() const { return landscape_; }
    // Shows the trajectory up to row `upTo` (inclusive); the slider and the animation drive it.
    void showSteps(int upTo);
    int shownSteps() const { return shown_; }
    // Animation: setData() starts it (unless turned off); one more step every interval.
    void setAnimateNewData(bool on) { animateNewData_ = on; }
    void setAnimationIntervalMs(int ms) { animation_.setInterval(ms); }
    void playAnimation();   // from the start
    void stopAnimation();
    bool animating() const { return animation_.isActive(); }
    // The contour lines: one curve per level (polylines separated by NaN gaps), and the levels.
    QList<QCPCurve*> contourCurves() const { return contours_; }
    QVector<double> contourLevels() const { return levels_; }
    void setContourCount(int count) { contourCount_ = count; }
    bool exportPng(const QString& path);   // both plots side by side
    bool exportPdf(const QString& path);   // the landscape (or the loss plot when there is none)
    bool exportCsv(const QString& path) const;
    void setDarkTheme(bool dark);

public Q_SLOTS:
    void openFileDialog();
    void exportDialog();

Q_SIGNALS:
    void animationFinished();

private:
    void rebuildContours();
    void animationTick();
    // The landscape legend in the corner the trajectory crosses least.
    void placeLandscapeLegend();

    TrajectoryData data_;
    QCustomPlot* loss_;
    QCustomPlot* landscape_;
    QCPColorMap* map_;
    QCPColorScale* scale_;
    QCPCurve* path_;
    QLabel* status_;
    QSlider* replay_;
    QPushButton* play_;
    QList<QCPCurve*> contours_;
    QVector<double> levels_;
    int contourCount_ = 10;
    QTimer animation_;
    bool animateNewData_ = true;
    int shown_ = -1;
    bool dark_ = false;
};

}  // namespace lomaw::gui
