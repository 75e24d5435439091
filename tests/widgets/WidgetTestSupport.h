// Shared helpers of the widget tests: kernels, waiting for the analysis, screenshots, and a
// check that no process of a process group is still alive.
#pragma once

#include <QString>
#include <sys/types.h>

namespace lomaw::gui {
class MainWindow;
}
class QWidget;

namespace widgettest {

// A window with the kernel `text` loaded and its first analysis shown (fails the test if the
// analysis does not arrive within `ms`).
bool loadAndAnalyse(lomaw::gui::MainWindow& window, const QString& text, int ms = 10000);
// Waits until the analysis of the window's current text has been shown.
bool waitForAnalysis(lomaw::gui::MainWindow& window, int ms = 10000);
QString exampleText(const QString& name);
// Writes `text` to `path` (a test's kernel or data file); false when it cannot.
bool writeTextFile(const QString& path, const QString& text);
// Resizes and shows `window`; true once it is exposed (what a test needs before it grabs or
// hovers).
bool showWindowAt(QWidget& window, int width, int height);
// Saves widget.grab() as LOMAW_SCREENSHOT_DIR/name.png; returns the path ("" on failure).
QString saveScreenshot(QWidget* widget, const QString& name);
// Live (non-zombie) processes whose process group is `pgid` (read from /proc).
int liveProcessesInGroup(pid_t pgid);
// Isolates QSettings, the recovery file and the run cache of a test process in a temp dir.
void isolateUserState(const QString& dir);

}  // namespace widgettest
