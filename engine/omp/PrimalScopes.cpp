#include "omp/PrimalScopes.h"

namespace lomaw::omp {

std::map<std::string, PrimalScope> primalScopes(const ast::Pragma& pragma, const LoopAccesses& accesses) {
    return primalScopes(directiveFromPragma(pragma, accesses.loopVar), accesses);
}

namespace {

PrimalScope fromClause(const DataSharing& s, const char* origin) {
    PrimalScope p;
    p.scope = s.scope;
    p.source = PrimalScope::Source::Clause;
    p.op = s.op;
    p.lastPrivate = s.lastPrivate;
    p.origin = origin;
    return p;
}

}  // namespace

// OpenMP's order: loop variables (and the collapsed nest's) are private; a clause of the loop
// directive wins over one of the region; then threadprivate, the default clause, and for an
// orphaned loop the procedure's automatic locals (private) — everything else is shared.
std::map<std::string, PrimalScope> primalScopes(const LoopDirective& d, const LoopAccesses& accesses) {
    std::map<std::string, PrimalScope> listed;
    for (const auto& [name, s] : d.loopClauses) listed.emplace(name, fromClause(s, ""));
    for (const auto& [name, s] : d.regionClauses) listed.emplace(name, fromClause(s, "region"));
    auto implicit = [&](const std::string& name) {
        PrimalScope p;
        if (d.threadPrivate.count(name)) {
            p.scope = Scope::Private;
            p.origin = "threadprivate";
        } else if (d.defaultScope) {
            p.scope = *d.defaultScope;
            p.origin = "default";
        } else if (d.orphaned && d.procedureLocals.count(name)) {
            p.scope = Scope::Private;
            p.origin = "orphaned local";
        } else if (d.orphaned) {
            p.origin = "orphaned shared";
        }
        return p;
    };
    std::map<std::string, PrimalScope> out;
    for (const std::string& name : accesses.order) {
        if (d.constants.count(name)) continue;
        if (name == accesses.loopVar || accesses.innerLoopVars.count(name)) {
            PrimalScope p{Scope::Private, PrimalScope::Source::LoopVariable, "", false, ""};
            if (auto it = listed.find(name); it != listed.end() && it->second.lastPrivate) p.lastPrivate = true;
            out[name] = p;
            continue;
        }
        auto it = listed.find(name);
        out[name] = it != listed.end() ? it->second : implicit(name);
    }
    for (const auto& [name, s] : listed)  // listed on the loop but unused (a region lists for all its loops)
        if (!d.constants.count(name) && s.origin != "region") out.emplace(name, s);
    out[accesses.loopVar].scope = Scope::Private;
    out[accesses.loopVar].source = PrimalScope::Source::LoopVariable;
    return out;
}

}  // namespace lomaw::omp
