// Sessions: a file's run settings, argument values, trajectory and timings come back when it is
// reopened (in this window and after a restart), nothing of one file's runs stays when another
// is opened, and an exported session opens the kernel and its runs in a fresh window.
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QPlainTextEdit>

#include "KernelEditor.h"
#include "MainWindow.h"
#include "PlotPanel.h"
#include "ResultsView.h"
#include "RunPanel.h"
#include "SessionStore.h"
#include "TimingPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw;
using namespace lomaw::gui;

class SessionTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sessionJsonRoundTrip();
    void perFileSessionsAndNoLeftovers();
    void exportedSessionOpensKernelAndRuns();
    void badSessionFileIsAnError();

private:
    QString writeKernel(const QString& name, const QString& text);
    QTemporaryDir dir_;
};

namespace {

const QString kScale = "def scale(x : In[float], n : In[int]) -> float:\n    return x * int2float(n)\n";
const QString kOther = "def other(y : In[float]) -> float:\n    return y + 1.0\n";

QJsonArray argsOf(RunPanel* run) { return QJsonDocument::fromJson(("{\"a\":" + run->argumentsJson() + "}").toUtf8()).object()["a"].toArray(); }

TrajectoryData threeSteps() {
    TrajectoryData t;
    t.parameterNames = {"a", "b"};
    t.steps = {0, 1, 2};
    t.losses = {8, 2.5, 1};
    t.parameters = {{2, 1}, {1.5, 0.5}, {1, 0.25}};
    return t;
}

TimingPoint onePoint() {
    TimingPoint p;
    p.kind = "mpirun";
    p.workers = 2;
    p.sets = 64;
    p.compute = 1.5;
    p.total = 2.25;
    return p;
}

}  // namespace

void SessionTest::initTestCase() {
    QVERIFY(dir_.isValid());
    qputenv("LOMAW_SESSION_DIR", dir_.filePath("sessions").toUtf8());
}

QString SessionTest::writeKernel(const QString& name, const QString& text) {
    const QString path = dir_.filePath(name);
    return widgettest::writeTextFile(path, text) ? path : QString();
}

void SessionTest::sessionJsonRoundTrip() {
    Session s;
    s.kernelName = "k.py";
    s.kernelText = kScale;
    s.run = QJsonObject{{"mode", "single"}};
    s.function = "scale";
    s.arguments = {"2.5", "4"};
    s.trajectory = threeSteps();
    s.trajectory.gridX = {0, 1};
    s.trajectory.gridY = {0, 1, 2};
    s.trajectory.gridLoss = {{1, 2}, {3, 4}, {5, 6}};
    s.timings = {onePoint()};
    Session back;
    QString error;
    QVERIFY2(sessionFromJson(sessionToJson(s), back, error), qPrintable(error));
    QCOMPARE(back.kernelText, kScale);
    QCOMPARE(back.arguments, s.arguments);
    QCOMPARE(back.trajectory.parameters, s.trajectory.parameters);
    QCOMPARE(back.trajectory.gridLoss, s.trajectory.gridLoss);
    QCOMPARE(back.trajectory.parameterNames, s.trajectory.parameterNames);
    QCOMPARE(back.timings.size(), 1);
    QCOMPARE(back.timings[0].total, 2.25);
    QCOMPARE(back.timings[0].sets, 64);
}

