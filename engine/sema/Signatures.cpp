#include "sema/Signatures.h"

namespace lomaw::sema {

void Signatures::addUser(const ast::Function& f) {
    table_.emplace(f.name, Callable{Callable::Kind::User, &f, nullptr});
}

void Signatures::addBuiltin(ast::Function f) {
    std::string name = f.name;
    auto& slot = owned_[name];
    slot = std::make_unique<ast::Function>(std::move(f));
    table_[name] = Callable{Callable::Kind::Builtin, slot.get(), nullptr};
}

const ast::Function& Signatures::addDerivative(const ast::DiffDecl& d, ast::Function sig) {
    auto& slot = owned_[d.name];
    slot = std::make_unique<ast::Function>(std::move(sig));
    table_.emplace(d.name, Callable{Callable::Kind::Derivative, slot.get(), &d});
    return *slot;
}

const Callable* Signatures::find(const std::string& name) const {
    auto it = table_.find(name);
    return it == table_.end() ? nullptr : &it->second;
}

}  // namespace lomaw::sema
