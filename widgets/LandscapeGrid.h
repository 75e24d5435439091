// The loss landscape around an optimisation trajectory, evaluated by the app itself: `lomaw
// optimize` writes the trajectory only, so after a run of two parameters the run panel asks
// `lomaw mpirun` for the loss-gradient function on an n x n grid of parameter pairs (one input set
// per grid point, the whole data set in each) and draws the returned losses as the colour map.
//
// The function follows optimize's contract (docs/mpi.md): f(params, data..., grad) -> float,
// each data parameter an array (one list of DATA.json each, in order) or an int (the number of
// data points). One call on all the data returns the summed loss; --average divides by the count.
#pragma once

#include <QString>
#include <QVector>

#include "Analysis.h"
#include "TrajectoryData.h"

namespace lomaw::gui {

struct LandscapeGrid {
    QVector<double> x, y;  // n values each, increasing
};

// The trajectory's bounding box of the first two parameters, widened by `margin` of its size on
// every side (a box of zero size becomes one of size 1 around the point); n points per axis.
LandscapeGrid landscapeAround(const TrajectoryData& trajectory, int n, double margin = 0.25);

// The mpirun batch: one argument list per grid point, y outer, x inner (set j*n + i is
// (x[i], y[j])). `points` receives the number of data points. False with `error` when the
// function does not fit the contract or the data are not one list per array parameter.
bool landscapeBatch(const FunctionInfo& function, const QString& dataJson, const LandscapeGrid& grid,
                    QString& batchJson, qint64& points, QString& error);

// Fills data.gridX/gridY/gridLoss from mpirun's output for that batch (the "return" of each set;
// non-finite losses, printed as strings, become NaN); divides by `points` when `average`.
bool landscapeFromResults(const QString& resultsJson, const LandscapeGrid& grid, bool average, qint64 points,
                          TrajectoryData& data, QString& error);

}  // namespace lomaw::gui
