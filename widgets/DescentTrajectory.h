// A `lomaw descend --trajectory T.json` file read for the plots: every step's `step`, `loss`,
// `args` (the --args list) and `gradient_norm`, as TrajectoryData whose parameters are the
// descent's float parameters (DescentParameters) named like the kernel ("x", "p[1]").
// Tolerant: a bare list of steps or {"trajectory": [...]}, a "gradient" per step when present
// (a flat list, or the --args form), non-finite values as "inf"/"nan" strings or null.
#pragma once

#include <QJsonArray>
#include <QString>

#include "Analysis.h"
#include "TrajectoryData.h"

namespace lomaw::gui {

struct DescentRunInfo {
    QString gradient = "rev";    // rev | fwd | fd | a function name
    QString optimizer = "plain"; // plain | momentum | adam
    double learningRate = 0.1;
    QString label() const;       // "rev · plain · lr 0.1"
};

// Fills `out` (parameters, names, gradients, divergence) and `lastArgs` (the --args list of the
// last step whose values are all finite: where a slice of the landscape is taken).
bool parseDescentTrajectory(const QString& json, const FunctionInfo& function, TrajectoryData& out,
                            QJsonArray& lastArgs, QString& error);

// For plain descent without gradients in the file: g_k = (p_k - p_{k+1}) / lr for every step
// with a successor (the update the CLI made, up to float rounding).
void gradientsFromPlainSteps(TrajectoryData& data, double learningRate);

// "descent diverged at step 12 (loss inf)" from lomaw's stderr, or "" when it did not say so.
QString divergenceMessage(const QString& errors);

}  // namespace lomaw::gui
