#include "ad/ReverseTapePlan.h"

#include "ad/TapeIntrinsics.h"
#include "ad/TypedBuild.h"
#include "syntax/AstWalk.h"

#include <functional>

namespace lomaw::ad {

using ast::Expr;
using ast::Stmt;

namespace {

// `v = e` or `v = v ± e` with e free of v: its adjoint reads no value of v.
bool assignsWithoutReading(const Stmt& s, const std::string& v) {
    if (s.kind != Stmt::Kind::Assign || !ast::isVar(*s.target, v) || !s.value) return false;
    const Expr& e = *s.value;
    if (!ast::mentions(e, v)) return true;
    return e.kind == Expr::Kind::Binary && (e.op == ast::BinaryOp::Add || e.op == ast::BinaryOp::Sub) &&
           ast::isVar(*e.operands[0], v) && !ast::mentions(*e.operands[1], v);
}

// Assignments to a scalar v inside a loop whose restores nothing would read: within the loop,
// v appears only as such assignments (so no adjoint, condition or recomputation there reads
// it), and the loop follows, in its block, an assignment to v that is itself restored, with
// nothing mentioning v in between -- the reverse sweep leaves the loop and restores v from that
// earlier tape before anything reads it. The inner accumulator of a matrix-vector product
// (`t = 0.0; while ...: t = t + a[i * n + j] * x[j]`, then `s = s + t * t`) was taped on every
// inner iteration for nothing.
void deadLoopRestores(const ast::Block& b, const std::function<bool(const std::string&)>& restored,
                      std::set<const Stmt*>& out) {
    for (size_t k = 0; k < b.size(); ++k) {
        const Stmt& loop = *b[k];
        for (const ast::Block* inner : {&loop.body, &loop.orelse}) deadLoopRestores(*inner, restored, out);
        if (loop.kind != Stmt::Kind::While && loop.kind != Stmt::Kind::For) continue;
        std::set<std::string> assigned;
        ast::forEachStmt(loop.body, [&](const Stmt& s) {
            if (s.kind == Stmt::Kind::Assign && s.target && s.target->kind == Expr::Kind::Var && s.target->type &&
                (s.target->type->isFloat() || s.target->type->isInt()))
                assigned.insert(s.target->name);
        });
        for (const std::string& v : assigned) {
            if (!restored(v) || loop.name == v) continue;
            bool onlyAssigned = true;
            ast::forEachStmt(loop.body, [&](const Stmt& s) {
                if (ast::mentionsOwn(s, v) && !assignsWithoutReading(s, v)) onlyAssigned = false;
            });
            bool header = loop.value && ast::mentions(*loop.value, v);
            for (const ast::ExprPtr& r : loop.rangeArgs) header = header || (r && ast::mentions(*r, v));
            if (!onlyAssigned || header) continue;
            bool restoredBefore = false;
            for (size_t j = k; j-- > 0;) {
                if (!ast::mentions(*b[j], v)) continue;
                restoredBefore = b[j]->kind == Stmt::Kind::Assign && ast::isVar(*b[j]->target, v) && b[j]->value &&
                                 !ast::mentions(*b[j]->value, v);
                break;
            }
            if (!restoredBefore) continue;
            ast::forEachStmt(loop.body, [&](const Stmt& s) {
                if (s.kind == Stmt::Kind::Assign && ast::isVar(*s.target, v)) out.insert(&s);
            });
        }
    }
}

}  // namespace

TapePlan planTapes(AdContext& ctx, const ast::Function& primal, const ReverseFacts& facts) {
    TapePlan plan;
    // A value the forward sweep computes (needed), that is not an Out parameter (those are
    // not written in the derivative) and that the reverse sweep reads.
    auto restored = [&](const Expr* root) {
        return root && !facts.outParams.count(root->name) && facts.needed.count(root->name) &&
               facts.reads.count(root->name);
    };
    std::set<const Stmt*> dead;
    if (!hasParallelLoop(primal.body))
        deadLoopRestores(primal.body, [&](const std::string& v) {
            return !facts.outParams.count(v) && facts.needed.count(v) && facts.reads.count(v);
        }, dead);
    ast::forEachStmt(primal.body, [&](const Stmt& s) {
        switch (s.kind) {
            case Stmt::Kind::Assign:
                if (!restored(chainRoot(*s.target)) || dead.count(&s)) break;
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
