// Descent mode: the parameters of a signature, trajectories of `lomaw descend` read with them, the
// landscape batches (curve, grid, slice) and their results, and the plots drawn from known
// trajectories (checked point by point): one parameter (curve, steps, tangent), two (colour map
// and path), more (a slice and the projection), playback, overlaid runs with their legend, and
// divergence (never drawn as loss 0). Screenshots of each plot kind go to BUILD/screenshots.
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <cmath>
#include <qcustomplot.h>

#include "DescentLandscape.h"
#include "DescentParameters.h"
#include "DescentTrajectory.h"
#include "LandscapeGrid.h"
#include "PlotPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class DescentTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parametersFollowTheSignature();
    void trajectoryOfDescend();
    void oneParameterCurveStepsAndTangent();
    void twoParametersGridAndPath();
    void manyParametersSlice();
    void playbackSliderAndSpeed();
    void overlaidRunsHaveALegend();
    void divergenceIsMarkedNotZero();
};

namespace {

FunctionInfo scalarFunction(const QStringList& names) {
    FunctionInfo f;
    f.name = "f";
    f.returnType = "float";
    for (const QString& n : names) f.params << ParamInfo{n, "float", false, "0.0"};
    return f;
}

// A `lomaw descend` trajectory of f over `points` (one --args list per step), losses by `loss`.
QString trajectoryJson(const QVector<QVector<double>>& points, const std::function<double(const QVector<double>&)>& loss,
                       int divergedAt = -1) {
    QJsonArray rows;
    for (int k = 0; k < points.size(); ++k) {
        QJsonArray args;
        for (double v : points[k]) args << v;
        const double l = k == divergedAt ? std::numeric_limits<double>::infinity() : loss(points[k]);
        rows << QJsonObject{{"step", k},
                            {"loss", std::isfinite(l) ? QJsonValue(l) : QJsonValue("inf")},
                            {"args", args},
                            {"gradient_norm", 0.0}};
    }
    return QString::fromUtf8(QJsonDocument(rows).toJson());
}

// mpirun's results for a landscape batch: "return" = loss of each set's arguments.
QString results(const QString& batch, const std::function<double(const QJsonArray&)>& loss) {
    QJsonArray out;
    for (const QJsonValue& set : QJsonDocument::fromJson(batch.toUtf8()).array())
        out << QJsonObject{{"return", loss(set.toArray())}, {"args", set}};
    return QString::fromUtf8(QJsonDocument(out).toJson());
}

// Plain descent with rate lr on a separable quadratic sum_i c_i x_i^2: x_i <- x_i (1 - 2 lr c_i).
QVector<QVector<double>> quadraticDescent(QVector<double> x, const QVector<double>& c, double lr, int steps) {
    QVector<QVector<double>> out{x};
    for (int k = 0; k < steps; ++k) {
        for (int i = 0; i < x.size(); ++i) x[i] *= 1 - 2 * lr * c[i];
        out << x;
    }
    return out;
}

double quadratic(const QVector<double>& x, const QVector<double>& c) {
    double s = 0;
    for (int i = 0; i < x.size(); ++i) s += c[i] * x[i] * x[i];
    return s;
}

QVector<double> numbersOf(const QJsonArray& a) {
    QVector<double> v;
    for (const QJsonValue& x : a) v << x.toDouble();
    return v;
}

}  // namespace

