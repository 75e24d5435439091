// MainWindow: the docks and their default arrangement, fitting the screen, View menu (zoom,
// full screen, colours by source, reset layout) and the hover links between editor and panes.
#include <QActionGroup>
#include <QDockWidget>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QShowEvent>
#include <QTimer>

#include "AnalysisScheduler.h"
#include "CodeView.h"
#include "CodeViewSet.h"
#include "DiffView.h"
#include "KernelEditor.h"
#include "MainWindow.h"
#include "PlotPanel.h"
#include "PresentationZoom.h"
#include "ProblemsView.h"
#include "RunPanel.h"
#include "ScopeTable.h"
#include "TimingPanel.h"

namespace lomaw::gui {

namespace {

// Below this window height the MPI panes join the code tabs instead of a split of their own:
// at 768 px two stacked panes would show a dozen lines each.
constexpr int SplitCodeMinHeight = 950;

// Heavy panels scroll inside their dock instead of forcing the dock (and the window) to their
// minimum size; `minimum` keeps plots readable when the dock is small.
QScrollArea* scrolled(QWidget* content, const QSize& minimum = QSize()) {
    auto* area = new QScrollArea;
    area->setObjectName(content->objectName() + "Scroll");
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    if (minimum.isValid()) content->setMinimumSize(minimum);
    area->setWidget(content);
    return area;
}

}  // namespace

QRect MainWindow::initialGeometry(const QRect& available) {
    // Leave room for the window frame (title bar, borders) inside the available area.
    const int w = std::min(available.width() - 16, 1680);
    const int h = std::min(available.height() - 48, 1050);
    const int x = available.x() + (available.width() - w) / 2;
    const int y = available.y() + std::max(32, (available.height() - h) / 2);
    return QRect(x, y, w, h);
}

QRect MainWindow::clampedGeometry(const QRect& g, const QRect& available) {
    const int w = std::min(g.width(), available.width() - 16);
    const int h = std::min(g.height(), available.height() - 48);
    const int x = std::clamp(g.x(), available.left(), std::max(available.left(), available.left() + available.width() - w - 8));
    const int y = std::clamp(g.y(), available.top(), std::max(available.top(), available.top() + available.height() - h - 16));
    return QRect(x, y, w, h);
}

void MainWindow::fitToScreen() {
    if (QScreen* s = screen()) setGeometry(initialGeometry(s->availableGeometry()));
    else resize(1280, 800);
}

void MainWindow::buildDocks() {
    setTabPosition(Qt::AllDockWidgetAreas, QTabWidget::North);
    auto makeDock = [this](QWidget* content, const QString& title, const QString& name) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name);  // saveState/restoreState key
        dock->setWidget(content);
        dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
        docks_ << dock;
        return dock;
    };
    for (CodeView* v : codeViews_->views()) {
        QString name = "dock_" + stageTitle(v->stage());
        codeDocks_ << makeDock(v, stageTitle(v->stage()), name.replace(' ', '_'));
    }
    makeDock(diffView_, "Diff", "dock_diff");
    makeDock(problems_, "Problems", "dock_problems");
    makeDock(scopeTable_, "Scopes", "dock_scopes");
    makeDock(scrolled(runPanel_), "Run", "dock_run");
    makeDock(scrolled(plotPanel_, QSize(520, 340)), "Plots", "dock_plots");
    // Four plots in a 2 x 2 grid: below ~300 x 250 each their ticks overlap.
    makeDock(scrolled(timingPanel_, QSize(640, 560)), "Timings", "dock_timings");
    connect(dockFor(diffView_), &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible) return;
        refreshDiffSources();
        if (last_.ompVariants.isEmpty() && !last_.scopes.isEmpty()) scheduler_->runNow(makeRequest());
    });
    resetLayout();
}

// The default arrangement, Compiler Explorer's habit: the editor on the left with problems,
// scopes and the run panel in tabs below it; the generated code, the diff view and the plots in
// tabs on the right, full height (on a tall window the MPI programs get a split of their own).
void MainWindow::resetLayout() {
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    for (QDockWidget* d : docks_) {
        d->setFloating(false);
        removeDockWidget(d);
    }
    auto dockOf = [this](Stage s) { return dockFor(codeViews_->view(s)); };
    QDockWidget* c = dockOf(Stage::C);
    addDockWidget(Qt::RightDockWidgetArea, c);
    const bool split = height() >= SplitCodeMinHeight;
    for (QDockWidget* d : {dockOf(Stage::Diff), dockOf(Stage::Omp)}) tabifyDockWidget(c, d);
    if (split) {
        addDockWidget(Qt::RightDockWidgetArea, dockOf(Stage::MpiParent), Qt::Vertical);
        tabifyDockWidget(dockOf(Stage::MpiParent), dockOf(Stage::MpiChild));
    } else {
        tabifyDockWidget(c, dockOf(Stage::MpiParent));
        tabifyDockWidget(c, dockOf(Stage::MpiChild));
    }
    for (QWidget* w : {static_cast<QWidget*>(diffView_), static_cast<QWidget*>(plotPanel_), static_cast<QWidget*>(timingPanel_)})
        tabifyDockWidget(split ? dockOf(Stage::MpiParent) : c, dockFor(w));
    QDockWidget* problems = dockFor(problems_);
    addDockWidget(Qt::BottomDockWidgetArea, problems);
    tabifyDockWidget(problems, dockFor(scopeTable_));
    tabifyDockWidget(problems, dockFor(runPanel_));
    for (QDockWidget* d : docks_) d->show();
    c->raise();
    if (split) dockOf(Stage::MpiParent)->raise();
    problems->raise();
    defaultSizesPending_ = true;
    if (isVisible()) QTimer::singleShot(0, this, &MainWindow::applyDefaultSizes);
}

