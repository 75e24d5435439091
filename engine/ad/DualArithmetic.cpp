// The arithmetic of k-th order dual numbers as generated functions (see DualArithmetic.h).
#include "ad/DualArithmetic.h"

#include <functional>
#include <memory>

#include "sema/DifferentialType.h"

namespace lomaw::ad {

using ast::BinaryOp;

namespace {

const char* opName(DualOp op) {
    switch (op) {
        case DualOp::Add: return "add";
        case DualOp::Sub: return "sub";
        case DualOp::Mul: return "mul";
        case DualOp::Div: return "div";
        case DualOp::Neg: return "neg";
        case DualOp::Sin: return "sin";
        case DualOp::Cos: return "cos";
        case DualOp::Exp: return "exp";
        case DualOp::Log: return "log";
        case DualOp::Sqrt: return "sqrt";
        case DualOp::Pow: return "pow";
        case DualOp::AddC: return "addc";
        case DualOp::SubC: return "subc";
        case DualOp::CSub: return "csub";
        case DualOp::MulC: return "mulc";
        case DualOp::DivC: return "divc";
        case DualOp::CDiv: return "cdiv";
        case DualOp::PowC: return "powc";
        case DualOp::CPow: return "cpow";
        case DualOp::Const: return "const";
        case DualOp::SinCos: return "sincos";
    }
    return "?";
}

bool isUnary(DualOp op) {
    switch (op) {
        case DualOp::Neg:
        case DualOp::Sin:
        case DualOp::Cos:
        case DualOp::Exp:
        case DualOp::Log:
        case DualOp::Sqrt:
        case DualOp::SinCos: return true;
        default: return false;
    }
}

bool hasConstantOperand(DualOp op) {
    switch (op) {
        case DualOp::AddC:
        case DualOp::SubC:
        case DualOp::CSub:
        case DualOp::MulC:
        case DualOp::DivC:
        case DualOp::CDiv:
        case DualOp::PowC:
        case DualOp::CPow: return true;
        default: return false;
    }
}

ExprPtr floatCall(const char* fn, ExprPtr a, ExprPtr b = nullptr) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(a));
    if (b) args.push_back(std::move(b));
    return tCall(fn, std::move(args), Type::floatType());
}

ExprPtr floatBin(BinaryOp op, ExprPtr a, ExprPtr b) { return tBin(op, std::move(a), std::move(b)); }

// The operation on plain floats.
ExprPtr onFloats(DualOp op, ExprPtr a, ExprPtr b) {
    switch (op) {
        case DualOp::Add:
        case DualOp::AddC: return floatBin(BinaryOp::Add, std::move(a), std::move(b));
        case DualOp::Sub:
        case DualOp::SubC: return floatBin(BinaryOp::Sub, std::move(a), std::move(b));
        case DualOp::CSub: return floatBin(BinaryOp::Sub, std::move(b), std::move(a));
        case DualOp::Mul:
        case DualOp::MulC: return floatBin(BinaryOp::Mul, std::move(a), std::move(b));
        case DualOp::Div:
        case DualOp::DivC: return floatBin(BinaryOp::Div, std::move(a), std::move(b));
        case DualOp::CDiv: return floatBin(BinaryOp::Div, std::move(b), std::move(a));
        case DualOp::Neg: return tNeg(std::move(a));
        case DualOp::Pow:
        case DualOp::PowC: return floatCall("pow", std::move(a), std::move(b));
        case DualOp::CPow: return floatCall("pow", std::move(b), std::move(a));
        case DualOp::Const: return a;
        default: return floatCall(opName(op), std::move(a));
    }
}

}  // namespace

TypePtr DualArithmetic::ring(int level) {
    TypePtr t = Type::floatType();
    for (int i = 0; i < level; ++i) t = sema::differentialType(t);
    return t;
}

