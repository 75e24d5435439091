// Typed node constructors for generated code.
//
// AD fills types directly instead of re-running the checker on what it generates: every node
// built here carries its resolved type (Expr::type, Stmt::resolved, TypeExpr annotations for
// declarations), so the result satisfies the invariants of a checked module without the
// checker having to accept generated-only constructs. Arithmetic is built well typed (both
// operands int or both float); callers insert int2float themselves.
#pragma once

#include <string>
#include <vector>

#include "syntax/Ast.h"

namespace lomaw::ad {

using ast::ExprPtr;
using ast::StmtPtr;

ExprPtr tInt(long long v, SourceLoc loc = {});
ExprPtr tFloat(double v, SourceLoc loc = {});
ExprPtr tVar(const std::string& name, TypePtr type, SourceLoc loc = {});
ExprPtr tIndex(ExprPtr base, ExprPtr index);
ExprPtr tMember(ExprPtr base, const std::string& member, TypePtr type);
ExprPtr tNeg(ExprPtr operand);
// Arithmetic or comparison; the result type follows §3.4 (int only when both are int).
ExprPtr tBin(ast::BinaryOp op, ExprPtr lhs, ExprPtr rhs);
ExprPtr tCall(const std::string& callee, std::vector<ExprPtr> args, TypePtr result, SourceLoc loc = {});
ExprPtr tToFloat(ExprPtr intExpr);  // int2float(e), or e itself when already float

// Null-tolerant float arithmetic used for tangents and adjoints: a null operand means a
// statically zero value, so `add(null, b)` is b and `mul(null, b)` is null.
ExprPtr fAdd(ExprPtr a, ExprPtr b);
ExprPtr fSub(ExprPtr a, ExprPtr b);
ExprPtr fMul(ExprPtr a, ExprPtr b);
ExprPtr fDiv(ExprPtr a, ExprPtr b);  // a / b; null when a is null
ExprPtr orZero(ExprPtr e);           // e, or the literal 0.0 when null

ExprPtr copy(const ast::Expr& e);                // ast::clone keeping types
inline ExprPtr copy(const ExprPtr& e) { return e ? copy(*e) : nullptr; }

StmtPtr sDeclare(const std::string& name, TypePtr type, ExprPtr init, SourceLoc loc);
StmtPtr sAssign(ExprPtr target, ExprPtr value, SourceLoc loc);
StmtPtr sCall(ExprPtr call, SourceLoc loc);
StmtPtr sReturn(ExprPtr value, SourceLoc loc);
StmtPtr sIf(ExprPtr cond, ast::Block body, ast::Block orelse, SourceLoc loc);
StmtPtr sWhile(ExprPtr cond, long long maxIter, ast::Block body, SourceLoc loc);
StmtPtr sFor(const std::string& var, std::vector<ExprPtr> rangeArgs, ast::Block body, SourceLoc loc);
// atomic_add(target, value) as a statement.
StmtPtr sAtomicAdd(ExprPtr target, ExprPtr value, SourceLoc loc);

bool isLvalueChain(const ast::Expr& e);          // Var, or Index/Member chain rooted at a Var
const ast::Expr* chainRoot(const ast::Expr& e);  // the root Var of a chain, or null

}  // namespace lomaw::ad
