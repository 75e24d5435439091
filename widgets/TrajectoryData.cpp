#include "TrajectoryData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <limits>

namespace lomaw::gui {

namespace {

// A CSV cell: a number, or inf / -inf / nan as lomaw writes non-finite floats.
double csvNumber(const QString& cell, bool* ok = nullptr) {
    const QString t = cell.trimmed();
    bool good = false;
    double v = t.toDouble(&good);
    if (!good) {
        v = jsonNumber(QJsonValue(t));
        good = !std::isnan(v) || t.compare("nan", Qt::CaseInsensitive) == 0 || t == "-nan";
    }
    if (ok) *ok = good;
    return v;
}

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
        out.losses << csvNumber(cells.at(lossCol), &ok2);
        QVector<double> ps;
        for (int c : paramCols) ps << csvNumber(cells.at(c));
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
    for (const QJsonValue& x : a) v << jsonNumber(x);
    return v;
}

// Every number of an argument list, depth first (struct members in the order Qt keeps them).
void allNumbers(const QJsonValue& v, QVector<double>& out) {
    if (v.isArray())
        for (const QJsonValue& x : v.toArray()) allNumbers(x, out);
    else if (v.isObject())
        for (const QJsonValue& x : v.toObject()) allNumbers(x, out);
    else if (v.isDouble() || v.isString())
        out << jsonNumber(v);
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
        out.losses << jsonNumber(r.value("loss"));
        if (r.contains("gradient_norm")) out.gradientNorms << jsonNumber(r.value("gradient_norm"));
        QVector<double> ps;
        if (r.value("params").isArray()) {
            ps = numbers(r.value("params").toArray());
        } else if (r.value("args").isArray()) {
            allNumbers(r.value("args"), ps);
        } else {
            for (int i = 0; r.contains(QString("p%1").arg(i)); ++i) ps << r.value(QString("p%1").arg(i)).toDouble();
        }
        if (k == 0)
            for (qsizetype i = 0; i < ps.size(); ++i) out.parameterNames << QString("p%1").arg(i);
        out.parameters << ps;
    }
    if (out.gradientNorms.size() != out.steps.size()) out.gradientNorms.clear();
    if (doc.isObject()) {
        out.status = doc.object().value("status").toString();
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

double jsonNumber(const QJsonValue& value) {
    if (value.isDouble()) return value.toDouble();
    const QString s = value.toString().trimmed().toLower();
    if (s == "inf" || s == "+inf" || s == "infinity") return std::numeric_limits<double>::infinity();
    if (s == "-inf" || s == "-infinity") return -std::numeric_limits<double>::infinity();
    return std::numeric_limits<double>::quiet_NaN();  // "nan", null, anything else
}

void markDivergence(TrajectoryData& data) {
    data.divergedAt = -1;
    for (qsizetype k = 0; k < data.steps.size() && data.divergedAt < 0; ++k) {
        bool finite = k < data.losses.size() && std::isfinite(data.losses[k]);
        if (k < data.parameters.size())
            for (double p : data.parameters[k]) finite = finite && std::isfinite(p);
        if (!finite) data.divergedAt = int(k);
    }
}

bool parseTrajectory(const QString& text, const QString& fileName, TrajectoryData& out, QString& error) {
    out = TrajectoryData{};
    const QString trimmed = text.trimmed();
    const bool json = fileName.endsWith(".json", Qt::CaseInsensitive) || trimmed.startsWith('{') || trimmed.startsWith('[');
    const bool ok = json ? parseJson(text, out, error) : parseCsv(text, out, error);
    if (ok) markDivergence(out);
    return ok;
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
