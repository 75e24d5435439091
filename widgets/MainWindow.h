// The lomaworks main window: the kernel editor in the middle; generated-code panes, problems,
// run panel and plots as dock widgets the user arranges (tabs or splits; the arrangement is
// remembered, View > Reset layout brings the default back). Files: open/save (atomic)/save
// as/recent/examples, unsaved-change prompts, autosave with recovery after a crash; sessions
// per file and exported as one JSON (MainWindowSession.cpp); themes; one presentation zoom and
// full screen (MainWindowLayout.cpp); hover linking and colours by source line; the diff view;
// the language reference on F1.
#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include "Analysis.h"
#include "RecoveryStore.h"
#include "SessionStore.h"
#include "Theme.h"

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;

namespace lomaw::gui {

class AnalysisScheduler;
class CodeViewSet;
class DiffView;
class PresentationZoom;
class KernelEditor;
class LanguageHelp;
class PlotPanel;
class ProblemsView;
class RunPanel;
class ScopeTable;
class TimingPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // saveState/restoreState version: a layout saved with other docks is not restored.
    static constexpr int LayoutVersion = 2;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opening and saving without dialogs (the menus add the dialogs and prompts).
    bool openFile(const QString& path);
    bool saveTo(const QString& path);
    void newKernel(const QString& text = QString());
    QString filePath() const { return path_; }
    bool isModified() const;

    // Crash recovery: is there an autosave from a session that did not end cleanly, and bring
    // it back (as an unsaved buffer of its original file). offerRecovery() asks first.
    bool hasRecovery() const;
    bool restoreFromRecovery();
    void offerRecovery();
    void autosaveNow();
    void setAutosaveIntervalMs(int ms) { autosave_.setInterval(ms); }

    // Sessions (SessionStore.h): the current file's session now, and export / import of one
    // session file with the kernel in it.
    Session currentSession(bool withKernel) const;
    void saveCurrentSession() const;
    bool exportSession(const QString& path);
    bool openSession(const QString& path);

    // Layout (MainWindowLayout.cpp): the default arrangement of the docks, sized for the window;
    // the first window's geometry on a screen; a restored geometry clamped to the screen.
    void resetLayout();
    static QRect initialGeometry(const QRect& available);
    static QRect clampedGeometry(const QRect& geometry, const QRect& available);
    PresentationZoom* zoom() const { return zoom_; }
    void setSourceColouring(bool on);
    bool sourceColouring() const { return sourceColouring_; }
    DiffView* diffView() const { return diffView_; }
    QAction* action(const QString& objectName) const;

    void setTheme(ThemeKind kind);
    ThemeKind theme() const { return theme_; }
    // Starts the analysis now instead of after the debounce (start-up, tests).
    void analyseNow();

    KernelEditor* editor() const { return editor_; }
    ProblemsView* problems() const { return problems_; }
    CodeViewSet* codeViews() const { return codeViews_; }
    RunPanel* runPanel() const { return runPanel_; }
    PlotPanel* plotPanel() const { return plotPanel_; }
    TimingPanel* timingPanel() const { return timingPanel_; }
    ScopeTable* scopeTable() const { return scopeTable_; }
    AnalysisScheduler* scheduler() const { return scheduler_; }
    const AnalysisResult& lastAnalysis() const { return last_; }
    QDockWidget* dockFor(QWidget* content) const;

Q_SIGNALS:
    void analysisShown();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildDocks();
    void buildViewMenu();
    void applyDefaultSizes();
    void fitToScreen();
    void wireHoverLinks();
    void clearRunResults();
    void applyPendingSession();
    void refreshDiffSources();
    bool diffVisible() const;
    void buildMenus();
    void buildToolBar();
    void onTextChanged();
    void onAnalysis(const AnalysisResult& result);
    void onCursorLine(int line1);
    // `scrollEditor`: the user chose it in the tool bar (the run panel's own choice, e.g. from a
    // file's `# RUN:` line, leaves the editor where it is).
    void onFunctionChosen(const QString& name, bool scrollEditor = false);
    AnalysisRequest makeRequest() const;
    bool maybeSave();
    bool save();
    bool saveAs();
    void openDialog();
    // Files dropped on the window or the editor: the first is opened (after the unsaved prompt).
    void openDropped(const QStringList& paths);
    // The kernel's file name ("untitled.py" for a new buffer): the title, the name the engine
    // sees (.py: loma; .f90, .f, ...: Fortran) and the run panel's file name.
    QString kernelName() const;
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void rebuildExamplesMenu();
    void showFortranRunState(bool fortran);
    void updateTitle();
    void showHelp();
    void restoreSettings();
    void saveSettings();

    QString path_;
    QString untitledName_;   // an untitled kernel's name (from an opened session), "" otherwise
    QString savedText_;      // the text as last opened or saved (null: never saved)
    KernelEditor* editor_;
    ProblemsView* problems_;
    CodeViewSet* codeViews_;
    RunPanel* runPanel_;
    PlotPanel* plotPanel_;
    TimingPanel* timingPanel_;
    ScopeTable* scopeTable_;
    DiffView* diffView_;
    AnalysisScheduler* scheduler_;
    PresentationZoom* zoom_;
    QComboBox* functionBox_ = nullptr;
    QLabel* analysisStatus_ = nullptr;
    QLabel* cursorStatus_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* examplesMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QPointer<LanguageHelp> help_;
    QList<QDockWidget*> docks_;
    QList<QDockWidget*> codeDocks_;  // kPaneStages order
    QMenu* docksMenu_ = nullptr;
    Session pendingSession_;
    bool hasPendingSession_ = false;
    bool sourceColouring_ = false;
    bool defaultSizesPending_ = false;
    AnalysisResult last_;
    QTimer autosave_;
    RecoveryStore recovery_;
    ThemeKind theme_ = ThemeKind::Light;
    bool loading_ = false;
};

}  // namespace lomaw::gui
