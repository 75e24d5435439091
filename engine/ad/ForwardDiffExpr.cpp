// Forward mode, expressions: the tangent rules of docs/language.md §4.
#include "syntax/AstWalk.h"
#include "ad/ForwardDiffer.h"
#include "sema/Builtins.h"
#include "sema/DifferentialType.h"
#include "syntax/PrettyPrinter.h"

namespace lomaw::ad {

using ast::BinaryOp;
using ast::Expr;

namespace {

ExprPtr call1(const char* fn, ExprPtr a) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(a));
    return tCall(fn, std::move(args), Type::floatType());
}

ExprPtr call2(const char* fn, ExprPtr a, ExprPtr b) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(a));
    args.push_back(std::move(b));
    return tCall(fn, std::move(args), Type::floatType());
}

bool isComparisonOrLogic(BinaryOp op) {
    return op != BinaryOp::Add && op != BinaryOp::Sub && op != BinaryOp::Mul && op != BinaryOp::Div;
}

}  // namespace

ExprPtr ForwardDiffer::shareValue(ExprPtr v) {
    if (nested_) return shareNested(std::move(v));
    if (seeding_ || !v || !v->type || !v->type->isFloat() || !ast::largerThan(*v, 8) || !ast::pureArithmetic(*v)) return v;
    return evaluateIntoTemporary(std::move(v));
}

ExprPtr ForwardDiffer::evaluateIntoTemporary(ExprPtr v, const char* base) {
    std::string name = names_.fresh(base);
    const TypePtr f = Type::floatType();
    temps_.push_back(sDeclare(name, f, nullptr, loc_));
    prelude_.push_back(sAssign(tVar(name, f, loc_), std::move(v), loc_));
    return tVar(name, f, loc_);
}

namespace {
// Float values that can be evaluated into a temporary just before their statement: pure
// arithmetic and the float intrinsics (no trap; a prelude inside the right operand of
// `and`/`or` runs only where the operand would, see logic()).
bool sharable(const Expr& e) {
    if (e.kind == Expr::Kind::Call) {
        static const char* const pure[] = {"sin", "cos", "exp", "sqrt", "log", "pow", "int2float"};
        bool known = false;
        for (const char* n : pure) known = known || e.name == n;
        if (!known) return false;
        for (const ExprPtr& o : e.operands)
            if (!o || !(o->type && o->type->isInt() ? ast::pureArithmetic(*o) : sharable(*o))) return false;
        return true;
    }
    if (e.kind == Expr::Kind::Binary || e.kind == Expr::Kind::Neg) {
        if (e.kind == Expr::Kind::Binary && e.op != BinaryOp::Add && e.op != BinaryOp::Sub &&
            e.op != BinaryOp::Mul && e.op != BinaryOp::Div)
            return false;
        if (!e.type || !e.type->isFloat()) return false;
        for (const ExprPtr& o : e.operands)
            if (!o || !sharable(*o)) return false;
        return true;
    }
    return ast::pureArithmetic(e);
}

// A variable, element, member or literal (possibly negated): copying it costs nothing.
bool isLeaf(const Expr& e) {
    if (e.kind == Expr::Kind::Neg) return isLeaf(*e.operands[0]);
    return e.kind == Expr::Kind::FloatLit || e.kind == Expr::Kind::IntLit || isLvalueChain(e);
}
}  // namespace

ExprPtr ForwardDiffer::shareNested(ExprPtr v) {
    if (!nested_ || seeding_ || !v || !v->type || !v->type->isFloat() || isLeaf(*v) || !sharable(*v)) return v;
    std::string key = syntax::printExpr(*v);
    if (auto it = sharedValues_.find(key); it != sharedValues_.end()) return tVar(it->second, v->type, loc_);
    ExprPtr t = evaluateIntoTemporary(std::move(v));
    sharedValues_.emplace(std::move(key), t->name);
    return t;
}

ExprPtr ForwardDiffer::splitLong(ExprPtr tangent) {
    if (seeding_ || !tangent || !tangent->type || !tangent->type->isFloat() || !ast::largerThan(*tangent, kMaxTangentNodes) ||
        !sharable(*tangent))
        return tangent;
    return evaluateIntoTemporary(std::move(tangent), "_part");
}

