// Screenshots of the main views, written to the build folder (LOMAW_SCREENSHOT_DIR) for a human
// to look at and for the README. Each also checks the state it shows.
#include <QDockWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include "CodeViewSet.h"
#include "KernelEditor.h"
#include "MainWindow.h"
#include "ProblemsView.h"
#include "ResultsView.h"
#include "RunPanel.h"
#include "ScopeTable.h"
#include "CodeView.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class ScreenshotTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void mainWindowLight();
    void mainWindowDarkWithDiagnostics();
    void runPanelAfterRun();
    void scopesAndOpenMpPane();
};

namespace {
}  // namespace

void ScreenshotTest::init() {
    // Each screenshot starts from the default layout, not one a previous test left.
    QSettings().remove("windowState");
    QSettings().remove("geometry");
    QSettings().setValue("theme", "light");
}

void ScreenshotTest::mainWindowLight() {
    MainWindow w;
    QVERIFY(widgettest::showWindowAt(w, 1400, 860));
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/polynomial.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    w.editor()->goTo(19, 9);
    QTest::qWait(50);
    QVERIFY(!widgettest::saveScreenshot(&w, "main_light").isEmpty());
}

void ScreenshotTest::mainWindowDarkWithDiagnostics() {
    MainWindow w;
    QVERIFY(widgettest::showWindowAt(w, 1400, 860));
    w.setTheme(ThemeKind::Dark);
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/stencil.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    w.editor()->setCursorPosition(6, w.editor()->lineLength(6) - 1);
    QTest::keyClicks(w.editor(), " + w");
    QVERIFY(widgettest::waitForAnalysis(w));
    QCOMPARE(w.problems()->errorCount(), 1);
    QTest::qWait(50);
    QVERIFY(!widgettest::saveScreenshot(&w, "main_dark_diagnostics").isEmpty());
    w.setTheme(ThemeKind::Light);
}

void ScreenshotTest::runPanelAfterRun() {
    MainWindow w;
    QVERIFY(widgettest::showWindowAt(w, 1400, 860));
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/particles.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    RunPanel* run = w.runPanel();
    w.dockFor(run)->raise();
    run->selectFunction("kinetic");
    run->setArgumentValues({R"({"pos": [0, 0, 0], "vel": [1, 2, 2], "mass": 2.0})"});
    QSignalSpy done(run, &RunPanel::runFinished);
    run->run();
    QVERIFY(done.wait(60000));
    QCOMPARE(run->results()->topLevelItem(0)->text(1), QString("9"));  // 0.5 * 2 * (1 + 4 + 4)
    QTest::qWait(50);
    QVERIFY(!widgettest::saveScreenshot(&w, "main_run").isEmpty());
}

void ScreenshotTest::scopesAndOpenMpPane() {
    MainWindow w;
    QVERIFY(widgettest::showWindowAt(w, 1400, 860));
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/stencil.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    w.dockFor(w.scopeTable())->raise();
    w.dockFor(w.codeViews()->view(lomaw::Stage::Omp))->raise();
    w.editor()->goTo(7, 9);
    QTest::qWait(50);
    QVERIFY(w.scopeTable()->topLevelItemCount() >= 1);
    QVERIFY(!widgettest::saveScreenshot(&w, "main_scopes").isEmpty());
}

namespace widgettest {
std::unique_ptr<QObject> makeScreenshotTest() { return std::make_unique<ScreenshotTest>(); }
}

#include "test_screenshots.moc"
