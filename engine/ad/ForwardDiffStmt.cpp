// Forward mode, statements and the function body (LANGUAGE.md §6.2, §6.4): the primal control
// flow is kept as is, conditions and indices on primal values; floats are written as
// make__dfloat(value, tangent) pairs.
#include "ad/ForwardDiff.h"
#include "ad/ForwardDiffer.h"
#include "sema/DifferentialType.h"

namespace lomaw::ad {

using ast::Stmt;

ForwardDiffer::ForwardDiffer(AdContext& ctx, const ast::Function& primal, ast::Function& out)
    : ctx_(ctx), primal_(primal), out_(out) {
    names_.takeAll(primal);
    for (const ast::Param& p : out.params) names_.take(p.name);
}

void ForwardDiffer::run() {
    ast::Block body;
    block(primal_.body, body);
    out_.body = std::move(temps_);
    for (StmtPtr& s : body) out_.body.push_back(std::move(s));
}

void ForwardDiffer::flushPrelude(ast::Block& out) {
    for (StmtPtr& s : prelude_) out.push_back(std::move(s));
    prelude_.clear();
}

void ForwardDiffer::block(const ast::Block& in, ast::Block& out) {
    for (const StmtPtr& s : in)
        if (s) stmt(*s, out);
}

void ForwardDiffer::stmt(const Stmt& s, ast::Block& out) {
    loc_ = s.loc;
    switch (s.kind) {
        case Stmt::Kind::Declare: {
            ExprPtr init = s.value ? diffValue(*s.value) : nullptr;
            flushPrelude(out);
            out.push_back(sDeclare(s.name, sema::differentialType(s.resolved), std::move(init), s.loc));
            break;
        }
        case Stmt::Kind::Assign: {
            ExprPtr v = diffValue(*s.value);
            ExprPtr t = chain(*s.target);
            flushPrelude(out);
            out.push_back(sAssign(std::move(t), std::move(v), s.loc));
            break;
        }
        case Stmt::Kind::Return: {
            ExprPtr v = diffValue(*s.value);
            flushPrelude(out);
            out.push_back(sReturn(std::move(v), s.loc));
            break;
        }
        case Stmt::Kind::CallStmt: {
            const ast::Expr& c = *s.value;
            if (c.name == "atomic_add" && c.operands.size() == 2) {
                // atomic_add(t.val, v); atomic_add(t.dval, v') (§4)
                ExprPtr t = chain(*c.operands[0]);
                Dual v = dual(*c.operands[1]);
                flushPrelude(out);
                ExprPtr tv = tMember(copy(*t), "val", Type::floatType());
                out.push_back(sAtomicAdd(std::move(tv), std::move(v.val), s.loc));
                if (v.dval)
                    out.push_back(sAtomicAdd(tMember(std::move(t), "dval", Type::floatType()),
                                             std::move(v.dval), s.loc));
                break;
            }
            ExprPtr call = callDerivative(c);
            flushPrelude(out);
            out.push_back(sCall(std::move(call), s.loc));
            break;
        }
        case Stmt::Kind::If: {
            ExprPtr cond = value(*s.value);
            flushPrelude(out);
            ast::Block body, orelse;
            block(s.body, body);
            block(s.orelse, orelse);
            out.push_back(sIf(std::move(cond), std::move(body), std::move(orelse), s.loc));
            break;
        }
        case Stmt::Kind::While: {
            // Calls in the condition are re-evaluated before every test: once before the loop
            // and again at the end of the body.
            ExprPtr cond = value(*s.value);
            ast::Block again = ast::clone(prelude_);
            flushPrelude(out);
            ast::Block body;
            block(s.body, body);
            for (StmtPtr& p : again) body.push_back(std::move(p));
            out.push_back(sWhile(std::move(cond), s.maxIter, std::move(body), s.loc));
            break;
        }
        case Stmt::Kind::For: {
            std::vector<ExprPtr> args;
            for (const ExprPtr& a : s.rangeArgs) args.push_back(value(*a));
            flushPrelude(out);
            ast::Block body;
            block(s.body, body);
            // The pragma stays on the primal only: derivative loops run sequentially (their
            // result equals the parallel one up to reassociation, §9.2).
            out.push_back(sFor(s.name, std::move(args), std::move(body), s.loc));
            break;
        }
    }
}

void forwardBody(AdContext& ctx, const ast::Function& primal, ast::Function& out) {
    ForwardDiffer(ctx, primal, out).run();
}

}  // namespace lomaw::ad
