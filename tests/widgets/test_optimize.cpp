// MPI optimisation from the run panel: `lomaw optimize` through the real CLI, its trajectory in
// the plots, the loss landscape evaluated around it with one more `lomaw mpirun` (values checked
// against the loss computed here from the data file), progress in steps, and a timing point.
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <qcustomplot.h>

#include "LandscapeGrid.h"
#include "MainWindow.h"
#include "PlotPanel.h"
#include "RunPanel.h"
#include "TimingPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class OptimizeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gridAroundTheTrajectory();
    void batchFollowsTheLossGradientContract();
    void resultsBecomeTheColourMap();
    void optimizeRunFillsPlotsAndTimings();
};

namespace {

// line_loss_grad of examples/mpi_line_fit.py, as the analysis reports it.
FunctionInfo lineLossGrad() {
    FunctionInfo f;
    f.name = "line_loss_grad";
    f.returnType = "float";
    f.params = {{"p", "Array[float]", false, "[0.0]"},  {"xs", "Array[float]", false, "[0.0]"},
                {"ys", "Array[float]", false, "[0.0]"}, {"n", "int", false, "0"},
                {"grad", "Array[float]", true, "[0.0]"}};
    return f;
}

}  // namespace

void OptimizeTest::gridAroundTheTrajectory() {
    TrajectoryData t;
    t.parameters = {{0, 0}, {2, 1}, {1, 4}};
    // Box [0, 2] x [0, 4], widened by a quarter of its size: [-0.5, 2.5] x [-1, 5].
    const LandscapeGrid g = landscapeAround(t, 5);
    QCOMPARE(g.x, (QVector<double>{-0.5, 0.25, 1.0, 1.75, 2.5}));
    QCOMPARE(g.y, (QVector<double>{-1, 0.5, 2, 3.5, 5}));
    // A single point gets a box of size 1 around it, then the margin.
    t.parameters = {{3, -2}};
    const LandscapeGrid p = landscapeAround(t, 3);
    QCOMPARE(p.x, (QVector<double>{2.25, 3, 3.75}));
    QCOMPARE(p.y, (QVector<double>{-2.75, -2, -1.25}));
}

void OptimizeTest::batchFollowsTheLossGradientContract() {
    LandscapeGrid g;
    g.x = {0, 1};
    g.y = {-1, 2};
    QString batch, error;
    qint64 points = 0;
    QVERIFY2(landscapeBatch(lineLossGrad(), "[[1.0, 2.0], [3.0, 1.0]]", g, batch, points, error), qPrintable(error));
    QCOMPARE(points, qint64(2));
    // y outer, x inner; the data lists in order, the int gets the number of points, grad zeros.
    QCOMPARE(batch, QString("[[[0, -1], [1,2], [3,1], 2, [0.0, 0.0]],\n"
                            "[[1, -1], [1,2], [3,1], 2, [0.0, 0.0]],\n"
                            "[[0, 2], [1,2], [3,1], 2, [0.0, 0.0]],\n"
                            "[[1, 2], [1,2], [3,1], 2, [0.0, 0.0]]]"));
    // Not the contract: no Out gradient last.
    FunctionInfo plain = lineLossGrad();
    plain.params.last().isOut = false;
    QVERIFY(!landscapeBatch(plain, "[[1.0], [2.0]]", g, batch, points, error));
    QVERIFY(error.startsWith("line_loss_grad is not a loss-gradient function"));
    // A data list missing.
    QVERIFY(!landscapeBatch(lineLossGrad(), "[[1.0, 2.0]]", g, batch, points, error));
    QCOMPARE(error, QString("the data file has no list for parameter 3 (ys)"));
}

void OptimizeTest::resultsBecomeTheColourMap() {
    LandscapeGrid g;
    g.x = {0, 1};
    g.y = {-1, 2};
    TrajectoryData data;
    QString error;
    QVERIFY(landscapeFromResults(R"([{"return": 4, "args": []}, {"return": 8, "args": []},
                                     {"return": "inf", "args": []}, {"return": 2, "args": []}])",
                                 g, true, 2, data, error));
    QVERIFY(data.hasLandscape());
    QCOMPARE(data.gridLoss.at(0), (QVector<double>{2, 4}));  // averaged over 2 points
    QVERIFY(std::isnan(data.gridLoss.at(1).at(0)));          // non-finite: a hole
    QCOMPARE(data.gridLoss.at(1).at(1), 1.0);
    QVERIFY(!landscapeFromResults("[]", g, false, 0, data, error));
    QCOMPARE(error, QString("expected a list of 4 results"));
}

