// Derivative declarations (docs/language.md §6.1, §6.6).
//
// computeSignatures(): resolves every `d = fwd_diff(f)` / `rev_diff(f)` to its primal (a user
// function, another derivative, or make__dfloat), reports unknown-diff-target and cycles, and
// registers the generated signature so calls to `d` type-check.
//
// checkDifferentiation(): after the bodies are typed, walks the call graph from each target in
// its mode (through derivatives of derivatives), computes the _d_fwd_/_d_rev_ names AD will
// generate, reports generated-name-collision, and checks the rev_diff restrictions on every
// function differentiated in reverse mode.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "sema/CheckContext.h"

namespace lomaw::sema {

class DiffDeclChecker {
public:
    explicit DiffDeclChecker(CheckContext& ctx) : ctx_(ctx) {}

    void computeSignatures();
    void checkDifferentiation();

private:
    using Mode = ast::DiffDecl::Mode;

    // What a function name denotes in the differentiation graph.
    struct Node {
        enum class Kind { User, Builtin, Derivative, Missing } kind = Kind::Missing;
        const ast::Function* fn = nullptr;  // User
        std::string base;                   // Derivative: the primal's name
        Mode mode = Mode::Forward;          // Derivative
    };

    const ast::Function* signatureOf(const ast::DiffDecl& d);
    Node node(const std::string& name);
    const std::vector<std::string>& callees(const std::string& name);
    std::string derivativeName(const std::string& primal, Mode mode);
    const ast::Function* rootFunction(const std::string& name);
    int derivativeOrder(const std::string& name);
    void walk(const ast::DiffDecl& d);
    void reportCollision(const std::string& generated, const ast::DiffDecl& d);

    CheckContext& ctx_;
    std::map<std::string, const ast::DiffDecl*> decls_;      // referable declarations by name
    std::map<std::pair<std::string, Mode>, std::string> lastDecl_;  // (primal, mode) -> name
    std::map<const ast::DiffDecl*, int> state_;  // signature resolution: 1 busy, 2 done
    std::map<const ast::DiffDecl*, const ast::Function*> signatures_;
    std::map<std::string, SourceLoc> userNames_;  // every top-level name -> first position
    std::map<std::string, std::pair<std::string, Mode>> generated_;  // name -> (primal, mode)
    std::map<std::string, std::vector<std::string>> callees_;
    std::set<std::string> collisionsReported_;
    std::set<const ast::Expr*> restrictionsReported_;
    std::set<const ast::Function*> restrictionChecked_;
};

}  // namespace lomaw::sema
