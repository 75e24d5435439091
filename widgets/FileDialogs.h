// The app's file dialogs, one rule for all of them (menus and panels): a dialog starts in
// dialogDirectory() (AppPaths.h: the folder last used in any dialog, else the examples, else
// home; never the process's working directory) and remembers the folder of the file chosen.
#pragma once

#include <QString>

class QWidget;

namespace lomaw::gui {

// "" when cancelled.
QString askOpenFile(QWidget* parent, const QString& title, const QString& filter);
// `suggested`: a file name (placed in dialogDirectory()) or an absolute path (used as is).
// `selectedFilter` (optional) receives the filter the user chose.
QString askSaveFile(QWidget* parent, const QString& title, const QString& suggested, const QString& filter,
                    QString* selectedFilter = nullptr);

}  // namespace lomaw::gui
