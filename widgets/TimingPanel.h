// Timing plots of distributed runs (QCustomPlot), from TimingData points: time against the number
// of input sets (mpirun) and against steps (optimize), one curve per worker count, log-log; time
// against MPI workers with the sequential reference as a dashed line (log axes); and the speed-up
// against workers with the ideal line. Points arrive one per run from the run panel, or from a CSV
// the user loads; the series can be saved as CSV and the plots exported to PNG or PDF. When a run
// reports per-rank timings (hosts of a hostfile), a fifth plot shows its compute time per node.
#pragma once

#include <QWidget>

#include "TimingData.h"

class QComboBox;
class QCustomPlot;
class QLabel;

namespace lomaw::gui {

class TimingPanel : public QWidget {
    Q_OBJECT
public:
    explicit TimingPanel(QWidget* parent = nullptr);

    void addPoint(const TimingPoint& point);
    void setPoints(const QVector<TimingPoint>& points);
    const QVector<TimingPoint>& points() const { return points_; }
    void clear() { setPoints({}); }
    bool loadCsv(const QString& path, QString* error = nullptr);
    bool exportCsv(const QString& path) const;
    bool exportPng(const QString& path);  // the four plots, 2 x 2
    bool exportPdf(const QString& path);  // the same, one page
    // Which component is plotted: "total" (default), "compute", ...
    void setComponent(const QString& component);
    QString component() const;
    void setDarkTheme(bool dark);

    QCustomPlot* setsPlot() const { return sets_; }
    QCustomPlot* stepsPlot() const { return steps_; }
    QCustomPlot* workersPlot() const { return workers_; }
    QCustomPlot* speedupPlot() const { return speedup_; }
    // Compute time per worker rank of the newest run that reports ranks, one bar each, coloured
    // by host (hidden while no run has per-rank data).
    QCustomPlot* nodesPlot() const { return nodes_; }

public Q_SLOTS:
    void loadCsvDialog();
    void saveCsvDialog();
    void exportDialog();

private:
    void rebuild();
    void fillSizePlot(QCustomPlot* plot, const QString& kind);
    void fillNodesPlot();
    QPixmap renderAll(int width, int height);

    QVector<TimingPoint> points_;
    QComboBox* component_;
    QLabel* status_;
    QCustomPlot* sets_;
    QCustomPlot* steps_;
    QCustomPlot* workers_;
    QCustomPlot* speedup_;
    QCustomPlot* nodes_;
    bool dark_ = false;
};

}  // namespace lomaw::gui
