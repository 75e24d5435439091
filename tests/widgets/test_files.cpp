// Files: atomic save then reopen, recent files, autosave and recovery after a crash, where the
// panels' file dialogs start.
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

#include "AppPaths.h"
#include "KernelEditor.h"
#include "MainWindow.h"
#include "PlotPanel.h"
#include "RunPanel.h"
#include "TimingPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw::gui;

class FileTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void saveThenReopen();
    void autosaveIsRecoveredAfterCrash();
    void cleanCloseLeavesNoRecovery();
    void paneLayoutIsRemembered();
    void panelDialogsStartInTheLastFolder();
};

namespace {
QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
}  // namespace

void FileTest::saveThenReopen() {
    QTemporaryDir dir;
    const QString path = dir.filePath("k.py");
    const QString text = "def g(x : In[float]) -> float:\n    return sin(x) * x\n";
    {
        MainWindow w;
        QVERIFY(widgettest::loadAndAnalyse(w, "def g(x : In[float]) -> float:\n    return x\n"));
        w.editor()->setText(text);
        QVERIFY(w.isModified());
        QVERIFY(w.windowTitle().startsWith("untitled.py"));
        QVERIFY(w.saveTo(path));
        QVERIFY(!w.isModified());
        QCOMPARE(w.windowTitle(), QString("k.py[*] — lomaworks"));
        QVERIFY(!w.isWindowModified());
    }
    QCOMPARE(readAll(path), text);
    // The atomic save left no temporary file behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"k.py"});
    MainWindow again;
    QVERIFY(again.openFile(path));
    QCOMPARE(again.editor()->text(), text);
    QCOMPARE(again.filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!again.isModified());
    QCOMPARE(QSettings().value("recentFiles").toStringList().value(0), QFileInfo(path).absoluteFilePath());
}

void FileTest::autosaveIsRecoveredAfterCrash() {
    QTemporaryDir dir;
    const QString path = dir.filePath("work.py");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("def h(x : In[float]) -> float:\n    return x\n");
    f.close();
    const QString edited = "def h(x : In[float]) -> float:\n    return x * x + 1.0\n";
    {
        auto* w = new MainWindow;
        QVERIFY(w->openFile(path));
        QVERIFY(!w->hasRecovery());
        w->editor()->setText(edited);
        w->setAutosaveIntervalMs(50);
        // The autosave timer writes the recovery file by itself.
        QVERIFY(QTest::qWaitFor([&] { return w->hasRecovery(); }, 3000));
        // A crash: the window goes away without closing (no closeEvent, no discard).
        delete w;
    }
    QCOMPARE(readAll(path), QString("def h(x : In[float]) -> float:\n    return x\n"));
    MainWindow next;
    QVERIFY(next.hasRecovery());
    QVERIFY(next.restoreFromRecovery());
    QCOMPARE(next.editor()->text(), edited);
    QCOMPARE(next.filePath(), path);
    QVERIFY(next.isModified());
    // Saving makes the disk copy the newest: the recovery file goes.
    QVERIFY(next.saveTo(path));
    QVERIFY(!next.hasRecovery());
    QCOMPARE(readAll(path), edited);
}

void FileTest::cleanCloseLeavesNoRecovery() {
    MainWindow w;
    QVERIFY(widgettest::loadAndAnalyse(w, "def h(x : In[float]) -> float:\n    return x\n"));
    w.autosaveNow();  // not modified: nothing to write
    QVERIFY(!w.hasRecovery());
    w.show();
    QVERIFY(w.close());
    QVERIFY(!w.hasRecovery());
}

void FileTest::paneLayoutIsRemembered() {
    QString movedName;
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // The user closes the MPI child pane and moves the C pane to the left.
        QDockWidget* child = w.findChild<QDockWidget*>("dock_MPI_child");
        QDockWidget* c = w.findChild<QDockWidget*>("dock_C");
        QVERIFY(child && c);
        child->close();
        w.addDockWidget(Qt::LeftDockWidgetArea, c);
        QCOMPARE(w.dockWidgetArea(c), Qt::LeftDockWidgetArea);
        QVERIFY(w.close());
    }
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(again.findChild<QDockWidget*>("dock_MPI_child")->isHidden());
    QCOMPARE(again.dockWidgetArea(again.findChild<QDockWidget*>("dock_C")), Qt::LeftDockWidgetArea);
}

// Every panel's file dialog starts where the user last chose a file (AppPaths dialogDirectory),
// not in the process's working directory, and a file chosen in one dialog moves the next one there.
void FileTest::panelDialogsStartInTheLastFolder() {
    QTemporaryDir first, second;
    QVERIFY(widgettest::writeTextFile(second.filePath("t.csv"), "kind,workers\n"));
    rememberDialogDirectory(first.filePath("anything.json"));
    MainWindow w;
    // Runs `open`, answers the modal dialog it shows (records where it started; chooses `pick`
    // or cancels) and returns the start folder.
    auto startOf = [](const std::function<void()>& open, const QString& pick = QString()) {
        QString start;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            start = dialog->directory().absolutePath();
            if (pick.isEmpty()) {
                dialog->reject();
            } else {
                dialog->selectFile(pick);
                QMetaObject::invokeMethod(dialog, "accept");  // accept() is protected
            }
        });
        open();
        return start;
    };
    const QString firstDir = QFileInfo(first.path()).absoluteFilePath();
    QCOMPARE(startOf([&] { w.plotPanel()->openFileDialog(); }), firstDir);
    QCOMPARE(startOf([&] { w.timingPanel()->loadCsvDialog(); }), firstDir);
    QPushButton* batch = nullptr;
    for (QPushButton* b : w.runPanel()->findChildren<QPushButton*>())
        if (b->text() == QString("Batch file…")) batch = b;
    QVERIFY(batch);
    QCOMPARE(startOf([&] { batch->click(); }), firstDir);
    // Choosing a file in the timings dialog: the next dialog (the trajectory's) starts there.
    startOf([&] { w.timingPanel()->loadCsvDialog(); }, second.filePath("t.csv"));
    QCOMPARE(dialogDirectory(), QFileInfo(second.path()).absoluteFilePath());
    QCOMPARE(startOf([&] { w.plotPanel()->openFileDialog(); }), QFileInfo(second.path()).absoluteFilePath());
}

namespace widgettest {
std::unique_ptr<QObject> makeFileTest() { return std::make_unique<FileTest>(); }
}

#include "test_files.moc"
