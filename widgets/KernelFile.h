// Reading and writing kernel files. Saves are atomic (QSaveFile: write a temporary, then rename),
// so a crash mid-save never leaves a half-written kernel.
#pragma once

#include <QString>

namespace lomaw::gui {

struct FileOutcome {
    bool ok = false;
    QString text;   // read: the contents
    QString error;  // why it failed, in words for a message box
};

FileOutcome readKernelFile(const QString& path);
FileOutcome writeKernelFileAtomically(const QString& path, const QString& text);

}  // namespace lomaw::gui
