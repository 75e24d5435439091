#include "codegen/CNames.h"

#include <map>

#include "syntax/Ast.h"

namespace lomaw::codegen {

namespace {

const std::set<std::string>& cKeywords() {
    static const std::set<std::string> k = {
        // C11
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
        "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
        "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch",
        "typedef", "union", "unsigned", "void", "volatile", "while",
        // C23 and GNU spellings that are keywords in some modes
        "bool", "true", "false", "nullptr", "alignas", "alignof", "static_assert",
        "thread_local", "typeof", "typeof_unqual", "constexpr", "asm",
    };
    return k;
}

// Object-like macros of <math.h>, <stdio.h>, <stdlib.h>, <string.h> (and predefined ones of
// GNU modes): a variable with such a name would be replaced by the preprocessor.
const std::set<std::string>& headerMacros() {
    static const std::set<std::string> m = {
        "INFINITY", "NAN", "HUGE_VAL", "HUGE_VALF", "HUGE_VALL", "FP_NAN", "FP_INFINITE",
        "FP_ZERO", "FP_SUBNORMAL", "FP_NORMAL", "FP_ILOGB0", "FP_ILOGBNAN", "FP_FAST_FMA",
        "FP_FAST_FMAF", "FP_FAST_FMAL", "MATH_ERRNO", "MATH_ERREXCEPT", "math_errhandling",
        "M_E", "M_LOG2E", "M_LOG10E", "M_LN2", "M_LN10", "M_PI", "M_PI_2", "M_PI_4", "M_1_PI",
        "M_2_PI", "M_2_SQRTPI", "M_SQRT2", "M_SQRT1_2", "EOF", "BUFSIZ", "FILENAME_MAX",
        "FOPEN_MAX", "L_tmpnam", "L_ctermid", "P_tmpdir", "TMP_MAX", "SEEK_SET", "SEEK_CUR",
        "SEEK_END", "stdin", "stdout", "stderr", "NULL", "EXIT_SUCCESS", "EXIT_FAILURE",
        "RAND_MAX", "MB_CUR_MAX", "errno", "unix", "linux", "i386",
    };
    return m;
}

// Library functions the generated code calls.
const std::set<std::string>& libraryFunctions() {
    static const std::set<std::string> f = {"sinf", "cosf", "sqrtf", "expf", "logf", "powf",
                                            "fprintf", "exit", "memcpy"};
    return f;
}

std::string stemOf(const std::string& name) {
    size_t end = name.size();
    while (end > 0 && name[end - 1] == '_') --end;
    return name.substr(0, end);
}

// Identifiers C reserves for the implementation: "_X..." and "__...".
bool implementationReserved(const std::string& stem) {
    return stem.size() >= 2 && stem[0] == '_' && (stem[1] == '_' || (stem[1] >= 'A' && stem[1] <= 'Z'));
}

std::string renameIf(const std::string& name, bool reserved) { return reserved ? name + "_" : name; }

}  // namespace

bool isReservedMemberStem(const std::string& stem) {
    return cKeywords().count(stem) || headerMacros().count(stem) || implementationReserved(stem);
}

bool isReservedVariableStem(const std::string& stem) {
    return isReservedMemberStem(stem) || libraryFunctions().count(stem) || stem == "_n_threads" ||
           stem.rfind("_lw_", 0) == 0;
}

std::string cVariableName(const std::string& name, const std::set<std::string>& fileScopeNames) {
    const std::string stem = stemOf(name);
    return renameIf(name, isReservedVariableStem(stem) || fileScopeNames.count(stem) > 0);
}

std::string cVariableName(const std::string& name) { return cVariableName(name, {}); }

std::string cMemberName(const std::string& name) {
    return renameIf(name, isReservedMemberStem(stemOf(name)));
}

std::string cValueType(const Type& t) {
    switch (t.kind) {
        case Type::Kind::Int: return "int";
        case Type::Kind::Float: return "float";
        case Type::Kind::Struct: return t.structName;
        case Type::Kind::Void: return "void";
        case Type::Kind::Array: return cParamType(t, false);  // not a value; its pointer form
    }
    return "void";
}

std::string cParamType(const Type& t, bool isOut) {
    if (t.kind == Type::Kind::Array) {
        // One '*' per array level, static sizes ignored (§7).
        std::string stars;
        const Type* e = &t;
        while (e->kind == Type::Kind::Array && e->elem) {
            stars += '*';
            e = e->elem.get();
        }
        return cValueType(*e) + stars;
    }
    return isOut ? cValueType(t) + "*" : cValueType(t);
}

// ---------------------------------------------------------------- CUnitNames

CUnitNames::CUnitNames(const ast::Module& m) {
    for (const ast::Item& it : m.items) {
        if (auto* f = std::get_if<ast::Function>(&it)) moduleNames_.insert(f->name);
        if (auto* s = std::get_if<ast::StructDecl>(&it)) moduleNames_.insert(s->name);
    }
    moduleNames_.insert("make__dfloat");
    moduleNames_.insert("_dfloat");
    fileScope_ = moduleNames_;
    runtimeError_ = pick("_lw_runtime_error");
    fileScope_.insert(runtimeError_);
    intDivision_ = pick("_lw_div_int");
    fileScope_.insert(intDivision_);
    for (const ast::Function* f : m.functions()) {
        if (!f->simd) continue;
        std::string n = pick("_lw_thread_" + f->name);
        fileScope_.insert(n);
        simdBodies_[f->name] = n;
    }
}

std::string CUnitNames::pick(const std::string& base) const {
    if (!fileScope_.count(base)) return base;
    for (int i = 1;; ++i) {
        std::string candidate = base + std::to_string(i);
        if (!fileScope_.count(candidate)) return candidate;
    }
}

std::string CUnitNames::variable(const std::string& kernelName) const {
    return cVariableName(kernelName, moduleNames_);
}

std::string CUnitNames::simdThreadBody(const std::string& function) const {
    auto it = simdBodies_.find(function);
    return it != simdBodies_.end() ? it->second : "_lw_thread_" + function;
}

}  // namespace lomaw::codegen

