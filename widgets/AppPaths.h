// Where the app finds what it did not build into itself: the examples folder and the autosave
// (recovery) file.
#pragma once

#include <QString>

namespace lomaw::gui {

// $LOMAW_EXAMPLES_DIR, else <bindir>/../share/lomaworks/examples, else the source tree's
// examples/ (a build-tree app). Empty when none exists.
QString examplesDirectory();
// Where file dialogs start: the folder of the file last opened or saved through any dialog
// (QSettings "lastDirectory"), else the examples, else home — never the process's working
// directory, which for an app started from a menu means nothing to the user.
QString dialogDirectory();
void rememberDialogDirectory(const QString& fileOrDirectory);
// The recovery file of the autosave: $LOMAW_RECOVERY_FILE, else in the app's data location.
QString recoveryFilePath();

}  // namespace lomaw::gui
