// The reverse-mode generator of one function (internal to Reverse*.cpp).
//
// Three steps (reverseBody, ReverseDiff.cpp): the analyses of the primal return plain values
// (ReverseFacts.h: variables, activity, the read set, the restore plan, what the forward sweep
// needs), the tape plan is decided from them (ReverseTapePlan.h), and this class generates the
// derivative's body from both, which it only reads.
//
// Output layout: generated declarations (adjoints, tapes, counters, temporaries; only those
// actually used), then the forward sweep (the primal replayed without writing Out parameters,
// recording what the reverse sweep needs), then the reverse sweep (statements backwards,
// adjoints accumulated per docs/language.md §4 and §6.3).
//
// A tape is a scalar outside loops and a heap buffer (grown geometrically, kept per thread
// across calls) inside them.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "ad/AdContext.h"
#include "ad/ReverseActivity.h"
#include "ad/ReverseFacts.h"
#include "ad/ReverseTapePlan.h"
#include "ad/TapeIntrinsics.h"
#include "ad/TapeReport.h"
#include "ad/TypedBuild.h"
#include "omp/AffineExpr.h"

namespace lomaw::ad {

// A copy of `primal` whose calls nested in expressions are evaluated into locals first
// (ReverseCallHoist.cpp); `derivative`'s parameter names are avoided.
ast::Function withNestedCallsHoisted(const ast::Function& primal, const ast::Function& derivative);

class ReverseDiffer {
public:
    // `facts` and `plan`: of `primal` (they must outlive the generator).
    ReverseDiffer(AdContext& ctx, const ast::Function& primal, ast::Function& out, const ReverseFacts& facts,
                  const TapePlan& plan);
    void run();

private:
    std::set<std::string> dropDeadTapes(ast::Block& fwd, ast::Block& rev, const ast::Block& fin);

private:
    struct Tape {
        std::string name;
        std::string counter;   // empty for a scalar save slot
        std::string capacity;  // heap tapes (inside for loops) only
        TypePtr type;     // of one entry
        TypePtr storage;  // of the tape variable (type, or Array[type, capacity])
        bool elementwise = false;  // holds the elements of a static array (pushArray)
    };
    struct Loop {
        bool isFor = false;
        long long maxIter = 1;
        const ast::Stmt* stmt = nullptr;
    };

    // The tapes materialised so far, by the statement that pushes them (the plan says which
    // statements; replayIteration materialises a parallel loop's body a second time).
    struct Tapes {
        std::map<const ast::Stmt*, Tape> value;  // assignment / atomic_add -> saved value
        std::map<const ast::Stmt*, std::vector<std::pair<size_t, Tape>>> outArgs;  // operand -> tape
        std::map<const ast::Stmt*, Tape> branch;                          // if -> decision
        std::map<const ast::Stmt*, std::pair<std::string, Tape>> loopCount;  // while -> counter, count tape
        std::map<const ast::Stmt*, std::vector<Tape>> range;              // for -> recorded start/stop
        std::vector<Tape> heap;                                           // freed at the end of the body
    };

    bool hasFloat(const TypePtr& t) { return ctx_.holdsFloat(t); }
    bool isActive(const ast::Expr& e) const { return active_(e); }  // primal nodes only

    // ---- variables and storage (ReverseDiff.cpp)
    ExprPtr adjointOf(const ast::Expr& lvalue);  // the adjoint location of a chain, or null
    bool isShared(const ast::Expr& adjointChain) const;
    ExprPtr local(const std::string& base, TypePtr type);  // a generated local, declared if used
    // `entries` values of `type` are pushed per execution of the taping statement.
    Tape newTape(const std::string& base, TypePtr type, SourceLoc loc, long long entries = 1,
                 TapeRecord::Kind kind = TapeRecord::Kind::Value);
    void push(const Tape& t, ExprPtr value, ast::Block& out);
    void pop(const Tape& t, ExprPtr target, ast::Block& out);
    void pushArray(const Tape& t, const ast::Expr& array, ast::Block& out);
    void popArray(const Tape& t, const ast::Expr& array, ast::Block& out);
    long long byteSize(const TypePtr& t);  // of one value in the C backend
    bool hasUnboundedArray(const TypePtr& t);  // run-time sized somewhere inside

    // ---- tape report (TapeReport.h): the loop entered by the forward sweep, the report so far
    void enterLoopReport(const ast::Stmt& loop);
    TapeLoop& currentLoopReport();
    DerivativeTapes report_;
    std::map<const ast::Stmt*, size_t> reportLoop_;  // loop -> index in report_.loops

