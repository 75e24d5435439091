// Reverse mode, adjoint propagation through expressions: the reverse column of docs/language.md §4,
// and calls of reverse derivatives (§6.3 "Calls inside a reverse-differentiated function").
#include "syntax/AstWalk.h"
#include "ad/ReverseDiffer.h"
#include "sema/Builtins.h"

#include <functional>

namespace lomaw::ad {

using ast::BinaryOp;
using ast::Expr;

namespace {

ExprPtr call1(const char* fn, ExprPtr a) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(a));
    return tCall(fn, std::move(args), Type::floatType());
}

}  // namespace

ExprPtr ReverseDiffer::unused(const TypePtr& t) {
    std::string key = toString(t);
    auto it = unused_.find(key);
    if (it == unused_.end()) {
        std::string base = t->isFloat() ? "float" : t->isInt() ? "int" : t->structName;
        it = unused_.emplace(key, local("_unused_" + base, t)).first;
    }
    return copy(*it->second);
}

void ReverseDiffer::addInto(ExprPtr target, ExprPtr value, ast::Block& out) {
    const TypePtr t = target->type;
    if (!t || !value) return;
    if (t->isFloat()) {
        if (target->kind == Expr::Kind::Var && knownZero_.count(target->name)) {
            knownZero_.erase(target->name);  // 0 + value
            out.push_back(sAssign(std::move(target), std::move(value), loc_));
            return;
        }
        written(*target);
        if (isShared(*target)) out.push_back(sAtomicAdd(std::move(target), std::move(value), loc_));
        else {
            ExprPtr sum = tBin(BinaryOp::Add, copy(*target), std::move(value));
            out.push_back(sAssign(std::move(target), std::move(sum), loc_));
        }
        return;
    }
    if (t->isStruct()) {
        const MemberList* ms = ctx_.members(t->structName);
        if (!ms) return;
        for (const auto& [n, mt] : *ms)
            if (hasFloat(mt)) addInto(tMember(copy(*target), n, mt), tMember(copy(*value), n, mt), out);
        return;
    }
    if (t->isArray() && t->size > 0 && hasFloat(t->elem)) {
        std::string i = names_.fresh("_i");
        ast::Block body;
        addInto(tIndex(std::move(target), tVar(i, Type::intType(), loc_)),
                tIndex(std::move(value), tVar(i, Type::intType(), loc_)), body);
        std::vector<ExprPtr> range;
        range.push_back(tInt(t->size));
        out.push_back(sFor(i, std::move(range), std::move(body), loc_));
    }
    // Unbounded arrays inside structs are shared buffers the caller provides (§6.3).
}

void ReverseDiffer::zeroInto(ExprPtr target, ast::Block& out) {
    const TypePtr t = target->type;
    if (!t) return;
    if (t->isFloat()) {
        if (target->kind == Expr::Kind::Var) knownZero_.insert(target->name);
        else written(*target);
        out.push_back(sAssign(std::move(target), tFloat(0.0), loc_));
        return;
    }
    if (t->isStruct()) {
        const MemberList* ms = ctx_.members(t->structName);
        if (!ms) return;
        for (const auto& [n, mt] : *ms)
            if (hasFloat(mt)) zeroInto(tMember(copy(*target), n, mt), out);
        return;
    }
    if (t->isArray() && t->size > 0 && hasFloat(t->elem)) {
        std::string i = names_.fresh("_i");
        ast::Block body;
        zeroInto(tIndex(std::move(target), tVar(i, Type::intType(), loc_)), body);
        std::vector<ExprPtr> range;
        range.push_back(tInt(t->size));
        out.push_back(sFor(i, std::move(range), std::move(body), loc_));
    }
}

namespace {

bool isSimple(const Expr& e) {
    switch (e.kind) {
        case Expr::Kind::Var:
        case Expr::Kind::IntLit:
        case Expr::Kind::FloatLit: return true;
        case Expr::Kind::Member: return isSimple(*e.operands[0]);
        case Expr::Kind::Neg: return isSimple(*e.operands[0]);
        default: return false;
    }
}

}  // namespace

