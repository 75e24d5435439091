// Forward mode, statements and the function body (docs/language.md §6.2, §6.4): the primal control
// flow is kept as is, conditions and indices on primal values; floats are written as
// make__dfloat(value, tangent) pairs.
#include <set>

#include "syntax/AstWalk.h"
#include "ad/ForwardDiff.h"
#include "ad/ForwardDiffer.h"
#include "ad/ReverseDiffer.h"
#include "sema/DifferentialType.h"

namespace lomaw::ad {

namespace {
// Whether `b` uses a variable whose name starts with `_` (generated ones do) other than `own`.
bool usesOtherGeneratedNames(const ast::Expr& e, const std::set<std::string>& own) {
    if (e.kind == ast::Expr::Kind::Var && e.name.rfind("_", 0) == 0 && !own.count(e.name)) return true;
    for (const ast::ExprPtr& o : e.operands)
        if (o && usesOtherGeneratedNames(*o, own)) return true;
    return false;
}
bool usesOtherGeneratedNames(const ast::Block& b, const std::set<std::string>& own) {
    for (const ast::StmtPtr& s : b) {
        if (!s) continue;
        if (s->target && usesOtherGeneratedNames(*s->target, own)) return true;
        if (s->value && usesOtherGeneratedNames(*s->value, own)) return true;
        for (const ast::ExprPtr& a : s->rangeArgs)
            if (a && usesOtherGeneratedNames(*a, own)) return true;
        if (usesOtherGeneratedNames(s->body, own) || usesOtherGeneratedNames(s->orelse, own)) return true;
    }
    return false;
}
// `p` with `names` added to its private clause (a new one when it has none).
ast::Pragma withPrivate(const ast::Pragma& p, const std::vector<std::string>& names) {
    ast::Pragma out = p;
    if (names.empty()) return out;
    ast::PragmaClause* priv = nullptr;
    for (ast::PragmaClause& c : out.clauses)
        if (c.kind == ast::PragmaClause::Kind::Private) priv = &c;
    if (!priv) {
        ast::PragmaClause c;
        c.kind = ast::PragmaClause::Kind::Private;
        c.word = "private";
        c.loc = p.loc;
        out.clauses.push_back(std::move(c));
        priv = &out.clauses.back();
    }
    for (const std::string& n : names) priv->vars.push_back({n, p.loc});
    return out;
}
// A call of make__dfloat or of a forward derivative: the function being differentiated is
// itself (part of) a forward derivative, so this is a higher order.
bool buildsDualNumbers(const ast::Expr& e) {
    return e.kind == ast::Expr::Kind::Call && (e.name == "make__dfloat" || e.name.rfind("_d_fwd_", 0) == 0);
}
// Conservative: any reduction clause (its variables' types are not at hand here).
bool reducesFloat(const ast::Pragma& p) {
    for (const ast::PragmaClause& c : p.clauses)
        if (c.kind == ast::PragmaClause::Kind::Reduction && !c.vars.empty()) return true;
    return false;
}
}  // namespace


using ast::Stmt;

ForwardDiffer::ForwardDiffer(AdContext& ctx, const ast::Function& primal, ast::Function& out)
    : ctx_(ctx), primal_(primal), out_(out) {
    names_.takeAll(primal);
    for (const ast::Param& p : out.params) names_.take(p.name);
    for (const StmtPtr& s : primal.body)
        if (s) ast::forEachExprIn(*s, [&](const ast::Expr& e) { nested_ = nested_ || buildsDualNumbers(e); });
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
    sharedValues_.clear();
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
            if (isTapeIntrinsic(c.name)) {
                // Generated by reverse mode (fwd_diff of a rev_diff): kept, on the D-typed tapes.
                std::vector<ExprPtr> args;
                for (const ExprPtr& a : c.operands) args.push_back(a->type && a->type->isInt() ? value(*a) : chain(*a));
                flushPrelude(out);
                out.push_back(sCall(tCall(c.name, std::move(args), Type::voidType(), c.loc), s.loc));
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
            // Variables keep their names in forward mode, so the primal pragma applies as is
            // (private copies, firstprivate values: the same semantics as the primal). The
            // temporaries the body needs (_v, _part, _r_f, _cond; declared at the top of the
            // function, the only place loma declares, which rev_diff of this derivative relies
            // on) are written before they are read in every iteration: they are added to the
            // private clause. Loops that reduce a float (a _dfloat has no `+=` in C), or whose
            // body uses other `_` variables (in a fwd_diff of a rev_diff: adjoints, whose
            // clauses assume float `+=`) stay sequential: equal up to reassociation (§9.2).
            const size_t tempsBefore = temps_.size();
            ast::Block body;
            block(s.body, body);
            std::vector<std::string> bodyTemps;
            for (size_t k = tempsBefore; k < temps_.size(); ++k) bodyTemps.push_back(temps_[k]->name);
            const std::set<std::string> own(bodyTemps.begin(), bodyTemps.end());
            const bool keepPragma = s.pragma && !reducesFloat(*s.pragma) && !usesOtherGeneratedNames(body, own);
            out.push_back(sFor(s.name, std::move(args), std::move(body), s.loc));
            if (keepPragma) out.back()->pragma = withPrivate(*s.pragma, bodyTemps);
            break;
        }
    }
}

void forwardBody(AdContext& ctx, const ast::Function& primal, ast::Function& out) {
    ForwardDiffer(ctx, primal, out).run();
}

}  // namespace lomaw::ad
