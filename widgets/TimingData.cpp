#include "TimingData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <algorithm>

namespace lomaw::gui {

QStringList timingComponents() { return {"total", "build", "launch", "distribute", "compute", "collect"}; }

double TimingPoint::seconds(const QString& component) const {
    if (component == "build") return build;
    if (component == "launch") return launch;
    if (component == "distribute") return distribute;
    if (component == "compute") return compute;
    if (component == "collect") return collect;
    return total;
}

namespace {

void setComponent(TimingPoint& p, const QString& name, double v) {
    if (name == "build") p.build = v;
    else if (name == "launch") p.launch = v;
    else if (name == "distribute") p.distribute = v;
    else if (name == "compute") p.compute = v;
    else if (name == "collect") p.collect = v;
    else if (name == "total") p.total = v;
}

}  // namespace

bool parseTimingsJson(const QString& json, TimingPoint& point, QString& error) {
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        error = "the timings are not a JSON object";
        return false;
    }
    const QJsonObject o = doc.object();
    if (!o.value("total").isDouble()) {
        error = "the timings have no numeric \"total\"";
        return false;
    }
    for (const QString& c : timingComponents()) setComponent(point, c, o.value(c).toDouble());
    point.ranks.clear();
    for (const QJsonValue& v : o.value("ranks").toArray()) {
        const QJsonObject r = v.toObject();
        if (!r.value("compute").isDouble()) continue;
        RankTime t;
        t.rank = r.value("rank").toInt(int(point.ranks.size()));
        t.host = r.value("host").toString();
        t.role = r.value("role").toString(t.rank == 0 ? "driver" : "worker");
        t.compute = r.value("compute").toDouble();
        t.items = qint64(r.value("items").toDouble());
        point.ranks << t;
    }
    return true;
}

bool parseTimingCsv(const QString& text, QVector<TimingPoint>& out, QString& error) {
    const QStringList lines = text.split('\n');
    int headerLine = -1;
    QStringList header;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith('#')) continue;
        headerLine = i;
        for (const QString& h : line.split(',')) header << h.trimmed().toLower();
        break;
    }
    if (headerLine < 0) {
        error = "the file is empty";
        return false;
    }
    for (const char* need : {"workers", "total"})
        if (!header.contains(need)) {
            error = QString("line %1: the header has no column \"%2\"").arg(headerLine + 1).arg(need);
            return false;
        }
    if (!header.contains("sets") && !header.contains("steps")) {
        error = QString("line %1: the header needs a column \"sets\" or \"steps\"").arg(headerLine + 1);
        return false;
    }
    QVector<TimingPoint> points;
    for (int i = headerLine + 1; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith('#')) continue;
        const QStringList cells = line.split(',');
        if (cells.size() != header.size()) {
            error = QString("line %1 has %2 values, the header %3").arg(i + 1).arg(cells.size()).arg(header.size());
            return false;
        }
        TimingPoint p;
        p.kind = header.contains("kind") ? cells[header.indexOf("kind")].trimmed() : QString();
        if (p.kind.isEmpty()) p.kind = header.contains("steps") && !header.contains("sets") ? "optimize" : "mpirun";
        if (p.kind != "mpirun" && p.kind != "optimize") {
            error = QString("line %1, column %2: kind must be mpirun or optimize, not \"%3\"")
                        .arg(i + 1).arg(header.indexOf("kind") + 1).arg(p.kind);
            return false;
        }
        for (int c = 0; c < header.size(); ++c) {
            const QString& name = header[c];
            if (name == "kind") continue;
            bool ok = false;
            const double v = cells[c].trimmed().toDouble(&ok);
            if (!ok || v < 0) {
                error = QString("line %1, column %2 (%3): \"%4\" is not a non-negative number")
                            .arg(i + 1).arg(c + 1).arg(name, cells[c].trimmed());
                return false;
            }
            if (name == "workers") p.workers = int(v);
            else if (name == "sets") p.sets = qint64(v);
            else if (name == "steps") p.steps = qint64(v);
            else setComponent(p, name, v);
        }
        points << p;
    }
    out = points;
    return true;
}

QString timingsToCsv(const QVector<TimingPoint>& points) {
    QString csv = "kind,workers,sets,steps,build,launch,distribute,compute,collect,total\n";
    for (const TimingPoint& p : points) {
        QStringList row{p.kind, QString::number(p.workers), QString::number(p.sets), QString::number(p.steps)};
        for (double v : {p.build, p.launch, p.distribute, p.compute, p.collect, p.total})
            row << QString::number(v, 'g', 9);
        csv += row.join(',') + "\n";
    }
    return csv;
}

QString ScalingCurve::label() const {
    return QString("%1, %2 %3").arg(kind).arg(size).arg(kind == "optimize" ? "steps" : "sets");
}

QVector<ScalingCurve> scalingCurves(const QVector<TimingPoint>& points, const QString& component) {
    // (kind, size) -> workers -> times
    QMap<QPair<QString, qint64>, QMap<int, QVector<double>>> groups;
    for (const TimingPoint& p : points) groups[{p.kind, p.size()}][p.workers] << p.seconds(component);
    QVector<ScalingCurve> curves;
    for (auto g = groups.cbegin(); g != groups.cend(); ++g) {
        ScalingCurve c;
        c.kind = g.key().first;
        c.size = g.key().second;
        double baselineWorkers = 0;
        for (auto w = g.value().cbegin(); w != g.value().cend(); ++w) {
            double mean = 0;
            for (double s : w.value()) mean += s;
            mean /= double(w.value().size());
            if (w.key() == 0) {
                c.sequentialBaseline = true;
                c.baselineSeconds = mean;
                continue;
            }
            c.workers << w.key();
            c.seconds << mean;
        }
        if (c.workers.isEmpty()) continue;
        if (!c.sequentialBaseline) {
            c.baselineSeconds = c.seconds.first();
            baselineWorkers = c.workers.first();
        }
        for (int k = 0; k < c.workers.size(); ++k) {
            c.speedup << (c.seconds[k] > 0 ? c.baselineSeconds / c.seconds[k] : 0);
            c.ideal << (c.sequentialBaseline ? c.workers[k] : c.workers[k] / baselineWorkers);
        }
        curves << c;
    }
    return curves;
}

}  // namespace lomaw::gui
