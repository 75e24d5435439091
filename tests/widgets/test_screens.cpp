// Screenshots of the whole window at 1366x768 and 1920x1080 (the default layout from a first
// start), the diff view, hover linking with colours by source, and presentation zoom; written to
// LOMAW_SCREENSHOT_DIR for docs/screenshots. Each checks the state it shows.
#include <QDockWidget>
#include <QScrollArea>
#include <QSettings>
#include <QTest>
#include <Qsci/qsciscintilla.h>

#include "CodeView.h"
#include "CodeViewSet.h"
#include "DiffView.h"
#include "KernelEditor.h"
#include "MainWindow.h"
#include "PresentationZoom.h"
#include "RunPanel.h"
#include "ScopeTable.h"
#include "WidgetTestSupport.h"

using namespace lomaw;
using namespace lomaw::gui;

class ScreenSizeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void main1366x768();
    void runButtonsVisibleAt1366x768();
    void main1920x1080();
    void diffForwardReverse();
    void coloursAndHover();
    void presentationZoom();
};

namespace {
void showAt(MainWindow& w, int width, int height) {
    w.setGeometry(0, 0, width, height);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.resetLayout();
    QTest::qWait(80);
}
}  // namespace

void ScreenSizeTest::init() {
    QSettings().remove("windowState");
    QSettings().remove("geometry");
    QSettings().setValue("theme", "light");
    QSettings().setValue("colourLines", false);
    QSettings().setValue("zoom", 0);
}

void ScreenSizeTest::main1366x768() {
    MainWindow w;
    showAt(w, 1366, 768);
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/stencil.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    w.dockFor(w.codeViews()->view(Stage::Omp))->raise();
    w.dockFor(w.scopeTable())->raise();
    w.editor()->goTo(7, 9);
    QTest::qWait(80);
    QVERIFY(!w.codeViews()->view(Stage::Omp)->linkedLines().isEmpty());
    QVERIFY(!widgettest::saveScreenshot(&w, "main_1366x768").isEmpty());
}

// The Run dock at 1366x768 with a kernel of several parameters: the argument table and the
// options scroll, Run, Cancel and the progress bar stay in the visible part of the dock.
void ScreenSizeTest::runButtonsVisibleAt1366x768() {
    MainWindow w;
    showAt(w, 1366, 768);
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/particles.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    QDockWidget* dock = w.dockFor(w.runPanel());
    dock->raise();
    QTest::qWait(80);
    QVERIFY(dock->isVisible());
    auto* outer = qobject_cast<QScrollArea*>(w.runPanel()->parentWidget()->parentWidget());
    QVERIFY(outer);  // the dock's own scroll area (MainWindowLayout.cpp)
    for (const char* name : {"runButton", "cancelButton", "runProgress"}) {
        auto* widget = w.runPanel()->findChild<QWidget*>(name);
        QVERIFY(widget && widget->isVisible());
        const QRect inDock(widget->mapTo(dock, QPoint(0, 0)), widget->size());
        const QRect inViewport(widget->mapTo(outer->viewport(), QPoint(0, 0)), widget->size());
        QVERIFY2(dock->rect().contains(inDock) && outer->viewport()->rect().contains(inViewport),
                 qPrintable(QString("%1 at %2,%3 %4x%5; dock %6x%7").arg(name).arg(inDock.x()).arg(inDock.y())
                                .arg(inDock.width()).arg(inDock.height()).arg(dock->width()).arg(dock->height())));
    }
    // The inputs above them scroll inside the panel (the table and Mode are in view).
    auto* inputs = w.runPanel()->findChild<QScrollArea*>("runInputsScroll");
    QVERIFY(inputs && inputs->isVisible());
    QVERIFY(!widgettest::saveScreenshot(&w, "run_dock_1366x768").isEmpty());
}

void ScreenSizeTest::main1920x1080() {
    MainWindow w;
    showAt(w, 1920, 1080);
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/polynomial.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    w.editor()->goTo(19, 9);
    QTest::qWait(80);
    // Tall enough for the MPI panes' own split.
    QVERIFY(w.codeViews()->view(Stage::C)->isVisible() && w.codeViews()->view(Stage::MpiParent)->isVisible());
    QVERIFY(!widgettest::saveScreenshot(&w, "main_1920x1080").isEmpty());
}

void ScreenSizeTest::diffForwardReverse() {
    MainWindow w;
    showAt(w, 1366, 768);
    w.dockFor(w.diffView())->raise();
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/stencil.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    QVERIFY(QTest::qWaitFor([&] { return w.lastAnalysis().ompVariants.size() == 2; }, 20000));
    QVERIFY(widgettest::waitForAnalysis(w));
    QVERIFY(w.diffView()->applyPreset("OpenMP C: all adjoints atomic vs reduction"));
    // Scroll to the first difference.
    for (const DiffRow& r : w.diffView()->rows())
        if (r.kind == DiffRow::Changed) {
            w.diffView()->leftPane()->setFirstVisibleLine(std::max(0, int(&r - w.diffView()->rows().data()) - 4));
            break;
        }
    QTest::qWait(80);
    QVERIFY(w.diffView()->stats().changed > 0);
    // The panes scroll together.
    QVERIFY(w.diffView()->leftPane()->firstVisibleLine() > 0);
    QCOMPARE(w.diffView()->rightPane()->firstVisibleLine(), w.diffView()->leftPane()->firstVisibleLine());
    QVERIFY(!widgettest::saveScreenshot(&w, "diff_1366x768").isEmpty());
}

void ScreenSizeTest::coloursAndHover() {
    MainWindow w;
    showAt(w, 1366, 768);
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/polynomial.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    w.setSourceColouring(true);
    w.editor()->setHoverLine(19);
    w.codeViews()->setHoverSourceLine(19);
    QTest::qWait(80);
    QVERIFY(!w.codeViews()->view(Stage::C)->hoverLines().isEmpty());
    QVERIFY(!widgettest::saveScreenshot(&w, "colours_hover_1366x768").isEmpty());
    w.setSourceColouring(false);
}

void ScreenSizeTest::presentationZoom() {
    MainWindow w;
    showAt(w, 1920, 1080);
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/polynomial.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    w.zoom()->setStep(6);
    w.editor()->goTo(19, 9);
    QTest::qWait(80);
    QCOMPARE(int(w.editor()->SendScintilla(QsciScintillaBase::SCI_GETZOOM)), 6);
    QVERIFY(!widgettest::saveScreenshot(&w, "zoom_1920x1080").isEmpty());
    w.zoom()->reset();
}

namespace widgettest {
std::unique_ptr<QObject> makeScreenSizeTest() { return std::make_unique<ScreenSizeTest>(); }
}

#include "test_screens.moc"
