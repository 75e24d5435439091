#include "TrajectoryData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lomaw::gui {

namespace {

bool parseCsv(const QString& text, TrajectoryData& out, QString& error) {
    QStringList lines = text.split('\n', Qt::SkipEmptyParts);
    while (!lines.isEmpty() && lines.first().trimmed().startsWith('#')) lines.removeFirst();
    if (lines.isEmpty()) {
        error = "the file is empty";
        return false;
    }
    const QStringList header = lines.first().trimmed().split(',');
    const int stepCol = int(header.indexOf("step"));
    const int lossCol = int(header.indexOf("loss"));
    if (stepCol < 0 || lossCol < 0) {
        error = "the header must name the columns step and loss (then the parameters)";
        return false;
    }
    // Columns that describe a step rather than a parameter (lomaw optimize writes gradient_norm).
    static const QStringList kNotParameters = {"gradient_norm", "time", "seconds"};
    QList<int> paramCols;
    for (int c = 0; c < header.size(); ++c)
        if (c != stepCol && c != lossCol && !kNotParameters.contains(header.at(c).trimmed())) {
            paramCols << c;
            out.parameterNames << header.at(c).trimmed();
        }
    for (int i = 1; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#')) continue;
        const QStringList cells = line.split(',');
        if (cells.size() != header.size()) {
            error = QString("line %1 has %2 values, the header %3").arg(i + 1).arg(cells.size()).arg(header.size());
            return false;
        }
        bool ok1 = false, ok2 = false;
        out.steps << cells.at(stepCol).toDouble(&ok1);
        out.losses << cells.at(lossCol).toDouble(&ok2);
        QVector<double> ps;
        for (int c : paramCols) ps << cells.at(c).toDouble();
        out.parameters << ps;
        if (!ok1 || !ok2) {
            error = QString("line %1: step and loss must be numbers").arg(i + 1);
            return false;
        }
    }
    return true;
}

QVector<double> numbers(const QJsonArray& a) {
    QVector<double> v;
    for (const QJsonValue& x : a) v << x.toDouble();
    return v;
}

bool parseJson(const QString& text, TrajectoryData& out, QString& error) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &pe);
    if (doc.isNull()) {
        error = pe.errorString();
        return false;
    }
    QJsonArray rows = doc.isArray() ? doc.array() : doc.object().value("trajectory").toArray();
    for (qsizetype k = 0; k < rows.size(); ++k) {
        const QJsonObject r = rows.at(k).toObject();
        out.steps << (r.contains("step") ? r.value("step").toDouble() : double(k));
        out.losses << r.value("loss").toDouble();
        QVector<double> ps;
        if (r.value("params").isArray()) {
            ps = numbers(r.value("params").toArray());
        } else {
            for (int i = 0; r.contains(QString("p%1").arg(i)); ++i) ps << r.value(QString("p%1").arg(i)).toDouble();
        }
        if (k == 0)
            for (qsizetype i = 0; i < ps.size(); ++i) out.parameterNames << QString("p%1").arg(i);
        out.parameters << ps;
    }
    if (doc.isObject()) {
        const QJsonObject land = doc.object().value("landscape").toObject();
        out.gridX = numbers(land.value("x").toArray());
        out.gridY = numbers(land.value("y").toArray());
        for (const QJsonValue& row : land.value("loss").toArray()) out.gridLoss << numbers(row.toArray());
    }
    if (out.steps.isEmpty() && !out.hasLandscape()) {
        error = "no trajectory rows";
        return false;
    }
    return true;
}

}  // namespace

bool parseTrajectory(const QString& text, const QString& fileName, TrajectoryData& out, QString& error) {
    out = TrajectoryData{};
    const QString trimmed = text.trimmed();
    const bool json = fileName.endsWith(".json", Qt::CaseInsensitive) || trimmed.startsWith('{') || trimmed.startsWith('[');
    return json ? parseJson(text, out, error) : parseCsv(text, out, error);
}

bool loadTrajectoryFile(const QString& path, TrajectoryData& out, QString& error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
        return false;
    }
    return parseTrajectory(QString::fromUtf8(file.readAll()), path, out, error);
}

QString trajectoryToCsv(const TrajectoryData& data) {
    QString csv = "step,loss";
    for (const QString& n : data.parameterNames) csv += "," + n;
    csv += "\n";
    for (qsizetype k = 0; k < data.steps.size(); ++k) {
        csv += QString::number(data.steps[k], 'g', 10) + "," + QString::number(data.losses[k], 'g', 10);
        for (double p : data.parameters[k]) csv += "," + QString::number(p, 'g', 10);
        csv += "\n";
    }
    return csv;
}

}  // namespace lomaw::gui
