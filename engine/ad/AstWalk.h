// One tree walker for the AD analyses (instead of a hand-written recursive lambda per query):
// every expression node of an expression / statement / block, every statement of a block
// (nested bodies included), and the small queries built on them.
#pragma once

#include <functional>
#include <set>
#include <string>

#include "syntax/Ast.h"

namespace lomaw::ad {

// Pre-order: e, then its operands left to right.
void forEachExpr(const ast::Expr& e, const std::function<void(const ast::Expr&)>& f);
// The expressions a statement holds itself (target, value, range arguments), not its bodies.
void forEachOwnExpr(const ast::Stmt& s, const std::function<void(const ast::Expr&)>& f);
// Every statement of b in source order, each followed by its nested bodies (body, orelse).
void forEachStmt(const ast::Block& b, const std::function<void(const ast::Stmt&)>& f);
// Every expression node of a statement and of its nested bodies.
void forEachExprIn(const ast::Stmt& s, const std::function<void(const ast::Expr&)>& f);

// Whether variable `name` occurs in e / in s or its bodies (a loop or declared variable
// of that name counts too).
bool mentions(const ast::Expr& e, const std::string& name);
bool mentions(const ast::Stmt& s, const std::string& name);
// The variables e names.
std::set<std::string> variablesOf(const ast::Expr& e);
// Whether e calls anything but the conversions int2float / float2int.
bool callsAnything(const ast::Expr& e);
// Whether e has more than `limit` nodes (O(limit)).
bool largerThan(const ast::Expr& e, int limit);
// Float arithmetic that can be evaluated ahead of its use: variables, literals, elements,
// members, + - * and float division; no calls, no int division (it can fail at run time),
// no comparisons or logic.
bool pureArithmetic(const ast::Expr& e);

}  // namespace lomaw::ad
