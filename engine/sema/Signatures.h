// Every callable of a module by name: user functions (first definitions), declared derivatives
// (with their generated signatures, §6.2/§6.3) and the built-in make__dfloat. Intrinsics
// other than make__dfloat have their own rules (Builtins.h) and are not listed here.
#pragma once

#include <map>
#include <unordered_map>
#include <memory>
#include <string>

#include "syntax/Ast.h"

namespace lomaw::sema {

struct Callable {
    enum class Kind { User, Derivative, Builtin };
    Kind kind = Kind::User;
    const ast::Function* fn = nullptr;     // the typed signature (params, returnType, simd)
    const ast::DiffDecl* decl = nullptr;   // Derivative: its declaration
};

class Signatures {
public:
    void addUser(const ast::Function& f);
    void addBuiltin(ast::Function f);
    const ast::Function& addDerivative(const ast::DiffDecl& d, ast::Function sig);
    const Callable* find(const std::string& name) const;

private:
    std::unordered_map<std::string, Callable> table_;  // looked up for every call: hashed
    std::map<std::string, std::unique_ptr<ast::Function>> owned_;
};

}  // namespace lomaw::sema
