// The run panel's ready demos and messages: rows prefilled from `# RUN:` lines, descent settings
// from `# DESCEND:`, the line-fit example's data file and settings from its documented command,
// descent offering only functions returning float (and saying so when there are none), a clear
// message for a function MPI optimize cannot use, a click on the landscape setting the start, the
// settings round trip, per-node timing bars, a descent through the real `lomaw descend`, and a
// two-parameter descent's landscape on a machine without Open MPI.
#include <QComboBox>
#include <QDir>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <cmath>
#include <qcustomplot.h>

#include "DescentControls.h"
#include "MainWindow.h"
#include "PlotPanel.h"
#include "RunPanel.h"
#include "RunPanelDirectives.h"
#include "TimingPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class DemoTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void directivesAreRead();
    void rowsComeFromRunLines();
    void descentSettingsComeFromTheDirective();
    void severalDescendLinesAreChoosable();
    void gradientFunctionsFitTheContract();
    void descentOffersOnlyFloatFunctions();
    void optimizeExplainsAFunctionItCannotUse();
    void lineFitPreselectsItsDataFile();
    void clickOnTheLandscapeSetsTheStart();
    void settingsRoundTrip();
    void perNodeTimingBars();
    void descentThroughTheCli();
    void landscapeWithoutOpenMpi();

private:
    std::unique_ptr<MainWindow> window_;
    bool open(const QString& example);
    bool openText(const QString& text);
    void setMode(int index);
    // A descent of `function` from `args` in the open file with lr, steps and grid size, no overlay;
    // true when the run finished within 2 minutes.
    bool descend(const QString& function, const QStringList& args, double lr, int steps, int landscapeSize);
};

namespace {

RunPanel* panelOf(MainWindow& w) { return w.runPanel(); }

QStringList rows(RunPanel* run) {
    QStringList out;
    auto* table = run->findChild<QTableWidget*>("runParameters");
    for (int r = 0; r < table->rowCount(); ++r) out << table->item(r, 2)->text();
    return out;
}

QStringList functionChoices(RunPanel* run) {
    QStringList out;
    auto* box = run->findChild<QComboBox*>("runFunction");
    for (int i = 0; i < box->count(); ++i) out << box->itemData(i).toString();
    return out;
}

}  // namespace

void DemoTest::initTestCase() {
    QSettings().remove("windowState");
    window_ = std::make_unique<MainWindow>();
    window_->resize(1366, 768);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
}

bool DemoTest::open(const QString& example) {
    return window_->openFile(QString(LOMAW_EXAMPLES) + "/" + example) && widgettest::waitForAnalysis(*window_);
}

bool DemoTest::openText(const QString& text) { return widgettest::loadAndAnalyse(*window_, text); }

void DemoTest::setMode(int index) { panelOf(*window_)->findChild<QComboBox*>("runMode")->setCurrentIndex(index); }

bool DemoTest::descend(const QString& function, const QStringList& args, double lr, int steps, int landscapeSize) {
    RunPanel* run = panelOf(*window_);
    DescentSettings d;
    d.learningRate = lr;
    d.steps = steps;
    d.landscapeSize = landscapeSize;
    d.overlay = false;
    run->setDescent(true, d);
    run->selectFunction(function);
    run->setArgumentValues(args);
    window_->plotPanel()->setAnimationIntervalMs(2);
    QSignalSpy done(run, &RunPanel::runFinished);
    run->run();
    return done.wait(120000);
}

