#include "runtime/Runner.h"

#include <cstring>
#include <iostream>
#include <sstream>

#include "runtime/ArgumentMemory.h"
#include "runtime/BuildCache.h"
#include "runtime/CallHarness.h"
#include "runtime/ChildCall.h"
#include "runtime/EngineBug.h"
#include "runtime/JsonArguments.h"
#include "runtime/JsonResult.h"
#include "runtime/NativeModule.h"

namespace lomaw::runtime {

namespace {

using Status = RunOutcome::Status;

RunOutcome fail(Status status, std::string message) {
    RunOutcome out;
    out.status = status;
    out.message = std::move(message);
    return out;
}

// The --threads rules of §10.3; "" when fine.
std::string checkThreads(const Signature& s, const std::optional<int>& threads) {
    if (s.simd && !threads) return s.name + " is a @simd function: --threads N is required";
    if (!s.simd && threads) return "--threads given, but " + s.name + " is not a @simd function";
    if (threads && *threads < 0) {
        return "--threads for " + s.name + " must be an integer >= 0, got " + std::to_string(*threads);
    }
    return "";
}

// Child protocol on the result pipe: 'O' + result JSON, or 'E' + internal error message.
constexpr char kResultOk = 'O';
constexpr char kResultInternal = 'E';
constexpr int kChildInternalExit = 70;

int callInChild(int resultFd, const std::string& libraryPath, const Signature& signature,
                const std::vector<std::string>& structNames, LayoutComputer& layouts,
                ArgumentMemory& memory) {
    auto internal = [resultFd](const std::string& message) {
        writeAll(resultFd, std::string(1, kResultInternal) + message);
        return kChildInternalExit;
    };
    try {
        std::string error;
        std::unique_ptr<NativeModule> lib = NativeModule::open(libraryPath, error);
        if (!lib) return internal(error);
        // The runtime's layout must be the C compiler's, or marshalling would corrupt memory.
        for (const std::string& s : structNames) {
            void* sizeFn = lib->symbol(sizeofSymbol(s), error);
            void* alignFn = sizeFn ? lib->symbol(alignofSymbol(s), error) : nullptr;
            if (!alignFn) return internal(error);
            long cSize = reinterpret_cast<long (*)()>(sizeFn)();
            long cAlign = reinterpret_cast<long (*)()>(alignFn)();
            Layout mine = layouts.structLayout(s).layout;
            if (cSize != static_cast<long>(mine.size) || cAlign != static_cast<long>(mine.align)) {
                return internal("layout mismatch for struct " + s + ": the runtime computes size " +
                                std::to_string(mine.size) + ", alignment " + std::to_string(mine.align) +
                                "; C has size " + std::to_string(cSize) + ", alignment " +
                                std::to_string(cAlign));
            }
        }
        void* entry = lib->symbol(callSymbol(signature.name), error);
        if (!entry) return internal(error);
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

std::string formatSeconds(double s) {
    std::ostringstream out;
    out << s;
    return out.str();
}

// Turns what the child did into an outcome; passes unrelated stderr text through.
RunOutcome interpret(const ChildOutcome& child, double timeoutSeconds) {
    std::string runtimeMessage;
    bool haveRuntimeMessage = false;
    std::string passThrough;
    std::istringstream lines(child.stderrText);
    std::string line;
    static const std::string kPrefix = "runtime error: ";
    while (std::getline(lines, line)) {
        if (!haveRuntimeMessage && line.rfind(kPrefix, 0) == 0) {
            runtimeMessage = line.substr(kPrefix.size());
            haveRuntimeMessage = true;
        } else {
            passThrough += line + "\n";
        }
    }
    if (!passThrough.empty()) std::cerr << passThrough << std::flush;

    switch (child.kind) {
        case ChildOutcome::Kind::StartFailed:
            return fail(Status::InternalError, "cannot start the call: " + child.error);
        case ChildOutcome::Kind::TimedOut:
            return fail(Status::RuntimeError, "timed out after " + formatSeconds(timeoutSeconds) + " s");
        case ChildOutcome::Kind::Signaled:
            return fail(Status::RuntimeError, "the kernel crashed: signal " + std::to_string(child.signal) +
                                                  " (" + strsignal(child.signal) + ")");
        case ChildOutcome::Kind::Exited: break;
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
    if (haveRuntimeMessage) return fail(Status::RuntimeError, runtimeMessage);
    if (child.exitCode != 0) {
        return fail(Status::RuntimeError, "the kernel exited with status " + std::to_string(child.exitCode));
    }
    return fail(Status::InternalError, "internal error: the call ended without a result");
}

// Names the functions the module does have, so a typo is one glance away from its fix.
std::string unknownFunctionMessage(const ast::Module& module, const std::string& name) {
    std::string known;
    for (const ast::Function* f : module.functions()) known += (known.empty() ? "" : ", ") + f->name;
    known += (known.empty() ? "" : ", ") + std::string("make__dfloat");
    return "unknown function '" + name + "' (the module defines: " + known + ")";
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

    // One harness for every function of the module, so all of them share one cached library.
    std::vector<Signature> callable;
    for (const ast::Function* f : module.functions()) callable.push_back(signatureOf(*f));
    if (!module.findFunction(request.function)) callable.push_back(*signature);  // make__dfloat
    std::vector<std::string> structNames = structsUsedBy(callable, structs);
    LayoutComputer layouts(structs);
    for (const std::string& s : structNames) layouts.structLayout(s);

    BuildRequest build;
    build.cSource = cSource + generateCallHarness(callable, structNames);
    build.compiler = options.compiler;
    build.cacheDir = options.cacheDir;
    build.extraFlags = harnessCompileFlags();
    BuildResult built = buildCached(build);
    if (built.status == BuildResult::Status::ToolchainError) return fail(Status::ToolchainError, built.message);
    if (built.status != BuildResult::Status::Ok) return fail(Status::InternalError, built.message);

    // Marshalled before fork: the child only loads, calls and reads back.
    ArgumentMemory memory(*signature, parsed.values, request.threads.value_or(0), layouts);
    ChildOutcome child = runInChild(
        [&](int resultFd) {
            return callInChild(resultFd, built.libraryPath, *signature, structNames, layouts, memory);
        },
        request.timeoutSeconds);
    RunOutcome out = interpret(child, request.timeoutSeconds);
    out.usedCache = built.usedCache;
    return out;
}

}  // namespace

RunOutcome runFunction(const RunRequest& request, const std::string& cSource,
                       const RunnerOptions& options) {
    try {
        return run(request, cSource, options);
    } catch (const std::exception& e) {
        return fail(Status::InternalError, std::string("internal error: ") + e.what());
    }
}

}  // namespace lomaw::runtime
