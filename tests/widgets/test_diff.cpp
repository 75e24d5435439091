// The line diff (Myers) against edit scripts worked out by hand, its side-by-side rows, the
// texts the diff view can compare, and the diff view in the window: forward vs reverse
// derivative, the OpenMP C with every adjoint atomic vs reduction, the last saved kernel vs the
// editor.
#include <QDockWidget>
#include <QTemporaryDir>
#include <QTest>
#include <Qsci/qsciscintilla.h>

#include "DiffSources.h"
#include "DiffView.h"
#include "KernelEditor.h"
#include "LineDiff.h"
#include "MainWindow.h"
#include "WidgetTestSupport.h"

using namespace lomaw;
using namespace lomaw::gui;

class DiffTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void myersScriptsByHand();
    void scriptIsShortestAndComplete();
    void alignmentPairsChanges();
    void derivativeDeclsAndFunctionBlocks();
    void forwardVersusReverseInTheWindow();
    void adjointScopeVariantsDiffer();
    void savedVersusEditor();
};

namespace {

QString script(const QVector<DiffOp>& ops) {
    QString out;
    for (const DiffOp& op : ops) out += op.kind == DiffOp::Equal ? '=' : op.kind == DiffOp::Removed ? '-' : '+';
    return out;
}

QStringList chars(const QString& s) {
    QStringList out;
    for (QChar c : s) out << QString(c);
    return out;
}

}  // namespace

void DiffTest::myersScriptsByHand() {
    // Identical, empty, all new, all gone.
    QCOMPARE(script(diffLines(chars("abc"), chars("abc"))), QString("==="));
    QCOMPARE(script(diffLines({}, {})), QString());
    QCOMPARE(script(diffLines({}, chars("ab"))), QString("++"));
    QCOMPARE(script(diffLines(chars("ab"), {})), QString("--"));
    // One line replaced in the middle: a b c -> a x c.
    QCOMPARE(script(diffLines(chars("abc"), chars("axc"))), QString("=-+="));
    // Insert at the front and delete at the end.
    QCOMPARE(script(diffLines(chars("abc"), chars("zab"))), QString("+==-"));
    // Myers' paper example: ABCABBA -> CBABAC has edit distance 5 (LCS 4: e.g. CABA / BABA).
    const QVector<DiffOp> ops = diffLines(chars("ABCABBA"), chars("CBABAC"));
    int edits = 0, equal = 0;
    for (const DiffOp& op : ops) (op.kind == DiffOp::Equal ? equal : edits)++;
    QCOMPARE(edits, 5);
    QCOMPARE(equal, 4);
}

void DiffTest::scriptIsShortestAndComplete() {
    // Against a dynamic-programming LCS on many pseudo-random pairs: the script is as short as
    // the LCS allows, uses every line once, in order, and Equal ops join equal lines.
    quint32 seed = 12345;
    auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
    for (int round = 0; round < 200; ++round) {
        QStringList a, b;
        const int n = int(next() % 12), m = int(next() % 12);
        for (int i = 0; i < n; ++i) a << QString(QChar('a' + int(next() % 4)));
        for (int i = 0; i < m; ++i) b << QString(QChar('a' + int(next() % 4)));
        QVector<QVector<int>> lcs(n + 1, QVector<int>(m + 1, 0));
        for (int i = n - 1; i >= 0; --i)
            for (int j = m - 1; j >= 0; --j)
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        const QVector<DiffOp> ops = diffLines(a, b);
        int ai = 0, bi = 0, equal = 0;
        for (const DiffOp& op : ops) {
            if (op.kind != DiffOp::Added) QCOMPARE(op.a, ai++);
            if (op.kind != DiffOp::Removed) QCOMPARE(op.b, bi++);
            if (op.kind == DiffOp::Equal) {
                QCOMPARE(a[op.a], b[op.b]);
                ++equal;
            }
        }
        QCOMPARE(ai, n);
        QCOMPARE(bi, m);
        QCOMPARE(equal, lcs[0][0]);
    }
}

void DiffTest::alignmentPairsChanges() {
    // a b c d -> a X Y d e: b/c changed to X/Y (paired), e added at the end.
    const QVector<DiffRow> rows = alignDiff(diffLines(chars("abcd"), chars("aXYde")));
    QCOMPARE(rows.size(), 5);
    QCOMPARE(int(rows[0].kind), int(DiffRow::Same));
    QCOMPARE(int(rows[1].kind), int(DiffRow::Changed));
    QCOMPARE(rows[1].left, 1);
    QCOMPARE(rows[1].right, 1);
    QCOMPARE(int(rows[2].kind), int(DiffRow::Changed));
    QCOMPARE(int(rows[3].kind), int(DiffRow::Same));
    QCOMPARE(int(rows[4].kind), int(DiffRow::Added));
    QCOMPARE(rows[4].left, -1);
    QCOMPARE(rows[4].right, 4);
    const DiffStats s = diffStats(rows);
    QCOMPARE(s.changed, 2);
    QCOMPARE(s.added, 1);
    QCOMPARE(s.removed, 0);
}

