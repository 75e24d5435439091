// Fortran files in the app (issue 15 item 7): opened by File > Open, drag and drop and a
// session, coloured by QScintilla's Fortran lexers, with the scope table and the editor's
// parallel-loop badges; the generated-code panes say in one line why they are empty.
// The expected scopes are the corpus' hand-judged NAME.expected files (tests/kernels/fortran).
#include <Qsci/qscilexerfortran.h>
#include <Qsci/qscilexerfortran77.h>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QSettings>
#include <QApplication>
#include <QComboBox>
#include <QMenu>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "CodeView.h"
#include "CodeViewSet.h"
#include "KernelEditor.h"
#include "LomaLexer.h"
#include "MainWindow.h"
#include "RunPanel.h"
#include "ScopeTable.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class FortranTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void freeFormFileShowsScopesAndBadges();
    void fixedFormFileGetsTheFortran77Lexer();
    void backToLomaRestoresLexerAndCode();
    void droppedFileIsOpened();
    void examplesMenuOpensTheFortranExample();
};

namespace {

QString corpusPath(const QString& name) { return QString(LOMAW_TEST_KERNELS) + "/fortran/" + name; }

// NAME.expected: "LINE FUNCTION: name:primal/adjoint ..." per loop ('#' lines are reasons).
struct ExpectedLoop {
    int line = 0;
    QString function;
    QStringList variables;  // "name:primal/adjoint", adjoint '-' for none
};

QList<ExpectedLoop> readExpected(const QString& path) {
    QList<ExpectedLoop> loops;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return loops;
    for (const QString& raw : QString::fromUtf8(f.readAll()).split('\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#')) continue;
        QStringList words = line.split(' ', Qt::SkipEmptyParts);
        ExpectedLoop loop;
        loop.line = words.takeFirst().toInt();
        loop.function = words.takeFirst().chopped(1);  // "spmv:"
        loop.variables = words;
        loops << loop;
    }
    return loops;
}

// The scope table's rows of one loop, in the .expected form.
QStringList tableRows(QTreeWidgetItem* loopItem) {
    QStringList rows;
    for (int k = 0; k < loopItem->childCount(); ++k) {
        QTreeWidgetItem* row = loopItem->child(k);
        const QString adjoint = row->text(2) == QString("—") ? QString("-") : row->text(2);
        rows << row->text(0) + ":" + row->text(1) + "/" + adjoint;
    }
    return rows;
}

// The File > Examples entry called `name`, or null.
QAction* fortranExampleEntry(MainWindow& w, const QString& name) {
    for (QMenu* menu : w.findChildren<QMenu*>()) {
        if (menu->title() != "&Examples") continue;
        for (QAction* a : menu->actions())
            if (a->text() == name) return a;
    }
    return nullptr;
}

QStringList fortranSelectorEntries(MainWindow& w) {
    QStringList names;
    auto* box = w.findChild<QComboBox*>("functionSelector");
    for (int k = 0; box && k < box->count(); ++k) names << box->itemText(k);
    return names;
}

}  // namespace

void FortranTest::freeFormFileShowsScopesAndBadges() {
    const QList<ExpectedLoop> expected = readExpected(corpusPath("csr_spmv.expected"));
    QCOMPARE(expected.size(), 4);
    MainWindow w;
    w.resize(1366, 768);
    QVERIFY(w.openFile(corpusPath("csr_spmv.f90")));
    QVERIFY(widgettest::waitForAnalysis(w));
    QCOMPARE(w.editor()->language(), KernelLanguage::FortranFree);
    QVERIFY(qobject_cast<QsciLexerFortran*>(w.editor()->lexer()) != nullptr);
    QVERIFY(w.lastAnalysis().ok);
    QVERIFY(w.lastAnalysis().fortran);

    ScopeTable* table = w.scopeTable();
    QCOMPARE(table->topLevelItemCount(), expected.size());
    for (int k = 0; k < expected.size(); ++k) {
        const ExpectedLoop& e = expected[k];
        QTreeWidgetItem* loop = table->topLevelItem(k);
        QVERIFY2(loop->text(0).startsWith(e.function + ": do "), qPrintable(loop->text(0)));
        QVERIFY2(loop->text(0).endsWith(QString("(line %1)").arg(e.line)), qPrintable(loop->text(0)));
        QCOMPARE(tableRows(loop), e.variables);  // includes "last_row:lastprivate/-"
        QVERIFY(w.editor()->hasParallelLoopMarker(e.line));
        QVERIFY(!w.editor()->hasParallelLoopMarker(e.line + 1));
        // The badge explains itself on hover, in Fortran words.
        QVERIFY(table->loopTipFor(e.line).contains(QString("<code>do ")));
    }
    // Each generated-code pane says in one line why it is empty (no stale kernel code).
    for (CodeView* v : w.codeViews()->views()) {
        QCOMPARE(v->statusText(), fortranStageMessage(v->stage()));
        QVERIFY(!v->statusText().contains('\n'));
        QVERIFY(v->textView()->text().isEmpty());
    }
    QVERIFY(!widgettest::saveScreenshot(&w, "fortran_csr_spmv").isEmpty());
}