    // ---- forward sweep (ReverseForwardSweep.cpp)
    void forwardBlock(const ast::Block& in, ast::Block& out);
    void forwardStmt(const ast::Stmt& s, ast::Block& out);
    void forwardCallStmt(const ast::Stmt& s, ast::Block& out);
    // Loop `loop` (while or for) whose forward-sweep body is `body`: when its trip count is
    // known on entry, the heap tapes its iterations push are reserved for the whole trip by
    // statements appended to `out`, before the loop (ReverseTripCount.cpp).
    // `exactCount`: the loop's trip count, already computed on entry and at most max_iter; the
    // reserves are then sized from it and the per-push reserves they make redundant are removed.
    void presizeTapes(const ast::Stmt& loop, ast::Block& body, ast::Block& out, const ExprPtr& exactCount = nullptr);
    // A counted loop runs while lo < hi (lo <= hi when inclusive), lo stepping up by `step`.
    struct CountedTrip {
        const ast::Expr* lo = nullptr;  // null: 0 (range(n))
        const ast::Expr* hi = nullptr;
        long long step = 0;
        bool inclusive = false;
    };
    std::optional<CountedTrip> countedTrip(const ast::Stmt& loop);
    // Statements appended to `out` that set `count` to the trip count of `trip` on entry; a count
    // beyond maxIter (or wrapped) is maxIter, or with `failBeyondMax` the max_iter runtime error.
    void computeTrip(const CountedTrip& trip, const ExprPtr& count, long long maxIter, bool failBeyondMax,
                     SourceLoc at, ast::Block& out);
    // A counted while loop (`trip`) in the forward sweep, `body` its replayed body: its count is
    // computed on entry (the max_iter error there), so the body neither counts nor checks and its
    // tapes are reserved once; a body that would only step i becomes `i = i + count * c`.
    void countOnEntry(const ast::Stmt& loop, const CountedTrip& trip, ast::Block& body, const ExprPtr& count,
                      ast::Block& out);
    // The reverse of a counted while loop `while i < hi` stepping i by 1, whose reversed `body`
    // undoes the step (`i = i - 1`) and writes i nowhere else: appended to `out` as
    // `_stop_i = i - count; while i > _stop_i: body`, a loop the C compiler can vectorize (a
    // count-down loop hides from it that i does not wrap). False when the loop is not of that shape.
    bool runDownToFirstValue(const ast::Stmt& loop, ast::Block& body, const ExprPtr& count, ast::Block& out);
    void unsizedOverwrite(const ast::Expr& arg, const std::string& callee);  // rev-unsized-overwrite

    // ---- reverse sweep (ReverseSweep.cpp)
    void reverseBlock(const ast::Block& in, ast::Block& out);
    void reverseStmt(const ast::Stmt& s, ast::Block& out);
    void reverseAssign(const ast::Expr& target, const ast::Expr* value, const ast::Stmt& s, ast::Block& out);
    void reverseCallStmt(const ast::Stmt& s, ast::Block& out);
    void reverseFor(const ast::Stmt& s, ast::Block& out);

    // ---- parallel adjoint loops (ReverseParallelFor.cpp; docs/omp.md)
    // Whether the reverse loop of pragma loop `s` can run in parallel: no tape, no while
    // counter, not inside another parallel adjoint loop, not @simd.
    bool parallelAdjoint(const ast::Stmt& s) const;
    bool usesTapes(const ast::Block& b) const;
    // A parallel adjoint loop whose reverse body pops tapes replays the iteration's forward
    // part at the start of its reverse iteration, into per-iteration (private) tapes. Only
    // when that replay writes nothing but primal privates and generated temporaries; otherwise
    // the tape state is restored and false returned (the reverse loop stays sequential).
    bool replayIteration(const ast::Stmt& s, ast::Block& replay);
    // Adjoints analyseLoop makes atomic for `s` (reduction arrays too when no per-thread copy
    // can cover their reads); returns the previous set, to restore after the body. Also runs
    // the loop's forward sweep in parallel when it records nothing (parallelForwardLoop).
    std::set<std::string> enterParallel(const ast::Stmt& s);
    void parallelForwardLoop(const ast::Stmt& s);
    // The pragma of the reverse loop out.back(): shared/private/firstprivate/reduction per
    // adjoint and per primal variable the reverse body names, plus one comment per decision;
    // the index ranges of array reductions are computed just before the loop.
    void attachAdjointPragma(const ast::Stmt& primalFor, ast::Block& out);
    ast::Pragma::ArrayReduction arrayExtent(const std::string& adjoint, const std::vector<omp::AffineExpr>& reads,
                                            const std::string& loopVar, const ast::Stmt& reverseFor, ast::Block& out);

