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
    void largeDataSetsAreSubsampled();
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
    LandscapeSample sample;
    QVERIFY2(landscapeBatch(lineLossGrad(), "[[1.0, 2.0], [3.0, 1.0]]", g, batch, sample, error), qPrintable(error));
    QCOMPARE(sample.points, qint64(2));
    QCOMPARE(sample.used, qint64(2));
    QVERIFY(!sample.subsampled());
    // y outer, x inner; the data lists in order, the int gets the number of points, grad zeros.
    QCOMPARE(batch, QString("[[[0, -1], [1,2], [3,1], 2, [0.0, 0.0]],\n"
                            "[[1, -1], [1,2], [3,1], 2, [0.0, 0.0]],\n"
                            "[[0, 2], [1,2], [3,1], 2, [0.0, 0.0]],\n"
                            "[[1, 2], [1,2], [3,1], 2, [0.0, 0.0]]]"));
    // Not the contract: no Out gradient last.
    FunctionInfo plain = lineLossGrad();
    plain.params.last().isOut = false;
    QVERIFY(!landscapeBatch(plain, "[[1.0], [2.0]]", g, batch, sample, error));
    QVERIFY(error.startsWith("line_loss_grad is not a loss-gradient function"));
    // A data list missing.
    QVERIFY(!landscapeBatch(lineLossGrad(), "[[1.0, 2.0]]", g, batch, sample, error));
    QCOMPARE(error, QString("the data file has no list for parameter 3 (ys)"));
    QVERIFY(!landscapeBatch(lineLossGrad(), "[[1.0, 2.0], [3.0]]", g, batch, sample, error));
    QCOMPARE(error, QString("the data lists have different lengths (2 and 1)"));
}

void OptimizeTest::resultsBecomeTheColourMap() {
    LandscapeGrid g;
    g.x = {0, 1};
    g.y = {-1, 2};
    TrajectoryData data;
    QString error;
    LandscapeSample two;
    two.points = two.used = 2;
    QVERIFY(landscapeFromResults(R"([{"return": 4, "args": []}, {"return": 8, "args": []},
                                     {"return": "inf", "args": []}, {"return": 2, "args": []}])",
                                 g, true, two, data, error));
    QVERIFY(data.landscapeNote.isEmpty());
    QVERIFY(data.hasLandscape());
    QCOMPARE(data.gridLoss.at(0), (QVector<double>{2, 4}));  // averaged over 2 points
    QVERIFY(std::isnan(data.gridLoss.at(1).at(0)));          // non-finite: a hole
    QCOMPARE(data.gridLoss.at(1).at(1), 1.0);
    QVERIFY(!landscapeFromResults("[]", g, false, LandscapeSample(), data, error));
    QCOMPARE(error, QString("expected a list of 4 results"));
}

void OptimizeTest::largeDataSetsAreSubsampled() {
    // 5 points on a 2 x 2 grid: each set's data is "[0,1,2,3,4]" + "[5,6,7,8,9]" (11 + 11 bytes,
    // plus 2 each counted for the separators): 4 sets x 26 = 104 bytes. A budget of 50 needs
    // every 3rd point (ceil(104 / 50)): points 0 and 3, the int gets 2.
    LandscapeGrid g;
    g.x = {0, 1};
    g.y = {0, 1};
    const QString data = "[[0,1,2,3,4],[5,6,7,8,9]]";
    QString batch, error;
    LandscapeSample sample;
    QVERIFY2(landscapeBatch(lineLossGrad(), data, g, batch, sample, error, 50), qPrintable(error));
    QCOMPARE(sample.points, qint64(5));
    QCOMPARE(sample.stride, qint64(3));
    QCOMPARE(sample.used, qint64(2));
    QVERIFY(sample.subsampled());
    QVERIFY(batch.startsWith("[[[0, 0], [0,3], [5,8], 2, [0.0, 0.0]],\n[[1, 0], [0,3], [5,8], 2, [0.0, 0.0]],"));
    // Within the budget, the whole data set.
    QVERIFY(landscapeBatch(lineLossGrad(), data, g, batch, sample, error, 104));
    QCOMPARE(sample.stride, qint64(1));
    QVERIFY(batch.startsWith("[[[0, 0], [0,1,2,3,4], [5,6,7,8,9], 5, [0.0, 0.0]],"));
    // Losses of the subsample: averaged over the 2 points used, or (sums) scaled by 5 / 2.
    sample.points = 5;
    sample.used = 2;
    sample.stride = 3;
    const QString results = R"([{"return": 4}, {"return": 6}, {"return": 8}, {"return": 10}])";
    TrajectoryData mean, sum;
    QVERIFY(landscapeFromResults(results, g, true, sample, mean, error));
    QCOMPARE(mean.gridLoss.at(0), (QVector<double>{2, 3}));
    QVERIFY(landscapeFromResults(results, g, false, sample, sum, error));
    QCOMPARE(sum.gridLoss.at(1), (QVector<double>{20, 25}));
    QCOMPARE(sum.landscapeNote, QString("landscape estimated from 1 in 3 data points (2 of 5): the data set is too "
                                        "large to send whole with every grid point"));
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
    // The default grid, 41 x 41.
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
    QCOMPARE(t.gridX.size(), 41);
    QVERIFY(t.landscapeNote.isEmpty());  // 200 points: sent whole

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
    for (int j : {0, 20, 40})
        for (int i : {0, 13, 40}) {
            const double expected = mse(t.gridX[i], t.gridY[j]);
            QVERIFY2(std::abs(t.gridLoss[j][i] - expected) <= 1e-4 * std::max(1.0, expected),
                     qPrintable(QString("(%1, %2): %3 vs %4").arg(t.gridX[i]).arg(t.gridY[j]).arg(t.gridLoss[j][i]).arg(expected)));
        }
    // The trajectory's own first loss is the same function at (0, 0).
    QVERIFY(std::abs(t.losses.first() - mse(0, 0)) <= 1e-4 * mse(0, 0));

    // Progress: optimize's steps first, then the landscape's 1681 input sets; the bar ends full.
    bool sawSteps = false;
    for (const QList<QVariant>& p : progress)
        if (p.at(2).toString() == "steps" && p.at(0).toLongLong() == 30 && p.at(1).toLongLong() == 30) sawSteps = true;
    QVERIFY(sawSteps);
    QCOMPARE(progress.last().at(1).toLongLong(), 1681);
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
    // The legend sits in a corner the path does not cross: no trajectory point under it.
    QCustomPlot* land = plots->landscapePlot();
    land->replot();
    const QRect legend = land->legend->outerRect();
    for (const QVector<double>& p : t.parameters) {
        const QPointF at(land->xAxis->coordToPixel(p[0]), land->yAxis->coordToPixel(p[1]));
        QVERIFY2(!legend.contains(at.toPoint()), qPrintable(QString("(%1, %2)").arg(p[0]).arg(p[1])));
    }
    QTest::qWait(50);
    QVERIFY(!widgettest::saveScreenshot(&w, "main_optimize").isEmpty());
}

namespace widgettest {
std::unique_ptr<QObject> makeOptimizeTest() { return std::make_unique<OptimizeTest>(); }
}

#include "test_optimize.moc"
