// Generated-code panes: they follow the editor, link lines both ways through the engine's line
// map, and scroll to the selected function.
#include <QDockWidget>
#include <QTest>
#include <Qsci/qsciscintilla.h>

#include "CodeView.h"
#include "CodeViewSet.h"
#include "KernelEditor.h"
#include "MainWindow.h"
#include "RunPanel.h"
#include "ScopeTable.h"
#include "TapeBadges.h"
#include "Engine.h"
#include "EngineScopes.h"
#include "EngineViews.h"
#include "WidgetTestSupport.h"

using namespace lomaw;
using namespace lomaw::gui;

class CodeViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void panesFollowTheEditor();
    void cursorLineLinksGeneratedLines();
    void clickInGeneratedPaneMovesEditor();
    void functionSelectorScrollsPanes();
    void unavailableStageShowsEngineMessage();
    void scopeTableShowsEngineScopes();
    void tapeBadgesShowWhatEachIterationRecords();
    void tapeBadgesSayWhatIsNotRecorded();
    void oneAnalysisParsesTheKernelOnce();
};

namespace {

// 0-based lines of `view` whose text contains `fragment`.
QList<int> linesContaining(CodeView* view, const QString& fragment) {
    QList<int> out;
    for (int k = 0; k < view->textView()->lines(); ++k)
        if (view->textView()->text(k).contains(fragment)) out << k;
    return out;
}

}  // namespace

void CodeViewTest::panesFollowTheEditor() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, "def f(x : In[float]) -> float:\n    return x + 1.0\n"));
    CodeView* c = w.codeViews()->view(Stage::C);
    QVERIFY(c->textView()->text().contains("return x + 1.0f;"));
    // An edit reaches the C pane after the debounce, computed off the UI thread.
    w.editor()->setText("def f(x : In[float]) -> float:\n    return x * 3.0\n");
    QVERIFY(widgettest::waitForAnalysis(w));
    QVERIFY(c->textView()->text().contains("return x * 3.0f;"));
    // A broken kernel keeps the last good text, marked out of date.
    w.editor()->setText("def f(x : In[float]) -> float:\n    return x * \n");
    QVERIFY(widgettest::waitForAnalysis(w));
    QVERIFY(c->textView()->text().contains("return x * 3.0f;"));
    QVERIFY(c->statusText().contains("Out of date"));
}

void CodeViewTest::cursorLineLinksGeneratedLines() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, widgettest::exampleText("polynomial.py")));
    // Kernel line 19 is `x = x - rate * g` inside descend's while loop.
    QCOMPARE(w.editor()->text(18).trimmed(), QString("x = x - rate * g"));
    w.editor()->goTo(19, 9);
    CodeView* c = w.codeViews()->view(Stage::C);
    QList<int> expected;
    for (int k : linesContaining(c, "x = x - rate * g;")) expected << k + 1;
    QCOMPARE(expected.size(), 1);
    QCOMPARE(c->linkedLines(), expected);
    CodeView* diff = w.codeViews()->view(Stage::Diff);
    QVERIFY(!diff->linkedLines().isEmpty());
    for (int line : diff->linkedLines()) QVERIFY(diff->textView()->text(line - 1).contains("x = x - rate * g"));
    // The band marker is on exactly those lines in the pane.
    for (int line : expected) QVERIFY(c->textView()->markersAtLine(line - 1) & (1 << 2));
    // A line that generates nothing (the docstring) clears the band.
    w.editor()->goTo(2, 1);
    QVERIFY(c->linkedLines().isEmpty());
}

void CodeViewTest::clickInGeneratedPaneMovesEditor() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, widgettest::exampleText("polynomial.py")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    CodeView* c = w.codeViews()->view(Stage::C);
    if (QDockWidget* dock = w.dockFor(c)) dock->raise();
    QTest::qWait(50);
    // The loop's `g = dpoly(x);` (8 spaces of indent) comes from kernel line 20.
    int target = -1;
    for (int k : linesContaining(c, "        g = dpoly(x);")) target = k;
    QVERIFY(target >= 0);
    QsciScintilla* text = c->textView();
    text->ensureLineVisible(target);
    QTest::qWait(20);
    const long pos = text->positionFromLineIndex(target, 10);
    const int x = int(text->SendScintilla(QsciScintilla::SCI_POINTXFROMPOSITION, 0UL, pos));
    const int y = int(text->SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0UL, pos));
    w.editor()->goTo(1, 1);
    QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, QPoint(x + 2, y + 4));
    QTRY_COMPARE(w.editor()->cursorLine1(), 20);
    // ... and the band now marks every generated line of kernel line 20 in the pane.
    QVERIFY(c->linkedLines().contains(target + 1));
}

void CodeViewTest::functionSelectorScrollsPanes() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, widgettest::exampleText("polynomial.py")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    CodeView* c = w.codeViews()->view(Stage::C);
    c->textView()->setFirstVisibleLine(0);
    w.runPanel()->selectFunction("descend");
    const int top = c->textView()->firstVisibleLine();
    QVERIFY2(c->textView()->text(top).startsWith("float descend(float x0, float rate, int* steps) {"),
             qPrintable(c->textView()->text(top)));
}