void DemoTest::directivesAreRead() {
    const QString text = "# RUN: saxpy --threads 3 [2.0, [1, 2, 3], {\"a\": [1, 2]}]\n"
                         "# DESCEND: poly --init [0.5] --lr 0.02 --steps 30 --optimizer momentum --grad fd\n"
                         "#   lomaw optimize examples/x.py fit --init '[0.0, 1.5]' \\\n"
                         "#       --data examples/x_data.json --steps 200 --lr 0.5 --average --workers 3\n";
    const QList<RunDirective> run = runDirectives(text);
    QCOMPARE(run.size(), 1);
    QCOMPARE(run.first().function, QString("saxpy"));
    QCOMPARE(run.first().threads, 3);
    QCOMPARE(*splitArgumentList(run.first().argsJson), (QStringList{"2.0", "[1, 2, 3]", "{\"a\": [1, 2]}"}));
    const QList<DescendDirective> descend = descendDirectives(text);
    QCOMPARE(descend.size(), 1);
    QCOMPARE(descend.first().initJson, QString("[0.5]"));
    QCOMPARE(descend.first().settings.learningRate, 0.02);
    QCOMPARE(descend.first().settings.steps, 30);
    QCOMPARE(descend.first().settings.optimizer, QString("momentum"));
    QCOMPARE(descend.first().settings.gradient, QString("fd"));
    const QList<OptimizeDirective> optimize = optimizeDirectives(text);
    QCOMPARE(optimize.size(), 1);
    QCOMPARE(optimize.first().function, QString("fit"));
    QCOMPARE(optimize.first().settings.init, QString("[0.0, 1.5]"));
    QCOMPARE(optimize.first().settings.dataFile, QString("examples/x_data.json"));
    QCOMPARE(optimize.first().settings.steps, 200);
    QVERIFY(optimize.first().settings.average);
    QCOMPARE(optimize.first().settings.workers, 3);
    QVERIFY(!splitArgumentList("[1, [2"));
    QCOMPARE(*splitArgumentList("[]"), QStringList());
}

void DemoTest::rowsComeFromRunLines() {
    setMode(0);
    QVERIFY(open("poly_descent.py"));
    RunPanel* run = panelOf(*window_);
    run->selectFunction("descend_rev");
    QCOMPARE(rows(run), (QStringList{"5.0", "0.05", "200"}));  // # RUN: descend_rev [5.0, 0.05, 200]
    run->selectFunction("slope_fwd");
    QCOMPARE(rows(run), QStringList{"2.0"});
    run->selectFunction("d_poly");
    QCOMPARE(rows(run), QStringList{"{\"val\": 2.0, \"dval\": 1.0}"});
    QVERIFY(open("saxpy_simd.py"));
    run->selectFunction("saxpy");
    QCOMPARE(rows(run), (QStringList{"2.0", "[1, 2, 3]", "[10, 20, 30]"}));
}

void DemoTest::descentSettingsComeFromTheDirective() {
    setMode(0);
    QVERIFY(openText("def bowl(x : In[float], y : In[float]) -> float:\n    return x * x + 4.0 * y * y\n\n"
                     "def spare(x : In[float]) -> float:\n    return x\n\n"
                     "# RUN: bowl [1.0, 1.0]\n"
                     "# DESCEND: bowl --init [2.0, 1.0] --lr 0.02 --steps 30 --optimizer momentum\n"));
    RunPanel* run = panelOf(*window_);
    QCOMPARE(rows(run), (QStringList{"1.0", "1.0"}));  // a single call: the RUN line
    setMode(3);
    QCOMPARE(run->selectedFunction(), QString("bowl"));
    QCOMPARE(rows(run), (QStringList{"2.0", "1.0"}));
    const DescentSettings s = run->descentSettings();
    QCOMPARE(s.learningRate, 0.02);
    QCOMPARE(s.steps, 30);
    QCOMPARE(s.optimizer, QString("momentum"));
    QCOMPARE(s.gradient, QString("rev"));
    QVERIFY2(run->statusText().contains("Descent of bowl over 2 parameters (x, y)"), qPrintable(run->statusText()));
    setMode(0);
}

