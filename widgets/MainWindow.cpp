#include "MainWindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

#include "AnalysisScheduler.h"
#include "AppPaths.h"
#include "CodeView.h"
#include "CodeViewSet.h"
#include "DiffSources.h"
#include "DiffView.h"
#include "PresentationZoom.h"
#include "KernelEditor.h"
#include "FileDialogs.h"
#include "FileDrop.h"
#include "KernelFile.h"
#include "KernelLanguage.h"
#include "LanguageHelp.h"
#include "PlotPanel.h"
#include "TimingPanel.h"
#include "ProblemsView.h"
#include "ResultsView.h"
#include "RunPanel.h"
#include "ScopeTable.h"

namespace lomaw::gui {

namespace {
constexpr int MaxRecent = 8;
const QList<Stage> kPaneStages = {Stage::Diff, Stage::C, Stage::Omp, Stage::MpiParent, Stage::MpiChild};
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), recovery_(recoveryFilePath()) {
    setObjectName("lomaworksMainWindow");
    setWindowIcon(QIcon(":/icons/lomaworks.svg"));
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);
    setAcceptDrops(true);  // files dropped anywhere on the window are opened
    fitToScreen();

    editor_ = new KernelEditor(this);
    editor_->setObjectName("kernelEditor");
    setCentralWidget(editor_);
    problems_ = new ProblemsView(this);
    codeViews_ = new CodeViewSet(this);
    codeViews_->create(kPaneStages, this);
    runPanel_ = new RunPanel(this);
    plotPanel_ = new PlotPanel(this);
    timingPanel_ = new TimingPanel(this);
    scopeTable_ = new ScopeTable(this);
    diffView_ = new DiffView(this);
    scheduler_ = new AnalysisScheduler(this);
    zoom_ = new PresentationZoom(this);
    connect(zoom_, &PresentationZoom::restyled, this, [this] {
        const bool dark = theme_ == ThemeKind::Dark;
        editor_->setDarkTheme(dark);
        codeViews_->setDarkTheme(dark);
        diffView_->setDarkTheme(dark);
    });
    // The log reads best unwrapped: its lines are commands and timings, not prose.
    runPanel_->log()->setLineWrapMode(QPlainTextEdit::NoWrap);

    buildDocks();
    buildMenus();
    buildToolBar();
    analysisStatus_ = new QLabel(this);
    cursorStatus_ = new QLabel(this);
    statusBar()->addWidget(analysisStatus_, 1);
    statusBar()->addPermanentWidget(cursorStatus_);

