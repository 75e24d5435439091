// Hover: a diagnostic over its squiggle and over its margin marker (a real tool-tip event), a
// parallel loop's badge explaining its scopes in the editor and in the OpenMP pane, hover
// linking both ways (a mouse move over a generated line lights up its kernel line and the other
// panes' lines of it; a move over a kernel line lights up its generated lines), and View >
// Colour lines by source giving a kernel line the same colour in every pane.
#include <QDockWidget>
#include <QHelpEvent>
#include <QTest>
#include <QToolTip>
#include <Qsci/qsciscintilla.h>

#include "CodeView.h"
#include "CodeViewSet.h"
#include "KernelEditor.h"
#include "LineLinkMarkers.h"
#include "MainWindow.h"
#include "WidgetTestSupport.h"

using namespace lomaw;
using namespace lomaw::gui;

class HoverTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void diagnosticOnSquiggleAndMarker();
    void scopeBadgesExplainThemselves();
    void hoverLinksBothWays();
    void colourLinesBySource();
};

namespace {

// The viewport point of 0-based line/character index (middle of the character's height).
QPoint pointAt(QsciScintilla* v, int line, int index) {
    const long pos = v->positionFromLineIndex(line, index);
    const int x = int(v->SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0UL, pos));
    const int y = int(v->SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0UL, pos));
    // The right half of the character: the user's pointer is anywhere on it.
    const int next = int(v->SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0UL, pos + 1));
    return QPoint(x + std::max(1, (next - x) * 3 / 4), y + int(v->SendScintilla(QsciScintillaBase::SCI_TEXTHEIGHT, 0UL)) / 2);
}

QString tooltipAt(QWidget* viewport, const QPoint& p) {
    QHelpEvent help(QEvent::ToolTip, p, viewport->mapToGlobal(p));
    QApplication::sendEvent(viewport, &help);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

}  // namespace

void HoverTest::diagnosticOnSquiggleAndMarker() {
    MainWindow w;
    QVERIFY(widgettest::showWindowAt(w, 1350, 720));
    QVERIFY(widgettest::loadAndAnalyse(w, "def f(a : In[int]) -> int:\n    b : int = 1\n    return a + c\n"));
    KernelEditor* ed = w.editor();
    QVERIFY(ed->hasErrorMarker(3));
    // Over the squiggled `c` (line 3, index 15): the message, the code and the position.
    const QString onWord = tooltipAt(ed->viewport(), pointAt(ed, 2, 15));
    QVERIFY2(onWord.contains("undeclared") && onWord.contains("'c'") && onWord.contains("3:16"), qPrintable(onWord));
    // Over plain text of another line: no diagnostic.
    QVERIFY(!ed->hoverTextAt(pointAt(ed, 1, 5)).contains("undeclared"));
    // Over the marker margin of line 3.
    const QPoint margin(ed->marginWidth(0) + 4, pointAt(ed, 2, 0).y());
    const QString onMarker = tooltipAt(ed->viewport(), margin);
    QVERIFY2(onMarker.contains("undeclared") && onMarker.contains("'c'"), qPrintable(onMarker));
    QToolTip::hideText();
}

void HoverTest::scopeBadgesExplainThemselves() {
    MainWindow w;
    QVERIFY(widgettest::showWindowAt(w, 1350, 720));
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/stencil.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    KernelEditor* ed = w.editor();
    int loopLine = 0;
    for (int k = 1; k <= ed->lines(); ++k)
        if (ed->hasParallelLoopMarker(k)) loopLine = k;
    QVERIFY(loopLine > 0);
    const QString tip = ed->hoverTextAt(QPoint(ed->marginWidth(0) + 4, pointAt(ed, loopLine - 1, 0).y()));
    QVERIFY2(tip.contains("Parallel loop") && tip.contains("<code>u</code>") && tip.contains("shared"), qPrintable(tip));
    // The OpenMP pane's badge on the pragma says the same.
    w.dockFor(w.codeViews()->view(Stage::Omp))->raise();
    CodeView* omp = w.codeViews()->view(Stage::Omp);
    QVERIFY(!omp->parallelBadgeLines().isEmpty());
    const int pragma = omp->parallelBadgeLines().first();
    const QString paneTip = omp->hoverTextAt(QPoint(6, pointAt(omp->textView(), pragma - 1, 0).y()));
    QVERIFY2(paneTip.contains("Parallel loop") && paneTip.contains("adjoint"), qPrintable(paneTip));
}

void HoverTest::hoverLinksBothWays() {
    MainWindow w;
    QVERIFY(widgettest::showWindowAt(w, 1350, 720));
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/polynomial.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    w.dockFor(w.codeViews()->view(Stage::C))->raise();
    CodeView* c = w.codeViews()->view(Stage::C);
    QsciScintilla* cv = c->textView();
    // The C line of kernel line 19 (`x = x - rate * g`).
    int generated = -1;
    for (int k = 0; k < cv->lines(); ++k)
        if (cv->text(k).contains("x = x - rate * g;")) generated = k;
    QVERIFY(generated >= 0);
    cv->setFirstVisibleLine(std::max(0, generated - 3));
    QTest::mouseMove(cv->viewport(), pointAt(cv, generated, 4));
    QVERIFY(QTest::qWaitFor([&] { return w.editor()->hoverLine() == 19; }, 2000));
    QVERIFY(w.editor()->markersAtLine(18) & (1 << KernelEditor::HoverBandMarker));
    // The derivatives pane lights up its lines of kernel line 19 too.
    CodeView* diff = w.codeViews()->view(Stage::Diff);
    QVERIFY(!diff->hoverLines().isEmpty());
    for (int line : diff->hoverLines()) QVERIFY(diff->textView()->text(line - 1).contains("x = x - rate * g"));
    // Editor -> panes: hovering kernel line 19 bands the C line.
    w.editor()->setFirstVisibleLine(10);
    QTest::mouseMove(w.editor()->viewport(), pointAt(w.editor(), 18, 8));
    QVERIFY(QTest::qWaitFor([&] { return c->hoverLines() == QList<int>{generated + 1}; }, 2000));
    QVERIFY(cv->markersAtLine(generated) & (1 << linkmarkers::HoverBand));
}

void HoverTest::colourLinesBySource() {
    MainWindow w;
    QVERIFY(widgettest::showWindowAt(w, 1350, 720));
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/polynomial.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    QAction* colours = w.action("actionColourLines");
    QVERIFY(colours);
    colours->trigger();
    QVERIFY(w.sourceColouring());
    CodeView* c = w.codeViews()->view(Stage::C);
    // Every generated line with a source line has that line's colour, and so has the kernel line.
    int checked = 0;
    for (int k = 1; k <= c->textView()->lines(); ++k) {
        const int source = c->sourceLineOf(k);
        if (source <= 0) {
            QCOMPARE(sourceColourIndexAt(c->textView(), k - 1), -1);
            continue;
        }
        QCOMPARE(sourceColourIndexAt(c->textView(), k - 1), source % linkmarkers::SourceColours);
        QCOMPARE(sourceColourIndexAt(w.editor(), source - 1), source % linkmarkers::SourceColours);
        ++checked;
    }
    QVERIFY(checked > 10);
    // Neighbouring kernel lines differ.
    QVERIFY(sourceLineColour(18) != sourceLineColour(19));
    colours->trigger();
    QVERIFY(!w.sourceColouring());
    QCOMPARE(sourceColourIndexAt(w.editor(), 18), -1);
}

namespace widgettest {
std::unique_ptr<QObject> makeHoverTest() { return std::make_unique<HoverTest>(); }
}

#include "test_hover.moc"
