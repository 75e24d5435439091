#include "BatchCsv.h"

#include <QRegularExpression>

namespace lomaw::gui {

namespace {

// A cell as JSON, or "" when it is not a number.
QString cellToJson(QString cell) {
    if (cell.size() >= 2 && cell.startsWith('"') && cell.endsWith('"')) cell = cell.mid(1, cell.size() - 2).trimmed();
    static const QRegularExpression strictJson(QStringLiteral(R"(^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$)"));
    static const QRegularExpression loose(QStringLiteral(R"(^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$)"));
    if (strictJson.match(cell).hasMatch()) return cell;
    if (loose.match(cell).hasMatch()) {
        const bool integral = !cell.contains('.') && !cell.contains('e') && !cell.contains('E');
        if (integral) return QString::number(cell.toLongLong());
        QString v = QString::number(cell.toDouble(), 'g', 17);
        if (!v.contains('.') && !v.contains('e')) v += ".0";  // keep it a float
        return v;
    }
    const QString lower = cell.toLower();
    if (lower == "nan" || lower == "inf" || lower == "-inf") return "\"" + lower + "\"";
    return {};
}

QString valuesText(int n) { return n == 1 ? QString("1 value") : QString("%1 values").arg(n); }

}  // namespace

bool csvToBatch(const QString& text, BatchCsv& out, QString& error, int expectedColumns, const QString& function) {
    BatchCsv result;
    QStringList rows;
    int firstRowLine = 0;  // line of the first data row, for the column-count message
    bool firstLine = true;
    const QStringList lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith('#')) continue;
        QStringList cells = line.split(',');
        for (QString& c : cells) c = c.trimmed();
        if (firstLine) {
            firstLine = false;
            // A header: the first row, with no cell that is a number.
            bool anyNumber = false;
            for (const QString& c : cells) anyNumber = anyNumber || !cellToJson(c).isEmpty();
            if (!anyNumber) {
                result.header = cells;
                continue;
            }
        }
        const int want = result.columns ? result.columns
                         : expectedColumns > 0 ? expectedColumns
                         : int(result.header.size()) ? int(result.header.size())
                                                     : int(cells.size());
        const QString because = result.columns ? QString("as on line %1").arg(firstRowLine)
                                : expectedColumns > 0
                                    ? QString("%1 takes %2 argument%3").arg(function.isEmpty() ? "the function" : function).arg(expectedColumns).arg(expectedColumns == 1 ? "" : "s")
                                    : QString("as in the header");
        if (cells.size() < want) {
            error = QString("line %1, column %2: missing value (expected %3, %4)")
                        .arg(lineNo).arg(cells.size() + 1).arg(valuesText(want), because);
            return false;
        }
        if (cells.size() > want) {
            error = QString("line %1, column %2: unexpected value \"%3\" (expected %4, %5)")
                        .arg(lineNo).arg(want + 1).arg(cells[want], valuesText(want), because);
            return false;
        }
        QStringList values;
        for (int c = 0; c < cells.size(); ++c) {
            const QString json = cellToJson(cells[c]);
            if (json.isEmpty()) {
                error = cells[c].isEmpty() ? QString("line %1, column %2: empty value").arg(lineNo).arg(c + 1)
                                           : QString("line %1, column %2: \"%3\" is not a number").arg(lineNo).arg(c + 1).arg(cells[c]);
                return false;
            }
            values << json;
        }
        if (!result.columns) {
            result.columns = int(cells.size());
            firstRowLine = lineNo;
        }
        rows << "[" + values.join(", ") + "]";
    }
    if (rows.isEmpty()) {
        error = "the file has no rows of values";
        return false;
    }
    result.sets = int(rows.size());
    result.json = "[" + rows.join(",\n ") + "]";
    out = result;
    return true;
}

}  // namespace lomaw::gui
