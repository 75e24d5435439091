// An optimisation trajectory as `lomaw optimize` writes it, read from CSV or JSON:
//   CSV:  header `step,loss[,gradient_norm],p0,p1,...` (parameter columns may have any names),
//         one row per step.
//   JSON: {"trajectory": [{"step": 0, "loss": 1.5, "params": [..]} | {"step":..,"loss":..,"p0":..}],
//          "landscape": {"x": [...], "y": [...], "loss": [[row for y[0]], ...]}}   (landscape optional)
//         or a bare array of step objects. A step may carry `args` (the function's argument list,
//         `lomaw descend --trajectory`) instead of `params`: every number in it is a parameter here
//         (DescentTrajectory picks the float ones by the signature).
// A loss or parameter that is not finite may be written as a string ("inf", "-inf", "nan") or
// null: it stays inf / NaN (never 0), and `divergedAt` is the first such step.
// The landscape grid is the loss of the first two parameters on a grid; without it the plot
// shows the trajectory alone and says that the file has no grid.
#pragma once

#include <QJsonValue>
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
    // One parameter: the loss along it (the curve the descent moves on).
    QVector<double> curveX, curveLoss;
    // More than two parameters: the grid is a slice through parameters sliceX and sliceY (the
    // others fixed at the last finite step); two parameters: 0 and 1.
    int sliceX = 0, sliceY = 1;
    // Per step, when the file has them: the gradient norm and the gradient (flattened like
    // `parameters`).
    QVector<double> gradientNorms;
    QVector<QVector<double>> gradients;
    QString label;    // the run's legend entry when several runs are overlaid
    QString status;   // lomaw descend's "converged" | "max-steps" | "diverged" ("" when unknown)
    int divergedAt = -1;  // the first step whose loss or a parameter is inf or NaN; -1: none
    bool diverged() const { return divergedAt >= 0 || status == "diverged"; }
    int lastFiniteStep() const { return divergedAt >= 0 ? divergedAt - 1 : int(steps.size()) - 1; }
    int dimension() const { return parameters.isEmpty() ? 0 : int(parameters.first().size()); }
    bool hasCurve() const { return !curveX.isEmpty() && curveX.size() == curveLoss.size(); }
    bool hasLandscape() const { return !gridX.isEmpty() && !gridY.isEmpty() && gridLoss.size() == gridY.size(); }
    bool empty() const { return steps.isEmpty(); }
};

// A JSON number, or lomaw's spelling of a non-finite float ("inf", "-inf", "nan"; null is NaN).
double jsonNumber(const QJsonValue& value);
// Sets data.divergedAt from its losses and parameters.
void markDivergence(TrajectoryData& data);

// Reads CSV (by default) or JSON (a .json file or text starting with '{' / '['). On failure
// returns false and sets `error`.
bool parseTrajectory(const QString& text, const QString& fileName, TrajectoryData& out, QString& error);
bool loadTrajectoryFile(const QString& path, TrajectoryData& out, QString& error);
QString trajectoryToCsv(const TrajectoryData& data);

}  // namespace lomaw::gui
