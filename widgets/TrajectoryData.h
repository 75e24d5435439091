// An optimisation trajectory as `lomaw optimize` writes it, read from CSV or JSON:
//   CSV:  header `step,loss[,gradient_norm],p0,p1,...` (parameter columns may have any names),
//         one row per step.
//   JSON: {"trajectory": [{"step": 0, "loss": 1.5, "params": [..]} | {"step":..,"loss":..,"p0":..}],
//          "landscape": {"x": [...], "y": [...], "loss": [[row for y[0]], ...]}}   (landscape optional)
//         or a bare array of step objects.
// The landscape grid is the loss of the first two parameters on a grid; without it the plot
// shows the trajectory alone and says that the file has no grid.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace lomaw::gui {

struct TrajectoryData {
    QStringList parameterNames;          // "p0", "p1", ... or the file's names
    QVector<double> steps;
    QVector<double> losses;
    QVector<QVector<double>> parameters; // parameters[k][i]: parameter i at row k
    // Optional landscape of the first two parameters.
    QVector<double> gridX, gridY;
    QVector<QVector<double>> gridLoss;   // gridLoss[j][i] = loss(gridX[i], gridY[j])
    QString landscapeNote;               // how the landscape was made, when the plot should say
    bool hasLandscape() const { return !gridX.isEmpty() && !gridY.isEmpty() && gridLoss.size() == gridY.size(); }
    bool empty() const { return steps.isEmpty(); }
};

// Reads CSV (by default) or JSON (a .json file or text starting with '{' / '['). On failure
// returns false and sets `error`.
bool parseTrajectory(const QString& text, const QString& fileName, TrajectoryData& out, QString& error);
bool loadTrajectoryFile(const QString& path, TrajectoryData& out, QString& error);
QString trajectoryToCsv(const TrajectoryData& data);

}  // namespace lomaw::gui