    connect(editor_, &QsciScintilla::textChanged, this, &MainWindow::onTextChanged);
    connect(editor_, &QsciScintilla::modificationChanged, this, [this] { updateTitle(); });
    connect(editor_, &KernelEditor::cursorLineChanged, this, &MainWindow::onCursorLine);
    connect(editor_, &KernelEditor::filesDropped, this, &MainWindow::openDropped);
    connect(editor_, &QsciScintilla::cursorPositionChanged, this, [this](int line, int index) {
        cursorStatus_->setText(QString("Ln %1, Col %2").arg(line + 1).arg(index + 1));
    });
    connect(scheduler_, &AnalysisScheduler::finished, this, &MainWindow::onAnalysis);
    connect(problems_, &ProblemsView::locationActivated, this, [this](int line, int col) {
        if (line > 0) editor_->goTo(line, col);
    });
    connect(codeViews_, &CodeViewSet::sourceLineActivated, this, [this](int line) {
        // A click in a generated pane: move the editor, keep the focus where the user clicked.
        editor_->goTo(line, 1, false);
    });
    wireHoverLinks();
    connect(scopeTable_, &ScopeTable::loopActivated, this, [this](int line) { editor_->goTo(line); });
    connect(runPanel_, &RunPanel::functionSelected, this, [this](const QString& name) { onFunctionChosen(name); });
    // Every MPI batch run adds one point to the timing series.
    connect(runPanel_, &RunPanel::timingRecorded, timingPanel_, &TimingPanel::addPoint);
    // An optimisation run's trajectory (and landscape) goes to the plots.
    connect(runPanel_, &RunPanel::trajectoryReady, this, [this](const TrajectoryData& data) {
        plotPanel_->setData(data);
        zoom_->reapply();
        if (QDockWidget* d = dockFor(plotPanel_)) {
            d->show();
            d->raise();
        }
    });
    // Runs change the session (settings, plots, timings): keep it on disk.
    connect(runPanel_, &RunPanel::runFinished, this, [this] {
        zoom_->reapply();
        saveCurrentSession();
    });
    // The forced-scope OpenMP variants are computed only while the diff view is shown.
    connect(diffView_, &DiffView::selectionChanged, this, [this] {
        if (last_.ompVariants.isEmpty() && !last_.scopes.isEmpty()) scheduler_->runNow(makeRequest());
    });
    runPanel_->setSourceProvider([this] {
        RunRequest r;
        r.sourceText = editor_->text();
        r.fileName = kernelName();
        r.sourcePath = path_;  // where the file's data sets are (run panel demos)
        return r;
    });
    // Descent runs (overlaid or not), their landscapes, and clicks on the landscape (RunPanel).
    connect(runPanel_, &RunPanel::descentReady, this, [this](const TrajectoryData& run, bool overlay) {
        overlay ? plotPanel_->addRun(run) : plotPanel_->setData(run);
        if (QDockWidget* d = dockFor(plotPanel_)) {
            d->show();
            d->raise();
        }
    });
    connect(runPanel_, &RunPanel::landscapeReady, plotPanel_, &PlotPanel::setLandscape);
    connect(plotPanel_, &PlotPanel::startPicked, runPanel_, &RunPanel::setStartFromPlot);
    connect(plotPanel_, &PlotPanel::sliceRequested, runPanel_, &RunPanel::evaluateSlice);

    autosave_.setInterval(5000);
    connect(&autosave_, &QTimer::timeout, this, &MainWindow::autosaveNow);
    autosave_.start();

    restoreSettings();
    updateTitle();
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::dockFor(QWidget* content) const {
    for (QDockWidget* d : docks_)
        if (d->widget() == content || (d->widget() && d->widget()->isAncestorOf(content))) return d;
    return nullptr;
}

QAction* MainWindow::action(const QString& objectName) const { return findChild<QAction*>(objectName); }

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu("&File");
    file->addAction("&New", QKeySequence::New, this, [this] {
        if (maybeSave()) newKernel();
    });
    file->addAction(QIcon(":/icons/open.svg"), "&Open…", QKeySequence::Open, this, &MainWindow::openDialog);
    recentMenu_ = file->addMenu("Open &Recent");
    examplesMenu_ = file->addMenu("&Examples");
    file->addSeparator();
    file->addAction(QIcon(":/icons/save.svg"), "&Save", QKeySequence::Save, this, [this] { save(); });
    file->addAction("Save &As…", QKeySequence::SaveAs, this, [this] { saveAs(); });
    file->addSeparator();
    file->addAction("Open &session…", this, [this] {
        if (!maybeSave()) return;
        const QString path = askOpenFile(this, "Open session", "lomaworks sessions (*.json);;All files (*)");
        if (path.isEmpty()) return;
        openSession(path);
    })->setObjectName("actionOpenSession");
    file->addAction("E&xport session…", this, [this] {
        const QString base = path_.isEmpty() ? (untitledName_.isEmpty() ? QString("kernel") : QFileInfo(untitledName_).completeBaseName())
                                             : QFileInfo(path_).completeBaseName();
        const QString path = askSaveFile(this, "Export session", base + ".session.json", "lomaworks sessions (*.json)");
        if (path.isEmpty()) return;
        exportSession(path);
    })->setObjectName("actionExportSession");
    file->addSeparator();
    file->addAction("&Quit", QKeySequence::Quit, this, &QWidget::close);

    buildViewMenu();

