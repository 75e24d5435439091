// Higher-order forward mode: the k-th fwd_diff of a kernel is the kernel over k-th order dual
// numbers (docs/ad.md, "Nested forward mode").
//
// fwd_diff applied k times evaluates f over R_k = D(...D(float)) (DualArithmetic.h): every
// float variable gets type R_k, every float operation becomes the R_k operation's function,
// and the control flow, ints, indices and conditions (on the primal values, the innermost
// `.val`s) stay as they are. The result computes the same numbers as differentiating the
// (k-1)-th derivative's body once more, but its size is the kernel's, not 3.5^k times it.
// Bodies this does not lift (atomic_add, float reductions in a parallel loop, dual numbers
// built by hand, a call with Out arguments inside an expression, a call in a condition) are
// left to forwardBody, which differentiates the previous level's body.
#include "ad/DualArithmetic.h"
#include "ad/ForwardDiff.h"
#include "sema/Builtins.h"
#include "sema/DifferentialType.h"

namespace lomaw::ad {

using ast::BinaryOp;
using ast::Expr;
using ast::Stmt;

namespace {

bool isArithmetic(BinaryOp op) {
    return op == BinaryOp::Add || op == BinaryOp::Sub || op == BinaryOp::Mul || op == BinaryOp::Div;
}

class Lifter {
public:
    Lifter(AdContext& ctx, const ast::Function& root, int levels) : ctx_(ctx), ops_(ctx), root_(root), k_(levels) {}

    bool run(ast::Block& out) {
        block(root_.body, out);
        if (ok_) ops_.commit();
        return ok_;
    }

private:
    // A float expression: `plain` when it is made of constants only (literals, int2float of
    // ints; type float), otherwise an R_k expression.
    struct Value {
        ExprPtr e;
        bool plain = false;
    };

    ExprPtr fail() {
        ok_ = false;
        return tInt(0);
    }

    TypePtr lifted(const TypePtr& t) const {
        TypePtr r = t;
        for (int i = 0; i < k_; ++i) r = sema::differentialType(r);
        return r;
    }

    ExprPtr active(Value v) { return v.plain ? ops_.apply(DualOp::Const, k_, std::move(v.e)) : std::move(v.e); }

    // The primal value inside an R_k location: x.val.val...val.
    ExprPtr primalPart(ExprPtr x) const {
        for (int i = k_ - 1; i >= 0; --i) x = tMember(std::move(x), "val", DualArithmetic::ring(i));
        return x;
    }

    ExprPtr chain(const Expr& e) {
        switch (e.kind) {
            case Expr::Kind::Var: return tVar(e.name, lifted(e.type), e.loc);
            case Expr::Kind::Index: return tIndex(chain(*e.operands[0]), intValue(*e.operands[1]));
            case Expr::Kind::Member: return tMember(chain(*e.operands[0]), e.name, lifted(e.type));
            default: return fail();
        }
    }

    ExprPtr typed(ExprPtr x, const Expr& like) {
        x->type = like.type;
        x->loc = like.loc;
        return x;
    }

    // An int expression (index, condition, bound): floats in comparisons are primal values.
    ExprPtr intValue(const Expr& e) {
        switch (e.kind) {
            case Expr::Kind::IntLit: return copy(e);
            case Expr::Kind::Var:
            case Expr::Kind::Index:
            case Expr::Kind::Member: return chain(e);
            case Expr::Kind::Neg: return typed(tNeg(intValue(*e.operands[0])), e);
            case Expr::Kind::Binary: {
                auto operand = [&](const Expr& o) { return o.type && o.type->isFloat() ? primal(o) : intValue(o); };
                return typed(tBin(e.op, operand(*e.operands[0]), operand(*e.operands[1])), e);
            }
            case Expr::Kind::Call: {
                if (e.name == "float2int" || e.name == "thread_id") {
                    std::vector<ExprPtr> args;
                    for (const ExprPtr& a : e.operands) args.push_back(a->type && a->type->isFloat() ? primal(*a) : intValue(*a));
                    ExprPtr c = tCall(e.name, std::move(args), e.type, e.loc);
                    c->implicitConversion = e.implicitConversion;
                    return c;
                }
                if (!sema::findBuiltin(e.name)) return call(e, false);
                return fail();
            }
            default: return fail();
        }
    }

