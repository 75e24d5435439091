// Batches and progress: a CSV of numbers becomes the JSON batch `lomaw mpirun` takes (malformed
// rows name line and column); the progress lines lomaw prints on stderr move the run panel's
// progress bar; a real MPI batch from a CSV file ends with a full bar and one timing point.
#include <QFile>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "BatchCsv.h"
#include "CliRunner.h"
#include "MainWindow.h"
#include "ProgressLine.h"
#include "ResultsView.h"
#include "RunPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class BatchTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void csvRowsBecomeArgumentLists();
    void malformedCsvNamesLineAndColumn();
    void progressLinesAreRecognised();
    void progressBarFollowsFedLines();
    void malformedCsvBatchStopsTheRun();
    void mpiBatchFromCsvFillsProgressAndTiming();
};

namespace {

QString csvError(const QString& text, int columns = 0, const QString& function = QString()) {
    BatchCsv batch;
    QString error;
    if (csvToBatch(text, batch, error, columns, function)) return "(no error)";
    return error;
}

}  // namespace

void BatchTest::csvRowsBecomeArgumentLists() {
    BatchCsv batch;
    QString error;
    QVERIFY2(csvToBatch("# x0, rate, steps\nx0,rate,steps\n5.0,0.05,200\n\n 1 , 0.1 , 10\n+2,.5,7\n-1e-3,5.,0\n",
                        batch, error, 3, "descend_rev"),
             qPrintable(error));
    QCOMPARE(batch.header, (QStringList{"x0", "rate", "steps"}));
    QCOMPARE(batch.sets, 4);
    QCOMPARE(batch.columns, 3);
    // Numbers stay as written when they are JSON already (200 stays an int); +2, .5 and 5. are
    // normalised.
    QCOMPARE(batch.json, QString("[[5.0, 0.05, 200],\n [1, 0.1, 10],\n [2, 0.5, 7],\n [-1e-3, 5.0, 0]]"));
    // No header, non-finite floats as the CLI's strings.
    QVERIFY(csvToBatch("1.5\nnan\n-inf\n", batch, error));
    QCOMPARE(batch.json, QString("[[1.5],\n [\"nan\"],\n [\"-inf\"]]"));
    QVERIFY(batch.header.isEmpty());
}

void BatchTest::malformedCsvNamesLineAndColumn() {
    QCOMPARE(csvError("x,y\n1,2\n3,abc\n"), QString("line 3, column 2: \"abc\" is not a number"));
    QCOMPARE(csvError("1,2\n3\n"), QString("line 2, column 2: missing value (expected 2 values, as on line 1)"));
    QCOMPARE(csvError("1,2\n3,4,5\n"), QString("line 2, column 3: unexpected value \"5\" (expected 2 values, as on line 1)"));
    QCOMPARE(csvError("1,,3\n"), QString("line 1, column 2: empty value"));
    QCOMPARE(csvError("# only a comment\n\n"), QString("the file has no rows of values"));
    QCOMPARE(csvError("a,b\n1,2\n", 3, "descend_rev"),
             QString("line 2, column 3: missing value (expected 3 values, descend_rev takes 3 arguments)"));
    QCOMPARE(csvError("x\n1\n2,3\n"), QString("line 3, column 2: unexpected value \"3\" (expected 1 value, as on line 2)"));
}

void BatchTest::progressLinesAreRecognised() {
    ProgressUpdate u;
    QVERIFY(parseProgressLine("lomaw: 3 / 8 input sets done", u));
    QCOMPARE(u.done, 3);
    QCOMPARE(u.total, 8);
    QCOMPARE(u.unit, QString("input sets"));
    QVERIFY(parseProgressLine("lomaw: step 40 / 200", u));
    QCOMPARE(u.done, 40);
    QCOMPARE(u.total, 200);
    QCOMPARE(u.unit, QString("steps"));
    QVERIFY(!parseProgressLine("lomaw: error: input set 1: argument 2 (k): expected an integer", u));
    QVERIFY(!parseProgressLine("lomaw: 9 / 8 input sets done", u));  // more done than there are
    QVERIFY(!parseProgressLine("kernel.py:3:5: warning: 1 / 2 input sets done", u));
}

