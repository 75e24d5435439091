// `lomaw descend` in the runtime: gradient descent of one function, the whole loop inside one
// build of the generated code, run in one child process (docs/language.md §10.5, docs/descend.md).
//
// The parent validates the function and the start, builds the module (cached) and forks; the
// child loads the library once and runs every step — loss and gradient (DescentEvaluator), the
// update (DescentUpdate) — streaming one binary record per step back through the result pipe,
// flushed at most every 20 ms so that a long run reports progress. A runtime error of the kernel
// (which flushes the stream before the child exits) or a timeout keeps the records made so far.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "runtime/DescentEvaluator.h"
#include "runtime/DescentUpdate.h"
#include "runtime/Runner.h"

namespace lomaw::runtime {

struct DescentRequest {
    const ast::Module* module = nullptr;  // typed; holds FUNC and the gradient function
    std::string function;
    std::string argsJson;                 // FUNC's --args: the start
    GradientLayout layout = GradientLayout::Reverse;
    std::string gradientFunction;         // called for the gradient ("" for finite differences)
    bool userGradient = false;            // gradientFunction is the user's (its signature is checked)
    std::optional<int> threads;
    DescentRule rule;
    long long steps = 100;
    double tolerance = 0;                 // converged when the gradient norm < tolerance (0: never)
    double relativeStep = 4e-3;
    double timeoutSeconds = 0;            // the whole run; 0: none
    double secondsUsed = 0;               // of timeoutSeconds, before this call (checking, C emission)
    std::function<void(long long step)> onStep;  // the last step evaluated, at most every 20 ms
    bool argsForEveryStep = true;         // else DescentOutcome::argsJson holds the last step's only
};

struct DescentRecord {
    long long step = 0;
    float loss = 0;
    double gradientNorm = 0;              // Euclidean norm of the gradient
    std::vector<float> point;             // the parameters as the kernel saw them
    std::vector<double> gradient;
};

struct DescentOutcome : Outcome {  // Ok when the loop ran to an end (a divergence included)
    enum class End { Converged, MaxSteps, Diverged, Stopped };  // Stopped: a failure ended the loop
    End end = End::Stopped;
    std::vector<std::string> labels;      // one per parameter: "x", "a[2]", "p.pos[1]"
    std::vector<DescentRecord> trajectory;
    std::vector<std::string> argsJson;    // per record: FUNC's arguments at that step (--args form), "" when not asked for
    double buildSeconds = 0;
    double loopSeconds = 0;               // the steps in the child, loading excluded
    bool usedCache = false;
};

DescentOutcome runDescent(const DescentRequest& request, const std::string& cSource, const RunnerOptions& options);

}  // namespace lomaw::runtime
