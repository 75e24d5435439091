// The small defects of issue 14, each checked: a multi-line docstring with quotes inside is
// coloured as a string (and re-coloured when it is closed or opened), files open at their top,
// Backspace in indentation removes one level, the editor has the focus after File > New, file
// dialogs start in the last-used folder (else the examples), the run log does not wrap, the
// timing plots are not cramped, the help's links stay inside the app, and the stencil example
// shows its adjoint OpenMP code.
#include <QComboBox>
#include <QDockWidget>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <qcustomplot.h>

#include "AppPaths.h"
#include "CodeView.h"
#include "CodeViewSet.h"
#include "KernelEditor.h"
#include "LanguageHelp.h"
#include "LomaLexer.h"
#include "MainWindow.h"
#include "ProblemsView.h"
#include "RunPanel.h"
#include "ScopeTable.h"
#include "TimingPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw;
using namespace lomaw::gui;

class DefectsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void multiLineDocstringIsOneString();
    void filesOpenAtTheTop();
    void backspaceRemovesOneIndentLevel();
    void newKernelFocusesEditor();
    void dialogsStartInLastUsedFolder();
    void logDoesNotWrap();
    void timingPlotsHaveRoom();
    void helpLinksStayInTheApp();
    void stencilShowsAdjointOpenMp();
    void nestedForwardHelpersAreNotOfferedAsFunctions();
    void messagesNameTheUsersVariable();
};

namespace {
int styleAt(QsciScintilla& ed, int line, int index) {
    ed.SendScintilla(QsciScintilla::SCI_COLOURISE, 0UL, -1L);
    const long pos = ed.positionFromLineIndex(line, index);
    return int(ed.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, static_cast<unsigned long>(pos)));
}
}  // namespace

void DefectsTest::multiLineDocstringIsOneString() {
    KernelEditor ed;
    ed.setText("\"\"\"It's a kernel:\nsay \"hi\" and 'bye' def\n\"\"\"\ndef f(x : In[float]) -> float:\n    return x\n");
    QCOMPARE(styleAt(ed, 0, 5), int(LomaLexer::Comment));   // after the apostrophe
    QCOMPARE(styleAt(ed, 1, 0), int(LomaLexer::Comment));   // `say`, inside the string
    QCOMPARE(styleAt(ed, 1, 20), int(LomaLexer::Comment));  // `def` inside the string
    QCOMPARE(styleAt(ed, 2, 1), int(LomaLexer::Comment));   // the closing quotes
    QCOMPARE(styleAt(ed, 3, 0), int(LomaLexer::Keyword));   // code again
    // Deleting the closing quotes makes the rest string; typing them back, code again.
    ed.setSelection(2, 0, 2, 3);
    ed.removeSelectedText();
    QCOMPARE(styleAt(ed, 3, 0), int(LomaLexer::Comment));
    ed.setCursorPosition(2, 0);
    ed.insert("\"\"\"");
    QCOMPARE(styleAt(ed, 3, 0), int(LomaLexer::Keyword));
    QCOMPARE(styleAt(ed, 4, 4), int(LomaLexer::Keyword));   // `return`
}

