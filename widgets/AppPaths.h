// Where the app finds what it did not build into itself: the examples folder and the autosave
// (recovery) file.
#pragma once

#include <QString>

namespace lomaw::gui {

// $LOMAW_EXAMPLES_DIR, else <bindir>/../share/lomaworks/examples, else the source tree's
// examples/ (a build-tree app). Empty when none exists.
QString examplesDirectory();
// The recovery file of the autosave: $LOMAW_RECOVERY_FILE, else in the app's data location.
QString recoveryFilePath();

}  // namespace lomaw::gui
