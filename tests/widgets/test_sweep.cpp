// The scaling sweep of the run panel's MPI batch mode, through the real `lomaw`: one batch on
// 1 and 2 workers one after another, the 1-worker run's compute phase as the sequential
// baseline, every point in the timing panel (time against workers, speed-up); Cancel stops it.
#include <QCheckBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <qcustomplot.h>

#include "CliRunner.h"
#include "MainWindow.h"
#include "RunPanel.h"
#include "TimingPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class SweepTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sweepRecordsSequentialAndWorkerPoints();
    void cancelStopsTheSweep();
    void checkBoundsReachesTheSweepRuns();
};

namespace {

// Enough work per set (20000 iterations) that the compute phase is well above the CLI's
// microsecond resolution.
const char* kKernel =
    "def work(x : In[float], n : In[int]) -> float:\n"
    "    s : float = 0.0\n"
    "    for i in range(n):\n"
    "        s = s + x * 0.5\n"
    "    return s\n";

// The --workers value of a command line the runner started.
int workersOf(const QString& commandLine) {
    const QStringList words = commandLine.split(' ');
    const int at = int(words.indexOf("--workers"));
    return at >= 0 && at + 1 < words.size() ? words[at + 1].toInt() : -1;
}

}  // namespace

void SweepTest::sweepRecordsSequentialAndWorkerPoints() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, kKernel));
    RunPanel* run = w.runPanel();
    run->selectFunction("work");
    run->setArgumentValues({"1.0", "20000"});
    run->setMpiBatch(true, 2, 200);
    QVERIFY(run->findChild<QPushButton*>("sweepButton")->isVisibleTo(run));
    QList<int> workers;
    QStringList barTexts;
    connect(run->runner(), &CliRunner::started, this, [&](const QString& cmd) {
        workers << workersOf(cmd);
        barTexts << run->progressBar()->text();
    });
    QList<RunResult> results;
    connect(run->runner(), &CliRunner::finished, this, [&](const RunResult& r) { results << r; });
    QSignalSpy finished(run, &RunPanel::sweepFinished);
    run->runScalingSweep();
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.first().at(1).toBool(), qPrintable(results.isEmpty() ? QString() : results.last().errors));

    // The runs: 1 worker, then 2, the bar counting them.
    QCOMPARE(workers, (QList<int>{1, 2}));
    QCOMPARE(finished.first().at(0).toInt(), 2);
    QCOMPARE(barTexts, (QStringList{"sweep 1 / 2 (1 worker)", "sweep 2 / 2 (2 workers)"}));
    QCOMPARE(run->progressBar()->text(), QString("sweep 2 / 2 done"));
    QCOMPARE(run->progressBar()->value(), run->progressBar()->maximum());

    // One sequential point and one point per worker count, all of this batch.
    const QVector<TimingPoint>& points = w.timingPanel()->points();
    QCOMPARE(points.size(), 3);
    QCOMPARE(points.at(0).workers, 0);
    QCOMPARE(points.at(1).workers, 1);
    QCOMPARE(points.at(2).workers, 2);
    for (const TimingPoint& p : points) {
        QCOMPARE(p.kind, QString("mpirun"));
        QCOMPARE(p.sets, qint64(200));
        QVERIFY(p.total > 0);
    }
    // The sequential time is the first 1-worker run's compute phase, nothing of MPI's launch.
    TimingPoint first;
    QString error;
    QVERIFY(parseTimingsJson(results.first().timingsJson, first, error));
    const TimingPoint& sequential = points.at(0);
    QCOMPARE(sequential.compute, first.compute);
    QCOMPARE(sequential.total, first.compute);
    QCOMPARE(sequential.launch, 0.0);
    QVERIFY(sequential.compute > 0);
    QVERIFY(sequential.total < points.at(1).total);  // the 1-worker job also launched MPI
    QCOMPARE(points.at(1).total, first.total);
    QCOMPARE(points.at(1).compute, first.compute);  // the same run

    // The plots: one scaling series against the sequential baseline, with its speed-ups.
    const QVector<ScalingCurve> curves = scalingCurves(points, "total");
    QCOMPARE(curves.size(), 1);
    const ScalingCurve& c = curves.first();
    QVERIFY(c.sequentialBaseline);
    QCOMPARE(c.workers, (QVector<double>{1, 2}));
    QCOMPARE(c.speedup.size(), 2);
    QCOMPARE(c.speedup.at(1), sequential.total / points.at(2).total);
    QCOMPARE(c.ideal, (QVector<double>{1, 2}));
    QCustomPlot* speedup = w.timingPanel()->speedupPlot();
    QCOMPARE(speedup->graphCount(), 2);  // measured and ideal
    QCOMPARE(speedup->graph(0)->name(), QString("mpirun, 200 sets"));
    QCOMPARE(speedup->graph(0)->dataCount(), 2);
    QCustomPlot* time = w.timingPanel()->workersPlot();
    QCOMPARE(time->graphCount(), 2);  // the measured times and the sequential line
    QCOMPARE(time->graph(1)->name(), QString("mpirun, 200 sets: sequential"));
    QCOMPARE(time->graph(1)->data()->at(0)->value, sequential.total);
    // The panel is idle again.
    QVERIFY(run->findChild<QPushButton*>("runButton")->isEnabled());
    QVERIFY(!run->runner()->running());
}

