#include "runtime/BatchRunner.h"

#include "runtime/ArgumentMemory.h"
#include "runtime/BoundsRegistry.h"
#include "runtime/CallHarness.h"
#include "runtime/ChildCall.h"
#include "runtime/ChildReport.h"
#include "runtime/HarnessLibrary.h"
#include "runtime/JsonResult.h"

namespace lomaw::runtime {

namespace {

RunOutcome fail(Outcome outcome) { return resultWith<RunOutcome>(std::move(outcome)); }

// Child -> parent: one line per evaluated set, kChildResultTag + its result JSON + '\n', written as
// soon as the call returned (so the parent knows which set a runtime error or a crash hit); or
// kChildInternalTag + an internal error message.
int callEachInChild(int resultFd, const HarnessLibrary& library, const Signature& signature, LayoutComputer& layouts,
                    const ParsedBatch& batch, int threads) {
    try {
        std::string error;
        std::unique_ptr<NativeModule> lib;
        HarnessEntry entry = loadHarnessEntry(library, layouts, signature.name, lib, error);
        if (!entry) return reportChildInternalError(resultFd, error);
        BoundsRegistry bounds(*lib);
        for (const std::vector<Value>& values : batch.sets) {
            ArgumentMemory memory(signature, values, threads, layouts);
            bounds.fill(memory);
            entry(memory.args(), memory.returnSlot());
            std::vector<Value> args = memory.readArguments();
            std::optional<Value> returned = memory.readReturn();
            writeAll(resultFd, kChildResultTag + formatResult(signature, returned, args, layouts.structs()) + "\n");
        }
        return 0;
    } catch (const std::exception& e) {
        return reportChildInternalError(resultFd, e.what());
    }
}

// The results as one JSON list (mpirun's layout), or the failure with the set it hit.
RunOutcome interpret(const ChildOutcome& child, double timeoutSeconds, size_t setCount) {
    std::optional<std::string> runtimeMessage = passThroughStderr(child);
    std::string list = "[";
    size_t done = 0, at = 0;
    for (size_t nl; at < child.result.size() && child.result[at] == kChildResultTag &&
                    (nl = child.result.find('\n', at)) != std::string::npos;
         at = nl + 1, ++done)
        list += (done ? ",\n " : "") + child.result.substr(at + 1, nl - at - 1);
    // The set that was running when the child stopped.
    const std::string where = "input set " + std::to_string(done) + ": ";
    if (std::optional<Outcome> f = abnormalEnd(child, timeoutSeconds)) {
        if (child.kind == ChildOutcome::Kind::Signaled && done < setCount) f->message = where + f->message;
        return fail(std::move(*f));
    }
    if (at < child.result.size() && child.result[at] == kChildInternalTag) return fail(internalError(child.result.substr(at + 1)));
    if (child.exitCode == 0 && done == setCount) {
        RunOutcome out;
        out.kind = OutcomeKind::Ok;
        out.output = list + "]";
        return out;
    }
    if (runtimeMessage) return fail(failure(OutcomeKind::RuntimeError, where + *runtimeMessage));
    if (child.exitCode != 0)
        return fail(failure(OutcomeKind::RuntimeError, where + "the kernel exited with status " + std::to_string(child.exitCode)));
    return fail(internalError("the batch ended after " + std::to_string(done) + " of " + std::to_string(setCount) + " sets"));
}

}  // namespace

RunOutcome runBatch(const RunRequest& request, const std::string& batchJson, const std::string& cSource,
                    const RunnerOptions& options) {
    try {
        if (!request.module) return fail(internalError("no module to run"));
        const ast::Module& module = *request.module;
        std::optional<Signature> signature = findSignature(module, request.function);
        if (!signature) return fail(failure(OutcomeKind::UsageError, unknownFunctionMessage(module, request.function)));
        if (std::string e = checkThreads(*signature, request.threads); !e.empty())
            return fail(failure(OutcomeKind::UsageError, e));
        StructTable structs(module);
        ParsedBatch batch = parseBatchArguments(*signature, batchJson, structs);
        if (!batch.ok) return fail(failure(OutcomeKind::UsageError, batch.error));

        std::vector<Signature> extra;
        if (!module.findFunction(request.function)) extra.push_back(*signature);  // make__dfloat
        LayoutComputer layouts(structs);
        RunnerOptions buildOptions = options;
        buildOptions.buildTimeoutSeconds = request.timeoutSeconds;
        HarnessLibrary library = buildHarnessLibrary(module, cSource, extra, buildOptions, layouts);
        if (!library.built.ok()) return fail(library.built);
        ChildOutcome child = runInChild(
            [&](int resultFd) {
                return callEachInChild(resultFd, library, *signature, layouts, batch, request.threads.value_or(0));
            },
            request.timeoutSeconds);
        RunOutcome out = interpret(child, request.timeoutSeconds, batch.sets.size());
        out.usedCache = library.built.usedCache;
        return out;
    } catch (const std::exception& e) {
        return fail(exceptionOutcome(e));
    }
}

}  // namespace lomaw::runtime
