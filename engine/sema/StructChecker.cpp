#include "sema/StructChecker.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "sema/Builtins.h"
#include "sema/ErrorType.h"

namespace lomaw::sema {

void StructChecker::run() {
    for (ast::Item& it : ctx_.module.items)
        if (auto* s = std::get_if<ast::StructDecl>(&it)) resolveMembers(*s);
    checkRecursion();
    checkGeneratedRedeclarations();
}

void StructChecker::resolveMembers(ast::StructDecl& s) {
    std::map<std::string, SourceLoc> seen;
    StructInfo* info = ctx_.referable(&s) ? ctx_.structs.user(s.name) : nullptr;
    // An empty struct is reported by the parser (it knows whether a bad line emptied it).
    for (ast::Member& m : s.members) {
        m.resolved = ctx_.resolver.resolve(m.annotation.get(), TypeContext::Member).type;
        if (m.name.empty()) continue;
        if (isReservedEverywhere(m.name)) {
            ctx_.diags.report(m.loc, msg::ReservedMemberName, m.name);
            continue;
        }
        auto [pos, inserted] = seen.emplace(m.name, m.loc);
        if (!inserted) {
            ctx_.diags.report(m.loc, msg::DuplicateMember, m.name, s.name);
            ctx_.diags.note(pos->second, msg::FirstDeclarationHere, m.name);
            continue;
        }
        if (info) info->members.emplace_back(m.name, m.resolved);
    }
}

namespace {

// Struct names a type mentions directly (through arrays, not through other structs).
void structNamesIn(const TypePtr& t, std::vector<std::string>& out) {
    if (isError(t)) return;
    if (t->isArray()) structNamesIn(t->elem, out);
    else if (t->isStruct()) out.push_back(t->structName);
}

}  // namespace

void StructChecker::checkRecursion() {
    // Edges between user structs; a generated name (_dS, _d_dS) stands for its root struct S,
    // because it contains D(S's members) and so is infinite exactly when S is.
    std::map<std::string, std::vector<std::pair<std::string, const ast::Member*>>> edges;
    for (const ast::Item& it : ctx_.module.items) {
        auto* s = std::get_if<ast::StructDecl>(&it);
        if (!s || !ctx_.referable(s)) continue;
        for (const ast::Member& m : s->members) {
            std::vector<std::string> names;
            structNamesIn(m.resolved, names);
            for (const std::string& n : names) {
                std::string root = ctx_.structs.user(n) && !ctx_.structs.isGeneratedName(n)
                                       ? n
                                       : ctx_.structs.rootStruct(n);
                if (!root.empty()) edges[s->name].emplace_back(root, &m);
            }
        }
    }
    auto reaches = [&](const std::string& from, const std::string& to) {
        std::set<std::string> seen;
        std::function<bool(const std::string&)> dfs = [&](const std::string& cur) {
            if (cur == to) return true;
            if (!seen.insert(cur).second) return false;
            for (const auto& e : edges[cur])
                if (dfs(e.first)) return true;
            return false;
        };
        return dfs(from);
    };
    std::set<std::string> reported;
    for (const std::string& name : ctx_.structs.userOrder()) {
        if (reported.count(name)) continue;
        for (const auto& [target, member] : edges[name]) {
            if (!reaches(target, name)) continue;
            ctx_.diags.report(member->loc, msg::RecursiveStruct, name, member->name);
            // Mark the whole cycle, so one cycle gives one error and no expansion.
            for (const std::string& other : ctx_.structs.userOrder())
                if (reaches(name, other) && reaches(other, name)) {
                    reported.insert(other);
                    if (StructInfo* i = ctx_.structs.user(other)) i->bad = true;
                }
            break;
        }
    }
}

void StructChecker::checkGeneratedRedeclarations() {
    // Shorter names first: _d_dfoo's generated form depends on _dfoo's.
    std::vector<std::string> names;
    for (const std::string& n : ctx_.structs.userOrder())
        if (ctx_.structs.isGeneratedName(n)) names.push_back(n);
    std::stable_sort(names.begin(), names.end(),
                     [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    for (const std::string& n : names) {
        std::string base;
        ctx_.structs.isGeneratedName(n, &base);
        StructInfo* info = ctx_.structs.user(n);
        if (!info) continue;
        auto expected = ctx_.structs.generatedMembers(base);
        bool identical = expected.size() == info->members.size() && !expected.empty();
        for (size_t i = 0; identical && i < expected.size(); ++i)
            identical = expected[i].first == info->members[i].first &&
                        sameType(expected[i].second, info->members[i].second);
        if (identical) {
            info->generated = true;
            info->base = base;
            continue;
        }
        // Broken members were already reported; do not add a second error for them.
        bool broken = info->bad || (info->userDecl && (info->userDecl->incomplete ||
                                                        info->userDecl->members.size() != info->members.size()));
        for (const auto& m : info->members) broken = broken || isError(m.second);
        if (!broken) {
            const ast::StructDecl* d = info->userDecl;
            SourceLoc loc = !d ? SourceLoc{} : d->nameLoc.valid() ? d->nameLoc : d->loc;
            ctx_.diags.report(loc, msg::DifferentialStructClash, n, base);

        }
        if (info->userDecl) ctx_.notReferable.insert(info->userDecl);
        ctx_.structs.dropUser(n);
    }
}

}  // namespace lomaw::sema