void OptimizeTest::optimizeRunFillsPlotsAndTimings() {
    QSettings().remove("windowState");
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/mpi_line_fit.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    RunPanel* run = w.runPanel();
    run->selectFunction("line_loss_grad");
    const QString dataFile = QString(LOMAW_EXAMPLES) + "/mpi_line_fit_data.json";
    OptimizeSettings o;
    o.init = "[0.0, 0.0]";
    o.dataFile = dataFile;
    o.steps = 30;
    o.learningRate = 0.2;
    o.average = true;
    o.workers = 2;
    o.landscapeSize = 21;
    run->setOptimize(true, o);
    w.plotPanel()->setAnimationIntervalMs(5);
    QList<TrajectoryData> trajectories;
    connect(run, &RunPanel::trajectoryReady, this, [&](const TrajectoryData& t) { trajectories << t; });
    QSignalSpy progress(run->runner(), &CliRunner::progress);
    QSignalSpy done(run, &RunPanel::runFinished);
    run->run();
    QVERIFY(done.wait(120000));
    const auto result = done.first().first().value<RunResult>();
    QVERIFY2(result.status == RunResult::Status::Ok, qPrintable(result.errors));
    QVERIFY(run->runner()->lastArguments().contains("mpirun"));  // the landscape ran last
    QCOMPARE(trajectories.size(), 1);
    const TrajectoryData& t = trajectories.first();
    QCOMPARE(t.steps.size(), 31);  // step 0 is the initial point
    QCOMPARE(t.parameters.first(), (QVector<double>{0, 0}));
    QVERIFY(t.losses.last() < t.losses.first());  // it descends
    QVERIFY(t.hasLandscape());
    QCOMPARE(t.gridX.size(), 21);

    // The landscape against the mean squared error computed here, in double (lomaw sums in
    // float32 per worker: relative 1e-4).
    QFile f(dataFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray data = QJsonDocument::fromJson(f.readAll()).array();
    const QJsonArray xs = data.at(0).toArray(), ys = data.at(1).toArray();
    auto mse = [&](double a, double b) {
        double s = 0;
        for (int i = 0; i < xs.size(); ++i) {
            const double r = a * xs[i].toDouble() + b - ys[i].toDouble();
            s += r * r;
        }
        return s / double(xs.size());
    };
    for (int j : {0, 10, 20})
        for (int i : {0, 7, 20}) {
            const double expected = mse(t.gridX[i], t.gridY[j]);
            QVERIFY2(std::abs(t.gridLoss[j][i] - expected) <= 1e-4 * std::max(1.0, expected),
                     qPrintable(QString("(%1, %2): %3 vs %4").arg(t.gridX[i]).arg(t.gridY[j]).arg(t.gridLoss[j][i]).arg(expected)));
        }
    // The trajectory's own first loss is the same function at (0, 0).
    QVERIFY(std::abs(t.losses.first() - mse(0, 0)) <= 1e-4 * mse(0, 0));

    // Progress: optimize's steps first, then the landscape's 441 input sets; the bar ends full.
    bool sawSteps = false;
    for (const QList<QVariant>& p : progress)
        if (p.at(2).toString() == "steps" && p.at(0).toLongLong() == 30 && p.at(1).toLongLong() == 30) sawSteps = true;
    QVERIFY(sawSteps);
    QCOMPARE(progress.last().at(1).toLongLong(), 441);
    QCOMPARE(run->progressBar()->value(), run->progressBar()->maximum());

    // One timing point, of the optimisation (the landscape run is not a measurement).
    QCOMPARE(w.timingPanel()->points().size(), 1);
    QCOMPARE(w.timingPanel()->points().first().kind, QString("optimize"));
    QCOMPARE(w.timingPanel()->points().first().steps, qint64(30));
    QCOMPARE(w.timingPanel()->points().first().workers, 2);

    // The plots show it, with contours, after the animation.
    PlotPanel* plots = w.plotPanel();
    QVERIFY(plots->data().hasLandscape());
    QVERIFY(!plots->contourCurves().isEmpty());
    if (plots->animating()) {
        QSignalSpy animated(plots, &PlotPanel::animationFinished);
        QVERIFY(animated.wait(10000));
    }
    QCOMPARE(qobject_cast<QCPCurve*>(plots->landscapePlot()->plottable(1))->dataCount(), 31);
    QTest::qWait(50);
    QVERIFY(!widgettest::saveScreenshot(&w, "main_optimize").isEmpty());
}

namespace widgettest {
std::unique_ptr<QObject> makeOptimizeTest() { return std::make_unique<OptimizeTest>(); }
}

#include "test_optimize.moc"