void DescentTest::parametersFollowTheSignature() {
    // f(x : float, n : int, p : Array[float], s : Body, out : Out[float]) with Body {pos: float[2], id: int}:
    // the floats of the In arguments are the parameters; ints, and the Out argument, stay fixed.
    FunctionInfo f;
    f.name = "f";
    f.returnType = "float";
    f.params = {{"x", "float", false, "0.0"},
                {"n", "int", false, "0"},
                {"p", "Array[float]", false, "[0.0]"},
                {"s", "Body", false, R"({"pos": [0.0, 0.0], "id": 0})"},
                {"out", "float", true, "0.0"}};
    const QJsonArray args = QJsonDocument::fromJson(R"([5.0, 3, [1, 2, 3], {"pos": [4, 5], "id": 7}, 0.0])").array();
    const QList<DescentParameter> ps = descentParameters(f, args);
    QStringList names;
    for (const DescentParameter& p : ps) names << p.name;
    QCOMPARE(names, (QStringList{"x", "p[0]", "p[1]", "p[2]", "s.pos[0]", "s.pos[1]"}));
    QCOMPARE(parameterValues(args, ps), (QVector<double>{5, 1, 2, 3, 4, 5}));
    const QJsonArray moved = withParameterValue(withParameterValue(args, ps[2], -1.5), ps[5], 9);
    QCOMPARE(moved.at(2).toArray().at(1).toDouble(), -1.5);
    QCOMPARE(moved.at(3).toObject().value("pos").toArray().at(1).toDouble(), 9.0);
    QCOMPARE(moved.at(3).toObject().value("id").toInt(), 7);  // ints untouched
    QVERIFY(returnsFloat(f));
    f.returnType = "int";
    QVERIFY(!returnsFloat(f));
}

void DescentTest::trajectoryOfDescend() {
    // x^2 from 2 with lr 0.25: x halves each step; the gradient 2x comes back from the plain update.
    const FunctionInfo f = scalarFunction({"x"});
    const QString json = trajectoryJson(quadraticDescent({2}, {1}, 0.25, 4), [](const QVector<double>& x) { return x[0] * x[0]; });
    TrajectoryData t;
    QJsonArray last;
    QString error;
    QVERIFY2(parseDescentTrajectory(json, f, t, last, error), qPrintable(error));
    QCOMPARE(t.parameterNames, QStringList{"x"});
    QCOMPARE(t.steps.size(), 5);
    QCOMPARE(t.parameters.at(3), QVector<double>{0.25});
    QCOMPARE(t.losses.at(1), 1.0);
    QCOMPARE(t.divergedAt, -1);
    QCOMPARE(numbersOf(last), QVector<double>{0.125});
    gradientsFromPlainSteps(t, 0.25);
    QCOMPARE(t.gradients.at(0), QVector<double>{4.0});  // 2 * 2
    QCOMPARE(t.gradients.at(2), QVector<double>{1.0});  // 2 * 0.5
    QVERIFY(t.gradients.last().isEmpty());              // no successor, no update
    QCOMPARE(divergenceMessage("lomaw: descent diverged at step 12 (loss inf)\n"), QString("descent diverged at step 12 (loss inf)"));
    QVERIFY(divergenceMessage("lomaw: error: something else").isEmpty());
    // A gradient in the file wins over the one from the update.
    QJsonArray rows = QJsonDocument::fromJson(json.toUtf8()).array();
    for (int k = 0; k < rows.size(); ++k) {
        QJsonObject r = rows[k].toObject();
        r["gradient"] = QJsonArray{10.0 + k};
        rows[k] = r;
    }
    QVERIFY(parseDescentTrajectory(QJsonDocument(QJsonObject{{"trajectory", rows}, {"status", "max-steps"}}).toJson(), f, t, last, error));
    QCOMPARE(t.status, QString("max-steps"));
    QCOMPARE(t.gradients.at(3), QVector<double>{13.0});
}

