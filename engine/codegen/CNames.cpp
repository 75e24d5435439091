#include "codegen/CNames.h"

#include <algorithm>

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

// Library names that generated function bodies use: a variable of that name would hide them.
const std::set<std::string>& libraryNames() {
    static const std::set<std::string> f = {"sinf",   "cosf", "sqrtf",   "expf", "logf",  "powf",
                                            "fprintf", "exit", "memcpy", "free", "realloc", "size_t"};
    return f;
}

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// The namespace of the names the backend and the harness invent (CNames.h, 1).
bool backendPrefix(const std::string& s) { return startsWith(s, "_lw") || startsWith(s, "_lomaw"); }

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

// Names that more trailing underscores would leave in a reserved space (a "_X..."/"__..." name
// stays one and may be a header macro, a "_lw..." name stays the backend's): CNames.h, 3.
bool needsPrefix(const std::string& stem) { return implementationReserved(stem) || backendPrefix(stem); }
std::string withPrefix(const std::string& name) { return kRenamedVariablePrefix + name + "_"; }

}  // namespace

bool isReservedMemberStem(const std::string& stem) {
    return cKeywords().count(stem) || isCHeaderObjectMacro(stem) || needsPrefix(stem);
}

bool isReservedVariableStem(const std::string& stem) {
    return isReservedMemberStem(stem) || libraryNames().count(stem) || stem == "_n_threads";
}

bool isReservedFileScopeName(const std::string& name) {
    return cKeywords().count(name) || name == "main" || isCHeaderName(name) || implementationReserved(name) ||
           backendPrefix(name);
}

std::string cFileScopeName(const std::string& name) {
    return isReservedFileScopeName(name) ? kRenamedFileScopePrefix + name : name;
}

std::string cVariableName(const std::string& name) {
    const std::string stem = stemOf(name);
    return needsPrefix(stem) ? withPrefix(name) : renameIf(name, isReservedVariableStem(stem));
}

std::string cMemberName(const std::string& name) {
    const std::string stem = stemOf(name);
    return needsPrefix(stem) ? withPrefix(name) : renameIf(name, isReservedMemberStem(stem));
}

std::string cValueType(const Type& t) {
    switch (t.kind) {
        case Type::Kind::Int: return t.wide ? "long" : "int";
        case Type::Kind::Float: return "float";
        case Type::Kind::Struct: return cStructName(t.structName);
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
        if (auto* f = std::get_if<ast::Function>(&it)) {
            addFileScope(cFunctionSymbol(f->name));
            if (f->simd) addFileScope(simdThreadBody(f->name));
        }
        if (auto* s = std::get_if<ast::StructDecl>(&it)) addFileScope(cStructName(s->name));
    }
    addFileScope("make__dfloat");
    addFileScope("_dfloat");
    addFileScope(runtimeError_);
    addFileScope(intDivision_);
}

void CUnitNames::addFileScope(const std::string& cName) {
    const std::string stem = stemOf(cName);
    size_t& most = fileScopeStems_[stem];
    most = std::max(most, cName.size() - stem.size());
}

std::string CUnitNames::variable(const std::string& kernelName) const {
    const std::string stem = stemOf(kernelName);
    if (needsPrefix(stem)) return withPrefix(kernelName);
    size_t extra = isReservedVariableStem(stem) ? 1 : 0;
    if (auto it = fileScopeStems_.find(stem); it != fileScopeStems_.end()) extra = std::max(extra, it->second + 1);
    return kernelName + std::string(extra, '_');
}

std::string CUnitNames::simdThreadBody(const std::string& function) const { return "_lw_thread_" + function; }

}  // namespace lomaw::codegen