    QMenu* run = menuBar()->addMenu("&Run");
    run->addAction(QIcon(":/icons/run.svg"), "&Run function", QKeySequence(Qt::CTRL | Qt::Key_R), this, [this] {
        if (QDockWidget* d = dockFor(runPanel_)) {
            d->show();
            d->raise();
        }
        runPanel_->run();
    })->setObjectName("actionRunFunction");
    run->addAction(QIcon(":/icons/stop.svg"), "&Cancel run", QKeySequence(Qt::Key_Escape | Qt::SHIFT), runPanel_, &RunPanel::cancel);
    run->addSeparator();
    run->addAction(QIcon(":/icons/plot.svg"), "Open &trajectory…", this, [this] {
        if (QDockWidget* d = dockFor(plotPanel_)) {
            d->show();
            d->raise();
        }
        plotPanel_->openFileDialog();
    });
    run->addAction("Load &timings (CSV)…", this, [this] {
        if (QDockWidget* d = dockFor(timingPanel_)) {
            d->show();
            d->raise();
        }
        timingPanel_->loadCsvDialog();
    });

    QMenu* help = menuBar()->addMenu("&Help");
    help->addAction(QIcon(":/icons/help.svg"), "&Language reference", QKeySequence::HelpContents, this, &MainWindow::showHelp);
    help->addAction("&Guide (a tour with examples)", this, [this] {
        showHelp();
        help_->showPage("guide.md");
    });
    help->addAction("lomaworks &manual", this, [this] {
        showHelp();
        help_->showPage("app.md");
    });
    help->addAction("The lomaw &command line", this, [this] {
        showHelp();
        help_->showPage("cli.md");
    });
    help->addAction("&About lomaworks", this, [this] {
        QMessageBox::about(this, "About lomaworks",
                           "<b>lomaworks</b> — a workbench for differentiable programming on parallel machines.<br>"
                           "Edit loma kernels, see their derivatives, C, OpenMP and MPI code side by side, run and plot.");
    });
    rebuildExamplesMenu();
    rebuildRecentMenu();
}

void MainWindow::buildToolBar() {
    QToolBar* bar = addToolBar("Main");
    bar->setObjectName("mainToolBar");
    bar->setIconSize(QSize(18, 18));
    bar->addAction(QIcon(":/icons/open.svg"), "Open", this, &MainWindow::openDialog);
    bar->addAction(QIcon(":/icons/save.svg"), "Save", this, [this] { save(); });
    bar->addSeparator();
    bar->addWidget(new QLabel(" Function ", bar));
    functionBox_ = new QComboBox(bar);
    functionBox_->setObjectName("functionSelector");
    functionBox_->setMinimumContentsLength(18);
    functionBox_->setToolTip("Show this function in every pane and select it for running");
    bar->addWidget(functionBox_);
    connect(functionBox_, &QComboBox::activated, this, [this](int index) {
        runPanel_->selectFunction(functionBox_->itemData(index).toString());
        onFunctionChosen(functionBox_->itemData(index).toString(), true);
    });
    bar->addSeparator();
    bar->addAction(QIcon(":/icons/run.svg"), "Run", this, [this] { runPanel_->run(); })->setObjectName("actionToolbarRun");
    bar->addAction(QIcon(":/icons/stop.svg"), "Cancel", runPanel_, &RunPanel::cancel);
}

// ------------------------------------------------------------------ analysis and linking

AnalysisRequest MainWindow::makeRequest() const {
    AnalysisRequest r;
    r.path = kernelName();  // its extension decides loma or Fortran
    r.text = editor_->text();
    r.stages = codeViews_->stages();
    r.mpiFunction = runPanel_->selectedFunction();
    // The forced-scope OpenMP variants cost two more generations: only while the diff view
    // shows one of them and the kernel has parallel loops.
    if (diffVisible() && !last_.scopes.isEmpty()) r.ompScopeVariants = {"atomic", "reduction"};
    return r;
}

void MainWindow::onTextChanged() {
    if (loading_) return;
    scheduler_->schedule(makeRequest());
}

void MainWindow::analyseNow() { scheduler_->runNow(makeRequest()); }

