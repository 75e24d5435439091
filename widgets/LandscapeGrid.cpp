#include "LandscapeGrid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <limits>

namespace lomaw::gui {

LandscapeGrid landscapeAround(const TrajectoryData& trajectory, int n, double margin) {
    LandscapeGrid grid;
    if (n < 2) return grid;
    double lo[2] = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
    double hi[2] = {-lo[0], -lo[1]};
    for (const QVector<double>& p : trajectory.parameters) {
        if (p.size() < 2) continue;
        for (int a = 0; a < 2; ++a)
            if (std::isfinite(p[a])) {
                lo[a] = std::min(lo[a], p[a]);
                hi[a] = std::max(hi[a], p[a]);
            }
    }
    for (int a = 0; a < 2; ++a) {
        if (!(hi[a] >= lo[a])) lo[a] = hi[a] = 0;  // no finite point
        double span = hi[a] - lo[a];
        if (span <= 1e-12 * std::max(1.0, std::abs(lo[a]))) {
            lo[a] -= 0.5;
            hi[a] += 0.5;
            span = 1;
        }
        lo[a] -= margin * span;
        hi[a] += margin * span;
        QVector<double>& axis = a == 0 ? grid.x : grid.y;
        for (int i = 0; i < n; ++i) axis << lo[a] + (hi[a] - lo[a]) * i / (n - 1);
    }
    return grid;
}

namespace {

QString compact(const QJsonArray& list) { return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)); }

}  // namespace

bool landscapeBatch(const FunctionInfo& function, const QString& dataJson, const LandscapeGrid& grid,
                    QString& batchJson, LandscapeSample& sample, QString& error, qint64 budgetBytes) {
    const QList<ParamInfo>& ps = function.params;
    if (ps.size() < 2 || !ps.first().type.startsWith("Array[float") || !ps.last().isOut ||
        !ps.last().type.startsWith("Array[float")) {
        error = function.name + " is not a loss-gradient function f(params : In[Array[float]], data..., grad : Out[Array[float]])";
        return false;
    }
    QJsonArray data;
    if (!dataJson.trimmed().isEmpty()) {
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(dataJson.toUtf8(), &parse);
        if (parse.error != QJsonParseError::NoError || !doc.isArray()) {
            error = "the data file is not a JSON list of lists";
            return false;
        }
        data = doc.array();
    }
    // The data lists the array parameters take, in order.
    QVector<QJsonArray> lists;
    for (int k = 1; k + 1 < ps.size(); ++k) {
        if (ps[k].type == "int") continue;
        if (lists.size() >= data.size() || !data[lists.size()].isArray()) {
            error = QString("the data file has no list for parameter %1 (%2)").arg(k + 1).arg(ps[k].name);
            return false;
        }
        lists << data[lists.size()].toArray();
    }
    sample = LandscapeSample();
    sample.points = data.isEmpty() ? 0 : data.first().toArray().size();
    for (const QJsonArray& list : lists)
        if (list.size() != sample.points) {
            error = QString("the data lists have different lengths (%1 and %2)").arg(sample.points).arg(list.size());
            return false;
        }
    // Every set repeats the data: thin it out (every stride-th point) until the batch fits.
    const qint64 sets = qint64(grid.x.size()) * grid.y.size();
    qint64 dataBytes = 0;
    for (const QJsonArray& list : lists) dataBytes += compact(list).size() + 2;
    sample.stride = 1;
    if (sets > 0 && sample.points > 1 && sets * dataBytes > budgetBytes)
        sample.stride = std::min(sample.points, (sets * dataBytes + budgetBytes - 1) / budgetBytes);
    sample.used = sample.stride > 1 ? (sample.points + sample.stride - 1) / sample.stride : sample.points;
    // The part after the parameters, the same in every set: built once.
    QString rest;
    int next = 0;
    for (int k = 1; k + 1 < ps.size(); ++k) {
        rest += ", ";
        if (ps[k].type == "int") {
            rest += QString::number(sample.used);
            continue;
        }
        const QJsonArray& list = lists[next++];
        if (sample.stride == 1) {
            rest += compact(list);
            continue;
        }
        QJsonArray thin;
        for (qint64 i = 0; i < sample.points; i += sample.stride) thin.append(list[qsizetype(i)]);
        rest += compact(thin);
    }
    rest += ", [0.0, 0.0]]";
    batchJson.clear();
    batchJson.reserve(qsizetype(sets * (rest.size() + 40) + 2));
    batchJson += '[';
    bool first = true;
    for (double y : grid.y)
        for (double x : grid.x) {
            if (!first) batchJson += ",\n";
            first = false;
            batchJson += "[[";
            batchJson += QString::number(x, 'g', 9);
            batchJson += ", ";
            batchJson += QString::number(y, 'g', 9);
            batchJson += ']';
            batchJson += rest;
        }
    batchJson += ']';
    return true;
}

bool landscapeFromResults(const QString& resultsJson, const LandscapeGrid& grid, bool average,
                          const LandscapeSample& sample, TrajectoryData& data, QString& error) {
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(resultsJson.toUtf8(), &parse);
    const qsizetype n = grid.x.size() * grid.y.size();
    if (parse.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != n) {
        error = QString("expected a list of %1 results").arg(n);
        return false;
    }
    const QJsonArray results = doc.array();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVector<QVector<double>> loss;
    for (int j = 0; j < grid.y.size(); ++j) {
        QVector<double> row;
        for (int i = 0; i < grid.x.size(); ++i) {
            const QJsonValue r = results[j * grid.x.size() + i].toObject().value("return");
            double v = r.isDouble() ? r.toDouble() : nan;
            if (average && sample.used > 0) v /= double(sample.used);
            else if (!average && sample.subsampled() && sample.used > 0) v *= double(sample.points) / double(sample.used);
            if (!std::isfinite(v)) v = nan;  // a hole in the map, left out of the contours
            row << v;
        }
        loss << row;
    }
    data.gridX = grid.x;
    data.gridY = grid.y;
    data.gridLoss = loss;
    data.landscapeNote.clear();
    if (sample.subsampled())
        data.landscapeNote = QString("landscape estimated from 1 in %1 data points (%2 of %3): the data set is too "
                                     "large to send whole with every grid point")
                                 .arg(sample.stride).arg(sample.used).arg(sample.points);
    return true;
}

}  // namespace lomaw::gui
