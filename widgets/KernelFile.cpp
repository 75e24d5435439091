#include "KernelFile.h"

#include <QFile>
#include <QSaveFile>

namespace lomaw::gui {

FileOutcome readKernelFile(const QString& path) {
    FileOutcome out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = QString("Cannot open %1: %2").arg(path, file.errorString());
        return out;
    }
    out.text = QString::fromUtf8(file.readAll());
    out.ok = true;
    return out;
}

FileOutcome writeKernelFileAtomically(const QString& path, const QString& text) {
    FileOutcome out;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        out.error = QString("Cannot write %1: %2").arg(path, file.errorString());
        return out;
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        out.error = QString("Cannot save %1: %2").arg(path, file.errorString());
        return out;
    }
    out.ok = true;
    return out;
}

}  // namespace lomaw::gui