ExprPtr DualArithmetic::apply(DualOp op, int level, ExprPtr a, ExprPtr b) {
    if (level == 0) return onFloats(op, std::move(a), std::move(b));
    if (op == DualOp::Sin || op == DualOp::Cos)
        return tMember(apply(DualOp::SinCos, level, std::move(a)), op == DualOp::Sin ? "val" : "dval", ring(level));
    std::vector<ExprPtr> args;
    args.push_back(std::move(a));
    if (b) args.push_back(std::move(b));
    std::string callee = committed_ ? functionFor(op, level) : nameOf(op, level);
    if (!committed_) pending_.emplace_back(op, level);
    return tCall(callee, std::move(args), ring(op == DualOp::SinCos ? level + 1 : level));
}

void DualArithmetic::commit() {
    committed_ = true;
    for (const auto& [op, level] : pending_) functionFor(op, level);
    pending_.clear();
}

std::string DualArithmetic::nameOf(DualOp op, int level) const {
    // The reserved prefix (docs/language.md §6.1): no user function can take the name.
    return std::string("__lomaw_") + opName(op) + "_" + ring(level)->structName;
}

std::string DualArithmetic::functionFor(DualOp op, int level) {
    const TypePtr r = ring(level);
    std::string name = nameOf(op, level);
    if (ctx_.signature(name)) return name;  // generated before
    auto fn = std::make_unique<ast::Function>();
    fn->name = name;
    fn->generated = true;
    fn->inlineHelper = true;
    fn->returnType = op == DualOp::SinCos ? ring(level + 1) : r;
    fn->returnAnnotation = sema::typeExprFor(fn->returnType);
    auto param = [&](const char* n, const TypePtr& t) {
        ast::Param p;
        p.name = n;
        p.resolved = t;
        p.annotation = sema::typeExprFor(t, ast::TypeExpr::Kind::In);
        fn->params.push_back(std::move(p));
    };
    if (op == DualOp::Const) {
        param("c", Type::floatType());
    } else {
        param("a", r);
        if (hasConstantOperand(op)) param("c", Type::floatType());
        else if (!isUnary(op)) param("b", r);
    }
    fn->body = body(op, level);
    ctx_.addGeneratedFunction(std::move(fn));
    return name;
}