void DescentTest::oneParameterCurveStepsAndTangent() {
    const FunctionInfo f = scalarFunction({"x"});
    auto loss = [](const QVector<double>& x) { return x[0] * x[0]; };
    TrajectoryData t;
    QJsonArray last;
    QString error;
    QVERIFY(parseDescentTrajectory(trajectoryJson(quadraticDescent({2}, {1}, 0.25, 4), loss), f, t, last, error));
    gradientsFromPlainSteps(t, 0.25);
    // The curve: the range of x (0.125 ... 2) widened by a quarter on each side, 9 samples.
    const QList<DescentParameter> ps = descentParameters(f, last);
    const DescentLandscapePlan plan = planDescentLandscape(t, ps, last, 41, 0, 1, 9);
    QVERIFY(plan.curve());
    QCOMPARE(plan.x.size(), 9);
    const double span = 2 - 0.125;
    QCOMPARE(plan.x.first(), 0.125 - span / 4);
    QCOMPARE(plan.x.last(), 2 + span / 4);
    const QString batch = descentLandscapeBatch(plan);
    QCOMPARE(QJsonDocument::fromJson(batch.toUtf8()).array().size(), 9);
    QVERIFY(descentLandscapeFromResults(results(batch, [](const QJsonArray& a) { return a[0].toDouble() * a[0].toDouble(); }),
                                        plan, t, error));
    PlotPanel panel;
    panel.resize(1100, 480);
    panel.setAnimateNewData(false);
    panel.setData(t);
    // The curve is x^2 at the samples.
    QCOMPARE(panel.curveGraph()->dataCount(), 9);
    for (int i = 0; i < 9; ++i) {
        const auto p = panel.curveGraph()->data()->at(i);
        QCOMPARE(p->value, p->key * p->key);
    }
    // The steps sit on the curve: (x_k, x_k^2); at step 2 the tangent has slope 2 x = 1.
    panel.showSteps(2);
    auto* path = qobject_cast<QCPCurve*>(panel.landscapePlot()->plottable(1));
    QCOMPARE(path->dataCount(), 3);
    QCOMPARE(path->data()->at(2)->key, 0.5);
    QCOMPARE(path->data()->at(2)->value, 0.25);
    QCOMPARE(panel.tangentGraph()->dataCount(), 2);
    const auto a = panel.tangentGraph()->data()->at(0);
    const auto b = panel.tangentGraph()->data()->at(1);
    QCOMPARE((b->value - a->value) / (b->key - a->key), 1.0);
    QCOMPARE((a->key + b->key) / 2, 0.5);
    QCOMPARE((a->value + b->value) / 2, 0.25);
    QVERIFY2(panel.readoutText().contains("step 2 / 4") && panel.readoutText().contains("x = 0.5") &&
                 panel.readoutText().contains("∇ = (1)"),
             qPrintable(panel.readoutText()));
    QCOMPARE(panel.landscapePlot()->yAxis->label(), QString("loss"));
    panel.showSteps(4);
    QVERIFY(!widgettest::saveScreenshot(&panel, "descent_1d").isEmpty());
}

void DescentTest::twoParametersGridAndPath() {
    // f(p) = p[0]^2 + 4 p[1]^2, p : Array[float, 2], from (2, 1) with lr 0.1: p[0] *= 0.8, p[1] *= 0.2.
    FunctionInfo f;
    f.name = "bowl";
    f.returnType = "float";
    f.params = {{"p", "Array[float, 2]", false, "[0.0, 0.0]"}};
    QJsonArray rows;
    const QVector<QVector<double>> points = quadraticDescent({2, 1}, {1, 4}, 0.1, 6);
    for (int k = 0; k < points.size(); ++k)
        rows << QJsonObject{{"step", k}, {"loss", quadratic(points[k], {1, 4})},
                            {"args", QJsonArray{QJsonArray{points[k][0], points[k][1]}}}};
    TrajectoryData t;
    QJsonArray last;
    QString error;
    QVERIFY(parseDescentTrajectory(QJsonDocument(rows).toJson(), f, t, last, error));
    QCOMPARE(t.parameterNames, (QStringList{"p[0]", "p[1]"}));
    const DescentLandscapePlan plan = planDescentLandscape(t, descentParameters(f, last), last, 21);
    QVERIFY(!plan.curve());
    QCOMPARE(plan.sets(), 21 * 21);
    const QString batch = descentLandscapeBatch(plan);
    // Set j*21 + i is (x[i], y[j]).
    const QJsonArray sets = QJsonDocument::fromJson(batch.toUtf8()).array();
    QCOMPARE(numbersOf(sets.at(21 * 3 + 5).toArray().at(0).toArray()), (QVector<double>{plan.x[5], plan.y[3]}));
    auto bowl = [](const QJsonArray& a) {
        const QJsonArray p = a[0].toArray();
        return p[0].toDouble() * p[0].toDouble() + 4 * p[1].toDouble() * p[1].toDouble();
    };
    QVERIFY(descentLandscapeFromResults(results(batch, bowl), plan, t, error));
    PlotPanel panel;
    panel.resize(1100, 480);
    panel.setAnimateNewData(false);
    panel.setData(t);
    auto* map = qobject_cast<QCPColorMap*>(panel.landscapePlot()->plottable(0));
    QCOMPARE(map->data()->keySize(), 21);
    QCOMPARE(map->data()->cell(4, 7), plan.x[4] * plan.x[4] + 4 * plan.y[7] * plan.y[7]);
    QVERIFY(!panel.contourCurves().isEmpty());
    auto* path = qobject_cast<QCPCurve*>(panel.landscapePlot()->plottable(1));
    QCOMPARE(path->dataCount(), 7);
    QCOMPARE(path->data()->at(3)->key, 2 * 0.8 * 0.8 * 0.8);
    QCOMPARE(path->data()->at(3)->value, 1 * 0.2 * 0.2 * 0.2);
    QVERIFY(!widgettest::saveScreenshot(&panel, "descent_2d").isEmpty());
}

