// Timing plots: points from the CLI's --timings JSON and from a CSV, the series per worker count
// on log axes, the sequential reference, the speed-up computed by hand; export and bad CSV.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include "TimingData.h"
#include "TimingPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class TimingTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cliTimingsJsonFillsAPoint();
    void scalingAgainstSequentialAndFewestWorkers();
    void panelDrawsSeriesOnLogAxes();
    void csvRoundTripAndErrors();
};

namespace {

TimingPoint point(const QString& kind, int workers, qint64 size, double total, double compute = 0) {
    TimingPoint p;
    p.kind = kind;
    p.workers = workers;
    (kind == "optimize" ? p.steps : p.sets) = size;
    p.total = total;
    p.compute = compute;
    return p;
}

// A study as one would run it: mpirun of 64 / 256 / 1024 sets on 1, 2, 4 workers, a sequential
// reference for 1024 sets, and optimize for 50 / 200 steps on 2 workers.
QVector<TimingPoint> study() {
    return {point("mpirun", 1, 64, 0.5, 0.4),   point("mpirun", 1, 256, 1.6, 1.5),  point("mpirun", 1, 1024, 6.0, 5.8),
            point("mpirun", 2, 64, 0.4, 0.2),   point("mpirun", 2, 256, 1.0, 0.8),  point("mpirun", 2, 1024, 3.2, 3.0),
            point("mpirun", 4, 1024, 2.0, 1.5), point("mpirun", 0, 1024, 8.0, 8.0), point("optimize", 2, 50, 1.2),
            point("optimize", 2, 200, 4.1)};
}

}  // namespace

void TimingTest::cliTimingsJsonFillsAPoint() {
    TimingPoint p;
    QString error;
    // Exactly what timingsJson (engine/EngineDistributed.cpp) prints.
    QVERIFY(parseTimingsJson(R"({"build": 0.412000, "launch": 0.120000, "distribute": 0.010000, "compute": 0.350000, "collect": 0.005000, "total": 0.897000})",
                             p, error));
    QCOMPARE(p.build, 0.412);
    QCOMPARE(p.compute, 0.35);
    QCOMPARE(p.total, 0.897);
    QCOMPARE(p.seconds("collect"), 0.005);
    QVERIFY(!parseTimingsJson("[1, 2]", p, error));
    QCOMPARE(error, QString("the timings are not a JSON object"));
    QVERIFY(!parseTimingsJson(R"({"build": 1})", p, error));
    QCOMPARE(error, QString("the timings have no numeric \"total\""));
}

void TimingTest::scalingAgainstSequentialAndFewestWorkers() {
    const QVector<ScalingCurve> curves = scalingCurves(study(), "total");
    // Groups (kind, size): mpirun 64, 256, 1024; optimize 50, 200.
    QCOMPARE(curves.size(), 5);
    const ScalingCurve* big = nullptr;
    const ScalingCurve* small = nullptr;
    for (const ScalingCurve& c : curves) {
        if (c.kind == "mpirun" && c.size == 1024) big = &c;
        if (c.kind == "mpirun" && c.size == 64) small = &c;
    }
    QVERIFY(big && small);
    QCOMPARE(big->label(), QString("mpirun, 1024 sets"));
    // 1024 sets: against the sequential 8.0 s: 8/6, 8/3.2, 8/2 on 1, 2, 4 workers; ideal = w.
    QVERIFY(big->sequentialBaseline);
    QCOMPARE(big->workers, (QVector<double>{1, 2, 4}));
    QCOMPARE(big->speedup, (QVector<double>{8.0 / 6.0, 2.5, 4.0}));
    QCOMPARE(big->ideal, (QVector<double>{1, 2, 4}));
    // 64 sets: no sequential run, so against 1 worker: 1 and 0.5 / 0.4 = 1.25.
    QVERIFY(!small->sequentialBaseline);
    QCOMPARE(small->speedup, (QVector<double>{1.0, 1.25}));
    // Another component: compute, 1024 sets on 4 workers: 8.0 / 1.5.
    for (const ScalingCurve& c : scalingCurves(study(), "compute"))
        if (c.kind == "mpirun" && c.size == 1024) QCOMPARE(c.speedup.last(), 8.0 / 1.5);
    // Repeated runs of the same configuration are averaged.
    const QVector<ScalingCurve> twice = scalingCurves({point("mpirun", 2, 8, 1.0), point("mpirun", 2, 8, 3.0)}, "total");
    QCOMPARE(twice.size(), 1);
    QCOMPARE(twice.first().seconds, (QVector<double>{2.0}));
}

