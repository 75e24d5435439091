// Every struct type of a module: the user's structs (resolved by StructChecker) and the
// differential structs _dfloat, _dS, _d_dfloat, ... (docs/language.md §2.6), materialised on demand
// from their base's members.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "syntax/Ast.h"
#include "syntax/Type.h"

namespace lomaw::sema {

struct StructInfo {
    std::string name;
    std::vector<std::pair<std::string, TypePtr>> members;  // resolved, in order
    const ast::StructDecl* userDecl = nullptr;  // the user's declaration, if the user wrote one
    bool generated = false;  // a differential struct (generated, or user-written identically)
    std::string base;        // generated: "float" or the struct it differentiates
    bool bad = false;        // recursive / erroneous: member checks are silenced
};

class StructTable {
public:
    // Registers a user struct (the first declaration of a name); members are filled later.
    StructInfo& addUser(const ast::StructDecl& d);
    StructInfo* user(const std::string& name);

    // True when `name` spells a differential struct: "_d" + ("float" | a user struct | another
    // differential struct name). Sets *base to the part after "_d".
    bool isGeneratedName(const std::string& name, std::string* base = nullptr) const;
    // The root user struct of a (possibly generated) struct name, or "" for float-based ones.
    std::string rootStruct(const std::string& name) const;

    // A user struct whose name is a generated one but whose members differ: the generated
    // definition takes the name over (the user one was reported as duplicate-definition).
    void dropUser(const std::string& name);

    // Whether a struct of this name exists (user or generated), without materialising it.
    bool exists(const std::string& name) const {
        return users_.count(name) > 0 || isGeneratedName(name);
    }
    // The struct of this name (user or generated), or null. Generated ones are materialised.
    const StructInfo* find(const std::string& name);
    // The members a generated struct would have (from its base), for identity checks.
    std::vector<std::pair<std::string, TypePtr>> generatedMembers(const std::string& base);

    // The user's declaration of this struct, or of the root of this generated struct, had a
    // parse error inside it (ast::StructDecl::incomplete): its member list may be incomplete.
    bool isIncomplete(const std::string& name) const;

    // A bounded type contains no unbounded array, recursively (§2.3).
    bool isBounded(const TypePtr& t);

    // Generated structs materialised so far (names), in creation order.
    const std::vector<std::string>& generatedOrder() const { return generatedOrder_; }
    // User struct names in registration (source) order.
    const std::vector<std::string>& userOrder() const { return userOrder_; }

private:
    std::map<std::string, StructInfo> users_;
    std::map<std::string, StructInfo> generated_;
    std::vector<std::string> generatedOrder_;
    std::vector<std::string> userOrder_;
    int depth_ = 0;  // guards materialisation against pathological nesting
};

}  // namespace lomaw::sema
