#include "codegen/CExprEmitter.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "codegen/CBoundsChecks.h"
#include "codegen/CText.h"

namespace lomaw::codegen {

using ast::BinaryOp;
using ast::Expr;

std::string cWrap(const CExpr& e, int minPrec) {
    return e.prec >= minPrec ? e.text : "(" + e.text + ")";
}

std::string cFloatLiteral(double value) {
    if (std::isnan(value)) return "NAN";
    const double maxFloat = std::numeric_limits<float>::max();
    // Doubles at or beyond the midpoint between FLT_MAX and 2^128 round to infinity.
    const double overflow = std::ldexp(1.0, 128) - std::ldexp(1.0, 103);
    if (std::fabs(value) >= overflow) return value > 0 ? "INFINITY" : "-INFINITY";
    float f = std::fabs(value) > maxFloat ? static_cast<float>(std::copysign(maxFloat, value))
                                          : static_cast<float>(value);
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, f);  // shortest round-trip digits
    std::string s(buf, res.ptr);
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s + "f";
}

bool isComparison(BinaryOp op) {
    return op == BinaryOp::Less || op == BinaryOp::LessEq || op == BinaryOp::Greater ||
           op == BinaryOp::GreaterEq || op == BinaryOp::Equal;
}

namespace {

const char* mathFunction(const std::string& name) {
    if (name == "sin") return "sinf";
    if (name == "cos") return "cosf";
    if (name == "sqrt") return "sqrtf";
    if (name == "exp") return "expf";
    if (name == "log") return "logf";
    if (name == "pow") return "powf";
    return nullptr;
}

bool isIntrinsic(const std::string& name) {
    return mathFunction(name) || name == "int2float" || name == "float2int" ||
           name == "thread_id" || name == "atomic_add";
}

bool isFloatTyped(const Expr& e) { return e.type && e.type->isFloat(); }

}  // namespace

CExpr CExprEmitter::internalError(const std::string& what) {
    scope_.unit.usesInternalError = true;
    return {"/* " + cCommentText("internal compiler error: " + what) + " */ 0", kPrecPrimary};
}

// ---------------------------------------------------------------- stability

bool CExprEmitter::isStable(const Expr& e) const {
    if (auto it = stableCache_.find(&e); it != stableCache_.end()) return it->second;
    const bool stable = computeStable(e);
    stableCache_.emplace(&e, stable);
    return stable;
}

bool CExprEmitter::computeStable(const Expr& e) const {
    switch (e.kind) {
        case Expr::Kind::IntLit:
        case Expr::Kind::FloatLit: return true;
        case Expr::Kind::Var: {
            const CVar* v = scope_.find(e.name);
            return v && v->access == CVar::Access::Value;
        }
        case Expr::Kind::Member: return isStable(*e.operands[0]);
        case Expr::Kind::Index: return false;  // array contents can change under a call
        case Expr::Kind::Neg:
        case Expr::Kind::Binary:
            return std::all_of(e.operands.begin(), e.operands.end(),
                               [&](const ast::ExprPtr& o) { return isStable(*o); });
        case Expr::Kind::Call:
            if (!isIntrinsic(e.name) && e.name != "make__dfloat") return false;
            if (e.name == "atomic_add") return false;
            return std::all_of(e.operands.begin(), e.operands.end(),
                               [&](const ast::ExprPtr& o) { return isStable(*o); });
    }
    return false;
}

bool CExprEmitter::isStableAddress(const Expr& e) const {
    switch (e.kind) {
        case Expr::Kind::Var: return true;
        case Expr::Kind::Index: return isStableAddress(*e.operands[0]) && isStable(*e.operands[1]);
        case Expr::Kind::Member: return isStableAddress(*e.operands[0]);
        default: return false;
    }
}

// ---------------------------------------------------------------- operands in loma order

std::string CExprEmitter::materializeValue(const Expr& e, const CExpr& c, CPrelude& pre) {
    std::string t = scope_.temp("t");
    std::string type = e.type ? cValueType(*e.type) : "int";
    pre.line(type + " " + t + " = " + c.text + ";");
    return t;
}

