// What the reverse derivatives of a module record per loop iteration, and what they recompute
// instead (docs/ad.md, "Tape report"). A plain value: `lomaw emit --stage tape` prints it,
// the app can show it beside the loops (engine facade: EngineTapes.h).
#pragma once

#include <string>
#include <vector>

namespace lomaw::ad {

// One value pushed on a tape each time its statement runs.
struct TapeRecord {
    enum class Kind { Value, Branch, IterationCount, LoopBound, OutArgument };
    Kind kind = Kind::Value;
    std::string variable;     // the primal variable (or "branch", "iterations", "start", "stop")
    std::string tape;         // the generated tape variable (`_t_x`)
    long long bytes = 0;      // per push, in the C backend (4 per float/int, 8 per pointer)
    int line = 0;             // the statement that records
    std::vector<int> readBy;  // lines of the statements whose adjoint reads the value
};

// A value the reverse sweep gets back without a tape, or does not need back at all.
struct TapeRecompute {
    // Unneeded: the old value of an assignment nothing reads once it is undone (ReverseDeadTapes.h).
    enum class Kind { InverseStep, Recomputed, Unneeded };
    Kind kind = Kind::InverseStep;
    std::string variable;
    std::string how;  // `i = i - 1` (inverse step) or `l = u[i - 1] - ...` (recomputed); "" (unneeded)
    int line = 0;     // the primal statement
};

// A loop of the primal (or its body outside every loop: kind "body", line of the function).
struct TapeLoop {
    std::string kind;  // "while", "for" or "body"
    int line = 0;
    int depth = 0;  // 0 for the body, 1 for a top-level loop, ...
    std::vector<TapeRecord> recorded;
    std::vector<TapeRecompute> recomputed;
    long long bytesPerIteration() const;
};

struct DerivativeTapes {
    std::string derivative;  // the reverse derivative (`r_f`, `_d_rev_g`)
    std::string primal;
    int line = 0;                // of the primal function
    std::vector<TapeLoop> loops;  // body first, then loops in source order
};

struct TapeReport {
    std::vector<DerivativeTapes> derivatives;  // in generation order
};

// Plain text, one block per derivative and one line per loop and record.
std::string formatTapeReport(const TapeReport& report);

}  // namespace lomaw::ad
