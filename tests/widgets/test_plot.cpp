// The plot panel: a trajectory file (CSV or JSON with a landscape grid) fills the loss curve,
// the colour map with its contour lines and the trajectory, which is animated step by step;
// export writes PNG, PDF and CSV.
#include <QFile>
#include <QSignalSpy>
#include <cmath>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include "PlotPanel.h"
#include "TrajectoryData.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class PlotTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void csvTrajectoryFillsLossPlot();
    void jsonLandscapeFillsColourMap();
    void malformedFileIsReported();
    void contourLinesFollowTheLandscape();
    void animationRevealsEveryStep();
};

namespace {

// Gradient descent on f(a, b) = a^2 + 4 b^2 from (2, 1) with rate 0.1: a *= 0.8, b *= 0.2.
QByteArray descentJson() {
    QByteArray rows;
    double a = 2, b = 1;
    for (int k = 0; k < 8; ++k) {
        if (k) rows += ",";
        rows += QString(R"({"step": %1, "loss": %2, "params": [%3, %4]})").arg(k).arg(a * a + 4 * b * b).arg(a).arg(b).toUtf8();
        a *= 0.8;
        b *= 0.2;
    }
    QByteArray xs, ys, grid;
    const int n = 41;
    for (int i = 0; i < n; ++i) {
        const double v = -2.5 + 5.0 * i / (n - 1);
        xs += (i ? "," : "") + QByteArray::number(v);
        ys += (i ? "," : "") + QByteArray::number(v);
    }
    for (int j = 0; j < n; ++j) {
        const double y = -2.5 + 5.0 * j / (n - 1);
        QByteArray row;
        for (int i = 0; i < n; ++i) {
            const double x = -2.5 + 5.0 * i / (n - 1);
            row += (i ? "," : "") + QByteArray::number(x * x + 4 * y * y);
        }
        grid += (j ? "," : "") + ("[" + row + "]");
    }
    return R"({"trajectory": [)" + rows + R"(], "landscape": {"x": [)" + xs + "], \"y\": [" + ys +
           "], \"loss\": [" + grid + "]}}";
}

}  // namespace

void PlotTest::csvTrajectoryFillsLossPlot() {
    QTemporaryDir dir;
    QVERIFY(widgettest::writeTextFile(dir.filePath("t.csv"), "step,loss,p0,p1\n0,8,2,1\n1,2.72,1.6,0.2\n2,1.6544,1.28,0.04\n"));
    PlotPanel panel;
    QVERIFY(panel.loadFile(dir.filePath("t.csv")));
    QCOMPARE(panel.lossPlot()->graph(0)->dataCount(), 3);
    QCOMPARE(panel.lossPlot()->graph(0)->data()->at(1)->value, 2.72);
    QCOMPARE(panel.data().parameters.at(2), (QVector<double>{1.28, 0.04}));
    QVERIFY(!panel.data().hasLandscape());
    // lomaw optimize's own layout: a gradient_norm column that is not a parameter.
    QVERIFY(widgettest::writeTextFile(dir.filePath("o.csv"), "step,loss,gradient_norm,p0,p1\n0,8,8.9,2,1\n1,2.72,3.3,1.6,0.2\n"));
    PlotPanel fromOptimize;
    QVERIFY(fromOptimize.loadFile(dir.filePath("o.csv")));
    QCOMPARE(fromOptimize.data().parameterNames, (QStringList{"p0", "p1"}));
    QCOMPARE(fromOptimize.data().parameters.at(1), (QVector<double>{1.6, 0.2}));
    QVERIFY(panel.exportCsv(dir.filePath("out.csv")));
    QFile out(dir.filePath("out.csv"));
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(out.readLine(), QByteArray("step,loss,p0,p1\n"));
}

void PlotTest::jsonLandscapeFillsColourMap() {
    QTemporaryDir dir;
    QVERIFY(widgettest::writeTextFile(dir.filePath("d.json"), descentJson()));
    PlotPanel panel;
    panel.resize(1100, 480);
    panel.setAnimationIntervalMs(10);
    QSignalSpy animated(&panel, &PlotPanel::animationFinished);
    QVERIFY(panel.loadFile(dir.filePath("d.json")));
    QVERIFY(panel.data().hasLandscape());
    // New data are animated from the first step; afterwards every step is drawn.
    QVERIFY(panel.animating());
    QVERIFY(animated.wait(5000));
    auto* map = qobject_cast<QCPColorMap*>(panel.landscapePlot()->plottable(0));
    QVERIFY(map);
    QCOMPARE(map->data()->keySize(), 41);
    // The corner cell (-2.5, -2.5) holds 6.25 + 25.
    QCOMPARE(map->data()->cell(0, 0), 31.25);
    auto* path = qobject_cast<QCPCurve*>(panel.landscapePlot()->plottable(1));
    QVERIFY(path);
    QCOMPARE(path->dataCount(), 8);
    // Replaying to step 3 draws four points and moves the end marker there.
    panel.showSteps(3);
    QCOMPARE(path->dataCount(), 4);
    QCOMPARE(panel.landscapePlot()->graph(1)->data()->at(0)->key, 2 * 0.8 * 0.8 * 0.8);
    panel.showSteps(7);
    QVERIFY(panel.exportPng(dir.filePath("p.png")));
    QVERIFY(panel.exportPdf(dir.filePath("p.pdf")));
    QVERIFY(QFileInfo(dir.filePath("p.png")).size() > 1000);
    QVERIFY(QFileInfo(dir.filePath("p.pdf")).size() > 1000);
    QVERIFY(!widgettest::saveScreenshot(&panel, "plot_panel").isEmpty());
}

