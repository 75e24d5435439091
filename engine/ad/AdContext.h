// State shared by the generation of every derivative of one module: the struct layouts
// (including differential structs materialised on demand, e.g. _d_dfloat for fwd of fwd),
// the callables by name and the registry of derivatives to generate (declared ones and the
// _d_fwd_/_d_rev_ callees requested while generating bodies, in request order).
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <string>
#include <utility>
#include <vector>

#include "ad/TapeReport.h"
#include "omp/ScopeReport.h"
#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"

namespace lomaw::ad {

using Mode = ast::DiffDecl::Mode;
using MemberList = std::vector<std::pair<std::string, TypePtr>>;

struct DerivativeJob {
    std::string name;
    std::string primal;
    Mode mode = Mode::Forward;
    SourceLoc loc;
    bool declared = false;     // from a DiffDecl (replaces it in place)
    bool started = false;
    bool done = false;
    // A reverse derivative whose scalar/struct adjoint inputs (`_dy` of Out parameters with
    // floats) are Out, i.e. passed by reference and consumed in place by the body, like Out
    // arrays' (AdContext::consumingDerivativeName).
    bool consumesAdjointInputs = false;
    std::set<size_t> inoutParams;  // parameters read and written in place (AdContext::inoutParams)
    bool inoutKnown = false;
    std::unique_ptr<ast::Function> fn;  // signature at once, body when done
};

class AdContext {
public:
    AdContext(ast::Module& m, DiagnosticSink& d);

    ast::Module& module;
    DiagnosticSink& diags;
    // Per-variable adjoint scopes forced for parallel adjoint loops (docs/omp.md, "Forcing a
    // scope"); empty: the analysis decides.
    omp::ScopeOptions scopeOptions;
    // What every reverse derivative generated so far records per loop (TapeReport.h).
    TapeReport tapeReport;

    // Members of a struct (user, checker-generated or materialised here), or null.
    const MemberList* members(const std::string& structName);
    // The type of `member` in struct type `t` (null and an internal error when absent).
    TypePtr memberType(const TypePtr& t, const std::string& member);

    // A callable's typed signature: user function, derivative (declared or generated; its body
    // may still be empty) or make__dfloat. Null when unknown.
    const ast::Function* signature(const std::string& name);
    // The function with its body, generating it first when it is a derivative.
    const ast::Function* withBody(const std::string& name);

    // The derivative to call for `primal` in `mode`: the last user declaration of that mode,
    // otherwise _d_fwd_<primal> / _d_rev_<primal>, queued for generation.
    std::string derivativeName(const std::string& primal, Mode mode);

    // Whether the reverse derivative of `primal` must accumulate into its adjoint parameters
    // atomically: the primal is @simd or is called (transitively) from a @simd function.
    bool sharedAdjoints(const std::string& primal) const { return simdReachable_.count(primal) > 0; }

    void markShared(const std::string& primal) { simdReachable_.insert(primal); }