void SweepTest::cancelStopsTheSweep() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, kKernel));
    RunPanel* run = w.runPanel();
    run->selectFunction("work");
    run->setArgumentValues({"1.0", "20000"});
    run->setMpiBatch(true, 3, 200);
    int starts = 0;
    connect(run->runner(), &CliRunner::started, this, [&] {
        if (++starts == 1) QTimer::singleShot(150, run, &RunPanel::cancel);
    });
    QSignalSpy finished(run, &RunPanel::sweepFinished);
    run->runScalingSweep();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toInt(), 0);  // no run finished
    QCOMPARE(finished.first().at(1).toBool(), false);
    QCOMPARE(starts, 1);  // no run after the cancelled one
    QVERIFY(w.timingPanel()->points().isEmpty());
    QVERIFY(run->findChild<QPushButton*>("runButton")->isEnabled());
    QVERIFY(run->log()->toPlainText().contains("Scaling sweep stopped at run 1 of 3 (1 worker)"));
}

// The "Check bounds" box reaches the sweep's runs: a[5] of a 3-element list stops the first run
// (1 worker) with the runtime error, and the sweep there (unchecked, the read would go unnoticed
// and the sweep would go on to 2 workers).
void SweepTest::checkBoundsReachesTheSweepRuns() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, "def pick(a : In[Array[float]], i : In[int]) -> float:\n    return a[i]\n"));
    RunPanel* run = w.runPanel();
    run->selectFunction("pick");
    run->setArgumentValues({"[1, 2, 3]", "5"});
    run->setMpiBatch(true, 2, 2);
    run->findChild<QCheckBox*>("checkBounds")->setChecked(true);
    QList<RunResult> results;
    connect(run->runner(), &CliRunner::finished, this, [&](const RunResult& r) { results << r; });
    QSignalSpy finished(run, &RunPanel::sweepFinished);
    run->runScalingSweep();
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().at(1).toBool(), false);
    QCOMPARE(results.size(), 1);
    QVERIFY(run->runner()->lastArguments().contains("--check-bounds"));
    QCOMPARE(results.first().exitCode, 3);
    QVERIFY2(results.first().errors.contains("index 5 out of bounds for 'a' (size 3) at "), qPrintable(results.first().errors));
    QVERIFY(w.timingPanel()->points().isEmpty());
}

namespace widgettest {
std::unique_ptr<QObject> makeSweepTest() { return std::make_unique<SweepTest>(); }
}

#include "test_sweep.moc"
