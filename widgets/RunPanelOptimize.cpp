// The run panel's MPI optimize mode after `lomaw optimize` returns: the trajectory, its timing
// point, and for two parameters the loss landscape around it (one more `lomaw mpirun`).
#include <QLabel>
#include <QProgressBar>
#include <QSpinBox>

#include "ResultsView.h"
#include "RunPanel.h"

namespace lomaw::gui {

void RunPanel::onOptimizeFinished(const RunResult& result) {
    // A divergence (exit 3, "descent diverged at step k (loss inf)") keeps its trajectory: it is
    // shown up to the last finite step, never as loss 0.
    const QString diverged = divergenceMessage(result.errors);
    const bool ok = result.status == RunResult::Status::Ok || (!diverged.isEmpty() && !result.trajectoryJson.isEmpty());
    if (!ok) {
        finishUi(false);
        results_->showMessage(result.summary() + (result.errors.isEmpty() ? QString() : ": " + result.errors.section('\n', 0, 0)));
        Q_EMIT runFinished(result);
        return;
    }
    appendLog("last step: " + result.json);
    optimizeResult_ = result;
    TimingPoint point;
    point.kind = "optimize";
    point.workers = runningWorkers_;
    point.steps = lastRequest_.steps;
    QString error;
    if (parseTimingsJson(result.timingsJson, point, error)) Q_EMIT timingRecorded(point);
    trajectory_ = TrajectoryData();
    if (!parseTrajectory(result.trajectoryJson, "trajectory.json", trajectory_, error)) {
        finishUi(false);
        results_->showMessage("The trajectory could not be read: " + error);
        Q_EMIT runFinished(result);
        return;
    }
    if (!diverged.isEmpty() && trajectory_.divergedAt < 0) trajectory_.status = "diverged";
    const int last = trajectory_.lastFiniteStep();
    const QString summary =
        trajectory_.diverged()
            ? QString("%1 · last finite loss %2 at step %3")
                  .arg(diverged.isEmpty() ? QString("diverged at step %1").arg(trajectory_.divergedAt) : diverged)
                  .arg(trajectory_.losses.value(last), 0, 'g', 6).arg(last)
            : QString("%1 steps, final loss %2").arg(trajectory_.steps.size() - 1).arg(trajectory_.losses.value(last), 0, 'g', 6);
    results_->showMessage(summary);
    status_->setText(summary);
    status_->setVisible(true);
    status_->setStyleSheet(trajectory_.diverged() ? "color: #c92a2a;" : QString());
    // Two parameters: evaluate the landscape around the trajectory before showing it.
    const int n = landscapeSize_->value();
    const bool twoParams = !trajectory_.parameters.isEmpty() && trajectory_.parameters.first().size() == 2;
    if (twoParams && n >= 2) {
        grid_ = landscapeAround(trajectory_, n);
        RunRequest landscape = lastRequest_;
        landscape.mode = RunRequest::Mode::MpiBatch;
        averaging_ = lastRequest_.average;
        if (landscapeBatch(running_, lastRequest_.dataJson, grid_, landscape.batchJson, sample_, error)) {
            appendLog(QString("Landscape: the loss on a %1 x %1 grid around the trajectory (lomaw mpirun)").arg(n));
            if (sample_.subsampled())
                appendLog(QString("Landscape: %1 data points are too many to send with each of the %2 grid points; "
                                  "it uses 1 in %3 (%4 points), an estimate of the loss")
                              .arg(sample_.points).arg(n * n).arg(sample_.stride).arg(sample_.used));
            phase_ = Phase::Landscape;
            lastRequest_ = landscape;
            progress_->setRange(0, 0);
            applyProcessOptions(landscape);
            runner_->start(landscape);
            return;
        }
        appendLog("No landscape: " + error);
    }
    finishUi(true);
    Q_EMIT trajectoryReady(trajectory_);
    Q_EMIT runFinished(result);
}

void RunPanel::onLandscapeFinished(const RunResult& result) {
    QString error;
    if (result.status != RunResult::Status::Ok)
        appendLog("No landscape: the grid run failed");
    else if (!landscapeFromResults(result.json, grid_, averaging_, sample_, trajectory_, error))
        appendLog("No landscape: " + error);
    finishUi(true);  // the optimisation itself succeeded
    Q_EMIT trajectoryReady(trajectory_);
    Q_EMIT runFinished(optimizeResult_);
}

}  // namespace lomaw::gui
