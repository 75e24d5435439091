// The parameters of a descent, as `lomaw descend` defines them (docs/cli.md): every float value in
// the function's In arguments (scalars, array elements, struct members); ints and Out
// parameters stay fixed (the rows of `lomaw gradcheck`).
// Which leaves are floats comes from the signature: ParamInfo::defaultJson is written with "0.0"
// for a float and "0" for an int, struct members in declaration order (ModuleSummary), and an
// array's first element is the template of all its elements (an unbounded array has any length).
// JSON numbers cannot tell 5 from 5.0, so the template is read from that text, not from QJson.
#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QVariant>
#include <QVector>

#include "Analysis.h"

namespace lomaw::gui {

struct DescentParameter {
    QString name;           // "x0", "p[1]", "s.pos[2]"
    QList<QVariant> path;   // argument index, then array indices (int) and member names (QString)
};

// The function can be descended: it returns float.
bool returnsFloat(const FunctionInfo& function);

// The float leaves of `args` (the function's --args list), in declaration order.
QList<DescentParameter> descentParameters(const FunctionInfo& function, const QJsonArray& args);

// The value at a parameter's path (jsonNumber: "inf" and "nan" strings too; NaN when absent).
double parameterValue(const QJsonArray& args, const DescentParameter& parameter);
QVector<double> parameterValues(const QJsonArray& args, const QList<DescentParameter>& parameters);
// `args` with the value at a parameter's path replaced.
QJsonArray withParameterValue(const QJsonArray& args, const DescentParameter& parameter, double value);

}  // namespace lomaw::gui
