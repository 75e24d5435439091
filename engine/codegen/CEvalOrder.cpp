#include "codegen/CEvalOrder.h"

namespace lomaw::codegen {

bool CEvalOrder::typeHoldsPointer(const Type& t, int depth) const {
    if (depth > 64) return true;  // malformed (recursive) struct: be conservative
    if (t.isArray()) return t.isUnboundedArray() || (t.elem && typeHoldsPointer(*t.elem, depth + 1));
    if (!t.isStruct()) return false;
    const ast::StructDecl* s = module_.findStruct(t.structName);
    if (!s) return false;
    for (const ast::Member& m : s->members)
        if (m.resolved && typeHoldsPointer(*m.resolved, depth + 1)) return true;
    return false;
}

bool CEvalOrder::calleeMayWrite(const std::string& function) const {
    if (auto it = calleeCache_.find(function); it != calleeCache_.end()) return it->second;
    bool writes = false;
    if (const ast::Function* f = module_.findFunction(function)) {
        for (const ast::Param& p : f->params) {
            // Arrays are pointers (even Array[T, N]); Out scalars/structs are pointers.
            if (p.isOut || !p.resolved || p.resolved->isArray() || typeHoldsPointer(*p.resolved, 0))
                writes = true;
        }
    }
    calleeCache_[function] = writes;
    return writes;
}

bool CEvalOrder::mayWrite(const ast::Expr& e) const {
    if (auto it = writesCache_.find(&e); it != writesCache_.end()) return it->second;
    bool writes = e.kind == ast::Expr::Kind::Call && calleeMayWrite(e.name);
    for (const ast::ExprPtr& o : e.operands)
        if (!writes && o) writes = mayWrite(*o);
    writesCache_.emplace(&e, writes);
    return writes;
}

}  // namespace lomaw::codegen
