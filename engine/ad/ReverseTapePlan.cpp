#include "ad/ReverseTapePlan.h"

#include "ad/TapeIntrinsics.h"
#include "ad/TypedBuild.h"
#include "syntax/AstWalk.h"

namespace lomaw::ad {

using ast::Expr;
using ast::Stmt;

TapePlan planTapes(AdContext& ctx, const ast::Function& primal, const ReverseFacts& facts) {
    TapePlan plan;
    // A value the forward sweep computes (needed), that is not an Out parameter (those are
    // not written in the derivative) and that the reverse sweep reads.
    auto restored = [&](const Expr* root) {
        return root && !facts.outParams.count(root->name) && facts.needed.count(root->name) &&
               facts.reads.count(root->name);
    };
    ast::forEachStmt(primal.body, [&](const Stmt& s) {
        switch (s.kind) {
            case Stmt::Kind::Assign:
                if (!restored(chainRoot(*s.target))) break;
                if (facts.restore.inverse.count(&s)) plan.inverted.insert(&s);  // i = i + c: i = i - c
                else plan.values.insert(&s);
                break;
            case Stmt::Kind::CallStmt: {
                const Expr& c = *s.value;
                if (c.name == "atomic_add" && c.operands.size() == 2) {
                    if (restored(chainRoot(*c.operands[0]))) plan.values.insert(&s);
                    break;
                }
                const ast::Function* sig = isTapeIntrinsic(c.name) ? nullptr : ctx.signature(c.name);
                if (!sig || sig->params.size() != c.operands.size()) break;
                const std::vector<bool> writes = writtenArguments(ctx, c, *sig);
                std::vector<size_t> taped;
                for (size_t i = 0; i < c.operands.size(); ++i) {
                    // A run-time sized array the callee consumes cannot be restored.
                    const TypePtr& t = c.operands[i]->type;
                    if (!writes[i] || (!sig->params[i].isOut && (!t || t->size <= 0))) continue;
                    if (restored(chainRoot(*c.operands[i]))) taped.push_back(i);
                }
                if (!taped.empty()) plan.outArgs[&s] = std::move(taped);
                break;
            }
            case Stmt::Kind::If:
                // Re-evaluated when it can be, or when neither branch has anything to undo.
                if (!conditionReevaluable(ctx, s) &&
                    (hasAdjointWork(ctx, facts, s.body) || hasAdjointWork(ctx, facts, s.orelse)))
                    plan.branches.insert(&s);
                break;
            case Stmt::Kind::While:
                if (hasAdjointWork(ctx, facts, s.body)) plan.counted.insert(&s);
                break;
            case Stmt::Kind::For:
                if (!boundsReevaluable(ctx, s)) plan.bounds.insert(&s);
                break;
            default: break;
        }
    });
    return plan;
}

}  // namespace lomaw::ad
