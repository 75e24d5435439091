// lomaworks: the desktop app. Thin main: everything lives in lomaw_widgets (MainWindow).
// `lomaworks [FILE]` opens FILE, or with none the gradient-descent example.
//
// LOMAWORKS_STARTUP_PROBE=1 (for tests/bench/bench_gui): prints, on stdout,
//   lomaworks-startup interactive_ms=T1 first_analysis_ms=T2
// (T1: from entering main to the window shown with the event loop idle; T2: to the first
// diagnostics and generated views on screen) and quits. The bench adds process start-up.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>
#include <cstdio>

#include "AppPaths.h"
#include "MainWindow.h"
#include "Resources.h"

namespace {

// Reports start-up times and quits once the window is interactive and the first analysis shown.
void armStartupProbe(lomaw::gui::MainWindow& window, const QElapsedTimer& clock) {
    struct State {
        qint64 interactive = -1, analysis = -1;
    };
    auto state = std::make_shared<State>();
    auto reportIfDone = [state] {
        if (state->interactive < 0 || state->analysis < 0) return;
        std::printf("lomaworks-startup interactive_ms=%lld first_analysis_ms=%lld\n",
                    static_cast<long long>(state->interactive), static_cast<long long>(state->analysis));
        std::fflush(stdout);
        QCoreApplication::quit();
    };
    QObject::connect(&window, &lomaw::gui::MainWindow::analysisShown, &window, [state, &clock, reportIfDone] {
        if (state->analysis < 0) state->analysis = clock.elapsed();
        reportIfDone();
    });
    // Two zero-timer rounds: the first runs after the show/expose/layout events queued by show(),
    // the second once the loop has nothing else pending, i.e. the window takes input.
    QTimer::singleShot(0, &window, [state, &clock, reportIfDone, &window] {
        QTimer::singleShot(0, &window, [state, &clock, reportIfDone] {
            state->interactive = clock.elapsed();
            reportIfDone();
        });
    });
    QTimer::singleShot(20000, &window, [] {
        std::printf("lomaworks-startup timeout\n");
        QCoreApplication::exit(1);
    });
}

}  // namespace

int main(int argc, char** argv) {
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName("lomaworks");
    QApplication::setApplicationName("lomaworks");
    QApplication::setApplicationVersion("0.1.0");
    lomaw::gui::initResources();
    QApplication::setWindowIcon(QIcon(":/icons/lomaworks.svg"));

    lomaw::gui::MainWindow window;
    const QStringList args = QApplication::arguments().mid(1);
    QString file = args.isEmpty() ? QString() : args.first();
    if (file.isEmpty()) {
        const QString examples = lomaw::gui::examplesDirectory();
        if (!examples.isEmpty()) file = QDir(examples).filePath("polynomial.py");
    }
    if (file.isEmpty() || !window.openFile(file)) window.newKernel();
    window.show();
    if (qEnvironmentVariableIntValue("LOMAWORKS_STARTUP_PROBE") == 1) {
        armStartupProbe(window, clock);
    } else {
        // After the window is up, so the question appears over it.
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    }
    return app.exec();
}