void TimingTest::panelDrawsSeriesOnLogAxes() {
    TimingPanel panel;
    panel.resize(1100, 760);
    panel.setPoints(study());
    // time vs input sets: one curve per worker count (sequential, 1, 2, 4), sorted by sets.
    QCustomPlot* sets = panel.setsPlot();
    QCOMPARE(sets->graphCount(), 4);
    QCOMPARE(sets->graph(0)->name(), QString("sequential"));
    QCOMPARE(sets->graph(1)->name(), QString("1 worker"));
    QCOMPARE(sets->graph(2)->name(), QString("2 workers"));
    QCOMPARE(sets->graph(2)->dataCount(), 3);
    QCOMPARE(sets->graph(2)->data()->at(2)->key, 1024.0);
    QCOMPARE(sets->graph(2)->data()->at(2)->value, 3.2);
    QCOMPARE(sets->xAxis->scaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(sets->yAxis->scaleType(), QCPAxis::stLogarithmic);
    // time vs steps: the optimize runs.
    QCOMPARE(panel.stepsPlot()->graphCount(), 1);
    QCOMPARE(panel.stepsPlot()->graph(0)->dataCount(), 2);
    QCOMPARE(panel.stepsPlot()->graph(0)->data()->at(1)->value, 4.1);
    // time vs workers: 5 groups, plus the sequential reference line of the 1024-set group.
    QCustomPlot* workers = panel.workersPlot();
    QCOMPARE(workers->graphCount(), 6);
    QCOMPARE(workers->xAxis->scaleType(), QCPAxis::stLogarithmic);
    bool sawSequential = false;
    for (int g = 0; g < workers->graphCount(); ++g)
        if (workers->graph(g)->name() == "mpirun, 1024 sets: sequential") {
            sawSequential = true;
            QCOMPARE(workers->graph(g)->data()->at(0)->value, 8.0);
            QCOMPARE(workers->graph(g)->pen().style(), Qt::DashLine);
        }
    QVERIFY(sawSequential);
    // speed-up: a measured and an ideal curve per group.
    QCOMPARE(panel.speedupPlot()->graphCount(), 10);
    // Adding one more run (as the run panel does) extends its series.
    panel.addPoint(point("mpirun", 4, 256, 0.7));
    QCOMPARE(panel.points().size(), 11);
    QCOMPARE(panel.setsPlot()->graph(3)->dataCount(), 2);
    // The compute component re-plots every series.
    panel.setComponent("compute");
    QCOMPARE(panel.setsPlot()->graph(2)->data()->at(2)->value, 3.0);
    panel.setComponent("total");
    QTemporaryDir dir;
    QVERIFY(panel.exportPng(dir.filePath("t.png")));
    QVERIFY(panel.exportPdf(dir.filePath("t.pdf")));
    QVERIFY(QFileInfo(dir.filePath("t.png")).size() > 5000);
    QVERIFY(QFileInfo(dir.filePath("t.pdf")).size() > 1000);
    // Every legend lies below its axis rect, so it covers no curve: its top is under the
    // rect's bottom edge (the x axis and its label are in between), and it is as wide as the plot.
    for (QCustomPlot* plot : {panel.setsPlot(), panel.stepsPlot(), panel.workersPlot(), panel.speedupPlot()}) {
        plot->replot();
        const QRect legend = plot->legend->outerRect();
        const QRect data = plot->axisRect()->rect();
        QVERIFY2(legend.top() > data.bottom(), qPrintable(plot->objectName()));
        QVERIFY(!legend.intersects(data));
        QVERIFY(legend.height() > 0 && legend.height() < plot->height() / 3);
    }
    QVERIFY(!widgettest::saveScreenshot(&panel, "timing_panel").isEmpty());
}

void TimingTest::csvRoundTripAndErrors() {
    QTemporaryDir dir;
    TimingPanel panel;
    panel.setPoints(study());
    QVERIFY(panel.exportCsv(dir.filePath("t.csv")));
    TimingPanel loaded;
    QVERIFY(loaded.loadCsv(dir.filePath("t.csv")));
    QCOMPARE(loaded.points().size(), study().size());
    QCOMPARE(loaded.points().at(6).workers, 4);
    QCOMPARE(loaded.points().at(6).sets, 1024);
    QCOMPARE(loaded.points().at(6).compute, 1.5);
    QCOMPARE(loaded.points().at(9).kind, QString("optimize"));
    QCOMPARE(loaded.points().at(9).steps, 200);
    // A minimal hand-written file: columns in another order, kind implied by "steps".
    QVERIFY(widgettest::writeTextFile(dir.filePath("m.csv"), "# my runs\ntotal,workers,steps\n2.5,1,100\n1.5,2,100\n"));
    QVERIFY(loaded.loadCsv(dir.filePath("m.csv")));
    QCOMPARE(loaded.points().size(), 2);
    QCOMPARE(loaded.points().at(1).kind, QString("optimize"));
    QCOMPARE(loaded.stepsPlot()->graphCount(), 2);
    QString error;
    QVERIFY(widgettest::writeTextFile(dir.filePath("bad.csv"), "workers,sets,total\n2,64,0.5\n2,abc,0.7\n"));
    QVERIFY(!loaded.loadCsv(dir.filePath("bad.csv"), &error));
    QCOMPARE(error, QString("line 3, column 2 (sets): \"abc\" is not a non-negative number"));
    QCOMPARE(loaded.points().size(), 2);  // the previous series stays
    QVERIFY(widgettest::writeTextFile(dir.filePath("nohead.csv"), "sets,total\n64,0.5\n"));
    QVERIFY(!loaded.loadCsv(dir.filePath("nohead.csv"), &error));
    QCOMPARE(error, QString("line 1: the header has no column \"workers\""));
}

namespace widgettest {
std::unique_ptr<QObject> makeTimingTest() { return std::make_unique<TimingTest>(); }
}

#include "test_timing.moc"
