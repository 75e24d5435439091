// Facade section: the tape report of reverse mode (engine/ad/TapeReport.h; docs/ad.md,
// "Tape report"). `lomaw emit --stage tape` prints it; the app can show each loop's record
// beside the loop (TapeLoop::line), the way it shows scope badges.
//
//   TapesOutput out = analyseTapes(file);
//   if (out.ok)
//       for (const ad::DerivativeTapes& d : out.report.derivatives)   // one per reverse derivative
//           for (const ad::TapeLoop& l : d.loops)                      // "body", then loops in source order
//               l.line, l.bytesPerIteration(), l.recorded (variable, bytes, readBy lines),
//               l.recomputed (inverse steps and recomputed values, with the statement as text)
#pragma once

#include <string>
#include <vector>

#include "Engine.h"
#include "ad/TapeReport.h"

namespace lomaw {

struct TapesOutput {
    bool ok = false;                      // no error diagnostics
    ad::TapeReport report;                // the reverse derivatives of the module, generation order
    std::string text;                     // ad::formatTapeReport(report)
    std::vector<Diagnostic> diagnostics;  // sorted by position
};

// Parses, checks and differentiates `file` (as Engine::check) and returns what every reverse
// derivative records. Never throws.
TapesOutput analyseTapes(const SourceFile& file);
// The same from a kernel already compiled (EngineViews.h; compiled without forced scopes).
struct CompiledKernel;
TapesOutput tapesOf(const CompiledKernel& kernel);

}  // namespace lomaw
