#include "runtime/Signature.h"

#include <set>

namespace lomaw::runtime {

Signature signatureOf(const ast::Function& f) {
    Signature s;
    s.name = f.name;
    s.simd = f.simd;
    s.returnType = f.returnType ? f.returnType : Type::voidType();
    for (const ast::Param& p : f.params) s.params.push_back({p.name, p.resolved, p.isOut});
    return s;
}

std::optional<Signature> findSignature(const ast::Module& module, const std::string& name) {
    if (const ast::Function* f = module.findFunction(name)) {
        // The arithmetic helpers of nested fwd_diff are static in C: not callable from outside.
        if (f->inlineHelper) return std::nullopt;
        return signatureOf(*f);
    }
    if (name == "make__dfloat") {
        // Built in (docs/language.md §2.6): make__dfloat(val : In[float], dval : In[float]) -> _dfloat.
        Signature s;
        s.name = name;
        s.params = {{"val", Type::floatType(), false}, {"dval", Type::floatType(), false}};
        s.returnType = Type::structType("_dfloat");
        return s;
    }
    return std::nullopt;
}

StructTable::StructTable(const ast::Module& module) {
    for (const ast::StructDecl* s : module.structs()) add(*s);
}

const ast::StructDecl* StructTable::find(const std::string& name) const {
    auto it = decls_.find(name);
    return it == decls_.end() ? nullptr : it->second;
}

namespace {

void collectStructs(const TypePtr& t, const StructTable& structs, std::set<std::string>& seen,
                    std::vector<std::string>& order) {
    if (!t) return;
    if (t->isArray()) {
        collectStructs(t->elem, structs, seen, order);
        return;
    }
    if (!t->isStruct() || !seen.insert(t->structName).second) return;
    if (const ast::StructDecl* decl = structs.find(t->structName)) {
        for (const ast::Member& m : decl->members) collectStructs(m.resolved, structs, seen, order);
    }
    order.push_back(t->structName);  // members first: the order C needs them defined in
}

}  // namespace

std::vector<std::string> structsUsedBy(const std::vector<Signature>& signatures,
                                       const StructTable& structs) {
    std::set<std::string> seen;
    std::vector<std::string> order;
    for (const Signature& s : signatures) {
        for (const ParamSignature& p : s.params) collectStructs(p.type, structs, seen, order);
        collectStructs(s.returnType, structs, seen, order);
    }
    return order;
}

}  // namespace lomaw::runtime
