// Runs through the real `lomaw` binary in a child process: results, a failing kernel that leaves
// the app up, and Cancel killing the whole process group.
#include <QCheckBox>
#include <QFile>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include "CliRunner.h"
#include "MainWindow.h"
#include "ResultsView.h"
#include "RunPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class RunTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parameterRowsFollowSignature();
    void runShowsResults();
    void failingKernelReportsAndAppStaysUp();
    void cancelKillsTheProcessGroup();
    void mpiBatchShowsEverySet();
    void openMpThreadsReachThePragmaLoop();
    void checkBoundsReachesTheCommandLine();
    void checkBoundsReachesTheDescentLandscape();
};

namespace {

QTreeWidgetItem* findTop(QTreeWidget* tree, const QString& name) {
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0) == name) return tree->topLevelItem(i);
    return nullptr;
}

}  // namespace

void RunTest::parameterRowsFollowSignature() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, widgettest::exampleText("particles.py")));
    // kinetic(p : In[Particle]) with Particle = {pos: Array[float, 3], vel: Array[float, 3], mass: float}:
    // its documented call (# RUN: kinetic [...]) prefills the row, as written.
    w.runPanel()->selectFunction("kinetic");
    QCOMPARE(w.runPanel()->argumentsJson(), QString(R"([{"pos": [0, 0, 0], "vel": [1, 2, 2], "mass": 2.0}])"));
    // Without a RUN line, zeros of the struct's shape.
    QVERIFY(widgettest::loadAndAnalyse(w, "class Particle:\n    pos : Array[float, 3]\n    vel : Array[float, 3]\n"
                                          "    mass : float\n\ndef kinetic(p : In[Particle]) -> float:\n    return p.mass\n"));
    w.runPanel()->selectFunction("kinetic");
    QCOMPARE(w.runPanel()->argumentsJson(),
             QString(R"([{"pos": [0.0, 0.0, 0.0], "vel": [0.0, 0.0, 0.0], "mass": 0.0}])"));
}

void RunTest::runShowsResults() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w,
        "def sumsq(a : In[Array[float]], n : In[int], total : Out[float]) -> int:\n"
        "    s : float = 0.0\n"
        "    for i in range(n):\n"
        "        s = s + a[i] * a[i]\n"
        "    total = s\n"
        "    return n\n"));
    RunPanel* run = w.runPanel();
    run->selectFunction("sumsq");
    QCOMPARE(run->argumentsJson(), QString("[[0.0], 0, 0.0]"));
    run->setArgumentValues({"[1, 2, 3]", "3", "0"});
    QSignalSpy done(run, &RunPanel::runFinished);
    run->run();
    QVERIFY(done.wait(60000));
    const auto result = done.first().first().value<RunResult>();
    QCOMPARE(int(result.status), int(RunResult::Status::Ok));
    // 1 + 4 + 9 = 14 in `total`; the function returns n = 3; `a` is shown after the call.
    QTreeWidgetItem* ret = findTop(run->results(), "return");
    QVERIFY(ret);
    QCOMPARE(ret->text(1), QString("3"));
    QTreeWidgetItem* total = findTop(run->results(), "total");
    QVERIFY(total);
    QCOMPARE(total->text(1), QString("14"));
    QCOMPARE(total->text(2), QString("Out[float]"));
    QTreeWidgetItem* a = findTop(run->results(), "a");
    QVERIFY(a);
    QCOMPARE(a->childCount(), 3);
    QCOMPARE(a->child(2)->text(1), QString("3"));
    QVERIFY(run->log()->toPlainText().contains("finished in"));
}

