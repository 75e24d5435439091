// The result of the OpenMP adjoint scope analysis: for every parallel loop, every variable's
// primal scope and the scope its adjoint needs in the reverse sweep, with a one-line reason.
// `lomaw scopes` prints it as JSON; `emit --stage omp` and the GUI show it beside the pragma;
// the reverse-mode loop emitter consumes it (docs/omp.md).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "syntax/SourceLoc.h"

namespace lomaw::omp {

enum class Scope { Shared, Private, FirstPrivate, Reduction, Atomic };

// "shared", "private", "firstprivate", "reduction", "atomic".
const char* scopeName(Scope s);

struct VariableScope {
    std::string name;               // the primal name
    Scope primal = Scope::Shared;
    std::optional<Scope> adjoint;   // nullopt: the variable has no adjoint (int)
    std::string why;                // one line, for people
    // OpenMP clauses that Scope does not name (Fortran): `primal` is Private for lastprivate,
    // FirstPrivate for firstprivate + lastprivate; the reduction operator ("+", "max", ...).
    bool lastPrivate = false;
    std::string reductionOp;

    // The primal scope as printed: "lastprivate", "firstprivate+lastprivate" or scopeName(primal).
    std::string primalName() const;
};

struct LoopScopes {
    std::string function;
    int line = 0;                   // the line of the `for` / `do`
    SourceLoc loc;
    std::string loopVar;
    std::vector<VariableScope> variables;  // loop variable first, then first use in the body

    const VariableScope* find(const std::string& name) const;
};

// Knobs of the adjoint scope rules.
struct ScopeOptions {
    // Arrays with at most this many elements (static size) get reduction(+) rather than
    // atomic when their reads are unsafe: one private copy per thread stays cheap.
    long long reductionMaxElements = 64;
    // Per-variable choice for the adjoint of a read-only variable with unsafe reads
    // (Reduction or Atomic); other entries are ignored with a note in `why`.
    std::map<std::string, Scope> force;
    // Print array accesses Fortran style, u(i,j), instead of u[i][j].
    bool fortranStyle = false;
};

// The report as JSON: [{"function": ..., "line": ..., "variables": [{"name", "primal",
// "adjoint", "why"}, ...]}, ...], one loop per line group, ending with a newline.
std::string toJson(const std::vector<LoopScopes>& loops);

}  // namespace lomaw::omp
