// libFuzzer entry point, structure-aware: the input picks names (C keywords, C library names,
// the backend's and the harness's prefixes, names with trailing underscores, random short
// identifiers) for the structs, members, functions, parameters and locals of a small module
// that calls between its functions and divides ints. Every module the checker accepts goes
// through the C backend and the call harness and must compile (cc -fsyntax-only with the
// harness's flags): a clash between a kernel name and anything C, a header, the backend or the
// harness declares aborts. (CNames.h describes the naming scheme this holds to.)
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "codegen/CEmitter.h"
#include "runtime/CallHarness.h"
#include "runtime/Signature.h"
#include "sema/TypeChecker.h"
#include "syntax/Parser.h"

namespace {

const std::vector<std::string>& dictionary() {
    static const std::vector<std::string> d = {
        // C keywords and spellings loma does not reserve
        "asm", "typeof", "restrict", "inline", "bool", "true", "false", "_Bool", "_Pragma", "__func__", "__LINE__",
        "__attribute__", "__asm__", "_Noreturn", "_Static_assert", "main",
        // C library and header names
        "printf", "fprintf", "malloc", "free", "realloc", "memcpy", "abs", "div", "exit", "_Exit", "fflush", "stdin",
        "stderr", "NULL", "INFINITY", "NAN", "EOF", "errno", "FILE", "size_t", "div_t", "quot", "rem", "sinf", "floor",
        "y0", "j1", "index", "time", "write", "read", "signal", "int32_t", "uint8_t", "linux", "unix", "M_PI",
        "MPI_Send", "MPI_COMM_WORLD", "_WCHAR_T_DEFINED_", "__need_size_t",
        // what the backend and the harness invent
        "_lw_runtime_error", "_lw_div_int", "_lw_thread_f", "_lw_t1", "_lw_tid", "_lw_k", "_lw_keep_x_buffer",
        "_lw_u_f", "_lw_v_x_", "_lwmpi_fatal", "_lomaw_exit", "_lomaw_args", "_lomaw_ret", "_lomaw_call_f",
        "_lomaw_sizeof_S", "_n_threads", "make__dfloat_", "_dfloat_", "_d_fwd_f", "_dS",
        // ordinary names and their underscore variants
        "f", "f_", "f__", "g", "S", "S_", "x", "x_", "args", "ret", "result", "val", "dval", "r", "w", "at",
    };
    return d;
}

class Picker {
public:
    Picker(const uint8_t* data, size_t size) : data_(data), size_(size) {}
    unsigned byte() { return pos_ < size_ ? data_[pos_++] : 0; }
    std::string name() {
        const unsigned b = byte();
        if (b < 224) {
            std::string n = dictionary()[b % dictionary().size()];
            if (b & 1) n += std::string(byte() % 3, '_');  // underscore variants
            return n;
        }
        // a short random identifier over [_a-zA-Z0-9]
        static const char* chars = "_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        std::string n(1, chars[byte() % 53]);
        for (unsigned len = byte() % 6; len > 0; --len) n += chars[byte() % 63];
        return n;
    }

private:
    const uint8_t* data_;
    size_t size_;
    size_t pos_ = 0;
};

// Struct 0 has an int member; function i takes an int and a struct, declares a local, divides,
// and calls function i-1; an optional @simd function calls the last one.
std::string module(Picker& p) {
    const std::string s = p.name(), member = p.name();
    std::string text = "class " + s + ":\n    " + member + " : int\n\n";
    std::string previous;
    const unsigned count = 1 + p.byte() % 4;
    for (unsigned i = 0; i < count; ++i) {
        const std::string f = p.name(), param = p.name(), sp = p.name(), local = p.name();
        text += "def " + f + "(" + param + " : In[int], " + sp + " : In[" + s + "]) -> int:\n";
        text += "    " + local + " : int = " + param + " / (" + sp + "." + member + " + 1)\n";
        text += previous.empty() ? "    return " + local + "\n\n"
                                 : "    return " + previous + "(" + local + ", " + sp + ")\n\n";
        previous = f;
    }
    if (p.byte() & 1) {
        const std::string f = p.name(), out = p.name(), sp = p.name();
        text += "@simd\ndef " + f + "(" + sp + " : In[" + s + "], " + out + " : Out[Array[int]]):\n";
        text += "    " + out + "[thread_id()] = " + previous + "(thread_id(), " + sp + ")\n";
    }
    return text;
}

bool compiles(const std::string& c) {
    char path[] = "/tmp/lomaw_fuzz_ident_XXXXXX.c";
    const int fd = mkstemps(path, 2);
    if (fd < 0) return true;  // no place to write: nothing to judge
    FILE* f = fdopen(fd, "w");
    fwrite(c.data(), 1, c.size(), f);
    fclose(f);
    std::string command = "cc -std=c11 -fsyntax-only -fopenmp";
    for (const std::string& flag : lomaw::runtime::harnessCompileFlags()) command += " " + flag;
    command += std::string(" ") + path + " 2>/dev/null";
    const int status = std::system(command.c_str());
    unlink(path);
    return status == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Picker picker(data, size);
    const std::string text = module(picker);
    lomaw::DiagnosticSink diags;
    lomaw::ast::Module m = lomaw::syntax::parse(text, diags);
    if (diags.hasErrors() || !lomaw::sema::check(m, diags)) return 0;  // not a legal module
    std::vector<lomaw::runtime::Signature> signatures;
    for (const lomaw::ast::Function* f : m.functions()) signatures.push_back(lomaw::runtime::signatureOf(*f));
    std::vector<std::string> structs;
    for (const lomaw::ast::StructDecl* s : m.structs()) structs.push_back(s->name);
    const std::string c = lomaw::codegen::emitC(m).text + lomaw::runtime::generateCallHarness(signatures, structs);
    if (!compiles(c)) {
        std::fprintf(stderr, "legal module whose C does not compile:\n%s\n--- C ---\n%s\n", text.c_str(), c.c_str());
        std::abort();
    }
    return 0;
}
