#include "runtime/DescentRunner.h"

#include <algorithm>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "runtime/BoundsRegistry.h"
#include "runtime/CallHarness.h"
#include "runtime/ChildCall.h"
#include "runtime/ChildReport.h"
#include "runtime/HarnessLibrary.h"
#include "runtime/JsonArguments.h"
#include "runtime/JsonResult.h"

namespace lomaw::runtime {

namespace {

using End = DescentOutcome::End;
using Clock = std::chrono::steady_clock;

DescentOutcome fail(Outcome outcome) { return resultWith<DescentOutcome>(std::move(outcome)); }

DescentOutcome usage(std::string message) { return fail(failure(OutcomeKind::UsageError, std::move(message))); }

// Child -> parent stream: 'R' step(int64) loss(float) norm(double) point(n float) gradient(n double)
// per step, then 'F' end(int32) loopSeconds(double); or 'E' + an internal error message.
constexpr char kRecord = 'R';
constexpr char kFinished = 'F';

template <class T>
void put(std::FILE* out, const T& v) {
    std::fwrite(&v, sizeof v, 1, out);
}

class StreamDecoder {
public:
    explicit StreamDecoder(size_t n) : n_(n) {}

    // Decodes every complete message of `bytes` from where the last call stopped.
    void decode(const std::string& bytes, DescentOutcome& out) {
        const size_t recordSize = 1 + 8 + 4 + 8 + n_ * (4 + 8);
        while (at_ < bytes.size()) {
            const char* p = bytes.data() + at_;
            size_t left = bytes.size() - at_;
            if (p[0] == kRecord) {
                if (left < recordSize) return;
                DescentRecord r;
                const char* q = p + 1;
                int64_t step;
                take(q, step);
                r.step = step;
                take(q, r.loss);
                take(q, r.gradientNorm);
                r.point.resize(n_);
                r.gradient.resize(n_);
                for (float& x : r.point) take(q, x);
                for (double& g : r.gradient) take(q, g);
                out.trajectory.push_back(std::move(r));
                at_ += recordSize;
            } else if (p[0] == kFinished) {
                if (left < 1 + 4 + 8) return;
                const char* q = p + 1;
                int32_t end;
                take(q, end);
                take(q, out.loopSeconds);
                out.end = static_cast<End>(end);
                finished_ = true;
                at_ += 1 + 4 + 8;
            } else if (p[0] == kChildInternalTag) {
                internal_ = std::string(p + 1, left - 1);
                at_ = bytes.size();
            } else {
                internal_ = "malformed descent stream";
                at_ = bytes.size();
            }
        }
    }
    bool finished() const { return finished_; }
    const std::optional<std::string>& internalError() const { return internal_; }

private:
    template <class T>
    static void take(const char*& q, T& v) {
        std::memcpy(&v, q, sizeof v);
        q += sizeof v;
    }
    size_t n_;
    size_t at_ = 0;
    bool finished_ = false;
    std::optional<std::string> internal_;
};

int descendInChild(int resultFd, const HarnessLibrary& library, LayoutComputer& layouts, DescentEvaluator& evaluator,
                   const DescentRequest& request) {
    // A FILE stream, so that the exit of generated code on a runtime error (which flushes every
    // stream, CallHarness) still delivers the records made before it.
    std::FILE* out = fdopen(resultFd, "w");
    if (!out) return kChildInternalExit;
    static char buffer[1 << 16];
    std::setvbuf(out, buffer, _IOFBF, sizeof buffer);
    auto internal = [out](const std::string& message) {
        std::fputc(kChildInternalTag, out);
        std::fputs(message.c_str(), out);
        std::fflush(out);
        return kChildInternalExit;
    };
    try {
        std::string error;
        std::unique_ptr<NativeModule> lib;
        HarnessEntry primal = loadHarnessEntry(library, layouts, request.function, lib, error);
        if (!primal) return internal(error);
        HarnessEntry gradient = nullptr;
        if (!request.gradientFunction.empty()) {
            gradient = reinterpret_cast<HarnessEntry>(lib->symbol(callSymbol(request.gradientFunction), error));
            if (!gradient) return internal(error);
        }
        evaluator.bind(primal, gradient);
        evaluator.bindBounds(BoundsRegistry(*lib));

        const size_t n = evaluator.size();
        std::vector<double> p(evaluator.startPoint().begin(), evaluator.startPoint().end());
        std::vector<float> x(n);
        std::vector<double> g(n);
        DescentUpdate update(request.rule, n);
        const auto start = Clock::now();
        auto flushed = start;
        End end = End::MaxSteps;
        for (int64_t step = 0;; ++step) {
            for (size_t i = 0; i < n; ++i) x[i] = static_cast<float>(p[i]);
            float loss = evaluator.evaluate(x, g);
            double norm = 0;
            for (double gi : g) norm += gi * gi;
            norm = std::sqrt(norm);
            std::fputc(kRecord, out);
            put(out, step);
            put(out, loss);
            put(out, norm);
            std::fwrite(x.data(), sizeof(float), n, out);
            std::fwrite(g.data(), sizeof(double), n, out);
            bool finite = std::isfinite(loss);
            for (float xi : x) finite = finite && std::isfinite(xi);
            if (!finite) {
                end = End::Diverged;
                break;
            }
            if (request.tolerance > 0 && norm < request.tolerance) {
                end = End::Converged;
                break;
            }
            if (step >= request.steps) break;
            update.apply(p, g);
            // Progress at most every 20 ms: a write per step would cost more than a small step.
            auto now = Clock::now();
            if (now - flushed >= std::chrono::milliseconds(20)) {
                std::fflush(out);
                flushed = now;
            }
        }
        double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        std::fputc(kFinished, out);
        put(out, static_cast<int32_t>(end));
        put(out, seconds);
        std::fflush(out);
        return 0;
    } catch (const std::exception& e) {
        return internal(e.what());
    }
}

std::string argumentListJson(const Signature& s, const std::vector<Value>& args, const StructTable& structs) {
    std::string out = "[";
    for (size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + formatValue(*s.params[i].type, args[i], structs);
    return out + "]";
}

// The problem to solve, or a usage error: FUNC returns float, the gradient function fits it.
std::optional<DescentProblem> prepare(const DescentRequest& request, const StructTable& structs, std::string& error) {
    const ast::Module& module = *request.module;
    std::optional<Signature> f = findSignature(module, request.function);
    if (!f) {
        error = unknownFunctionMessage(module, request.function);
        return std::nullopt;
    }
    if (!f->returnType || !f->returnType->isFloat()) {
        error = "descend needs a function that returns float; '" + f->name + "' returns " +
                (f->returnType && !f->returnType->isVoid() ? toString(f->returnType) : std::string("nothing"));
        return std::nullopt;
    }
    if (std::string e = checkThreads(*f, request.threads); !e.empty()) {
        error = e;
        return std::nullopt;
    }
    ParsedArguments parsed = parseArguments(*f, request.argsJson, structs);
    if (!parsed.ok) {
        error = parsed.error;
        return std::nullopt;
    }
    DescentProblem problem;
    problem.primal = *f;
    problem.start = std::move(parsed.values);
    problem.layout = request.layout;
    problem.threads = request.threads.value_or(0);
    problem.relativeStep = request.relativeStep;
    if (request.layout != GradientLayout::FiniteDifferences) {
        std::optional<Signature> g = findSignature(module, request.gradientFunction);
        if (!g) {
            error = "unknown gradient function '" + request.gradientFunction + "'" +
                    unknownFunctionMessage(module, request.gradientFunction).substr(
                        ("unknown function '" + request.gradientFunction + "'").size());
            return std::nullopt;
        }
        if (request.userGradient) {
            std::optional<GradientLayout> layout = gradientFunctionLayout(*f, *g);
            if (!layout) {
                error = "gradient function '" + g->name + "' does not fit '" + f->name + "': it must take " +
                        parameterListText(reverseFormParameters(*f)) + " like rev_diff(" + f->name + "), or " +
                        parameterListText(appendedFormParameters(*f)) + " (" + f->name +
                        "'s parameters, then one Out per In parameter for its gradient), and return nothing; it takes " +
                        parameterListText(g->params) +
                        (g->returnType && !g->returnType->isVoid() ? " -> " + toString(g->returnType) : "");
                return std::nullopt;
            }
            problem.layout = *layout;
        }
        problem.gradient = *g;
    }
    return problem;
}

DescentOutcome descend(const DescentRequest& request, const std::string& cSource, const RunnerOptions& options) {
    if (!request.module) return fail(internalError("no module to descend"));
    const auto began = Clock::now();
    StructTable structs(*request.module);
    std::string error;
    std::optional<DescentProblem> problem = prepare(request, structs, error);
    if (!problem) return usage(error);
    LayoutComputer layouts(structs);
    DescentEvaluator evaluator(std::move(*problem), structs, layouts);
    if (evaluator.size() == 0) {
        return usage("'" + request.function +
                                            "' has no float parameter to descend: the In parameters of --init hold no float value");
    }

    RunnerOptions buildOptions = options;
    // --timeout limits the build too (the descent then gets what the build left of it).
    if (request.timeoutSeconds > 0) buildOptions.buildTimeoutSeconds = request.timeoutSeconds;
    HarnessLibrary library = buildHarnessLibrary(*request.module, cSource, {}, buildOptions, layouts);
    const BuildResult& built = library.built;
    if (!built.ok()) return fail(built);

    DescentOutcome out;
    out.labels = evaluator.labels();
    out.usedCache = built.usedCache;
    out.buildSeconds = std::chrono::duration<double>(Clock::now() - began).count();
    double timeout = 0;
    if (request.timeoutSeconds > 0) {
        timeout = request.timeoutSeconds - request.secondsUsed - out.buildSeconds;
        if (timeout <= 0) timeout = 1e-3;  // the build used the whole budget
    }
    StreamDecoder decoder(evaluator.size());
    std::string received;
    ChildOutcome child = runInChild(
        [&](int resultFd) { return descendInChild(resultFd, library, layouts, evaluator, request); }, timeout,
        [&](const std::string& piece) {
            received += piece;
            decoder.decode(received, out);
            if (request.onStep && !out.trajectory.empty()) request.onStep(out.trajectory.back().step);
        });
    decoder.decode(child.result, out);
    // Printing every step's arguments costs more than the steps for large parameter counts.
    for (size_t k = 0; k < out.trajectory.size(); ++k)
        out.argsJson.push_back(request.argsForEveryStep || k + 1 == out.trajectory.size()
                                   ? argumentListJson(evaluator.problem().primal,
                                                      evaluator.argumentsAt(out.trajectory[k].point), structs)
                                   : std::string());

    std::optional<std::string> runtimeMessage = passThroughStderr(child);
    Outcome& outcome = out;
    if (std::optional<Outcome> f = abnormalEnd(child, request.timeoutSeconds)) {
        outcome = std::move(*f);
    } else if (decoder.internalError()) {
        outcome = internalError(*decoder.internalError());
    } else if (runtimeMessage) {
        outcome = failure(OutcomeKind::RuntimeError, *runtimeMessage);
    } else if (child.exitCode != 0) {
        outcome = failure(OutcomeKind::RuntimeError, "the kernel exited with status " + std::to_string(child.exitCode));
    } else if (!decoder.finished()) {
        outcome = internalError("the descent ended without a result");
    } else {
        outcome = failure(OutcomeKind::Ok, "");
    }
    if (!out.ok()) out.end = End::Stopped;
    return out;
}

}  // namespace

DescentOutcome runDescent(const DescentRequest& request, const std::string& cSource, const RunnerOptions& options) {
    try {
        return descend(request, cSource, options);
    } catch (const std::exception& e) {
        return fail(exceptionOutcome(e));
    }
}

}  // namespace lomaw::runtime