CExpr CExprEmitter::render(const Operand& op, CPrelude& pre) {
    switch (op.mode) {
        case Mode::Value: return value(*op.expr, pre);
        case Mode::Array: return path(*op.expr, pre, false);
        case Mode::Address: return address(*op.expr, pre);
    }
    return value(*op.expr, pre);
}

// Renders the operands; when a call among them may write memory another one reads, every
// operand whose value could change is evaluated into a temporary, left to right.
std::string CExprEmitter::operands(const std::vector<Operand>& ops, CPrelude& pre,
                                   std::vector<CExpr>& out) {
    auto stable = [&](const Operand& o) {
        return o.mode == Mode::Value ? isStable(*o.expr) : isStableAddress(*o.expr);
    };
    bool anyWrite = false;
    int unstable = 0;
    for (const Operand& o : ops) {
        anyWrite = anyWrite || order_.mayWrite(*o.expr);
        if (!stable(o)) ++unstable;
    }
    const bool hoist = anyWrite && unstable >= 2;
    std::string joined;
    for (const Operand& o : ops) {
        CExpr c = render(o, pre);
        if (hoist && !stable(o)) {
            const Type* t = o.expr->type.get();
            std::string ctype = !t ? "int"
                                : o.mode == Mode::Value   ? cValueType(*t)
                                : o.mode == Mode::Array   ? cParamType(*t, false)
                                                          : cValueType(*t) + "*";
            std::string tmp = scope_.temp("t");
            pre.line(ctype + " " + tmp + " = " + c.text + ";");
            c = {tmp, kPrecPrimary};
        }
        if (!joined.empty()) joined += ", ";
        joined += c.text;
        out.push_back(std::move(c));
    }
    return joined;
}

// ---------------------------------------------------------------- variables, paths

CExpr CExprEmitter::variable(const Expr& e) {
    const CVar* v = scope_.find(e.name);
    if (!v) return internalError("unknown variable " + e.name);
    if (v->access == CVar::Access::Pointer) return {"(*" + v->cName + ")", kPrecPrimary};
    return {v->cName, kPrecPrimary};
}

CExpr CExprEmitter::path(const Expr& e, CPrelude& pre, bool forceHoist) {
    std::vector<const Expr*> steps;
    const Expr* root = &e;
    while ((root->kind == Expr::Kind::Index || root->kind == Expr::Kind::Member) &&
           !root->operands.empty() && root->operands[0]) {
        steps.push_back(root);
        root = root->operands[0].get();
    }
    std::reverse(steps.begin(), steps.end());

    // The evaluated parts of the path in loma order: the root (when it is a call result),
    // then the index expressions left to right.
    bool anyWrite = root->kind != Expr::Kind::Var && order_.mayWrite(*root);
    int unstable = root->kind != Expr::Kind::Var && !isStable(*root) ? 1 : 0;
    for (const Expr* s : steps) {
        if (s->kind != Expr::Kind::Index) continue;
        anyWrite = anyWrite || order_.mayWrite(*s->operands[1]);
        if (!isStable(*s->operands[1])) ++unstable;
    }
    const bool hoist = forceHoist || (anyWrite && unstable >= 2);

    CExpr base;
    const CVar* pointerRoot = nullptr;  // Out struct parameter: first member access uses ->
    if (root->kind == Expr::Kind::Var) {
        const CVar* v = scope_.find(root->name);
        if (v && v->access == CVar::Access::Pointer && !steps.empty() &&
            steps[0]->kind == Expr::Kind::Member)
            pointerRoot = v;
        else
            base = variable(*root);
    } else {
        base = value(*root, pre);
        if (hoist && !isStable(*root)) base = {materializeValue(*root, base, pre), kPrecPrimary};
    }
    for (const Expr* s : steps) {
        if (s->kind == Expr::Kind::Member) {
            if (pointerRoot) {
                base = {pointerRoot->cName + "->" + cMemberName(s->name), kPrecPostfix};
                pointerRoot = nullptr;
            } else {
                base = {cWrap(base, kPrecPostfix) + "." + cMemberName(s->name), kPrecPostfix};
            }
            continue;
        }
        const Expr& index = *s->operands[1];
        CExpr i = subscript(index, pre);
        if (hoist && !isStable(index)) i = {materializeValue(index, i, pre), kPrecPrimary};
        if (scope_.unit.checkBounds) {
            base = checkedIndex(scope_.unit, *s->operands[0], base, i.text, index);
            continue;
        }
        base = {cWrap(base, kPrecPostfix) + "[" + i.text + "]", kPrecPostfix};
    }
    return base;
}

