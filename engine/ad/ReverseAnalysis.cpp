// Reverse mode, analysis: which primal values the reverse sweep reads (and so must be
// restored when overwritten), and small structural queries.
#include <functional>

#include "ad/AstWalk.h"
#include "ad/ReverseDiffer.h"
#include "sema/Builtins.h"

namespace lomaw::ad {

using ast::BinaryOp;
using ast::Expr;
using ast::Stmt;

bool ReverseDiffer::hasFloat(const TypePtr& t) {
    if (!t) return false;
    switch (t->kind) {
        case Type::Kind::Float: return true;
        case Type::Kind::Array: return hasFloat(t->elem);
        case Type::Kind::Struct:
            if (const MemberList* ms = ctx_.members(t->structName))
                for (const auto& [n, mt] : *ms)
                    if (hasFloat(mt)) return true;
            return false;
        default: return false;
    }
}

void ReverseDiffer::varsOf(const Expr& e, std::set<std::string>& out) {
    if (e.kind == Expr::Kind::Var) out.insert(e.name);
    for (const ExprPtr& o : e.operands)
        if (o) varsOf(*o, out);
}

bool ReverseDiffer::hasCall(const Expr& e) {
    if (e.kind == Expr::Kind::Call && !sema::findBuiltin(e.name)) return true;
    for (const ExprPtr& o : e.operands)
        if (o && hasCall(*o)) return true;
    return false;
}

void ReverseDiffer::writtenRoots(const ast::Block& b, std::set<std::string>& out) {
    for (const StmtPtr& s : b)
        if (s) writtenRoots(*s, out);
}

void ReverseDiffer::writtenRoots(const ast::Stmt& s, std::set<std::string>& out) {
    if (s.kind == Stmt::Kind::Assign && s.target)
        if (const Expr* r = chainRoot(*s.target)) out.insert(r->name);
    if (s.kind == Stmt::Kind::Declare) out.insert(s.name);
    if (s.kind == Stmt::Kind::CallStmt && s.value) {
        // Out arguments and atomic_add targets are written.
        const Expr& c = *s.value;
        const ast::Function* sig = c.name == "atomic_add" ? nullptr : ctx_.signature(c.name);
        for (size_t i = 0; i < c.operands.size(); ++i) {
            bool written = c.name == "atomic_add" ? i == 0
                                                  : sig && i < sig->params.size() &&
                                                        (sig->params[i].isOut || ctx_.writesInArrayParam(c.name, i));
            if (written && c.operands[i] && isLvalueChain(*c.operands[i])) out.insert(chainRoot(*c.operands[i])->name);
        }
    }
    writtenRoots(s.body, out);
    writtenRoots(s.orelse, out);
}

// Variables whose values the adjoint code of `e` reads. In a linear position (a sum of
// terms) a variable is not read, only its adjoint is written; indices always are.
void ReverseDiffer::collectReads(const Expr& e, bool linear) {
    switch (e.kind) {
        case Expr::Kind::Var:
            if (!linear) {
                reads_.insert(e.name);
                readLines_[e.name].insert(analysedLine_);
            }
            return;
        case Expr::Kind::Index:
            collectReads(*e.operands[0], linear);
            collectReads(*e.operands[1], false);
            return;
        case Expr::Kind::Member: collectReads(*e.operands[0], linear); return;
        case Expr::Kind::Neg: collectReads(*e.operands[0], linear); return;
        case Expr::Kind::Binary: {
            bool lin = linear && (e.op == BinaryOp::Add || e.op == BinaryOp::Sub);
            bool noAdjoint = e.op != BinaryOp::Add && e.op != BinaryOp::Sub && e.op != BinaryOp::Mul &&
                             e.op != BinaryOp::Div;
            if (noAdjoint && linear) return;  // a comparison contributes no adjoint
            // x * y: x̄ += r̄·y reads y only when x is active, and ȳ += r̄·x reads x only when
            // y is; x / y: x is read only for ȳ. An operand scaled by an inactive factor
            // stays in a linear position (e.g. `3.0 * a`: a's value is not needed).
            if (linear && e.op == BinaryOp::Mul) {
                collectReads(*e.operands[0], !isActive(*e.operands[1]));
                collectReads(*e.operands[1], !isActive(*e.operands[0]));
                return;
            }
            if (linear && e.op == BinaryOp::Div) {
                collectReads(*e.operands[0], !isActive(*e.operands[1]));
                collectReads(*e.operands[1], false);
                return;
            }
            collectReads(*e.operands[0], lin);
            collectReads(*e.operands[1], lin);
            return;
        }
        case Expr::Kind::Call:
            if (linear && (e.name == "int2float" || e.name == "float2int" || e.name == "thread_id")) return;
            if (linear && e.name == "make__dfloat") {  // its adjoint is split member-wise
                for (const ExprPtr& a : e.operands) collectReads(*a, true);
                return;
            }
            for (const ExprPtr& a : e.operands)
                if (a) collectReads(*a, false);
            return;
        default: return;
    }
}

void ReverseDiffer::collectIndexReads(const Expr& lvalue) {
    for (const Expr* p = &lvalue; p && !p->operands.empty(); p = p->operands[0].get())
        if (p->kind == Expr::Kind::Index) collectReads(*p->operands[1], false);
}

void ReverseDiffer::analyseBlock(const ast::Block& b) {
    for (const StmtPtr& sp : b) {
        if (!sp) continue;
        const Stmt& s = *sp;
        analysedLine_ = s.loc.line;
        switch (s.kind) {
            case Stmt::Kind::Declare:
                if (s.value) collectReads(*s.value, true);
                break;
            case Stmt::Kind::Assign:
                collectIndexReads(*s.target);
                collectReads(*s.value, true);
                break;
            case Stmt::Kind::Return: collectReads(*s.value, true); break;
            case Stmt::Kind::CallStmt: {
                const Expr& c = *s.value;
                if (c.name == "atomic_add" && c.operands.size() == 2) {
                    collectIndexReads(*c.operands[0]);
                    collectReads(*c.operands[1], true);
                    break;
                }
                const ast::Function* sig = ctx_.signature(c.name);
                for (size_t i = 0; i < c.operands.size(); ++i) {
                    bool out = sig && i < sig->params.size() && sig->params[i].isOut;
                    // An in-out argument's entry value goes to the callee's derivative.
                    if (out && ctx_.inoutParams(c.name).count(i)) collectReads(*c.operands[i], false);
                    else if (out) collectIndexReads(*c.operands[i]);
                    else collectReads(*c.operands[i], false);
                }
                break;
            }
            case Stmt::Kind::If: {
                // The condition is re-evaluated in the reverse sweep when the branches leave
                // its variables alone and it calls nothing; otherwise the decision is taped.
                std::set<std::string> vars, written;
                varsOf(*s.value, vars);
                writtenRoots(s.body, written);
                writtenRoots(s.orelse, written);
                bool reevaluate = !hasCall(*s.value);
                for (const std::string& v : vars) reevaluate = reevaluate && !written.count(v);
                if (reevaluate)
                    for (const std::string& v : vars) {
                        reads_.insert(v);
                        readLines_[v].insert(s.loc.line);
                    }
                analyseBlock(s.body);
                analyseBlock(s.orelse);
                break;
            }
            case Stmt::Kind::While: analyseBlock(s.body); break;
            case Stmt::Kind::For: {
                for (const ExprPtr& a : s.rangeArgs) collectReads(*a, false);
                analyseBlock(s.body);
                break;
            }
        }
    }
}

void ReverseDiffer::analyse() {
    analyseBlock(primal_.body);
    // Values restored without a tape (ReverseRestorePlan.h). Not in functions with parallel
    // adjoint loops, whose reverse iterations replay their own forward part.
    if (!hasLoop(primal_.body, true)) {
        std::set<std::string> written, locals;
        writtenRoots(primal_.body, written);
        for (const StmtPtr& top : primal_.body) {
            if (!top || top->kind != Stmt::Kind::Declare) continue;
            // Declared once at the top and never written again: a constant.
            bool again = false;
            forEachStmt(primal_.body, [&](const Stmt& t) {
                if (&t == top.get()) return;
                if (t.kind == Stmt::Kind::Declare && t.name == top->name) again = true;
                if (t.kind == Stmt::Kind::Assign && t.target && chainRoot(*t.target) &&
                    chainRoot(*t.target)->name == top->name)
                    again = true;
                if (t.kind == Stmt::Kind::CallStmt && t.value)
                    for (const ExprPtr& a : t.value->operands)
                        if (a && isLvalueChain(*a) && chainRoot(*a)->name == top->name) again = true;
            });
            if (!again) written.erase(top->name);
        }
        forEachStmt(primal_.body, [&](const Stmt& t) {
            if (t.kind == Stmt::Kind::Declare && t.resolved && (t.resolved->isFloat() || t.resolved->isInt()))
                locals.insert(t.name);
        });
        restore_ = planRestores(primal_, reads_, written, locals, true);
        reads_ = restore_.reads;
        for (const Stmt* d : restore_.recomputed) recomputedVars_.insert(d->target->name);
    }
    // The forward sweep only needs to compute what the reverse sweep reads, what control flow
    // reads, and (transitively) what those are computed from.
    needed_ = reads_;
    std::function<void(const ast::Block&, bool&)> close = [&](const ast::Block& b, bool& grew) {
        auto need = [&](const Expr& e) {
            std::set<std::string> vs;
            varsOf(e, vs);
            for (const std::string& v : vs) grew = needed_.insert(v).second || grew;
        };
        for (const StmtPtr& sp : b) {
            if (!sp) continue;
            const Stmt& s = *sp;
            switch (s.kind) {
                case Stmt::Kind::Declare:
                    if (s.value && needed_.count(s.name)) need(*s.value);
                    break;
                case Stmt::Kind::Assign:
                    if (const Expr* r = chainRoot(*s.target); r && needed_.count(r->name)) {
                        need(*s.target);
                        need(*s.value);
                    }
                    break;
                case Stmt::Kind::CallStmt: {
                    bool any = false;
                    for (const ExprPtr& a : s.value->operands)
                        if (a && isLvalueChain(*a) && needed_.count(chainRoot(*a)->name)) any = true;
                    if (any) need(*s.value);
                    break;
                }
                case Stmt::Kind::If:
                case Stmt::Kind::While: need(*s.value); break;
                case Stmt::Kind::For:
                    for (const ExprPtr& a : s.rangeArgs) need(*a);
                    break;
                default: break;
            }
            close(s.body, grew);
            close(s.orelse, grew);
        }
    };
    for (bool grew = true; grew;) {
        grew = false;
        close(primal_.body, grew);
    }
}

bool ReverseDiffer::isActive(const Expr& e) {
    // Memoised: accumulate asks for every node of a chain (a product of n factors asked
    // n times for its prefixes: quadratic, and cubic with activeLeaves). The answer depends
    // only on the primal node, which lives as long as the differ.
    if (auto it = activeCache_.find(&e); it != activeCache_.end()) return it->second;
    bool a = computeActive(e);
    activeCache_[&e] = a;
    return a;
}

bool ReverseDiffer::computeActive(const Expr& e) {
    if (e.kind == Expr::Kind::Var) {
        if (loopVars_.count(e.name) || !adjointName_.count(e.name)) return false;
        return hasFloat(e.type);
    }
    if (e.kind == Expr::Kind::Call) {
        if (e.name == "int2float" || e.name == "float2int" || e.name == "thread_id") return false;
        if (!sema::findBuiltin(e.name) && !hasFloat(e.type)) return false;
    }
    if (e.kind == Expr::Kind::Binary && e.op != BinaryOp::Add && e.op != BinaryOp::Sub &&
        e.op != BinaryOp::Mul && e.op != BinaryOp::Div)
        return false;
    if (e.kind == Expr::Kind::Index) return hasFloat(e.type) && isActive(*e.operands[0]);
    if (e.kind == Expr::Kind::Member) return hasFloat(e.type) && isActive(*e.operands[0]);
    for (const ExprPtr& o : e.operands)
        if (o && isActive(*o)) return true;
    return false;
}

}  // namespace lomaw::ad

namespace lomaw::ad {

// Whether the reverse sweep of `b` can do anything: write an adjoint, restore a taped value or
// call a reverse derivative. Loops and branches without such work need no counters or recorded decisions.
bool ReverseDiffer::hasAdjointWork(const ast::Block& b) {
    for (const StmtPtr& sp : b) {
        if (!sp) continue;
        const Stmt& s = *sp;
        switch (s.kind) {
            case Stmt::Kind::Declare:
            case Stmt::Kind::Assign: {
                const std::string name = s.kind == Stmt::Kind::Declare ? s.name : chainRoot(*s.target)->name;
                if (adjointName_.count(name) && hasFloat(s.kind == Stmt::Kind::Declare ? s.resolved : s.target->type))
                    return true;
                if (reads_.count(name) && !outParams_.count(name)) return true;  // restored from a tape
                break;
            }
            case Stmt::Kind::CallStmt:
                if (isTapeIntrinsic(s.value->name)) break;
                return true;
            case Stmt::Kind::Return: return true;
            default:
                if (hasAdjointWork(s.body) || hasAdjointWork(s.orelse)) return true;
        }
    }
    return false;
}

}  // namespace lomaw::ad
