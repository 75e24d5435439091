#include "sema/FunctionChecker.h"

#include <map>
#include <optional>
#include <variant>

#include "sema/Builtins.h"
#include "sema/ErrorType.h"
#include "sema/ExprChecker.h"
#include "sema/IncompleteItems.h"
#include "sema/Scope.h"
#include "sema/StmtChecker.h"

namespace lomaw::sema {

void FunctionChecker::checkSignature(ast::Function& f) {
    std::map<std::string, SourceLoc> seen;
    for (ast::Param& p : f.params) {
        ResolvedAnnotation r = ctx_.resolver.resolve(p.annotation.get(), TypeContext::Param);
        p.resolved = r.type;
        p.isOut = r.isOut;
        // A parameter or annotation the parser could not read was reported by the parser.
        if (p.name.empty()) continue;
        if (!r.qualified && !isUnreadable(p.annotation.get()))
            ctx_.diags.report(p.loc, msg::MissingAnnotation, p.name);
        if (isReservedEverywhere(p.name)) {
            ctx_.diags.report(p.loc, msg::ReservedParameterName, p.name);
            continue;
        }
        auto [pos, inserted] = seen.emplace(p.name, p.loc);
        if (!inserted) {
            ctx_.diags.report(p.loc, msg::DuplicateParameter, p.name);
            ctx_.diags.note(pos->second, msg::FirstDeclarationHere, p.name);
        }
    }
    if (!f.returnAnnotation) {
        f.returnType = Type::voidType();
        return;
    }
    if (isUnreadable(f.returnAnnotation.get())) {  // reported by the parser
        f.returnType = errorType();
        return;
    }
    f.returnType = ctx_.resolver.resolve(f.returnAnnotation.get(), TypeContext::Return).type;
    // The position of the type as written (inside an ignored qualifier, if any).
    const ast::TypeExpr* shown = f.returnAnnotation.get();
    if ((shown->kind == ast::TypeExpr::Kind::In || shown->kind == ast::TypeExpr::Kind::Out) && shown->elem)
        shown = shown->elem.get();
    if (f.simd) {
        ctx_.diags.report(shown->loc, msg::SimdReturn);
    } else if (!isError(f.returnType) && f.returnType->isArray()) {
        ctx_.diags.report(shown->loc, msg::ReturnArray);
        f.returnType = errorType();
    }
}

void FunctionChecker::checkBody(ast::Function& f) {
    // Statements were dropped or damaged by parse errors: checking what is left would mostly
    // report their consequences (undeclared variables, a missing return, ...).
    if (f.incomplete) return;
    FunctionScope scope;
    for (const ast::Param& p : f.params) {
        if (p.name.empty() || isReservedEverywhere(p.name)) continue;
        scope.declare(VarInfo{VarInfo::Kind::Param, p.name, p.resolved, p.loc, p.isOut});
    }
    ExprChecker exprs(ctx_, scope, f);
    StmtChecker(ctx_, scope, f, exprs).checkBody();

    bool returns = f.returnType && !f.returnType->isVoid();
    bool endsWithReturn = !f.body.empty() && f.body.back() && f.body.back()->kind == ast::Stmt::Kind::Return;
    // A return in the wrong place was reported as return-not-last, and a syntax error right
    // after the body may have cut it short (an unindent that matches no level ends the function
    // early): a missing-return error would only repeat them, ahead of them in the output.
    if (returns && !endsWithReturn && !containsReturn(f.body) && !syntaxErrorAfter(f))
        ctx_.diags.report(f.nameLoc.valid() ? f.nameLoc : f.loc, msg::MissingReturn, f.name, toString(f.returnType));

}

bool FunctionChecker::containsReturn(const ast::Block& block) {
    for (const ast::StmtPtr& s : block)
        if (s && (s->kind == ast::Stmt::Kind::Return || containsReturn(s->body) || containsReturn(s->orelse)))
            return true;
    return false;
}

bool FunctionChecker::syntaxErrorAfter(const ast::Function& f) const {
    // The function's text ends where the next top-level item begins.
    std::optional<SourceLoc> next;
    for (const ast::Item& item : ctx_.module.items) {
        SourceLoc at = std::visit([](const auto& i) { return i.loc; }, item);
        if (f.loc < at && (!next || at < *next)) next = at;
    }
    for (const Diagnostic& d : ctx_.diags.raw())
        if (d.code == "syntax-error" && !(d.loc < f.loc) && (!next || d.loc < *next)) return true;
    return false;
}

}  // namespace lomaw::sema