void MainWindow::applyDefaultSizes() {
    defaultSizesPending_ = false;
    QDockWidget* c = dockFor(codeViews_->view(Stage::C));
    resizeDocks({c}, {width() * 48 / 100}, Qt::Horizontal);
    resizeDocks({dockFor(problems_)}, {height() * 30 / 100}, Qt::Vertical);
    QDockWidget* mpi = dockFor(codeViews_->view(Stage::MpiParent));
    if (!tabifiedDockWidgets(c).contains(mpi)) resizeDocks({c, mpi}, {height() * 58 / 100, height() * 42 / 100}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    // Dock sizes only take once the window has its final size.
    if (defaultSizesPending_) QTimer::singleShot(0, this, &MainWindow::applyDefaultSizes);
}

void MainWindow::buildViewMenu() {
    viewMenu_ = menuBar()->addMenu("&View");
    QMenu* themes = viewMenu_->addMenu("&Theme");
    auto* group = new QActionGroup(this);
    for (ThemeKind kind : {ThemeKind::Light, ThemeKind::Dark}) {
        QAction* a = themes->addAction(kind == ThemeKind::Light ? "&Light" : "&Dark", this, [this, kind] { setTheme(kind); });
        a->setCheckable(true);
        a->setData(themeName(kind));
        group->addAction(a);
    }
    // Zoom keys on every keyboard: Ctrl+= (no shift needed), Ctrl++ (shifted or keypad),
    // Ctrl+- and Ctrl+0 (main row or keypad). Application-wide, so floating docks zoom too.
    auto addZoom = [this](const QString& text, const QString& name, const QList<QKeySequence>& keys, auto slot) {
        QAction* a = viewMenu_->addAction(text, zoom_, slot);
        a->setObjectName(name);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::ApplicationShortcut);
        return a;
    };
    const auto ctrl = Qt::ControlModifier;
    const auto pad = Qt::ControlModifier | Qt::KeypadModifier;
    viewMenu_->addSeparator();
    addZoom("Zoom &in", "actionZoomIn",
            {QKeySequence(ctrl | Qt::Key_Equal), QKeySequence(ctrl | Qt::Key_Plus), QKeySequence(ctrl | Qt::ShiftModifier | Qt::Key_Equal),
             QKeySequence(ctrl | Qt::ShiftModifier | Qt::Key_Plus), QKeySequence(pad | Qt::Key_Plus)},
            &PresentationZoom::zoomIn);
    addZoom("Zoom &out", "actionZoomOut",
            {QKeySequence(ctrl | Qt::Key_Minus), QKeySequence(ctrl | Qt::ShiftModifier | Qt::Key_Underscore), QKeySequence(pad | Qt::Key_Minus)},
            &PresentationZoom::zoomOut);
    addZoom("&Reset zoom", "actionZoomReset", {QKeySequence(ctrl | Qt::Key_0), QKeySequence(pad | Qt::Key_0)}, &PresentationZoom::reset);
    QAction* full = viewMenu_->addAction("&Full screen", this, [this](bool on) {
        if (on) showFullScreen();
        else showNormal();
    });
    full->setObjectName("actionFullScreen");
    full->setCheckable(true);
    full->setShortcut(QKeySequence(Qt::Key_F11));
    full->setShortcutContext(Qt::ApplicationShortcut);
    viewMenu_->addSeparator();
    QAction* colours = viewMenu_->addAction("&Colour lines by source", this, [this](bool on) { setSourceColouring(on); });
    colours->setObjectName("actionColourLines");
    colours->setCheckable(true);
    viewMenu_->addAction("Reset &layout", this, &MainWindow::resetLayout)->setObjectName("actionResetLayout");
    viewMenu_->addSeparator();
    for (QDockWidget* d : docks_) viewMenu_->addAction(d->toggleViewAction());
}

void MainWindow::setSourceColouring(bool on) {
    sourceColouring_ = on;
    codeViews_->setSourceColouring(on);
    editor_->setSourceColouredLines(on ? codeViews_->mappedSourceLines() : QList<int>());
    if (QAction* a = action("actionColourLines")) a->setChecked(on);
    QSettings().setValue("colourLines", on);
}

void MainWindow::wireHoverLinks() {
    // Badges and variables explain their scopes; squiggles and markers their diagnostics
    // (KernelEditor::hoverTextAt).
    editor_->setLoopTipProvider([this](int line1) { return scopeTable_->loopTipFor(line1); });
    editor_->setWordTipProvider([this](const QString& word, int line1) { return scopeTable_->tipFor(word, line1); });
    codeViews_->setBadgeTipProvider([this](int line1) { return scopeTable_->loopTipFor(line1); });
    // The line under the mouse lights up everywhere it went: editor -> panes, pane -> editor
    // and the other panes.
    connect(editor_, &KernelEditor::hoveredLineChanged, codeViews_, &CodeViewSet::setHoverSourceLine);
    connect(codeViews_, &CodeViewSet::sourceLineHovered, this, [this](int line1) {
        editor_->setHoverLine(line1);
        codeViews_->setHoverSourceLine(line1);
    });
}

bool MainWindow::diffVisible() const { return diffView_->isVisible(); }

}  // namespace lomaw::gui