void FortranTest::fixedFormFileGetsTheFortran77Lexer() {
    const QList<ExpectedLoop> expected = readExpected(corpusPath("legacy_blas.expected"));
    QVERIFY(!expected.isEmpty());
    MainWindow w;
    QVERIFY(w.openFile(corpusPath("legacy_blas.f")));
    QVERIFY(widgettest::waitForAnalysis(w));
    QCOMPARE(w.editor()->language(), KernelLanguage::FortranFixed);
    QVERIFY(qobject_cast<QsciLexerFortran77*>(w.editor()->lexer()) != nullptr);
    QVERIFY(qobject_cast<QsciLexerFortran*>(w.editor()->lexer()) == nullptr);  // not the free-form one
    QCOMPARE(w.scopeTable()->topLevelItemCount(), expected.size());
    for (int k = 0; k < expected.size(); ++k) {
        QCOMPARE(tableRows(w.scopeTable()->topLevelItem(k)), expected[k].variables);
        QVERIFY(w.editor()->hasParallelLoopMarker(expected[k].line));
    }
}

void FortranTest::backToLomaRestoresLexerAndCode() {
    QTemporaryDir dir;
    MainWindow w;
    QVERIFY(w.openFile(corpusPath("csr_spmv.f90")));
    QVERIFY(widgettest::waitForAnalysis(w));
    const QString py = dir.filePath("k.py");
    QVERIFY(widgettest::writeTextFile(py, "def f(x : In[float]) -> float:\n    return x * x\n"));
    QVERIFY(w.openFile(py));
    QVERIFY(widgettest::waitForAnalysis(w));
    QCOMPARE(w.editor()->language(), KernelLanguage::Loma);
    QVERIFY(qobject_cast<LomaLexer*>(w.editor()->lexer()) != nullptr);
    QVERIFY(!w.lastAnalysis().fortran);
    QVERIFY(w.codeViews()->view(lomaw::Stage::C)->textView()->text().contains("float f("));
    QCOMPARE(w.scopeTable()->topLevelItemCount(), 1);  // "No parallel loops"
    QCOMPARE(w.scopeTable()->topLevelItem(0)->childCount(), 0);
    // A Fortran file with an error: the panes still explain Fortran, not "the kernel has errors".
    const QString bad = dir.filePath("bad.f90");
    QVERIFY(widgettest::writeTextFile(bad, "subroutine s(a, n)\n  integer :: n\n  real :: a(n)\n  integer :: i\n"
                                           "!$omp parallel do\n  do i = 1, n\n    a(i) = undeclared_thing(\n  end do\n"
                                           "end subroutine s\n"));
    QVERIFY(w.openFile(bad));
    QVERIFY(widgettest::waitForAnalysis(w));
    QVERIFY(!w.lastAnalysis().ok);
    QCOMPARE(w.codeViews()->view(lomaw::Stage::C)->statusText(), fortranStageMessage(lomaw::Stage::C));
    QVERIFY(w.codeViews()->view(lomaw::Stage::C)->textView()->text().isEmpty());
}

void FortranTest::droppedFileIsOpened() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, "def f(x : In[float]) -> float:\n    return x\n"));
    const QString path = corpusPath("jacobi.f90");
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    mime.setText(path);  // file managers also offer the path as text: it must not be pasted
    QWidget* target = w.editor()->viewport();
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QCOMPARE(w.filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!w.editor()->text().contains(path));
    QVERIFY(widgettest::waitForAnalysis(w));
    QCOMPARE(w.editor()->language(), KernelLanguage::FortranFree);
    QCOMPARE(w.scopeTable()->topLevelItemCount(), readExpected(corpusPath("jacobi.expected")).size());
    // Recent files carry it, and reopening from there keeps the Fortran lexer.
    QCOMPARE(QSettings().value("recentFiles").toStringList().value(0), QFileInfo(path).absoluteFilePath());
}

