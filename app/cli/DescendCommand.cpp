// lomaw descend FILE FUNC --init ARGS [--grad rev|fwd|fd|GRADFUNC] [--optimizer plain|momentum|adam]
//               [--lr R] [--momentum B] [--steps K] [--tol T] [--trajectory OUT.json|OUT.csv]:
// gradient descent on this machine of any function returning float (docs/language.md §10.5,
// docs/descend.md). stdout: one JSON object; a diverged run is exit 3.
#include <cstdio>
#include <iostream>
#include <memory>

#include "Commands.h"
#include "DistributedSupport.h"
#include "EngineDescent.h"
#include "OptionChecks.h"

namespace lomaw::cli {

namespace {

struct DescendArgs {
    std::string file, trajectoryFile, timingsFile, initFile;
    DescendOptions options;
    int threads = -1;
    bool progress = false;
};

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

Command addDescendCommand(CLI::App& app, const CommonOptions& common) {
    auto a = std::make_shared<DescendArgs>();
    DescendOptions& o = a->options;
    CLI::App* sub = app.add_subcommand("descend", "Gradient descent on this machine of a function returning float");
    sub->add_option("FILE", a->file, "kernel source (.py)")->required();
    sub->add_option("FUNC", o.function, "the loss: any function of the module returning float")->required();
    CLI::Option* init =
        sub->add_option("--init", o.initJson, "the start: FUNC's --args JSON; every float in an In parameter is a parameter "
                        "(an array shorter than an index FUNC uses is undefined behaviour: see --check-bounds)");
    sub->add_option("--init-file", a->initFile, "file holding the start (JSON), instead of --init")->excludes(init);
    sub->add_option("--grad", o.gradient, "rev (default) | fwd | fd | GRADFUNC, a gradient function of the module");
    sub->add_option("--optimizer", o.optimizer, "plain (default) | momentum | adam")
        ->check(CLI::IsMember({"plain", "momentum", "adam"}));
    sub->add_option("--lr", o.learningRate, "learning rate (default 0.01)")->check(realNumber(RealRange::Positive));
    sub->add_option("--momentum", o.momentum, "momentum's beta, Adam's beta1 (default 0.9)")
        ->check(realNumber(RealRange::Decay));
    sub->add_option("--beta2", o.beta2, "Adam's beta2 (default 0.999)")->check(realNumber(RealRange::Decay));
    sub->add_option("--eps", o.epsilon, "Adam's epsilon (default 1e-8)")->check(realNumber(RealRange::Positive));
    sub->add_option("--steps", o.steps, "updates at most (default 100)")->check(wholeNumber(0));
    sub->add_option("--tol", o.tolerance, "converged when the gradient norm is below this (default 0: never)")
        ->check(realNumber(RealRange::NonNegative));
    sub->add_option("--fd-step", o.relativeStep, "relative finite-difference step for --grad fd (default 4e-3)")
        ->check(realNumber(RealRange::Positive));
    sub->add_option("--trajectory", a->trajectoryFile, "write every step to OUT.json or OUT.csv");
    CLI::Option* threadsOpt = sub->add_option("--threads", a->threads, "thread count for a @simd function")->check(wholeNumber(0));
    sub->add_option("--timeout", o.timeoutSeconds, "stop the run after this many seconds (0: none)")
        ->check(timeoutSeconds());  // OptionChecks.h: nan and inf are refused
    sub->add_flag("--progress", a->progress, "report steps done on stderr");
    addCheckBoundsFlag(sub, o.checkBounds);
    sub->add_option("--timings", a->timingsFile, "write build and loop times (JSON) to this file");
    addOmpThreadsOption(sub);
    return {sub, [a, init, threadsOpt, &common]() -> int {
        if (init->count() == 0 && a->initFile.empty()) {
            printUsageError("descend needs the start: --init ARGS or --init-file FILE");
            return kUsageError;
        }
        auto source = readSourceFile(a->file);
        if (!source) return kUsageError;
        const bool csv = endsWith(a->trajectoryFile, ".csv");
        if (!a->trajectoryFile.empty() && !csv && !endsWith(a->trajectoryFile, ".json")) {
            printUsageError("--trajectory must name a .json or .csv file, got " + a->trajectoryFile);
            return kUsageError;
        }
        DescendOptions options = a->options;
        if (!a->initFile.empty() && !readDataFile(a->initFile, options.initJson)) return kUsageError;
        if (threadsOpt->count() > 0) options.threads = a->threads;
        options.argsForEveryStep = !a->trajectoryFile.empty() && !csv;  // only the JSON trajectory prints them
        if (a->progress)
            options.onProgress = [](long long step, long long total) {
                std::cerr << "lomaw: step " << step << " / " << total << '\n';
            };
        DescendOutput out = descend(makeEngine(common), *source, options);
        printDiagnostics(out.diagnostics, *source, /*toStdout=*/false);
        // The trajectory is written whenever there is one: a diverged or failed run keeps its
        // steps up to the end.
        if (!a->trajectoryFile.empty() && !out.trajectory.empty()) {
            std::string text = csv ? out.trajectoryCsv() : out.trajectoryJson(options);
            if (!writeFileAtomically(a->trajectoryFile, text)) {
                printUsageError("cannot write " + a->trajectoryFile);
                return kUsageError;
            }
        }
        if (!a->timingsFile.empty() && !out.trajectory.empty()) {
            const long long steps = out.trajectory.back().step;
            char text[200];
            std::snprintf(text, sizeof text, "{\"build\": %.6f, \"loop\": %.6f, \"steps\": %lld, \"per_step\": %.3g}\n",
                          out.buildSeconds, out.loopSeconds, steps, out.loopSeconds / static_cast<double>(steps + 1));
            if (!writeFileAtomically(a->timingsFile, text)) {  // as mpirun: a lost file is not silence
                printUsageError("cannot write " + a->timingsFile);
                return kUsageError;
            }
        }
        if (out.ok()) {
            std::cout << out.resultJson() << '\n' << std::flush;
            if (out.end == DescendOutput::End::Diverged)
                return reportOutcome(failure(OutcomeKind::Diverged, out.divergenceMessage()));
        }
        return reportOutcome(out);
    }};
}

}  // namespace lomaw::cli