    // A condition: an int, or a float tested against zero on its primal value (`if x:`).
    ExprPtr condition(const Expr& e) { return e.type && e.type->isFloat() ? primal(e) : intValue(e); }

    // A float expression's primal value, for conditions (calls of user functions excluded:
    // their primal value would need the whole R_k call).
    ExprPtr primal(const Expr& e) {
        switch (e.kind) {
            case Expr::Kind::FloatLit: return copy(e);
            case Expr::Kind::IntLit: return tToFloat(copy(e));
            case Expr::Kind::Var:
            case Expr::Kind::Index:
            case Expr::Kind::Member: return primalPart(chain(e));
            case Expr::Kind::Neg: return typed(tNeg(primal(*e.operands[0])), e);
            case Expr::Kind::Binary:
                if (!isArithmetic(e.op)) return intValue(e);
                return typed(tBin(e.op, primal(*e.operands[0]), primal(*e.operands[1])), e);
            case Expr::Kind::Call: {
                if (e.name == "int2float") return tToFloat(intValue(*e.operands[0]));
                const sema::BuiltinInfo* b = sema::findBuiltin(e.name);
                if (!b || b->kind != sema::BuiltinKind::FloatMath) return fail();
                std::vector<ExprPtr> args;
                for (const ExprPtr& a : e.operands) args.push_back(primal(*a));
                return tCall(e.name, std::move(args), Type::floatType(), e.loc);
            }
            default: return fail();
        }
    }

    Value binary(const Expr& e) {
        Value l = lift(*e.operands[0]);
        Value r = lift(*e.operands[1]);
        if (l.plain && r.plain) return {typed(tBin(e.op, std::move(l.e), std::move(r.e)), e), true};
        static const DualOp both[] = {DualOp::Add, DualOp::Sub, DualOp::Mul, DualOp::Div};
        static const DualOp constRight[] = {DualOp::AddC, DualOp::SubC, DualOp::MulC, DualOp::DivC};
        static const DualOp constLeft[] = {DualOp::AddC, DualOp::CSub, DualOp::MulC, DualOp::CDiv};
        const int i = e.op == BinaryOp::Add ? 0 : e.op == BinaryOp::Sub ? 1 : e.op == BinaryOp::Mul ? 2 : 3;
        if (r.plain) return {ops_.apply(constRight[i], k_, std::move(l.e), std::move(r.e)), false};
        if (l.plain) return {ops_.apply(constLeft[i], k_, std::move(r.e), std::move(l.e)), false};
        return {ops_.apply(both[i], k_, std::move(l.e), std::move(r.e)), false};
    }

    Value intrinsic(const Expr& e) {
        if (e.name == "int2float") return {tToFloat(intValue(*e.operands[0])), true};
        static const std::pair<const char*, DualOp> unary[] = {
            {"sin", DualOp::Sin}, {"cos", DualOp::Cos}, {"exp", DualOp::Exp}, {"log", DualOp::Log}, {"sqrt", DualOp::Sqrt}};
        for (const auto& [name, op] : unary) {
            if (e.name != name || e.operands.size() != 1) continue;
            Value x = lift(*e.operands[0]);
            if (x.plain) return {ops_.apply(op, 0, std::move(x.e)), true};
            return {ops_.apply(op, k_, std::move(x.e)), false};
        }
        if (e.name == "pow" && e.operands.size() == 2) {
            Value x = lift(*e.operands[0]);
            Value y = lift(*e.operands[1]);
            if (x.plain && y.plain) return {ops_.apply(DualOp::Pow, 0, std::move(x.e), std::move(y.e)), true};
            if (y.plain) return {ops_.apply(DualOp::PowC, k_, std::move(x.e), std::move(y.e)), false};
            if (x.plain) return {ops_.apply(DualOp::CPow, k_, std::move(y.e), std::move(x.e)), false};
            return {ops_.apply(DualOp::Pow, k_, std::move(x.e), std::move(y.e)), false};
        }
        return {fail(), true};
    }

    Value lift(const Expr& e) {
        switch (e.kind) {
            case Expr::Kind::FloatLit: return {copy(e), true};
            case Expr::Kind::IntLit: return {tToFloat(copy(e)), true};
            case Expr::Kind::Var:
            case Expr::Kind::Index:
            case Expr::Kind::Member: return {chain(e), false};
            case Expr::Kind::Neg: {
                Value x = lift(*e.operands[0]);
                if (x.plain) return {tNeg(std::move(x.e)), true};
                return {ops_.apply(DualOp::Neg, k_, std::move(x.e)), false};
            }
            case Expr::Kind::Binary:
                if (!isArithmetic(e.op)) return {fail(), true};
                return binary(e);
            case Expr::Kind::Call:
                if (sema::findBuiltin(e.name)) return intrinsic(e);
                return {call(e, false), false};
            default: return {fail(), true};
        }
    }

