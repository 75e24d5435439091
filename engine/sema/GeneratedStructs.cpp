#include "sema/GeneratedStructs.h"

#include <functional>
#include <set>
#include <string>

#include "sema/DifferentialType.h"
#include "sema/ErrorType.h"

namespace lomaw::sema {

namespace {

void typesOfBlock(const ast::Block& b, std::vector<TypePtr>& out) {
    for (const ast::StmtPtr& s : b) {
        if (!s) continue;
        if (s->resolved) out.push_back(s->resolved);
        typesOfBlock(s->body, out);
        typesOfBlock(s->orelse, out);
    }
}

}  // namespace

void GeneratedStructs::append(const std::vector<TypePtr>& extraTypes) {
    StructTable& table = ctx_.structs;

    // Which struct names does the module use (closing over members of generated structs)?
    std::vector<TypePtr> roots = extraTypes;
    for (const ast::Item& it : ctx_.module.items) {
        if (auto* s = std::get_if<ast::StructDecl>(&it)) {
            for (const ast::Member& m : s->members) roots.push_back(m.resolved);
        } else if (auto* f = std::get_if<ast::Function>(&it)) {
            for (const ast::Param& p : f->params) roots.push_back(p.resolved);
            roots.push_back(f->returnType);
            typesOfBlock(f->body, roots);
        }
    }
    std::set<std::string> used;
    std::function<void(const TypePtr&)> use = [&](const TypePtr& t) {
        if (isError(t)) return;
        if (t->isArray()) return use(t->elem);
        if (!t->isStruct() || !used.insert(t->structName).second) return;
        if (const StructInfo* s = table.find(t->structName); s && s->generated)
            for (const auto& m : s->members) use(m.second);
    };
    for (const TypePtr& t : roots) use(t);

    // Level 1 always; deeper levels when used.
    std::vector<std::string> order;
    std::vector<std::string> level{"_dfloat"};
    for (const std::string& n : table.userOrder()) {
        const StructInfo* s = table.find(n);
        if (s && !s->generated && !s->bad) level.push_back(differentialStructName(n));
    }
    for (int depth = 0; !level.empty() && depth < 64; ++depth) {
        std::vector<std::string> next;
        for (const std::string& n : level) {
            order.push_back(n);
            std::string d = differentialStructName(n);
            if (used.count(d)) next.push_back(d);
        }
        level = std::move(next);
    }

    std::vector<ast::StructDecl> out;
    for (const std::string& n : order) {
        const StructInfo* s = table.find(n);
        if (!s || s->bad || s->userDecl) continue;  // user-declared identically: already there
        ast::StructDecl decl;
        decl.name = n;
        decl.generated = true;
        for (const auto& [name, type] : s->members) {
            ast::Member m;
            m.name = name;
            m.resolved = type;
            m.annotation = typeExprFor(type);
            decl.members.push_back(std::move(m));
        }
        out.push_back(std::move(decl));
    }
    for (ast::StructDecl& d : out) ctx_.module.items.emplace_back(std::move(d));
}

}  // namespace lomaw::sema