void DescentTest::manyParametersSlice() {
    // f(x, y, z) = x^2 + 2 y^2 + 3 z^2; the slice through (x, z) at the last step's y.
    const FunctionInfo f = scalarFunction({"x", "y", "z"});
    const QVector<double> c{1, 2, 3};
    auto loss = [&](const QVector<double>& p) { return quadratic(p, c); };
    TrajectoryData t;
    QJsonArray last;
    QString error;
    QVERIFY(parseDescentTrajectory(trajectoryJson(quadraticDescent({2, 1.5, 1}, c, 0.1, 5), loss), f, t, last, error));
    const double yLast = last.at(1).toDouble();
    QCOMPARE(yLast, 1.5 * std::pow(0.6, 5));
    const DescentLandscapePlan plan = planDescentLandscape(t, descentParameters(f, last), last, 11, 0, 2);
    const QString batch = descentLandscapeBatch(plan);
    for (const QJsonValue& set : QJsonDocument::fromJson(batch.toUtf8()).array())
        QCOMPARE(set.toArray().at(1).toDouble(), yLast);  // y fixed in every set
    QVERIFY(descentLandscapeFromResults(results(batch, [&](const QJsonArray& a) { return loss(numbersOf(a)); }), plan, t, error));
    QCOMPARE(t.sliceX, 0);
    QCOMPARE(t.sliceY, 2);
    PlotPanel panel;
    panel.resize(1100, 480);
    panel.setAnimateNewData(false);
    panel.setData(t);
    QCOMPARE(panel.sliceX(), 0);
    QCOMPARE(panel.sliceY(), 2);
    auto* map = qobject_cast<QCPColorMap*>(panel.landscapePlot()->plottable(0));
    QCOMPARE(map->data()->cell(3, 8), plan.x[3] * plan.x[3] + 2 * yLast * yLast + 3 * plan.y[8] * plan.y[8]);
    // The path is the projection on (x, z).
    auto* path = qobject_cast<QCPCurve*>(panel.landscapePlot()->plottable(1));
    QCOMPARE(path->data()->at(2)->key, 2 * 0.8 * 0.8);
    QCOMPARE(path->data()->at(2)->value, 1 * 0.4 * 0.4);
    QCOMPARE(panel.landscapePlot()->yAxis->label(), QString("z"));
    QVERIFY(panel.statusText().contains("a slice through x and z"));
    QVERIFY(!widgettest::saveScreenshot(&panel, "descent_nd").isEmpty());
    // Choosing y for the vertical axis asks for that slice and re-projects the path at once.
    QSignalSpy wanted(&panel, &PlotPanel::sliceRequested);
    auto* yBox = panel.findChild<QComboBox*>("plotSliceY");
    QVERIFY(yBox && yBox->isVisibleTo(&panel));
    yBox->setCurrentIndex(1);
    Q_EMIT yBox->activated(1);
    QCOMPARE(wanted.count(), 1);
    QCOMPARE(wanted.first().at(0).toInt(), 0);
    QCOMPARE(wanted.first().at(1).toInt(), 1);
    QCOMPARE(path->data()->at(2)->value, 1.5 * 0.6 * 0.6);
    QVERIFY(!map->visible());  // the (x, z) grid is not the (x, y) slice
}

