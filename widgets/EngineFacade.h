// Includes the engine facade into Qt code. Qt defines `emit` as an empty macro, which would
// mangle Engine::emit; the macro is suspended while the header is read. A file that calls
// Engine::emit (Analysis.cpp) emits no signals and #undefs `emit` after its includes.
#pragma once

#include <QtCore/qobjectdefs.h>

#pragma push_macro("emit")
#undef emit
#include "Engine.h"
#pragma pop_macro("emit")
