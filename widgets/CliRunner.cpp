#include "CliRunner.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSaveFile>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "ProgressLine.h"
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace lomaw::gui {

namespace {

// Where the run's copy of the kernel goes: a folder named by the text's hash, the same for the
// same text. The generated programs mention the kernel's path (source-line comments), so a
// fresh temporary path for every run would make the build cache miss and rebuild the MPI
// programs (0.4-0.6 s) on every run of a sweep or a landscape.
QString kernelCopyPath(const QString& fileName, const QByteArray& text, const QTemporaryDir& fallback) {
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    const QString hash = QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().left(16);
    const QString dir = cache.isEmpty() ? QString() : QDir(cache).filePath("run-copies/" + hash);
    if (dir.isEmpty() || !QDir().mkpath(dir)) return fallback.filePath(fileName);
    return QDir(dir).filePath(fileName);
}

}  // namespace

QString RunResult::summary() const {
    switch (status) {
        case Status::Ok: return QString("finished in %1 s").arg(seconds, 0, 'f', 3);
        case Status::CompileError: return "the kernel has errors";
        case Status::UsageError: return "the arguments do not match the function";
        case Status::RuntimeError: return "the generated code failed at run time";
        case Status::EnvironmentError:
            return exitCode < 0 ? "lomaw could not be started" : "the toolchain failed (compiler or build)";
        case Status::Cancelled: return "cancelled";
        case Status::Diverged:
        case Status::TimedOut:
        case Status::InternalError: break;  // lomaw reports these with exit codes 3 and 4
    }
    return {};
}

CliRunner::CliRunner(QObject* parent) : QObject(parent) {
    grace_ = new QTimer(this);
    grace_->setSingleShot(true);
    grace_->setTimerType(Qt::PreciseTimer);  // a coarse timer may fire 5% (150 ms) early
    grace_->setInterval(graceMilliseconds());
    connect(grace_, &QTimer::timeout, this, &CliRunner::killGroup);
}

CliRunner::~CliRunner() {
    if (!running()) return;
    // No event loop any more: the same two steps, waiting in place.
    cancelled_ = true;
    ::kill(static_cast<pid_t>(process_->processId()), SIGTERM);
    if (!process_->waitForFinished(graceMilliseconds())) {
        killGroup();
        process_->waitForFinished(2000);
    }
}

QString CliRunner::locateCli() {
    const QString env = qEnvironmentVariable("LOMAW_CLI");
    if (!env.isEmpty() && QFileInfo(env).isExecutable()) return env;
    const QDir appDir(QCoreApplication::applicationDirPath());
    for (const QString& candidate : {appDir.filePath("lomaw"), appDir.filePath("../cli/lomaw")})
        if (QFileInfo(candidate).isExecutable()) return QFileInfo(candidate).canonicalFilePath();
    return QStandardPaths::findExecutable("lomaw");
}

bool CliRunner::running() const { return process_ && process_->state() != QProcess::NotRunning; }

qint64 CliRunner::processId() const { return process_ ? process_->processId() : 0; }

void CliRunner::start(const RunRequest& request) {
    if (running()) return;
    cancelled_ = false;
    const QString cli = locateCli();
    if (cli.isEmpty()) {
        RunResult r;
        r.errors = "lomaw was not found: set LOMAW_CLI or install lomaw next to lomaworks";
        finish(r);
        return;
    }
    // The editor's text may be unsaved: the run uses a private copy of it.
    dir_ = std::make_unique<QTemporaryDir>();
    const QByteArray text = request.sourceText.toUtf8();
    const QString path = kernelCopyPath(QFileInfo(request.fileName).fileName(), text, *dir_);
    QSaveFile file(path);  // write-then-rename: a concurrent run never sees half a kernel
    if (!dir_->isValid() || !file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        RunResult r;
        r.errors = "cannot write a copy of the kernel to " + path;
        finish(r);
        return;
    }

    timingsPath_.clear();
    trajectoryPath_.clear();
    // An input file of the run in its private folder; empty (and the run finished with the
    // error) when it cannot be written.
    auto writeInput = [this](const QString& name, const QString& text, const QString& what) {
        const QString inputPath = dir_->filePath(name);
        QFile file(inputPath);
        const QByteArray bytes = text.toUtf8();
        if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size()) return inputPath;
        RunResult r;
        r.errors = "cannot write " + what;
        finish(r);
        return QString();
    };
    if (request.mode == RunRequest::Mode::MpiBatch) {
        const QString batchPath = writeInput("batch.json", request.batchJson, "the batch file");
        if (batchPath.isEmpty()) return;
        timingsPath_ = dir_->filePath("timings.json");
        lastArguments_ = {"mpirun", path, request.function, "--batch", batchPath,
                          "--workers", QString::number(request.workers), "--timings", timingsPath_};
        if (!request.hostfile.isEmpty()) lastArguments_ << "--hostfile" << request.hostfile;
        if (request.progress) lastArguments_ << "--progress";
    } else if (request.mode == RunRequest::Mode::Batch) {
        const QString batchPath = writeInput("batch.json", request.batchJson, "the batch file");
        if (batchPath.isEmpty()) return;
        lastArguments_ = {"run", path, request.function, "--batch", batchPath};
    } else if (request.mode == RunRequest::Mode::Optimize) {
        timingsPath_ = dir_->filePath("timings.json");
        trajectoryPath_ = dir_->filePath("trajectory.json");
        lastArguments_ = {"optimize", path, request.function, "--init", request.initJson,
                          "--steps", QString::number(request.steps), "--lr", QString::number(request.learningRate, 'g', 9),
                          "--method", request.method, "--workers", QString::number(request.workers),
                          "--trajectory", trajectoryPath_, "--timings", timingsPath_};
        if (!request.dataJson.isEmpty()) {
            const QString dataPath = writeInput("data.json", request.dataJson, "the data file");
            if (dataPath.isEmpty()) return;
            lastArguments_ << "--data" << dataPath;
        }
        if (request.average) lastArguments_ << "--average";
        if (!request.hostfile.isEmpty()) lastArguments_ << "--hostfile" << request.hostfile;
        if (request.progress) lastArguments_ << "--progress";
    } else if (request.mode == RunRequest::Mode::Descend) {
        trajectoryPath_ = dir_->filePath("trajectory.json");
        lastArguments_ = {"descend", path, request.function, "--init", request.argsJson,
                          "--grad", request.gradient, "--optimizer", request.optimizer,
                          "--lr", QString::number(request.learningRate, 'g', 9),
                          "--steps", QString::number(request.steps), "--trajectory", trajectoryPath_};
        if (request.optimizer != "plain") lastArguments_ << "--momentum" << QString::number(request.momentum, 'g', 9);
        if (request.tolerance > 0) lastArguments_ << "--tol" << QString::number(request.tolerance, 'g', 9);
        if (request.progress) lastArguments_ << "--progress";
    } else {
        lastArguments_ = {"run", path, request.function, "--args", request.argsJson};
    }
    if (request.threads) lastArguments_ << "--threads" << QString::number(*request.threads);
    if (request.ompThreads) lastArguments_ << "--omp-threads" << QString::number(*request.ompThreads);
    if (request.timeoutSeconds > 0) lastArguments_ << "--timeout" << QString::number(request.timeoutSeconds);
    if (request.checkBounds) lastArguments_ << "--check-bounds";

    delete process_;
    process_ = new QProcess(this);
    process_->setProgram(cli);
    process_->setArguments(lastArguments_);
    process_->setWorkingDirectory(dir_->path());
    // Own process group, so cancel reaches lomaw's children too.
    process_->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(process_, &QProcess::finished, this, &CliRunner::onFinished);
    connect(process_, &QProcess::errorOccurred, this, &CliRunner::onError);
    connect(process_, &QProcess::readyReadStandardError, this,
            [this] { feedStandardError(process_->readAllStandardError()); });
    stderrText_.clear();
    stderrPartial_.clear();
    clock_.start();
    Q_EMIT started(cli + " " + lastArguments_.join(' '));
    process_->start();
}

