// The loss landscape around an optimisation trajectory, evaluated by the app itself: `lomaw
// optimize` writes the trajectory only, so after a run of two parameters the run panel asks
// `lomaw mpirun` for the loss-gradient function on an n x n grid of parameter pairs (one input set
// per grid point, the whole data set in each) and draws the returned losses as the colour map.
//
// The function follows optimize's contract (docs/mpi.md): f(params, data..., grad) -> float,
// each data parameter an array (one list of DATA.json each, in order) or an int (the number of
// data points). One call on all the data returns the summed loss; --average divides by the count.
//
// Every grid set carries the data it is evaluated on, so the batch is n^2 times the data set. A
// batch over the budget (kLandscapeBatchBudget bytes of JSON) carries every k-th data point only,
// the smallest k that fits: the landscape is then an estimate (the mean over the subsample, or
// its sum scaled by points / used without --average), the trajectory itself stays exact, and
// the plot says so (TrajectoryData::landscapeNote).
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
// A run that diverged is framed up to its last step that does not blow the box up (below).
LandscapeGrid landscapeAround(const TrajectoryData& trajectory, int n, double margin = 0.25);

// The finite values of one parameter over the run; for a run that diverged, up to the first step
// that widens the range more than eightfold or beyond 1000 times its first size.
struct AxisRange {
    double lo = 0, hi = 0;
};
AxisRange trajectoryRange(const TrajectoryData& trajectory, int parameter);
// The same framing of any sequence (a run's losses): all finite values, or for a run that
// diverged those before the first that widens the range more than eightfold or beyond 1000
// times its first size.
AxisRange framedRange(const QVector<double>& values, bool diverged);
// n >= 2 evenly spaced values over the range widened by `margin` of its size on each side (a range
// of zero size becomes one of size 1 around the value first).
QVector<double> axisSamples(AxisRange range, int n, double margin = 0.25);

// f(params : In[Array[float]], data..., grad : Out[Array[float]]) -> float: what `lomaw optimize`
// takes (docs/mpi.md).
bool isLossGradientFunction(const FunctionInfo& function);
QString lossGradientContract();  // that signature, for messages

// About 1 s of `lomaw mpirun` on 2 cores for 8 MB (41 x 41 grid sets of the line-fit example's
// 200 points); the CLI echoes every argument, so the output is as large again.
inline constexpr qint64 kLandscapeBatchBudget = 16 * 1024 * 1024;

// Which data points the grid sets carry: every `stride`-th of `points` (from the first), `used`
// in all.
struct LandscapeSample {
    qint64 points = 0;
    qint64 used = 0;
    qint64 stride = 1;
    bool subsampled() const { return used < points; }
};

// The mpirun batch: one argument list per grid point, y outer, x inner (set j*n + i is
// (x[i], y[j])), the data (subsampled to fit `budgetBytes`) in every set, int parameters get the
// number of points carried. False with `error` when the function does not fit the contract or
// the data are not one list per array parameter of equal lengths.
bool landscapeBatch(const FunctionInfo& function, const QString& dataJson, const LandscapeGrid& grid,
                    QString& batchJson, LandscapeSample& sample, QString& error,
                    qint64 budgetBytes = kLandscapeBatchBudget);

// Fills data.gridX/gridY/gridLoss from mpirun's output for that batch (the "return" of each set;
// non-finite losses, printed as strings, become NaN): divided by the points used when `average`,
// else scaled by points / used (1 unless subsampled). A subsample sets data.landscapeNote.
bool landscapeFromResults(const QString& resultsJson, const LandscapeGrid& grid, bool average,
                          const LandscapeSample& sample, TrajectoryData& data, QString& error);

}  // namespace lomaw::gui
