#include "DescentLandscape.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <limits>

#include "LandscapeGrid.h"

namespace lomaw::gui {

DescentLandscapePlan planDescentLandscape(const TrajectoryData& run, const QList<DescentParameter>& parameters,
                                          const QJsonArray& base, int n, int px, int py, int curvePoints) {
    DescentLandscapePlan plan;
    plan.parameters = parameters;
    plan.base = base;
    const int count = int(parameters.size());
    if (n < 2 || px < 0 || px >= count) return plan;
    if (count == 1) {
        plan.px = px;
        plan.py = -1;
        plan.x = axisSamples(trajectoryRange(run, px), std::max(2, curvePoints));
        return plan;
    }
    if (py < 0 || py >= count || py == px) return plan;
    plan.px = px;
    plan.py = py;
    plan.x = axisSamples(trajectoryRange(run, px), n);
    plan.y = axisSamples(trajectoryRange(run, py), n);
    return plan;
}

QString descentLandscapeBatch(const DescentLandscapePlan& plan) {
    QString batch = "[";
    auto add = [&](const QJsonArray& args) {
        if (batch.size() > 1) batch += ",\n";
        batch += QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact));
    };
    if (plan.x.isEmpty()) return "[]";
    const DescentParameter& px = plan.parameters[plan.px];
    if (plan.curve()) {
        for (double x : plan.x) add(withParameterValue(plan.base, px, x));
    } else {
        const DescentParameter& py = plan.parameters[plan.py];
        for (double y : plan.y) {
            const QJsonArray row = withParameterValue(plan.base, py, y);
            for (double x : plan.x) add(withParameterValue(row, px, x));
        }
    }
    return batch + "]";
}

bool descentLandscapeFromResults(const QString& resultsJson, const DescentLandscapePlan& plan, TrajectoryData& data,
                                 QString& error) {
    const QJsonDocument doc = QJsonDocument::fromJson(resultsJson.toUtf8());
    if (!doc.isArray() || doc.array().size() != plan.sets()) {
        error = QString("expected a list of %1 results").arg(plan.sets());
        return false;
    }
    const QJsonArray results = doc.array();
    auto loss = [&](qsizetype k) {
        const double v = jsonNumber(results[k].toObject().value("return"));
        return std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN();
    };
    if (plan.curve()) {
        data.curveX = plan.x;
        data.curveLoss.clear();
        for (qsizetype i = 0; i < plan.x.size(); ++i) data.curveLoss << loss(i);
        return true;
    }
    data.gridX = plan.x;
    data.gridY = plan.y;
    data.gridLoss.clear();
    for (qsizetype j = 0; j < plan.y.size(); ++j) {
        QVector<double> row;
        for (qsizetype i = 0; i < plan.x.size(); ++i) row << loss(j * plan.x.size() + i);
        data.gridLoss << row;
    }
    data.sliceX = plan.px;
    data.sliceY = plan.py;
    return true;
}

}  // namespace lomaw::gui
