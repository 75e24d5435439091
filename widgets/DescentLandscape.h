// The landscape a descent moves on, sampled by the app through the CLI: one `lomaw run --batch`
// (every call in one process on this machine, no MPI -- like the descent itself) whose input sets
// are the function's argument list with one or two parameters replaced. For one parameter the
// curve f(x); for two the grid of f(x, y); for more, the grid of a 2-D slice through
// two chosen parameters, the others fixed at the run's last finite step. The window is the
// trajectory's range widened by a quarter (LandscapeGrid's trajectoryRange, which also frames a
// diverging run sensibly).
#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QVector>
#include <algorithm>

#include "DescentParameters.h"
#include "TrajectoryData.h"

namespace lomaw::gui {

struct DescentLandscapePlan {
    QList<DescentParameter> parameters;  // all of the run's parameters
    int px = 0, py = 1;                  // the parameters on the axes; py = -1: a curve of px
    QVector<double> x, y;                // sample points (y empty for a curve)
    QJsonArray base;                     // the argument list the other parameters are fixed at
    qsizetype sets() const { return x.size() * std::max<qsizetype>(1, y.size()); }
    bool curve() const { return py < 0; }
};

// One parameter: a curve of `curvePoints` samples; otherwise an n x n grid of (px, py). Empty
// (no sets) when n < 2 or the indices are out of range.
DescentLandscapePlan planDescentLandscape(const TrajectoryData& run, const QList<DescentParameter>& parameters,
                                          const QJsonArray& base, int n, int px = 0, int py = 1,
                                          int curvePoints = 161);

// The batch: one argument list per sample (y outer, x inner).
QString descentLandscapeBatch(const DescentLandscapePlan& plan);

// Fills the curve (curveX/curveLoss) or the grid (gridX/gridY/gridLoss, sliceX/sliceY) of `data`
// from the batch's results ("return" of each set; non-finite values become NaN, holes in the plot).
bool descentLandscapeFromResults(const QString& resultsJson, const DescentLandscapePlan& plan, TrajectoryData& data,
                                 QString& error);

}  // namespace lomaw::gui
