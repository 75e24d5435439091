// Reverse mode, preparation: calls nested inside expressions are evaluated once into a local
// before the statement, so that the reverse sweep reads the stored value instead of calling
// the callee again wherever it needs the call's value (`f(x) * y`, `sin(f(x))`, `g(f(x))`,
// `x[k(i)]`, `f(x).m`). The rewritten copy of the primal is what ReverseDiffer differentiates:
//
//   y = f(x) * g(f(x))    becomes    _call_f = f(x); _call_f_2 = f(x); _call_g = g(_call_f_2);
//                                    y = _call_f * _call_g
//
// with `_call_f : T` declared at the top of the body (declarations are outermost only). The
// assignments are then ordinary assignments: replayed and taped like any other when the
// reverse sweep reads them, undone by calling the callee's reverse derivative.
//
// Not hoisted: calls in linear positions (the whole right-hand side, terms of sums: only their
// adjoint is needed), calls in conditions and range bounds (the decision or bounds are
// recorded instead) and in the right operand of `and`/`or` (it must not run when the left
// operand decides).
#include <functional>

#include "ad/ReverseDiffer.h"
#include "sema/Builtins.h"
#include "syntax/AstWalk.h"

namespace lomaw::ad {

using ast::Expr;
using ast::Stmt;

namespace {

class CallHoister {
public:
    CallHoister(ast::Function& f, NameAllocator& names) : f_(f), names_(names) {}

    void run() {
        ast::Block body;
        rewriteBlock(f_.body, body);
        ast::Block out = std::move(decls_);
        for (StmtPtr& s : body) out.push_back(std::move(s));
        f_.body = std::move(out);
    }

private:
    static bool hoistable(const Expr& e) {
        return e.kind == Expr::Kind::Call && !sema::findBuiltin(e.name) && e.type && !e.type->isVoid();
    }

    // Hoists the calls in `e` whose values the reverse sweep reads: those in a non-linear
    // position (operands of *, /, comparisons and logic, arguments of calls and non-linear
    // intrinsics, indices). In a linear position (sums, negation, the whole right-hand side,
    // a member of a call's result) only the call's adjoint is needed, so it stays.
    void rewrite(ExprPtr& e, bool linear, ast::Block& before, SourceLoc loc) {
        Expr& x = *e;
        switch (x.kind) {
            case Expr::Kind::Binary: {
                bool lin = linear && (x.op == ast::BinaryOp::Add || x.op == ast::BinaryOp::Sub);
                if (x.op == ast::BinaryOp::And || x.op == ast::BinaryOp::Or) {
                    // The right operand runs only when the left one does not decide.
                    rewrite(x.operands[0], false, before, loc);
                    return;
                }
                rewrite(x.operands[0], lin, before, loc);
                rewrite(x.operands[1], lin, before, loc);
                break;
            }
            case Expr::Kind::Neg: rewrite(x.operands[0], linear, before, loc); break;
            case Expr::Kind::Member: rewrite(x.operands[0], linear, before, loc); break;
            case Expr::Kind::Index:
                rewrite(x.operands[0], linear, before, loc);
                rewrite(x.operands[1], false, before, loc);
                break;
            case Expr::Kind::Call: {
                bool linearArgs = x.name == "int2float" || x.name == "float2int" || x.name == "make__dfloat" ||
                                  x.name == "atomic_add";
                for (ExprPtr& o : x.operands)
                    if (o) rewrite(o, linear && linearArgs, before, loc);
                break;
            }
            default: break;
        }
        if (linear || !hoistable(*e)) return;
        std::string name = names_.fresh("_call_" + e->name);
        TypePtr t = e->type;
        decls_.push_back(sDeclare(name, t, nullptr, f_.loc));
        ExprPtr v = tVar(name, t, e->loc);
        before.push_back(sAssign(copy(*v), std::move(e), loc));
        e = std::move(v);
    }

    // An lvalue: its indices are read.
    void rewriteTarget(ExprPtr& e, ast::Block& before, SourceLoc loc) { rewrite(e, true, before, loc); }

    void rewriteBlock(ast::Block& in, ast::Block& out) {
        for (StmtPtr& sp : in) {
            if (!sp) continue;
            Stmt& s = *sp;
            ast::Block before;
            switch (s.kind) {
                case Stmt::Kind::Declare:
                case Stmt::Kind::Assign:
                case Stmt::Kind::Return:
                    if (s.value) rewrite(s.value, true, before, s.loc);
                    if (s.target) rewriteTarget(s.target, before, s.loc);
                    break;
                case Stmt::Kind::CallStmt:
                    // Arguments of a call statement (In values; indices of Out lvalues).
                    // Arguments are passed as values (Out lvalues: their indices are read).
                    if (s.value) rewrite(s.value, true, before, s.loc);
                    break;
                case Stmt::Kind::If: {
                    ast::Block body, orelse;
                    rewriteBlock(s.body, body);
                    rewriteBlock(s.orelse, orelse);
                    s.body = std::move(body);
                    s.orelse = std::move(orelse);
                    break;
                }
                case Stmt::Kind::While:
                case Stmt::Kind::For: {
                    ast::Block body;
                    rewriteBlock(s.body, body);
                    s.body = std::move(body);
                    break;
                }
            }
            for (StmtPtr& b : before) out.push_back(std::move(b));
            out.push_back(std::move(sp));
        }
    }

    ast::Function& f_;
    NameAllocator& names_;
    ast::Block decls_;
};

}  // namespace

namespace {

// Renames variable `from` to `to` in a body (declarations, loop variables, every use).
void renameVar(ast::Block& b, const std::string& from, const std::string& to) {
    for (StmtPtr& s : b) {
        if (!s) continue;
        if ((s->kind == Stmt::Kind::Declare || s->kind == Stmt::Kind::For) && s->name == from) s->name = to;
        if (s->target) ast::renameVar(*s->target, from, to);
        if (s->value) ast::renameVar(*s->value, from, to);
        for (ExprPtr& a : s->rangeArgs)
            if (a) ast::renameVar(*a, from, to);
        renameVar(s->body, from, to);
        renameVar(s->orelse, from, to);
    }
}

}  // namespace

ast::Function withNestedCallsHoisted(const ast::Function& primal, const ast::Function& derivative) {
    ast::Function f = ast::clone(primal);
    NameAllocator names;
    names.takeAll(primal);
    for (const ast::Param& p : derivative.params) names.take(p.name);
    // A local of the primal named like a generated parameter of the derivative (rev_diff of a
    // reverse derivative: its local `_d_dx`, the adjoint of `dx`, against `_d_dx`, the adjoint
    // of its parameter `_dx`) is renamed: the forward sweep replays the locals by name.
    std::set<std::string> params;
    for (const ast::Param& p : primal.params) params.insert(p.name);
    std::set<std::string> locals;
    ast::forEachStmt(f.body, [&](const Stmt& s) {
        if (s.kind == Stmt::Kind::Declare || s.kind == Stmt::Kind::For) locals.insert(s.name);
    });
    for (const ast::Param& p : derivative.params)
        if (locals.count(p.name) && !params.count(p.name)) renameVar(f.body, p.name, names.fresh(p.name));
    CallHoister(f, names).run();
    return f;
}

}  // namespace lomaw::ad