ExprPtr ForwardDiffer::hoist(ExprPtr call, SourceLoc loc) {
    TypePtr t = call->type;
    std::string name = names_.fresh("_r_" + call->name);
    temps_.push_back(sDeclare(name, t, nullptr, loc));
    prelude_.push_back(sAssign(tVar(name, t, loc), std::move(call), loc));
    sharedValues_.clear();
    ++hoists_;
    return tVar(name, t, loc);
}

ExprPtr ForwardDiffer::makeDual(Dual d) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(d.val));
    args.push_back(orZero(std::move(d.dval)));
    return tCall("make__dfloat", std::move(args), Type::structType("_dfloat"), loc_);
}

ExprPtr ForwardDiffer::callDerivative(const Expr& call) {
    const ast::Function* sig = ctx_.signature(call.name);
    if (!sig || sig->params.size() != call.operands.size()) {
        ctx_.internalError(call.loc, "cannot differentiate the call of '" + call.name + "'");
        return tCall(call.name, {}, sema::differentialType(call.type), call.loc);
    }
    std::string callee = ctx_.derivativeName(call.name, Mode::Forward);
    std::vector<ExprPtr> args;
    for (size_t i = 0; i < call.operands.size(); ++i) {
        const ast::Param& p = sig->params[i];
        const Expr& a = *call.operands[i];
        if (p.isOut) args.push_back(chain(a));
        else args.push_back(diffValue(a));
    }
    TypePtr ret = sig->returnType ? sema::differentialType(sig->returnType) : Type::voidType();
    return tCall(callee, std::move(args), ret, call.loc);
}

ExprPtr ForwardDiffer::chain(const Expr& e) {
    switch (e.kind) {
        case Expr::Kind::Var: return tVar(e.name, sema::differentialType(e.type), e.loc);
        case Expr::Kind::Index: return tIndex(chain(*e.operands[0]), value(*e.operands[1]));
        case Expr::Kind::Member:
            return tMember(chain(*e.operands[0]), e.name, sema::differentialType(e.type));
        case Expr::Kind::Call:
            if (!sema::findBuiltin(e.name) || e.name == "make__dfloat") return hoist(callDerivative(e), e.loc);
            break;
        default: break;
    }
    // Not a location: only scalars get here (e.g. a float expression passed on).
    if (e.type && e.type->isFloat()) return makeDual(dual(e));
    if (e.type && e.type->isInt()) return value(e);
    ctx_.internalError(e.loc, "unexpected expression of type " + toString(e.type));
    return tInt(0);
}

ExprPtr ForwardDiffer::diffValue(const Expr& e) {
    if (e.type && e.type->isFloat()) {
        bool userCall = e.kind == Expr::Kind::Call && !sema::findBuiltin(e.name);
        if (isLvalueChain(e) || userCall) return chain(e);
        return makeDual(dual(e));
    }
    if (e.type && e.type->isInt()) return value(e);
    return chain(e);
}

ExprPtr ForwardDiffer::value(const Expr& e) {
    if (e.type && e.type->isFloat()) return dual(e).val;
    switch (e.kind) {
        case Expr::Kind::IntLit: return copy(e);
        case Expr::Kind::Var:
        case Expr::Kind::Index:
        case Expr::Kind::Member: return chain(e);
        case Expr::Kind::Neg: return tNeg(value(*e.operands[0]));
        case Expr::Kind::Binary: {
            if (e.op == BinaryOp::And || e.op == BinaryOp::Or) return logic(e);
            ExprPtr l = value(*e.operands[0]);
            ExprPtr r = value(*e.operands[1]);
            ExprPtr b = tBin(e.op, std::move(l), std::move(r));
            b->type = e.type;
            b->loc = e.loc;
            return b;
        }
        case Expr::Kind::Call: {
            if (e.name == "float2int" || e.name == "thread_id") {
                std::vector<ExprPtr> args;
                for (const ExprPtr& a : e.operands) args.push_back(value(*a));
                ExprPtr c = tCall(e.name, std::move(args), e.type, e.loc);
                c->implicitConversion = e.implicitConversion;
                return c;
            }
            return hoist(callDerivative(e), e.loc);
        }
        default: break;
    }
    ctx_.internalError(e.loc, "unexpected int expression");
    return tInt(0);
}