namespace {

bool isIntAddSubMul(const Expr& e) {
    if (e.kind != Expr::Kind::Binary || !e.type || !e.type->isInt()) return false;
    return e.op == BinaryOp::Add || e.op == BinaryOp::Sub || e.op == BinaryOp::Mul;
}

// The operands of `e`'s + - * chain that are not literals (variables, elements, calls ...).
int variableTerms(const Expr& e) {
    if (isIntAddSubMul(e)) return variableTerms(*e.operands[0]) + variableTerms(*e.operands[1]);
    return e.kind == Expr::Kind::IntLit ? 0 : 1;
}

bool hasProduct(const Expr& e) {
    return isIntAddSubMul(e) && (e.op == BinaryOp::Mul || hasProduct(*e.operands[0]) || hasProduct(*e.operands[1]));
}

// Sets a flag for one scope and restores it.
class FlagScope {
public:
    FlagScope(bool& flag, bool value) : flag_(flag), saved_(flag) { flag_ = value; }
    ~FlagScope() { flag_ = saved_; }
    FlagScope(const FlagScope&) = delete;
    FlagScope& operator=(const FlagScope&) = delete;

private:
    bool& flag_;
    bool saved_;
};

}  // namespace

// A subscript combining several variables (`x[i * m + j]`, `x[k + j]`) or multiplying one
// (`x[2 * i + 1]`) computes its + - * in 64 bits: `x[(long)i * m + j]`, `x[2L * i + 1]`. Under
// -fwrapv (loma's wrapping ints) GCC cannot prove that such an index does not wrap as the loop
// steps, so it loads the elements one by one instead of as vectors (forward mode of a row-major
// loop ran 1.7x slower, docs/benchmarks.md); `x[i + 1]` it handles. Every index
// whose true value fits an int is the same either way; one that does not is out of bounds
// rather than wrapped onto another element. Bounds-checked code keeps int arithmetic: it checks
// the index it computes.
CExpr CExprEmitter::subscript(const Expr& index, CPrelude& pre) {
    const int terms = isIntAddSubMul(index) ? variableTerms(index) : 0;
    FlagScope wide(wideIndex_, !scope_.unit.checkBounds && (terms >= 2 || (terms == 1 && hasProduct(index))));
    return value(index, pre);
}

CExpr CExprEmitter::lvalue(const Expr& e, CPrelude& pre, bool hoistIndices) {
    return path(e, pre, hoistIndices);
}

CExpr CExprEmitter::address(const Expr& e, CPrelude& pre) {
    if (e.kind == Expr::Kind::Var) {
        const CVar* v = scope_.find(e.name);
        if (v && v->access == CVar::Access::Pointer) return {v->cName, kPrecPrimary};
    }
    CExpr l = path(e, pre, false);
    return {"&" + cWrap(l, kPrecPostfix), kPrecUnary};
}

// ---------------------------------------------------------------- operators

CExpr CExprEmitter::negation(const Expr& e, CPrelude& pre) {
    const Expr& op = *e.operands[0];
    if (isFloatTyped(e)) {
        // Exactly 0 - e (§3.4): -(0.0) is +0.0. A nonzero literal negates exactly.
        if (op.kind == Expr::Kind::FloatLit) {
            if (static_cast<float>(op.floatValue) == 0.0f) return {"0.0f", kPrecPrimary};
            return {"-" + cFloatLiteral(op.floatValue), kPrecUnary};
        }
        CExpr o = value(op, pre);
        return {"0.0f - " + cWrap(o, kPrecMultiplicative), kPrecAdditive};
    }
    // For ints 0 - e and -e agree (wrapping; the unit is compiled with -fwrapv).
    if (op.kind == Expr::Kind::IntLit) return {"-" + std::to_string(op.intValue), kPrecUnary};
    std::string t = cWrap(value(op, pre), kPrecUnary);
    if (!t.empty() && t[0] == '-') t = "(" + t + ")";
    return {"-" + t, kPrecUnary};
}

