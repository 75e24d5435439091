#include "syntax/AstWalk.h"

namespace lomaw::ast {

void forEachExpr(const Expr& e, const std::function<void(const Expr&)>& f) {
    f(e);
    for (const ExprPtr& o : e.operands)
        if (o) forEachExpr(*o, f);
}

void forEachOwnExpr(const Stmt& s, const std::function<void(const Expr&)>& f) {
    if (s.target) forEachExpr(*s.target, f);
    if (s.value) forEachExpr(*s.value, f);
    for (const ExprPtr& a : s.rangeArgs)
        if (a) forEachExpr(*a, f);
}

void forEachStmt(const Block& b, const std::function<void(const Stmt&)>& f) {
    for (const StmtPtr& s : b) {
        if (!s) continue;
        f(*s);
        forEachStmt(s->body, f);
        forEachStmt(s->orelse, f);
    }
}

void forEachExprIn(const Stmt& s, const std::function<void(const Expr&)>& f) {
    forEachOwnExpr(s, f);
    forEachStmt(s.body, [&](const Stmt& t) { forEachOwnExpr(t, f); });
    forEachStmt(s.orelse, [&](const Stmt& t) { forEachOwnExpr(t, f); });
}

void forEachExprIn(const Block& b, const std::function<void(const Expr&)>& f) {
    forEachStmt(b, [&](const Stmt& t) { forEachOwnExpr(t, f); });
}

bool anyExpr(const Expr& e, const std::function<bool(const Expr&)>& p) {
    if (p(e)) return true;
    for (const ExprPtr& o : e.operands)
        if (o && anyExpr(*o, p)) return true;
    return false;
}

bool anyStmt(const Block& b, const std::function<bool(const Stmt&)>& p) {
    for (const StmtPtr& s : b)
        if (s && (p(*s) || anyStmt(s->body, p) || anyStmt(s->orelse, p))) return true;
    return false;
}

bool isVar(const Expr& e, const std::string& name) { return e.kind == Expr::Kind::Var && e.name == name; }

void renameVar(Expr& e, const std::string& from, const std::string& to) {
    if (isVar(e, from)) e.name = to;
    for (ExprPtr& o : e.operands)
        if (o) renameVar(*o, from, to);
}

bool mentionsOwn(const Stmt& s, const std::string& name) {
    bool found = false;
    forEachOwnExpr(s, [&](const Expr& x) { found = found || isVar(x, name); });
    return found;
}

bool mentions(const Expr& e, const std::string& name) {
    return anyExpr(e, [&](const Expr& x) { return isVar(x, name); });
}

bool mentions(const Stmt& s, const std::string& name) {
    bool found = false;
    auto own = [&](const Stmt& t) {
        if ((t.kind == Stmt::Kind::Declare || t.kind == Stmt::Kind::For) && t.name == name) found = true;
        found = found || mentionsOwn(t, name);
    };
    own(s);
    forEachStmt(s.body, own);
    forEachStmt(s.orelse, own);
    return found;
}

void addVariablesOf(const Expr& e, std::set<std::string>& out) {
    forEachExpr(e, [&](const Expr& x) {
        if (x.kind == Expr::Kind::Var) out.insert(x.name);
    });
}

std::set<std::string> variablesOf(const Expr& e) {
    std::set<std::string> out;
    addVariablesOf(e, out);
    return out;
}

std::set<std::string> variablesOf(const Block& b) {
    std::set<std::string> out;
    forEachExprIn(b, [&](const Expr& x) {
        if (x.kind == Expr::Kind::Var) out.insert(x.name);
    });
    return out;
}

bool callsAnything(const Expr& e) {
    return anyExpr(e, [](const Expr& x) {
        return x.kind == Expr::Kind::Call && x.name != "int2float" && x.name != "float2int";
    });
}

namespace {

bool countDown(const Expr& e, int& left) {
    if (--left < 0) return true;
    for (const ExprPtr& o : e.operands)
        if (o && countDown(*o, left)) return true;
    return false;
}

}  // namespace

bool largerThan(const Expr& e, int limit) { return countDown(e, limit); }

bool pureArithmetic(const Expr& e) {
    switch (e.kind) {
        case Expr::Kind::Var:
        case Expr::Kind::IntLit:
        case Expr::Kind::FloatLit: return true;
        case Expr::Kind::Member:
        case Expr::Kind::Neg: return pureArithmetic(*e.operands[0]);
        case Expr::Kind::Index: return pureArithmetic(*e.operands[0]) && pureArithmetic(*e.operands[1]);
        case Expr::Kind::Binary:
            if (e.op != BinaryOp::Add && e.op != BinaryOp::Sub && e.op != BinaryOp::Mul && e.op != BinaryOp::Div)
                return false;
            if (e.op == BinaryOp::Div && (!e.type || !e.type->isFloat())) return false;
            return pureArithmetic(*e.operands[0]) && pureArithmetic(*e.operands[1]);
        default: return false;
    }
}

std::optional<long long> intLiteral(const Expr& e) {
    if (e.kind == Expr::Kind::IntLit) return e.intValue;
    if (e.kind == Expr::Kind::Neg && e.operands.size() == 1 && e.operands[0] && e.operands[0]->kind == Expr::Kind::IntLit)
        return -e.operands[0]->intValue;
    return std::nullopt;
}

}  // namespace lomaw::ast
