// Files dragged from a file manager: the local files of a drag or drop event, accepted so the
// drop reaches the receiver. The editor and the main window open them instead of pasting paths.
#pragma once

#include <QStringList>

class QEvent;

namespace lomaw::gui {

// For DragEnter, DragMove and Drop events whose data names local files: those paths (the
// event's proposed action accepted). Empty for any other event or data (dragged text).
QStringList droppedFiles(QEvent* event);

}  // namespace lomaw::gui
