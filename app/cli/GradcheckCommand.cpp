// lomaw gradcheck FILE FUNC --args JSON — forward and reverse mode against central finite
// differences, one row per float input component; exit 1 when any row disagrees.
#include <cstdio>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "Commands.h"
#include "EngineGradcheck.h"
#include "OptionChecks.h"

namespace lomaw::cli {

namespace {

struct GradcheckArgs {
    std::string file;
    GradcheckOptions options;
    int threads = -1;
    bool json = false;
};

std::string formatNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7g", v);
    return buf;
}

void printTable(const GradcheckOutput& out) {
    const bool withReverse = out.reverseUnavailable.empty();
    size_t width = 5;
    for (const GradcheckRow& r : out.rows) width = std::max(width, r.input.size());
    std::printf("%-*s  %15s  %15s  %15s  %s\n", static_cast<int>(width), "input", "finite-diff", "forward",
                "reverse", "status");
    for (const GradcheckRow& r : out.rows)
        std::printf("%-*s  %15s  %15s  %15s  %s\n", static_cast<int>(width), r.input.c_str(),
                    formatNumber(r.finiteDifference).c_str(), formatNumber(r.forward).c_str(),
                    withReverse ? formatNumber(r.reverse).c_str() : "-",
                    r.ok ? (r.retried ? ("ok (step " + formatNumber(r.step) + ")").c_str() : "ok") : "MISMATCH");
    size_t bad = 0;
    for (const GradcheckRow& r : out.rows) bad += !r.ok;
    const char* modes = withReverse ? "" : " (forward mode only: the function has no reverse derivative)";
    if (out.rows.empty()) std::printf("no float input components: nothing to compare\n");
    else if (bad == 0) std::printf("all %zu components agree%s\n", out.rows.size(), modes);
    else std::printf("%zu of %zu components disagree%s\n", bad, out.rows.size(), modes);
}

void printJson(const GradcheckOutput& out) {
    nlohmann::json rows = nlohmann::json::array();
    const bool withReverse = out.reverseUnavailable.empty();
    for (const GradcheckRow& r : out.rows)
        rows.push_back({{"input", r.input}, {"finite_difference", r.finiteDifference},
                        {"forward", r.forward}, {"reverse", withReverse ? nlohmann::json(r.reverse) : nlohmann::json()},
                        {"step", r.step}, {"ok", r.ok}});
    std::cout << nlohmann::json{{"agree", out.agree}, {"reverse_checked", withReverse}, {"rows", rows}}.dump() << '\n';
}

}  // namespace

Command addGradcheckCommand(CLI::App& app, const CommonOptions& common) {
    auto args = std::make_shared<GradcheckArgs>();
    CLI::App* sub = app.add_subcommand(
        "gradcheck", "Compare forward and reverse-mode derivatives with central finite differences");
    sub->add_option("FILE", args->file, "kernel source (.py)")->required();
    sub->add_option("FUNC", args->options.function, "function to check (its primal)")->required();
    sub->add_option("--args", args->options.argsJson, "the point: JSON array, one value per parameter (an array shorter "
                    "than an index FUNC uses is undefined behaviour: see --check-bounds)");
    CLI::Option* threadsOpt = sub->add_option("--threads", args->threads, "thread count for a @simd function")->check(wholeNumber(0));
    CLI::Option* stepOpt =
        sub->add_option("--step", args->options.relativeStep,
                        "relative finite-difference step (default 4e-3; a disagreeing component is retried at "
                        "1/16 and 1/256 of it unless --step is given)")
            ->check(realNumber(RealRange::Positive));
    sub->add_option("--rtol", args->options.rtol, "relative tolerance against finite differences (default 1e-2)")
        ->check(realNumber(RealRange::NonNegative));
    sub->add_option("--atol", args->options.atol, "absolute tolerance against finite differences (default 1e-3)")
        ->check(realNumber(RealRange::NonNegative));
    sub->add_flag("--json", args->json, "print the rows as JSON");
    addCheckBoundsFlag(sub, args->options.checkBounds);
    addOmpThreadsOption(sub);
    return {sub, [args, threadsOpt, stepOpt, &common]() -> int {
        auto source = readSourceFile(args->file);
        if (!source) return kUsageError;
        if (threadsOpt->count() > 0) args->options.threads = args->threads;
        if (stepOpt->count() > 0) args->options.retrySmallerSteps = false;
        GradcheckOutput out = checkGradients(makeEngine(common), *source, args->options);
        printDiagnostics(out.diagnostics, *source, /*toStdout=*/false);
        if (!out.ok()) return reportOutcome(out);
        if (args->json) printJson(out);
        else printTable(out);
        return out.agree ? kSuccess : kCompileError;
    }};
}

}  // namespace lomaw::cli
