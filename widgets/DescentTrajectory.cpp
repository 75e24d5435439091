#include "DescentTrajectory.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <cmath>

#include "DescentParameters.h"

namespace lomaw::gui {

QString DescentRunInfo::label() const {
    return QString("%1 · %2 · lr %3").arg(gradient, optimizer).arg(learningRate, 0, 'g', 4);
}

bool parseDescentTrajectory(const QString& json, const FunctionInfo& function, TrajectoryData& out,
                            QJsonArray& lastArgs, QString& error) {
    out = TrajectoryData();
    lastArgs = QJsonArray();
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parse);
    if (parse.error != QJsonParseError::NoError) {
        error = "the trajectory is not valid JSON: " + parse.errorString();
        return false;
    }
    const QJsonArray rows = doc.isArray() ? doc.array() : doc.object().value("trajectory").toArray();
    if (rows.isEmpty()) {
        error = "the trajectory has no steps";
        return false;
    }
    if (doc.isObject()) out.status = doc.object().value("status").toString();
    const QList<DescentParameter> params = descentParameters(function, rows.first().toObject().value("args").toArray());
    if (params.isEmpty()) {
        error = function.name + " has no float parameter to descend on";
        return false;
    }
    for (const DescentParameter& p : params) out.parameterNames << p.name;
    // lomaw descend names them too ("parameters"); its labels win when they agree in number.
    const QJsonArray labels = doc.isObject() ? doc.object().value("parameters").toArray() : QJsonArray();
    if (labels.size() == params.size())
        for (qsizetype i = 0; i < labels.size(); ++i) out.parameterNames[i] = labels[i].toString(out.parameterNames[i]);
    bool allNorms = true, allGradients = true;
    for (qsizetype k = 0; k < rows.size(); ++k) {
        const QJsonObject r = rows[k].toObject();
        const QJsonArray args = r.value("args").toArray();
        out.steps << (r.contains("step") ? r.value("step").toDouble() : double(k));
        out.losses << jsonNumber(r.value("loss"));
        const QVector<double> values = parameterValues(args, params);
        out.parameters << values;
        allNorms = allNorms && r.contains("gradient_norm");
        out.gradientNorms << jsonNumber(r.value("gradient_norm"));
        const QJsonValue g = r.value("gradient");
        QVector<double> gradient;
        if (g.isArray() && g.toArray().size() == params.size() && !g.toArray().first().isArray()) {
            for (const QJsonValue& v : g.toArray()) gradient << jsonNumber(v);  // flat
        } else if (g.isArray()) {
            gradient = parameterValues(g.toArray(), params);  // in the --args form
        }
        allGradients = allGradients && gradient.size() == params.size();
        out.gradients << gradient;
        bool finite = std::isfinite(out.losses.last());
        for (double v : values) finite = finite && std::isfinite(v);
        if (finite) lastArgs = args;
    }
    if (!allNorms) out.gradientNorms.clear();
    if (!allGradients) out.gradients.clear();
    markDivergence(out);
    return true;
}

void gradientsFromPlainSteps(TrajectoryData& data, double learningRate) {
    if (!data.gradients.isEmpty() || learningRate <= 0) return;
    for (qsizetype k = 0; k < data.parameters.size(); ++k) {
        QVector<double> g;
        if (k + 1 < data.parameters.size())
            for (qsizetype i = 0; i < data.parameters[k].size(); ++i)
                g << (data.parameters[k][i] - data.parameters[k + 1][i]) / learningRate;
        data.gradients << g;  // the last step has none (empty)
    }
}

QString divergenceMessage(const QString& errors) {
    static const QRegularExpression re(R"(([^\n:]*diverged at step \d+[^\n]*))");
    const QRegularExpressionMatch m = re.match(errors);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

}  // namespace lomaw::gui
