#include "LandscapeGrid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <limits>

namespace lomaw::gui {

AxisRange framedRange(const QVector<double>& values, bool diverged) {
    // Finite values in order. A diverging run's last finite steps grow geometrically (1e3, 1e6,
    // ... 1e38): stop at the first one that widens the range more than eightfold, or beyond
    // 1000 times its first non-zero size, so the window shows where the run went wrong rather than a
    // flat plain at 1e38.
    AxisRange r{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    double first = 0;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        const double lo = std::min(r.lo, v), hi = std::max(r.hi, v);
        const double before = r.hi >= r.lo ? r.hi - r.lo : 0;
        if (diverged && before > 0 && (hi - lo > 8 * before || hi - lo > 1000 * first)) break;
        if (first == 0 && hi > lo) first = hi - lo;
        r.lo = lo;
        r.hi = hi;
    }
    if (!(r.hi >= r.lo)) r.lo = r.hi = 0;  // no finite value
    return r;
}

AxisRange trajectoryRange(const TrajectoryData& trajectory, int parameter) {
    QVector<double> values;
    for (const QVector<double>& p : trajectory.parameters)
        if (p.size() > parameter) values << p[parameter];
    return framedRange(values, trajectory.diverged());
}

QVector<double> axisSamples(AxisRange r, int n, double margin) {
    double span = r.hi - r.lo;
    if (span <= 1e-12 * std::max(1.0, std::abs(r.lo))) {
        r.lo -= 0.5;
        r.hi += 0.5;
        span = 1;
    }
    r.lo -= margin * span;
    r.hi += margin * span;
    QVector<double> axis;
    for (int i = 0; i < n; ++i) axis << r.lo + (r.hi - r.lo) * i / (n - 1);
    return axis;
}

LandscapeGrid landscapeAround(const TrajectoryData& trajectory, int n, double margin) {
    LandscapeGrid grid;
    if (n < 2) return grid;
    grid.x = axisSamples(trajectoryRange(trajectory, 0), n, margin);
    grid.y = axisSamples(trajectoryRange(trajectory, 1), n, margin);
    return grid;
}

bool isLossGradientFunction(const FunctionInfo& function) {
    const QList<ParamInfo>& ps = function.params;
    return ps.size() >= 2 && ps.first().type.startsWith("Array[float") && !ps.first().isOut && ps.last().isOut &&
           ps.last().type.startsWith("Array[float") && function.returnType == "float";
}

QString lossGradientContract() {
    return "f(params : In[Array[float]], data..., grad : Out[Array[float]]) -> float";
}

namespace {

QString compact(const QJsonArray& list) { return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)); }

}  // namespace

bool landscapeBatch(const FunctionInfo& function, const QString& dataJson, const LandscapeGrid& grid,
                    QString& batchJson, LandscapeSample& sample, QString& error, qint64 budgetBytes) {
    const QList<ParamInfo>& ps = function.params;
    if (!isLossGradientFunction(function)) {
        error = function.name + " is not a loss-gradient function " + lossGradientContract();
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
