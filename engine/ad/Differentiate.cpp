#include "ad/Differentiate.h"

#include <exception>

#include "ad/AdContext.h"
#include "sema/DifferentialType.h"

namespace lomaw::ad {

namespace {

ast::StructDecl materialisedStruct(AdContext& ctx, const std::string& name) {
    ast::StructDecl s;
    s.name = name;
    s.generated = true;
    for (const auto& [n, t] : *ctx.members(name)) {
        ast::Member m;
        m.name = n;
        m.resolved = t;
        m.annotation = sema::typeExprFor(t);
        s.members.push_back(std::move(m));
    }
    return s;
}

bool run(ast::Module& m, DiagnosticSink& diags) {
    size_t errorsBefore = diags.errorCount();
    AdContext ctx(m, diags);
    std::vector<std::pair<size_t, DerivativeJob*>> declared;
    for (size_t i = 0; i < m.items.size(); ++i)
        if (auto* d = std::get_if<ast::DiffDecl>(&m.items[i]))
            declared.emplace_back(i, ctx.registerDeclared(*d));
    for (auto& [i, j] : declared) {
        if (!ctx.signature(j->name)) {
            ctx.internalError(j->loc, "unknown primal '" + j->primal + "'");
            continue;
        }
        if (!j->done && !j->started) ctx.generate(*j);
    }
    // Callee derivatives, in the order they were first requested; generating one may request more.
    std::vector<DerivativeJob*> order;
    for (size_t k = 0; k < ctx.generatedQueue().size(); ++k) {
        DerivativeJob* j = ctx.generatedQueue()[k];
        if (!ctx.signature(j->name)) continue;
        if (!j->done && !j->started) ctx.generate(*j);
        order.push_back(j);
    }
    if (diags.errorCount() > errorsBefore) return false;

    for (auto& [i, j] : declared) m.items[i] = std::move(*j->fn);
    for (const std::string& s : ctx.newStructs()) m.items.emplace_back(materialisedStruct(ctx, s));
    for (DerivativeJob* j : order) m.items.emplace_back(std::move(*j->fn));
    return true;
}

}  // namespace

bool differentiate(ast::Module& m, DiagnosticSink& diags) {
    try {
        return run(m, diags);
    } catch (const std::exception& e) {
        diags.error({1, 1}, "internal", std::string("internal compiler error: differentiation: ") + e.what());
        return false;
    }
}

}  // namespace lomaw::ad
