// The lomaworks main window: the kernel editor in the middle; generated-code panes, problems,
// run panel and plots as dock widgets the user arranges (tabs or splits; the arrangement is
// remembered). Files: open/save (atomic)/save as/recent/examples, unsaved-change prompts,
// autosave with recovery after a crash; themes; the language reference on F1.
#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include "Analysis.h"
#include "RecoveryStore.h"
#include "Theme.h"

class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;

namespace lomaw::gui {

class AnalysisScheduler;
class CodeViewSet;
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

private:
    void buildDocks();
    void buildMenus();
    void buildToolBar();
    void onTextChanged();
    void onAnalysis(const AnalysisResult& result);
    void onCursorLine(int line1);
    void onFunctionChosen(const QString& name);
    AnalysisRequest makeRequest() const;
    bool maybeSave();
    bool save();
    bool saveAs();
    void openDialog();
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void rebuildExamplesMenu();
    void updateTitle();
    void showHelp();
    void restoreSettings();
    void saveSettings();

    QString path_;
    KernelEditor* editor_;
    ProblemsView* problems_;
    CodeViewSet* codeViews_;
    RunPanel* runPanel_;
    PlotPanel* plotPanel_;
    TimingPanel* timingPanel_;
    ScopeTable* scopeTable_;
    AnalysisScheduler* scheduler_;
    QComboBox* functionBox_ = nullptr;
    QLabel* analysisStatus_ = nullptr;
    QLabel* cursorStatus_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* examplesMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QPointer<LanguageHelp> help_;
    QList<QDockWidget*> docks_;
    AnalysisResult last_;
    QTimer autosave_;
    RecoveryStore recovery_;
    ThemeKind theme_ = ThemeKind::Light;
    bool loading_ = false;
};

}  // namespace lomaw::gui
