// Cancel of a run through CliRunner: SIGTERM to lomaw first (it stops mpirun, the MPI driver and
// the workers and removes the job's files itself), SIGKILL to its process group after the grace
// period when it is still running. The panel shows "stopping…" until the outcome, "cancelled".
// Checked against the process table: mpirun, the driver and the workers are in process groups of
// their own, so the test looks for every process that mentions the run's private cache or kernel.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "CliRunner.h"
#include "MainWindow.h"
#include "ResultsView.h"
#include "RunPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class CancelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cancelOfAnMpiBatchStopsTheWholeJob();
    void aCliThatIgnoresSigtermIsKilledAfterTheGracePeriod();
};

namespace {

// Command lines of live processes (not zombies, not this one) that mention `marker`.
QStringList processesMentioning(const QString& marker) {
    QStringList found;
    const QString self = QString::number(QCoreApplication::applicationPid());
    for (const QString& pid : QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        pid.toInt(&numeric);
        if (!numeric || pid == self) continue;
        QFile stat("/proc/" + pid + "/stat"), cmdline("/proc/" + pid + "/cmdline");
        if (!stat.open(QIODevice::ReadOnly) || !cmdline.open(QIODevice::ReadOnly)) continue;
        const QByteArray s = stat.readAll();
        const QByteArray state = s.mid(s.lastIndexOf(')') + 2, 1);
        if (state == "Z" || state == "X") continue;
        const QString text = QString::fromLocal8Bit(cmdline.readAll().replace('\0', ' '));
        if (text.contains(marker)) found << pid + ": " + text;
    }
    return found;
}

// Sets an environment variable for the scope of a test and restores the old value.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const QByteArray& value) : name_(name), had_(qEnvironmentVariableIsSet(name)), old_(qgetenv(name)) {
        qputenv(name, value);
    }
    ~ScopedEnv() {
        if (had_) qputenv(name_, old_);
        else qunsetenv(name_);
    }

private:
    const char* name_;
    bool had_;
    QByteArray old_;
};

}  // namespace

void CancelTest::cancelOfAnMpiBatchStopsTheWholeJob() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir().mkpath(dir.filePath("tmp")));
    // A private cache (every mpirun, driver and worker command line names it) and job directory.
    const QString cache = dir.filePath("cache");
    ScopedEnv cacheEnv("LOMAW_CACHE_DIR", cache.toUtf8()), tmpEnv("TMPDIR", dir.filePath("tmp").toUtf8());
    MainWindow w;
    // Each set spins for minutes (10^12 additions): only Cancel ends the job.
    QVERIFY(widgettest::loadAndAnalyse(w,
        "def spin_cancel(n : In[int]) -> float:\n"
        "    x : float = 0.0\n"
        "    for i in range(n):\n"
        "        for j in range(n):\n"
        "            x = x + 0.5\n"
        "    return x\n"));
    RunPanel* run = w.runPanel();
    run->selectFunction("spin_cancel");
    QVERIFY(widgettest::writeTextFile(dir.filePath("batch.json"), "[[1000000], [1000000]]"));
    run->setBatchFile(dir.filePath("batch.json"));
    run->setMpiBatch(true, 2);
    QSignalSpy done(run, &RunPanel::runFinished);
    QSignalSpy stopping(run->runner(), &CliRunner::stopping);
    run->run();
    QVERIFY(run->runner()->running());
    const QString kernelCopy = run->runner()->lastArguments().value(1);
    QVERIFY(kernelCopy.endsWith(".py"));
    // The driver and both workers run the program from the cache (built first, a few seconds).
    const QString programs = cache + "/mpi-";
    auto jobProcesses = [&] {
        int n = 0;
        for (const QString& p : processesMentioning(programs)) n += p.contains(": " + programs);
        return n;
    };
    QVERIFY2(QTest::qWaitFor([&] { return jobProcesses() >= 3; }, 90000), qPrintable(processesMentioning(dir.path()).join('\n')));
    QTest::qWait(300);  // past MPI_Init, into the kernel

    QElapsedTimer sinceCancel;
    sinceCancel.start();
    run->cancel();
    QCOMPARE(stopping.count(), 1);
    QVERIFY(run->runner()->isStopping());
    QCOMPARE(run->progressBar()->format(), QString("stopping…"));
    QCOMPARE(run->results()->topLevelItem(0)->text(0), QString("stopping…"));
    QVERIFY(done.wait(10000));
    // lomaw stopped the job itself on SIGTERM: no need for the SIGKILL after the grace period.
    QVERIFY2(sinceCancel.elapsed() < CliRunner::graceMilliseconds(), qPrintable(QString::number(sinceCancel.elapsed())));
    QCOMPARE(int(done.first().first().value<RunResult>().status), int(RunResult::Status::Cancelled));
    QVERIFY(run->results()->topLevelItem(0)->text(0).startsWith("cancelled"));
    QVERIFY(!run->runner()->isStopping());
    // Nothing of the job is left: lomaw and its guardians (they mention the kernel copy), mpirun,
    // the driver and the workers (the cache), and the job directory.
    auto leftovers = [&] {
        QStringList left = processesMentioning(cache) + processesMentioning(kernelCopy);
        if (!QDir(dir.filePath("tmp")).entryList({"lomaw-mpi-*"}, QDir::Dirs).isEmpty()) left << "a lomaw-mpi-* directory";
        return left;
    };
    QVERIFY(QTest::qWaitFor([&] { return leftovers().isEmpty(); }, 3000));
    QVERIFY2(leftovers().isEmpty(), qPrintable(leftovers().join('\n')));
}

