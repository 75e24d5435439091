#include "SessionStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace lomaw::gui {

namespace {

QJsonArray numbers(const QVector<double>& v) {
    QJsonArray a;
    for (double x : v) a << x;
    return a;
}

QVector<double> toNumbers(const QJsonValue& v) {
    QVector<double> out;
    for (const QJsonValue& x : v.toArray()) out << x.toDouble();
    return out;
}

QJsonObject trajectoryToJson(const TrajectoryData& t) {
    QJsonArray rows;
    for (int k = 0; k < t.steps.size(); ++k) {
        rows << QJsonObject{{"step", t.steps[k]},
                            {"loss", k < t.losses.size() ? t.losses[k] : 0.0},
                            {"params", numbers(k < t.parameters.size() ? t.parameters[k] : QVector<double>())}};
    }
    QJsonObject out{{"names", QJsonArray::fromStringList(t.parameterNames)}, {"trajectory", rows}};
    if (t.hasLandscape()) {
        QJsonArray loss;
        for (const QVector<double>& row : t.gridLoss) loss << numbers(row);
        out["landscape"] = QJsonObject{{"x", numbers(t.gridX)}, {"y", numbers(t.gridY)}, {"loss", loss}};
        if (!t.landscapeNote.isEmpty()) out["landscapeNote"] = t.landscapeNote;
    }
    return out;
}

TrajectoryData trajectoryFromJson(const QJsonObject& o) {
    TrajectoryData t;
    for (const QJsonValue& n : o.value("names").toArray()) t.parameterNames << n.toString();
    for (const QJsonValue& r : o.value("trajectory").toArray()) {
        const QJsonObject row = r.toObject();
        t.steps << row.value("step").toDouble();
        t.losses << row.value("loss").toDouble();
        t.parameters << toNumbers(row.value("params"));
    }
    const QJsonObject land = o.value("landscape").toObject();
    t.gridX = toNumbers(land.value("x"));
    t.gridY = toNumbers(land.value("y"));
    for (const QJsonValue& row : land.value("loss").toArray()) t.gridLoss << toNumbers(row);
    t.landscapeNote = o.value("landscapeNote").toString();
    return t;
}

}  // namespace

QJsonObject sessionToJson(const Session& s) {
    QJsonObject o{{"lomaworksSession", SessionFormatVersion}, {"run", s.run}, {"function", s.function},
                  {"arguments", QJsonArray::fromStringList(s.arguments)}};
    if (!s.kernelText.isEmpty()) o["kernel"] = QJsonObject{{"name", s.kernelName}, {"text", s.kernelText}};
    if (!s.trajectory.empty()) o["trajectory"] = trajectoryToJson(s.trajectory);
    if (!s.timings.isEmpty()) o["timingsCsv"] = timingsToCsv(s.timings);
    if (!s.view.isEmpty()) o["view"] = s.view;
    return o;
}

bool sessionFromJson(const QJsonObject& o, Session& s, QString& error) {
    if (!o.contains("lomaworksSession")) {
        error = "not a lomaworks session (no \"lomaworksSession\" field)";
        return false;
    }
    if (o.value("lomaworksSession").toInt() > SessionFormatVersion) {
        error = QString("session format %1 is newer than this lomaworks understands (%2)")
                    .arg(o.value("lomaworksSession").toInt()).arg(SessionFormatVersion);
        return false;
    }
    s = Session();
    const QJsonObject kernel = o.value("kernel").toObject();
    s.kernelName = kernel.value("name").toString();
    s.kernelText = kernel.value("text").toString();
    s.run = o.value("run").toObject();
    s.function = o.value("function").toString();
    for (const QJsonValue& a : o.value("arguments").toArray()) s.arguments << a.toString();
    if (o.contains("trajectory")) s.trajectory = trajectoryFromJson(o.value("trajectory").toObject());
    if (o.contains("timingsCsv") && !parseTimingCsv(o.value("timingsCsv").toString(), s.timings, error)) {
        error = "timings: " + error;
        return false;
    }
    s.view = o.value("view").toObject();
    return true;
}

QString sessionFilePath(const QString& kernelPath) {
    QString dir = qEnvironmentVariable("LOMAW_SESSION_DIR");
    if (dir.isEmpty()) dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/sessions";
    const QByteArray key = QCryptographicHash::hash(QFileInfo(kernelPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex();
    return dir + "/" + QString::fromLatin1(key.left(20)) + ".json";
}

bool writeSessionFile(const QString& path, const Session& session, QString* error) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);  // atomic: a crash never leaves half a session
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(sessionToJson(session)).toJson()) < 0 || !f.commit()) {
        if (error) *error = QString("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

bool readSessionFile(const QString& path, Session& session, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error) *error = QString("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parse);
    QString why;
    bool ok = false;
    if (parse.error != QJsonParseError::NoError) why = QString("not JSON (%1 at offset %2)").arg(parse.errorString()).arg(parse.offset);
    else if (!doc.isObject()) why = "not a lomaworks session (not a JSON object)";
    else ok = sessionFromJson(doc.object(), session, why);
    if (!ok && error) *error = QFileInfo(path).fileName() + ": " + why;
    return ok;
}

}  // namespace lomaw::gui
