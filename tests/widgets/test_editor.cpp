// The kernel editor: diagnostics while typing (problems list, margin marker, squiggle),
// colouring, Python-style auto-indent.
#include <QTest>

#include "KernelCompletions.h"
#include "KernelEditor.h"
#include "LomaLexer.h"
#include "MainWindow.h"
#include "ProblemsView.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class EditorTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void typingBrokenKernelShowsDiagnostic();
    void clickingProblemMovesEditor();
    void lexerColoursKernelTokens();
    void newLineAfterColonIndents();
    void completionOffersModuleNames();
};

namespace {
const QString kGood = "def twice(x : In[float]) -> float:\n"
                      "    return x * 2.0\n";
}

void EditorTest::typingBrokenKernelShowsDiagnostic() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, kGood));
    QCOMPARE(w.problems()->topLevelItemCount(), 0);

    // Type " + y" at the end of line 2, key by key, as a user would.
    KernelEditor* ed = w.editor();
    ed->setCursorPosition(1, ed->lineLength(1) - 1);
    QTest::keyClicks(ed, " + y");
    QCOMPARE(ed->text(1), QString("    return x * 2.0 + y\n"));
    QVERIFY(widgettest::waitForAnalysis(w));

    // `y` is column 22 of line 2: "    return x * 2.0 + " has 21 characters.
    QCOMPARE(w.problems()->topLevelItemCount(), 1);
    QTreeWidgetItem* item = w.problems()->topLevelItem(0);
    QCOMPARE(item->text(1), QString("2:22"));
    QCOMPARE(item->text(3), QString("undeclared-variable"));
    QVERIFY(item->text(2).contains("'y'"));
    QVERIFY(ed->hasErrorMarker(2));
    QVERIFY(!ed->hasErrorMarker(1));
    QCOMPARE(ed->errorIndicatorStart(2), 21);

    // Fixing it clears the marker again.
    QTest::keyClick(ed, Qt::Key_Backspace);
    QTest::keyClicks(ed, "x");
    QVERIFY(widgettest::waitForAnalysis(w));
    QCOMPARE(w.problems()->topLevelItemCount(), 0);
    QVERIFY(!ed->hasErrorMarker(2));
}

void EditorTest::clickingProblemMovesEditor() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, "def f(a : In[int]) -> int:\n    b : int = 1\n    return a + c\n"));
    QCOMPARE(w.problems()->topLevelItemCount(), 1);
    w.editor()->setCursorPosition(0, 0);
    QTreeWidgetItem* item = w.problems()->topLevelItem(0);
    const QRect rect = w.problems()->visualItemRect(item);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::mouseClick(w.problems()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(w.editor()->cursorLine1(), 3);
}

void EditorTest::lexerColoursKernelTokens() {
    KernelEditor ed;
    ed.setText("@simd\ndef k(x : In[Array[float]]):\n    #pragma omp parallel for\n    y : float = sin(1.5) # c\n");
    ed.SendScintilla(QsciScintilla::SCI_COLOURISE, 0UL, -1L);
    auto styleAt = [&](int line, int index) {
        const long pos = ed.positionFromLineIndex(line, index);
        return int(ed.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, static_cast<unsigned long>(pos)));
    };
    QCOMPARE(styleAt(0, 1), int(LomaLexer::Decorator));
    QCOMPARE(styleAt(1, 0), int(LomaLexer::Keyword));       // def
    QCOMPARE(styleAt(1, 4), int(LomaLexer::FunctionName));  // k
    QCOMPARE(styleAt(1, 10), int(LomaLexer::Qualifier));    // In
    QCOMPARE(styleAt(1, 13), int(LomaLexer::TypeName));     // Array
    QCOMPARE(styleAt(2, 6), int(LomaLexer::Pragma));
    QCOMPARE(styleAt(3, 16), int(LomaLexer::Intrinsic));    // sin
    QCOMPARE(styleAt(3, 20), int(LomaLexer::Number));       // 1.5
    QCOMPARE(styleAt(3, 25), int(LomaLexer::Comment));
}

void EditorTest::newLineAfterColonIndents() {
    KernelEditor ed;
    ed.setText("def f(x : In[float]) -> float:");
    ed.setCursorPosition(0, ed.lineLength(0));
    QTest::keyClick(&ed, Qt::Key_Return);
    QTest::keyClicks(&ed, "return x");
    QCOMPARE(ed.text(1), QString("    return x"));
}

void EditorTest::completionOffersModuleNames() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, widgettest::exampleText("particles.py")));
    auto* apis = w.editor()->findChild<KernelCompletions*>();
    QVERIFY(apis);
    QStringList list;
    apis->updateAutoCompletionList({"ki"}, list);
    QCOMPARE(list, QStringList{"kinetic"});
    list.clear();
    apis->updateAutoCompletionList({"sq"}, list);
    QCOMPARE(list, QStringList{"sqrt"});
    list.clear();
    apis->updateAutoCompletionList({"Par"}, list);
    QCOMPARE(list, QStringList{"Particle"});
    list.clear();
    // After "p." only members: Particle's vel and the built-in _dfloat's val.
    apis->updateAutoCompletionList({"p", "v"}, list);
    QCOMPARE(list, (QStringList{"val", "vel"}));
    QList<int> shifts;
    QCOMPARE(apis->callTips({"kinetic", ""}, 0, QsciScintilla::CallTipsNoContext, shifts),
             QStringList{"kinetic(p : In[Particle]) -> float"});
}

namespace widgettest {
std::unique_ptr<QObject> makeEditorTest() { return std::make_unique<EditorTest>(); }
}

#include "test_editor.moc"
