#include "omp/LoopDirective.h"

namespace lomaw::omp {

using ast::PragmaClause;

LoopDirective directiveFromPragma(const ast::Pragma& pragma, const std::string& loopVar) {
    LoopDirective d;
    d.loc = pragma.loc;
    d.construct = "parallel for";
    d.collapsed = {loopVar};
    for (const PragmaClause& c : pragma.clauses) {
        DataSharing s;
        switch (c.kind) {
            case PragmaClause::Kind::Shared: s.scope = Scope::Shared; break;
            case PragmaClause::Kind::Private: s.scope = Scope::Private; break;
            case PragmaClause::Kind::FirstPrivate: s.scope = Scope::FirstPrivate; break;
            case PragmaClause::Kind::Reduction:
                s.scope = Scope::Reduction;
                s.op = c.op.empty() ? "+" : c.op;
                break;
            case PragmaClause::Kind::Default:
                if (c.op == "private") d.defaultScope = Scope::Private;
                continue;
            default: continue;
        }
        for (const PragmaClause::Item& item : c.vars) d.loopClauses.emplace(item.name, s);
    }
    return d;
}

}  // namespace lomaw::omp