CExpr CExprEmitter::binary(const Expr& e, CPrelude& pre) {
    if (isComparison(e.op) || e.op == BinaryOp::And || e.op == BinaryOp::Or) {
        CExpr c = isComparison(e.op) ? comparison(e, pre) : logic(e, pre);
        if (isFloatTyped(e)) return {"(float)" + cWrap(c, kPrecUnary), kPrecUnary};
        return c;
    }
    // Only a + - * chain of a wide subscript stays wide; what is below other nodes does not.
    const bool wide = wideIndex_ && isIntAddSubMul(e);
    FlagScope chain(wideIndex_, wide);
    std::vector<CExpr> ops;
    operands({{e.operands[0].get(), Mode::Value}, {e.operands[1].get(), Mode::Value}}, pre, ops);
    if (wide && !isIntAddSubMul(*e.operands[0])) {  // the chain's first term: the rest follows in C
        const Expr& first = *e.operands[0];
        ops[0] = first.kind == Expr::Kind::IntLit ? CExpr{ops[0].text + "L", kPrecPrimary}
                                                  : CExpr{"(long)" + cWrap(ops[0], kPrecUnary), kPrecUnary};
    }
    const bool isInt = e.type ? e.type->isInt()
                              : (e.operands[0]->type && e.operands[0]->type->isInt());
    if (e.op == BinaryOp::Div && isInt) {
        // Truncating division with the runtime errors of §10.4, in one helper.
        scope_.unit.usesIntDivision = true;
        return {scope_.unit.names.intDivisionHelper() + "(" + ops[0].text + ", " + ops[1].text + ")",
                kPrecPostfix};
    }
    const int prec = (e.op == BinaryOp::Add || e.op == BinaryOp::Sub) ? kPrecAdditive
                                                                      : kPrecMultiplicative;
    return {cWrap(ops[0], prec) + " " + ast::spelling(e.op) + " " + cWrap(ops[1], prec + 1), prec};
}

CExpr CExprEmitter::comparison(const Expr& e, CPrelude& pre) {
    FlagScope operandsAreNotIndexArithmetic(wideIndex_, false);
    std::vector<CExpr> ops;
    operands({{e.operands[0].get(), Mode::Value}, {e.operands[1].get(), Mode::Value}}, pre, ops);
    const int prec = e.op == BinaryOp::Equal ? kPrecEquality : kPrecRelational;
    return {cWrap(ops[0], kPrecRelational + 1) + " " + ast::spelling(e.op) + " " +
                cWrap(ops[1], kPrecRelational + 1),
            prec};
}

CExpr CExprEmitter::logic(const Expr& e, CPrelude& pre) {
    const bool isAnd = e.op == BinaryOp::And;
    CExpr l = condition(*e.operands[0], pre);
    CPrelude rightPre;
    CExpr r = condition(*e.operands[1], rightPre);
    if (rightPre.empty()) {
        // && and || short-circuit like loma's and/or; parentheses keep -Wparentheses quiet.
        auto wrapSide = [&](const CExpr& c, bool left) {
            if (isAnd) return (c.prec < kPrecLogAnd || (!left && c.prec == kPrecLogAnd))
                                  ? "(" + c.text + ")" : c.text;
            const bool keep = c.prec > kPrecLogAnd || (left && c.prec == kPrecLogOr);
            return keep ? c.text : "(" + c.text + ")";
        };
        return {wrapSide(l, true) + (isAnd ? " && " : " || ") + wrapSide(r, false),
                isAnd ? kPrecLogAnd : kPrecLogOr};
    }
    // The right operand needs statements of its own: run them only when it is evaluated.
    std::string t = scope_.temp("t");
    pre.line("int " + t + " = " + l.text + ";");
    pre.open(std::string(isAnd ? "if (" : "if (!") + t + ") {");
    pre.append(rightPre);
    pre.line(t + " = " + r.text + ";");
    pre.close();
    return {t, kPrecPrimary};
}

