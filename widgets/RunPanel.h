// The run panel: a function chooser, one input row per parameter (a JSON value prefilled with
// zeros of the right shape), --threads for @simd functions, a timeout, Run / Cancel, a progress
// bar, a log and the results. Runs go through CliRunner (a `lomaw` child process). Modes: a
// single call (`lomaw run`), an MPI batch (`lomaw mpirun`, JSON or CSV batch) and an MPI
// optimisation (`lomaw optimize`): its trajectory goes to the plots, and for two parameters the
// panel then evaluates the loss landscape around it with one more mpirun (LandscapeGrid).
// In MPI batch mode, "Scaling sweep" runs the batch on 1, 2, ..., N workers one after another
// and records each run, plus the sequential baseline taken from the 1-worker run, as timing
// points (the TimingPanel's time-against-workers and speed-up plots).
// Descent mode runs `lomaw descend` (no MPI) of a function returning float from the parameter
// rows, then samples its landscape around the trajectory (a curve, a grid, or a slice) with one
// `lomaw mpirun` batch (RunPanelDescent.cpp). The rows, the optimize and the descent settings are
// prefilled from the kernel file's `# RUN:` / `# DESCEND:` lines and documented `lomaw optimize`
// command (RunPanelDirectives); a function that cannot be used in the chosen mode is explained in
// the panel's status line.
#pragma once

#include <QJsonObject>
#include <QWidget>
#include <functional>

#include "Analysis.h"
#include "CliRunner.h"
#include "DescentLandscape.h"
#include "DescentTrajectory.h"
#include "LandscapeGrid.h"
#include "RunPanelSettings.h"
#include "TimingData.h"
#include "TrajectoryData.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QDoubleSpinBox;
class QTableWidget;

namespace lomaw::gui {

class DescentControls;
class ResultsView;

class RunPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunPanel(QWidget* parent = nullptr);

    // Where the kernel text and its file name come from when Run is pressed.
    void setSourceProvider(std::function<RunRequest()> provider) { provider_ = std::move(provider); }
    // New functions from an analysis; the selection and edited values survive when unchanged.
    void setFunctions(const QList<FunctionInfo>& functions);
    // A Fortran file is analysed, not run: Run and Scaling sweep are disabled, their tooltips
    // and the status line say why (fortranRunMessage).
    void setFortranFile(bool on);
    void selectFunction(const QString& name);
    QString selectedFunction() const;
    // The JSON array of the parameter rows.
    QString argumentsJson() const;
    // Sets the value of each parameter row (JSON texts, in order).
    void setArgumentValues(const QStringList& values);
    void setThreads(int threads);
    void setOmpThreads(int threads);  // 0: the OpenMP runtime's default
    // MPI batch mode: `sets` copies of the parameter rows (or the batch file, when one is
    // chosen) over `workers` MPI worker processes.
    void setMpiBatch(bool on, int workers = 2, int sets = 4);
    // A batch file: JSON (a list of --args lists) or CSV (one row of numbers per input set,
    // BatchCsv.h). Reads and checks it; false with `error` (naming line and column for CSV).
    void setBatchFile(const QString& path);
    // MPI optimisation mode: `lomaw optimize` of the selected loss-gradient function.
    void setOptimize(bool on, const OptimizeSettings& settings = OptimizeSettings());
    bool readBatchFile(const QString& path, QString& json, int& sets, QString& error) const;
    // Descent mode: `lomaw descend` of the selected function from the parameter rows.
    void setDescent(bool on, const DescentSettings& settings = DescentSettings());
    DescentSettings descentSettings() const;
    // MPI batch and optimize: a hostfile for mpirun ("" : this machine).
    void setHostfile(const QString& path);
    // Descent: a click on the landscape (setStartFromPlot) also starts the run (default).
    void setRunOnPick(bool on) { runOnPick_ = on; }
    QString hostfile() const { return hostfile_; }
    // The panel's status line: what the mode needs and why a function cannot be used in it.
    QString statusText() const;
    // Everything the user set (mode, function, rows, options, files), for session save/restore.
    QJsonObject settings() const;
    void applySettings(const QJsonObject& settings);

