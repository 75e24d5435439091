#include "ad/TypedBuild.h"

#include "sema/DifferentialType.h"

namespace lomaw::ad {

ExprPtr tInt(long long v, SourceLoc loc) {
    ExprPtr e = ast::makeInt(v, loc);
    e->type = Type::intType();
    return e;
}

ExprPtr tFloat(double v, SourceLoc loc) {
    ExprPtr e = ast::makeFloat(v, loc);
    e->type = Type::floatType();
    return e;
}

ExprPtr tVar(const std::string& name, TypePtr type, SourceLoc loc) {
    ExprPtr e = ast::makeVar(name, loc);
    e->type = std::move(type);
    return e;
}

ExprPtr tIndex(ExprPtr base, ExprPtr index) {
    SourceLoc loc = base->loc;
    TypePtr t = base->type && base->type->isArray() ? base->type->elem : nullptr;
    ExprPtr e = ast::makeIndex(std::move(base), std::move(index), loc);
    e->type = std::move(t);
    return e;
}

ExprPtr tMember(ExprPtr base, const std::string& member, TypePtr type) {
    SourceLoc loc = base->loc;
    ExprPtr e = ast::makeMember(std::move(base), member, loc);
    e->type = std::move(type);
    return e;
}

ExprPtr tNeg(ExprPtr operand) {
    SourceLoc loc = operand->loc;
    TypePtr t = operand->type;
    ExprPtr e = ast::makeNeg(std::move(operand), loc);
    e->type = std::move(t);
    return e;
}

ExprPtr tBin(ast::BinaryOp op, ExprPtr lhs, ExprPtr rhs) {
    bool bothInt = lhs->type && rhs->type && lhs->type->isInt() && rhs->type->isInt();
    SourceLoc loc = lhs->loc;
    ExprPtr e = ast::makeBinary(op, std::move(lhs), std::move(rhs), loc);
    e->type = bothInt ? Type::intType() : Type::floatType();
    return e;
}

ExprPtr tCall(const std::string& callee, std::vector<ExprPtr> args, TypePtr result, SourceLoc loc) {
    ExprPtr e = ast::makeCall(callee, std::move(args), loc);
    e->type = std::move(result);
    return e;
}

ExprPtr tToFloat(ExprPtr e) {
    if (e->type && e->type->isFloat()) return e;
    std::vector<ExprPtr> args;
    SourceLoc loc = e->loc;
    args.push_back(std::move(e));
    return tCall("int2float", std::move(args), Type::floatType(), loc);
}

namespace {
bool isZeroLiteral(const ExprPtr& e) {
    return e && e->kind == ast::Expr::Kind::FloatLit && e->floatValue == 0.0;
}
bool isOneLiteral(const ExprPtr& e) {
    return e && e->kind == ast::Expr::Kind::FloatLit && e->floatValue == 1.0;
}
}  // namespace

ExprPtr fAdd(ExprPtr a, ExprPtr b) {
    if (!a || isZeroLiteral(a)) return b;
    if (!b || isZeroLiteral(b)) return a;
    return tBin(ast::BinaryOp::Add, std::move(a), std::move(b));
}

ExprPtr fSub(ExprPtr a, ExprPtr b) {
    if (!b || isZeroLiteral(b)) return a;
    if (!a || isZeroLiteral(a)) return tNeg(std::move(b));
    return tBin(ast::BinaryOp::Sub, std::move(a), std::move(b));
}

ExprPtr fMul(ExprPtr a, ExprPtr b) {
    if (!a || !b || isZeroLiteral(a) || isZeroLiteral(b)) return nullptr;
    if (isOneLiteral(a)) return b;
    if (isOneLiteral(b)) return a;
    // (−x)·c is x·(−c): −x is 0 − x in C (docs/language.md §3.4), so this saves an addition
    // per use — the adjoint of `a − 2.0 * u[i]` reaches u[i] as r̄ * -2.0. Equal but for the
    // sign of a zero product, which no sum it is added to can tell (x + −0 is x).
    if (a->kind == ast::Expr::Kind::Neg && b->kind == ast::Expr::Kind::FloatLit)
        return tBin(ast::BinaryOp::Mul, std::move(a->operands[0]), tFloat(-b->floatValue, b->loc));
    if (b->kind == ast::Expr::Kind::Neg && a->kind == ast::Expr::Kind::FloatLit)
        return tBin(ast::BinaryOp::Mul, tFloat(-a->floatValue, a->loc), std::move(b->operands[0]));
    return tBin(ast::BinaryOp::Mul, std::move(a), std::move(b));
}

ExprPtr fDiv(ExprPtr a, ExprPtr b) {
    if (!a || isZeroLiteral(a)) return nullptr;
    return tBin(ast::BinaryOp::Div, std::move(a), std::move(b));
}

ExprPtr orZero(ExprPtr e) { return e ? std::move(e) : tFloat(0.0); }

ExprPtr copy(const ast::Expr& src) {
    auto e = std::make_unique<ast::Expr>();
    e->kind = src.kind;
    e->loc = src.loc;
    e->intValue = src.intValue;
    e->floatValue = src.floatValue;
    e->name = src.name;
    e->op = src.op;
    e->type = src.type;
    e->implicitConversion = src.implicitConversion;
    for (const ExprPtr& o : src.operands) e->operands.push_back(o ? copy(*o) : nullptr);
    return e;
}

StmtPtr sDeclare(const std::string& name, TypePtr type, ExprPtr init, SourceLoc loc) {
    auto s = std::make_unique<ast::Stmt>();
    s->kind = ast::Stmt::Kind::Declare;
    s->loc = loc;
    s->nameLoc = loc;
    s->name = name;
    s->declType = sema::typeExprFor(type);
    s->resolved = std::move(type);
    s->value = std::move(init);
    return s;
}

StmtPtr sAssign(ExprPtr target, ExprPtr value, SourceLoc loc) {
    auto s = std::make_unique<ast::Stmt>();
    s->kind = ast::Stmt::Kind::Assign;
    s->loc = loc;
    s->target = std::move(target);
    s->value = std::move(value);
    return s;
}

StmtPtr sCall(ExprPtr call, SourceLoc loc) {
    auto s = std::make_unique<ast::Stmt>();
    s->kind = ast::Stmt::Kind::CallStmt;
    s->loc = loc;
    s->value = std::move(call);
    return s;
}

StmtPtr sReturn(ExprPtr value, SourceLoc loc) {
    auto s = std::make_unique<ast::Stmt>();
    s->kind = ast::Stmt::Kind::Return;
    s->loc = loc;
    s->value = std::move(value);
    return s;
}

StmtPtr sIf(ExprPtr cond, ast::Block body, ast::Block orelse, SourceLoc loc) {
    auto s = std::make_unique<ast::Stmt>();
    s->kind = ast::Stmt::Kind::If;
    s->loc = loc;
    s->value = std::move(cond);
    s->body = std::move(body);
    s->orelse = std::move(orelse);
    return s;
}

StmtPtr sWhile(ExprPtr cond, long long maxIter, ast::Block body, SourceLoc loc) {
    auto s = std::make_unique<ast::Stmt>();
    s->kind = ast::Stmt::Kind::While;
    s->loc = loc;
    s->maxIterLoc = loc;
    s->value = std::move(cond);
    s->maxIter = maxIter;
    s->body = std::move(body);
    return s;
}

StmtPtr sFor(const std::string& var, std::vector<ExprPtr> rangeArgs, ast::Block body, SourceLoc loc) {
    auto s = std::make_unique<ast::Stmt>();
    s->kind = ast::Stmt::Kind::For;
    s->loc = loc;
    s->nameLoc = loc;
    s->name = var;
    s->rangeArgs = std::move(rangeArgs);
    s->body = std::move(body);
    return s;
}

StmtPtr sAtomicAdd(ExprPtr target, ExprPtr value, SourceLoc loc) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(target));
    args.push_back(std::move(value));
    return sCall(tCall("atomic_add", std::move(args), Type::voidType(), loc), loc);
}

bool isLvalueChain(const ast::Expr& e) { return chainRoot(e) != nullptr; }

const ast::Expr* chainRoot(const ast::Expr& e) {
    const ast::Expr* p = &e;
    while (p) {
        if (p->kind == ast::Expr::Kind::Var) return p;
        if ((p->kind != ast::Expr::Kind::Index && p->kind != ast::Expr::Kind::Member) || p->operands.empty())
            return nullptr;
        p = p->operands[0].get();
    }
    return nullptr;
}

}  // namespace lomaw::ad