void DefectsTest::filesOpenAtTheTop() {
    MainWindow w;
    w.resize(1350, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    for (const char* name : {"poly_descent.py", "particles.py", "mpi_line_fit.py", "stencil.py"}) {
        QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/" + QString(name)));
        QVERIFY(widgettest::waitForAnalysis(w));
        QTest::qWait(20);
        QVERIFY2(w.editor()->firstVisibleLine() == 0, name);
        QCOMPARE(w.editor()->cursorLine1(), 1);
    }
}

void DefectsTest::backspaceRemovesOneIndentLevel() {
    KernelEditor ed;
    ed.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ed));
    ed.setText("def f(x : In[float]) -> float:\n");
    ed.setCursorPosition(0, ed.lineLength(0) - 1);
    QTest::keyClick(&ed, Qt::Key_Return);
    QCOMPARE(ed.indentation(1), 4);
    QTest::keyClick(&ed, Qt::Key_Backspace);
    QCOMPARE(ed.indentation(1), 0);
    QCOMPARE(ed.text(1), QString("\n"));
    // After a line that does not open a block, Enter keeps its indentation.
    ed.setText("def f(x : In[float]) -> float:\n    for i in range(3):\n        x = x\n    return x");
    ed.setCursorPosition(3, 12);
    QTest::keyClick(&ed, Qt::Key_Return);
    QCOMPARE(ed.indentation(4), 4);
    // Two levels: one Backspace leaves one.
    ed.setText("def f(x : In[float]) -> float:\n        ");
    ed.setCursorPosition(1, 8);
    QTest::keyClick(&ed, Qt::Key_Backspace);
    QCOMPARE(ed.text(1), QString("    "));
}

void DefectsTest::newKernelFocusesEditor() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    w.problems()->setFocus();
    QTest::keyClick(w.problems(), Qt::Key_N, Qt::ControlModifier);
    QVERIFY(QTest::qWaitFor([&] { return QApplication::focusWidget() == w.editor(); }, 2000));
    QVERIFY(w.editor()->text().isEmpty());
}

void DefectsTest::dialogsStartInLastUsedFolder() {
    QSettings().remove("lastDirectory");
    // Nothing used yet: the examples, not the process's working directory.
    QCOMPARE(dialogDirectory(), examplesDirectory());
    QTemporaryDir dir;
    const QString path = dir.filePath("k.py");
    QVERIFY(widgettest::writeTextFile(path, "def f(x : In[float]) -> float:\n    return x\n"));
    MainWindow w;
    QVERIFY(w.openFile(path));
    QCOMPARE(dialogDirectory(), QFileInfo(path).absolutePath());
    QSettings().remove("lastDirectory");
}

void DefectsTest::logDoesNotWrap() {
    MainWindow w;
    QCOMPARE(w.runPanel()->log()->lineWrapMode(), QPlainTextEdit::NoWrap);
}

void DefectsTest::timingPlotsHaveRoom() {
    QSettings().remove("windowState");
    MainWindow w;
    w.setGeometry(MainWindow::initialGeometry(QRect(0, 0, 1366, 768)));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.dockFor(w.timingPanel())->raise();
    TimingPoint p;
    p.workers = 2;
    p.sets = 64;
    p.total = 2;
    w.timingPanel()->addPoint(p);
    p.workers = 4;
    p.total = 1.2;
    w.timingPanel()->addPoint(p);
    QTest::qWait(50);
    for (QCustomPlot* plot : {w.timingPanel()->setsPlot(), w.timingPanel()->workersPlot(), w.timingPanel()->speedupPlot()}) {
        plot->replot();
        const QRect area = plot->axisRect()->rect();
        QVERIFY2(area.height() >= 100 && area.width() >= 180, qPrintable(QString("%1x%2").arg(area.width()).arg(area.height())));
    }
}

void DefectsTest::helpLinksStayInTheApp() {
    LanguageHelp help;
    for (const char* page : {"language.md", "guide.md", "cli.md", "app.md"}) QVERIFY2(LanguageHelp::pages().contains(QString(page)), page);
    // Every relative .md link of every page is a page of the viewer.
    static const QRegularExpression link(R"(\]\(([\w.-]+\.md)(#[^)]*)?\))");
    for (const QString& page : LanguageHelp::pages()) {
        QFile f(":/docs/" + page);
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (auto it = link.globalMatch(QString::fromUtf8(f.readAll())); it.hasNext();) {
            const QString target = it.next().captured(1);
            QVERIFY2(LanguageHelp::pages().contains(target), qPrintable(page + " links to " + target));
        }
    }
    // Following a link shows the page inside the viewer.
    QCOMPARE(help.currentPage(), QString("language.md"));
    Q_EMIT help.browser()->anchorClicked(QUrl("guide.md"));
    QCOMPARE(help.currentPage(), QString("guide.md"));
    QVERIFY(help.browser()->toPlainText().contains("tour", Qt::CaseInsensitive));
}

