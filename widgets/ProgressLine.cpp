#include "ProgressLine.h"

#include <QRegularExpression>

namespace lomaw::gui {

bool parseProgressLine(const QString& line, ProgressUpdate& out) {
    static const QRegularExpression sets(QStringLiteral(R"(^lomaw: (\d+) / (\d+) input sets done\s*$)"));
    static const QRegularExpression steps(QStringLiteral(R"(^lomaw: step (\d+) / (\d+)\s*$)"));
    QRegularExpressionMatch m = sets.match(line);
    QString unit = "input sets";
    if (!m.hasMatch()) {
        m = steps.match(line);
        unit = "steps";
    }
    if (!m.hasMatch()) return false;
    bool ok1 = false, ok2 = false;
    const qint64 done = m.captured(1).toLongLong(&ok1);
    const qint64 total = m.captured(2).toLongLong(&ok2);
    if (!ok1 || !ok2 || done > total) return false;
    out = {done, total, unit};
    return true;
}

}  // namespace lomaw::gui