void DemoTest::severalDescendLinesAreChoosable() {
    setMode(0);
    QVERIFY(open("rosenbrock.py"));  // four DESCEND lines: bowl twice, rosenbrock twice
    RunPanel* run = panelOf(*window_);
    setMode(3);
    auto* demo = run->findChild<QComboBox*>("descentDemo");
    QVERIFY(demo);
    QCOMPARE(demo->count(), 4);
    QVERIFY(demo->isVisibleTo(run));
    QCOMPARE(demo->itemText(3), QString("rosenbrock --init [-1.2, 1.0] --optimizer momentum --lr 0.0005 --momentum 0.9 --steps 2000"));
    QCOMPARE(demo->currentIndex(), 0);  // the first line of the preselected function
    QCOMPARE(run->selectedFunction(), QString("bowl"));
    QCOMPARE(run->descentSettings().learningRate, 0.1);

    Q_EMIT demo->activated(3);  // another function: selected, with that line's start and settings
    QCOMPARE(run->selectedFunction(), QString("rosenbrock"));
    QCOMPARE(rows(run), (QStringList{"-1.2", "1.0"}));
    DescentSettings s = run->descentSettings();
    QCOMPARE(s.optimizer, QString("momentum"));
    QCOMPARE(s.learningRate, 0.0005);
    QCOMPARE(s.steps, 2000);
    QCOMPARE(demo->currentIndex(), 3);

    Q_EMIT demo->activated(1);  // the second bowl line (the diverging rate), not the first
    QCOMPARE(run->selectedFunction(), QString("bowl"));
    QCOMPARE(rows(run), (QStringList{"3.0", "1.0"}));
    QCOMPARE(run->descentSettings().learningRate, 0.55);
    QCOMPARE(run->descentSettings().optimizer, QString("plain"));
    QCOMPARE(demo->currentIndex(), 1);

    Q_EMIT demo->activated(2);  // same file, Adam on rosenbrock
    QCOMPARE(run->selectedFunction(), QString("rosenbrock"));
    QCOMPARE(run->descentSettings().optimizer, QString("adam"));
    QCOMPARE(run->descentSettings().learningRate, 0.05);

    // One DESCEND line: nothing to choose, no chooser.
    QVERIFY(openText("def bowl(x : In[float]) -> float:\n    return x * x\n\n# DESCEND: bowl --init [2.0] --lr 0.2\n"));
    QCOMPARE(demo->count(), 1);
    QVERIFY(!demo->isVisibleTo(run));
    QCOMPARE(run->descentSettings().learningRate, 0.2);
    setMode(0);
}

void DemoTest::gradientFunctionsFitTheContract() {
    setMode(0);
    // g_appended and g_reverse fit f's two contract forms, d_f is rev_diff(f); helper takes one
    // float and g_wrong returns a value: neither is a gradient of f.
    QVERIFY(openText("def f(x : In[float], y : In[float]) -> float:\n    return x * x + 3.0 * y\n\n"
                     "def helper(x : In[float]) -> float:\n    return x\n\n"
                     "def g_appended(x : In[float], y : In[float], gx : Out[float], gy : Out[float]):\n"
                     "    gx = 2.0 * x\n    gy = 3.0\n\n"
                     "def g_reverse(x : In[float], dx : Out[float], y : In[float], dy : Out[float], dr : In[float]):\n"
                     "    dx = 2.0 * x * dr\n    dy = 3.0 * dr\n\n"
                     "def g_wrong(x : In[float], y : In[float], gx : Out[float], gy : Out[float]) -> float:\n"
                     "    return 0.0\n\n"
                     "d_f = rev_diff(f)\n"));
    RunPanel* run = panelOf(*window_);
    setMode(3);
    run->selectFunction("f");
    auto* gradient = run->findChild<QComboBox*>("descentGradient");
    QStringList offered;
    for (int i = 3; i < gradient->count(); ++i) offered << gradient->itemData(i).toString();
    offered.sort();
    QCOMPARE(offered, (QStringList{"d_f", "g_appended", "g_reverse"}));
    QVERIFY2(gradient->toolTip().contains("the functions that can be the gradient of f (") &&
                 gradient->toolTip().contains("like rev_diff(f)") && gradient->toolTip().contains("not offered"),
             qPrintable(gradient->toolTip()));
    // helper(x): no function of the module fits its contract; the tool tip says so and why.
    run->selectFunction("helper");
    QCOMPARE(gradient->count(), 3);  // reverse, forward, finite differences
    QVERIFY2(gradient->toolTip().contains("No function of this module can be the gradient of helper") &&
                 gradient->toolTip().contains("(x : In[float], _dx : Out[float]"),
             qPrintable(gradient->toolTip()));
    setMode(0);
}

