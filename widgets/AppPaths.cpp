#include "AppPaths.h"

#include <QCoreApplication>
#include <QDir>
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

QString recoveryFilePath() {
    const QString env = qEnvironmentVariable("LOMAW_RECOVERY_FILE");
    if (!env.isEmpty()) return env;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dir);
    return dir + "/recovery.json";
}

}  // namespace lomaw::gui