void DescentTest::playbackSliderAndSpeed() {
    const FunctionInfo f = scalarFunction({"a", "b"});
    TrajectoryData t;
    QJsonArray last;
    QString error;
    QVERIFY(parseDescentTrajectory(trajectoryJson(quadraticDescent({2, 1}, {1, 4}, 0.1, 8),
                                                  [](const QVector<double>& p) { return quadratic(p, {1, 4}); }),
                                   f, t, last, error));
    PlotPanel panel;
    panel.resize(1100, 480);
    panel.setAnimateNewData(false);
    panel.setData(t);
    auto* slider = panel.findChild<QSlider*>("plotReplay");
    QVERIFY(slider && slider->isEnabled());
    QCOMPARE(slider->maximum(), 8);
    slider->setValue(3);
    QCOMPARE(panel.shownSteps(), 3);
    auto* path = qobject_cast<QCPCurve*>(panel.landscapePlot()->plottable(1));
    QCOMPARE(path->dataCount(), 4);
    QCOMPARE(panel.lossPlot()->graph(1)->data()->at(0)->key, 3.0);
    QVERIFY2(panel.readoutText().startsWith("step 3 / 8"), qPrintable(panel.readoutText()));
    QVERIFY(panel.readoutText().contains(QString("a = %1").arg(2 * std::pow(0.8, 3), 0, 'g', 6)));
    // Speed: 4x is 20 ms a step, 0.25x 320 ms.
    auto* speed = panel.findChild<QComboBox*>("plotSpeed");
    QVERIFY(speed);
    speed->setCurrentIndex(speed->findData(4.0));
    QCOMPARE(panel.animationIntervalMs(), 20);
    panel.setPlaybackSpeed(0.25);
    QCOMPARE(panel.animationIntervalMs(), 320);
}

void DescentTest::overlaidRunsHaveALegend() {
    const FunctionInfo f = scalarFunction({"a", "b"});
    PlotPanel panel;
    panel.resize(1100, 480);
    panel.setAnimateNewData(false);
    const QStringList labels{"rev · plain · lr 0.1", "fwd · plain · lr 0.05", "fd · adam · lr 0.1"};
    const QVector<double> rates{0.1, 0.05, 0.1};
    for (int r = 0; r < 3; ++r) {
        TrajectoryData t;
        QJsonArray last;
        QString error;
        QVERIFY(parseDescentTrajectory(trajectoryJson(quadraticDescent({2, 1}, {1, 4}, rates[r], 6 + r),
                                                      [](const QVector<double>& p) { return quadratic(p, {1, 4}); }),
                                       f, t, last, error));
        t.label = labels[r];
        panel.addRun(t);
    }
    QCOMPARE(panel.earlierRuns().size(), 2);
    QCOMPARE(panel.overlayPaths().size(), 2);
    QCOMPARE(panel.overlayLosses().size(), 2);
    // Loss legend: one entry per run, by its label.
    QStringList legend;
    QCPLegend* l = panel.lossPlot()->legend;
    for (int i = 0; i < l->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(l->item(i))) legend << item->plottable()->name();
    for (const QString& label : labels) QVERIFY2(legend.contains(label), qPrintable(legend.join(" | ")));
    // Each run its own colour; the earlier runs' paths hold all their steps.
    QSet<QRgb> colours{panel.lossPlot()->graph(0)->pen().color().rgb()};
    for (QCPGraph* g : panel.overlayLosses()) colours << g->pen().color().rgb();
    QCOMPARE(colours.size(), 3);
    QCOMPARE(panel.overlayPaths().at(1)->dataCount(), 8);
    QCOMPARE(panel.overlayLosses().at(0)->dataCount(), 7);
    QVERIFY(panel.statusText().contains("3 runs overlaid"));
    QVERIFY(!widgettest::saveScreenshot(&panel, "descent_overlay").isEmpty());
    // setData shows one run again.
    panel.setData(panel.data());
    QVERIFY(panel.overlayPaths().isEmpty());
}

