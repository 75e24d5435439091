#include "runtime/CallHarness.h"

#include "codegen/CNames.h"
#include "runtime/EngineBug.h"

namespace lomaw::runtime {

std::string callSymbol(const std::string& function) { return "_lomaw_call_" + function; }
std::string sizeofSymbol(const std::string& structName) { return "_lomaw_sizeof_" + structName; }
std::string alignofSymbol(const std::string& structName) { return "_lomaw_alignof_" + structName; }

std::string cValueTypeName(const Type& t) {
    switch (t.kind) {
        case Type::Kind::Void: return "void";
        case Type::Kind::Int: return "int";
        case Type::Kind::Float: return "float";
        case Type::Kind::Struct: return codegen::cStructName(t.structName);
        case Type::Kind::Array: break;
    }
    throw EngineBug("arrays are not C values: " + toString(t));
}

std::string cParameterTypeName(const Type& t, bool isOut) {
    if (t.isArray()) {
        // One '*' per array level, static sizes ignored.
        const Type* base = &t;
        std::string stars;
        while (base->isArray()) {
            if (!base->elem) throw EngineBug("array type without element type");
            stars += '*';
            base = base->elem.get();
        }
        return cValueTypeName(*base) + stars;
    }
    return cValueTypeName(t) + (isOut ? "*" : "");
}

namespace {

std::string argumentExpression(const ParamSignature& p, size_t index) {
    if (!p.type) throw EngineBug("untyped parameter " + p.name);
    std::string slot = "_lomaw_args[" + std::to_string(index) + "]";
    if (p.isOut && !p.type->isArray()) return "(" + cParameterTypeName(*p.type, true) + ")" + slot;
    return "*(" + cParameterTypeName(*p.type, false) + "*)" + slot;
}

std::string wrapper(const Signature& s) {
    std::string call = codegen::cFunctionSymbol(s.name) + "(";
    for (size_t i = 0; i < s.params.size(); ++i) {
        if (i > 0) call += ", ";
        call += argumentExpression(s.params[i], i);
    }
    if (s.simd) call += std::string(s.params.empty() ? "" : ", ") + "*(int*)_lomaw_args[" + std::to_string(s.params.size()) + "]";
    call += ")";

    std::string out = "void " + callSymbol(s.name) + "(void** _lomaw_args, void* _lomaw_ret) {\n";
    if (s.params.empty() && !s.simd) out += "    (void)_lomaw_args;\n";
    if (!s.returnType || s.returnType->isVoid()) {
        out += "    (void)_lomaw_ret;\n    " + call + ";\n";
    } else {
        out += "    *(" + cValueTypeName(*s.returnType) + "*)_lomaw_ret = " + call + ";\n";
    }
    return out + "}\n";
}

}  // namespace

std::string generateCallHarness(const std::vector<Signature>& signatures,
                                const std::vector<std::string>& structNames) {
    std::string out =
        "\n/* ---- lomaw call harness (appended by the runtime; not part of the kernel ABI) ---- */\n"
        "void _lomaw_exit(int status) {\n"
        "    fflush(NULL);\n"
        "    _Exit(status);\n"
        "}\n";
    for (const std::string& s : structNames) {
        const std::string type = codegen::cStructName(s);
        out += "long " + sizeofSymbol(s) + "(void) { return (long)sizeof(" + type + "); }\n";
        out += "long " + alignofSymbol(s) + "(void) { return (long)_Alignof(" + type + "); }\n";
    }
    for (const Signature& s : signatures) out += wrapper(s);
    return out;
}

std::vector<std::string> harnessCompileFlags() {
    // The headers come first (-include), before any kernel typedef: glibc's <stdlib.h> has
    // members such as `quot`, which a kernel struct of that name would otherwise break.
    return {"-Dexit=_lomaw_exit", "-include", "stdio.h", "-include", "stdlib.h"};
}

}  // namespace lomaw::runtime