ExprPtr ReverseDiffer::operandValue(const Expr& e, ast::Block& out) {
    if (!e.type || !e.type->isFloat() || e.kind != Expr::Kind::Binary || !ast::largerThan(e, 8)) return copy(e);
    if (auto it = valueOf_.find(&e); it != valueOf_.end()) return tVar(it->second, e.type, loc_);
    if (!ast::pureArithmetic(e)) return copy(e);
    ExprPtr l = operandValue(*e.operands[0], out);
    ExprPtr r = operandValue(*e.operands[1], out);
    if (valueTempsUsed_ == valueTemps_.size()) valueTemps_.push_back(local("_v", Type::floatType()));
    ExprPtr t = copy(*valueTemps_[valueTempsUsed_++]);
    out.push_back(sAssign(copy(*t), tBin(e.op, std::move(l), std::move(r)), loc_));
    valueOf_[&e] = t->name;
    return t;
}

int ReverseDiffer::activeLeaves(const Expr& e) {
    if (!isActive(e)) return 0;
    if (isLvalueChain(e) || (e.kind == Expr::Kind::Call && !sema::findBuiltin(e.name))) return 1;
    int n = 0;
    for (const ExprPtr& o : e.operands)
        if (o) n += activeLeaves(*o);
    return n;
}