// The "OpenMP threads" box sets the thread count of pragma loops (lomaw --omp-threads). A float
// reduction whose result depends on the split shows it: [1e8, 1, -1e8, 1] sums to 1 in one
// thread (1e8 + 1 rounds to 1e8) and to 0 in two (partial sums 1e8 and -1e8).
void RunTest::openMpThreadsReachThePragmaLoop() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w,
        "def total(x : In[Array[float]], n : In[int]) -> float:\n"
        "    s : float\n"
        "    #pragma omp parallel for reduction(+:s)\n"
        "    for i in range(n):\n"
        "        s = s + x[i]\n"
        "    return s\n"));
    RunPanel* run = w.runPanel();
    run->selectFunction("total");
    run->setArgumentValues({"[1e8, 1, -1e8, 1]", "4"});
    for (const auto& [threads, expected] : {std::pair{1, QString("1")}, std::pair{2, QString("0")}}) {
        run->setOmpThreads(threads);
        QSignalSpy done(run, &RunPanel::runFinished);
        run->run();
        QVERIFY(done.wait(60000));
        QCOMPARE(int(done.first().first().value<RunResult>().status), int(RunResult::Status::Ok));
        QVERIFY(run->runner()->lastArguments().contains("--omp-threads"));
        QTreeWidgetItem* ret = findTop(run->results(), "return");
        QVERIFY(ret);
        QCOMPARE(ret->text(1), expected);
    }
}

// The "Check bounds" box adds --check-bounds: a[5] of a 3-element list is then the runtime error
// of docs/language.md §10.6 at the index (line 2, column 14), and the box is kept in settings().
void RunTest::checkBoundsReachesTheCommandLine() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, "def pick(a : In[Array[float]], i : In[int]) -> float:\n    return a[i]\n"));
    RunPanel* run = w.runPanel();
    run->selectFunction("pick");
    run->setArgumentValues({"[1, 2, 3]", "5"});
    auto* box = run->findChild<QCheckBox*>("checkBounds");
    QVERIFY(box);
    QVERIFY(!box->isChecked());
    box->setChecked(true);
    QSignalSpy done(run, &RunPanel::runFinished);
    run->run();
    QVERIFY(done.wait(60000));
    const auto result = done.first().first().value<RunResult>();
    QVERIFY(run->runner()->lastArguments().contains("--check-bounds"));
    QCOMPARE(int(result.status), int(RunResult::Status::RuntimeError));
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.errors.contains("lomaw: runtime error: index 5 out of bounds for 'a' (size 3) at "), qPrintable(result.errors));
    QVERIFY2(result.errors.trimmed().endsWith(":2:14"), qPrintable(result.errors));
    QCOMPARE(run->settings().value("checkBounds").toBool(), true);

    QJsonObject off = run->settings();
    off["checkBounds"] = false;
    run->applySettings(off);
    QVERIFY(!box->isChecked());
    run->setArgumentValues({"[1, 2, 3]", "2"});
    run->run();
    QVERIFY(done.wait(60000));
    QVERIFY(!run->runner()->lastArguments().contains("--check-bounds"));
    QCOMPARE(findTop(run->results(), "return")->text(1), QString("3"));
}

// A descent with the box checked: `lomaw descend` and the landscape evaluated after it (`lomaw
// run --batch`) both get --check-bounds.
void RunTest::checkBoundsReachesTheDescentLandscape() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, "def bowl(x : In[float]) -> float:\n    return x * x\n"));
    RunPanel* run = w.runPanel();
    DescentSettings d;
    d.learningRate = 0.1;
    d.steps = 3;
    d.landscapeSize = 5;
    d.overlay = false;
    run->setDescent(true, d);
    run->selectFunction("bowl");
    run->setArgumentValues({"1.0"});
    run->findChild<QCheckBox*>("checkBounds")->setChecked(true);
    QStringList commands;
    connect(run->runner(), &CliRunner::started, this, [&](const QString& cmd) { commands << cmd; });
    QSignalSpy done(run, &RunPanel::runFinished);
    run->run();
    QVERIFY(done.wait(120000));
    QCOMPARE(commands.size(), 2);
    QVERIFY2(commands[0].contains(" descend "), qPrintable(commands[0]));
    QVERIFY2(commands[1].contains(" --batch "), qPrintable(commands[1]));
    for (const QString& cmd : commands) QVERIFY2(cmd.endsWith(" --check-bounds"), qPrintable(cmd));
}

