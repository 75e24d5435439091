#include "WidgetTestSupport.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTest>
#include <QWidget>

#include "AnalysisScheduler.h"
#include "KernelEditor.h"
#include "MainWindow.h"

namespace widgettest {

bool waitForAnalysis(lomaw::gui::MainWindow& window, int ms) {
    // Done when the newest request has been answered and no edit is waiting.
    return QTest::qWaitFor([&] {
        return window.lastAnalysis().generation == window.scheduler()->latestGeneration() &&
               !window.scheduler()->busy();
    }, ms);
}

bool loadAndAnalyse(lomaw::gui::MainWindow& window, const QString& text, int ms) {
    window.newKernel(text);
    return waitForAnalysis(window, ms);
}

QString exampleText(const QString& name) {
    QFile f(QString(LOMAW_EXAMPLES) + "/" + name);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll());
}

bool writeTextFile(const QString& path, const QString& text) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) >= 0;
}

bool showWindowAt(QWidget& window, int width, int height) {
    window.resize(width, height);
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

QString saveScreenshot(QWidget* widget, const QString& name) {
    QDir().mkpath(LOMAW_SCREENSHOT_DIR);
    const QString path = QString(LOMAW_SCREENSHOT_DIR) + "/" + name + ".png";
    return widget->grab().save(path, "PNG") ? path : QString();
}

int liveProcessesInGroup(pid_t pgid) {
    int live = 0;
    const QStringList entries = QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& e : entries) {
        bool numeric = false;
        e.toInt(&numeric);
        if (!numeric) continue;
        QFile stat("/proc/" + e + "/stat");
        if (!stat.open(QIODevice::ReadOnly)) continue;
        // pid (comm) state ppid pgrp ...; comm may contain spaces, so parse after the last ')'.
        const QString s = QString::fromLatin1(stat.readAll());
        const QStringList f = s.mid(s.lastIndexOf(')') + 2).split(' ');
        if (f.size() < 3) continue;
        if (f.at(2).toLongLong() == pgid && f.at(0) != "Z" && f.at(0) != "X") ++live;
    }
    return live;
}

void isolateUserState(const QString& dir) {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir + "/settings");
    qputenv("LOMAW_RECOVERY_FILE", (dir + "/recovery.json").toUtf8());
    qputenv("LOMAW_SESSION_DIR", (dir + "/sessions").toUtf8());
}

}  // namespace widgettest