void ReverseDiffer::accumulate(const Expr& e, ExprPtr adj, ast::Block& out) {
    if (!adj || !isActive(e)) return;
    // An adjoint that is itself a computation and reaches several inputs is computed once.
    bool compound = e.kind == Expr::Kind::Binary || e.kind == Expr::Kind::Neg ||
                    (e.kind == Expr::Kind::Call && sema::findBuiltin(e.name));
    if (compound && adj->type && adj->type->isFloat() && !isSimple(*adj) && activeLeaves(e) >= 2) {
        size_t level = accumulateDepth_;
        if (level >= adjointTemps_.size()) adjointTemps_.push_back(local("_adj", Type::floatType()));
        ExprPtr t = copy(*adjointTemps_[level]);
        out.push_back(sAssign(copy(*t), std::move(adj), loc_));
        adj = std::move(t);
        ++accumulateDepth_;
        accumulate(e, std::move(adj), out);
        --accumulateDepth_;
        return;
    }
    switch (e.kind) {
        case Expr::Kind::Var:
        case Expr::Kind::Index:
        case Expr::Kind::Member:
            if (ExprPtr target = adjointOf(e)) addInto(std::move(target), std::move(adj), out);
            else accumulateIntoCallResult(e, std::move(adj), out);
            return;
        case Expr::Kind::Neg: accumulate(*e.operands[0], tNeg(std::move(adj)), out); return;
        case Expr::Kind::Binary: {
            const Expr& x = *e.operands[0];
            const Expr& y = *e.operands[1];
            switch (e.op) {
                case BinaryOp::Add:
                    accumulate(x, copy(*adj), out);
                    accumulate(y, std::move(adj), out);
                    return;
                case BinaryOp::Sub:
                    accumulate(x, copy(*adj), out);
                    accumulate(y, tNeg(std::move(adj)), out);
                    return;
                case BinaryOp::Mul:
                    // A square x·x: x̄ += (r̄·2)·x once, not r̄·x twice (one addition fewer per
                    // use, and r̄·2 is loop-invariant when r̄ is).
                    if (isActive(x) && ast::equal(x, y) && ast::pureArithmetic(x)) {
                        accumulate(x, fMul(fMul(std::move(adj), tFloat(2.0)), operandValue(x, out)), out);
                        return;
                    }
                    // x̄ += r̄·y; ȳ += r̄·x
                    if (isActive(x)) accumulate(x, fMul(copy(*adj), operandValue(y, out)), out);
                    if (isActive(y)) accumulate(y, fMul(std::move(adj), operandValue(x, out)), out);
                    return;
                case BinaryOp::Div:
                    // x̄ += r̄/y; ȳ += −(r̄/y/y)·x. Written so, not −r̄·x/(y·y), because r̄/y/y
                    // is loop-invariant when r̄ and y are (a sum of x[i] / c): the C compiler
                    // hoists it and the loop has no division left. When y changes in the loop
                    // (a Newton step g = (g + x / g) / 2), ȳ += (r̄/y)·(−(x/y)) instead: the same
                    // two divisions (r̄/y is shared with x̄'s), one of them off the chain of
                    // adjoints that runs from one iteration to the next (Newton: 10 → 6.8 ×
                    // the primal).
                    accumulate(x, fDiv(copy(*adj), primalValue(y)), out);
                    if (isActive(y)) {
                        if (variesInLoop(y))
                            accumulate(y, fMul(fDiv(std::move(adj), primalValue(y)),
                                               tNeg(fDiv(primalValue(x), primalValue(y)))), out);
                        else
                            accumulate(y, fMul(tNeg(fDiv(fDiv(std::move(adj), primalValue(y)), primalValue(y))),
                                               primalValue(x)), out);
                    }
                    return;
                default: return;  // comparisons, and/or: no adjoint
            }
        }
        case Expr::Kind::Call: {
            const std::string& n = e.name;
            if (n == "make__dfloat" && e.operands.size() == 2) {
                // Its reverse derivative splits the adjoint struct member-wise.
                TypePtr f = Type::floatType();
                accumulate(*e.operands[0], tMember(copy(*adj), "val", f), out);
                accumulate(*e.operands[1], tMember(std::move(adj), "dval", f), out);
                return;
            }
            if (!sema::findBuiltin(n)) {
                accumulateCall(e, std::move(adj), out);
                return;
            }
            if (e.operands.empty()) return;
            const Expr& x = *e.operands[0];
            ExprPtr d;
            if (n == "sin") d = fMul(std::move(adj), call1("cos", primalValue(x)));
            else if (n == "cos") d = fMul(tNeg(std::move(adj)), call1("sin", primalValue(x)));
            else if (n == "sqrt") d = fDiv(std::move(adj), tBin(BinaryOp::Mul, tFloat(2.0), call1("sqrt", primalValue(x))));
            else if (n == "exp") d = fMul(std::move(adj), call1("exp", primalValue(x)));
            else if (n == "log") d = fDiv(std::move(adj), primalValue(x));
            else if (n == "pow" && e.operands.size() == 2) {
                const Expr& y = *e.operands[1];
                auto pow2 = [&](ExprPtr a, ExprPtr b) {
                    std::vector<ExprPtr> args;
                    args.push_back(std::move(a));
                    args.push_back(std::move(b));
                    return tCall("pow", std::move(args), Type::floatType());
                };
                // x̄ += r̄·y·x^(y−1); ȳ += r̄·x^y·ln x
                if (isActive(y))
                    accumulate(y, fMul(fMul(copy(*adj), pow2(primalValue(x), primalValue(y))),
                                       call1("log", primalValue(x))), out);
                d = fMul(fMul(std::move(adj), primalValue(y)),
                         pow2(primalValue(x), tBin(BinaryOp::Sub, primalValue(y), tFloat(1.0))));
            } else {
                return;  // int2float, float2int, thread_id: no adjoint
            }
            accumulate(x, std::move(d), out);
            return;
        }
        default: return;
    }
}

// `h(a).m[i]` (a member or element of a call's result, docs/language.md §3.4): the call's result
// adjoint is a zeroed temporary of the result type whose selected part receives `adj`; it is
// then passed to h's reverse derivative as _dreturn.
void ReverseDiffer::accumulateIntoCallResult(const Expr& e, ExprPtr adj, ast::Block& out) {
    const Expr* base = &e;
    while ((base->kind == Expr::Kind::Member || base->kind == Expr::Kind::Index) && !base->operands.empty())
        base = base->operands[0].get();
    if (base->kind != Expr::Kind::Call || sema::findBuiltin(base->name) || !base->type || !hasFloat(base->type))
        return;
    ExprPtr tmp = local("_d_" + base->name + "_return", base->type);
    zeroInto(copy(*tmp), out);
    // Rebuild the selection on the temporary.
    std::function<ExprPtr(const Expr&)> rebuild = [&](const Expr& x) -> ExprPtr {
        if (&x == base) return copy(*tmp);
        if (x.kind == Expr::Kind::Member) return tMember(rebuild(*x.operands[0]), x.name, x.type);
        return tIndex(rebuild(*x.operands[0]), copy(*x.operands[1]));
    };
    addInto(rebuild(e), std::move(adj), out);
    accumulateCall(*base, std::move(tmp), out);
}