ast::Block DualArithmetic::body(DualOp op, int level) {
    const int lower = level - 1;
    const TypePtr r = ring(level), rl = ring(lower), f = Type::floatType();
    auto part = [&](const char* var, const char* member) { return tMember(tVar(var, r), member, rl); };
    auto av = [&] { return part("a", "val"); };
    auto ad = [&] { return part("a", "dval"); };
    auto bv = [&] { return part("b", "val"); };
    auto bd = [&] { return part("b", "dval"); };
    auto c = [&] { return tVar("c", f); };
    auto A = [&](DualOp o, ExprPtr x, ExprPtr y = nullptr) { return apply(o, lower, std::move(x), std::move(y)); };

    ast::Block b;
    b.push_back(sDeclare("_r", r, nullptr, {}));
    // A value the tangent uses again, computed once.
    auto once = [&](const char* n, ExprPtr v) {
        b.push_back(sDeclare(n, rl, nullptr, {}));
        b.push_back(sAssign(tVar(n, rl), std::move(v), {}));
        return [n, rl] { return tVar(n, rl); };
    };
    ExprPtr val, dval;
    switch (op) {
        case DualOp::Add:
        case DualOp::Sub:
            val = A(op, av(), bv());
            dval = A(op, ad(), bd());
            break;
        case DualOp::Neg:
            val = A(op, av());
            dval = A(op, ad());
            break;
        case DualOp::Mul:
            val = A(DualOp::Mul, av(), bv());
            dval = A(DualOp::Add, A(DualOp::Mul, ad(), bv()), A(DualOp::Mul, av(), bd()));
            break;
        case DualOp::Div: {  // (x' - (x/y) y') / y
            auto q = once("_q", A(DualOp::Div, av(), bv()));
            val = q();
            dval = A(DualOp::Div, A(DualOp::Sub, ad(), A(DualOp::Mul, q(), bd())), bv());
            break;
        }
        case DualOp::SinCos: {
            // (sin a, cos a) = ((sin av, cos(av) ad), (cos av, -sin(av) ad)), from the lower
            // level's pair: two C library calls at the bottom, whatever the order.
            std::function<ExprPtr()> sin, cos;
            if (lower == 0) {
                sin = once("_s", floatCall("sin", av()));
                cos = once("_c", floatCall("cos", av()));
            } else {
                const TypePtr pair = r;  // R_{lower+1} holds the lower level's (sin, cos)
                b.push_back(sDeclare("_sc", pair, nullptr, {}));
                b.push_back(sAssign(tVar("_sc", pair), apply(DualOp::SinCos, lower, av()), {}));
                sin = [pair, rl] { return tMember(tVar("_sc", pair), "val", rl); };
                cos = [pair, rl] { return tMember(tVar("_sc", pair), "dval", rl); };
            }
            const TypePtr out = ring(level + 1);
            auto half = [&](const char* which, const char* part) {
                return tMember(tMember(tVar("_r", out), which, r), part, rl);
            };
            b.front() = sDeclare("_r", out, nullptr, {});
            b.push_back(sAssign(half("val", "val"), sin(), {}));
            b.push_back(sAssign(half("val", "dval"), A(DualOp::Mul, cos(), ad()), {}));
            b.push_back(sAssign(half("dval", "val"), cos(), {}));
            b.push_back(sAssign(half("dval", "dval"), A(DualOp::Neg, A(DualOp::Mul, sin(), ad())), {}));
            b.push_back(sReturn(tVar("_r", out), {}));
            return b;
        }
        case DualOp::Sin:
        case DualOp::Cos: break;  // apply() uses SinCos
        case DualOp::Exp: {
            auto e = once("_e", A(DualOp::Exp, av()));
            val = e();
            dval = A(DualOp::Mul, e(), ad());
            break;
        }
        case DualOp::Log:
            val = A(DualOp::Log, av());
            dval = A(DualOp::Div, ad(), av());
            break;
        case DualOp::Sqrt: {  // x' / (2 sqrt(x))
            auto s = once("_s", A(DualOp::Sqrt, av()));
            val = s();
            dval = A(DualOp::Div, ad(), A(DualOp::MulC, s(), tFloat(2.0)));
            break;
        }
        case DualOp::Pow: {  // x' y x^(y-1) + y' x^y ln x
            auto p = once("_p", A(DualOp::Pow, av(), bv()));
            val = p();
            dval = A(DualOp::Add,
                     A(DualOp::Mul, A(DualOp::Mul, ad(), bv()), A(DualOp::Pow, av(), A(DualOp::SubC, bv(), tFloat(1.0)))),
                     A(DualOp::Mul, A(DualOp::Mul, bd(), p()), A(DualOp::Log, av())));
            break;
        }
        case DualOp::AddC:
        case DualOp::SubC:
            val = A(op, av(), c());
            dval = ad();
            break;
        case DualOp::CSub:
            val = A(op, av(), c());
            dval = A(DualOp::Neg, ad());
            break;
        case DualOp::MulC:
        case DualOp::DivC:
            val = A(op, av(), c());
            dval = A(op, ad(), c());
            break;
        case DualOp::CDiv: {  // -(c/x) x' / x
            auto q = once("_q", A(DualOp::CDiv, av(), c()));
            val = q();
            dval = A(DualOp::Neg, A(DualOp::Div, A(DualOp::Mul, q(), ad()), av()));
            break;
        }
        case DualOp::PowC:  // c x^(c-1) x'
            val = A(DualOp::PowC, av(), c());
            dval = A(DualOp::Mul, A(DualOp::MulC, A(DualOp::PowC, av(), floatBin(BinaryOp::Sub, c(), tFloat(1.0))), c()),
                     ad());
            break;
        case DualOp::CPow: {  // c^x ln(c) x'
            auto p = once("_p", A(DualOp::CPow, av(), c()));
            val = p();
            dval = A(DualOp::Mul, A(DualOp::MulC, p(), floatCall("log", c())), ad());
            break;
        }
        case DualOp::Const:
            val = A(DualOp::Const, c());
            dval = A(DualOp::Const, tFloat(0.0));
            break;
    }
    b.push_back(sAssign(tMember(tVar("_r", r), "val", rl), std::move(val), {}));
    b.push_back(sAssign(tMember(tVar("_r", r), "dval", rl), std::move(dval), {}));
    b.push_back(sReturn(tVar("_r", r), {}));
    return b;
}

}  // namespace lomaw::ad
