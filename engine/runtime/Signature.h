// What the runtime needs to know about a callable function: its parameters (name, resolved type,
// In/Out), return type and @simd flag, plus the structs of the module by name. Built from a typed
// ast::Function, or for the built-in `make__dfloat`, which has no ast::Function.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "syntax/Ast.h"

namespace lomaw::runtime {

struct ParamSignature {
    std::string name;
    TypePtr type;
    bool isOut = false;
};

struct Signature {
    std::string name;
    std::vector<ParamSignature> params;
    TypePtr returnType;  // Void for a void function
    bool simd = false;
};

Signature signatureOf(const ast::Function& f);

// The function `name` of the module, or the built-in make__dfloat; nullopt when unknown.
std::optional<Signature> findSignature(const ast::Module& module, const std::string& name);

// Struct declarations by name (user and generated ones).
class StructTable {
public:
    StructTable() = default;
    explicit StructTable(const ast::Module& module);
    void add(const ast::StructDecl& decl) { decls_[decl.name] = &decl; }
    const ast::StructDecl* find(const std::string& name) const;

private:
    std::map<std::string, const ast::StructDecl*> decls_;
};

// Names of the structs a set of signatures uses (through parameters, returns and members,
// recursively), in first-use order. These are certainly defined by the C text.
std::vector<std::string> structsUsedBy(const std::vector<Signature>& signatures,
                                       const StructTable& structs);

}  // namespace lomaw::runtime