void PlotTest::contourLinesFollowTheLandscape() {
    // The landscape is x^2 + 4 y^2 on [-2.5, 2.5]^2 (h = 0.125): every contour point of level L
    // lies on the ellipse x^2 + 4 y^2 = L, up to the linear interpolation error along a grid
    // edge (h^2/4 times the curvature: at most 4 * 0.125^2 / 4 = 0.016).
    QTemporaryDir dir;
    QVERIFY(widgettest::writeTextFile(dir.filePath("d.json"), descentJson()));
    PlotPanel panel;
    panel.setAnimateNewData(false);
    QVERIFY(panel.loadFile(dir.filePath("d.json")));
    const QVector<double> levels = panel.contourLevels();
    QCOMPARE(levels.size(), 10);
    // Quadratic spacing inside [0, 31.25]: 31.25 (k / 11)^2, denser near the minimum.
    QCOMPARE(levels.first(), 31.25 / 121);
    QCOMPARE(levels.last(), 31.25 * 100 / 121);
    QCOMPARE(panel.contourCurves().size(), 10);
    int gaps = 0, points = 0;
    for (int k = 0; k < levels.size(); ++k) {
        QCPCurve* curve = panel.contourCurves().at(k);
        QCOMPARE(curve->layer()->name(), QString("contours"));
        for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it) {
            if (std::isnan(it->key)) {
                ++gaps;  // a level clipped by the border is two arcs, separated by a NaN
                continue;
            }
            ++points;
            const double f = it->key * it->key + 4 * it->value * it->value;
            QVERIFY2(std::abs(f - levels[k]) < 0.02, qPrintable(QString("level %1: %2").arg(levels[k]).arg(f)));
        }
    }
    QVERIFY(points > 300);
    QVERIFY(gaps >= 2);
    // The contours sit between the colour map and the trajectory; one legend entry for them all.
    QCOMPARE(panel.landscapePlot()->plottable(1)->layer()->name(), QString("trajectory"));
    QVERIFY(panel.landscapePlot()->legend->hasItemWithPlottable(panel.contourCurves().first()));
    QVERIFY(!panel.landscapePlot()->legend->hasItemWithPlottable(panel.contourCurves().last()));
    // A file without a landscape has no contours.
    QVERIFY(widgettest::writeTextFile(dir.filePath("t.csv"), "step,loss,p0,p1\n0,8,2,1\n1,2.72,1.6,0.2\n"));
    QVERIFY(panel.loadFile(dir.filePath("t.csv")));
    QVERIFY(panel.contourCurves().isEmpty());
}

void PlotTest::animationRevealsEveryStep() {
    QTemporaryDir dir;
    QVERIFY(widgettest::writeTextFile(dir.filePath("d.json"), descentJson()));
    PlotPanel panel;
    panel.resize(1100, 480);
    panel.setAnimationIntervalMs(5);
    auto* path = qobject_cast<QCPCurve*>(panel.landscapePlot()->plottable(1));
    QVERIFY(path);
    // Record how many trajectory points each replot of the landscape shows.
    QVector<int> seen;
    connect(panel.landscapePlot(), &QCustomPlot::afterReplot, this, [&] { seen << path->dataCount(); });
    QSignalSpy finished(&panel, &PlotPanel::animationFinished);
    QVERIFY(panel.loadFile(dir.filePath("d.json")));
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!panel.animating());
    QCOMPARE(path->dataCount(), 8);
    QCOMPARE(panel.shownSteps(), 7);
    // The animation went through 1, 2, ..., 8 points in order, one step per tick.
    const int start = int(seen.lastIndexOf(1));
    QVERIFY(start >= 0);
    QVector<int> tail;
    for (int k = start; k < seen.size(); ++k)
        if (tail.isEmpty() || tail.last() != seen[k]) tail << seen[k];
    QCOMPARE(tail, (QVector<int>{1, 2, 3, 4, 5, 6, 7, 8}));
    // Start and end markers: the first point (2, 1), and the last one reached (2 * 0.8^7).
    QCOMPARE(panel.landscapePlot()->graph(0)->data()->at(0)->key, 2.0);
    QCOMPARE(panel.landscapePlot()->graph(1)->data()->at(0)->key, panel.data().parameters.at(7).at(0));
    QVERIFY(std::abs(panel.data().parameters.at(7).at(0) - 2 * std::pow(0.8, 7)) < 1e-5);
    // The loss plot marks the step the animation is at.
    QCOMPARE(panel.lossPlot()->graph(1)->data()->at(0)->key, 7.0);
    // Play again: it restarts from the first step.
    panel.playAnimation();
    QCOMPARE(path->dataCount(), 1);
    QVERIFY(finished.wait(5000));
    QCOMPARE(path->dataCount(), 8);
}

void PlotTest::malformedFileIsReported() {
    QTemporaryDir dir;
    QVERIFY(widgettest::writeTextFile(dir.filePath("bad.csv"), "step,loss,p0\n0,1\n"));
    PlotPanel panel;
    QString error;
    QVERIFY(!panel.loadFile(dir.filePath("bad.csv"), &error));
    QCOMPARE(error, QString("line 2 has 2 values, the header 3"));
}

namespace widgettest {
std::unique_ptr<QObject> makePlotTest() { return std::make_unique<PlotTest>(); }
}

#include "test_plot.moc"
