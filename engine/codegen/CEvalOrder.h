// Where C's evaluation order could differ from loma's. C leaves the order of operands and
// arguments unspecified; loma evaluates left to right (§3.3, §3.4, §3.8). The difference is
// observable only when a call in the expression can write memory the other operands read,
// i.e. a call to a function that receives a pointer (array or Out parameter, or a struct
// with an unbounded-array member). The expression emitter then evaluates the operands into
// temporaries in loma's order; everywhere else it emits plain C expressions.
#pragma once

#include <map>
#include <string>
#include <unordered_map>

#include "syntax/Ast.h"

namespace lomaw::codegen {

class CEvalOrder {
public:
    explicit CEvalOrder(const ast::Module& m) : module_(m) {}

    // True when `e` contains a call that can write memory visible to the caller. Memoised
    // per node: the emitter asks at every operator of a chain, and a 999-factor product
    // walked its whole left operand at each of them (quadratic).
    bool mayWrite(const ast::Expr& e) const;
    bool calleeMayWrite(const std::string& function) const;

private:
    bool typeHoldsPointer(const Type& t, int depth) const;

    const ast::Module& module_;
    mutable std::map<std::string, bool> calleeCache_;
    mutable std::unordered_map<const ast::Expr*, bool> writesCache_;  // the module is not changed while emitting
};

}  // namespace lomaw::codegen