// r = h(a, b, ...): the reverse derivative of h with, for every In argument, its value and the
// adjoint it accumulates into (the argument's own adjoint when it is a location we may pass,
// otherwise a zeroed temporary propagated afterwards); for every Out argument its adjoint as
// input (then set to 0 for scalars and structs; arrays are consumed by the callee); and
// `adjReturn` (zero when null) as _dreturn.
void ReverseDiffer::accumulateCall(const Expr& call, ExprPtr adjReturn, ast::Block& out) {
    const ast::Function* sig = ctx_.signature(call.name);
    if (!sig || sig->params.size() != call.operands.size()) {
        ctx_.internalError(call.loc, "cannot differentiate the call of '" + call.name + "'");
        return;
    }
    bool anyActive = false;
    for (size_t i = 0; i < call.operands.size(); ++i)
        anyActive = anyActive || sig->params[i].isOut || isActive(*call.operands[i]);
    if (!anyActive) return;  // nothing flows back
    if (shared_) ctx_.markShared(call.name);
    // Zeroing an Out argument's adjoint after the call is exact only when the callee
    // overwrites the zeroed part on every path (definitelyWritten covers writtenMembers). A
    // callee that writes it on some paths only (inside an if), or writes part of a member, is
    // called through its consuming derivative instead: the adjoint is passed by reference and
    // the callee's reverse sweep zeroes it exactly where its primal wrote (like Out arrays).
    auto zeroedExactly = [&](size_t i) {
        const ast::Param& p = sig->params[i];
        AdContext::DefiniteWrites d = ctx_.definitelyWritten(call.name, i);
        if (d.whole) return true;
        if (!p.resolved->isStruct()) return false;
        const std::set<std::string>* maybe = ctx_.writtenMembers(call.name, i);
        const MemberList* layout = maybe ? ctx_.members(p.resolved->structName) : nullptr;
        if (!layout) return false;
        for (const auto& [n, mt] : *layout)
            if (maybe->count(n) && hasFloat(mt) && !d.members.count(n)) return false;
        return true;
    };
    bool consuming = false;
    for (size_t i = 0; i < call.operands.size(); ++i) {
        const ast::Param& p = sig->params[i];
        if (!p.isOut || !p.resolved || p.resolved->isArray() || !hasFloat(p.resolved)) continue;
        if (!adjointOf(*call.operands[i]) || ctx_.readsOutParam(call.name, i)) continue;
        if (!zeroedExactly(i)) consuming = true;
    }
    std::string callee = consuming ? ctx_.consumingDerivativeName(call.name)
                                   : ctx_.derivativeName(call.name, Mode::Reverse);
    std::vector<ExprPtr> args;
    // `zeroes` (Out arguments' adjoints, the overwritten values have none) run before `after`
    // (adjoints of In arguments propagated from temporaries): an In argument is read on entry,
    // so its adjoint belongs to the entry value even when the call overwrites the same variable
    // (`sq(r, r)`, `f(r * c, r)`, `g(s, s.a)`).
    ast::Block before, zeroes, after;
    std::vector<std::pair<const Expr*, ExprPtr>> propagate;  // In argument -> its temporary adjoint
    const std::set<size_t>& inout = ctx_.inoutParams(call.name);
    // Roots of the adjoints that Out arguments pass: an In argument whose adjoint shares one
    // goes through a temporary, else the callee's accumulation into it would be taken for the
    // Out value's adjoint (zeroed after the call, or consumed inside the callee).
    std::set<std::string> outRoots;
    for (size_t i = 0; i < call.operands.size(); ++i)
        if (sig->params[i].isOut)
            if (ExprPtr adj = adjointOf(*call.operands[i]))
                if (const Expr* root = chainRoot(*adj)) outRoots.insert(root->name);
    for (size_t i = 0; i < call.operands.size(); ++i) {
        const ast::Param& p = sig->params[i];
        const Expr& a = *call.operands[i];
        if (p.isOut && inout.count(i)) {
            // Read and written in place by the callee: its derivative takes the entry value
            // (restored by now) and replaces the adjoint in place (AdContext::inoutParams).
            args.push_back(copy(a));
            ExprPtr adj = adjointOf(a);
            if (adj) written(*adj);
            args.push_back(adj ? std::move(adj) : unused(p.resolved));
            continue;
        }
        if (p.isOut) {
            ExprPtr adj = adjointOf(a);
            if (!adj) {
                // No float inside: an adjoint input the callee ignores. Not the argument itself,
                // whose value the forward sweep need not have computed (nor declared).
                if (p.resolved->isArray()) args.push_back(copy(a));  // kept by the read set
                else if (p.resolved->isInt()) args.push_back(tInt(0));
                else if (p.resolved->isFloat()) args.push_back(tFloat(0.0));
                else args.push_back(unused(p.resolved));  // a struct without adjoint: never written
                continue;
            }
            written(*adj);
            args.push_back(copy(*adj));
            // The overwritten value has no adjoint, unless the callee accumulates into the
            // location (then the entry value reaches the exit value with slope 1).
            if (p.resolved->isArray() || consuming || ctx_.readsOutParam(call.name, i)) continue;
            // Of a struct, only the members the callee writes: the others keep their value
            // across the call, so their adjoints pass through.
            const std::set<std::string>* members =
                p.resolved->isStruct() ? ctx_.writtenMembers(call.name, i) : nullptr;
            const MemberList* layout = members ? ctx_.members(p.resolved->structName) : nullptr;
            if (!layout) {
                zeroInto(std::move(adj), zeroes);
                continue;
            }
            for (const auto& [n, mt] : *layout)
                if (members->count(n) && hasFloat(mt)) zeroInto(tMember(copy(*adj), n, mt), zeroes);
            continue;
        }
        args.push_back(copy(a));
        if (p.resolved->isArray()) {
            ExprPtr adj = adjointOf(a);
            args.push_back(adj ? std::move(adj) : copy(a));  // int arrays: never touched
            continue;
        }
        if (!hasFloat(p.resolved) || !isActive(a)) {
            args.push_back(unused(p.resolved));  // an adjoint nobody reads
            continue;
        }
        ExprPtr direct = isLvalueChain(a) ? adjointOf(a) : nullptr;
        const Expr* directRoot = direct ? chainRoot(*direct) : nullptr;
        if (direct && !isShared(*direct) && !(directRoot && outRoots.count(directRoot->name))) {
            written(*direct);
            args.push_back(std::move(direct));
            continue;
        }
        ExprPtr tmp = local("_d_" + call.name + "_" + p.name, p.resolved);
        zeroInto(copy(*tmp), before);
        written(*tmp);
        args.push_back(copy(*tmp));
        propagate.emplace_back(&a, std::move(tmp));
    }
    for (auto& [a, tmp] : propagate) accumulate(*a, std::move(tmp), after);
    if (sig->returnType && !sig->returnType->isVoid()) {
        if (!adjReturn) {
            if (sig->returnType->isFloat()) adjReturn = tFloat(0.0);
            else if (sig->returnType->isInt()) adjReturn = tInt(0);
            else adjReturn = unused(sig->returnType);  // never written: all zero
        }
        args.push_back(std::move(adjReturn));
    }
    for (StmtPtr& s : before) out.push_back(std::move(s));
    out.push_back(sCall(tCall(callee, std::move(args), Type::voidType(), call.loc), loc_));
    for (StmtPtr& s : zeroes) out.push_back(std::move(s));
    for (StmtPtr& s : after) out.push_back(std::move(s));
}

}  // namespace lomaw::ad
