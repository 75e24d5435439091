// Runs one call of a kernel function through the `lomaw` command line in a child process, so
// generated code never executes inside the GUI: a crashing kernel ends only that process.
// The child gets its own process group. Cancel asks lomaw to stop first (SIGTERM: lomaw then tears
// down what it started -- mpirun, the MPI driver and workers, a C compiler -- and removes their
// temporary files, docs/mpi.md "Stopping a run") and SIGKILLs the whole group after a grace
// period if lomaw is still there.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <memory>
#include <optional>

#include "syntax/Outcome.h"

namespace lomaw::gui {

struct RunRequest {
    enum class Mode { Single, MpiBatch, Optimize, Descend, Batch };
    Mode mode = Mode::Single;
    QString sourceText;
    QString fileName = "kernel.py";  // shown in diagnostics
    QString sourcePath;              // the editor's file ("" when unsaved): where its data files are
    QString function;
    QString argsJson = "[]";
    std::optional<int> threads;
    std::optional<int> ompThreads;  // --omp-threads: threads of `#pragma omp parallel for` loops
    double timeoutSeconds = 0;
    bool checkBounds = false;  // --check-bounds (every mode)
    // MpiBatch: `lomaw mpirun` over `workers` processes, one call per argument list of
    // `batchJson` (a JSON list of --args lists). Batch: the same list through `lomaw run --batch`,
    // every call in one process on this machine (no MPI needed: the descent landscapes).
    int workers = 2;
    QString batchJson;
    QString hostfile;
    bool progress = true;  // MpiBatch, Optimize: --progress (lines on stderr feed progress())
    // Optimize: `lomaw optimize` of the loss-gradient function `function` over `workers`
    // processes; the trajectory comes back in RunResult::trajectoryJson.
    QString initJson = "[]";
    QString dataJson;      // the DATA.json text (one list per array data parameter)
    qint64 steps = 100;
    double learningRate = 0.01;
    QString method = "plain";
    bool average = false;
    // Descend: `lomaw descend` of `function` from `argsJson` (--init) on this machine, with
    // steps, learningRate, and these; the trajectory comes back in RunResult::trajectoryJson.
    QString gradient = "rev";  // --grad rev | fwd | fd | GRADFUNC
    QString optimizer = "plain";
    double momentum = 0.9;
    double tolerance = 0;      // --tol when > 0
};

struct RunResult {
    // The engine's outcome kinds (syntax/Outcome.h), as far as an exit code tells them: Ok,
    // CompileError, UsageError, RuntimeError, EnvironmentError (also: lomaw could not be started,
    // exitCode -1), and Cancelled for a run cancelled here.
    using Status = OutcomeKind;
    Status status = Status::EnvironmentError;
    int exitCode = -1;
    QString json;      // stdout: the result object, when Ok
    QString errors;    // stderr: diagnostics and messages
    QString timingsJson;  // MpiBatch, Optimize: the timing breakdown {"build": s, ...}
    QString trajectoryJson;  // Optimize, Descend: every step (--trajectory T.json), also after a divergence
    double seconds = 0;
    QString summary() const;  // one line for the log
};

class CliRunner : public QObject {
    Q_OBJECT
public:
    explicit CliRunner(QObject* parent = nullptr);
    ~CliRunner() override;

    // The lomaw binary: $LOMAW_CLI, else beside this executable, else ../cli/lomaw (build
    // tree), else on PATH. Empty when not found.
    static QString locateCli();

    bool running() const;
    // stderr of the child as it arrives: progress lines (ProgressLine.h) become progress()
    // signals, the rest is kept for RunResult::errors. Public so tests can feed it lines.
    void feedStandardError(const QByteArray& bytes);
    qint64 processId() const;
    QStringList lastArguments() const { return lastArguments_; }
    void start(const RunRequest& request);
    // SIGTERM to lomaw, then SIGKILL to its process group if it is still running after
    // graceMilliseconds() (at once on a second cancel()); emits stopping() at once and finished()
    // (Cancelled) when it has ended.
    void cancel();
    // True from cancel() until the run has ended.
    bool isStopping() const { return running() && cancelled_; }
    static constexpr int graceMilliseconds() { return 3000; }

Q_SIGNALS:
    void started(const QString& commandLine);
    // Cancel has sent SIGTERM; finished() follows when lomaw has ended.
    void stopping();
    void finished(const lomaw::gui::RunResult& result);
    // A progress line of `lomaw mpirun/optimize --progress`: `done` of `total` `unit`.
    void progress(qint64 done, qint64 total, const QString& unit);

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void finish(RunResult result);
    void killGroup();

    QProcess* process_ = nullptr;
    std::unique_ptr<QTemporaryDir> dir_;
    QElapsedTimer clock_;
    QStringList lastArguments_;
    bool cancelled_ = false;
    QTimer* grace_ = nullptr;   // cancel(): SIGKILL when it fires before lomaw has ended
    QString timingsPath_;
    QString trajectoryPath_;
    QByteArray stderrText_;     // stderr without the progress lines
    QByteArray stderrPartial_;  // an incomplete last line
};

}  // namespace lomaw::gui
