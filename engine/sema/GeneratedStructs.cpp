#include "sema/GeneratedStructs.h"

#include <algorithm>
#include <functional>
#include <map>
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
    // Level 1 always: _dfloat and _dS for every (non-generated, sound) user struct S.
    std::vector<std::string> always{"_dfloat"};
    for (const std::string& n : table.userOrder()) {
        const StructInfo* s = table.find(n);
        if (s && !s->generated && !s->bad) always.push_back(differentialStructName(n));
    }

    // The closure: every struct name a root type mentions, and every struct name mentioned by a
    // member of a generated struct in the set (_dB with `d : _dfloat` brings _d_dfloat).
    std::set<std::string> used;
    std::function<void(const TypePtr&)> use;
    auto useName = [&](const std::string& name) {
        if (!used.insert(name).second) return;
        if (const StructInfo* s = table.find(name); s && s->generated)
            for (const auto& m : s->members) use(m.second);
    };
    use = [&](const TypePtr& t) {
        if (isError(t)) return;
        if (t->isArray()) return use(t->elem);
        if (t->isStruct()) useName(t->structName);
    };
    for (const std::string& n : always) useName(n);
    for (const TypePtr& t : roots) use(t);

    // Deterministic order: by level (number of "_d" steps down to the base), then by base
    // (float first, then user structs in source order).
    std::map<std::string, size_t> baseIndex{{"float", 0}};
    for (const std::string& n : table.userOrder()) baseIndex.emplace(n, baseIndex.size());
    struct Placed {
        int level;
        size_t base;
        std::string name;
    };
    std::vector<Placed> placed;
    for (const std::string& n : used) {
        int level = 0;
        std::string cur = n, base;
        while (level < 64 && table.isGeneratedName(cur, &base)) {
            if (const StructInfo* u = table.user(cur); u && !u->generated) break;  // a plain user struct
            cur = base;
            ++level;
        }
        auto b = baseIndex.find(cur);
        if (level == 0 || b == baseIndex.end()) continue;  // not a generated struct
        placed.push_back({level, b->second, n});
    }
    std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
        return a.level != b.level ? a.level < b.level : a.base < b.base;
    });
    std::vector<std::string> order;
    for (const Placed& p : placed) order.push_back(p.name);

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
