#include "sema/TopLevelChecker.h"

#include <map>

#include "sema/Builtins.h"

namespace lomaw::sema {

namespace {

struct NamedItem {
    const void* item;
    std::string name;
    SourceLoc loc;
    bool isStruct;
};

NamedItem describe(const ast::Item& it) {
    if (auto* s = std::get_if<ast::StructDecl>(&it))
        return {s, s->name, s->nameLoc.valid() ? s->nameLoc : s->loc, true};
    if (auto* f = std::get_if<ast::Function>(&it))
        return {f, f->name, f->nameLoc.valid() ? f->nameLoc : f->loc, false};
    const auto& d = std::get<ast::DiffDecl>(it);
    return {&d, d.name, d.loc, false};
}

}  // namespace

void TopLevelChecker::run() {
    std::map<std::string, SourceLoc> first;
    for (const ast::Item& it : ctx_.module.items) {
        NamedItem n = describe(it);
        if (n.name.empty()) {  // broken by a parse error; nothing can refer to it
            ctx_.notReferable.insert(n.item);
            continue;
        }
        if (isReservedFunctionName(n.name)) {
            ctx_.diags.report(n.loc, n.isStruct ? msg::ReservedStructName : msg::ReservedFunctionName, n.name);
            ctx_.notReferable.insert(n.item);
            continue;
        }
        auto [pos, inserted] = first.emplace(n.name, n.loc);
        if (!inserted) {
            ctx_.diags.report(n.loc, msg::DuplicateDefinition, n.name);
            ctx_.diags.note(pos->second, msg::FirstDefinitionHere, n.name);
            ctx_.notReferable.insert(n.item);
            continue;
        }
        if (n.isStruct) ctx_.structs.addUser(std::get<ast::StructDecl>(it));
    }
    // Functions may not take the name of a differential struct (structs are checked for
    // identity with the generated definition by StructChecker).
    for (const ast::Item& it : ctx_.module.items) {
        NamedItem n = describe(it);
        if (n.isStruct || !ctx_.referable(n.item)) continue;
        if (ctx_.structs.isGeneratedName(n.name)) {
            ctx_.diags.report(n.loc, msg::DifferentialStructName, n.name);

            ctx_.notReferable.insert(n.item);
        }
    }
}

}  // namespace lomaw::sema
