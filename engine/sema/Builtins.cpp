#include "sema/Builtins.h"

#include <set>

#include "sema/DifferentialType.h"

namespace lomaw::sema {

const std::vector<BuiltinInfo>& builtins() {
    static const std::vector<BuiltinInfo> list = {
        {"sin", BuiltinKind::FloatMath, 1, "(x : In[float]) -> float"},
        {"cos", BuiltinKind::FloatMath, 1, "(x : In[float]) -> float"},
        {"sqrt", BuiltinKind::FloatMath, 1, "(x : In[float]) -> float"},
        {"exp", BuiltinKind::FloatMath, 1, "(x : In[float]) -> float"},
        {"log", BuiltinKind::FloatMath, 1, "(x : In[float]) -> float"},
        {"pow", BuiltinKind::FloatMath, 2, "(x : In[float], y : In[float]) -> float"},
        {"int2float", BuiltinKind::IntToFloat, 1, "(i : In[int]) -> float"},
        {"float2int", BuiltinKind::FloatToInt, 1, "(x : In[float]) -> int"},
        {"thread_id", BuiltinKind::ThreadId, 0, "() -> int"},
        {"atomic_add", BuiltinKind::AtomicAdd, 2, "(t : float lvalue, v : In[float])  (statement only)"},
        {"make__dfloat", BuiltinKind::MakeDfloat, 2, "(val : In[float], dval : In[float]) -> _dfloat"},
    };
    return list;
}

const BuiltinInfo* findBuiltin(const std::string& name) {
    for (const BuiltinInfo& b : builtins())
        if (name == b.name) return &b;
    return nullptr;
}

bool isReservedEverywhere(const std::string& name) {
    static const std::set<std::string> names = {"int", "float", "In", "Out", "Array", "Diff"};
    // __lomaw_tape_reserve, __lomaw_max_iter_exceeded, ...: the intrinsics of generated code.
    // A user function of that name would read, in the printed derivative, as the callee.
    return names.count(name) > 0 || name.rfind("__lomaw_", 0) == 0;
}

bool isReservedFunctionName(const std::string& name) {
    static const std::set<std::string> names = {
        // language
        "fwd_diff", "rev_diff", "range", "simd", "openMpi", "main",
        // C math functions the backend calls
        "sinf", "cosf", "sqrtf", "powf", "expf", "logf",
        // C keywords (C11 and C23)
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
        "enum", "extern", "for", "goto", "if", "inline", "long", "register", "restrict",
        "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
        "unsigned", "void", "volatile", "while", "_Bool", "_Complex", "_Imaginary", "_Alignas",
        "_Alignof", "_Atomic", "_Generic", "_Noreturn", "_Static_assert", "_Thread_local",
        "bool", "true", "false", "nullptr", "alignas", "alignof", "constexpr", "static_assert",
        "thread_local", "typeof", "typeof_unqual", "_BitInt", "_Decimal32", "_Decimal64",
        "_Decimal128"};
    return isReservedEverywhere(name) || findBuiltin(name) != nullptr || names.count(name) > 0;
}

ast::Function makeDfloatSignature() {
    ast::Function f;
    f.name = "make__dfloat";
    for (const char* n : {"val", "dval"}) {
        ast::Param p;
        p.name = n;
        p.isOut = false;
        p.resolved = Type::floatType();
        p.annotation = typeExprFor(p.resolved, ast::TypeExpr::Kind::In);
        f.params.push_back(std::move(p));
    }
    f.returnType = Type::structType("_dfloat");
    f.returnAnnotation = typeExprFor(f.returnType);
    return f;
}

}  // namespace lomaw::sema
