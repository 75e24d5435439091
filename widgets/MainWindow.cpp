#include "MainWindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolTip>

#include "AnalysisScheduler.h"
#include "AppPaths.h"
#include "CodeView.h"
#include "CodeViewSet.h"
#include "KernelEditor.h"
#include "KernelFile.h"
#include "LanguageHelp.h"
#include "PlotPanel.h"
#include "TimingPanel.h"
#include "ProblemsView.h"
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
    resize(1400, 900);

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
    scheduler_ = new AnalysisScheduler(this);

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
    // Hover tips: a variable of a parallel loop shows its scopes.
    editor_->SendScintilla(QsciScintilla::SCI_SETMOUSEDWELLTIME, 450UL);
    connect(editor_, &QsciScintilla::SCN_DWELLSTART, this, [this](int position, int x, int y) {
        if (position < 0) return;
        int line = 0, index = 0;
        editor_->lineIndexFromPosition(position, &line, &index);
        const QString tip = scopeTable_->tipFor(editor_->wordAtLineIndex(line, index), line + 1);
        if (!tip.isEmpty()) QToolTip::showText(editor_->viewport()->mapToGlobal(QPoint(x, y)), tip, editor_);
    });
    connect(editor_, &QsciScintilla::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
    connect(scopeTable_, &ScopeTable::loopActivated, this, [this](int line) { editor_->goTo(line); });
    connect(runPanel_, &RunPanel::functionSelected, this, &MainWindow::onFunctionChosen);
    // Every MPI batch run adds one point to the timing series.
    connect(runPanel_, &RunPanel::timingRecorded, timingPanel_, &TimingPanel::addPoint);
    // An optimisation run's trajectory (and landscape) goes to the plots.
    connect(runPanel_, &RunPanel::trajectoryReady, this, [this](const TrajectoryData& data) {
        plotPanel_->setData(data);
        if (QDockWidget* d = dockFor(plotPanel_)) {
            d->show();
            d->raise();
        }
    });
    runPanel_->setSourceProvider([this] {
        RunRequest r;
        r.sourceText = editor_->text();
        r.fileName = path_.isEmpty() ? "untitled.py" : QFileInfo(path_).fileName();
        return r;
    });

    autosave_.setInterval(5000);
    connect(&autosave_, &QTimer::timeout, this, &MainWindow::autosaveNow);
    autosave_.start();

    restoreSettings();
    updateTitle();
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::dockFor(QWidget* content) const {
    for (QDockWidget* d : docks_)
        if (d->widget() == content) return d;
    return nullptr;
}

void MainWindow::buildDocks() {
    auto makeDock = [this](QWidget* content, const QString& title, const QString& name, Qt::DockWidgetArea area) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name);  // saveState/restoreState key
        dock->setWidget(content);
        dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
        addDockWidget(area, dock);
        docks_ << dock;
        return dock;
    };
    // Default arrangement (Compiler Explorer's habit): C beside the editor with the derivative
    // and OpenMP code as tabs, the MPI programs below it; problems, run and plots along the
    // bottom. Users rearrange freely; saveState remembers it.
    setTabPosition(Qt::AllDockWidgetAreas, QTabWidget::North);
    QList<QDockWidget*> code;
    for (CodeView* v : codeViews_->views()) {
        auto* dock = new QDockWidget(stageTitle(v->stage()), this);
        dock->setObjectName("dock_" + stageTitle(v->stage()).replace(' ', '_'));
        dock->setWidget(v);
        docks_ << dock;
        code << dock;
    }
    // kPaneStages order: Diff, C, Omp, MpiParent, MpiChild.
    addDockWidget(Qt::RightDockWidgetArea, code.at(1));
    addDockWidget(Qt::RightDockWidgetArea, code.at(3), Qt::Vertical);
    tabifyDockWidget(code.at(1), code.at(0));
    tabifyDockWidget(code.at(1), code.at(2));
    tabifyDockWidget(code.at(3), code.at(4));
    code.at(1)->raise();
    code.at(3)->raise();
    QDockWidget* problems = makeDock(problems_, "Problems", "dock_problems", Qt::BottomDockWidgetArea);
    QDockWidget* scopes = makeDock(scopeTable_, "Scopes", "dock_scopes", Qt::BottomDockWidgetArea);
    QDockWidget* run = makeDock(runPanel_, "Run", "dock_run", Qt::BottomDockWidgetArea);
    QDockWidget* plots = makeDock(plotPanel_, "Plots", "dock_plots", Qt::BottomDockWidgetArea);
    QDockWidget* timings = makeDock(timingPanel_, "Timings", "dock_timings", Qt::BottomDockWidgetArea);
    tabifyDockWidget(problems, scopes);
    tabifyDockWidget(problems, run);
    tabifyDockWidget(problems, plots);
    tabifyDockWidget(problems, timings);
    problems->raise();
    resizeDocks({code.at(1)}, {640}, Qt::Horizontal);
    resizeDocks({code.at(1), code.at(3)}, {420, 200}, Qt::Vertical);
    resizeDocks({problems}, {220}, Qt::Vertical);
}

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
    file->addAction("&Quit", QKeySequence::Quit, this, &QWidget::close);

    viewMenu_ = menuBar()->addMenu("&View");
    QMenu* themes = viewMenu_->addMenu("&Theme");
    auto* group = new QActionGroup(this);
    for (ThemeKind kind : {ThemeKind::Light, ThemeKind::Dark}) {
        QAction* a = themes->addAction(kind == ThemeKind::Light ? "&Light" : "&Dark", this, [this, kind] { setTheme(kind); });
        a->setCheckable(true);
        a->setData(themeName(kind));
        group->addAction(a);
    }
    viewMenu_->addSeparator();
    for (QDockWidget* d : docks_) viewMenu_->addAction(d->toggleViewAction());

    QMenu* run = menuBar()->addMenu("&Run");
    run->addAction(QIcon(":/icons/run.svg"), "&Run function", QKeySequence(Qt::CTRL | Qt::Key_R), this, [this] {
        if (QDockWidget* d = dockFor(runPanel_)) {
            d->show();
            d->raise();
        }
        runPanel_->run();
    });
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
        onFunctionChosen(functionBox_->itemData(index).toString());
    });
    bar->addSeparator();
    bar->addAction(QIcon(":/icons/run.svg"), "Run", this, [this] { runPanel_->run(); });
    bar->addAction(QIcon(":/icons/stop.svg"), "Cancel", runPanel_, &RunPanel::cancel);
}

