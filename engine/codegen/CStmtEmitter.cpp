#include "codegen/CStmtEmitter.h"

#include <functional>

#include "codegen/CAdIntrinsics.h"
#include "codegen/CBoundsChecks.h"
#include "codegen/CText.h"
#include "codegen/CTypeEmitter.h"

namespace lomaw::codegen {

using ast::Expr;
using ast::Stmt;

void CStmtEmitter::flush(const CPrelude& pre, int indent, int line) {
    for (const auto& [depth, text] : pre.lines()) out_.line(indent + depth, text, line);
}

void CStmtEmitter::ompDirective(const std::string& pragma, int indent, int line) {
    // Under #ifdef so that a build without OpenMP neither warns nor changes meaning.
    out_.directive("#ifdef _OPENMP");
    out_.line(indent, "#pragma omp " + pragma, line);
    out_.directive("#endif");
}

void CStmtEmitter::block(const ast::Block& b, int indent) {
    const size_t outer = outerBoundsMarks_;
    outerBoundsMarks_ = boundsMarks_.size();
    for (const ast::StmtPtr& s : b)
        if (s) stmt(*s, indent);
    if (boundsMarks_.size() > outerBoundsMarks_) {  // this block registered sized locals: pop them
        if (!(b.back() && b.back()->kind == Stmt::Kind::Return))
            out_.line(indent, boundsRelease(boundsMarks_[outerBoundsMarks_]), 0);
        boundsMarks_.resize(outerBoundsMarks_);
    }
    outerBoundsMarks_ = outer;
}

void CStmtEmitter::stmt(const Stmt& s, int indent) {
    switch (s.kind) {
        case Stmt::Kind::Declare: declare(s, indent); break;
        case Stmt::Kind::Assign: assign(s, indent); break;
        case Stmt::Kind::Return: returnStmt(s, indent); break;
        case Stmt::Kind::CallStmt: callStmt(s, indent); break;
        case Stmt::Kind::If: ifStmt(s, indent, false); break;
        case Stmt::Kind::While: whileStmt(s, indent); break;
        case Stmt::Kind::For: forStmt(s, indent); break;
    }
}

void CStmtEmitter::declare(const Stmt& s, int indent) {
    const int line = s.loc.line;
    if (!s.resolved) {
        scope_.unit.usesInternalError = true;
        out_.line(indent, "/* " + cCommentText("internal compiler error: untyped declaration of " + s.name) + " */", line);
        return;
    }
    const std::string cName = scope_.unit.names.variable(s.name);
    std::string init;
    if (s.value) {
        CPrelude pre;
        init = exprs_.value(*s.value, pre).text;
        flush(pre, indent, line);
    } else {
        init = cZeroInitializer(*s.resolved);  // §3.2: zero-initialised, recursively
    }
    out_.line(indent, cDeclarator(*s.resolved, cName) + " = " + init + ";", line);
    scope_.declare(s.name, {cName, s.resolved, CVar::Access::Value});
    if (scope_.unit.checkBounds && holdsSizedArray(scope_.unit.module, *s.resolved)) {
        if (boundsMarks_.size() == outerBoundsMarks_) {  // the block's first: mark the stack
            boundsMarks_.push_back(scope_.temp("locals"));
            out_.line(indent, boundsMark(boundsMarks_.back()), line);
        }
        registerLocal(scope_.unit, *s.resolved, cName, indent, line, out_);
    }
}

void CStmtEmitter::assign(const Stmt& s, int indent) {
    const int line = s.loc.line;
    if (!s.target || !s.value) return;
    // §3.3: the right-hand side first, then the target's index expressions left to right,
    // then the store. C leaves that order open, so when a call could tell the difference
    // the value and the non-constant indices go into temporaries in loma's order.
    bool indexWrites = false, indexReadsMemory = false;
    for (const Expr* t = s.target.get(); t && !t->operands.empty(); t = t->operands[0].get()) {
        if (t->kind != Expr::Kind::Index) continue;
        indexWrites = indexWrites || exprs_.order().mayWrite(*t->operands[1]);
        indexReadsMemory = indexReadsMemory || !exprs_.isStable(*t->operands[1]);
    }
    const bool ordered = indexWrites || (exprs_.order().mayWrite(*s.value) && indexReadsMemory);
    CPrelude pre;
    CExpr v = exprs_.value(*s.value, pre);
    if (ordered && !exprs_.isStable(*s.value)) v = {exprs_.materializeValue(*s.value, v, pre), kPrecPrimary};
    CExpr target = exprs_.lvalue(*s.target, pre, ordered);
    flush(pre, indent, line);
    out_.line(indent, target.text + " = " + v.text + ";", line);
}

void CStmtEmitter::returnStmt(const Stmt& s, int indent) {
    // --check-bounds: the function's sized locals leave the stack, after the value is computed.
    const std::string release = boundsMarks_.empty() ? "" : boundsRelease(boundsMarks_.front());
    if (!s.value) {
        if (!release.empty()) out_.line(indent, release, s.loc.line);
        out_.line(indent, "return;", s.loc.line);
        return;
    }
    CPrelude pre;
    CExpr v = exprs_.value(*s.value, pre);
    flush(pre, indent, s.loc.line);
    if (!release.empty() && scope_.function.returnType) {
        const std::string result = scope_.temp("result");
        out_.line(indent, cValueType(*scope_.function.returnType) + " " + result + " = " + v.text + ";", s.loc.line);
        out_.line(indent, release, s.loc.line);
        v = {result, kPrecPrimary};
    }
    out_.line(indent, "return " + v.text + ";", s.loc.line);
}

void CStmtEmitter::callStmt(const Stmt& s, int indent) {
    if (!s.value) return;
    if (s.value->kind == Expr::Kind::Call && s.value->name == "atomic_add") {
        atomicAdd(*s.value, indent, s.loc.line);
        return;
    }
    if (s.value->kind == Expr::Kind::Call && emitAdIntrinsic(*s.value, exprs_, scope_.unit, out_, indent, s.loc.line))
        return;
    CPrelude pre;
    CExpr c = exprs_.callStatement(*s.value, pre);
    flush(pre, indent, s.loc.line);
    out_.line(indent, c.text + ";", s.loc.line);
}

// atomic_add(t, v): `t += v` under `#pragma omp atomic` when compiled with OpenMP (§4). The
// arguments are evaluated first, left to right; v goes into a temporary whenever it reads
// memory or the target's variable, since OpenMP requires v not to mention t.
void CStmtEmitter::atomicAdd(const Expr& call, int indent, int line) {
    if (call.operands.size() != 2) return;
    const Expr& target = *call.operands[0];
    const Expr& v = *call.operands[1];
    const Expr* root = &target;
    while (!root->operands.empty() && root->kind != Expr::Kind::Var) root = root->operands[0].get();
    std::function<bool(const Expr&)> mentionsRoot = [&](const Expr& e) {
        if (e.kind == Expr::Kind::Var && e.name == root->name) return true;
        for (const ast::ExprPtr& o : e.operands)
            if (o && mentionsRoot(*o)) return true;
        return false;
    };
    bool indexWrites = false;
    for (const Expr* t = &target; t && !t->operands.empty(); t = t->operands[0].get())
        if (t->kind == Expr::Kind::Index) indexWrites = indexWrites || exprs_.order().mayWrite(*t->operands[1]);

    CPrelude pre;
    CExpr lhs = exprs_.lvalue(target, pre, indexWrites || exprs_.order().mayWrite(v));
    CExpr rhs = exprs_.value(v, pre);
    if (!exprs_.isStable(v) || mentionsRoot(v))
        rhs = {exprs_.materializeValue(v, rhs, pre), kPrecPrimary};
    flush(pre, indent, line);
    ompDirective("atomic", indent, line);
    out_.line(indent, lhs.text + " += " + rhs.text + ";", line);
}

void CStmtEmitter::ifStmt(const Stmt& s, int indent, bool asElseIf) {
    const int line = s.loc.line;
    CPrelude pre;
    CExpr c = exprs_.condition(*s.value, pre);
    flush(pre, indent, line);
    out_.line(indent, std::string(asElseIf ? "} else if (" : "if (") + c.text + ") {", line);
    block(s.body, indent + 1);
    if (!s.orelse.empty()) {
        const Stmt* elif = s.orelse.size() == 1 ? s.orelse[0].get() : nullptr;
        // `elif` stays `else if` unless its condition needs statements of its own, which only
        // happens when it contains a call that may write memory.
        const bool chained = elif && elif->kind == Stmt::Kind::If && elif->value &&
                             !exprs_.order().mayWrite(*elif->value);
        if (chained) {
            ifStmt(*elif, indent, true);
            return;
        }
        out_.line(indent, "} else {", 0);
        block(s.orelse, indent + 1);
    }
    out_.line(indent, "}", 0);
}

}  // namespace lomaw::codegen

namespace lomaw::codegen {

// §3.6: max_iter has no effect on the primal. A condition that needs statements of its own
// (a call that may write memory) is re-evaluated at the top of an endless loop.
void CStmtEmitter::whileStmt(const Stmt& s, int indent) {
    const int line = s.loc.line;
    CPrelude pre;
    CExpr c = exprs_.condition(*s.value, pre);
    if (pre.empty()) {
        out_.line(indent, "while (" + c.text + ") {", line);
    } else {
        out_.line(indent, "while (1) {", line);
        flush(pre, indent + 1, line);
        out_.line(indent + 1, "if (!" + cWrap(c, kPrecUnary) + ") {", line);
        out_.line(indent + 2, "break;", line);
        out_.line(indent + 1, "}", 0);
    }
    block(s.body, indent + 1);
    out_.line(indent, "}", 0);
}

}  // namespace lomaw::codegen
