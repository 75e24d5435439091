// lomaw_widgets is a static library: its Qt resources (icons, themes, help) must be registered
// explicitly once before use.
#pragma once

namespace lomaw::gui {
void initResources();
}
