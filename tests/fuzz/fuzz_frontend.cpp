// libFuzzer entry point: the whole front end (parse, check, print) on arbitrary bytes, and for
// every input that checks, the derivatives (forward and reverse, OpenMP scopes) and the C.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ad/Differentiate.h"
#include "codegen/CEmitter.h"
#include "sema/TypeChecker.h"
#include "syntax/Parser.h"
#include "syntax/PrettyPrinter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    lomaw::DiagnosticSink diags;
    lomaw::ast::Module module = lomaw::syntax::parse(text, diags);
    // The printer must cope with any tree the parser returns, also after syntax errors.
    (void)lomaw::syntax::printModule(module, lomaw::syntax::PrintMode::AsWritten);
    if (!diags.hasErrors()) {
        lomaw::sema::check(module, diags);
        if (!diags.hasErrors()) {
            (void)lomaw::syntax::printModule(module, lomaw::syntax::PrintMode::Checked);
            // What `lomaw emit --stage c` does next. An engine error here is a diagnostic (an
            // internal compiler error at worst), never a crash.
            if (lomaw::ad::differentiate(module, diags)) (void)lomaw::codegen::emitC(module);
        }
    }
    (void)lomaw::formatDiagnostics(diags.sorted(), "fuzz.py", text);
    return 0;
}
