// MainWindow: sessions. Each kernel file keeps its run settings, argument values, last
// trajectory and timing points (SessionStore), saved when the file is left, saved or run and at
// exit, and restored after the file's first analysis (the run panel needs its functions first).
// An exported session carries the kernel text as well.
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStatusBar>

#include "AppPaths.h"
#include "DiffSources.h"
#include "DiffView.h"
#include "KernelEditor.h"
#include "KernelFile.h"
#include "MainWindow.h"
#include "PlotPanel.h"
#include "PresentationZoom.h"
#include "ResultsView.h"
#include "RunPanel.h"
#include "TimingPanel.h"

namespace lomaw::gui {

namespace {

// The parameter rows as JSON texts: RunPanel::argumentsJson() is one array.
QStringList argumentTexts(const QString& arrayJson) {
    QStringList out;
    const QJsonDocument doc = QJsonDocument::fromJson(("{\"a\": " + arrayJson + "}").toUtf8());
    for (const QJsonValue& v : doc.object().value("a").toArray()) {
        // QJsonDocument writes objects and arrays only: wrap scalars in an array and unwrap.
        const QByteArray one = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        out << QString::fromUtf8(one.mid(1, one.size() - 2));
    }
    return out;
}

}  // namespace

Session MainWindow::currentSession(bool withKernel) const {
    Session s;
    s.run = runPanel_->settings();
    s.function = runPanel_->selectedFunction();
    s.arguments = argumentTexts(runPanel_->argumentsJson());
    s.trajectory = plotPanel_->data();
    s.timings = timingPanel_->points();
    s.view = QJsonObject{{"diffLeft", diffView_->leftKey()}, {"diffRight", diffView_->rightKey()}};
    if (withKernel) {
        s.kernelName = kernelName();
        s.kernelText = editor_->text();
    }
    return s;
}

void MainWindow::saveCurrentSession() const {
    // Only a file on disk has a per-file session; before its first analysis the panel still
    // shows the previous file's functions, so there is nothing of this file to keep yet.
    if (path_.isEmpty() || hasPendingSession_ || last_.functions.isEmpty()) return;
    writeSessionFile(sessionFilePath(path_), currentSession(false));
}

void MainWindow::clearRunResults() {
    // Nothing of the previous kernel's runs may look like this kernel's.
    runPanel_->results()->clear();
    runPanel_->log()->clear();
    plotPanel_->setData(TrajectoryData());
    timingPanel_->clear();
    last_ = AnalysisResult();
}

void MainWindow::applyPendingSession() {
    if (!hasPendingSession_) return;
    hasPendingSession_ = false;
    const Session s = pendingSession_;
    if (!s.run.isEmpty()) runPanel_->applySettings(s.run);
    if (!s.function.isEmpty()) runPanel_->selectFunction(s.function);
    if (!s.arguments.isEmpty() && runPanel_->selectedFunction() == s.function) runPanel_->setArgumentValues(s.arguments);
    if (!s.trajectory.empty()) {
        plotPanel_->setAnimateNewData(false);  // a restored plot is shown whole, not replayed
        plotPanel_->setData(s.trajectory);
        plotPanel_->setAnimateNewData(true);
    }
    if (!s.timings.isEmpty()) timingPanel_->setPoints(s.timings);
    const QString left = s.view.value("diffLeft").toString(), right = s.view.value("diffRight").toString();
    if (!left.isEmpty() && !right.isEmpty()) diffView_->compare(left, right);
    zoom_->reapply();
}

bool MainWindow::exportSession(const QString& path) {
    QString error;
    if (!writeSessionFile(path, currentSession(true), &error)) {
        QMessageBox::warning(this, "Export session", error);
        return false;
    }
    statusBar()->showMessage("Session exported to " + path, 5000);
    return true;
}

bool MainWindow::openSession(const QString& path) {
    Session s;
    QString error;
    if (!readSessionFile(path, s, &error)) {
        QMessageBox::warning(this, "Open session", error);
        return false;
    }
    if (s.kernelText.isEmpty()) {
        QMessageBox::warning(this, "Open session", QFileInfo(path).fileName() + ": the session holds no kernel");
        return false;
    }
    // The kernel beside the session file, when it is the same text, is opened as that file (so
    // saving goes there); otherwise the kernel comes as an unsaved buffer of its name.
    const QString beside = QDir(QFileInfo(path).absolutePath()).filePath(s.kernelName);
    const FileOutcome onDisk = readKernelFile(beside);
    if (!s.kernelName.isEmpty() && onDisk.ok && onDisk.text == s.kernelText) {
        if (!openFile(beside)) return false;
    } else {
        newKernel();
        untitledName_ = s.kernelName.isEmpty() ? QFileInfo(path).completeBaseName() + ".py" : s.kernelName;
        // Set after the empty buffer's save point, so the kernel counts as unsaved (QScintilla
        // can clear the modified flag but not set it).
        loading_ = true;
        editor_->setText(s.kernelText);
        loading_ = false;
        updateTitle();
        analyseNow();
    }
    pendingSession_ = s;
    hasPendingSession_ = true;
    statusBar()->showMessage("Session " + QFileInfo(path).fileName() + " opened", 5000);
    return true;
}

void MainWindow::refreshDiffSources() {
    if (!diffVisible()) return;  // computed when the diff view is shown
    diffView_->setSources(diffSources(last_, editor_->text(), savedText_));
}


}  // namespace lomaw::gui
