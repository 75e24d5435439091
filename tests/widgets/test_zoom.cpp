// One presentation zoom: Ctrl+= (no shift), Ctrl++, the keypad's plus, Ctrl+- and Ctrl+0 reach
// the window from the editor (QScintilla's own zoom keys taken away, nothing typed), and one
// step resizes the editor, every code pane, the tables and the plots' fonts; F11 full screen.
#include <QDockWidget>
#include <QHeaderView>
#include <QTest>
#include <Qsci/qsciscintilla.h>
#include <qcustomplot.h>

#include "CodeView.h"
#include "CodeViewSet.h"
#include "DiffView.h"
#include "KernelEditor.h"
#include "MainWindow.h"
#include "PresentationZoom.h"
#include "ProblemsView.h"
#include "TimingPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw;
using namespace lomaw::gui;

class ZoomTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keysZoomEverything();
    void ctrlWheelZoomsEverything();
    void resetBringsHeadersBack();
    void fullScreenToggles();
};

namespace {
int sciZoom(QsciScintilla* v) { return int(v->SendScintilla(QsciScintillaBase::SCI_GETZOOM)); }
}

void ZoomTest::keysZoomEverything() {
    MainWindow w;
    w.resize(1350, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(widgettest::loadAndAnalyse(w, "def f(x : In[float]) -> float:\n    return x\n"));
    w.zoom()->reset();
    KernelEditor* ed = w.editor();
    ed->setFocus();
    const QString text = ed->text();
    const double tableBase = w.problems()->font().pointSizeF();
    QCustomPlot* plot = w.timingPanel()->setsPlot();
    const double tickBase = plot->xAxis->tickLabelFont().pointSizeF();

    // Ctrl+= without shift: zoom in, and no '=' typed.
    QTest::keyClick(ed, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(w.zoom()->step(), 1);
    QCOMPARE(ed->text(), text);
    // Ctrl++ (shifted =), then the keypad's plus.
    QTest::keyClick(ed, Qt::Key_Plus, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(w.zoom()->step(), 2);
    QTest::keyClick(ed, Qt::Key_Plus, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(w.zoom()->step(), 3);
    QCOMPARE(ed->text(), text);
    // Everything follows the one step.
    QCOMPARE(sciZoom(ed), 3);
    for (CodeView* v : w.codeViews()->views()) QCOMPARE(sciZoom(v->textView()), 3);
    QCOMPARE(sciZoom(w.diffView()->leftPane()), 3);
    QCOMPARE(w.problems()->font().pointSizeF(), tableBase + 3);
    QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), tickBase + 3);
    // Zoomed, the dark theme keeps its dark paper (a style sheet change repaints QScintilla
    // in the palette's colours unless the theme is applied again).
    w.setTheme(ThemeKind::Dark);
    QTest::keyClick(ed, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(QColor(int(ed->SendScintilla(QsciScintillaBase::SCI_STYLEGETBACK, 0UL)) & 0xffffff).name(), QColor("#221f1e").name());
    QTest::keyClick(ed, Qt::Key_Minus, Qt::ControlModifier);
    w.setTheme(ThemeKind::Light);
    // Ctrl+- and keypad minus, then Ctrl+0.
    QTest::keyClick(ed, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(ed, Qt::Key_Minus, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(w.zoom()->step(), 1);
    QTest::keyClick(ed, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(w.zoom()->step(), 0);
    QCOMPARE(sciZoom(ed), 0);
    QCOMPARE(w.problems()->font().pointSizeF(), tableBase);
    QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), tickBase);
    QCOMPARE(ed->text(), text);
    // From a code pane as well.
    w.codeViews()->view(Stage::C)->textView()->setFocus();
    QTest::keyClick(w.codeViews()->view(Stage::C)->textView(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(w.zoom()->step(), 1);
    w.zoom()->reset();
}

void ZoomTest::ctrlWheelZoomsEverything() {
    MainWindow w;
    w.resize(1350, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.zoom()->reset();
    QsciScintilla* c = w.codeViews()->view(Stage::C)->textView();
    QWheelEvent wheel(QPointF(50, 50), c->viewport()->mapToGlobal(QPointF(50, 50)), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(c->viewport(), &wheel);
    QCOMPARE(w.zoom()->step(), 1);
    QCOMPARE(sciZoom(w.editor()), 1);
    w.zoom()->reset();
}

// Ctrl+0 after zooming in: the Problems header went back to its small sections but kept painting
// its labels at the zoomed size (the root's style sheet was removed rather than reset).
void ZoomTest::resetBringsHeadersBack() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QHeaderView* header = w.problems()->header();
    const double base = header->viewport()->font().pointSizeF();
    w.zoom()->setStep(6);
    QCOMPARE(header->viewport()->font().pointSizeF(), base + 6);
    w.zoom()->reset();
    QCOMPARE(header->font().pointSizeF(), base);
    QCOMPARE(header->viewport()->font().pointSizeF(), base);
}

void ZoomTest::fullScreenToggles() {
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.editor()->setFocus();
    QTest::keyClick(w.editor(), Qt::Key_F11);
    QVERIFY(QTest::qWaitFor([&] { return w.isFullScreen(); }, 2000));
    QVERIFY(w.action("actionFullScreen")->isChecked());
    QTest::keyClick(w.editor(), Qt::Key_F11);
    QVERIFY(QTest::qWaitFor([&] { return !w.isFullScreen(); }, 2000));
}

namespace widgettest {
std::unique_ptr<QObject> makeZoomTest() { return std::make_unique<ZoomTest>(); }
}

#include "test_zoom.moc"