void CodeViewTest::unavailableStageShowsEngineMessage() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, widgettest::exampleText("stencil.py")));
    // Whatever this build's OpenMP and MPI layers can do, a pane shows either the engine's text
    // or the engine's own message, never both and never nothing.
    for (Stage s : {Stage::Omp, Stage::MpiParent, Stage::MpiChild}) {
        CodeView* v = w.codeViews()->view(s);
        const StageText& st = w.lastAnalysis().stages.value(s);
        if (st.ok) {
            QCOMPARE(v->textView()->text(), st.text);
            QVERIFY(v->statusText().isEmpty());
        } else {
            QVERIFY(v->textView()->text().isEmpty());
            QVERIFY(!st.message.isEmpty());
            QCOMPARE(v->statusText(), st.message);
        }
    }
}

void CodeViewTest::scopeTableShowsEngineScopes() {
    MainWindow w;
    const QString text = widgettest::exampleText("stencil.py");
    QVERIFY(widgettest::loadAndAnalyse(w, text));
    ScopeTable* table = w.scopeTable();
    QCOMPARE(table->topLevelItemCount(), 1);
    QTreeWidgetItem* loop = table->topLevelItem(0);
    QCOMPARE(loop->text(0), QString("smooth: for i (line 6)"));
    // Primal scopes from the pragma `shared(u, v) reduction(+:s)` over `for i`: by hand.
    QCOMPARE(loop->childCount(), 4);
    const QStringList names{"i", "u", "v", "s"};
    const QStringList primal{"private", "shared", "shared", "reduction"};
    // Adjoint scopes and reasons: exactly what the engine's facade reports.
    const lomaw::ScopesOutput engine = lomaw::analyseScopes(lomaw::Engine{}, {"stencil.py", text.toStdString()});
    QVERIFY(engine.ok);
    QCOMPARE(int(engine.loops.size()), 1);
    for (int k = 0; k < 4; ++k) {
        QTreeWidgetItem* row = loop->child(k);
        QCOMPARE(row->text(0), names[k]);
        QCOMPARE(row->text(1), primal[k]);
        const lomaw::omp::VariableScope& v = engine.loops[0].variables[size_t(k)];
        QCOMPARE(row->text(2), v.adjoint ? QString(lomaw::omp::scopeName(*v.adjoint)) : QString("—"));
        QCOMPARE(row->text(3), QString::fromStdString(v.why));
        QCOMPARE(row->foreground(1).color(), ScopeTable::scopeColour(primal[k]));
    }
    // The loop gets a badge in the editor margin, and so do its pragmas in the OpenMP pane.
    QVERIFY(w.editor()->hasParallelLoopMarker(6));
    QVERIFY(!w.editor()->hasParallelLoopMarker(5));
    CodeView* omp = w.codeViews()->view(Stage::Omp);
    QVERIFY(!omp->parallelBadgeLines().isEmpty());
    for (int line : omp->parallelBadgeLines()) QVERIFY(omp->textView()->text(line - 1).contains("#pragma omp"));
    // Hover tips on variable names inside the loop.
    QVERIFY(table->tipFor("u", 7).contains("adjoint <span style='color:#dc2626'>atomic</span>"));
    QVERIFY(table->tipFor("u", 5).isEmpty());  // above the loop
    QVERIFY(table->tipFor("n", 7).isEmpty());  // not a variable of the loop
    // Clicking the loop row moves the editor to the loop.
    w.editor()->goTo(1, 1);
    Q_EMIT table->itemClicked(loop, 0);
    QCOMPARE(w.editor()->cursorLine1(), 6);
}

