// A batch of input sets from a CSV file, converted to the JSON `lomaw mpirun --batch` takes
// (a list of argument lists): one row per input set, one column per parameter, in order.
//   # comments and blank lines are skipped; an optional first row of names is a header
//   x,lr,steps
//   5.0,0.05,200        ->  [[5.0, 0.05, 200], ...]
// Cells are numbers (written as in the file: `200` stays an int, `5.0` a float; `+1`, `.5`, `5.`
// are normalised) or nan / inf / -inf (the strings the CLI accepts for floats). A malformed row
// is an error naming its line and column.
#pragma once

#include <QString>
#include <QStringList>

namespace lomaw::gui {

struct BatchCsv {
    QString json;       // "[[...],\n [...]]"
    int sets = 0;       // rows
    int columns = 0;    // values per row
    QStringList header; // names from the header row, if there is one
};

// `expectedColumns` > 0: every row must have that many values (the function's parameter count);
// `function` names the function in that error. False with `error` on a malformed file.
bool csvToBatch(const QString& text, BatchCsv& out, QString& error, int expectedColumns = 0,
                const QString& function = QString());

}  // namespace lomaw::gui
