// Reverse mode: heap tapes whose restored values nothing reads are not recorded.
//
// The tape plan (ReverseTapePlan.h) records an assignment's old value when the reverse sweep
// may read the variable after undoing it. Looking at the finished reverse sweep can show that
// it never does: in a time-stepping loop `u[i] = v[i] + r * (...)` whose reverse reads only v,
// the restored elements of u are overwritten or never read again (the final loop that reads u
// is undone first). Such a tape costs a store per iteration in the forward sweep, a load per
// iteration in the reverse sweep and memory the size of the trip (half of the recorded bytes
// of a heat equation over two arrays).
//
// A tape is dropped when every pop `x = _t[_t_n]` of it is dead: the variable at the root of x
// (a local of the derivative) is, on every path from the pop, overwritten as a whole (a
// scalar) or never read again (an array: element writes do not overwrite it) before it is
// read (a backwards liveness over the structured reverse sweep, loops to a fixed point).
// Then its pushes, reserves, pops and counter updates go, and it is no longer acquired or
// released. Not when a block would be left empty, and not for tapes that have an adjoint
// buffer (a reverse derivative of a reverse derivative).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "syntax/Ast.h"

namespace lomaw::ad {

struct HeapTapeNames {
    std::string name, counter, capacity;
};

// The tapes of `tapes` that are dead in `reverseSweep` (see above), by name. `locals`: the
// variables a restore may target without consequence beyond the derivative (its locals, not
// its parameters); `liveAtEnd`: variables read after the reverse sweep.
std::set<std::string> deadTapes(const ast::Block& reverseSweep, const std::vector<HeapTapeNames>& tapes,
                                const std::set<std::string>& locals, const std::set<std::string>& liveAtEnd);

// Removes every statement (at any depth) whose own expressions mention one of the tapes'
// names, counters or capacities.
void removeTapeStatements(ast::Block& block, const std::vector<HeapTapeNames>& tapes);

// Whether removing them would leave an if's or a loop's body empty.
bool removalEmptiesABlock(const ast::Block& block, const std::vector<HeapTapeNames>& tapes);

// Removes the computation of a count `v` (a loop's `_trip`) that nothing reads any more once
// the pre-sizes it served are gone: statements that only assign v (`v = e`, and ifs whose
// bodies only do that), when no other statement of `blocks` mentions v.
void removeUnreadCount(const std::vector<ast::Block*>& blocks, const std::string& v);

}  // namespace lomaw::ad
