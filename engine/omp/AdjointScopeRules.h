// The adjoint scope rules: in the reverse sweep every read of x in the primal loop becomes an
// update of _d_x, so the scope that made the primal race-free need not make the adjoint
// race-free. docs/omp.md states the rules; each decision carries its one-line reason.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "omp/AccessInspector.h"
#include "omp/PrimalScopes.h"
#include "omp/ScopeReport.h"

namespace lomaw::omp {

// Whether every read of a variable is "owned" by the iteration that makes it: some shared
// array W is written, in the same iteration and whenever the read happens, at the read's
// index minus one constant offset k (the same k for all reads). Race-freedom of the primal
// makes W's written elements distinct between iterations, hence the read elements too.
//
// Before that, a simpler proof (the per-dimension own-index rule): if every read has the same
// subscript a*i + b in some dimension (i the loop variable, a != 0, b loop-invariant), different
// iterations read different elements whatever the loop writes and whatever the other
// subscripts are. For a collapsed nest every loop variable of the nest needs such a dimension.
// Only active reads count (Access::passive: compared values make no _d_ update).
struct SafeReads {
    bool safe = false;
    int ownDimension = -1;             // >= 0: proved by the own-index rule in this dimension
    std::string ownIndex;              // that subscript
    // Collapsed nests: the dimension proving each loop variable, in nest order.
    std::vector<std::pair<std::string, int>> ownDimensions;
    std::string witness;               // W
    std::vector<long long> offset;     // k, one entry per dimension
    std::vector<std::string> unsafe;   // reads that no write of the same iteration matches
    // Why the reads are not safe, naming the cause: "reads u(i-1), u(i+1) are not written by the
    // same iteration", "read u(c(i)) goes through the index array c", ... (empty when safe).
    std::string reason;
};

SafeReads safeReads(const std::string& name, const LoopAccesses& accesses,
                    const std::map<std::string, PrimalScope>& primal, bool fortranStyle = false);

// Whether values of this type carry derivatives (int and arrays of int do not).
bool hasAdjoint(const TypePtr& type);

VariableScope decideScope(const std::string& name, const TypePtr& type, const PrimalScope& primal,
                          const LoopAccesses& accesses, const std::map<std::string, PrimalScope>& allPrimal,
                          const ScopeOptions& options);

}  // namespace lomaw::omp
