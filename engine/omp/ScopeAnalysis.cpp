#include "omp/ScopeAnalysis.h"

#include <algorithm>

#include "omp/AccessInspector.h"
#include "omp/AdjointScopeRules.h"
#include "omp/PrimalScopes.h"
#include "syntax/AstWalk.h"

namespace lomaw::omp {

LoopScopes analyseLoop(const ast::Function& fn, const ast::Stmt& forLoop, const ScopeOptions& options,
                       const ast::Module* module) {
    const ast::Pragma noClauses;
    return analyseLoop(fn, forLoop, directiveFromPragma(forLoop.pragma ? *forLoop.pragma : noClauses, forLoop.name),
                       options, module);
}

LoopScopes analyseLoop(const ast::Function& fn, const ast::Stmt& forLoop, const LoopDirective& directive,
                       const ScopeOptions& options, const ast::Module* module) {
    const VariableTypes types = variableTypes(fn);
    InspectOptions inspect;
    inspect.collapsed = directive.collapsed;
    inspect.outArgumentsAlsoRead = directive.outArgumentsAlsoRead;
    LoopAccesses acc = inspectLoop(fn, forLoop, module, types, inspect);
    std::map<std::string, PrimalScope> primal = primalScopes(directive, acc);

    LoopScopes out;
    out.function = fn.name;
    out.line = forLoop.loc.line;
    out.loc = forLoop.loc;
    out.loopVar = forLoop.name;
    std::vector<std::string> names{forLoop.name};
    for (const std::string& n : acc.order)
        if (n != forLoop.name && !directive.constants.count(n)) names.push_back(n);
    for (const auto& [n, s] : primal)  // listed in a clause but unused
        if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    for (const std::string& n : names) {
        auto t = types.find(n);
        TypePtr type = t == types.end() ? nullptr : t->second;
        if (acc.innerLoopVars.count(n) || n == forLoop.name) type = Type::intType();
        out.variables.push_back(decideScope(n, type, primal[n], acc, primal, options));
    }
    return out;
}

namespace {

std::vector<ParallelLoop> functionLoops(const ast::Function& fn, const ScopeOptions& options,
                                        const ast::Module* module) {
    std::vector<ParallelLoop> out;
    if (fn.simd) return out;  // pragmas in @simd functions are ignored (pragma-ignored)
    ast::forEachStmt(fn.body, [&](const ast::Stmt& s) {
        if (s.kind == ast::Stmt::Kind::For && s.pragma) out.push_back({&fn, &s, analyseLoop(fn, s, options, module)});
    });
    return out;
}

}  // namespace

std::vector<LoopScopes> analyseFunction(const ast::Function& fn, const ScopeOptions& options,
                                        const ast::Module* module) {
    std::vector<LoopScopes> out;
    for (ParallelLoop& l : functionLoops(fn, options, module)) out.push_back(std::move(l.scopes));
    return out;
}

std::vector<LoopScopes> analyseModule(const ast::Module& module, const ScopeOptions& options) {
    std::vector<LoopScopes> out;
    for (ParallelLoop& l : parallelLoops(module, options)) out.push_back(std::move(l.scopes));
    return out;
}

std::vector<ParallelLoop> parallelLoops(const ast::Module& module, const ScopeOptions& options) {
    std::vector<ParallelLoop> out;
    for (const ast::Function* fn : module.functions()) {
        if (fn->generated) continue;
        for (ParallelLoop& l : functionLoops(*fn, options, &module)) out.push_back(std::move(l));
    }
    return out;
}

}  // namespace lomaw::omp
