// Reverse mode, activity: whether the value of a primal expression depends on a variable
// with an adjoint (so that its adjoint code has anything to accumulate). An analysis over the
// variables of ReverseFacts; answers are memoised per node (accumulate asks for every node of
// a chain: a product of n factors is asked n times for its prefixes).
#pragma once

#include <set>
#include <string>
#include <unordered_map>

#include "ad/AdContext.h"

namespace lomaw::ad {

class Activity {
public:
    // `withAdjoint`, `loopVars`: ReverseFacts' (they must outlive the analysis).
    Activity(AdContext& ctx, const std::set<std::string>& withAdjoint, const std::set<std::string>& loopVars)
        : ctx_(ctx), withAdjoint_(withAdjoint), loopVars_(loopVars) {}
    // Primal nodes only (memoised by address; the nodes live as long as the analysis).
    bool operator()(const ast::Expr& e) const;

private:
    bool compute(const ast::Expr& e) const;
    AdContext& ctx_;
    const std::set<std::string>& withAdjoint_;
    const std::set<std::string>& loopVars_;
    mutable std::unordered_map<const ast::Expr*, bool> cache_;
};

}  // namespace lomaw::ad
