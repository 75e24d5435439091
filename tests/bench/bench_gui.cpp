// lomaworks latency benchmark (issue 6), run offscreen (QT_QPA_PLATFORM=offscreen):
//   1. keystroke -> updated diagnostics and generated views for a ~300-line module (app_module.py): the engine
//      work (analysis on the worker thread, AnalysisResult::milliseconds), the whole latency
//      from the key event to the views updated (the scheduler's 250 ms debounce set to 0, so
//      the number is the work, not the deliberate wait), and the longest stall of the UI thread
//      meanwhile (a 1 ms precise timer on the UI thread; a gap of g ms between ticks is a stall
//      of about g ms). Targets: engine < 50 ms, UI never blocked > 16 ms.
//   2. start-up to an interactive window: lomaworks is launched with LOMAWORKS_STARTUP_PROBE=1
//      (app/workbench/main.cpp) and timed from QProcess::start to the probe's line (process
//      start, libraries, window shown, event loop idle); target < 1 s. The probe's own numbers
//      (from main()) and the time to the first analysis on screen are printed beside it.
// Prints a table. Not run by ctest; `bench_gui [keystrokes] [startups]` (offscreen by default;
// with a real X server: `QT_QPA_PLATFORM=xcb xvfb-run -a build/release/tests/bench/bench_gui`).
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

#include "AnalysisScheduler.h"
#include "KernelEditor.h"
#include "MainWindow.h"
#include "ProblemsView.h"
#include "Resources.h"

using lomaw::gui::MainWindow;

namespace {

// The longest gap between ticks of a 1 ms timer on the UI thread since the last reset.
class StallMonitor : public QObject {
public:
    StallMonitor() {
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(1);
        connect(&timer_, &QTimer::timeout, this, [this] {
            const qint64 now = clock_.nsecsElapsed();
            maxGapNs_ = std::max(maxGapNs_, now - lastNs_);
            lastNs_ = now;
        });
        clock_.start();
        timer_.start();
    }
    void reset() {
        lastNs_ = clock_.nsecsElapsed();
        maxGapNs_ = 0;
    }
    // The stall so far, counting the time since the last tick too.
    double maxGapMs() const { return double(std::max(maxGapNs_, clock_.nsecsElapsed() - lastNs_)) / 1e6; }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 lastNs_ = 0, maxGapNs_ = 0;
};

struct Stats {
    double median = 0, p90 = 0, max = 0;
};

Stats stats(std::vector<double> v) {
    if (v.empty()) return {};
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 9 / 10)], v.back()};
}

bool waitForAnalysis(MainWindow& w, int ms = 30000) {
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&w, &MainWindow::analysisShown, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&loop] { loop.exit(1); });
    timeout.start(ms);
    return loop.exec() == 0;
}

// ~300 lines written the way loma users write modules (tests/bench/app_module.py: structs,
// while loops, parallel loops, fwd_diff/rev_diff, an @openMpi function), so every view has
// real work. Typing goes into the number on its `# bench: typed here` line.
QString module300(int* lines) {
    QFile file(LOMAW_BENCH_APP_MODULE);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QString text = QString::fromUtf8(file.readAll());
    *lines = int(text.count('\n'));
    return text;
}

// The load average (1, 5, 15 minutes) of the machine: the numbers are only comparable at a
// similar load.
QByteArray loadAverage() {
    QFile file("/proc/loadavg");
    if (!file.open(QIODevice::ReadOnly)) return "?";
    return file.readAll().split(' ').mid(0, 3).join(' ');
}