// `l and r` / `l or r` on primal values. When r calls a function (hoisted into a temporary),
// the call must run only when l does not decide, as in the primal (§3.4):
//   and:  if l: <r's calls>; _cond = l and r  else: _cond = 0
//   or:   if l: _cond = 1  else: <r's calls>; _cond = l or r
ExprPtr ForwardDiffer::logic(const Expr& e) {
    ExprPtr l = value(*e.operands[0]);
    size_t mark = prelude_.size();
    auto sharedBefore = sharedValues_;
    const size_t hoistsBefore = hoists_;
    ExprPtr r = value(*e.operands[1]);
    // Values first shared in r are assigned only when r is evaluated; after a call in r
    // (which may write variables) nothing shared is reused.
    if (hoists_ == hoistsBefore) sharedValues_ = std::move(sharedBefore);
    auto combine = [&](ExprPtr a, ExprPtr b) {
        ExprPtr c = tBin(e.op, std::move(a), std::move(b));
        c->type = e.type;
        c->loc = e.loc;
        return c;
    };
    if (prelude_.size() == mark) return combine(std::move(l), std::move(r));
    ast::Block rightCalls;
    for (size_t k = mark; k < prelude_.size(); ++k) rightCalls.push_back(std::move(prelude_[k]));
    prelude_.resize(mark);
    TypePtr t = e.type ? e.type : Type::intType();
    std::string name = names_.fresh("_cond");
    temps_.push_back(sDeclare(name, t, nullptr, e.loc));
    auto var = [&] { return tVar(name, t, e.loc); };
    rightCalls.push_back(sAssign(var(), combine(copy(*l), std::move(r)), e.loc));
    ast::Block decided;
    long long decidedValue = e.op == BinaryOp::And ? 0 : 1;
    decided.push_back(sAssign(var(), t->isFloat() ? tFloat(double(decidedValue), e.loc) : tInt(decidedValue, e.loc), e.loc));
    if (e.op == BinaryOp::And) prelude_.push_back(sIf(std::move(l), std::move(rightCalls), std::move(decided), e.loc));
    else prelude_.push_back(sIf(std::move(l), std::move(decided), std::move(rightCalls), e.loc));
    return var();
}

Dual ForwardDiffer::dual(const Expr& e) {
    switch (e.kind) {
        case Expr::Kind::FloatLit: return {copy(e), nullptr};
        case Expr::Kind::IntLit: return {tToFloat(copy(e)), nullptr};
        case Expr::Kind::Var:
        case Expr::Kind::Index:
        case Expr::Kind::Member: {
            ExprPtr c = chain(e);
            ExprPtr val = tMember(copy(*c), "val", Type::floatType());
            return {std::move(val), seededTangent(e, tMember(std::move(c), "dval", Type::floatType()))};
        }
        case Expr::Kind::Neg: {
            Dual a = dual(*e.operands[0]);
            return {tNeg(std::move(a.val)), a.dval ? tNeg(std::move(a.dval)) : nullptr};
        }
        case Expr::Kind::Binary: {
            if (e.op == BinaryOp::And || e.op == BinaryOp::Or) return {logic(e), nullptr};
            if (isComparisonOrLogic(e.op)) {
                ExprPtr b = tBin(e.op, value(*e.operands[0]), value(*e.operands[1]));
                b->type = e.type;
                b->loc = e.loc;
                return {std::move(b), nullptr};
            }
            if (Dual f; factoredDual(e, f)) return f;
            Dual a = dual(*e.operands[0]);
            Dual b = dual(*e.operands[1]);
            if ((e.op == BinaryOp::Mul || e.op == BinaryOp::Div) && (a.dval || b.dval)) {
                // The tangent repeats the operands' values: large ones are computed once.
                a.val = shareValue(std::move(a.val));
                b.val = shareValue(std::move(b.val));
            }
            ExprPtr d;
            ExprPtr quotient;  // x/y, when the tangent repeats it
            switch (e.op) {
                case BinaryOp::Add: d = fAdd(std::move(a.dval), std::move(b.dval)); break;
                case BinaryOp::Sub: d = fSub(std::move(a.dval), std::move(b.dval)); break;
                case BinaryOp::Mul:
                    d = fAdd(fMul(std::move(a.dval), copy(b.val)), fMul(copy(a.val), std::move(b.dval)));
                    break;
                case BinaryOp::Div:
                    // (x'y - xy')/(yy) written (x' - (x/y)y') * (1/y): x/y is the value (shared
                    // with it) and 1/y is loop-invariant where y is, so the C compiler hoists it:
                    // one division per iteration instead of two in `s = s + x[i] / m`. No y*y
                    // to overflow either.
                    if (b.dval) quotient = shareNested(tBin(BinaryOp::Div, copy(a.val), copy(b.val)));
                    if (a.dval || b.dval)
                        d = fMul(fSub(std::move(a.dval), fMul(copy(quotient), std::move(b.dval))),
                                 tBin(BinaryOp::Div, tFloat(1.0), copy(b.val)));
                    break;
                default: break;
            }
            ExprPtr v = quotient ? std::move(quotient) : tBin(e.op, std::move(a.val), std::move(b.val));
            v->loc = e.loc;
            return {std::move(v), splitLong(std::move(d))};
        }
        case Expr::Kind::Call: {
            const sema::BuiltinInfo* b = sema::findBuiltin(e.name);
            if (b && e.name != "make__dfloat") return intrinsic(e);
            ExprPtr t = hoist(callDerivative(e), e.loc);
            ExprPtr val = tMember(copy(*t), "val", Type::floatType());
            return {std::move(val), tMember(std::move(t), "dval", Type::floatType())};
        }
    }
    ctx_.internalError(e.loc, "unexpected float expression");
    return {tFloat(0.0), nullptr};
}