    CliRunner* runner() const { return runner_; }
    ResultsView* results() const { return results_; }
    QPlainTextEdit* log() const { return log_; }
    QProgressBar* progressBar() const { return progress_; }

public Q_SLOTS:
    void run();
    void cancel();
    // MPI batch mode: the batch of run() on 1, 2, ..., N workers (N from the workers box), one
    // run after another. The 1-worker run also gives the sequential baseline (workers 0): its
    // `compute` is the in-process loop over the sets, recorded as that point's compute and total
    // (docs/app.md, "Scaling sweep"). Cancel stops the sweep.
    void runScalingSweep();
    // Descent: a click on the landscape sets the start (parameter px to x, and py to y unless -1)
    // in the rows.
    void setStartFromPlot(int px, double x, int py, double y);
    // Descent with more than two parameters: the landscape as a slice through px and py (one
    // more mpirun), sent by landscapeReady.
    void evaluateSlice(int px, int py);

Q_SIGNALS:
    void functionSelected(const QString& name);
    void runFinished(const lomaw::gui::RunResult& result);
    // One timing point per successful MPI batch or optimisation run (workers, input sets or
    // steps, the CLI's breakdown).
    void timingRecorded(const lomaw::gui::TimingPoint& point);
    // An optimisation's trajectory (with its landscape when one was evaluated).
    void trajectoryReady(const lomaw::gui::TrajectoryData& data);
    // A descent run (with its landscape when one was sampled); `overlay`: add it to the runs shown.
    void descentReady(const lomaw::gui::TrajectoryData& run, bool overlay);
    // A landscape sampled later (evaluateSlice): the curve or grid fields of `landscape`.
    void landscapeReady(const lomaw::gui::TrajectoryData& landscape);
    // The end of a scaling sweep: `runs` runs finished successfully; `completed` when all did.
    void sweepFinished(int runs, bool completed);

private:
    void rebuildParameterRows();
    bool populateFunctionBox(bool rebuild = false);
    void fillOptimize(const OptimizeSettings& settings);
    void applyPendingSelection();
    void runDescent(RunRequest request, const FunctionInfo& function);
    void updateStatus();
    // Prefills the mode's settings (and with `rows`, the parameter rows from `# RUN:` lines) from
    // the kernel file's directives.
    void applyKernelDirectives(bool rows);
    QString resolveKernelFile(const QString& written) const;
    // The user chose the file's DESCEND line `index`: its function, start and settings.
    void chooseDescentDemo(int index);
    void onDescentFinished(const RunResult& result);
    void onDescentLandscapeFinished(const RunResult& result, bool slice);
    void startDescentLandscape(const DescentLandscapePlan& plan, bool slice);
    void finishDescent();
    void onFinished(const RunResult& result);
    void onProgress(qint64 done, qint64 total, const QString& unit);
    void onOptimizeFinished(const RunResult& result);
    void onLandscapeFinished(const RunResult& result);
    void onSweepRunFinished(const RunResult& result);
    void startSweepRun();
    // The MPI batch request of the current inputs (batch file or copies of the rows); false,
    // with the reason in the log and results, when they are malformed.
    QString checkedArgumentsJson();
    bool prepareBatch(RunRequest& request);
    void startRun(RunRequest request, const QString& what);
    void applyProcessOptions(RunRequest& request) const;
    void finishUi(bool ok);
    void appendLog(const QString& text);
    const FunctionInfo* current() const;

    std::function<RunRequest()> provider_;
    QList<FunctionInfo> functions_;
    QComboBox* function_;
    QLabel* signature_;
    QTableWidget* params_;
    QSpinBox* threads_;
    QSpinBox* ompThreads_;
    QComboBox* mode_;
    QSpinBox* workers_;
    QSpinBox* sets_;
    QPushButton* batchButton_;
    QPushButton* sweepButton_;
    QString batchFile_;
    QDoubleSpinBox* timeout_;
    QCheckBox* checkBounds_ = nullptr;  // --check-bounds (docs/language.md §10.6)
    QPushButton* runButton_;
    QPushButton* cancelButton_;
    QProgressBar* progress_;
    QPlainTextEdit* log_;
    ResultsView* results_;
    CliRunner* runner_;
    FunctionInfo running_;
    bool runningBatch_ = false;
    enum class Phase { Idle, Call, Batch, Optimize, Landscape, Sweep, Descend, DescentLandscape, Slice };
    Phase phase_ = Phase::Idle;
    QLabel* status_;
    QString kernelText_, kernelPath_;  // of the last analysis (for the directives)
    int descendChoice_ = -1;           // the DESCEND line chosen in the demo chooser (-1: the first that fits)
    QString hostfile_;
    bool runOnPick_ = true;
    bool fortranFile_ = false;
    // applySettings' function and rows, until the analysis lists that function.
    QString pendingFunction_;
    QStringList pendingArguments_;
    QPushButton* hostfileButton_;
    DescentControls* descent_;
    // The last descent: its function, parameters, run, where its slice is taken, the sampled plan.
    FunctionInfo descentFunction_;
    QList<DescentParameter> descentParams_;
    TrajectoryData descentRun_;
    QJsonArray descentLastArgs_;
    DescentLandscapePlan descentPlan_;
    DescentSettings descentRunSettings_;
    RunResult descentResult_;
    QWidget* optimizeRow_;
    QLineEdit* init_;
    QPushButton* dataButton_;
    QString dataFile_;
    QSpinBox* steps_;
    QDoubleSpinBox* learningRate_;
    QComboBox* method_;
    QCheckBox* average_;
    QSpinBox* landscapeSize_;
    // An optimisation in progress: its trajectory while the landscape is evaluated.
    TrajectoryData trajectory_;
    LandscapeGrid grid_;
    LandscapeSample sample_;
    bool averaging_ = false;
    RunRequest lastRequest_;
    RunResult optimizeResult_;
    int runningWorkers_ = 0;
    int runningSets_ = 0;
    // A scaling sweep: the worker count of each run, which run is going.
    QVector<int> sweepPlan_;
    int sweepIndex_ = 0;
    RunRequest sweepRequest_;
};

}  // namespace lomaw::gui