void SessionTest::perFileSessionsAndNoLeftovers() {
    const QString a = writeKernel("scale.py", kScale);
    const QString b = writeKernel("other.py", kOther);
    {
        MainWindow w;
        w.resize(1350, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(a));
        QVERIFY(widgettest::waitForAnalysis(w));
        RunPanel* run = w.runPanel();
        run->selectFunction("scale");
        run->setArgumentValues({"2.5", "4"});
        // A real run: its result must not outlive the file.
        QSignalSpy done(run, &RunPanel::runFinished);
        run->run();
        QVERIFY(done.wait(60000));
        QCOMPARE(run->results()->topLevelItem(0)->text(1), QString("10"));
        w.plotPanel()->setData(threeSteps());
        w.timingPanel()->addPoint(onePoint());

        // Another file: no result, plot, timing or log of the first one.
        QVERIFY(w.openFile(b));
        QVERIFY(widgettest::waitForAnalysis(w));
        QCOMPARE(run->results()->topLevelItemCount(), 0);
        QVERIFY(run->log()->toPlainText().isEmpty());
        QVERIFY(w.plotPanel()->data().empty());
        QVERIFY(w.timingPanel()->points().isEmpty());
        QCOMPARE(run->selectedFunction(), QString("other"));

        // Back to the first: its arguments, plot and timings return.
        QVERIFY(w.openFile(a));
        QVERIFY(widgettest::waitForAnalysis(w));
        QCOMPARE(run->selectedFunction(), QString("scale"));
        QCOMPARE(argsOf(run), (QJsonArray{2.5, 4}));
        QCOMPARE(w.plotPanel()->data().steps.size(), 3);
        QCOMPARE(w.timingPanel()->points().size(), 1);
        w.close();
    }
    // After a restart as well.
    MainWindow w2;
    QVERIFY(w2.openFile(a));
    QVERIFY(widgettest::waitForAnalysis(w2));
    QCOMPARE(argsOf(w2.runPanel()), (QJsonArray{2.5, 4}));
    QCOMPARE(w2.plotPanel()->data().losses, (QVector<double>{8, 2.5, 1}));
    QCOMPARE(w2.timingPanel()->points().size(), 1);
}

void SessionTest::exportedSessionOpensKernelAndRuns() {
    const QString a = writeKernel("scale2.py", kScale);
    const QString exported = dir_.filePath("handout/lab1.session.json");
    QDir().mkpath(dir_.filePath("handout"));
    {
        MainWindow w;
        QVERIFY(w.openFile(a));
        QVERIFY(widgettest::waitForAnalysis(w));
        w.runPanel()->selectFunction("scale");
        w.runPanel()->setArgumentValues({"1.5", "3"});
        w.timingPanel()->addPoint(onePoint());
        QVERIFY(w.exportSession(exported));
    }
    // A student's fresh window (no per-file session for that path): the kernel as an unsaved
    // buffer of its name, its function, arguments and timings.
    MainWindow s;
    QVERIFY(s.openSession(exported));
    QVERIFY(widgettest::waitForAnalysis(s));
    QCOMPARE(s.editor()->text(), kScale);
    QVERIFY(s.windowTitle().startsWith("scale2.py"));
    QVERIFY(s.isModified());
    QCOMPARE(s.runPanel()->selectedFunction(), QString("scale"));
    QCOMPARE(argsOf(s.runPanel()), (QJsonArray{1.5, 3}));
    QCOMPARE(s.timingPanel()->points().size(), 1);
    // Beside the kernel file (same text), the session opens that file.
    const QString beside = dir_.filePath("scale2.session.json");
    QVERIFY(QFile::copy(exported, beside));
    MainWindow t;
    QVERIFY(t.openSession(beside));
    QVERIFY(widgettest::waitForAnalysis(t));
    QCOMPARE(t.filePath(), QFileInfo(a).absoluteFilePath());
    QVERIFY(!t.isModified());
}

void SessionTest::badSessionFileIsAnError() {
    Session s;
    QString error;
    const QString notJson = writeKernel("bad.json", "{ nope");
    QVERIFY(!readSessionFile(notJson, s, &error));
    QVERIFY2(error.startsWith("bad.json: not JSON"), qPrintable(error));
    const QString other = writeKernel("other.json", "{\"x\": 1}");
    QVERIFY(!readSessionFile(other, s, &error));
    QCOMPARE(error, QString("other.json: not a lomaworks session (no \"lomaworksSession\" field)"));
}

namespace widgettest {
std::unique_ptr<QObject> makeSessionTest() { return std::make_unique<SessionTest>(); }
}

#include "test_session.moc"