namespace lomaw::codegen {

bool isCHeaderName(const std::string& name) {
    static const std::set<std::string> names = {
        // <math.h> (double, float and long double forms) and its macros
        "acos", "asin", "atan", "atan2", "cos", "sin", "tan", "acosh", "asinh", "atanh", "cosh",
        "sinh", "tanh", "exp", "exp2", "expm1", "frexp", "ilogb", "ldexp", "log", "log10",
        "log1p", "log2", "logb", "modf", "scalbn", "scalbln", "cbrt", "fabs", "hypot", "pow",
        "sqrt", "erf", "erfc", "lgamma", "tgamma", "ceil", "floor", "nearbyint", "rint", "lrint",
        "llrint", "round", "lround", "llround", "trunc", "fmod", "remainder", "remquo",
        "copysign", "nan", "nextafter", "nexttoward", "fdim", "fmax", "fmin", "fma",
        "fpclassify", "isfinite", "isinf", "isnan", "isnormal", "signbit", "isgreater",
        "isgreaterequal", "isless", "islessequal", "islessgreater", "isunordered", "float_t",
        "double_t", "j0", "j1", "jn", "y0", "y1", "yn", "gamma", "drem", "finite", "significand",
        "scalb", "exp10", "pow10", "sincos", "lgamma_r", "signgam",
        // <stdio.h>
        "FILE", "fpos_t", "size_t", "remove", "rename", "tmpfile", "tmpnam", "fclose", "fflush",
        "fopen", "freopen", "setbuf", "setvbuf", "fprintf", "fscanf", "printf", "scanf",
        "snprintf", "sprintf", "sscanf", "vfprintf", "vfscanf", "vprintf", "vscanf",
        "vsnprintf", "vsprintf", "vsscanf", "fgetc", "fgets", "fputc", "fputs", "getc",
        "getchar", "gets", "putc", "putchar", "puts", "ungetc", "fread", "fwrite", "fgetpos",
        "fseek", "fsetpos", "ftell", "rewind", "clearerr", "feof", "ferror", "perror",
        "fileno", "popen", "pclose", "getline", "getdelim", "dprintf", "fdopen", "va_list",
        // <stdlib.h>
        "div_t", "ldiv_t", "lldiv_t", "wchar_t", "atof", "atoi", "atol", "atoll", "strtod",
        "strtof", "strtold", "strtol", "strtoll", "strtoul", "strtoull", "rand", "srand",
        "aligned_alloc", "calloc", "free", "malloc", "realloc", "abort", "atexit",
        "at_quick_exit", "exit", "_Exit", "getenv", "quick_exit", "system", "bsearch", "qsort",
        "abs", "labs", "llabs", "div", "ldiv", "lldiv", "mblen", "mbtowc", "wctomb", "mbstowcs",
        "wcstombs", "random", "srandom", "drand48", "erand48", "lrand48", "mrand48", "srand48",
        "setenv", "unsetenv", "putenv", "mkstemp", "mkdtemp", "realpath", "posix_memalign",
        "alloca",
        // <string.h>
        "memcpy", "memmove", "strcpy", "strncpy", "strcat", "strncat", "memcmp", "strcmp",
        "strcoll", "strncmp", "strxfrm", "memchr", "strchr", "strcspn", "strpbrk", "strrchr",
        "strspn", "strstr", "strtok", "memset", "strerror", "strlen", "strdup", "strndup",
        "strnlen", "stpcpy", "strtok_r", "bzero", "bcmp", "index", "rindex", "strcasecmp",
        "strncasecmp", "ffs",
    };
    // float/long double variants: sinf, floorl, ...
    if (names.count(name)) return true;
    if (name.size() > 1 && (name.back() == 'f' || name.back() == 'l'))
        return names.count(name.substr(0, name.size() - 1)) > 0;
    return false;
}

}  // namespace lomaw::codegen
