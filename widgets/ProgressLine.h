// The progress lines `lomaw mpirun --progress` and `lomaw optimize --progress` print on stderr
// (app/cli/MpiRunCommand.cpp, OptimizeCommand.cpp):
//   lomaw: 3 / 8 input sets done
//   lomaw: step 40 / 200
// CliRunner turns them into progress signals and keeps them out of the run's error text.
#pragma once

#include <QString>

namespace lomaw::gui {

struct ProgressUpdate {
    qint64 done = 0;
    qint64 total = 0;
    QString unit;  // "input sets" or "steps"
};

// True when `line` (without its newline) is a progress line; fills `out`.
bool parseProgressLine(const QString& line, ProgressUpdate& out);

}  // namespace lomaw::gui