void DemoTest::descentOffersOnlyFloatFunctions() {
    setMode(0);
    QVERIFY(open("poly_descent.py"));
    RunPanel* run = panelOf(*window_);
    setMode(3);
    // r_poly returns nothing and d_poly a Diff[float]: not offered.
    const QStringList offered = functionChoices(run);
    QVERIFY2(offered.contains("poly") && offered.contains("slope_rev") && !offered.contains("r_poly") &&
                 !offered.contains("d_poly"),
             qPrintable(offered.join(", ")));
    setMode(0);
    QVERIFY(openText("def count(n : In[int]) -> int:\n    return n + 1\n"));
    setMode(3);
    QVERIFY(functionChoices(run).isEmpty());
    QCOMPARE(run->statusText(), QString("Descent needs a function that returns float: none of this file's functions does."));
    QVERIFY(!run->findChild<QPushButton*>("runButton")->isEnabled());
    setMode(0);
    QVERIFY(run->findChild<QPushButton*>("runButton")->isEnabled());
}

void DemoTest::optimizeExplainsAFunctionItCannotUse() {
    setMode(0);
    QVERIFY(open("poly_descent.py"));
    RunPanel* run = panelOf(*window_);
    run->selectFunction("poly");
    setMode(2);
    QVERIFY2(run->statusText().startsWith("poly cannot be optimised over MPI: MPI optimize needs a loss-gradient function "
                                          "f(params : In[Array[float]], data..., grad : Out[Array[float]]) -> float"),
             qPrintable(run->statusText()));
    QVERIFY(run->statusText().endsWith("use Mode ▸ Descent."));
    QVERIFY(!run->findChild<QPushButton*>("runButton")->isEnabled());
    setMode(0);
}

void DemoTest::lineFitPreselectsItsDataFile() {
    setMode(0);
    QVERIFY(open("mpi_line_fit.py"));
    RunPanel* run = panelOf(*window_);
    // A single call starts from the file's RUN line, not zeros.
    QCOMPARE(rows(run), (QStringList{"[1.0, 0.0]", "[1.0, 2.0]", "[3.0, 1.0]", "2", "[0.0, 0.0]"}));
    setMode(2);
    const QJsonObject o = run->settings().value("optimize").toObject();
    QCOMPARE(QFileInfo(o.value("dataFile").toString()).fileName(), QString("mpi_line_fit_data.json"));
    QVERIFY(QFileInfo::exists(o.value("dataFile").toString()));
    QCOMPARE(o.value("init").toString(), QString("[0.0, 0.0]"));
    QCOMPARE(o.value("steps").toInt(), 200);
    QCOMPARE(o.value("learningRate").toDouble(), 0.5);
    QVERIFY(o.value("average").toBool());
    QVERIFY(run->statusText().isEmpty());  // line_loss_grad fits the contract
    QVERIFY(run->findChild<QPushButton*>("runButton")->isEnabled());
    setMode(0);
}

