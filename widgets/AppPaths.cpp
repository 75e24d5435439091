#include "AppPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace lomaw::gui {

QString examplesDirectory() {
    const QString env = qEnvironmentVariable("LOMAW_EXAMPLES_DIR");
    if (!env.isEmpty() && QDir(env).exists()) return QDir(env).absolutePath();
    const QDir installed(QCoreApplication::applicationDirPath() + "/../share/lomaworks/examples");
    if (installed.exists()) return installed.absolutePath();
#ifdef LOMAW_SOURCE_EXAMPLES
    if (QDir(LOMAW_SOURCE_EXAMPLES).exists()) return QString(LOMAW_SOURCE_EXAMPLES);
#endif
    return {};
}

QString dialogDirectory() {
    const QString last = QSettings().value("lastDirectory").toString();
    if (!last.isEmpty() && QDir(last).exists()) return last;
    const QString examples = examplesDirectory();
    return examples.isEmpty() ? QDir::homePath() : examples;
}

void rememberDialogDirectory(const QString& fileOrDirectory) {
    if (fileOrDirectory.isEmpty()) return;
    const QFileInfo info(fileOrDirectory);
    QSettings().setValue("lastDirectory", info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

QString recoveryFilePath() {
    const QString env = qEnvironmentVariable("LOMAW_RECOVERY_FILE");
    if (!env.isEmpty()) return env;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dir);
    return dir + "/recovery.json";
}

}  // namespace lomaw::gui