void BatchTest::progressBarFollowsFedLines() {
    RunPanel panel;
    QProgressBar* bar = panel.progressBar();
    CliRunner* runner = panel.runner();
    QSignalSpy progress(runner, &CliRunner::progress);
    // A line split across two reads counts once, when complete.
    runner->feedStandardError("lomaw: 1 / 4 input sets done\nlomaw: 2 / 4 in");
    QCOMPARE(progress.count(), 1);
    QCOMPARE(bar->maximum(), 4);
    QCOMPARE(bar->value(), 1);
    runner->feedStandardError("put sets done\nkernel.py:2:1: warning: W301 something\n");
    QCOMPARE(progress.count(), 2);
    QCOMPARE(bar->value(), 2);
    QCOMPARE(bar->text(), QString("2 / 4 input sets"));
    runner->feedStandardError("lomaw: 4 / 4 input sets done\n");
    QCOMPARE(bar->value(), 4);
    // optimize's steps use the same bar.
    runner->feedStandardError("lomaw: step 30 / 120\n");
    QCOMPARE(bar->maximum(), 120);
    QCOMPARE(bar->value(), 30);
    QCOMPARE(bar->text(), QString("30 / 120 steps"));
    panel.resize(900, 300);
    QVERIFY(!widgettest::saveScreenshot(&panel, "run_progress").isEmpty());
}

void BatchTest::malformedCsvBatchStopsTheRun() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, "def add(x : In[float], y : In[float]) -> float:\n    return x + y\n"));
    RunPanel* run = w.runPanel();
    run->selectFunction("add");
    QTemporaryDir dir;
    QVERIFY(widgettest::writeTextFile(dir.filePath("bad.csv"), "x,y\n1.0,2\n2.0,two\n"));
    run->setBatchFile(dir.filePath("bad.csv"));
    run->setMpiBatch(true, 2);
    QVERIFY(run->log()->toPlainText().contains("Batch bad.csv: line 3, column 2: \"two\" is not a number"));
    run->run();
    QVERIFY(!run->runner()->running());  // no process started
    QVERIFY(run->results()->topLevelItem(0)->text(0).contains("line 3, column 2"));
    // A row that does not match the function's parameters.
    QVERIFY(widgettest::writeTextFile(dir.filePath("short.csv"), "1.0\n"));
    run->setBatchFile(dir.filePath("short.csv"));
    QVERIFY(run->log()->toPlainText().contains("line 1, column 2: missing value (expected 2 values, add takes 2 arguments)"));
}

void BatchTest::mpiBatchFromCsvFillsProgressAndTiming() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, "def cube(x : In[float]) -> float:\n    return x * x * x\n"));
    RunPanel* run = w.runPanel();
    run->selectFunction("cube");
    QTemporaryDir dir;
    QVERIFY(widgettest::writeTextFile(dir.filePath("b.csv"), "x\n1.0\n2.0\n-3.0\n"));
    run->setBatchFile(dir.filePath("b.csv"));
    run->setMpiBatch(true, 2);
    QList<TimingPoint> timings;
    connect(run, &RunPanel::timingRecorded, this, [&](const TimingPoint& p) { timings << p; });
    QSignalSpy progress(run->runner(), &CliRunner::progress);
    QSignalSpy done(run, &RunPanel::runFinished);
    run->run();
    QVERIFY(done.wait(90000));
    const auto result = done.first().first().value<RunResult>();
    QVERIFY2(result.status == RunResult::Status::Ok, qPrintable(result.errors));
    QVERIFY(run->runner()->lastArguments().contains("--progress"));
    QCOMPARE(run->results()->topLevelItemCount(), 3);
    QCOMPARE(run->results()->topLevelItem(2)->text(1), QString("-27"));
    // lomaw reported progress; the last report is 3 of 3, and the bar is full.
    QVERIFY(progress.count() >= 1);
    QCOMPARE(progress.last().at(0).toLongLong(), 3);
    QCOMPARE(progress.last().at(1).toLongLong(), 3);
    QCOMPARE(run->progressBar()->value(), run->progressBar()->maximum());
    QCOMPARE(run->progressBar()->maximum(), 3);
    // Progress lines are not errors.
    QVERIFY(!result.errors.contains("input sets done"));
    // One timing point: 2 workers, 3 sets, the CLI's breakdown; and the main window's series has it.
    QCOMPARE(timings.size(), 1);
    QCOMPARE(timings.first().workers, 2);
    QCOMPARE(timings.first().sets, 3);
    QVERIFY(timings.first().total > 0);
}

namespace widgettest {
std::unique_ptr<QObject> makeBatchTest() { return std::make_unique<BatchTest>(); }
}

#include "test_batch.moc"