// examples/heat_stencil.f90 from File > Examples: the selector lists its two procedures and
// scrolls to the one chosen; the scope rows are worked out by hand (below); running is
// disabled and says why.
void FortranTest::examplesMenuOpensTheFortranExample() {
    MainWindow w;
    w.resize(1366, 768);
    QAction* entry = fortranExampleEntry(w, "heat_stencil.f90");
    QVERIFY(entry != nullptr);
    entry->trigger();
    QCOMPARE(w.filePath(), QFileInfo(QString(LOMAW_EXAMPLES) + "/heat_stencil.f90").absoluteFilePath());
    QVERIFY(widgettest::waitForAnalysis(w));
    QCOMPARE(w.editor()->language(), KernelLanguage::FortranFree);
    QVERIFY(w.lastAnalysis().ok);
    QCOMPARE(fortranSelectorEntries(w), QStringList({"heat_step", "max_change"}));

    // heat_step: i the loop variable (an int: no adjoint); u read at i-1, i, i+1, so two
    // iterations add to the same _d_u element (atomic); r read by every iteration (its adjoint a
    // reduction); unew written at i only (shared both ways).
    // max_change: change is the max reduction, whose adjoint every iteration reads unchanged
    // (firstprivate); u and unew are read at i only (shared).
    ScopeTable* table = w.scopeTable();
    QCOMPARE(table->topLevelItemCount(), 2);
    QCOMPARE(table->topLevelItem(0)->text(0), QString("heat_step: do i (line 20)"));
    QCOMPARE(tableRows(table->topLevelItem(0)),
             QStringList({"i:private/-", "u:shared/atomic", "r:shared/reduction", "unew:shared/shared"}));
    QCOMPARE(table->topLevelItem(1)->text(0), QString("max_change: do i (line 35)"));
    QCOMPARE(tableRows(table->topLevelItem(1)),
             QStringList({"i:private/-", "change:reduction/firstprivate", "unew:shared/shared", "u:shared/shared"}));
    QVERIFY(w.editor()->hasParallelLoopMarker(20));
    QVERIFY(w.editor()->hasParallelLoopMarker(35));

    // Choosing max_change (its `function` statement is line 27) puts the editor's cursor there.
    auto* box = w.findChild<QComboBox*>("functionSelector");
    box->setCurrentIndex(1);
    Q_EMIT box->activated(1);
    const int top = w.editor()->firstVisibleLine();
    const int shown = int(w.editor()->SendScintilla(QsciScintillaBase::SCI_LINESONSCREEN));
    QVERIFY2(top <= 26 && 26 < top + shown, qPrintable(QString("top %1, %2 lines shown").arg(top).arg(shown)));
    QCOMPARE(w.editor()->cursorLine1(), 27);

    // Nothing to run: the run actions are disabled and say why.
    RunPanel* run = w.runPanel();
    QCOMPARE(run->statusText(), fortranRunMessage());
    for (const char* button : {"runButton", "sweepButton"}) {
        QVERIFY(!run->findChild<QPushButton*>(button)->isEnabled());
        QCOMPARE(run->findChild<QPushButton*>(button)->toolTip(), fortranRunMessage());
    }
    for (const char* name : {"actionRunFunction", "actionToolbarRun"}) {
        QVERIFY(!w.action(name)->isEnabled());
        QCOMPARE(w.action(name)->toolTip(), fortranRunMessage());
    }
    // Back to a loma kernel: Run is enabled again.
    QVERIFY(widgettest::loadAndAnalyse(w, "def f(x : In[float]) -> float:\n    return x\n"));
    QVERIFY(run->findChild<QPushButton*>("runButton")->isEnabled());
    QVERIFY(w.action("actionRunFunction")->isEnabled());
    QCOMPARE(run->statusText(), QString());
}

namespace widgettest {
std::unique_ptr<QObject> makeFortranTest() { return std::make_unique<FortranTest>(); }
}

#include "test_fortran.moc"