// fwd_diff of fwd_diff calls generated dual-number helpers (__lomaw_mul__d_dfloat ...): they
// are shown with the derivatives but are static in C, so no function chooser offers them.
void DefectsTest::nestedForwardHelpersAreNotOfferedAsFunctions() {
    QTemporaryDir dir;
    const QString path = dir.filePath("hessian.py");
    QVERIFY(widgettest::writeTextFile(path, "def f(x : In[float], y : In[float]) -> float:\n    return x * x * y\n"
                                            "d_f = fwd_diff(f)\ndd_f = fwd_diff(d_f)\n"));
    MainWindow w;
    QVERIFY(w.openFile(path));
    QVERIFY(widgettest::waitForAnalysis(w));
    QCOMPARE(w.problems()->errorCount(), 0);
    QStringList names;
    for (const FunctionInfo& f : w.lastAnalysis().functions) names << f.name;
    QCOMPARE(names, QStringList({"f", "d_f", "dd_f"}));
    for (const QComboBox* box : w.findChildren<QComboBox*>())
        for (int i = 0; i < box->count(); ++i) QVERIFY2(!box->itemText(i).contains("__lomaw_"), qPrintable(box->itemText(i)));
    QVERIFY(w.codeViews()->view(Stage::Diff)->textView()->text().contains("def __lomaw_mul__d_dfloat("));
}

void DefectsTest::stencilShowsAdjointOpenMp() {
    MainWindow w;
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/stencil.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    QCOMPARE(w.problems()->errorCount(), 0);
    bool hasReverse = false;
    for (const FunctionInfo& f : w.lastAnalysis().functions) hasReverse = hasReverse || f.name == "d_smooth";
    QVERIFY(hasReverse);
    // The adjoint of u in the parallel loop: neighbouring iterations add to the same _du[i].
    bool atomicU = false;
    for (const LoopScopeItem& loop : w.lastAnalysis().scopes)
        for (const ScopeVariableItem& v : loop.variables) atomicU = atomicU || (v.name == "u" && (v.adjoint == "atomic" || v.adjoint == "reduction"));
    QVERIFY(atomicU);
    const QString omp = w.codeViews()->view(Stage::Omp)->textView()->text();
    QVERIFY(omp.contains("d_smooth("));
    QVERIFY(omp.contains("#pragma omp atomic") || omp.contains("reduction(+:_du"));
}

void DefectsTest::messagesNameTheUsersVariable() {
    // The student's `g : int` passed where d_f's generated Out parameter `_dx` (float) goes:
    // the message names `g` and its type first, points at the call's argument, and a note at
    // g's declaration; `_dx` only in parentheses.
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, "def f(x : In[float]) -> float:\n    return x * x\n\nd_f = rev_diff(f)\n\n"
                                          "def grad(x : In[float]) -> float:\n    g : int\n    d_f(x, g, 1.0)\n    return g\n"));
    QCOMPARE(w.problems()->topLevelItemCount(), 1);
    QTreeWidgetItem* item = w.problems()->topLevelItem(0);
    QCOMPARE(item->text(1), QString("8:12"));
    QCOMPARE(item->text(3), QString("out-arg"));
    QCOMPARE(item->text(2), QString("'g' is int, but Out parameter 2 of 'd_f' ('_dx') is float: pass a variable of exactly that type"));
    QCOMPARE(item->childCount(), 1);
    QCOMPARE(item->child(0)->text(1), QString("7:5"));
    QCOMPARE(item->child(0)->text(2), QString("note: 'g' is declared here"));
    QVERIFY(w.editor()->hasErrorMarker(8));
}

namespace widgettest {
std::unique_ptr<QObject> makeDefectsTest() { return std::make_unique<DefectsTest>(); }
}

#include "test_defects.moc"
