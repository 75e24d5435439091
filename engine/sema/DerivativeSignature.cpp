#include "sema/DerivativeSignature.h"

#include <set>

#include "sema/DifferentialType.h"

namespace lomaw::sema {

namespace {

ast::Param makeParam(std::string name, bool isOut, TypePtr type, SourceLoc loc) {
    ast::Param p;
    p.name = std::move(name);
    p.loc = loc;
    p.isOut = isOut;
    p.resolved = std::move(type);
    p.annotation = typeExprFor(p.resolved, isOut ? ast::TypeExpr::Kind::Out : ast::TypeExpr::Kind::In);
    return p;
}

// The smallest of base, base_2, base_3, ... not in `taken`.
std::string uniqueName(const std::string& base, const std::set<std::string>& taken) {
    if (!taken.count(base)) return base;
    for (int k = 2;; ++k) {
        std::string candidate = base + "_" + std::to_string(k);
        if (!taken.count(candidate)) return candidate;
    }
}

void forwardParams(const ast::Function& primal, ast::Function& out) {
    for (const ast::Param& p : primal.params)
        out.params.push_back(makeParam(p.name, p.isOut, differentialType(p.resolved), p.loc));
    TypePtr r = primal.returnType ? primal.returnType : Type::voidType();
    out.returnType = r->isVoid() ? Type::voidType() : differentialType(r);
}

void reverseParams(const ast::Function& primal, ast::Function& out) {
    // Primal In parameters keep their names; generated names avoid them and each other.
    std::set<std::string> taken;
    for (const ast::Param& p : primal.params)
        if (!p.isOut) taken.insert(p.name);
    auto fresh = [&](const std::string& base) {
        std::string n = uniqueName(base, taken);
        taken.insert(n);
        return n;
    };
    for (const ast::Param& p : primal.params) {
        if (!p.isOut) {
            out.params.push_back(makeParam(p.name, false, p.resolved, p.loc));
            out.params.push_back(makeParam(fresh("_d" + p.name), true, p.resolved, p.loc));
        } else {
            out.params.push_back(makeParam(fresh("_d" + p.name), false, p.resolved, p.loc));
        }
    }
    if (primal.returnType && !primal.returnType->isVoid())
        out.params.push_back(makeParam(fresh("_dreturn"), false, primal.returnType, primal.loc));
    out.returnType = Type::voidType();
}

}  // namespace

std::string generatedDerivativeName(const std::string& primal, ast::DiffDecl::Mode mode) {
    return (mode == ast::DiffDecl::Mode::Forward ? "_d_fwd_" : "_d_rev_") + primal;
}

ast::Function derivativeSignature(const ast::Function& primal, ast::DiffDecl::Mode mode,
                                  const std::string& name, SourceLoc loc) {
    ast::Function f;
    f.name = name;
    f.loc = loc;
    f.nameLoc = loc;
    f.simd = primal.simd;
    f.openMpi = primal.openMpi;
    f.generated = true;
    f.derivedFrom = primal.name;
    if (mode == ast::DiffDecl::Mode::Forward) forwardParams(primal, f);
    else reverseParams(primal, f);
    if (!f.returnType->isVoid()) f.returnAnnotation = typeExprFor(f.returnType);
    return f;
}

}  // namespace lomaw::sema