void DemoTest::clickOnTheLandscapeSetsTheStart() {
    setMode(0);
    QVERIFY(openText("def bowl(p : In[Array[float]], n : In[int]) -> float:\n    return p[0] * p[0] + 4.0 * p[1] * p[1]\n\n"
                     "# RUN: bowl [[1.0, 1.0], 2]\n"));
    RunPanel* run = panelOf(*window_);
    setMode(3);
    run->setRunOnPick(false);
    run->setStartFromPlot(0, 2.5, 1, -0.75);
    QCOMPARE(rows(run), (QStringList{"[2.5,-0.75]", "2"}));
    // A real click on the landscape plot (no drag) asks for that start.
    PlotPanel* plots = window_->plotPanel();
    TrajectoryData t;
    t.parameterNames = {"p[0]", "p[1]"};
    t.steps = {0, 1};
    t.losses = {5, 1};
    t.parameters = {{1, 1}, {0.5, 0.2}};
    plots->setAnimateNewData(false);
    plots->setData(t);
    if (QDockWidget* d = window_->dockFor(plots)) {
        d->show();
        d->raise();
    }
    QCustomPlot* land = plots->landscapePlot();
    land->replot();
    QTest::qWait(50);
    QSignalSpy picked(plots, &PlotPanel::startPicked);
    const QPoint at(int(land->xAxis->coordToPixel(0.75)), int(land->yAxis->coordToPixel(0.5)));
    QTest::mouseClick(land, Qt::LeftButton, Qt::NoModifier, at);
    QCOMPARE(picked.count(), 1);
    QVERIFY(std::abs(picked.first().at(1).toDouble() - 0.75) < 0.02);
    QVERIFY(std::abs(picked.first().at(3).toDouble() - 0.5) < 0.02);
    const QJsonArray p = QJsonDocument::fromJson(("[" + rows(run).first() + "]").toUtf8()).array().first().toArray();
    QVERIFY(std::abs(p.at(0).toDouble() - 0.75) < 0.02);
    run->setRunOnPick(true);
    setMode(0);
}

void DemoTest::settingsRoundTrip() {
    setMode(0);
    QVERIFY(open("poly_descent.py"));
    RunPanel* run = panelOf(*window_);
    DescentSettings d;
    d.gradient = "fwd";
    d.optimizer = "adam";
    d.learningRate = 0.3;
    d.steps = 77;
    d.overlay = false;
    run->setDescent(true, d);
    run->selectFunction("poly");
    run->setArgumentValues({"4.5"});
    run->setHostfile("/tmp/hosts.txt");
    const QJsonObject saved = run->settings();
    QCOMPARE(saved.value("mode").toString(), QString("descent"));
    QCOMPARE(saved.value("arguments").toArray(), QJsonArray{"4.5"});
    RunPanel other;
    QList<FunctionInfo> functions = window_->lastAnalysis().functions;
    other.setFunctions(functions);
    other.applySettings(saved);
    QCOMPARE(other.settings(), saved);
    QCOMPARE(other.descentSettings().optimizer, QString("adam"));
    QCOMPARE(other.hostfile(), QString("/tmp/hosts.txt"));
    // Restored before the kernel's analysis: the function and its rows follow when it arrives.
    RunPanel early;
    early.applySettings(saved);
    QVERIFY(early.selectedFunction().isEmpty());
    early.setFunctions(functions);
    QCOMPARE(early.selectedFunction(), QString("poly"));
    QCOMPARE(early.argumentsJson(), QString("[4.5]"));
    run->setHostfile(QString());
    setMode(0);
}

