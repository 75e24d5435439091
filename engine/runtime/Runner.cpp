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
#include "syntax/FailureText.h"

namespace lomaw::runtime {

namespace {

using Status = RunOutcome::Status;

RunOutcome fail(Status status, std::string message) {
    RunOutcome out;
    out.status = status;
    out.message = std::move(message);
    return out;
}

// Child protocol on the result pipe: 'O' + result JSON, or 'E' + internal error message.
constexpr char kResultOk = 'O';
constexpr char kResultInternal = 'E';

int callInChild(int resultFd, const HarnessLibrary& library, const Signature& signature, LayoutComputer& layouts,
                ArgumentMemory& memory) {
    auto internal = [resultFd](const std::string& message) {
        writeAll(resultFd, std::string(1, kResultInternal) + message);
        return kChildInternalExit;
    };
    try {
        std::string error;
        std::unique_ptr<NativeModule> lib = openHarnessLibrary(library, layouts, error);
        if (!lib) return internal(error);
        void* entry = lib->symbol(callSymbol(signature.name), error);
        if (!entry) return internal(error);
        BoundsRegistry(*lib).fill(memory);
        reinterpret_cast<void (*)(void**, void*)>(entry)(memory.args(), memory.returnSlot());
        std::vector<Value> args = memory.readArguments();
        std::optional<Value> returned = memory.readReturn();
        std::string json = formatResult(signature, returned, args, layouts.structs());
        writeAll(resultFd, std::string(1, kResultOk) + json);
        return 0;
    } catch (const std::exception& e) {
        return internal(e.what());
    }
}

// Turns what the child did into an outcome; passes unrelated stderr text through.
RunOutcome interpret(const ChildOutcome& child, double timeoutSeconds) {
    std::optional<std::string> runtimeMessage = passThroughStderr(child);
    if (std::optional<ChildFailure> f = abnormalEnd(child, timeoutSeconds)) {
        return fail(f->kind == ChildFailure::Kind::Internal ? Status::InternalError : Status::RuntimeError, f->message);
    }
    if (!child.result.empty() && child.result[0] == kResultInternal) {
        return fail(Status::InternalError, "internal error: " + child.result.substr(1));
    }
    if (child.exitCode == 0 && !child.result.empty() && child.result[0] == kResultOk) {
        RunOutcome out;
        out.status = Status::Ok;
        out.output = child.result.substr(1);
        return out;
    }
    if (runtimeMessage) return fail(Status::RuntimeError, *runtimeMessage);
    if (child.exitCode != 0) {
        return fail(Status::RuntimeError, "the kernel exited with status " + std::to_string(child.exitCode));
    }
    return fail(Status::InternalError, "internal error: the call ended without a result");
}

RunOutcome run(const RunRequest& request, const std::string& cSource, const RunnerOptions& options) {
    if (!request.module) return fail(Status::InternalError, "internal error: no module to run");
    const ast::Module& module = *request.module;
    std::optional<Signature> signature = findSignature(module, request.function);
    if (!signature) return fail(Status::UsageError, unknownFunctionMessage(module, request.function));
    if (std::string e = checkThreads(*signature, request.threads); !e.empty()) {
        return fail(Status::UsageError, e);
    }
    StructTable structs(module);
    ParsedArguments parsed = parseArguments(*signature, request.argsJson, structs);
    if (!parsed.ok) return fail(Status::UsageError, parsed.error);

    std::vector<Signature> extra;
    if (!module.findFunction(request.function)) extra.push_back(*signature);  // make__dfloat
    LayoutComputer layouts(structs);
    RunnerOptions buildOptions = options;
    buildOptions.buildTimeoutSeconds = request.timeoutSeconds;  // --timeout limits the build and the call
    HarnessLibrary library = buildHarnessLibrary(module, cSource, extra, buildOptions, layouts);
    const BuildResult& built = library.built;
    if (built.status == BuildResult::Status::ToolchainError) return fail(Status::ToolchainError, built.message);
    if (built.status != BuildResult::Status::Ok) return fail(Status::InternalError, built.message);

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
    for (const ast::Function* f : module.functions()) known += (known.empty() ? "" : ", ") + f->name;
    known += (known.empty() ? "" : ", ") + std::string("make__dfloat");
    return "unknown function '" + name + "' (the module defines: " + known + ")";
}

RunOutcome runFunction(const RunRequest& request, const std::string& cSource,
                       const RunnerOptions& options) {
    try {
        return run(request, cSource, options);
    } catch (const std::exception& e) {
        return fail(Status::InternalError, failureText(e, "internal error: "));
    }
}

}  // namespace lomaw::runtime