void RunTest::failingKernelReportsAndAppStaysUp() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, "def quot(a : In[int], b : In[int]) -> int:\n    return a / b\n"));
    RunPanel* run = w.runPanel();
    run->selectFunction("quot");
    run->setArgumentValues({"7", "0"});
    QSignalSpy done(run, &RunPanel::runFinished);
    run->run();
    QVERIFY(done.wait(60000));
    const auto result = done.first().first().value<RunResult>();
    QCOMPARE(int(result.status), int(RunResult::Status::RuntimeError));
    QCOMPARE(result.exitCode, 3);
    QVERIFY(run->results()->topLevelItem(0)->text(0).contains("failed at run time"));
    // Still alive: the next run works.
    run->setArgumentValues({"7", "2"});
    run->run();
    QVERIFY(done.wait(60000));
    QCOMPARE(findTop(run->results(), "return")->text(1), QString("3"));
}

void RunTest::cancelKillsTheProcessGroup() {
    MainWindow w;
    // 1e10 float additions: minutes of work, so only Cancel can end it.
    QVERIFY(widgettest::loadAndAnalyse(w,
        "def spin(n : In[int]) -> float:\n"
        "    s : float = 0.0\n"
        "    for i in range(n):\n"
        "        for j in range(n):\n"
        "            s = s + 1.0\n"
        "    return s\n"));
    RunPanel* run = w.runPanel();
    run->selectFunction("spin");
    run->setArgumentValues({"100000"});
    QSignalSpy done(run, &RunPanel::runFinished);
    run->run();
    QVERIFY(run->runner()->running());
    const pid_t pgid = pid_t(run->runner()->processId());
    QVERIFY(pgid > 0);
    // Let lomaw build the kernel and start its call child, then cancel.
    QVERIFY(QTest::qWaitFor([&] { return widgettest::liveProcessesInGroup(pgid) >= 2; }, 30000));
    QTest::qWait(300);
    run->cancel();
    QVERIFY(done.wait(10000));
    const auto result = done.first().first().value<RunResult>();
    QCOMPARE(int(result.status), int(RunResult::Status::Cancelled));
    QVERIFY(!run->runner()->running());
    QVERIFY(QTest::qWaitFor([&] { return widgettest::liveProcessesInGroup(pgid) == 0; }, 5000));
    QVERIFY(run->results()->topLevelItem(0)->text(0).startsWith("cancelled"));
}

void RunTest::mpiBatchShowsEverySet() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, "def cube(x : In[float]) -> float:\n    return x * x * x\n"));
    RunPanel* run = w.runPanel();
    run->selectFunction("cube");
    QTemporaryDir dir;
    QFile batch(dir.filePath("b.json"));
    QVERIFY(batch.open(QIODevice::WriteOnly));
    batch.write("[[1.0], [2.0], [-3.0]]");
    batch.close();
    run->setBatchFile(dir.filePath("b.json"));
    run->setMpiBatch(true, 2);
    QSignalSpy done(run, &RunPanel::runFinished);
    run->run();
    QVERIFY(done.wait(90000));
    const auto result = done.first().first().value<RunResult>();
    QVERIFY2(result.status == RunResult::Status::Ok, qPrintable(result.errors));
    QVERIFY(run->runner()->lastArguments().contains("mpirun"));
    // 1, 8, -27: one row per input set, in input order.
    QCOMPARE(run->results()->topLevelItemCount(), 3);
    QCOMPARE(run->results()->topLevelItem(0)->text(1), QString("1"));
    QCOMPARE(run->results()->topLevelItem(1)->text(1), QString("8"));
    QCOMPARE(run->results()->topLevelItem(2)->text(1), QString("-27"));
    QVERIFY(result.timingsJson.contains("\"total\""));
}

namespace widgettest {
std::unique_ptr<QObject> makeRunTest() { return std::make_unique<RunTest>(); }
}

#include "test_run.moc"
