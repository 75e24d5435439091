// Reverse mode, analysis: which primal values the reverse sweep reads (and so must be
// restored when overwritten), and small structural queries.
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
    for (const StmtPtr& s : b) {
        if (!s) continue;
        if (s->kind == Stmt::Kind::Assign && s->target)
            if (const Expr* r = chainRoot(*s->target)) out.insert(r->name);
        if (s->kind == Stmt::Kind::Declare) out.insert(s->name);
        if (s->kind == Stmt::Kind::CallStmt && s->value)
            for (const ExprPtr& a : s->value->operands)  // Out arguments and atomic_add targets
                if (a && isLvalueChain(*a)) out.insert(chainRoot(*a)->name);
        writtenRoots(s->body, out);
        writtenRoots(s->orelse, out);
    }
}

// Variables whose values the adjoint code of `e` reads. In a linear position (a sum of
// terms) a variable is not read, only its adjoint is written; indices always are.
void ReverseDiffer::collectReads(const Expr& e, bool linear) {
    switch (e.kind) {
        case Expr::Kind::Var:
            if (!linear) reads_.insert(e.name);
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
                    if (out) collectIndexReads(*c.operands[i]);
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
                if (reevaluate) reads_.insert(vars.begin(), vars.end());
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
}

bool ReverseDiffer::isActive(const Expr& e) {
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
