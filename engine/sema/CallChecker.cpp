// ExprChecker, part 2: calls of intrinsics, user functions and derivatives (docs/language.md §3.8,
// §4, §5).
#include "sema/Builtins.h"
#include "sema/Conversions.h"
#include "sema/ErrorType.h"
#include "sema/ExprChecker.h"

namespace lomaw::sema {

using ast::Expr;

namespace {

std::string argCount(size_t n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); }

}  // namespace

TypePtr ExprChecker::checkCall(Expr& e, bool callStatement) {
    const BuiltinInfo* b = findBuiltin(e.name);
    if (b && b->kind != BuiltinKind::MakeDfloat)
        return checkIntrinsic(e, static_cast<int>(b->kind), b->arity, callStatement);
    if (const Callable* c = ctx_.sigs.find(e.name); c && c->fn)
        return checkFunctionCall(e, *c->fn, callStatement);
    // Reverse-mode AD's overflow report of a while loop (docs/ad.md), accepted so that the
    // `emit --stage diff` text of such derivatives checks again (§10.2).
    if (e.name == "__lomaw_max_iter_exceeded" && callStatement && e.operands.size() == 1 && e.operands[0] &&
        e.operands[0]->kind == Expr::Kind::IntLit) {
        e.operands[0]->type = Type::intType();
        return Type::voidType();
    }
    if (!e.name.empty())
        ctx_.diags.report(e.loc, msg::UnknownFunction, e.name);
    for (ast::ExprPtr& a : e.operands) check(a);
    return errorType();
}

TypePtr ExprChecker::checkIntrinsic(Expr& e, int kindValue, int arity, bool callStatement) {
    auto kind = static_cast<BuiltinKind>(kindValue);
    auto& args = e.operands;
    bool reported = false;
    auto argumentError = [&](const Message& message) {
        if (reported) return;
        reported = true;
        ctx_.diags.report(e.loc, message);
    };
    if (static_cast<int>(args.size()) != arity)
        argumentError({msg::CallArgumentCount, e.name, argCount(arity), args.size()});

    switch (kind) {
        case BuiltinKind::FloatMath: {
            for (ast::ExprPtr& a : args) {
                TypePtr t = check(a);
                if (isError(t)) continue;
                if (!t->isScalar()) argumentError({msg::CallNeedsFloats, e.name, toString(t)});
                else convertTo(a, Type::floatType());
            }
            return Type::floatType();
        }
        case BuiltinKind::IntToFloat:
        case BuiltinKind::FloatToInt: {
            bool toFloat = kind == BuiltinKind::IntToFloat;
            for (ast::ExprPtr& a : args) {
                TypePtr t = check(a);
                if (isError(t)) continue;
                if (toFloat ? !t->isInt() : !t->isFloat())
                    argumentError({toFloat ? msg::CallNeedsInt : msg::CallNeedsFloat, e.name, toString(t)});
            }
            return toFloat ? Type::floatType() : Type::intType();
        }
        case BuiltinKind::ThreadId: {
            for (ast::ExprPtr& a : args) check(a);
            if (!fn_.simd)
                ctx_.diags.report(e.loc, msg::ThreadIdOutsideSimd);
            return Type::intType();
        }
        case BuiltinKind::AtomicAdd: {
            if (!callStatement)
                ctx_.diags.report(e.loc, msg::AtomicAddValue);
            if (!args.empty() && args[0]) {
                TypePtr t = check(args[0]);
                const Expr* root = lvalueRoot(args[0].get());
                const VarInfo* v = root ? scope_.lookup(root->name) : nullptr;
                if (v && v->kind == VarInfo::Kind::LoopVar) {
                    noteWrite(*args[0]);  // loop-var-assign says it all
                } else if (!isError(t) && (!root || !t->isFloat())) {
                    ctx_.diags.report(args[0]->loc, msg::AtomicAddTarget);
                } else if (root) {
                    noteWrite(*args[0]);
                }
            }
            for (size_t i = 1; i < args.size(); ++i) {
                TypePtr t = check(args[i]);
                if (isError(t)) continue;
                if (!t->isScalar()) argumentError({msg::AtomicAddValueType, toString(t)});
                else convertTo(args[i], Type::floatType());
            }
            return callStatement ? Type::voidType() : errorType();
        }
        case BuiltinKind::MakeDfloat: break;  // an ordinary function, checked by signature
    }
    return errorType();
}