void CancelTest::aCliThatIgnoresSigtermIsKilledAfterTheGracePeriod() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A stand-in for lomaw that ignores SIGTERM (as does the sleep it starts: an ignored signal
    // stays ignored across exec); its sleep carries a number no other process has.
    const QString marker = QString("sleep 600 0.%1").arg(QCoreApplication::applicationPid());
    const QString cli = dir.filePath("stubborn-lomaw.sh"), ready = dir.filePath("ready");
    QVERIFY(widgettest::writeTextFile(cli, "#!/bin/sh\ntrap '' TERM\n: > '" + ready + "'\n" + marker + "\n"));
    QVERIFY(QFile::setPermissions(cli, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    ScopedEnv cliEnv("LOMAW_CLI", cli.toUtf8());
    CliRunner runner;
    QSignalSpy done(&runner, &CliRunner::finished);
    RunRequest request;
    request.sourceText = "def one() -> int:\n    return 1\n";
    request.function = "one";
    runner.start(request);
    QVERIFY(runner.running());
    QVERIFY(QTest::qWaitFor([&] { return QFile::exists(ready) && !processesMentioning(marker).isEmpty(); }, 10000));

    QElapsedTimer sinceCancel;
    sinceCancel.start();
    runner.cancel();
    QVERIFY(runner.isStopping());
    // SIGTERM is ignored: still running well into the grace period.
    QTest::qWait(CliRunner::graceMilliseconds() / 2);
    QVERIFY(runner.running());
    QCOMPARE(done.count(), 0);
    QVERIFY(done.wait(CliRunner::graceMilliseconds() + 3000));
    QVERIFY2(sinceCancel.elapsed() >= CliRunner::graceMilliseconds() - 50, qPrintable(QString("finished %1 ms after cancel").arg(sinceCancel.elapsed())));
    QCOMPARE(int(done.first().first().value<RunResult>().status), int(RunResult::Status::Cancelled));
    // The SIGKILL went to the whole group: the script's sleep is gone too.
    QVERIFY(QTest::qWaitFor([&] { return processesMentioning(marker).isEmpty(); }, 2000));
    QVERIFY2(processesMentioning(marker).isEmpty(), qPrintable(processesMentioning(marker).join('\n')));
}

namespace widgettest {
std::unique_ptr<QObject> makeCancelTest() { return std::make_unique<CancelTest>(); }
}

#include "test_cancel.moc"