Dual ForwardDiffer::intrinsic(const Expr& e) {
    const std::string& n = e.name;
    if (n == "int2float") {
        ExprPtr c = tCall("int2float", {}, Type::floatType(), e.loc);
        c->operands.push_back(value(*e.operands[0]));
        c->implicitConversion = e.implicitConversion;
        return {std::move(c), nullptr};
    }
    if (e.operands.empty()) {
        ctx_.internalError(e.loc, "unexpected call of '" + n + "'");
        return {tFloat(0.0), nullptr};
    }
    Dual x = dual(*e.operands[0]);
    if (x.dval) x.val = shareNested(std::move(x.val));  // the tangent repeats it
    ExprPtr d;
    if (n == "sin") {
        d = fMul(call1("cos", copy(x.val)), std::move(x.dval));
    } else if (n == "cos") {
        d = fMul(tNeg(call1("sin", copy(x.val))), std::move(x.dval));
    } else if (n == "sqrt" || n == "exp") {
        // The tangent needs the value itself (exp′ = exp, sqrt′ = 1 / (2 sqrt)): the call is made
        // once, into a temporary, not once for each. The C compiler does not merge libm calls
        // (they may set errno): d/dx log(1 + exp(x)) made three calls of expf, 2.0× the primal.
        ExprPtr v = call1(n.c_str(), std::move(x.val));
        v->loc = e.loc;
        if (x.dval && !nested_ && !seeding_ && sharable(*v)) v = evaluateIntoTemporary(std::move(v));
        if (n == "exp") d = fMul(copy(*v), std::move(x.dval));
        else if (x.dval) d = fDiv(std::move(x.dval), tBin(BinaryOp::Mul, tFloat(2.0), copy(*v)));
        return {std::move(v), splitLong(std::move(d))};
    } else if (n == "log") {
        d = fDiv(std::move(x.dval), copy(x.val));
    } else if (n == "pow" && e.operands.size() == 2) {
        Dual y = dual(*e.operands[1]);
        if (y.dval) {
            x.val = shareNested(std::move(x.val));
            y.val = shareNested(std::move(y.val));
        } else if (x.dval) {
            y.val = shareNested(std::move(y.val));
        }
        // x' * y * x^(y-1); the y' * x^y * ln x term only when y' is not statically zero (§4).
        if (x.dval)
            d = fMul(fMul(std::move(x.dval), copy(y.val)),
                     call2("pow", copy(x.val), tBin(BinaryOp::Sub, copy(y.val), tFloat(1.0))));
        if (y.dval)
            d = fAdd(std::move(d), fMul(fMul(std::move(y.dval), call2("pow", copy(x.val), copy(y.val))),
                                        call1("log", copy(x.val))));
        ExprPtr v = call2("pow", std::move(x.val), std::move(y.val));
        v->loc = e.loc;
        return {std::move(v), splitLong(std::move(d))};
    } else {
        ctx_.internalError(e.loc, "no derivative rule for '" + n + "'");
    }
    ExprPtr v = call1(n.c_str(), std::move(x.val));
    v->loc = e.loc;
    return {std::move(v), splitLong(std::move(d))};
}

}  // namespace lomaw::ad
