// Facade section: `lomaw gradcheck` — forward- and reverse-mode derivatives of a function
// compared with central finite differences of its primal, one row per float input component.
//
// What is compared: the derivative of S = (sum of the float components of the result and of
// every Out parameter after the call) with respect to each float component of each In
// parameter. Reverse mode gets all of them from one call (adjoint seeds 1 everywhere), forward
// mode from one call per component (tangent seed 1 on that component), finite differences from
// two primal calls per component. See docs/gradcheck.md for the step and tolerances. A function
// that can only be differentiated in forward mode (it reads an Out parameter) is checked in
// forward mode alone, and the output says why reverse mode is missing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "Engine.h"

namespace lomaw {

struct GradcheckOptions {
    std::string function;
    std::string argsJson = "[]";
    std::optional<int> threads;
    // Central differences use h = relativeStep * max(1, |x|), rounded to the float grid.
    // 4e-3 ≈ cbrt(3 * 2^-24): balances float32 rounding (eps/h) against truncation (h^2).
    double relativeStep = 4e-3;
    // A component whose difference at that step disagrees with forward and reverse mode (which
    // agree) is differenced again at step / 16 and step / 256: next to a small parameter (a time
    // step dt = 0.01) the default step is large, and the truncation error, not the derivative,
    // disagrees. Off when the user chose the step (--step).
    bool retrySmallerSteps = true;
    double rtol = 1e-2;  // |fd - ad| <= atol + rtol * max(|fd|, |ad|)
    double atol = 1e-3;
    // Forward and reverse mode compute the same quantity exactly up to float rounding.
    double adRtol = 1e-4;
    double adAtol = 1e-5;
    bool checkBounds = false;  // --check-bounds (docs/language.md §10.6): every call's indices checked
};

struct GradcheckRow {
    std::string input;          // "x", "a[2]", "p.pos[1]"
    double finiteDifference = 0;
    double forward = 0;
    double reverse = 0;
    double step = 0;            // the h of the finite difference shown (a smaller one on a retry)
    bool retried = false;       // the difference shown is at a smaller step than the first
    bool ok = false;
};

struct GradcheckOutput : Outcome {  // of the calls made
    std::vector<Diagnostic> diagnostics;
    std::vector<GradcheckRow> rows;
    bool agree = false;         // every row ok
    // Set when the function has a forward but no reverse derivative (it reads an Out parameter:
    // rev-restriction): the rows compare forward mode only (reverse is NaN), and this is the
    // reason, the rev-restriction diagnostics (also in `diagnostics`, as notes).
    std::vector<Diagnostic> reverseUnavailable;
};

GradcheckOutput checkGradients(const Engine& engine, const SourceFile& file, const GradcheckOptions& options);

}  // namespace lomaw