// lomaw alone gets the SIGTERM: its handler stops every program it started (each in a process
// group of its own, which a signal to lomaw's group would not reach) and removes their files.
// A lomaw that does not end within the grace period (stuck, or a CLI that ignores SIGTERM) is
// SIGKILLed with its whole group; its guardians then stop the rest (PR_SET_PDEATHSIG). A second
// cancel() during the grace period kills at once.
void CliRunner::cancel() {
    if (!running()) return;
    if (cancelled_) return killGroup();  // a second Cancel does not wait
    cancelled_ = true;
    const qint64 pid = process_->processId();
    if (pid > 0) ::kill(static_cast<pid_t>(pid), SIGTERM);
    grace_->start();
    Q_EMIT stopping();
}

void CliRunner::killGroup() {
    if (!running()) return;
    // The process has not been reaped yet (running()), so its pid is still its group's id.
    const qint64 pid = process_->processId();
    if (pid > 0) ::kill(-static_cast<pid_t>(pid), SIGKILL);
    process_->kill();
}

void CliRunner::onError(QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) return;  // crashes arrive through finished()
    RunResult r;
    r.errors = "lomaw could not be started: " + process_->errorString();
    finish(r);
}

void CliRunner::onFinished(int exitCode, QProcess::ExitStatus status) {
    grace_->stop();
    RunResult r;
    r.exitCode = exitCode;
    r.seconds = double(clock_.elapsed()) / 1000.0;
    r.json = QString::fromUtf8(process_->readAllStandardOutput()).trimmed();
    feedStandardError(process_->readAllStandardError());
    stderrText_ += stderrPartial_;
    stderrPartial_.clear();
    r.errors = QString::fromUtf8(stderrText_).trimmed();
    stderrText_.clear();
    if (!timingsPath_.isEmpty()) {
        QFile timings(timingsPath_);
        if (timings.open(QIODevice::ReadOnly)) r.timingsJson = QString::fromUtf8(timings.readAll()).trimmed();
    }
    if (!trajectoryPath_.isEmpty()) {
        QFile trajectory(trajectoryPath_);
        if (trajectory.open(QIODevice::ReadOnly)) r.trajectoryJson = QString::fromUtf8(trajectory.readAll());
    }
    if (cancelled_) {
        r.status = RunResult::Status::Cancelled;
    } else if (status == QProcess::CrashExit) {
        r.status = RunResult::Status::RuntimeError;
        if (r.errors.isEmpty()) r.errors = "lomaw ended abnormally";
    } else {
        // The exit codes of `lomaw` (docs/cli.md), read back through the engine's one table.
        r.status = kindOfExitCode(exitCode);
    }
    finish(r);
}

void CliRunner::feedStandardError(const QByteArray& bytes) {
    stderrPartial_ += bytes;
    qsizetype newline;
    while ((newline = stderrPartial_.indexOf('\n')) >= 0) {
        const QByteArray line = stderrPartial_.left(newline + 1);
        stderrPartial_.remove(0, newline + 1);
        ProgressUpdate update;
        if (parseProgressLine(QString::fromUtf8(line).trimmed(), update))
            Q_EMIT progress(update.done, update.total, update.unit);
        else
            stderrText_ += line;
    }
}

void CliRunner::finish(RunResult result) {
    Q_EMIT finished(result);
}

}  // namespace lomaw::gui