void DemoTest::perNodeTimingBars() {
    TimingPoint p;
    QString error;
    QVERIFY(parseTimingsJson(R"({"build": 0.1, "launch": 0.2, "distribute": 0, "compute": 1.5, "collect": 0, "total": 2,
        "ranks": [{"rank": 0, "host": "a", "role": "driver", "compute": 0, "items": 0},
                  {"rank": 1, "host": "a", "role": "worker", "compute": 1.25, "items": 50},
                  {"rank": 2, "host": "b", "role": "worker", "compute": 1.5, "items": 50},
                  {"rank": 3, "host": "b", "role": "worker", "compute": 1.0, "items": 40}],
        "hosts": [{"host": "a", "workers": 1}, {"host": "b", "workers": 2}]})",
                             p, error));
    QCOMPARE(p.ranks.size(), 4);
    QCOMPARE(p.ranks.at(2).host, QString("b"));
    QCOMPARE(p.ranks.at(3).items, qint64(40));
    TimingPanel panel;
    panel.resize(1200, 600);
    TimingPoint plain;
    QVERIFY(parseTimingsJson(R"({"total": 1, "compute": 0.5})", plain, error));  // no ranks: tolerated
    QVERIFY(plain.ranks.isEmpty());
    panel.addPoint(plain);
    QVERIFY(!panel.nodesPlot()->isVisibleTo(&panel));
    panel.addPoint(p);
    QVERIFY(panel.nodesPlot()->isVisibleTo(&panel));
    // One bar set per host, the worker ranks' compute times (the driver left out).
    QCustomPlot* nodes = panel.nodesPlot();
    QCOMPARE(nodes->plottableCount(), 2);
    auto* a = qobject_cast<QCPBars*>(nodes->plottable(0));
    auto* b = qobject_cast<QCPBars*>(nodes->plottable(1));
    QCOMPARE(a->name(), QString("a"));
    QCOMPARE(a->dataCount(), 1);
    QCOMPARE(a->data()->at(0)->value, 1.25);
    QCOMPARE(b->dataCount(), 2);
    QCOMPARE(b->data()->at(0)->value, 1.5);
    QCOMPARE(b->data()->at(1)->value, 1.0);
    QVERIFY(!widgettest::saveScreenshot(&panel, "timing_nodes").isEmpty());
}

void DemoTest::descentThroughTheCli() {
    QProcess help;
    help.start(CliRunner::locateCli(), {"descend", "--help"});
    if (!help.waitForFinished(10000) || help.exitCode() != 0) QSKIP("this lomaw has no descend command yet");
    setMode(0);
    QVERIFY(open("poly_descent.py"));
    RunPanel* run = panelOf(*window_);
    QVERIFY(descend("poly", {"5.0"}, 0.05, 30, 21));
    PlotPanel* plots = window_->plotPanel();
    // p(x) = x^3 - 6x^2 + 9x + 1 from 5 with lr 0.05 goes to the minimum x = 3 (p = 1).
    const TrajectoryData& t = plots->data();
    QCOMPARE(t.steps.size(), 31);
    QCOMPARE(t.parameters.first(), QVector<double>{5});
    QVERIFY2(std::abs(t.parameters.last().first() - 3) < 0.05, qPrintable(QString::number(t.parameters.last().first())));
    QVERIFY(std::abs(t.losses.last() - 1) < 0.01);
    // The curve p(x) sampled through the CLI, checked against the polynomial.
    QVERIFY(t.hasCurve());
    for (int i = 0; i < t.curveX.size(); i += 20) {
        const double x = t.curveX[i];
        QVERIFY(std::abs(t.curveLoss[i] - (x * x * x - 6 * x * x + 9 * x + 1)) < 1e-3 * std::max(1.0, std::abs(t.curveLoss[i])));
    }
    if (plots->animating()) QVERIFY(QSignalSpy(plots, &PlotPanel::animationFinished).wait(10000));
    QVERIFY(!widgettest::saveScreenshot(window_.get(), "main_descent").isEmpty());
    // Too large a step: divergence, in the panel's status line and on the plot.
    DescentSettings d;
    d.learningRate = 0.5;
    d.steps = 30;
    d.landscapeSize = 21;
    d.overlay = true;
    run->setDescent(true, d);
    QSignalSpy again(run, &RunPanel::runFinished);
    run->run();
    QVERIFY(again.wait(120000));
    QVERIFY2(run->statusText().contains("diverged at step"), qPrintable(run->statusText()));
    QVERIFY(plots->data().diverged());
    QCOMPARE(plots->earlierRuns().size(), 1);
    if (plots->animating()) QVERIFY(QSignalSpy(plots, &PlotPanel::animationFinished).wait(10000));
    QCOMPARE(plots->lossDivergenceGraph()->dataCount(), 1);
    QVERIFY(!widgettest::saveScreenshot(window_.get(), "main_descent_diverged").isEmpty());
    setMode(0);
}

