// The checker's driver: runs the passes in dependency order. Names and structs first (types
// need them), then every signature (calls may go anywhere), then bodies, then the
// differentiation checks (they need typed bodies), and finally the generated structs.
#include "sema/TypeChecker.h"

#include <exception>

#include "sema/Builtins.h"
#include "sema/CheckContext.h"
#include "sema/DiffDeclChecker.h"
#include "sema/FunctionChecker.h"
#include "sema/GeneratedStructs.h"
#include "sema/IncompleteItems.h"
#include "sema/StructChecker.h"
#include "sema/TopLevelChecker.h"
#include "syntax/Outcome.h"

namespace lomaw::sema {

namespace {

void runPasses(ast::Module& m, DiagnosticSink& diags) {
    CheckContext ctx(m, diags);
    TopLevelChecker(ctx).run();
    StructChecker(ctx).run();

    FunctionChecker functions(ctx);
    for (ast::Function* f : m.functions()) {
        functions.checkSignature(*f);
        if (hasDamagedHeader(*f)) ctx.lenientCalls.insert(f);
        if (ctx.referable(f) && !f->name.empty()) ctx.sigs.addUser(*f);
    }
    ctx.sigs.addBuiltin(makeDfloatSignature());

    DiffDeclChecker derivatives(ctx);
    derivatives.computeSignatures();

    for (ast::Function* f : m.functions()) functions.checkBody(*f);

    derivatives.checkDifferentiation();

    std::vector<TypePtr> signatureTypes;
    for (const ast::Item& it : m.items)
        if (auto* d = std::get_if<ast::DiffDecl>(&it))
            if (const Callable* c = ctx.sigs.find(d->name); c && c->decl == d) {
                for (const ast::Param& p : c->fn->params) signatureTypes.push_back(p.resolved);
                signatureTypes.push_back(c->fn->returnType);
            }
    GeneratedStructs(ctx).append(signatureTypes);
}

}  // namespace

bool check(ast::Module& m, DiagnosticSink& diags) {
    try {
        runPasses(m, diags);
    } catch (const std::exception& e) {
        reportInternalError(diags, e);
    } catch (...) {
        reportInternalError(diags, SourceLoc{1, 1}, "unknown failure in the type checker");
    }
    return !diags.hasErrors();
}

}  // namespace lomaw::sema
