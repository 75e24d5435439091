// Light and dark themes: a Fusion palette plus the accents in resources/themes/*.qss. Editor
// and code-view colours follow through their own setDarkTheme.
#pragma once

#include <QString>

namespace lomaw::gui {

enum class ThemeKind { Light, Dark };

ThemeKind themeFromName(const QString& name);  // "dark" -> Dark, anything else Light
QString themeName(ThemeKind kind);
void applyApplicationTheme(ThemeKind kind);

}  // namespace lomaw::gui
