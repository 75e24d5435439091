// Reverse mode, the analyses of a primal: plain values computed before any code is generated,
// which the generator (ReverseDiffer) only reads. In order (analyseReverse):
//  1. variables: parameters, locals, loop variables and their types; which get an adjoint;
//  2. activity (ReverseActivity.h): which expressions depend on a variable with an adjoint;
//  3. reads (ReverseReads.cpp): the primal values the reverse sweep reads (to be restored when
//     overwritten, Clad's "to be recorded" analysis) and the lines that read them;
//  4. the restore plan (ReverseRestorePlan.h): values undone by an inverse step or recomputed
//     instead of taped;
//  5. needed: what the forward sweep must compute, the reads closed over what they depend on.
// The tape plan (ReverseTapePlan.h) is computed from these facts, then the generator runs.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "ad/AdContext.h"
#include "ad/ReverseRestorePlan.h"

namespace lomaw::ad {

struct ReverseFacts {
    std::map<std::string, TypePtr> varType;  // parameters and locals of the primal
    std::set<std::string> outParams, inParams, loopVars;
    // In parameters read and written in place (a consuming derivative's adjoint inputs).
    std::set<std::string> inoutParams;
    // Variables with an adjoint: parameters and locals holding floats (as the derivative's
    // signature has adjoint parameters for them).
    std::set<std::string> withAdjoint;
    std::set<std::string> written;          // variables the body writes (writtenRoots)
    std::set<std::string> reads;            // primal values the reverse sweep reads
    std::map<std::string, std::set<int>> readLines;  // variable -> lines whose adjoint reads it
    RestorePlan restore;                    // values restored by inverse steps or recomputed
    std::set<std::string> recomputedVars;   // targets of restore.recomputed
    std::set<std::string> needed;           // reads and (transitively) what they depend on
};

// `primal` with nested calls hoisted; `derivative` its reverse derivative's signature.
ReverseFacts analyseReverse(AdContext& ctx, const ast::Function& primal, const ast::Function& derivative,
                            std::set<std::string> inoutParams);

// ---- queries shared by the analyses and the generator

// The variables b / s (and its bodies) write: assignment targets, declarations, Out arguments
// and arrays a callee consumes, atomic_add targets.
void writtenRoots(AdContext& ctx, const ast::Block& b, std::set<std::string>& out);
void writtenRoots(AdContext& ctx, const ast::Stmt& s, std::set<std::string>& out);
// The arguments of call `c` (to `sig`) that it writes: Out parameters, and In arrays the
// callee consumes (a reverse derivative consuming an adjoint input).
std::vector<bool> writtenArguments(AdContext& ctx, const ast::Expr& c, const ast::Function& sig);
// Whether t is or holds (in a member or element) a run-time sized array.
bool holdsUnboundedArray(AdContext& ctx, const TypePtr& t);
// Whether e calls a function that is not a builtin.
bool callsUserFunction(const ast::Expr& e);
// A `#pragma omp parallel for` loop anywhere in b.
bool hasParallelLoop(const ast::Block& b);
// Whether the condition of if statement s can be evaluated again in the reverse sweep: it
// calls nothing and the branches leave its variables alone.
bool conditionReevaluable(AdContext& ctx, const ast::Stmt& s);
// Whether the range bounds of for loop s can be evaluated again after the loop: they call
// nothing and the body leaves their variables alone.
bool boundsReevaluable(AdContext& ctx, const ast::Stmt& s);
// Whether the reverse sweep of `b` can do anything: write an adjoint, restore a taped value
// or call a reverse derivative. Loops and branches without such work need no counters or
// recorded decisions.
bool hasAdjointWork(AdContext& ctx, const ReverseFacts& facts, const ast::Block& b);

// The read set (step 3, ReverseReads.cpp).
class Activity;
struct ReadSet {
    std::set<std::string> vars;
    std::map<std::string, std::set<int>> lines;
};
ReadSet readsOfReverseSweep(AdContext& ctx, const ast::Function& primal, const Activity& active);

}  // namespace lomaw::ad
