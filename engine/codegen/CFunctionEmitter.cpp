#include "codegen/CFunctionEmitter.h"

#include "codegen/CBoundsChecks.h"
#include "codegen/CStmtEmitter.h"
#include "syntax/AstWalk.h"

namespace lomaw::codegen {

namespace {

std::string returnType(const ast::Function& f) {
    return f.returnType && !f.returnType->isVoid() ? cValueType(*f.returnType) : "void";
}

std::string paramDecl(const ast::Param& p, const std::string& cName) {
    if (!p.resolved) return "int " + cName + " /* internal compiler error: untyped */";
    return cParamType(*p.resolved, p.isOut) + " " + cName;
}

// Statements of a block, nested ones included.
size_t statementCount(const ast::Block& b) {
    size_t n = 0;
    ast::forEachStmt(b, [&](const ast::Stmt&) { ++n; });
    return n;
}

// Generated straight-line code grows ×3 per nested fwd_diff (a product of k-th order dual
// numbers costs 3 products of order k-1): level 8 of x^3 sin x is one function of 13,000
// statements, and GCC's -O2 spends half its time in register allocation there, more than
// linearly (level 7: 8.5 s, level 8: 38-47 s). Such functions are compiled at -Og, which
// keeps the basic optimisations: compile time halved at levels 7 and 8 for 1.07-1.27x the
// run time; -O1 barely helps, -O0 runs 3x slower (docs/benchmarks.md). GCC only: other
// compilers (clang) skip the attribute (#if) and keep the unit's flags.
constexpr size_t kLargeFunctionStatements = 2000;

void lowerOptimisationIfLarge(const ast::Function& f, CWriter& out) {
    const size_t statements = statementCount(f.body);
    if (statements <= kLargeFunctionStatements) return;
    out.directive("#if defined(__GNUC__) && !defined(__clang__)");
    out.line(0, "__attribute__((optimize(\"Og\")))  /* " + std::to_string(statements) +
                    " statements: -O2 would take too long */");
    out.directive("#endif");
}

}  // namespace

std::string CFunctionEmitter::paramList(const ast::Function& f) const {
    std::string s;
    for (const ast::Param& p : f.params) {
        if (!s.empty()) s += ", ";
        s += paramDecl(p, unit_.names.variable(p.name));
    }
    return s;
}

std::string CFunctionEmitter::signature(const ast::Function& f) const {
    std::string params = paramList(f);
    if (f.simd) params += (params.empty() ? "int " : ", int ") + std::string(kSimdThreadCountName);
    return std::string(f.inlineHelper ? "static inline " : "") + returnType(f) + " " + cFunctionSymbol(f.name) + "(" +
           (params.empty() ? "void" : params) + ")";
}

void CFunctionEmitter::prototypes(CWriter& out) const {
    out.line(0, "_dfloat make__dfloat(float val, float dval);");
    for (const ast::Function* f : unit_.module.functions()) {
        out.line(0, signature(*f) + ";", f->loc.line);
    }
    out.blank();
}

void CFunctionEmitter::makeDfloat(CWriter& out) const {
    out.line(0, "_dfloat make__dfloat(float val, float dval) {");
    out.line(1, "_dfloat result;");
    out.line(1, "result.val = val;");
    out.line(1, "result.dval = dval;");
    out.line(1, "return result;");
    out.line(0, "}");
    out.blank();
}

void CFunctionEmitter::body(const ast::Function& f, bool simdBody, CWriter& out) const {
    CFunctionScope scope(unit_, f, simdBody);
    for (const ast::Param& p : f.params) {
        const bool pointer = p.isOut && p.resolved && !p.resolved->isArray();
        CVar v{unit_.names.variable(p.name), p.resolved ? p.resolved : Type::intType(),
               pointer ? CVar::Access::Pointer : CVar::Access::Value, true};
        scope.declare(p.name, v);
    }
    CStmtEmitter stmts(scope, order_, out);
    stmts.block(f.body, 1);
}

// Thread k of a @simd launch runs the body as its own call, so it gets its own copies of the
// In scalar/struct parameters (passed by value) and its own zero-initialised locals (§5).
void CFunctionEmitter::simdLauncher(const ast::Function& f, CWriter& out) const {
    const int line = f.loc.line;
    const std::string bodyName = unit_.names.simdThreadBody(f.name);
    std::string params = paramList(f);
    params += (params.empty() ? "int " : ", int ") + std::string(kSimdThreadIdName);
    out.line(0, "static void " + bodyName + "(" + params + ") {", line);
    body(f, true, out);
    out.line(0, "}");
    out.blank();

    out.line(0, signature(f) + " {", line);
    std::string args;
    for (const ast::Param& p : f.params) args += unit_.names.variable(p.name) + ", ";
    if (unit_.checkBounds) out.line(1, kBoundsShare, line);  // CBoundsChecks.h
    out.directive("#ifdef _OPENMP");
    out.line(1, "#pragma omp parallel for", line);
    out.directive("#endif");
    out.line(1, std::string("for (int _lw_k = 0; _lw_k < ") + kSimdThreadCountName + "; _lw_k++) {", line);
    out.line(2, bodyName + "(" + args + "_lw_k);", line);
    out.line(1, "}");
    if (unit_.checkBounds) out.line(1, kBoundsUnshare, line);
    out.line(0, "}");
    out.blank();
}

void CFunctionEmitter::definition(const ast::Function& f, CWriter& out) const {
    if (f.simd) {
        simdLauncher(f, out);
        return;
    }
    lowerOptimisationIfLarge(f, out);
    out.line(0, signature(f) + " {", f.loc.line);
    body(f, false, out);
    out.line(0, "}");
    out.blank();
}

}  // namespace lomaw::codegen
