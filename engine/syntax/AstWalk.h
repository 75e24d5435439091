// One tree walker for the passes over typed trees (AD analyses, the OpenMP access and scope
// analyses) instead of a hand-written recursive function per query, in the manner of Halide's
// IRVisitor and ExprUsesVar: every expression node of an expression / statement, every
// statement of a block (nested bodies included), and the small queries built on them.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>

#include "syntax/Ast.h"

namespace lomaw::ast {

// Pre-order: e, then its operands left to right.
void forEachExpr(const Expr& e, const std::function<void(const Expr&)>& f);
// The expressions a statement holds itself (target, value, range arguments), not its bodies.
void forEachOwnExpr(const Stmt& s, const std::function<void(const Expr&)>& f);
// Every statement of b in source order, each followed by its nested bodies (body, orelse).
void forEachStmt(const Block& b, const std::function<void(const Stmt&)>& f);
// Every expression node of a statement and of its nested bodies.
void forEachExprIn(const Stmt& s, const std::function<void(const Expr&)>& f);
// Every expression node of the statements of b (and of their nested bodies), in source order.
void forEachExprIn(const Block& b, const std::function<void(const Expr&)>& f);
// Whether some node of e / some statement of b (in the orders above) satisfies `p`; stops at
// the first that does.
bool anyExpr(const Expr& e, const std::function<bool(const Expr&)>& p);
bool anyStmt(const Block& b, const std::function<bool(const Stmt&)>& p);

// Whether e is the variable `name` itself.
bool isVar(const Expr& e, const std::string& name);
// Renames every use of variable `from` in e to `to` (the one mutating helper here).
void renameVar(Expr& e, const std::string& from, const std::string& to);
// Whether variable `name` occurs in the expressions s holds itself (not in its bodies).
bool mentionsOwn(const Stmt& s, const std::string& name);
// Whether variable `name` occurs in e / in s or its bodies (a loop or declared variable
// of that name counts too).
bool mentions(const Expr& e, const std::string& name);
bool mentions(const Stmt& s, const std::string& name);
// The variables e names.
std::set<std::string> variablesOf(const Expr& e);
// Adds the variables e names to `out`.
void addVariablesOf(const Expr& e, std::set<std::string>& out);
// The variables the statements of b (and their bodies) name in their expressions.
std::set<std::string> variablesOf(const Block& b);
// Whether e calls anything but the conversions int2float / float2int.
bool callsAnything(const Expr& e);
// Whether e has more than `limit` nodes (O(limit)).
bool largerThan(const Expr& e, int limit);
// Float arithmetic that can be evaluated ahead of its use: variables, literals, elements,
// members, + - * and float division; no calls, no int division (it can fail at run time),
// no comparisons or logic.
bool pureArithmetic(const Expr& e);
// The value of an int literal or a negated one (`3`, `-1`: a range step as written), else none.
std::optional<long long> intLiteral(const Expr& e);

}  // namespace lomaw::ast
