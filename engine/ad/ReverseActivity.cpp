#include "ad/ReverseActivity.h"

#include "sema/Builtins.h"

namespace lomaw::ad {

using ast::BinaryOp;
using ast::Expr;

bool Activity::operator()(const Expr& e) const {
    if (auto it = cache_.find(&e); it != cache_.end()) return it->second;
    bool a = compute(e);
    cache_[&e] = a;
    return a;
}

bool Activity::compute(const Expr& e) const {
    if (e.kind == Expr::Kind::Var) {
        if (loopVars_.count(e.name) || !withAdjoint_.count(e.name)) return false;
        return ctx_.holdsFloat(e.type);
    }
    if (e.kind == Expr::Kind::Call) {
        if (e.name == "int2float" || e.name == "float2int" || e.name == "thread_id") return false;
        if (!sema::findBuiltin(e.name) && !ctx_.holdsFloat(e.type)) return false;
    }
    if (e.kind == Expr::Kind::Binary && e.op != BinaryOp::Add && e.op != BinaryOp::Sub &&
        e.op != BinaryOp::Mul && e.op != BinaryOp::Div)
        return false;
    if (e.kind == Expr::Kind::Index) return ctx_.holdsFloat(e.type) && (*this)(*e.operands[0]);
    if (e.kind == Expr::Kind::Member) return ctx_.holdsFloat(e.type) && (*this)(*e.operands[0]);
    for (const ast::ExprPtr& o : e.operands)
        if (o && (*this)(*o)) return true;
    return false;
}

}  // namespace lomaw::ad
