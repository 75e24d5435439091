#include "sema/StructTable.h"

#include <set>

#include "sema/DifferentialType.h"
#include "sema/ErrorType.h"

namespace lomaw::sema {

StructInfo& StructTable::addUser(const ast::StructDecl& d) {
    StructInfo& info = users_[d.name];
    info.name = d.name;
    info.userDecl = &d;
    userOrder_.push_back(d.name);
    return info;
}

StructInfo* StructTable::user(const std::string& name) {
    auto it = users_.find(name);
    return it == users_.end() ? nullptr : &it->second;
}

bool StructTable::isGeneratedName(const std::string& name, std::string* base) const {
    if (name.size() <= 2 || name.compare(0, 2, "_d") != 0) return false;
    std::string rest = name.substr(2);
    bool ok = rest == "float" || isGeneratedName(rest);
    if (!ok) {
        auto it = users_.find(rest);
        ok = it != users_.end();
    }
    if (ok && base) *base = rest;
    return ok;
}

std::string StructTable::rootStruct(const std::string& name) const {
    std::string cur = name;
    std::string base;
    while (isGeneratedName(cur, &base)) cur = base;
    return cur == "float" ? std::string() : cur;
}

void StructTable::dropUser(const std::string& name) {
    users_.erase(name);
    std::erase(userOrder_, name);
}

std::vector<std::pair<std::string, TypePtr>> StructTable::generatedMembers(const std::string& base) {
    std::vector<std::pair<std::string, TypePtr>> out;
    if (base == "float") {
        out.emplace_back("val", Type::floatType());
        out.emplace_back("dval", Type::floatType());
        return out;
    }
    const StructInfo* b = find(base);
    if (!b) return out;
    for (const auto& [n, t] : b->members)
        out.emplace_back(n, isError(t) ? t : differentialType(t));
    return out;
}

const StructInfo* StructTable::find(const std::string& name) {
    if (auto it = users_.find(name); it != users_.end()) return &it->second;
    if (auto it = generated_.find(name); it != generated_.end()) return &it->second;
    std::string base;
    if (!isGeneratedName(name, &base) || depth_ > 64) return nullptr;
    StructInfo info;
    info.name = name;
    info.generated = true;
    info.base = base;
    std::string root = rootStruct(name);
    const StructInfo* rootInfo = root.empty() ? nullptr : user(root);
    if (rootInfo && rootInfo->bad) {
        info.bad = true;  // the base is recursive/erroneous: do not expand it
    } else {
        ++depth_;
        info.members = generatedMembers(base);
        --depth_;
    }
    generatedOrder_.push_back(name);
    return &(generated_[name] = std::move(info));
}

bool StructTable::isIncomplete(const std::string& name) const {
    auto declIncomplete = [&](const std::string& n) {
        auto it = users_.find(n);
        return it != users_.end() && it->second.userDecl && it->second.userDecl->incomplete;
    };
    if (declIncomplete(name)) return true;
    std::string root = rootStruct(name);
    return !root.empty() && declIncomplete(root);
}

bool StructTable::isBounded(const TypePtr& t) {
    // Cycle guard: recursive structs are reported elsewhere; treat them as bounded here.
    static thread_local std::set<std::string> visiting;
    if (isError(t)) return true;
    switch (t->kind) {
        case Type::Kind::Array: return t->size > 0 && isBounded(t->elem);
        case Type::Kind::Struct: {
            if (visiting.count(t->structName)) return true;
            const StructInfo* s = find(t->structName);
            if (!s || s->bad) return true;
            visiting.insert(t->structName);
            bool ok = true;
            for (const auto& m : s->members) ok = ok && isBounded(m.second);
            visiting.erase(t->structName);
            return ok;
        }
        default: return true;
    }
}

}  // namespace lomaw::sema