// ------------------------------------------------------------------ analysis and linking

AnalysisRequest MainWindow::makeRequest() const {
    AnalysisRequest r;
    r.path = path_.isEmpty() ? "untitled.py" : QFileInfo(path_).fileName();
    r.text = editor_->text();
    r.stages = codeViews_->stages();
    r.mpiFunction = runPanel_->selectedFunction();
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
    if (result.ok) {
        editor_->setModuleNames(result);
        scopeTable_->setScopes(result.scopes, result.scopesMessage);
        QList<int> loopLines;
        for (const LoopScopeItem& loop : result.scopes) loopLines << loop.line;
        editor_->setParallelLoopLines(loopLines);
        codeViews_->setParallelLoopLines(loopLines);
        runPanel_->setFunctions(result.functions);
        const QString keep = runPanel_->selectedFunction();
        QSignalBlocker block(functionBox_);
        functionBox_->clear();
        for (const FunctionInfo& f : result.functions) functionBox_->addItem(f.name, f.name);
        functionBox_->setCurrentIndex(std::max(0, functionBox_->findData(keep)));
    }
    codeViews_->setLinkedSourceLine(editor_->cursorLine1());
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

void MainWindow::onCursorLine(int line1) {
    editor_->setLinkedLine(line1);
    codeViews_->setLinkedSourceLine(line1);
}

void MainWindow::onFunctionChosen(const QString& name) {
    for (const FunctionInfo& f : last_.functions) {
        if (f.name != name) continue;
        codeViews_->scrollToFunction(f.name, f.line);
        if (f.line > 0 && editor_->cursorLine1() != f.line) {
            editor_->setFirstVisibleLine(std::max(0, f.line - 3));
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
    loading_ = true;
    editor_->setText(text);
    loading_ = false;
    editor_->setModified(false);
    path_.clear();
    updateTitle();
    analyseNow();
}

bool MainWindow::openFile(const QString& path) {
    const FileOutcome in = readKernelFile(path);
    if (!in.ok) {
        statusBar()->showMessage(in.error, 8000);
        return false;
    }
    loading_ = true;
    editor_->setText(in.text);
    loading_ = false;
    editor_->setModified(false);
    path_ = QFileInfo(path).absoluteFilePath();
    addRecent(path_);
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
    editor_->setModified(false);
    recovery_.discard();  // the file on disk is now the newest copy
    addRecent(path_);
    updateTitle();
    statusBar()->showMessage("Saved " + path_, 4000);
    return true;
}

bool MainWindow::save() { return path_.isEmpty() ? saveAs() : saveTo(path_); }

bool MainWindow::saveAs() {
    const QString start = path_.isEmpty() ? QDir::homePath() + "/kernel.py" : path_;
    const QString path = QFileDialog::getSaveFileName(this, "Save kernel", start, "loma kernels (*.py);;All files (*)");
    return !path.isEmpty() && saveTo(path);
}

void MainWindow::openDialog() {
    if (!maybeSave()) return;
    const QString dir = path_.isEmpty() ? examplesDirectory() : QFileInfo(path_).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, "Open kernel", dir, "loma kernels (*.py);;All files (*)");
    if (!path.isEmpty()) openFile(path);
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
    const QStringList files = dir.isEmpty() ? QStringList() : QDir(dir).entryList({"*.py"}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        const QString path = QDir(dir).filePath(name);
        examplesMenu_->addAction(name, this, [this, path] {
            if (maybeSave()) openFile(path);
        });
    }
    examplesMenu_->setEnabled(!files.isEmpty());
}

void MainWindow::updateTitle() {
    const QString name = path_.isEmpty() ? "untitled.py" : QFileInfo(path_).fileName();
    setWindowTitle(name + "[*] — lomaworks");
    setWindowModified(isModified());
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
    restoreGeometry(settings.value("geometry").toByteArray());
    if (!restoreState(settings.value("windowState").toByteArray())) {
        // First start: dock sizes only take once the window has its size.
        QTimer::singleShot(0, this, [this] {
            resizeDocks({dockFor(problems_)}, {190}, Qt::Vertical);
            resizeDocks({dockFor(codeViews_->view(Stage::C))}, {height() / 2}, Qt::Vertical);
        });
    }
    setTheme(themeFromName(settings.value("theme", "light").toString()));
}

void MainWindow::saveSettings() {
    QSettings settings;
    settings.setValue("geometry", saveGeometry());
    settings.setValue("windowState", saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    recovery_.discard();  // a clean exit: nothing to recover
    runPanel_->cancel();
    event->accept();
}

}  // namespace lomaw::gui