// The tape badges (issue 11, item 5) on a while loop, worked out by hand: line 5 overwrites y,
// and its adjoint needs the old y (d/dy of y * sin(k x[i]) is sin(k x[i]), d/dk is y x[i] cos(...)):
// one float recorded per iteration, 4 bytes. i is read by the adjoint (x[i]) but not recorded:
// i = i + 1 is undone by i = i - 1. Nothing else is overwritten.
void CodeViewTest::tapeBadgesShowWhatEachIterationRecords() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    const QString text =
        "def decay(x : In[Array[float]], k : In[float], n : In[int]) -> float:\n"  // 1
        "    y : float = 1.0\n"                                                     // 2
        "    i : int = 0\n"                                                         // 3
        "    while (i < n, max_iter := 50):\n"                                      // 4
        "        y = y * sin(k * x[i])\n"                                           // 5
        "        i = i + 1\n"                                                       // 6
        "    return y\n"                                                            // 7
        "\n"
        "r_decay = rev_diff(decay)\n";
    QVERIFY(widgettest::loadAndAnalyse(w, text));
    KernelEditor* ed = w.editor();
    QCOMPARE(ed->tapeBadgeText(4), QString("4 B/it"));
    for (int line : {1, 2, 3, 5, 6, 7, 9}) QCOMPARE(ed->tapeBadgeText(line), QString());
    QVERIFY(ed->marginWidth(TapeMargin) > 0);
    // Hover over the margin of line 4: what is recorded, by whom it is read, what is restored.
    const int y = ed->SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0UL, ed->positionFromLineIndex(3, 0));
    const QString tip = ed->hoverTextAt(QPoint(ed->marginWidth(0) + 2, int(y) + 4));
    QVERIFY2(tip.contains("<b>4 bytes per iteration</b>"), qPrintable(tip));
    QVERIFY(tip.contains("in <b>r_decay</b> (reverse of decay)"));
    QVERIFY2(tip.contains("<tr><td><code>y</code> (value)</td><td>4</td><td>5</td><td>5</td></tr>"), qPrintable(tip));
    QVERIFY(!tip.contains("<code>i</code> ("));  // i is not recorded...
    QVERIFY(tip.contains("restores <code>i</code> by <code>i = i - 1</code> (line 6)"));  // ...but restored
    // The Derivatives pane: both loop headers of r_decay (forward sweep, reverse sweep), not the
    // primal's loop.
    CodeView* diff = w.codeViews()->view(Stage::Diff);
    QList<int> badged;
    for (int k = 1; k <= diff->textView()->lines(); ++k)
        if (!diff->tapeBadgeText(k).isEmpty()) badged << k;
    QCOMPARE(badged.size(), 2);
    for (int k : badged) {
        QCOMPARE(diff->tapeBadgeText(k), QString("4 B/it"));
        QVERIFY(diff->textView()->text(k - 1).trimmed().startsWith("while"));
        QCOMPARE(diff->sourceLineOf(k), 4);
    }
    QVERIFY(badged.first() > linesContaining(diff, "def r_decay(").first() + 1);
    w.editor()->goTo(4);
    w.dockFor(diff)->raise();
    diff->textView()->setFirstVisibleLine(std::max(0, badged.first() - 16));
    const QString shot = widgettest::saveScreenshot(&w, "tape_badges");
    QVERIFY(!shot.isEmpty());
}

// Issue 14, item 8: the app's analysis of an edit (every pane, the scopes, the tapes) runs the
// front end once; it ran it once per pane plus once for the scopes before.
// The old values of v that the first loop overwrites are read by no statement the reverse sweep
// runs after undoing it (the adjoint of line 11 runs before): not recorded, and the badge's tip
// says so (docs/ad.md, "Dead tapes").
void CodeViewTest::tapeBadgesSayWhatIsNotRecorded() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    const QString text =
        "def steps(x : In[Array[float]], n : In[int]) -> float:\n"  // 1
        "    u : Array[float, 4]\n"                                  // 2
        "    v : Array[float, 4]\n"                                  // 3
        "    i : int = 0\n"                                          // 4
        "    e : float = 0.0\n"                                      // 5
        "    while (i < n, max_iter := 4):\n"                        // 6
        "        v[i] = x[i]\n"                                      // 7
        "        i = i + 1\n"                                        // 8
        "    i = 0\n"                                                // 9
        "    while (i < n, max_iter := 4):\n"                        // 10
        "        u[i] = v[i] * v[i]\n"                               // 11
        "        i = i + 1\n"                                        // 12
        "    i = 0\n"                                                // 13
        "    while (i < n, max_iter := 4):\n"                        // 14
        "        e = e + u[i]\n"                                     // 15
        "        i = i + 1\n"                                        // 16
        "    return e\n"                                             // 17
        "\n"
        "r_steps = rev_diff(steps)\n";
    QVERIFY(widgettest::loadAndAnalyse(w, text));
    KernelEditor* ed = w.editor();
    QCOMPARE(ed->tapeBadgeText(6), QString("0 B/it"));
    const int y = ed->SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0UL, ed->positionFromLineIndex(5, 0));
    const QString tip = ed->hoverTextAt(QPoint(ed->marginWidth(0) + 2, int(y) + 4));
    QVERIFY2(tip.contains("records nothing per iteration"), qPrintable(tip));
    QVERIFY2(tip.contains("does not record <code>v</code> (line 7): nothing reads its old value after the line is undone"),
             qPrintable(tip));
}

void CodeViewTest::oneAnalysisParsesTheKernelOnce() {
    AnalysisRequest request;
    request.path = "stencil.py";
    request.text = widgettest::exampleText("stencil.py");
    request.stages = {Stage::Diff, Stage::C, Stage::Omp, Stage::MpiParent, Stage::MpiChild};
    request.mpiFunction = "smooth";
    const unsigned long long before = lomaw::frontEndRuns();
    const AnalysisResult result = analyseKernel(request);
    QCOMPARE(lomaw::frontEndRuns() - before, 1ull);
    QVERIFY(result.ok);
    for (Stage s : request.stages) QVERIFY2(result.stages.value(s).ok, qPrintable(stageTitle(s)));
    QCOMPARE(result.scopes.size(), 1);
    QCOMPARE(int(result.tapes.derivatives.size()), 1);
    QVERIFY(result.stages.value(Stage::Omp).text.contains("/* OpenMP scopes of the parallel loop at line 6"));
}

namespace widgettest {
std::unique_ptr<QObject> makeCodeViewTest() { return std::make_unique<CodeViewTest>(); }
}

#include "test_codeview.moc"
