#include "omp/PrimalScopes.h"

namespace lomaw::omp {

using ast::PragmaClause;

std::map<std::string, PrimalScope> primalScopes(const ast::Pragma& pragma, const LoopAccesses& accesses) {
    Scope fallback = Scope::Shared;  // no default clause: shared (default(none) names them all)
    std::map<std::string, PrimalScope> listed;
    for (const PragmaClause& c : pragma.clauses) {
        Scope s;
        switch (c.kind) {
            case PragmaClause::Kind::Shared: s = Scope::Shared; break;
            case PragmaClause::Kind::Private: s = Scope::Private; break;
            case PragmaClause::Kind::FirstPrivate: s = Scope::FirstPrivate; break;
            case PragmaClause::Kind::Reduction: s = Scope::Reduction; break;
            case PragmaClause::Kind::Default:
                if (c.op == "private") fallback = Scope::Private;
                continue;
            default: continue;
        }
        for (const PragmaClause::Item& item : c.vars) listed.emplace(item.name, PrimalScope{s, PrimalScope::Source::Clause});
    }
    std::map<std::string, PrimalScope> out;
    for (const std::string& name : accesses.order) {
        if (name == accesses.loopVar || accesses.innerLoopVars.count(name)) {
            out[name] = {Scope::Private, PrimalScope::Source::LoopVariable};
            continue;
        }
        auto it = listed.find(name);
        out[name] = it != listed.end() ? it->second : PrimalScope{fallback, PrimalScope::Source::Default};
    }
    for (const auto& [name, s] : listed) out.emplace(name, s);
    out[accesses.loopVar] = {Scope::Private, PrimalScope::Source::LoopVariable};
    return out;
}

}  // namespace lomaw::omp