    // Whether callable `name` reads the value its Out parameter number `index` holds on entry
    // (an accumulator: `_dx = _dx + e`, `atomic_add(y, v)`, or passing it on to such a
    // parameter). Reverse derivatives accumulate into every Out parameter. The final value then
    // depends on the entry value with slope 1, so a caller's reverse sweep must let the
    // adjoint pass through instead of zeroing it (rev_diff of a reverse derivative).
    bool readsOutParam(const std::string& name, size_t index);
    // Whether callable `name` writes the caller's array passed as its In parameter `index`:
    // a reverse derivative consumes the adjoint input `_dy` of an Out array (§6.3), which
    // rev_diff of a reverse derivative must restore like an Out argument.
    bool writesInArrayParam(const std::string& name, size_t index);
    // The top-level members of the struct Out parameter number `index` of user function
    // `name` that its body may write (assignments, atomic_add, passing them on to Out
    // parameters), or null when it may write the whole struct or is not a user function
    // (AdWrittenMembers.cpp). A caller's reverse sweep zeroes only these members' adjoints:
    // the others keep their values across the call, so their adjoints pass through.
    const std::set<std::string>* writtenMembers(const std::string& name, size_t index);
    // Whether user function `name` (or the primal of forward derivative `name`) writes its
    // scalar or struct Out parameter number `index` on every path: the whole of it (`whole`),
    // or the listed top-level members each whole (assignments `p = e` / `p.m = e`, or passing
    // p / p.m on to a callee Out parameter it definitely writes). Loops may run zero times,
    // so writes inside them count as maybe (AdWrittenMembers.cpp).
    struct DefiniteWrites {
        bool whole = false;
        std::set<std::string> members;
    };
    DefiniteWrites definitelyWritten(const std::string& name, size_t index);
    // The reverse derivative of `primal` whose scalar/struct adjoint inputs are passed by
    // reference and consumed where the primal writes them (`_d_rev_inout_<primal>`, generated
    // on demand): a caller uses it for a call whose callee writes such an Out argument on some
    // paths only, so that the adjoint is zeroed exactly on the paths that overwrote the value.
    std::string consumingDerivativeName(const std::string& primal);
    // The parameters of callable `name` that it both reads and writes in place (the consumed
    // adjoint inputs of a consuming derivative); empty for every other callable. Reverse mode
    // treats them like In parameters whose adjoint is passed by reference and replaced: on
    // entry it holds the adjoint of the exit value, on return that of the entry value.
    const std::set<size_t>& inoutParams(const std::string& name);
    // The name of a generated copy of user function `name` without its Out array parameters
    // number `dropped`, which the function only writes (never reads): the forward sweep of a
    // reverse derivative calls it when it needs the callee's other Out arguments but has no
    // buffer for those arrays (its own Out array parameters do not exist in the derivative).
    // Empty when the function reads one of them (AdPrimalSlice.cpp). The copies are appended
    // to the module after the derivatives (generatedSlices).
    std::string withoutOutArrays(const std::string& name, const std::vector<size_t>& dropped);
    std::vector<std::unique_ptr<ast::Function>>& generatedSlices() { return slices_; }
    // Adds a generated helper (e.g. DualArithmetic's operations) to the module's callables;
    // it is appended to the module with the slices.
    ast::Function* addGeneratedFunction(std::unique_ptr<ast::Function> fn);
    // Reverse derivative `derivative` reads the primal values of these variables of its primal
    // (ReverseDiffer's needed set), recorded when its body is generated.
    void noteReverseNeeds(const std::string& derivative, std::set<std::string> vars) {
        reverseNeeds_[derivative] = std::move(vars);
    }
    // Whether the reverse derivative of callable `name` reads the value of its parameter number
    // `index` (generating that derivative first if needed); true when unknown (recursion).
    bool reverseNeedsParam(const std::string& name, size_t index);

    void internalError(SourceLoc loc, const std::string& what);
    bool holdsFloat(const TypePtr& t);  // a float somewhere inside

    // Registry, driven by Differentiate.cpp.
    DerivativeJob* registerDeclared(const ast::DiffDecl& d);
    DerivativeJob* job(const std::string& name);
    void generate(DerivativeJob& j);
    // For a forward derivative: the user function at the bottom of its chain of forward
    // derivatives (fwd_diff of fwd_diff of ... f) and the chain's length; null when the chain
    // ends elsewhere (a reverse derivative, make__dfloat, a generated helper).
    const ast::Function* forwardChainRoot(const DerivativeJob& j, int& levels);
    std::deque<DerivativeJob*>& generatedQueue() { return queue_; }
    std::vector<std::string> newStructs() const { return newStructs_; }

private:
    void computeSimdReachable();
    const ast::Function& makeDfloatPrimal();

    std::map<std::string, MemberList> structs_;
    std::vector<std::string> newStructs_;
    std::map<std::string, ast::Function*> userFns_;
    std::map<std::string, std::unique_ptr<DerivativeJob>> jobs_;
    std::map<std::pair<std::string, Mode>, std::string> declaredFor_;
    std::deque<DerivativeJob*> queue_;
    std::set<std::string> simdReachable_;
    std::unique_ptr<ast::Function> makeDfloat_;
    bool reportedInternal_ = false;
    std::map<std::pair<std::string, size_t>, bool> readsOut_;
    std::map<std::pair<std::string, size_t>, std::unique_ptr<DefiniteWrites>> definite_;
    // writtenMembers: absent = not computed yet, null = the whole struct.
    std::map<std::pair<std::string, size_t>, std::unique_ptr<std::set<std::string>>> writtenMembers_;
    std::vector<std::unique_ptr<ast::Function>> slices_;
    std::map<std::string, std::set<std::string>> reverseNeeds_;
    std::map<std::pair<std::string, std::vector<size_t>>, std::string> sliceNames_;
    std::map<std::string, std::string> consumingNames_;  // primal -> its _d_rev_inout_ helper
};

// Fresh local names for one generated function: base, then base_2, base_3, ... avoiding every
// name already used by the function (§6.1: generated locals start with `_`).
class NameAllocator {
public:
    void take(const std::string& n) { taken_.insert(n); }
    bool taken(const std::string& n) const { return taken_.count(n) > 0; }
    std::string fresh(const std::string& base);
    // Every parameter, local and loop variable name of `f`.
    void takeAll(const ast::Function& f);

private:
    std::set<std::string> taken_;
    // base -> the last suffix it was given: every smaller one is taken (names are never released),
    // so the thousandth `_v` costs one lookup, not a thousand (quadratic in nested forward mode).
    std::unordered_map<std::string, int> nextSuffix_;
};

}  // namespace lomaw::ad
