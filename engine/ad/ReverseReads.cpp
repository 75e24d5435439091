// Reverse mode, the read set: which primal values the adjoint code reads (operands of
// non-linear operations, indices, call arguments, re-evaluated conditions and range bounds),
// and so must be restored when overwritten (ReverseFacts.h, step 3).
#include "ad/ReverseActivity.h"
#include "ad/ReverseFacts.h"
#include "ad/TypedBuild.h"
#include "syntax/AstWalk.h"

namespace lomaw::ad {

using ast::BinaryOp;
using ast::Expr;
using ast::Stmt;

namespace {

class ReadAnalysis {
public:
    ReadAnalysis(AdContext& ctx, const Activity& active) : ctx_(ctx), active_(active) {}

    void block(const ast::Block& b) {
        for (const StmtPtr& sp : b)
            if (sp) stmt(*sp);
    }

    ReadSet result;

private:
    void read(const std::string& v, int line) {
        result.vars.insert(v);
        result.lines[v].insert(line);
    }

    // Variables whose values the adjoint code of `e` reads. In a linear position (a sum of
    // terms) a variable is not read, only its adjoint is written; indices always are.
    void reads(const Expr& e, bool linear) {
        switch (e.kind) {
            case Expr::Kind::Var:
                if (!linear) read(e.name, line_);
                return;
            case Expr::Kind::Index:
                reads(*e.operands[0], linear);
                reads(*e.operands[1], false);
                return;
            case Expr::Kind::Member: reads(*e.operands[0], linear); return;
            case Expr::Kind::Neg: reads(*e.operands[0], linear); return;
            case Expr::Kind::Binary: {
                bool lin = linear && (e.op == BinaryOp::Add || e.op == BinaryOp::Sub);
                bool noAdjoint = e.op != BinaryOp::Add && e.op != BinaryOp::Sub && e.op != BinaryOp::Mul &&
                                 e.op != BinaryOp::Div;
                if (noAdjoint && linear) return;  // a comparison contributes no adjoint
                // x * y: x̄ += r̄·y reads y only when x is active, and ȳ += r̄·x reads x only
                // when y is; x / y: x is read only for ȳ. An operand scaled by an inactive
                // factor stays in a linear position (e.g. `3.0 * a`: a's value is not needed).
                if (linear && e.op == BinaryOp::Mul) {
                    reads(*e.operands[0], !active_(*e.operands[1]));
                    reads(*e.operands[1], !active_(*e.operands[0]));
                    return;
                }
                if (linear && e.op == BinaryOp::Div) {
                    reads(*e.operands[0], !active_(*e.operands[1]));
                    reads(*e.operands[1], false);
                    return;
                }
                reads(*e.operands[0], lin);
                reads(*e.operands[1], lin);
                return;
            }
            case Expr::Kind::Call:
                if (linear && (e.name == "int2float" || e.name == "float2int" || e.name == "thread_id")) return;
                if (linear && e.name == "make__dfloat") {  // its adjoint is split member-wise
                    for (const ExprPtr& a : e.operands) reads(*a, true);
                    return;
                }
                for (const ExprPtr& a : e.operands)
                    if (a) reads(*a, false);
                return;
            default: return;
        }
    }

    void indexReads(const Expr& lvalue) {
        for (const Expr* p = &lvalue; p && !p->operands.empty(); p = p->operands[0].get())
            if (p->kind == Expr::Kind::Index) reads(*p->operands[1], false);
    }

    void stmt(const Stmt& s) {
        line_ = s.loc.line;
        switch (s.kind) {
            case Stmt::Kind::Declare:
                if (s.value) reads(*s.value, true);
                break;
            case Stmt::Kind::Assign:
                indexReads(*s.target);
                reads(*s.value, true);
                break;
            case Stmt::Kind::Return: reads(*s.value, true); break;
            case Stmt::Kind::CallStmt: {
                const Expr& c = *s.value;
                if (c.name == "atomic_add" && c.operands.size() == 2) {
                    indexReads(*c.operands[0]);
                    reads(*c.operands[1], true);
                    break;
                }
                const ast::Function* sig = ctx_.signature(c.name);
                for (size_t i = 0; i < c.operands.size(); ++i) {
                    bool out = sig && i < sig->params.size() && sig->params[i].isOut;
                    // An in-out argument's entry value goes to the callee's derivative.
                    if (out && ctx_.inoutParams(c.name).count(i)) reads(*c.operands[i], false);
                    else if (out && c.operands[i]->type && c.operands[i]->type->isArray() &&
                             !ctx_.holdsFloat(c.operands[i]->type))
                        reads(*c.operands[i], false);  // passed as its own (ignored) adjoint input
                    else if (out) indexReads(*c.operands[i]);
                    else reads(*c.operands[i], false);
                }
                break;
            }
            case Stmt::Kind::If:
                // The condition is re-evaluated in the reverse sweep when it can be; otherwise
                // the decision is taped.
                if (conditionReevaluable(ctx_, s))
                    for (const std::string& v : ast::variablesOf(*s.value)) read(v, s.loc.line);
                block(s.body);
                block(s.orelse);
                break;
            case Stmt::Kind::While: block(s.body); break;
            case Stmt::Kind::For:
                for (const ExprPtr& a : s.rangeArgs) reads(*a, false);
                block(s.body);
                break;
        }
    }

    AdContext& ctx_;
    const Activity& active_;
    int line_ = 0;  // of the statement being analysed
};

}  // namespace

ReadSet readsOfReverseSweep(AdContext& ctx, const ast::Function& primal, const Activity& active) {
    ReadAnalysis a(ctx, active);
    a.block(primal.body);
    return std::move(a.result);
}

}  // namespace lomaw::ad