void MainWindow::onAnalysis(const AnalysisResult& result) {
    last_ = result;
    editor_->setDiagnostics(result.diagnostics);
    problems_->setDiagnostics(result.diagnostics);
    codeViews_->showAnalysis(result);
    showFortranRunState(result.fortran);
    if (result.ok) {
        // A Fortran procedure has no loma signature: no completion or call tip from it.
        editor_->setModuleNames(result.fortran ? AnalysisResult() : result);
        scopeTable_->setScopes(result.scopes, result.scopesMessage);
        QList<int> loopLines;
        for (const LoopScopeItem& loop : result.scopes) loopLines << loop.line;
        editor_->setParallelLoopLines(loopLines);
        codeViews_->setParallelLoopLines(loopLines);
        const QList<TapeBadge> tapes = tapeBadges(result.tapes);
        editor_->setTapeBadges(tapes);
        for (CodeView* v : codeViews_->views()) v->setTapeBadges(tapes);
        // The selector below lists a Fortran file's procedures; the run panel has nothing to run.
        runPanel_->setFunctions(result.fortran ? QList<FunctionInfo>() : result.functions);
        if (result.fortran) runPanel_->results()->showMessage(fortranRunMessage());
        applyPendingSession();
        const QString keep = runPanel_->selectedFunction();
        QSignalBlocker block(functionBox_);
        functionBox_->clear();
        for (const FunctionInfo& f : result.functions) functionBox_->addItem(f.name, f.name);
        functionBox_->setCurrentIndex(std::max(0, functionBox_->findData(keep)));
    }
    codeViews_->setLinkedSourceLine(editor_->cursorLine1());
    if (sourceColouring_) editor_->setSourceColouredLines(codeViews_->mappedSourceLines());
    refreshDiffSources();
    const int errors = problems_->errorCount();
    const int warnings = problems_->warningCount();
    QString status = errors ? QString("%1 error(s)").arg(errors) : QString("No errors");
    if (warnings) status += QString(", %1 warning(s)").arg(warnings);
    status += QString(" · engine %1 ms").arg(result.milliseconds, 0, 'f', 1);
    analysisStatus_->setText(status);
    if (QDockWidget* d = dockFor(problems_))
        d->setWindowTitle(errors + warnings ? QString("Problems (%1)").arg(errors + warnings) : QString("Problems"));
    Q_EMIT analysisShown();
}

// Fortran files are analysed, not run: the run actions are disabled and say why.
void MainWindow::showFortranRunState(bool fortran) {
    runPanel_->setFortranFile(fortran);
    for (const char* name : {"actionRunFunction", "actionToolbarRun"}) {
        QAction* a = action(name);
        if (!a) continue;
        a->setEnabled(!fortran);
        a->setToolTip(fortran ? fortranRunMessage() : QString("Run the selected function (Ctrl+R)"));
    }
    functionBox_->setToolTip(fortran ? QString("Scroll the editor to this subroutine or function")
                                     : QString("Show this function in every pane and select it for running"));
}

void MainWindow::onCursorLine(int line1) {
    editor_->setLinkedLine(line1);
    codeViews_->setLinkedSourceLine(line1);
}

void MainWindow::onFunctionChosen(const QString& name, bool scrollEditor) {
    for (const FunctionInfo& f : last_.functions) {
        if (f.name != name) continue;
        codeViews_->scrollToFunction(f.name, f.line);
        if (scrollEditor && f.line > 0 && editor_->cursorLine1() != f.line) {
            editor_->setFirstVisibleLine(std::max(0, f.line - 3));
            // A Fortran procedure has no run selection: the editor's cursor goes to it instead.
            if (last_.fortran) editor_->setCursorPosition(f.line - 1, 0);
        }
    }
    const int index = functionBox_ ? functionBox_->findData(name) : -1;
    if (index >= 0) {
        QSignalBlocker block(functionBox_);
        functionBox_->setCurrentIndex(index);
    }
    // The MPI panes show the selected function's programs.
    scheduler_->schedule(makeRequest());
}

// ------------------------------------------------------------------ files

bool MainWindow::isModified() const { return editor_->isModified(); }

