// The access inspector: every read and write a parallel loop body makes, with the index of
// each access as a normalised affine expression (AffineExpr) in the loop variable and
// loop-invariant int names, plus what each index depends on. Accesses inside if/else
// branches, while bodies and nested for loops are included, tagged with the block path they
// sit in, so a rule can ask "does this write happen whenever that read happens?".
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "omp/AffineExpr.h"
#include "syntax/Ast.h"
#include "syntax/Type.h"

namespace lomaw::omp {

// The callee name the Fortran front end uses for a slice a(lo:hi) in an index position.
inline constexpr const char* kSliceCallee = "__slice";
// A wrapper marking values whose derivative is zero (integer conversions, inquiry functions,
// masks): the reads under it are passive, like those in comparisons and conditions.
inline constexpr const char* kPassiveCallee = "__passive";

// One subscript (one dimension) of an access.
struct Subscript {
    enum class Kind {
        Affine,  // `affine` holds the canonical form
        Slice,   // a range of elements (Fortran a(i:j), or a missing dimension)
        Opaque,  // not affine (i*i, float2int(x), a / b): unknown element
    };
    Kind kind = Kind::Affine;
    AffineExpr affine;
    std::string text;                  // canonical (Affine) or as written
    std::set<std::string> dependsOn;   // every variable the subscript reads
    bool indirect = false;             // reads an index array (u[c[i]])
    bool stable = true;                // none of dependsOn is modified in the loop
};

// A block path: one step per enclosing if-branch / loop body inside the parallel loop.
using BlockPath = std::vector<long long>;
bool isPrefix(const BlockPath& prefix, const BlockPath& path);

struct Access {
    std::string var;
    std::vector<Subscript> index;  // empty for scalars
    bool write = false;
    bool accumulate = false;       // atomic_add target: a write that may collide by design
    BlockPath path;
    bool stable = true;            // no index dependency is modified in the loop
    // A read whose value reaches no derivative: an operand of a comparison, a condition, a
    // subscript, a loop bound or a __passive(...) value. It makes no _d_ update.
    bool passive = false;
    SourceLoc loc;

    // "u[i-1]" / "u(i-1)" / "x".
    std::string text(bool fortranStyle = false) const;
    bool conditional() const { return !path.empty(); }
};

struct VariableAccesses {
    std::vector<Access> reads;
    std::vector<Access> writes;
};

// The variables of a function: parameters and declared locals, with their types.
using VariableTypes = std::map<std::string, TypePtr>;
VariableTypes variableTypes(const ast::Function& fn);

struct LoopAccesses {
    std::string loopVar;
    // The iteration variables of a collapsed nest, loopVar first (just loopVar without collapse):
    // iterations differing in any of them may run on different threads.
    std::vector<std::string> collapsed;
    std::set<std::string> innerLoopVars;       // variables of for loops nested in the body
    std::vector<std::string> order;            // every variable, in first-use order
    std::map<std::string, VariableAccesses> vars;
    std::set<std::string> modified;            // written in the loop (roots)

    const VariableAccesses* find(const std::string& name) const;
    bool readOnly(const std::string& name) const;
    bool writeOnly(const std::string& name) const;
    // The reads that update _d_name in the reverse sweep (not passive).
    std::vector<const Access*> activeReads(const std::string& name) const;
};

struct InspectOptions {
    std::vector<std::string> collapsed;      // the collapsed nest's loop variables (see LoopAccesses)
    bool outArgumentsAlsoRead = false;       // see LoopDirective::outArgumentsAlsoRead
};

// `forLoop` must be a For statement of `fn`. `module` (may be null) resolves Out parameters of
// called functions.
LoopAccesses inspectLoop(const ast::Function& fn, const ast::Stmt& forLoop, const ast::Module* module,
                         const VariableTypes& types);
LoopAccesses inspectLoop(const ast::Function& fn, const ast::Stmt& forLoop, const ast::Module* module,
                         const VariableTypes& types, const InspectOptions& options);

// "a + 2 * i" as written (for opaque subscripts and messages).
std::string exprText(const ast::Expr& e);

}  // namespace lomaw::omp