    // Any expression as the value of its lifted type.
    ExprPtr value(const Expr& e) {
        if (e.type && e.type->isFloat()) return active(lift(e));
        if (e.type && e.type->isInt()) return intValue(e);
        if (isLvalueChain(e)) return chain(e);
        if (e.kind == Expr::Kind::Call && !sema::findBuiltin(e.name)) return call(e, false);
        return fail();
    }

    // The k-th forward derivative of a user function, called with lifted arguments. Out
    // arguments (locations written by the callee) only in call statements: inside an
    // expression C would not order them against the other operands.
    ExprPtr call(const Expr& e, bool statement) {
        const ast::Function* sig = ctx_.signature(e.name);
        if (!sig || sig->generated || sig->params.size() != e.operands.size()) return fail();
        std::vector<ExprPtr> args;
        for (size_t i = 0; i < e.operands.size(); ++i) {
            if (!sig->params[i].isOut) {
                args.push_back(value(*e.operands[i]));
                continue;
            }
            if (!statement || !isLvalueChain(*e.operands[i])) return fail();
            args.push_back(chain(*e.operands[i]));
        }
        std::string callee = e.name;
        for (int i = 0; i < k_; ++i) callee = ctx_.derivativeName(callee, Mode::Forward);
        TypePtr ret = sig->returnType ? lifted(sig->returnType) : Type::voidType();
        return tCall(callee, std::move(args), ret, e.loc);
    }

    void block(const ast::Block& in, ast::Block& out) {
        for (const StmtPtr& s : in)
            if (s && ok_) out.push_back(stmt(*s));
    }

    StmtPtr stmt(const Stmt& s) {
        switch (s.kind) {
            case Stmt::Kind::Declare:
                return sDeclare(s.name, lifted(s.resolved), s.value ? value(*s.value) : nullptr, s.loc);
            case Stmt::Kind::Assign: {
                ExprPtr v = value(*s.value);
                return sAssign(chain(*s.target), std::move(v), s.loc);
            }
            case Stmt::Kind::Return: return sReturn(s.value ? value(*s.value) : nullptr, s.loc);
            case Stmt::Kind::CallStmt:
                if (sema::findBuiltin(s.value->name)) return sCall(fail(), s.loc);  // atomic_add, tapes
                return sCall(call(*s.value, true), s.loc);
            case Stmt::Kind::If: {
                ast::Block body, orelse;
                ExprPtr cond = condition(*s.value);
                block(s.body, body);
                block(s.orelse, orelse);
                return sIf(std::move(cond), std::move(body), std::move(orelse), s.loc);
            }
            case Stmt::Kind::While: {
                ast::Block body;
                ExprPtr cond = condition(*s.value);
                block(s.body, body);
                return sWhile(std::move(cond), s.maxIter, std::move(body), s.loc);
            }
            case Stmt::Kind::For: {
                std::vector<ExprPtr> args;
                for (const ExprPtr& a : s.rangeArgs) args.push_back(intValue(*a));
                ast::Block body;
                block(s.body, body);
                StmtPtr f = sFor(s.name, std::move(args), std::move(body), s.loc);
                if (s.pragma) {
                    // Variables keep their names: private and firstprivate mean what they did.
                    // A float reduction has no `+` on R_k in C.
                    for (const ast::PragmaClause& c : s.pragma->clauses)
                        if (c.kind == ast::PragmaClause::Kind::Reduction) fail();
                    f->pragma = s.pragma;
                }
                return f;
            }
        }
        return sCall(fail(), s.loc);
    }

    AdContext& ctx_;
    DualArithmetic ops_;
    const ast::Function& root_;
    const int k_;
    bool ok_ = true;
};

}  // namespace

bool liftedForwardBody(AdContext& ctx, const ast::Function& root, int levels, ast::Function& out) {
    ast::Block body;
    if (!Lifter(ctx, root, levels).run(body)) return false;
    out.body = std::move(body);
    return true;
}

}  // namespace lomaw::ad
