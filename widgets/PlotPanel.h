// Optimisation plots (QCustomPlot): loss against step, and the loss landscape of two parameters
// as a colour map with the trajectory drawn over it (start and end marked; a slider replays it
// step by step). Data come from a trajectory file (TrajectoryData); export to PNG, PDF and CSV.
#pragma once

#include <QWidget>

#include "TrajectoryData.h"

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPCurve;
class QLabel;
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
    // Shows the trajectory up to row `upTo` (inclusive); the slider drives it.
    void showSteps(int upTo);
    bool exportPng(const QString& path);   // both plots side by side
    bool exportPdf(const QString& path);   // the landscape (or the loss plot when there is none)
    bool exportCsv(const QString& path) const;
    void setDarkTheme(bool dark);

public Q_SLOTS:
    void openFileDialog();
    void exportDialog();

private:
    void styleAxes(QCustomPlot* plot, bool dark);

    TrajectoryData data_;
    QCustomPlot* loss_;
    QCustomPlot* landscape_;
    QCPColorMap* map_;
    QCPColorScale* scale_;
    QCPCurve* path_;
    QLabel* status_;
    QSlider* replay_;
};

}  // namespace lomaw::gui
