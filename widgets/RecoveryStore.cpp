#include "RecoveryStore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace lomaw::gui {

bool RecoveryStore::save(const RecoveryState& state) const {
    QJsonObject o;
    o["originalPath"] = state.originalPath;
    o["text"] = state.text;
    o["savedAt"] = state.savedAt.isEmpty() ? QDateTime::currentDateTime().toString(Qt::ISODate) : state.savedAt;
    QSaveFile file(path_);
    if (!file.open(QIODevice::WriteOnly)) return false;
    file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    return file.commit();
}

bool RecoveryStore::exists() const { return QFile::exists(path_); }

bool RecoveryStore::load(RecoveryState& state) const {
    QFile file(path_);
    if (!file.open(QIODevice::ReadOnly)) return false;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject()) return false;
    const QJsonObject o = doc.object();
    state.originalPath = o.value("originalPath").toString();
    state.text = o.value("text").toString();
    state.savedAt = o.value("savedAt").toString();
    return true;
}

void RecoveryStore::discard() const { QFile::remove(path_); }

}  // namespace lomaw::gui
