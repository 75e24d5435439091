// The run panel's descent mode: `lomaw descend` of a function returning float from the parameter
// rows (no MPI), its trajectory read with the function's signature (DescentTrajectory), then its
// landscape sampled around the trajectory by one `lomaw run --batch` (DescentLandscape; every call in
// one process, so a machine without Open MPI shows it too): a curve
// for one parameter, a grid for two, a slice through two chosen parameters for more. A run that
// diverges (lomaw exits 3 and keeps the trajectory) is shown up to its last finite step and said so.
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTableWidget>
#include <cmath>

#include "DescentControls.h"
#include "ResultsView.h"
#include "RunPanel.h"

namespace lomaw::gui {

void RunPanel::runDescent(RunRequest request, const FunctionInfo& function) {
    if (!returnsFloat(function)) {
        updateStatus();
        results_->showMessage(QString("%1 does not return float: descent needs a loss").arg(function.name));
        return;
    }
    const QString args = checkedArgumentsJson();
    if (args.isEmpty()) return;
    const QList<DescentParameter> params = descentParameters(function, QJsonDocument::fromJson(args.toUtf8()).array());
    if (params.isEmpty()) {
        updateStatus();
        results_->showMessage(statusText());
        return;
    }
    const DescentSettings s = descent_->settings();
    request.mode = RunRequest::Mode::Descend;
    request.argsJson = args;
    request.gradient = s.gradient;
    request.optimizer = s.optimizer;
    request.learningRate = s.learningRate;
    request.momentum = s.momentum;
    request.steps = s.steps;
    request.tolerance = s.tolerance;
    descentFunction_ = function;
    descentParams_ = params;
    descentRunSettings_ = s;
    phase_ = Phase::Descend;
    startRun(request, QString("descending %1 …").arg(function.name));
}

void RunPanel::onDescentFinished(const RunResult& result) {
    const QString diverged = divergenceMessage(result.errors);
    auto fail = [&](const QString& why) {
        finishUi(false);
        results_->showMessage(why);
        status_->setText(why);
        status_->setVisible(true);
        Q_EMIT runFinished(result);
    };
    // A divergence is a result (exit 3 with the trajectory up to that step), not a failure.
    if (result.status != RunResult::Status::Ok && (diverged.isEmpty() || result.trajectoryJson.isEmpty()))
        return fail(result.summary() + (result.errors.isEmpty() ? QString() : ": " + result.errors.section('\n', 0, 0)));
    QString error;
    if (!parseDescentTrajectory(result.trajectoryJson, descentFunction_, descentRun_, descentLastArgs_, error))
        return fail("The trajectory could not be read: " + error);
    const DescentSettings& s = descentRunSettings_;
    DescentRunInfo info;
    info.gradient = s.gradient;
    info.optimizer = s.optimizer;
    info.learningRate = s.learningRate;
    descentRun_.label = info.label();
    if (descentRun_.status.isEmpty())
        descentRun_.status = diverged.isEmpty() ? QJsonDocument::fromJson(result.json.toUtf8()).object().value("status").toString()
                                                : QString("diverged");
    if (s.optimizer == "plain") gradientsFromPlainSteps(descentRun_, s.learningRate);
    descentResult_ = result;
    const int steps = int(descentRun_.steps.size()) - 1;
    QString summary;
    if (descentRun_.diverged()) {
        summary = !diverged.isEmpty() ? diverged.left(1).toUpper() + diverged.mid(1)
                                      : QString("Descent diverged at step %1").arg(descentRun_.divergedAt);
        summary += QString(" · last finite loss %1 at step %2")
                       .arg(descentRun_.losses.value(descentRun_.lastFiniteStep()), 0, 'g', 6)
                       .arg(descentRun_.lastFiniteStep());
    } else {
        const QString how = descentRun_.status == "converged" ? "converged" : "stopped";
        summary = QString("%1 after %2 step%3, loss %4")
                      .arg(how).arg(steps).arg(steps == 1 ? "" : "s").arg(descentRun_.losses.value(steps), 0, 'g', 6);
        summary[0] = summary[0].toUpper();
    }
    summary += " (" + descentRun_.label + ")";
    appendLog(summary);
    results_->showMessage(summary);
    status_->setText(summary);
    status_->setVisible(true);
    status_->setStyleSheet(descentRun_.diverged() ? "color: #c92a2a;" : QString());
    const int n = s.landscapeSize;
    if (n >= 2 && !descentLastArgs_.isEmpty()) {
        const DescentLandscapePlan plan = planDescentLandscape(descentRun_, descentParams_, descentLastArgs_, n);
        if (plan.sets() > 0) return startDescentLandscape(plan, false);
    }
    finishDescent();
}

void RunPanel::startDescentLandscape(const DescentLandscapePlan& plan, bool slice) {
    RunRequest request = provider_ ? provider_() : RunRequest();
    request.function = descentFunction_.name;
    request.mode = RunRequest::Mode::Batch;  // a descent is local: its landscape needs no MPI either
    request.batchJson = descentLandscapeBatch(plan);
    descentPlan_ = plan;
    phase_ = slice ? Phase::Slice : Phase::DescentLandscape;
    appendLog(plan.curve() ? QString("Landscape: %1 along %2 at %3 points (lomaw run --batch)")
                                 .arg(descentFunction_.name, plan.parameters[plan.px].name).arg(plan.x.size())
                           : QString("Landscape: %1 on a %2 x %3 grid of (%4, %5)%6 (lomaw run --batch)")
                                 .arg(descentFunction_.name).arg(plan.x.size()).arg(plan.y.size())
                                 .arg(plan.parameters[plan.px].name, plan.parameters[plan.py].name,
                                      plan.parameters.size() > 2 ? ", the others at the last finite step" : ""));
    if (slice) {
        runButton_->setEnabled(false);
        cancelButton_->setEnabled(true);
    }
    progress_->setRange(0, 0);
    applyProcessOptions(request);
    runner_->start(request);
}

void RunPanel::onDescentLandscapeFinished(const RunResult& result, bool slice) {
    TrajectoryData& into = descentRun_;
    QString error;
    bool ok = result.status == RunResult::Status::Ok;
    if (!ok) appendLog("No landscape: " + result.summary() + (result.errors.isEmpty() ? QString() : ": " + result.errors.section('\n', 0, 0)));
    else if (!(ok = descentLandscapeFromResults(result.json, descentPlan_, into, error))) appendLog("No landscape: " + error);
    if (!slice) return finishDescent();
    finishUi(true);
    if (ok) Q_EMIT landscapeReady(into);
}

void RunPanel::finishDescent() {
    finishUi(true);  // the descent itself ran (a divergence is a result)
    Q_EMIT descentReady(descentRun_, descentRunSettings_.overlay);
    Q_EMIT runFinished(descentResult_);
}

void RunPanel::evaluateSlice(int px, int py) {
    if (runner_->running() || descentRun_.empty() || descentParams_.size() <= 2) return;
    const int n = std::max(2, descentRunSettings_.landscapeSize);
    const DescentLandscapePlan plan = planDescentLandscape(descentRun_, descentParams_, descentLastArgs_, n, px, py);
    if (plan.sets() > 0) startDescentLandscape(plan, true);
}

void RunPanel::setStartFromPlot(int px, double x, int py, double y) {
    const FunctionInfo* f = current();
    if (!f || mode_->currentIndex() != 3) return;
    QJsonArray args = QJsonDocument::fromJson(argumentsJson().toUtf8()).array();
    const QList<DescentParameter> params = descentParameters(*f, args);
    QSet<int> rows;
    auto set = [&](int index, double value) {
        if (index < 0 || index >= params.size()) return;
        // Four significant digits beyond the click's precision are noise.
        const double rounded = QString::number(value, 'g', 5).toDouble();
        args = withParameterValue(args, params[index], rounded);
        rows << params[index].path.first().toInt();
    };
    set(px, x);
    set(py, y);
    for (int row : rows) {
        const QJsonValue v = args[row];
        const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
        QString text = v.isDouble() ? QString::number(v.toDouble(), 'g', 6)
                                    : QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
        if (v.isDouble() && !text.contains('.') && !text.contains('e')) text += ".0";  // a float stays a float
        params_->setItem(row, 2, new QTableWidgetItem(text));
    }
    appendLog("Start set from the landscape: " + argumentsJson());
    updateStatus();
    if (runOnPick_ && !runner_->running()) run();
}

}  // namespace lomaw::gui