CExpr CExprEmitter::condition(const Expr& e, CPrelude& pre) {
    // int2float keeps truth (a nonzero int never becomes 0.0f): test the int itself.
    if (e.kind == Expr::Kind::Call && e.name == "int2float" && e.operands.size() == 1 && e.operands[0])
        return condition(*e.operands[0], pre);
    if (e.kind == Expr::Kind::Binary && isComparison(e.op)) return comparison(e, pre);
    if (e.kind == Expr::Kind::Binary && (e.op == BinaryOp::And || e.op == BinaryOp::Or))
        return logic(e, pre);
    CExpr v = value(e, pre);
    return {cWrap(v, kPrecRelational) + (isFloatTyped(e) ? " != 0.0f" : " != 0"), kPrecEquality};
}

// ---------------------------------------------------------------- calls

CExpr CExprEmitter::userCall(const Expr& e, CPrelude& pre) {
    std::vector<Operand> ops;
    if (const ast::Function* f = scope_.unit.module.findFunction(e.name)) {
        if (f->params.size() != e.operands.size()) return internalError("arity of " + e.name);
        for (size_t i = 0; i < f->params.size(); ++i) {
            const ast::Param& p = f->params[i];
            Mode m = p.resolved && p.resolved->isArray() ? Mode::Array
                     : p.isOut                           ? Mode::Address
                                                         : Mode::Value;
            ops.push_back({e.operands[i].get(), m});
        }
    } else if (e.name == "make__dfloat" && e.operands.size() == 2) {
        ops = {{e.operands[0].get(), Mode::Value}, {e.operands[1].get(), Mode::Value}};
    } else {
        return internalError("unknown function " + e.name);
    }
    std::vector<CExpr> rendered;
    std::string args = operands(ops, pre, rendered);
    return {cFunctionSymbol(e.name) + "(" + args + ")", kPrecPostfix};
}

CExpr CExprEmitter::call(const Expr& e, CPrelude& pre) {
    FlagScope argumentsAreNotSubscripts(wideIndex_, false);
    if (const char* fn = mathFunction(e.name)) {
        std::vector<Operand> ops;
        for (const ast::ExprPtr& a : e.operands) ops.push_back({a.get(), Mode::Value});
        std::vector<CExpr> rendered;
        return {std::string(fn) + "(" + operands(ops, pre, rendered) + ")", kPrecPostfix};
    }
    if (e.name == "int2float" || e.name == "float2int") {
        if (e.operands.size() != 1) return internalError(e.name + " arity");
        CExpr o = value(*e.operands[0], pre);
        return {std::string(e.name == "int2float" ? "(float)" : "(int)") + cWrap(o, kPrecUnary),
                kPrecUnary};
    }
    if (e.name == "thread_id") {
        if (!scope_.simdBody) return internalError("thread_id() outside a @simd body");
        return {kSimdThreadIdName, kPrecPrimary};
    }
    if (e.name == "atomic_add") return internalError("atomic_add used as a value");
    return userCall(e, pre);
}

CExpr CExprEmitter::callStatement(const Expr& e, CPrelude& pre) {
    if (e.kind != Expr::Kind::Call) return {"(void)" + cWrap(value(e, pre), kPrecUnary), kPrecUnary};
    if (isIntrinsic(e.name)) return {"(void)" + cWrap(call(e, pre), kPrecUnary), kPrecUnary};
    return userCall(e, pre);
}

// ---------------------------------------------------------------- dispatch

CExpr CExprEmitter::value(const Expr& e, CPrelude& pre) {
    switch (e.kind) {
        case Expr::Kind::IntLit: return {std::to_string(e.intValue), kPrecPrimary};
        case Expr::Kind::FloatLit: {
            std::string s = cFloatLiteral(e.floatValue);
            return {s, s[0] == '-' ? kPrecUnary : kPrecPrimary};
        }
        case Expr::Kind::Var: return variable(e);
        case Expr::Kind::Index:
        case Expr::Kind::Member: return path(e, pre, false);
        case Expr::Kind::Neg: return negation(e, pre);
        case Expr::Kind::Binary: return binary(e, pre);
        case Expr::Kind::Call: return call(e, pre);
    }
    return internalError("unknown expression");
}

}  // namespace lomaw::codegen
