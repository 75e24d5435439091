// The run panel's scaling sweep: one `lomaw mpirun` of the same batch on 1, 2, ..., N workers,
// each adding a timing point, and the sequential baseline from the first run (docs/app.md).
#include <QJsonDocument>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>

#include "ResultsView.h"
#include "RunPanel.h"

namespace lomaw::gui {

void RunPanel::runScalingSweep() {
    if (runner_->running()) return;
    if (fortranFile_) return appendLog(fortranRunMessage());
    const FunctionInfo* f = current();
    if (!f || !provider_) {
        appendLog("Nothing to run: the kernel has no function yet (or has errors).");
        return;
    }
    const QString args = checkedArgumentsJson();
    if (args.isEmpty()) return;
    RunRequest request = provider_();
    request.function = f->name;
    request.timeoutSeconds = timeout_->value();
    request.argsJson = args;
    if (f->simd) request.threads = threads_->value();
    if (!prepareBatch(request)) return;
    running_ = *f;
    runningBatch_ = true;
    sweepRequest_ = request;
    sweepPlan_.clear();
    for (int w = 1; w <= workers_->value(); ++w) sweepPlan_ << w;
    sweepIndex_ = 0;
    appendLog(QString("Scaling sweep of %1: %2 input set(s) on 1 … %3 worker(s); the 1-worker run is also the "
                      "sequential baseline (its compute phase)")
                  .arg(f->name).arg(runningSets_).arg(workers_->value()));
    sweepButton_->setEnabled(false);
    phase_ = Phase::Sweep;
    runButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    results_->showMessage("scaling sweep of " + f->name + " …");
    startSweepRun();
}

void RunPanel::startSweepRun() {
    RunRequest request = sweepRequest_;
    request.workers = sweepPlan_.at(sweepIndex_);
    runningWorkers_ = request.workers;
    phase_ = Phase::Sweep;
    onProgress(0, 0, QString());  // "sweep k / n" until the run reports its sets
    applyProcessOptions(request);
    runner_->start(request);
}

void RunPanel::onSweepRunFinished(const RunResult& result) {
    const bool ok = result.status == RunResult::Status::Ok;
    const int workers = sweepPlan_.at(sweepIndex_);
    TimingPoint point;
    point.kind = "mpirun";
    point.workers = workers;
    point.sets = runningSets_;
    QString error;
    const bool timed = ok && parseTimingsJson(result.timingsJson, point, error);
    if (ok && !timed) appendLog("timings not recorded: " + error);
    if (timed && sweepIndex_ == 0) {
        // The sequential baseline: the 1-worker job's compute phase is the loop over the sets in
        // one process (decode, call, encode); launch, distribute and collect are what MPI adds.
        TimingPoint sequential = point;
        sequential.workers = 0;
        sequential.build = sequential.launch = sequential.distribute = sequential.collect = 0;
        sequential.total = point.compute;
        Q_EMIT timingRecorded(sequential);
        appendLog(QString("sequential baseline: %1 s (the 1-worker run's compute phase)").arg(point.compute, 0, 'g', 4));
    }
    if (timed) Q_EMIT timingRecorded(point);
    const int finishedRuns = sweepIndex_ + 1;
    if (ok && timed && sweepIndex_ + 1 < sweepPlan_.size()) {
        ++sweepIndex_;
        startSweepRun();
        return;
    }
    phase_ = Phase::Idle;
    const bool completed = ok && timed;
    finishUi(completed);
    if (completed) {
        progress_->setFormat(QString("sweep %1 / %1 done").arg(sweepPlan_.size()));
        results_->showBatchResult(result.json, running_);
        appendLog(QString("Scaling sweep done: %1 run(s), 1 … %2 worker(s) and the sequential baseline in Timings")
                      .arg(finishedRuns).arg(sweepPlan_.last()));
    } else {
        appendLog(QString("Scaling sweep stopped at run %1 of %2 (%3 worker%4)")
                      .arg(sweepIndex_ + 1).arg(sweepPlan_.size()).arg(workers).arg(workers == 1 ? "" : "s"));
        results_->showMessage("Scaling sweep stopped: " + result.summary() +
                              (result.errors.isEmpty() ? QString() : ": " + result.errors.section('\n', 0, 0)));
    }
    Q_EMIT runFinished(result);
    Q_EMIT sweepFinished(completed ? finishedRuns : sweepIndex_, completed);
}

}  // namespace lomaw::gui