    // ---- adjoint propagation (ReverseAccumulate.cpp)
    // Adds `adj` (a float or struct expression, duplicated freely: keep it a variable or a
    // small product) times d e / d inputs into the inputs' adjoints.
    void accumulate(const ast::Expr& e, ExprPtr adj, ast::Block& out);
    void accumulateCall(const ast::Expr& call, ExprPtr adjReturn, ast::Block& out);
    void accumulateIntoCallResult(const ast::Expr& e, ExprPtr adj, ast::Block& out);
    // target += value, member-wise for structs, element-wise for static arrays, atomically
    // when target is shared between threads.
    void addInto(ExprPtr target, ExprPtr value, ast::Block& out);
    void zeroInto(ExprPtr target, ast::Block& out);
    ExprPtr unused(const TypePtr& t);
    int activeLeaves(const ast::Expr& e);
    std::vector<ExprPtr> adjointTemps_;  // per nesting level of accumulate: `_adj_2`, `_adj_3`, ...
    size_t accumulateDepth_ = 0;  // e's value depends on a variable with an adjoint
    ExprPtr primalValue(const ast::Expr& e) { return copy(e); }
    // The value of a primal operand for an adjoint: a copy when small; a large float
    // arithmetic operand (a prefix of a long product) is evaluated once into a temporary
    // `_v`, built from the temporaries of its own large operands, so that the adjoint code of
    // an expression of n nodes has O(n) nodes, not O(n^2). Valid within one statement's
    // adjoint code (valueTemps_ are reset per statement).
    ExprPtr operandValue(const ast::Expr& e, ast::Block& out);
    std::unordered_map<const ast::Expr*, std::string> valueOf_;  // this statement's temporaries
    std::vector<ExprPtr> valueTemps_;                             // `_v`, `_v_2`, ... reused
    size_t valueTempsUsed_ = 0;
    void newStatementValues() {
        valueOf_.clear();
        valueTempsUsed_ = 0;
    }

    AdContext& ctx_;
    const ast::Function& primal_;
    ast::Function& out_;
    const ReverseFacts& facts_;
    const TapePlan& plan_;
    const Activity active_;
    NameAllocator names_;
    bool shared_ = false;  // adjoint parameters are shared between threads (@simd)
    std::set<std::string> atomicAdjoints_;  // updated with atomic_add in a parallel adjoint loop
    int parallelDepth_ = 0;                 // nesting of parallel adjoint loops being generated
    std::map<const ast::Stmt*, ast::Stmt*> forwardLoop_;  // pragma loop -> its forward-sweep loop
    SourceLoc loc_;

    std::map<std::string, std::string> adjointName_;   // variable -> its adjoint variable
    std::set<std::string> paramAdjoints_;   // adjoint parameters accumulated directly
    std::set<std::string> copiedInParams_;  // written In params: local adjoint, added at the end
    Tapes tapes_;
    std::vector<Loop> loops_;
    // rev_diff of a reverse derivative: its heap tapes' adjoint buffers (tape -> capacity
    // variable), and its __lomaw_tape_free calls, moved to the end of the body (the reverse
    // sweep still reads the tapes).
    std::map<std::string, std::string> heapAdjointCap_;
    std::vector<std::string> tripCounts_;  // the `_trip` counts of pre-sizes (dead ones go with their tapes)
    ast::Block deferredFrees_;
    // Adjoint variables known to hold 0 at the current point of the reverse sweep (declared,
    // or zeroed earlier in the same straight-line block): their next accumulation is written
    // as a plain assignment. Nothing is known at the start of a nested block, and what a
    // nested block writes is unknown after it.
    std::set<std::string> knownZero_;
    // The primal loops whose reverse is being built, innermost last, and what each writes:
    // whether an expression's value changes from one iteration to the next (variesInLoop).
    std::vector<const ast::Stmt*> reverseLoops_;
    std::map<const ast::Stmt*, std::set<std::string>> writtenInLoop_;
    bool variesInLoop(const ast::Expr& e);
    void written(const ast::Expr& adjointChain);
    std::set<std::string> enterNested();
    void leaveNested(std::set<std::string> outer, std::initializer_list<const ast::Block*> generated);

    std::vector<std::pair<std::string, TypePtr>> generatedLocals_;  // declaration order
    std::map<std::string, ExprPtr> adjTemp_;  // per type name: the `_adj` temporary
    ExprPtr adjTemp(const TypePtr& type);     // a use of it
    std::map<std::string, ExprPtr> unused_;   // per type name: a sink for adjoints nobody reads
};

}  // namespace lomaw::ad