void MainWindow::newKernel(const QString& text) {
    saveCurrentSession();
    clearRunResults();
    hasPendingSession_ = false;
    loading_ = true;
    editor_->setText(text);
    loading_ = false;
    editor_->setModified(false);
    path_.clear();
    untitledName_.clear();
    savedText_ = QString();
    updateTitle();
    editor_->setFocus();
    analyseNow();
}

bool MainWindow::openFile(const QString& path) {
    const FileOutcome in = readKernelFile(path);
    if (!in.ok) {
        statusBar()->showMessage(in.error, 8000);
        return false;
    }
    saveCurrentSession();  // the file being left keeps its runs
    clearRunResults();
    loading_ = true;
    editor_->setText(in.text);
    loading_ = false;
    editor_->setModified(false);
    // Open at the top: the module docstring and the first definition are what a reader wants.
    editor_->setCursorPosition(0, 0);
    editor_->setFirstVisibleLine(0);
    editor_->setFocus();
    path_ = QFileInfo(path).absoluteFilePath();
    untitledName_.clear();
    savedText_ = in.text;
    addRecent(path_);
    rememberDialogDirectory(path_);
    hasPendingSession_ = readSessionFile(sessionFilePath(path_), pendingSession_);
    updateTitle();
    analyseNow();
    return true;
}

bool MainWindow::saveTo(const QString& path) {
    const FileOutcome out = writeKernelFileAtomically(path, editor_->text());
    if (!out.ok) {
        QMessageBox::warning(this, "Save failed", out.error);
        return false;
    }
    path_ = QFileInfo(path).absoluteFilePath();
    untitledName_.clear();
    savedText_ = editor_->text();
    editor_->setModified(false);
    recovery_.discard();  // the file on disk is now the newest copy
    saveCurrentSession();
    refreshDiffSources();
    addRecent(path_);
    updateTitle();
    statusBar()->showMessage("Saved " + path_, 4000);
    return true;
}

bool MainWindow::save() { return path_.isEmpty() ? saveAs() : saveTo(path_); }

bool MainWindow::saveAs() {
    const QString start = !path_.isEmpty() ? path_ : (untitledName_.isEmpty() ? "kernel.py" : untitledName_);
    const QString path = askSaveFile(this, "Save kernel", start, kernelFileFilter());
    return !path.isEmpty() && saveTo(path);
}

void MainWindow::openDialog() {
    if (!maybeSave()) return;
    const QString path = askOpenFile(this, "Open kernel", kernelFileFilter());
    if (!path.isEmpty()) openFile(path);
}

void MainWindow::openDropped(const QStringList& paths) {
    if (paths.isEmpty() || !maybeSave()) return;
    // One kernel at a time: the first file; the status bar says what was left.
    openFile(paths.first());
    if (paths.size() > 1) statusBar()->showMessage(QString("Opened %1; %2 more dropped file(s) not opened")
                                                       .arg(QFileInfo(paths.first()).fileName()).arg(paths.size() - 1), 8000);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) { droppedFiles(event); }
void MainWindow::dragMoveEvent(QDragMoveEvent* event) { droppedFiles(event); }

void MainWindow::dropEvent(QDropEvent* event) { openDropped(droppedFiles(event)); }

QString MainWindow::kernelName() const {
    if (!path_.isEmpty()) return QFileInfo(path_).fileName();
    return untitledName_.isEmpty() ? "untitled.py" : untitledName_;
}