void keystrokeBenchmark(int keystrokes) {
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w)) std::printf("warning: the window was not exposed\n");
    int lines = 0;
    w.newKernel(module300(&lines));
    w.analyseNow();
    if (!waitForAnalysis(w)) {
        std::printf("the first analysis did not arrive\n");
        return;
    }
    std::printf("module: %d lines, %d diagnostic(s) (%s), %d generated views\n", lines,
                int(w.lastAnalysis().diagnostics.size()), w.lastAnalysis().ok ? "checks" : "HAS ERRORS",
                int(w.lastAnalysis().stages.size()));
    w.scheduler()->setDebounceMs(0);
    QTest::qWait(300);  // let start-up work settle before measuring

    std::printf("load average before: %s\n", loadAverage().constData());
    StallMonitor monitor;
    std::vector<double> latency, engine, stall;
    auto* editor = w.editor();
    // Type into a number of the marked line, "0.5" -> "0.51" -> "0.5", alternately: each
    // keystroke changes the derivatives and every generated program (the worst case for the
    // panes), and the text stays valid.
    int line = 0;
    while (line < lines && !editor->text(line).contains("# bench: typed here")) ++line;
    const int column = int(editor->text(line).indexOf("0.5")) + 3;
    for (int k = 0; k < keystrokes; ++k) {
        editor->setCursorPosition(line, k % 2 == 0 ? column : column + 1);
        QTest::qWait(30);  // idle between keystrokes, as when typing
        monitor.reset();
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(editor->viewport(), k % 2 == 0 ? Qt::Key_1 : Qt::Key_Backspace);
        if (!waitForAnalysis(w)) {
            std::printf("keystroke %d: no analysis\n", k);
            return;
        }
        latency.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (k == 0) std::printf("typed into line %d: %s", line + 1, qPrintable(editor->text(line)));
        stall.push_back(monitor.maxGapMs());
        engine.push_back(w.lastAnalysis().milliseconds);
    }
    std::printf("load average after: %s\n", loadAverage().constData());
    const Stats l = stats(latency), e = stats(engine), s = stats(stall);
    const QByteArray title = "keystroke -> diagnostics + views (" + QByteArray::number(keystrokes) + " keys)";
    std::printf("\n%-58s %8s %8s %8s  %s\n", title.constData(), "median", "p90", "max", "target");
    std::printf("%-58s %8.1f %8.1f %8.1f  %s\n", "  engine work (off the UI thread), ms", e.median, e.p90, e.max, "< 50");
    std::printf("%-58s %8.1f %8.1f %8.1f  %s\n", "  key event to views updated (no debounce), ms", l.median, l.p90, l.max, "-");
    std::printf("%-58s %8.1f %8.1f %8.1f  %s\n", "  longest UI-thread stall meanwhile, ms", s.median, s.p90, s.max, "< 16");
    std::printf("  (in the app a 250 ms debounce precedes the engine work while the user types)\n");
}

void startupBenchmark(int runs, const QString& stateDir) {
    std::vector<double> external, interactive, analysis;
    for (int k = 0; k < runs; ++k) {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LOMAWORKS_STARTUP_PROBE", "1");
        env.insert("QT_QPA_PLATFORM", qEnvironmentVariable("QT_QPA_PLATFORM", "offscreen"));
        env.insert("XDG_CONFIG_HOME", stateDir + "/config");
        env.insert("LOMAW_RECOVERY_FILE", stateDir + "/recovery.py");
        app.setProcessEnvironment(env);
        app.setProgram(LOMAWORKS_BIN);
        app.setArguments({QString(LOMAW_EXAMPLES) + "/polynomial.py"});
        QElapsedTimer clock;
        clock.start();
        double seenAt = -1;
        QByteArray out;
        QObject::connect(&app, &QProcess::readyReadStandardOutput, [&] {
            out += app.readAllStandardOutput();
            if (seenAt < 0 && out.contains("lomaworks-startup")) seenAt = double(clock.nsecsElapsed()) / 1e6;
        });
        app.start();
        if (!app.waitForFinished(30000)) {
            app.kill();
            std::printf("start-up run %d: lomaworks did not quit\n", k);
            continue;
        }
        out += app.readAllStandardOutput();
        static const QRegularExpression re(R"(interactive_ms=(\d+) first_analysis_ms=(\d+))");
        const QRegularExpressionMatch m = re.match(QString::fromUtf8(out));
        if (!m.hasMatch() || seenAt < 0) {
            std::printf("start-up run %d: no probe line (exit %d): %s\n", k, app.exitCode(), out.constData());
            continue;
        }
        external.push_back(seenAt);
        interactive.push_back(m.captured(1).toDouble());
        analysis.push_back(m.captured(2).toDouble());
    }
    const Stats x = stats(external), i = stats(interactive), a = stats(analysis);
    std::printf("\n%-58s %8s %8s %8s  %s\n", ("start-up (" + QByteArray::number(int(external.size())) + " runs)").constData(),
                "median", "p90", "max", "target");
    std::printf("%-58s %8.0f %8.0f %8.0f  %s\n", "  process start -> window shown, loop idle (+ exit probe), ms", x.median, x.p90, x.max, "< 1000");
    std::printf("%-58s %8.0f %8.0f %8.0f  %s\n", "  main() -> window shown, event loop idle, ms", i.median, i.p90, i.max, "-");
    std::printf("%-58s %8.0f %8.0f %8.0f  %s\n", "  main() -> first diagnostics + views on screen, ms", a.median, a.p90, a.max, "-");
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir state;
    qputenv("XDG_CONFIG_HOME", (state.path() + "/config").toUtf8());
    qputenv("LOMAW_RECOVERY_FILE", (state.path() + "/recovery.py").toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName("lomaworks-bench");
    QApplication::setApplicationName("lomaworks-bench");
    lomaw::gui::initResources();
    const int keystrokes = argc > 1 ? std::max(2, std::atoi(argv[1])) : 30;
    const int startups = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    std::printf("bench_gui: platform %s, %d logical cores\n", qgetenv("QT_QPA_PLATFORM").constData(), QThread::idealThreadCount());
    keystrokeBenchmark(keystrokes);
    startupBenchmark(startups, state.path());
    return 0;
}
