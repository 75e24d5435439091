// lomaworks: the desktop app. Thin main: everything lives in lomaw_widgets (MainWindow).
// `lomaworks [FILE]` opens FILE, or with none the gradient-descent example.
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include "AppPaths.h"
#include "MainWindow.h"
#include "Resources.h"

int main(int argc, char** argv) {
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
    // After the window is up, so the question appears over it.
    QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    return app.exec();
}
