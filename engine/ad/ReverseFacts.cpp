// Reverse mode, the analyses of a primal (ReverseFacts.h): variables, reads, restore plan and
// what the forward sweep needs.
#include "ad/ReverseFacts.h"

#include "ad/ReverseActivity.h"
#include "ad/TapeIntrinsics.h"
#include "ad/TypedBuild.h"
#include "sema/Builtins.h"
#include "syntax/AstWalk.h"

namespace lomaw::ad {

using ast::Expr;
using ast::Stmt;

void writtenRoots(AdContext& ctx, const ast::Block& b, std::set<std::string>& out) {
    for (const StmtPtr& s : b)
        if (s) writtenRoots(ctx, *s, out);
}

void writtenRoots(AdContext& ctx, const ast::Stmt& s, std::set<std::string>& out) {
    auto own = [&](const Stmt& t) {
        if (t.kind == Stmt::Kind::Assign && t.target)
            if (const Expr* r = chainRoot(*t.target)) out.insert(r->name);
        if (t.kind == Stmt::Kind::Declare) out.insert(t.name);
        if (t.kind != Stmt::Kind::CallStmt || !t.value) return;
        // Out arguments and atomic_add targets are written.
        const Expr& c = *t.value;
        const ast::Function* sig = c.name == "atomic_add" ? nullptr : ctx.signature(c.name);
        for (size_t i = 0; i < c.operands.size(); ++i) {
            bool written = c.name == "atomic_add" ? i == 0
                                                  : sig && i < sig->params.size() &&
                                                        (sig->params[i].isOut || ctx.writesInArrayParam(c.name, i));
            if (written && c.operands[i] && isLvalueChain(*c.operands[i])) out.insert(chainRoot(*c.operands[i])->name);
        }
    };
    own(s);
    ast::forEachStmt(s.body, own);
    ast::forEachStmt(s.orelse, own);
}

std::vector<bool> writtenArguments(AdContext& ctx, const Expr& c, const ast::Function& sig) {
    std::vector<bool> writes(c.operands.size());
    for (size_t i = 0; i < c.operands.size(); ++i)
        writes[i] = sig.params[i].isOut ||
                    (c.operands[i]->type && c.operands[i]->type->isArray() && ctx.writesInArrayParam(c.name, i));
    return writes;
}

bool holdsUnboundedArray(AdContext& ctx, const TypePtr& t) {
    if (!t) return false;
    if (t->isArray()) return t->size <= 0 || holdsUnboundedArray(ctx, t->elem);
    if (t->isStruct())
        if (const MemberList* ms = ctx.members(t->structName))
            for (const auto& [name, mt] : *ms)
                if (holdsUnboundedArray(ctx, mt)) return true;
    return false;
}

bool callsUserFunction(const Expr& e) {
    return ast::anyExpr(e, [](const Expr& x) { return x.kind == Expr::Kind::Call && !sema::findBuiltin(x.name); });
}

bool hasParallelLoop(const ast::Block& b) {
    return ast::anyStmt(b, [](const Stmt& s) { return s.pragma.has_value(); });
}

namespace {

// No variable of `vars` is written by b (and c).
bool leftAlone(AdContext& ctx, const std::set<std::string>& vars, const ast::Block& b, const ast::Block* c = nullptr) {
    std::set<std::string> written;
    writtenRoots(ctx, b, written);
    if (c) writtenRoots(ctx, *c, written);
    for (const std::string& v : vars)
        if (written.count(v)) return false;
    return true;
}

}  // namespace

bool conditionReevaluable(AdContext& ctx, const Stmt& s) {
    const bool alone = leftAlone(ctx, ast::variablesOf(*s.value), s.body, &s.orelse);
    return alone && !callsUserFunction(*s.value);
}

bool boundsReevaluable(AdContext& ctx, const Stmt& s) {
    std::set<std::string> vars;
    bool calls = false;
    for (const ExprPtr& a : s.rangeArgs) {
        calls = calls || callsUserFunction(*a);
        ast::addVariablesOf(*a, vars);
    }
    return leftAlone(ctx, vars, s.body) && !calls;
}

bool hasAdjointWork(AdContext& ctx, const ReverseFacts& facts, const ast::Block& b) {
    for (const StmtPtr& sp : b) {
        if (!sp) continue;
        const Stmt& s = *sp;
        switch (s.kind) {
            case Stmt::Kind::Declare:
            case Stmt::Kind::Assign: {
                const std::string name = s.kind == Stmt::Kind::Declare ? s.name : chainRoot(*s.target)->name;
                if (facts.withAdjoint.count(name) &&
                    ctx.holdsFloat(s.kind == Stmt::Kind::Declare ? s.resolved : s.target->type))
                    return true;
                if (facts.reads.count(name) && !facts.outParams.count(name)) return true;  // restored from a tape
                break;
            }
            case Stmt::Kind::CallStmt:
                if (isTapeIntrinsic(s.value->name)) break;
                return true;
            case Stmt::Kind::Return: return true;
            default:
                if (hasAdjointWork(ctx, facts, s.body) || hasAdjointWork(ctx, facts, s.orelse)) return true;
        }
    }
    return false;
}

namespace {

// Step 1: parameters, locals and loop variables; which get an adjoint.
void analyseVariables(AdContext& ctx, const ast::Function& primal, const ast::Function& derivative, ReverseFacts& f) {
    size_t k = 0;  // derivative parameter of primal parameter p: Out y -> _dy, In x -> x, _dx
    for (const ast::Param& p : primal.params) {
        f.varType[p.name] = p.resolved;
        const bool out = p.isOut;
        (out ? f.outParams : f.inParams).insert(p.name);
        if (k + (out ? 0 : 1) < derivative.params.size() && ctx.holdsFloat(p.resolved)) f.withAdjoint.insert(p.name);
        k += out ? 1 : 2;
    }
    ast::forEachStmt(primal.body, [&](const Stmt& s) {
        if (s.kind == Stmt::Kind::For) f.loopVars.insert(s.name);
        if (s.kind != Stmt::Kind::Declare) return;
        f.varType[s.name] = s.resolved;
        // A heap tape's adjoint is a heap buffer of the same element type (floats, or structs
        // such as _dfloat of a forward derivative of a reverse derivative), grown alongside it
        // and zeroed slot by slot; elements holding run-time sized arrays cannot be zeroed so.
        bool heapTape = s.resolved && s.resolved->isUnboundedArray();
        if (heapTape && (!s.resolved->elem || holdsUnboundedArray(ctx, s.resolved->elem)) && ctx.holdsFloat(s.resolved))
            ctx.internalError(s.loc, "reverse mode of a function with run-time sized tapes of "
                                     "run-time sized arrays is not supported");
        if (ctx.holdsFloat(s.resolved)) f.withAdjoint.insert(s.name);
    });
}

// Step 4: values restored without a tape (ReverseRestorePlan.h). Not in functions with
// parallel adjoint loops, whose reverse iterations replay their own forward part.
void restoreWithoutTapes(const ast::Function& primal, ReverseFacts& f) {
    if (hasParallelLoop(primal.body)) return;
    std::set<std::string> written = f.written, locals;
    for (const StmtPtr& top : primal.body) {
        if (!top || top->kind != Stmt::Kind::Declare) continue;
        // Declared once at the top and never written again: a constant.
        bool again = ast::anyStmt(primal.body, [&](const Stmt& t) {
            if (&t == top.get()) return false;
            if (t.kind == Stmt::Kind::Declare && t.name == top->name) return true;
            if (t.kind == Stmt::Kind::Assign && t.target && chainRoot(*t.target) &&
                chainRoot(*t.target)->name == top->name)
                return true;
            if (t.kind == Stmt::Kind::CallStmt && t.value)
                for (const ExprPtr& a : t.value->operands)
                    if (a && isLvalueChain(*a) && chainRoot(*a)->name == top->name) return true;
            return false;
        });
        if (!again) written.erase(top->name);
    }
    ast::forEachStmt(primal.body, [&](const Stmt& t) {
        if (t.kind == Stmt::Kind::Declare && t.resolved && (t.resolved->isFloat() || t.resolved->isInt()))
            locals.insert(t.name);
    });
    f.restore = planRestores(primal, f.reads, written, locals, true);
    f.reads = f.restore.reads;
    for (const Stmt* d : f.restore.recomputed) f.recomputedVars.insert(d->target->name);
}

// Step 5: the forward sweep only needs to compute what the reverse sweep reads, what control
// flow reads, and (transitively) what those are computed from.
void closeNeeded(AdContext& ctx, const ast::Function& primal, ReverseFacts& f) {
    f.needed = f.reads;
    for (bool grew = true; grew;) {
        grew = false;
        auto need = [&](const Expr& e) {
            for (const std::string& v : ast::variablesOf(e)) grew = f.needed.insert(v).second || grew;
        };
        ast::forEachStmt(primal.body, [&](const Stmt& s) {
            switch (s.kind) {
                case Stmt::Kind::Declare:
                    if (s.value && f.needed.count(s.name)) need(*s.value);
                    break;
                case Stmt::Kind::Assign:
                    if (const Expr* r = chainRoot(*s.target); r && f.needed.count(r->name)) {
                        need(*s.target);
                        need(*s.value);
                    }
                    break;
                case Stmt::Kind::CallStmt: {
                    // The call computes what it writes (Out arguments, atomic_add's target,
                    // consumed In arrays) from its arguments: needed when one of those is. An
                    // argument it only reads being needed is no reason to replay it (a local
                    // int `_dn` passed for a reverse derivative's ignored Out[int] would be).
                    const Expr& c = *s.value;
                    const ast::Function* sig = c.name == "atomic_add" ? nullptr : ctx.signature(c.name);
                    std::vector<bool> writes;
                    if (sig && sig->params.size() == c.operands.size()) writes = writtenArguments(ctx, c, *sig);
                    bool any = false;
                    for (size_t i = 0; i < c.operands.size(); ++i) {
                        const ExprPtr& a = c.operands[i];
                        bool written = c.name == "atomic_add" ? i == 0 : writes.empty() || writes[i];
                        if (written && a && isLvalueChain(*a) && f.needed.count(chainRoot(*a)->name)) any = true;
                    }
                    if (any) need(c);
                    break;
                }
                case Stmt::Kind::If:
                case Stmt::Kind::While: need(*s.value); break;
                case Stmt::Kind::For:
                    for (const ExprPtr& a : s.rangeArgs) need(*a);
                    break;
                default: break;
            }
        });
    }
}

}  // namespace

ReverseFacts analyseReverse(AdContext& ctx, const ast::Function& primal, const ast::Function& derivative,
                            std::set<std::string> inoutParams) {
    ReverseFacts f;
    f.inoutParams = std::move(inoutParams);
    writtenRoots(ctx, primal.body, f.written);
    analyseVariables(ctx, primal, derivative, f);
    ReadSet reads = readsOfReverseSweep(ctx, primal, Activity(ctx, f.withAdjoint, f.loopVars));
    f.reads = std::move(reads.vars);
    f.readLines = std::move(reads.lines);
    restoreWithoutTapes(primal, f);
    closeNeeded(ctx, primal, f);
    return f;
}

}  // namespace lomaw::ad
