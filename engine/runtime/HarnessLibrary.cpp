#include "runtime/HarnessLibrary.h"

#include "runtime/CallHarness.h"

namespace lomaw::runtime {

HarnessLibrary buildHarnessLibrary(const ast::Module& module, const std::string& cSource,
                                   const std::vector<Signature>& extra, const RunnerOptions& options,
                                   LayoutComputer& layouts) {
    std::vector<Signature> callable;
    for (const ast::Function* f : module.functions()) callable.push_back(signatureOf(*f));
    callable.insert(callable.end(), extra.begin(), extra.end());
    HarnessLibrary out;
    out.structNames = structsUsedBy(callable, layouts.structs());
    for (const std::string& s : out.structNames) layouts.structLayout(s);

    BuildRequest build;
    build.cSource = cSource + generateCallHarness(callable, out.structNames);
    build.compiler = options.compiler;
    build.cacheDir = options.cacheDir;
    build.extraFlags = harnessCompileFlags();
    build.timeoutSeconds = options.buildTimeoutSeconds;
    out.built = buildCached(build);
    return out;
}

std::unique_ptr<NativeModule> openHarnessLibrary(const HarnessLibrary& library, LayoutComputer& layouts,
                                                 std::string& error) {
    std::unique_ptr<NativeModule> lib = NativeModule::open(library.built.libraryPath, error);
    if (!lib) return nullptr;
    for (const std::string& s : library.structNames) {
        void* sizeFn = lib->symbol(sizeofSymbol(s), error);
        void* alignFn = sizeFn ? lib->symbol(alignofSymbol(s), error) : nullptr;
        if (!alignFn) return nullptr;
        long cSize = reinterpret_cast<long (*)()>(sizeFn)();
        long cAlign = reinterpret_cast<long (*)()>(alignFn)();
        Layout mine = layouts.structLayout(s).layout;
        if (cSize != static_cast<long>(mine.size) || cAlign != static_cast<long>(mine.align)) {
            error = "layout mismatch for struct " + s + ": the runtime computes size " + std::to_string(mine.size) +
                    ", alignment " + std::to_string(mine.align) + "; C has size " + std::to_string(cSize) +
                    ", alignment " + std::to_string(cAlign);
            return nullptr;
        }
    }
    return lib;
}

HarnessEntry loadHarnessEntry(const HarnessLibrary& library, LayoutComputer& layouts, const std::string& function,
                              std::unique_ptr<NativeModule>& lib, std::string& error) {
    lib = openHarnessLibrary(library, layouts, error);
    if (!lib) return nullptr;
    return reinterpret_cast<HarnessEntry>(lib->symbol(callSymbol(function), error));
}

}  // namespace lomaw::runtime