void DiffTest::derivativeDeclsAndFunctionBlocks() {
    const QString kernel = "def f(x : In[float]) -> float:\n    return x * x\n\nfd = fwd_diff(f)\nrd = rev_diff(f)\n";
    const QList<DerivativeDecl> decls = derivativeDecls(kernel);
    QCOMPARE(decls.size(), 2);
    QCOMPARE(decls[0].name, QString("fd"));
    QCOMPARE(decls[0].function, QString("f"));
    QVERIFY(decls[0].forward);
    QVERIFY(!decls[1].forward);
    const QString text = "def a():\n    pass\n\n@simd\ndef fd(x):\n    y = 1\n\n    return y\n\ndef g():\n    pass\n";
    QCOMPARE(functionBlock(text, "fd"), QString("@simd\ndef fd(x):\n    y = 1\n\n    return y\n"));
    QCOMPARE(functionBlock(text, "f"), QString());
}

void DiffTest::forwardVersusReverseInTheWindow() {
    MainWindow w;
    w.resize(1366, 740);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.dockFor(w.diffView())->raise();
    QVERIFY(widgettest::loadAndAnalyse(
        w, "def f(x : In[float], y : In[float]) -> float:\n    return x * y + sin(x)\n\nfd = fwd_diff(f)\nrd = rev_diff(f)\n"));
    DiffView* diff = w.diffView();
    QVERIFY(diff->presetTitles().contains("Forward vs reverse derivative of f"));
    QVERIFY(diff->applyPreset("Forward vs reverse derivative of f"));
    QCOMPARE(diff->leftKey(), QString("fwd:f"));
    QCOMPARE(diff->rightKey(), QString("rev:f"));
    // The left pane holds fd's definition, the right rd's, aligned row for row.
    QVERIFY(diff->leftPane()->text().contains("def fd("));
    QVERIFY(diff->rightPane()->text().contains("def rd("));
    QCOMPARE(diff->leftPane()->lines(), diff->rightPane()->lines());
    QVERIFY(diff->stats().changed + diff->stats().added + diff->stats().removed > 0);
    // The def lines differ (other names and parameters): both are marked changed.
    int defRow = -1;
    for (int k = 0; k < diff->leftPane()->lines(); ++k)
        if (diff->leftPane()->text(k).startsWith("def fd(")) defRow = k;
    QVERIFY(defRow >= 0);
    QVERIFY(diff->leftPane()->markersAtLine(defRow) & (1 << DiffView::ChangedMarker));
    QVERIFY(diff->rightPane()->text(defRow).startsWith("def rd("));
}

void DiffTest::adjointScopeVariantsDiffer() {
    MainWindow w;
    w.resize(1366, 740);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.dockFor(w.diffView())->raise();
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/stencil.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    // The first analysis found the parallel loop; the next one brings the forced variants.
    QVERIFY(QTest::qWaitFor([&] { return w.lastAnalysis().ompVariants.size() == 2; }, 20000));
    QVERIFY(widgettest::waitForAnalysis(w));
    const StageText atomic = w.lastAnalysis().ompVariants.value("atomic");
    const StageText reduction = w.lastAnalysis().ompVariants.value("reduction");
    QVERIFY2(atomic.ok, qPrintable(atomic.message));
    QVERIFY2(reduction.ok, qPrintable(reduction.message));
    QVERIFY(atomic.text.contains("#pragma omp atomic"));
    QVERIFY(reduction.text.contains("_du (u): reduction"));
    DiffView* diff = w.diffView();
    QVERIFY(diff->applyPreset("OpenMP C: all adjoints atomic vs reduction"));
    QVERIFY(diff->stats().changed + diff->stats().added + diff->stats().removed > 0);
    QVERIFY(diff->leftPane()->text().contains("#pragma omp atomic"));
}

void DiffTest::savedVersusEditor() {
    QTemporaryDir dir;
    const QString path = dir.filePath("k.py");
    QVERIFY(widgettest::writeTextFile(path, "def f(x : In[float]) -> float:\n    return x\n"));
    MainWindow w;
    w.resize(1366, 740);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.dockFor(w.diffView())->raise();
    QVERIFY(w.openFile(path));
    QVERIFY(widgettest::waitForAnalysis(w));
    w.editor()->setCursorPosition(1, w.editor()->lineLength(1) - 1);
    QTest::keyClicks(w.editor(), " * 2.0");
    QVERIFY(widgettest::waitForAnalysis(w));
    DiffView* diff = w.diffView();
    QVERIFY(diff->applyPreset("Kernel: last saved vs editor"));
    QCOMPARE(diff->stats().changed, 1);
    QCOMPARE(diff->stats().added + diff->stats().removed, 0);
    QCOMPARE(diff->rightPane()->text(1), QString("    return x * 2.0"));
    QVERIFY(diff->rightPane()->markersAtLine(1) & (1 << DiffView::ChangedMarker));
    // After a save the two are equal.
    QVERIFY(w.saveTo(path));
    QVERIFY(diff->applyPreset("Kernel: last saved vs editor"));
    QCOMPARE(diff->summary(), QString("identical"));
}

namespace widgettest {
std::unique_ptr<QObject> makeDiffTest() { return std::make_unique<DiffTest>(); }
}

#include "test_diff.moc"
