#include "runtime/Runner.h"

#include <cstring>
#include <iostream>
#include <sstream>

#include "runtime/ArgumentMemory.h"
#include "runtime/BoundsRegistry.h"
#include "runtime/BuildCache.h"
#include "runtime/CallHarness.h"
#include "runtime/ChildCall.h"
#include "runtime/ChildReport.h"
#include "runtime/EngineBug.h"
#include "runtime/HarnessLibrary.h"
#include "runtime/JsonArguments.h"
#include "runtime/JsonResult.h"
#include "runtime/NativeModule.h"

namespace lomaw::runtime {

namespace {

RunOutcome fail(Outcome outcome) { return resultWith<RunOutcome>(std::move(outcome)); }

RunOutcome usage(std::string message) { return fail(failure(OutcomeKind::UsageError, std::move(message))); }

int callInChild(int resultFd, const HarnessLibrary& library, const Signature& signature, LayoutComputer& layouts,
                ArgumentMemory& memory) {
    try {
        std::string error;
        std::unique_ptr<NativeModule> lib;
        HarnessEntry entry = loadHarnessEntry(library, layouts, signature.name, lib, error);
        if (!entry) return reportChildInternalError(resultFd, error);
        BoundsRegistry(*lib).fill(memory);
        entry(memory.args(), memory.returnSlot());
        std::vector<Value> args = memory.readArguments();
        std::optional<Value> returned = memory.readReturn();
        std::string json = formatResult(signature, returned, args, layouts.structs());
        writeAll(resultFd, std::string(1, kChildResultTag) + json);
        return 0;
    } catch (const std::exception& e) {
        return reportChildInternalError(resultFd, e.what());
    }
}

// Turns what the child did into an outcome; passes unrelated stderr text through.
RunOutcome interpret(const ChildOutcome& child, double timeoutSeconds) {
    std::optional<std::string> runtimeMessage = passThroughStderr(child);
    if (std::optional<Outcome> f = abnormalEnd(child, timeoutSeconds)) return fail(std::move(*f));
    if (!child.result.empty() && child.result[0] == kChildInternalTag) return fail(internalError(child.result.substr(1)));
    if (child.exitCode == 0 && !child.result.empty() && child.result[0] == kChildResultTag) {
        RunOutcome out;
        out.kind = OutcomeKind::Ok;
        out.output = child.result.substr(1);
        return out;
    }
    if (runtimeMessage) return fail(failure(OutcomeKind::RuntimeError, *runtimeMessage));
    if (child.exitCode != 0) {
        return fail(failure(OutcomeKind::RuntimeError, "the kernel exited with status " + std::to_string(child.exitCode)));
    }
    return fail(internalError("the call ended without a result"));
}

RunOutcome run(const RunRequest& request, const std::string& cSource, const RunnerOptions& options) {
    if (!request.module) return fail(internalError("no module to run"));
    const ast::Module& module = *request.module;
    std::optional<Signature> signature = findSignature(module, request.function);
    if (!signature) return usage(unknownFunctionMessage(module, request.function));
    if (std::string e = checkThreads(*signature, request.threads); !e.empty()) return usage(e);
    StructTable structs(module);
    ParsedArguments parsed = parseArguments(*signature, request.argsJson, structs);
    if (!parsed.ok) return usage(parsed.error);

    std::vector<Signature> extra;
    if (!module.findFunction(request.function)) extra.push_back(*signature);  // make__dfloat
    LayoutComputer layouts(structs);
    RunnerOptions buildOptions = options;
    buildOptions.buildTimeoutSeconds = request.timeoutSeconds;  // --timeout limits the build and the call
    HarnessLibrary library = buildHarnessLibrary(module, cSource, extra, buildOptions, layouts);
    const BuildResult& built = library.built;
    if (!built.ok()) return fail(built);

    // Marshalled before fork: the child only loads, calls and reads back.
    ArgumentMemory memory(*signature, parsed.values, request.threads.value_or(0), layouts);
    ChildOutcome child = runInChild(
        [&](int resultFd) {
            return callInChild(resultFd, library, *signature, layouts, memory);
        },
        request.timeoutSeconds);
    RunOutcome out = interpret(child, request.timeoutSeconds);
    out.usedCache = built.usedCache;
    return out;
}

}  // namespace

std::string checkThreads(const Signature& s, const std::optional<int>& threads) {
    if (s.simd && !threads) return s.name + " is a @simd function: --threads N is required";
    if (!s.simd && threads) return "--threads given, but " + s.name + " is not a @simd function";
    if (threads && *threads < 0) {
        return "--threads for " + s.name + " must be an integer >= 0, got " + std::to_string(*threads);
    }
    return "";
}

std::string unknownFunctionMessage(const ast::Module& module, const std::string& name) {
    std::string known;
    for (const ast::Function* f : module.functions())
        if (!f->inlineHelper) known += (known.empty() ? "" : ", ") + f->name;
    // make__dfloat can be called too, but the module does not define it: it is listed apart.
    return "unknown function '" + name + "' (the module defines" + (known.empty() ? " no functions" : ": " + known) +
           "; built in: make__dfloat)";
}

RunOutcome runFunction(const RunRequest& request, const std::string& cSource,
                       const RunnerOptions& options) {
    try {
        return run(request, cSource, options);
    } catch (const std::exception& e) {
        return fail(exceptionOutcome(e));
    }
}

}  // namespace lomaw::runtime
