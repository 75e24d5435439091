// lomaw descend: see EngineDescent.h and docs/descend.md.
#include "EngineDescent.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "codegen/CEmitter.h"
#include "gradcheck/AppendedDerivatives.h"
#include "runtime/DescentRunner.h"
#include "runtime/JsonResult.h"

namespace lomaw {

namespace {

using Clock = std::chrono::steady_clock;

// The derivative descend generates when the gradient comes from AD (even if the module
// declares none): appended to a copy of the module, built like a user's declaration.
const char* kReverseName = "_lomaw_descend_rev";
const char* kForwardName = "_lomaw_descend_fwd";

DescendOutput usage(std::string message, std::vector<Diagnostic> diagnostics = {}) {
    DescendOutput out;
    out.outcome() = failure(OutcomeKind::UsageError, std::move(message));
    out.diagnostics = std::move(diagnostics);
    return out;
}

// %.9g, non-finite numbers as the strings `lomaw run` prints, so files stay valid JSON.
std::string jsonNumber(double v) {
    if (std::isnan(v)) return "\"nan\"";
    if (std::isinf(v)) return v > 0 ? "\"inf\"" : "\"-inf\"";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string lossText(double loss) { return runtime::formatFloat(static_cast<float>(loss)); }

DescendOutput run(const Engine& engine, const SourceFile& file, const DescendOptions& options) {
    const auto began = Clock::now();
    std::optional<runtime::DescentOptimizer> optimizer = runtime::descentOptimizerFromName(options.optimizer);
    if (!optimizer) return usage("--optimizer must be plain, momentum or adam, got '" + options.optimizer + "'");
    if (options.steps < 0) return usage("--steps must be >= 0, got " + std::to_string(options.steps));
    if (!std::isfinite(options.learningRate)) return usage("--lr must be a finite number");

    CompileOutput compiled = engine.check(file);
    if (!compiled.ok) {
        DescendOutput out;
        out.kind = OutcomeKind::CompileError;
        out.diagnostics = compiled.diagnostics;
        return out;
    }
    const ast::Function* function = compiled.module.findFunction(options.function);
    if (!function) return usage(runtime::unknownFunctionMessage(compiled.module, options.function), compiled.diagnostics);
    // Copied: `compiled` may be moved below.
    const SourceLoc functionLoc = function->loc;
    const bool returnsFloat = function->returnType && function->returnType->isFloat();

    runtime::DescentRequest request;
    request.function = options.function;
    request.argsJson = options.initJson;
    request.threads = options.threads;
    request.rule = {*optimizer, options.learningRate, options.momentum, options.beta2, options.epsilon};
    request.steps = options.steps;
    request.tolerance = options.tolerance;
    request.relativeStep = options.relativeStep;
    request.argsForEveryStep = options.argsForEveryStep;
    std::string declaration;
    if (options.gradient == "rev") {
        request.layout = runtime::GradientLayout::Reverse;
        request.gradientFunction = kReverseName;
        declaration = request.gradientFunction + " = rev_diff(" + options.function + ")\n";
    } else if (options.gradient == "fwd") {
        request.layout = runtime::GradientLayout::Forward;
        request.gradientFunction = kForwardName;
        declaration = request.gradientFunction + " = fwd_diff(" + options.function + ")\n";
    } else if (options.gradient == "fd") {
        request.layout = runtime::GradientLayout::FiniteDifferences;
    } else {
        request.gradientFunction = options.gradient;
        request.userGradient = true;
    }
    // Only a function returning float is differentiated: anything else is the runtime's usage
    // error, not a compile error of a declaration the user never wrote.
    if (!returnsFloat) declaration.clear();
    if (declaration.empty() && !request.userGradient) request.gradientFunction.clear();

    gradcheck::AppendedDerivatives augmented(file, declaration);
    CompileOutput withDerivative = declaration.empty() ? std::move(compiled) : engine.check(augmented.file());
    if (!withDerivative.ok) {
        DescendOutput out;
        out.kind = OutcomeKind::CompileError;
        out.diagnostics = augmented.explain(withDerivative.diagnostics, functionLoc,
                                            "descend differentiates '" + options.function + "' (--grad " +
                                                options.gradient + ")");
        return out;
    }
    codegen::CEmitOptions copts;
    copts.sourceName = file.path;
    copts.checkBounds = options.checkBounds;
    std::string cSource = codegen::emitC(withDerivative.module, copts).text;
    request.module = &withDerivative.module;
    request.timeoutSeconds = options.timeoutSeconds;
    request.secondsUsed = std::chrono::duration<double>(Clock::now() - began).count();
    if (options.onProgress) {
        const long long total = options.steps;
        request.onStep = [&options, total](long long step) { options.onProgress(step, total); };
    }
    runtime::RunnerOptions ropts{engine.options().compiler, engine.options().cacheDir};
    runtime::DescentOutcome r = runtime::runDescent(request, cSource, ropts);

    DescendOutput out;
    out.diagnostics = withDerivative.diagnostics;
    out.outcome() = r;  // the runtime's outcome, as it is
    out.end = r.end;
    out.parameters = std::move(r.labels);
    out.buildSeconds = r.buildSeconds;
    out.loopSeconds = r.loopSeconds;
    out.usedCache = r.usedCache;
    for (size_t k = 0; k < r.trajectory.size(); ++k) {
        runtime::DescentRecord& rec = r.trajectory[k];
        out.trajectory.push_back({rec.step, rec.loss, rec.gradientNorm, std::move(rec.point), std::move(rec.gradient),
                                  k < r.argsJson.size() ? std::move(r.argsJson[k]) : std::string()});
    }
    return out;
}

}  // namespace

std::string descendEndName(DescendOutput::End end) {
    switch (end) {
        case DescendOutput::End::Converged: return "converged";
        case DescendOutput::End::MaxSteps: return "max-steps";
        case DescendOutput::End::Diverged: return "diverged";
        case DescendOutput::End::Stopped: break;
    }
    return "stopped";
}

DescendOutput descend(const Engine& engine, const SourceFile& file, const DescendOptions& options) {
    try {
        return run(engine, file, options);
    } catch (const std::exception& e) {
        DescendOutput out;
        out.outcome() = exceptionOutcome(e, "descend");
        return out;
    }
}

std::string DescendOutput::resultJson() const {
    if (trajectory.empty()) return "null";
    const DescendStep& last = trajectory.back();
    return "{\"status\": \"" + descendEndName(end) + "\", \"steps\": " + std::to_string(last.step) +
           ", \"loss\": " + lossText(last.loss) + ", \"args\": " + last.argsJson + "}";
}

std::string DescendOutput::divergenceMessage() const {
    if (end != End::Diverged || trajectory.empty()) return "";
    std::string loss = lossText(trajectory.back().loss);
    if (loss.front() == '"') loss = loss.substr(1, loss.size() - 2);
    return "descent diverged at step " + std::to_string(trajectory.back().step) + " (loss " + loss + ")";
}

std::string DescendOutput::trajectoryJson(const DescendOptions& options) const {
    std::string out = "{\"function\": " + jsonString(options.function) + ", \"gradient\": " +
                      jsonString(options.gradient) + ", \"optimizer\": " + jsonString(options.optimizer) +
                      ", \"lr\": " + jsonNumber(options.learningRate) + ", \"status\": \"" + descendEndName(end) +
                      "\", \"steps\": " + (trajectory.empty() ? "0" : std::to_string(trajectory.back().step)) +
                      ", \"parameters\": [";
    for (size_t i = 0; i < parameters.size(); ++i) out += (i ? ", " : "") + jsonString(parameters[i]);
    out += "],\n \"trajectory\": [";
    for (size_t k = 0; k < trajectory.size(); ++k) {
        const DescendStep& s = trajectory[k];
        const std::string args = s.argsJson.empty() ? "null" : s.argsJson;
        out += std::string(k ? ",\n  " : "\n  ") + "{\"step\": " + std::to_string(s.step) + ", \"loss\": " +
               lossText(s.loss) + ", \"gradient_norm\": " + jsonNumber(s.gradientNorm) + ", \"args\": " + args +
               ", \"params\": [";
        for (size_t i = 0; i < s.params.size(); ++i) out += (i ? ", " : "") + runtime::formatFloat(s.params[i]);
        out += "], \"gradient\": [";
        for (size_t i = 0; i < s.gradient.size(); ++i) out += (i ? ", " : "") + jsonNumber(s.gradient[i]);
        out += "]}";
    }
    return out + "]}\n";
}

std::string DescendOutput::trajectoryCsv() const {
    std::string out = "step,loss,gradient_norm";
    for (const std::string& p : parameters) out += "," + p;
    out += "\n";
    auto unquoted = [](std::string s) { return s.front() == '"' ? s.substr(1, s.size() - 2) : s; };
    for (const DescendStep& s : trajectory) {
        out += std::to_string(s.step) + "," + unquoted(lossText(s.loss)) + "," + unquoted(jsonNumber(s.gradientNorm));
        for (float p : s.params) out += "," + unquoted(runtime::formatFloat(p));
        out += "\n";
    }
    return out;
}

bool descendOptionsFromDirective(const DescendDirective& directive, DescendOptions& options, std::string& error) {
    if (!directive.error.empty()) {
        error = directive.error;
        return false;
    }
    options.function = directive.function;
    const std::vector<std::string>& w = directive.arguments;
    for (size_t i = 0; i < w.size(); ++i) {
        const std::string& name = w[i];
        if (name == "--progress") continue;
        if (i + 1 >= w.size()) {
            error = name + " needs a value";
            return false;
        }
        const std::string& value = w[++i];
        try {
            size_t used = 0;
            auto number = [&]() {
                double v = std::stod(value, &used);
                if (used != value.size()) throw std::invalid_argument(value);
                return v;
            };
            if (name == "--init") options.initJson = value;
            else if (name == "--grad") options.gradient = value;
            else if (name == "--optimizer") options.optimizer = value;
            else if (name == "--lr") options.learningRate = number();
            else if (name == "--momentum") options.momentum = number();
            else if (name == "--beta2") options.beta2 = number();
            else if (name == "--eps") options.epsilon = number();
            else if (name == "--steps") options.steps = static_cast<long long>(number());
            else if (name == "--tol") options.tolerance = number();
            else if (name == "--fd-step") options.relativeStep = number();
            else if (name == "--threads") options.threads = static_cast<int>(number());
            else if (name == "--trajectory" || name == "--timeout") continue;
            else {
                error = "unknown option " + name;
                return false;
            }
        } catch (const std::exception&) {
            error = name + " needs a number, got '" + value + "'";
            return false;
        }
    }
    return true;
}

}  // namespace lomaw
