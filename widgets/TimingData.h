// Timing points of distributed runs, for the timing plots (TimingPanel). One point is one run:
// `lomaw mpirun --timings T.json` (kind "mpirun", size = input sets) or `lomaw optimize
// --timings T.json` (kind "optimize", size = steps), with the breakdown the CLI writes
// ({"build", "launch", "distribute", "compute", "collect", "total"} in seconds, docs/mpi.md).
// workers = 0 marks a sequential reference run (no MPI), read from a CSV the user loads.
//
// CSV (what "Save CSV" writes and "Load CSV" reads; columns in any order, only kind, workers,
// total and one of sets / steps are required):
//   kind,workers,sets,steps,build,launch,distribute,compute,collect,total
//   mpirun,2,64,0,0.41,0.12,0.01,0.35,0.01,0.90
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace lomaw::gui {

// One MPI rank of a run (`--timings` "ranks", docs/mpi.md): where it ran and how long it computed.
struct RankTime {
    int rank = 0;
    QString host;
    QString role;        // "driver" (rank 0) or "worker"
    double compute = 0;  // seconds in the kernel function
    qint64 items = 0;    // input sets or data points it computed
};

struct TimingPoint {
    QString kind = "mpirun";  // "mpirun" | "optimize"
    int workers = 0;          // 0: sequential reference
    qint64 sets = 0;          // mpirun: input sets in the batch
    qint64 steps = 0;         // optimize: descent steps
    double build = 0, launch = 0, distribute = 0, compute = 0, collect = 0, total = 0;
    QVector<RankTime> ranks;  // per rank when the CLI reports it (not in the CSV)
    qint64 size() const { return kind == "optimize" ? steps : sets; }
    // One component by name ("total", "compute", ...); total for an unknown name.
    double seconds(const QString& component) const;
};

// The timing components, in the CLI's order.
QStringList timingComponents();

// Fills the times of `point` from the CLI's --timings JSON; false (with `error`) when it is not
// an object with a numeric "total". Per-rank entries ("ranks": [{"rank", "host", "role",
// "compute", "items"}]) are read when present; without them `ranks` stays empty.
bool parseTimingsJson(const QString& json, TimingPoint& point, QString& error);

bool parseTimingCsv(const QString& text, QVector<TimingPoint>& out, QString& error);
QString timingsToCsv(const QVector<TimingPoint>& points);

// Time against worker count for one kind and size: mean seconds per worker count (sorted), the
// speed-up against the baseline, and which baseline: the sequential run (workers 0) when there is
// one, else the smallest worker count (speed-up = T(w_min) / T(w), the ideal being w / w_min).
struct ScalingCurve {
    QString kind;
    qint64 size = 0;
    QVector<double> workers, seconds, speedup, ideal;
    double baselineSeconds = 0;
    bool sequentialBaseline = false;
    QString label() const;  // "mpirun, 64 sets"
};
QVector<ScalingCurve> scalingCurves(const QVector<TimingPoint>& points, const QString& component);

}  // namespace lomaw::gui
