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

bool landscapeBatch(const FunctionInfo& function, const QString& dataJson, const LandscapeGrid& grid,
                    QString& batchJson, qint64& points, QString& error) {
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
    // The middle parameters, as JSON: arrays from the data lists in order, ints get the count.
    points = data.isEmpty() ? 0 : data.first().toArray().size();
    QStringList middle;
    int next = 0;
    for (int k = 1; k + 1 < ps.size(); ++k) {
        if (ps[k].type == "int") {
            middle << QString::number(points);
            continue;
        }
        if (next >= data.size() || !data[next].isArray()) {
            error = QString("the data file has no list for parameter %1 (%2)").arg(k + 1).arg(ps[k].name);
            return false;
        }
        middle << QString::fromUtf8(QJsonDocument(data[next++].toArray()).toJson(QJsonDocument::Compact));
    }
    const QString rest = middle.isEmpty() ? QString() : ", " + middle.join(", ");
    QStringList sets;
    sets.reserve(grid.x.size() * grid.y.size());
    for (double y : grid.y)
        for (double x : grid.x)
            sets << QString("[[%1, %2]%3, [0.0, 0.0]]").arg(x, 0, 'g', 9).arg(y, 0, 'g', 9).arg(rest);
    batchJson = "[" + sets.join(",\n") + "]";
    return true;
}

bool landscapeFromResults(const QString& resultsJson, const LandscapeGrid& grid, bool average, qint64 points,
                          TrajectoryData& data, QString& error) {
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
            if (average && points > 0) v /= double(points);
            if (!std::isfinite(v)) v = nan;  // a hole in the map, left out of the contours
            row << v;
        }
        loss << row;
    }
    data.gridX = grid.x;
    data.gridY = grid.y;
    data.gridLoss = loss;
    return true;
}

}  // namespace lomaw::gui