bool MainWindow::maybeSave() {
    if (!isModified()) return true;
    const auto answer = QMessageBox::warning(
        this, "Unsaved changes",
        QString("%1 has unsaved changes. Save them?").arg(path_.isEmpty() ? "The kernel" : QFileInfo(path_).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::addRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value("recentFiles").toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecent) recent.removeLast();
    settings.setValue("recentFiles", recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value("recentFiles").toStringList();
    for (const QString& path : recent) {
        recentMenu_->addAction(QFileInfo(path).fileName() + "  —  " + QFileInfo(path).absolutePath(), this, [this, path] {
            if (maybeSave()) openFile(path);
        });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::rebuildExamplesMenu() {
    examplesMenu_->clear();
    const QString dir = examplesDirectory();
    // Loma kernels and the OpenMP Fortran example (heat_stencil.f90).
    const QStringList files = dir.isEmpty() ? QStringList() : QDir(dir).entryList({"*.py", "*.f90"}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        const QString path = QDir(dir).filePath(name);
        examplesMenu_->addAction(name, this, [this, path] {
            if (maybeSave()) openFile(path);
        });
    }
    examplesMenu_->setEnabled(!files.isEmpty());
}

void MainWindow::updateTitle() {
    const QString name = kernelName();
    setWindowTitle(name + "[*] — lomaworks");
    setWindowModified(isModified());
    // The name also decides the language (every change of file or name passes here).
    editor_->setLanguage(kernelLanguageOf(name));
}

// ------------------------------------------------------------------ recovery

void MainWindow::autosaveNow() {
    if (!isModified()) return;
    recovery_.save({path_, editor_->text(), QDateTime::currentDateTime().toString(Qt::ISODate)});
}

bool MainWindow::hasRecovery() const { return recovery_.exists(); }

bool MainWindow::restoreFromRecovery() {
    RecoveryState state;
    if (!recovery_.load(state)) return false;
    loading_ = true;
    editor_->setText(state.text);
    loading_ = false;
    path_ = state.originalPath;
    editor_->setModified(true);  // recovered text is not on disk yet
    updateTitle();
    analyseNow();
    return true;
}

void MainWindow::offerRecovery() {
    RecoveryState state;
    if (!recovery_.load(state)) return;
    const QString what = state.originalPath.isEmpty() ? "an untitled kernel" : QFileInfo(state.originalPath).fileName();
    const auto answer = QMessageBox::question(
        this, "Recover unsaved work",
        QString("lomaworks did not close cleanly last time. Restore the unsaved changes to %1 (autosaved %2)?")
            .arg(what, state.savedAt),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) restoreFromRecovery();
    else recovery_.discard();
}

// ------------------------------------------------------------------ settings, help, theme

void MainWindow::setTheme(ThemeKind kind) {
    theme_ = kind;
    applyApplicationTheme(kind);
    const bool dark = kind == ThemeKind::Dark;
    editor_->setDarkTheme(dark);
    codeViews_->setDarkTheme(dark);
    plotPanel_->setDarkTheme(dark);
    timingPanel_->setDarkTheme(dark);
    diffView_->setDarkTheme(dark);
    zoom_->reapply();
    for (QMenu* m : viewMenu_->findChildren<QMenu*>())
        for (QAction* a : m->actions())
            if (a->isCheckable() && !a->data().toString().isEmpty()) a->setChecked(a->data().toString() == themeName(kind));
    QSettings().setValue("theme", themeName(kind));
}

void MainWindow::showHelp() {
    if (!help_) help_ = new LanguageHelp(this);
    help_->show();
    help_->raise();
    help_->activateWindow();
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (restoreGeometry(settings.value("geometry").toByteArray())) {
        // A window saved on a larger screen (or another monitor) comes back inside this one.
        if (QScreen* s = screen()) setGeometry(clampedGeometry(geometry(), s->availableGeometry()));
    }
    // A state saved by an older layout (other docks) would leave new docks nowhere: the
    // version number makes restoreState refuse it, and the default layout applies.
    if (!restoreState(settings.value("windowState").toByteArray(), LayoutVersion)) defaultSizesPending_ = true;
    setTheme(themeFromName(settings.value("theme", "light").toString()));
    setSourceColouring(settings.value("colourLines", false).toBool());
    zoom_->setStep(settings.value("zoom", 0).toInt());
}

void MainWindow::saveSettings() {
    QSettings settings;
    settings.setValue("geometry", saveGeometry());
    settings.setValue("windowState", saveState(LayoutVersion));
    settings.setValue("zoom", zoom_->step());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    saveCurrentSession();
    recovery_.discard();  // a clean exit: nothing to recover
    runPanel_->cancel();
    event->accept();
}

}  // namespace lomaw::gui