bool ExprChecker::checkArrayArgument(ast::ExprPtr& arg, const TypePtr& param) {
    const TypePtr& t = arg->type;
    if (isError(t)) return true;
    if (!arrayArgumentMatches(*param, *t)) return false;
    // A contiguous static array of static arrays cannot be passed: parameters use one pointer
    // per level (§3.8 layout caveat).
    if (t->elem && t->elem->isArray() && t->elem->size > 0 && hasInlineStorage(*arg)) return false;
    return true;
}

TypePtr ExprChecker::checkFunctionCall(Expr& e, const ast::Function& callee, bool callStatement) {
    auto& args = e.operands;
    if (ctx_.lenient(&callee)) {
        // The callee's parameter list is not known for sure (its header has a parse error):
        // only the arguments' own errors are reported, and a result that may be missing from
        // the damaged header is unknown rather than void.
        for (ast::ExprPtr& a : args) check(a);
        if (callee.simd) {
            ctx_.diags.report(e.loc, msg::SimdCall, e.name);
            return callStatement ? Type::voidType() : errorType();
        }
        TypePtr ret = callee.returnType ? callee.returnType : Type::voidType();
        return ret->isVoid() ? (callStatement ? ret : errorType()) : ret;
    }
    bool hasOut = false;
    for (const ast::Param& p : callee.params) hasOut = hasOut || p.isOut;
    bool reportedUse = false;
    if (callee.simd) {
        ctx_.diags.report(e.loc, msg::SimdCall, e.name);
        reportedUse = true;
    }
    if (hasOut && !callStatement && !reportedUse) {
        ctx_.diags.report(e.loc, msg::OutCallInExpression, e.name);
        reportedUse = true;
    }
    TypePtr ret = callee.returnType ? callee.returnType : Type::voidType();
    TypePtr result = ret;
    if (!callStatement && ret->isVoid() && !isError(ret)) {
        if (!reportedUse)
            ctx_.diags.report(e.loc, msg::VoidValue, e.name);
        result = errorType();
    }
    if (reportedUse && !callStatement) result = errorType();

    if (args.size() != callee.params.size()) {
        ctx_.diags.report(e.loc, msg::CallArgumentCount, e.name, argCount(callee.params.size()), args.size());
        for (ast::ExprPtr& a : args) check(a);
        return result;
    }
    bool reported = false;
    auto mismatch = [&](size_t i, const TypePtr& t, bool contiguous = false) {
        if (reported) return;
        reported = true;
        ctx_.diags.report(e.loc, contiguous ? msg::CallArgumentContiguous : msg::CallArgumentType, i + 1, e.name,
                          callee.params[i].name, toString(callee.params[i].resolved), toString(t));
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const ast::Param& p = callee.params[i];
        ast::ExprPtr& arg = args[i];
        if (!arg) continue;
        if (p.isOut && !isLvalue(arg.get())) {
            check(arg);
            ctx_.diags.report(arg->loc, msg::OutArgumentNotLvalue, p.name);
            continue;
        }
        TypePtr t = check(arg);
        if (p.isOut) noteWrite(*arg, t && t->isArray());
        if (isError(t) || isError(p.resolved)) continue;
        if (p.resolved->isArray()) {
            if (!checkArrayArgument(arg, p.resolved))
                mismatch(i, t, t->isArray() && arrayArgumentMatches(*p.resolved, *t));
        } else if (p.isOut) {
            if (!sameType(p.resolved, t)) {
                // Name the caller's variable first: a derivative's parameters (_dx of d_f =
                // rev_diff(f)) are generated names the user never wrote.
                const bool plain = arg->kind == ast::Expr::Kind::Var;
                const VarInfo* v = plain ? scope_.lookup(arg->name) : nullptr;
                if (plain)
                    ctx_.diags.report(arg->loc, msg::OutArgumentVariableType, arg->name, toString(t), i + 1, e.name,
                                      p.name, toString(p.resolved));
                else
                    ctx_.diags.report(arg->loc, msg::OutArgumentType, toString(t), i + 1, e.name, p.name,
                                      toString(p.resolved));
                if (v && v->loc.line > 0) ctx_.diags.note(v->loc, msg::DeclaredHere, v->name);
            }
        } else if (p.resolved->isScalar()) {
            if (!t->isScalar()) mismatch(i, t);
            else convertTo(arg, p.resolved);
        } else if (!sameType(p.resolved, t)) {
            mismatch(i, t);

        }
    }
    return result;
}

}  // namespace lomaw::sema
