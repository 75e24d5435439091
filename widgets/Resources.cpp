#include "Resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initLomaworksResources() { Q_INIT_RESOURCE(lomaworks); }

namespace lomaw::gui {
void initResources() { initLomaworksResources(); }
}  // namespace lomaw::gui
