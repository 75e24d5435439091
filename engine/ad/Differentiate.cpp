#include "ad/Differentiate.h"

#include <exception>
#include <functional>
#include <set>

#include "ad/AdContext.h"
#include "sema/DifferentialType.h"
#include "syntax/Outcome.h"

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

void structsOf(const TypePtr& t, std::vector<std::string>& out) {
    if (!t) return;
    if (t->isStruct()) out.push_back(t->structName);
    if (t->isArray()) structsOf(t->elem, out);
}

// Every struct type a generated function mentions (signature, declarations, expressions).
void structsOf(const ast::Function& f, std::vector<std::string>& out) {
    std::function<void(const ast::Expr&)> expr = [&](const ast::Expr& e) {
        structsOf(e.type, out);
        for (const ast::ExprPtr& o : e.operands)
            if (o) expr(*o);
    };
    std::function<void(const ast::Block&)> block = [&](const ast::Block& b) {
        for (const ast::StmtPtr& s : b) {
            if (!s) continue;
            structsOf(s->resolved, out);
            for (const ast::ExprPtr* e : {&s->target, &s->value})
                if (*e) expr(**e);
            for (const ast::ExprPtr& a : s->rangeArgs)
                if (a) expr(*a);
            block(s->body);
            block(s->orelse);
        }
    };
    for (const ast::Param& p : f.params) structsOf(p.resolved, out);
    structsOf(f.returnType, out);
    block(f.body);
}

// The differential structs generated code uses that the module does not declare yet (e.g.
// _d_dfloat in the forward derivative of a function with Diff[float] locals, _d_dP for fwd of
// a function using _dP), each after the structs its members use.
std::vector<std::string> missingStructs(AdContext& ctx, const std::vector<const ast::Function*>& fns) {
    std::set<std::string> declared, visited;
    for (const ast::Item& it : ctx.module.items)
        if (auto* s = std::get_if<ast::StructDecl>(&it)) declared.insert(s->name);
    std::vector<std::string> order;
    std::function<void(const std::string&)> visit = [&](const std::string& name) {
        if (!visited.insert(name).second) return;
        const MemberList* ms = ctx.members(name);  // materialises a differential struct
        if (!ms) {
            ctx.internalError({}, "generated code uses the unknown struct '" + name + "'");
            return;
        }
        std::vector<std::string> inner;
        for (const auto& [n, t] : *ms) structsOf(t, inner);
        for (const std::string& i : inner) visit(i);
        if (!declared.count(name)) order.push_back(name);
    };
    std::vector<std::string> used;
    for (const ast::Function* f : fns) structsOf(*f, used);
    for (const std::string& n : used) visit(n);
    return order;
}

bool run(ast::Module& m, DiagnosticSink& diags, const omp::ScopeOptions& scopes, TapeReport* tapes) {
    size_t errorsBefore = diags.errorCount();
    AdContext ctx(m, diags);
    ctx.scopeOptions = scopes;
    struct Handover {  // the report leaves with every exit
        AdContext& ctx;
        TapeReport* out;
        ~Handover() {
            if (out) *out = std::move(ctx.tapeReport);
        }
    } handover{ctx, tapes};
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
    std::vector<const ast::Function*> generated;
    for (auto& [i, j] : declared)
        if (j->fn) generated.push_back(j->fn.get());
    for (DerivativeJob* j : order) generated.push_back(j->fn.get());
    for (const auto& f : ctx.generatedSlices()) generated.push_back(f.get());
    std::vector<std::string> structs = missingStructs(ctx, generated);
    if (diags.errorCount() > errorsBefore) return false;

    for (auto& [i, j] : declared) m.items[i] = std::move(*j->fn);
    for (const std::string& s : structs) m.items.emplace_back(materialisedStruct(ctx, s));
    for (DerivativeJob* j : order) m.items.emplace_back(std::move(*j->fn));
    for (auto& f : ctx.generatedSlices()) m.items.emplace_back(std::move(*f));
    return true;
}

}  // namespace

bool differentiate(ast::Module& m, DiagnosticSink& diags) { return differentiate(m, diags, {}); }

bool differentiate(ast::Module& m, DiagnosticSink& diags, TapeReport& tapes) {
    try {
        return run(m, diags, {}, &tapes);
    } catch (const std::exception& e) {
        reportInternalError(diags, e, "differentiation");
        return false;
    }
}

bool differentiate(ast::Module& m, DiagnosticSink& diags, const omp::ScopeOptions& scopes) {
    try {
        return run(m, diags, scopes, nullptr);
    } catch (const std::exception& e) {
        reportInternalError(diags, e, "differentiation");
        return false;
    }
}

}  // namespace lomaw::ad
