// Facade section: `lomaw descend` — gradient descent on this machine (no MPI) of any function
// that returns float, with the gradient from reverse mode, forward mode, central differences
// or a gradient function of the module; the whole loop inside one build of the generated code,
// in one child process. The contract is docs/language.md §10.5; the details are in docs/descend.md.
//
// Also here: the `# RUN:` and `# DESCEND:` directives of example files (the app's ready demos).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "Engine.h"
#include "runtime/DescentDirectives.h"
#include "runtime/DescentRunner.h"

namespace lomaw {

struct DescendOptions {
    std::string function;
    std::string initJson = "[]";         // FUNC's --args: the start
    // "rev" | "fwd" | "fd" | the name of a gradient function of the module, which takes either
    // the parameters of rev_diff(FUNC) or FUNC's parameters followed by one Out per In parameter.
    std::string gradient = "rev";
    std::string optimizer = "plain";     // plain | momentum | adam
    double learningRate = 0.01;
    double momentum = 0.9;               // momentum's beta, Adam's beta1
    double beta2 = 0.999;                // Adam
    double epsilon = 1e-8;               // Adam
    long long steps = 100;               // updates at most; the trajectory has steps + 1 records
    double tolerance = 0;                // converged when the gradient norm < tolerance (0: never)
    double relativeStep = 4e-3;          // finite differences (as gradcheck)
    std::optional<int> threads;          // @simd functions
    double timeoutSeconds = 0;           // the whole run (build and loop); 0: none
    std::function<void(long long step, long long total)> onProgress;  // at most every 20 ms
    bool argsForEveryStep = true;        // false: only the last step's argsJson is filled (faster)
    bool checkBounds = false;            // --check-bounds (docs/language.md §10.6)
};

struct DescendStep {
    long long step = 0;
    double loss = 0;                     // a float, as FUNC returned it
    double gradientNorm = 0;             // Euclidean norm of the gradient
    std::vector<float> params;           // the parameters as FUNC saw them
    std::vector<double> gradient;
    std::string argsJson;                // FUNC's arguments at this step, in the --args form ("" if not asked for)
};

struct DescendOutput : Outcome {  // Ok when the loop ran to an end (a divergence included)
    using End = runtime::DescentOutcome::End;  // Converged, MaxSteps, Diverged, Stopped (an error ended the run)
    End end = End::Stopped;
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> parameters;  // one label per parameter: "x", "a[2]", "p.pos[1]"
    std::vector<DescendStep> trajectory;  // step 0 is the start; kept up to a divergence or failure
    double buildSeconds = 0;              // build of the generated code (0 when cached but lookup)
    double loopSeconds = 0;               // every step, in the child
    bool usedCache = false;

    // {"status": "converged"|"max-steps"|"diverged", "steps": K, "loss": L, "args": ARGS}
    std::string resultJson() const;
    // "descent diverged at step k (loss inf)" for a diverged run, else "".
    std::string divergenceMessage() const;
    // Every step: an object with the settings and "trajectory": [{step, loss, gradient_norm,
    // args, params, gradient}, ...] (docs/descend.md).
    std::string trajectoryJson(const DescendOptions& options) const;
    // step,loss,gradient_norm,<one column per parameter label>
    std::string trajectoryCsv() const;
};

DescendOutput descend(const Engine& engine, const SourceFile& file, const DescendOptions& options);

// "converged", "max-steps", "diverged", "stopped"
std::string descendEndName(DescendOutput::End end);

using runtime::DescendDirective;
using runtime::RunDirective;
// The `# RUN:` and `# DESCEND:` lines of a source file, in file order.
inline std::vector<RunDirective> runDirectives(const std::string& sourceText) {
    return runtime::runDirectives(sourceText);
}
inline std::vector<DescendDirective> descendDirectives(const std::string& sourceText) {
    return runtime::descendDirectives(sourceText);
}


// The settings of a DESCEND line as options (function, --init and every descent option; a
// --trajectory, --progress or --timeout word is skipped). False with `error` set for an unknown
// option, a missing value or a value that is not a number where one is needed.
bool descendOptionsFromDirective(const DescendDirective& directive, DescendOptions& options, std::string& error);

}  // namespace lomaw