void DescentTest::divergenceIsMarkedNotZero() {
    // x^2 with lr 1.5: x <- -2 x, from 1: 1, -2, 4, -8, 16, then inf (written "inf").
    const FunctionInfo f = scalarFunction({"x"});
    const QString json = trajectoryJson({{1}, {-2}, {4}, {-8}, {16}, {0}}, [](const QVector<double>& x) { return x[0] * x[0]; }, 5);
    TrajectoryData t;
    QJsonArray last;
    QString error;
    QVERIFY(parseDescentTrajectory(json, f, t, last, error));
    QCOMPARE(t.divergedAt, 5);
    QVERIFY(std::isinf(t.losses.at(5)));
    QCOMPARE(t.lastFiniteStep(), 4);
    QCOMPARE(numbersOf(last), QVector<double>{16});
    PlotPanel panel;
    panel.resize(1100, 480);
    panel.setAnimationIntervalMs(2);
    QSignalSpy finished(&panel, &PlotPanel::animationFinished);
    panel.setData(t);
    // During playback the cross appears only once the last finite step is reached.
    QVERIFY(panel.animating());
    QCOMPARE(panel.lossDivergenceGraph()->dataCount(), 0);
    QVERIFY(finished.wait(5000));
    // The loss curve stops at step 4 (loss 256): no point at loss 0, none at step 5.
    QCPGraph* loss = panel.lossPlot()->graph(0);
    QCOMPARE(loss->dataCount(), 5);
    for (int k = 0; k < loss->dataCount(); ++k) QVERIFY(loss->data()->at(k)->value > 0);
    QCOMPARE(loss->data()->at(4)->value, 256.0);
    // The cross: at the divergence step, level with the last finite loss; on the curve at x = 16.
    QCOMPARE(panel.lossDivergenceGraph()->dataCount(), 1);
    QCOMPARE(panel.lossDivergenceGraph()->data()->at(0)->key, 5.0);
    QCOMPARE(panel.lossDivergenceGraph()->data()->at(0)->value, 256.0);
    QCOMPARE(panel.landscapeDivergenceGraph()->data()->at(0)->key, 16.0);
    QVERIFY2(panel.statusText().contains("diverged at step 5 (loss inf)"), qPrintable(panel.statusText()));
    QVERIFY(panel.statusText().contains("last finite loss 256 at step 4"));
    QVERIFY(!panel.statusText().contains("final loss"));
    QVERIFY(panel.readoutText().contains("diverged"));
    QVERIFY(!widgettest::saveScreenshot(&panel, "descent_diverged").isEmpty());

    // lomaw optimize's trajectory file (params, "inf" loss) gets the same treatment, and the
    // landscape frames the run up to the step that widens its box more than eightfold.
    TrajectoryData o;
    QVERIFY(parseTrajectory(R"({"trajectory": [{"step": 0, "loss": 2, "params": [1, 1]},
                                               {"step": 1, "loss": 8, "params": [-2, 2]},
                                               {"step": 2, "loss": 2e12, "params": [1e6, -1e6]},
                                               {"step": 3, "loss": "inf", "params": ["inf", "nan"]}]})",
                            "t.json", o, error));
    QCOMPARE(o.divergedAt, 3);
    QVERIFY(std::isinf(o.losses.at(3)));
    const LandscapeGrid grid = landscapeAround(o, 5);
    // x in [-2, 1] (size 3, widened by 0.75 each side), not up to 1e6.
    QCOMPARE(grid.x.first(), -2.75);
    QCOMPARE(grid.x.last(), 1.75);
}

namespace widgettest {
std::unique_ptr<QObject> makeDescentTest() { return std::make_unique<DescentTest>(); }
}

#include "test_descent.moc"
