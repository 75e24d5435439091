#include "FileDialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

#include "AppPaths.h"

namespace lomaw::gui {

QString askOpenFile(QWidget* parent, const QString& title, const QString& filter) {
    const QString path = QFileDialog::getOpenFileName(parent, title, dialogDirectory(), filter);
    if (!path.isEmpty()) rememberDialogDirectory(path);
    return path;
}

QString askSaveFile(QWidget* parent, const QString& title, const QString& suggested, const QString& filter,
                    QString* selectedFilter) {
    const QString start = QFileInfo(suggested).isAbsolute() ? suggested : QDir(dialogDirectory()).filePath(suggested);
    const QString path = QFileDialog::getSaveFileName(parent, title, start, filter, selectedFilter);
    if (!path.isEmpty()) rememberDialogDirectory(path);
    return path;
}

}  // namespace lomaw::gui