// A student's laptop without Open MPI: PATH holds every program of this machine except Open MPI's
// (and LOMAW_MPIRUN is unset), so `lomaw mpirun` cannot run. A local descent of two parameters
// still shows its landscape: it is sampled through `lomaw run --batch`, one process, no MPI.
void DemoTest::landscapeWithoutOpenMpi() {
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    for (const QString& dir : qEnvironmentVariable("PATH").split(':', Qt::SkipEmptyParts))
        for (const QFileInfo& f : QDir(dir).entryInfoList(QDir::Files | QDir::System)) {
            const QString name = f.fileName();
            const bool openMpi = name.startsWith("mpi") || name.startsWith("orte") || name.startsWith("ompi") ||
                                 name.startsWith("opal");
            if (!openMpi) QFile::link(f.absoluteFilePath(), bin.filePath(name));  // the first on PATH wins
        }
    const QByteArray path = qgetenv("PATH"), mpirun = qgetenv("LOMAW_MPIRUN");
    qputenv("PATH", bin.path().toUtf8());
    qunsetenv("LOMAW_MPIRUN");
    const auto restore = qScopeGuard([&] {
        qputenv("PATH", path);
        if (!mpirun.isEmpty()) qputenv("LOMAW_MPIRUN", mpirun);
    });
    QVERIFY(QStandardPaths::findExecutable("mpirun").isEmpty());
    QVERIFY(!QStandardPaths::findExecutable("cc").isEmpty());
    setMode(0);
    QVERIFY(openText("def tilted(x : In[float], y : In[float]) -> float:\n"
                     "    return (x - 1.0) * (x - 1.0) + 3.0 * (y + 0.5) * (y + 0.5) + 0.5 * x * y\n"));
    QVERIFY(descend("tilted", {"3.0", "1.0"}, 0.1, 20, 11));
    PlotPanel* plots = window_->plotPanel();
    const TrajectoryData& t = plots->data();
    QCOMPARE(t.steps.size(), 21);
    QVERIFY2(t.hasLandscape(), "no landscape without mpirun");
    QCOMPARE(t.gridX.size(), 11);
    QCOMPARE(t.gridY.size(), 11);
    auto tilted = [](double x, double y) { return (x - 1) * (x - 1) + 3 * (y + 0.5) * (y + 0.5) + 0.5 * x * y; };
    for (auto [i, j] : {std::pair{0, 0}, {10, 10}, {7, 5}, {2, 9}}) {
        // The grid points are sent as JSON numbers and computed in float32.
        const double want = tilted(float(t.gridX[i]), float(t.gridY[j]));
        QVERIFY2(std::abs(t.gridLoss[j][i] - want) < 1e-5 * std::max(1.0, std::abs(want)),
                 qPrintable(QString("(%1, %2): %3, want %4").arg(t.gridX[i]).arg(t.gridY[j]).arg(t.gridLoss[j][i]).arg(want)));
    }
    // The window holds the whole trajectory: from (3, 1) towards the minimum.
    QVERIFY(t.gridX.first() <= 3 && t.gridX.last() >= 3 && t.gridY.first() <= 1 && t.gridY.last() >= 1);
    if (plots->animating()) QVERIFY(QSignalSpy(plots, &PlotPanel::animationFinished).wait(10000));
    setMode(0);
}

namespace widgettest {
std::unique_ptr<QObject> makeDemoTest() { return std::make_unique<DemoTest>(); }
}

#include "test_demos.moc"
