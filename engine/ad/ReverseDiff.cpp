// Reverse mode: the function body, variables, adjoint names and tapes.
#include "ad/ReverseDiff.h"

#include "ad/ReverseDiffer.h"
#include "ad/ReverseDeadTapes.h"
#include "ad/ReverseStencilWindow.h"
#include "syntax/AstWalk.h"

namespace lomaw::ad {

using ast::Expr;
using ast::Stmt;

ReverseDiffer::ReverseDiffer(AdContext& ctx, const ast::Function& primal, ast::Function& out, const ReverseFacts& facts,
                             const TapePlan& plan)
    : ctx_(ctx), primal_(primal), out_(out), facts_(facts), plan_(plan),
      active_(ctx, facts.withAdjoint, facts.loopVars) {
    names_.takeAll(primal);
    for (const ast::Param& p : out.params) names_.take(p.name);
    shared_ = primal.simd || out.simd || ctx.sharedAdjoints(primal.name);

    // Float and small struct adjoint outputs are accumulated in a local and added to the
    // caller's location once at the end: through the pointer, every `_dx = _dx + e` (or
    // `_dc.k = _dc.k + e`) is a load and a store the C compiler must keep, in loops and in
    // straight-line code alike, since any other pointer may alias it; the first accumulation
    // into a local that is known to be zero is a plain assignment. Not when adjoints are
    // shared between threads (@simd: atomic updates) or parallel adjoint loops decide their
    // scopes (docs/omp.md).
    bool localScalarAdjoints = !shared_ && !hasParallelLoop(primal.body);
    auto registerSized = [&](const TypePtr& t) {
        return t->isFloat() || (t->isStruct() && !hasUnboundedArray(t) && byteSize(t) <= 256);
    };
    // Parameters: In x -> x, _dx; Out y -> _dy (sema::derivativeSignature's order).
    size_t k = 0;
    for (const ast::Param& p : primal.params) {
        const bool adjoint = facts.withAdjoint.count(p.name) > 0;
        if (p.isOut) {
            if (adjoint) adjointName_[p.name] = out.params[k].name;
            k += 1;
            continue;
        }
        if (adjoint && facts.inoutParams.count(p.name)) {
            // Read and written in place (a consuming derivative's adjoint input): the adjoint
            // parameter is used directly; it brings the exit value's adjoint and leaves with
            // the entry value's.
            adjointName_[p.name] = out.params[k + 1].name;
            paramAdjoints_.insert(out.params[k + 1].name);
        } else if (adjoint) {
            const std::string& adj = out.params[k + 1].name;
            bool local = (facts.written.count(p.name) && !p.resolved->isArray()) ||
                         (localScalarAdjoints && registerSized(p.resolved));
            if (local) {
                // The body overwrites its copy (or a scalar, see above): its adjoint lives in
                // a local until the end, where it is added to the caller's accumulator.
                copiedInParams_.insert(p.name);
                std::string local = names_.fresh("_d_" + p.name);
                adjointName_[p.name] = local;
                generatedLocals_.emplace_back(local, p.resolved);
                if (p.resolved->isFloat()) knownZero_.insert(local);
            } else {
                adjointName_[p.name] = adj;
                paramAdjoints_.insert(adj);
            }
        }
        k += 2;
    }
    // Locals holding floats: an adjoint each (a name declared again gets a new one).
    ast::forEachStmt(primal.body, [&](const Stmt& s) {
        if (s.kind != Stmt::Kind::Declare || !hasFloat(s.resolved)) return;
        std::string adj = names_.fresh("_d_" + s.name);
        adjointName_[s.name] = adj;
        generatedLocals_.emplace_back(adj, s.resolved);
        if (s.resolved->isFloat()) knownZero_.insert(adj);
        // A heap tape of a reverse derivative (rev_diff of a reverse derivative with for
        // loops): its adjoint is a heap buffer grown alongside it.
        if (s.resolved->isUnboundedArray()) {
            std::string cap = names_.fresh(adj + "_cap");
            generatedLocals_.emplace_back(cap, Type::wideIntType());
            heapAdjointCap_[s.name] = cap;
        }
    });
}

ExprPtr ReverseDiffer::local(const std::string& base, TypePtr type) {
    std::string n = names_.fresh(base);
    generatedLocals_.emplace_back(n, type);
    return tVar(n, type, loc_);
}

ExprPtr ReverseDiffer::adjointOf(const Expr& e) {
    switch (e.kind) {
        case Expr::Kind::Var: {
            if (facts_.loopVars.count(e.name)) return nullptr;
            auto it = adjointName_.find(e.name);
            if (it == adjointName_.end()) return nullptr;
            return tVar(it->second, e.type, e.loc);
        }
        case Expr::Kind::Index: {
            ExprPtr base = adjointOf(*e.operands[0]);
            if (!base) return nullptr;
            return tIndex(std::move(base), copy(*e.operands[1]));
        }
        case Expr::Kind::Member: {
            ExprPtr base = adjointOf(*e.operands[0]);
            if (!base) return nullptr;
            return tMember(std::move(base), e.name, e.type);
        }
        default: return nullptr;
    }
}

void ReverseDiffer::written(const Expr& adjointChain) {
    if (const Expr* root = chainRoot(adjointChain)) knownZero_.erase(root->name);
}

std::set<std::string> ReverseDiffer::enterNested() {
    std::set<std::string> outer = std::move(knownZero_);
    knownZero_.clear();
    return outer;
}

void ReverseDiffer::leaveNested(std::set<std::string> outer, std::initializer_list<const ast::Block*> generated) {
    std::set<std::string> used;
    for (const ast::Block* b : generated) used.merge(ast::variablesOf(*b));
    for (const std::string& n : used) outer.erase(n);
    knownZero_ = std::move(outer);
}

bool ReverseDiffer::isShared(const Expr& adjointChain) const {
    const Expr* root = chainRoot(adjointChain);
    if (root && atomicAdjoints_.count(root->name)) return true;  // atomic in a parallel adjoint loop
    if (!shared_) return false;
    return root && paramAdjoints_.count(root->name);
}

// Bytes of one value of `t` in the C backend: 4 per int and float, 8 per pointer (unbounded
// array), struct members summed (their alignment adds no padding: all are 4 or 8 bytes, and
// a pointer member may add 4).
long long ReverseDiffer::byteSize(const TypePtr& t) {
    if (!t) return 4;
    if (t->isArray()) return t->size > 0 ? t->size * byteSize(t->elem) : 8;
    if (t->isStruct()) {
        long long n = 0;
        if (const MemberList* ms = ctx_.members(t->structName))
            for (const auto& [name, mt] : *ms) n += byteSize(mt);
        return n;
    }
    return 4;
}

void ReverseDiffer::enterLoopReport(const Stmt& loop) {
    TapeLoop l;
    l.kind = loop.kind == Stmt::Kind::While ? "while" : "for";
    l.line = loop.loc.line;
    l.depth = static_cast<int>(loops_.size()) + 1;
    reportLoop_[&loop] = report_.loops.size();
    report_.loops.push_back(std::move(l));
}

TapeLoop& ReverseDiffer::currentLoopReport() {
    if (!loops_.empty())
        if (auto it = reportLoop_.find(loops_.back().stmt); it != reportLoop_.end()) return report_.loops[it->second];
    return report_.loops.front();
}

ReverseDiffer::Tape ReverseDiffer::newTape(const std::string& base, TypePtr type, SourceLoc loc, long long entries,
                                           TapeRecord::Kind kind) {
    Tape t;
    t.type = type;
    t.storage = type;
    TapeRecord record;
    record.kind = kind;
    record.variable = base;
    record.bytes = entries * byteSize(type);
    record.line = loc.line;
    if (kind == TapeRecord::Kind::Value || kind == TapeRecord::Kind::OutArgument)
        if (auto it = facts_.readLines.find(base); it != facts_.readLines.end())
            record.readBy.assign(it->second.begin(), it->second.end());
    if (loops_.empty()) {
        // Runs once: one variable, or an array of exactly `entries` (a static array's elements).
        t.name = names_.fresh("_t_" + base);
        record.tape = t.name;
        currentLoopReport().recorded.push_back(std::move(record));
        if (entries == 1) {
            generatedLocals_.emplace_back(t.name, type);
            return t;
        }
        if (entries > (1LL << 28))
            ctx_.internalError(loc, "reverse mode: tape of " + std::to_string(entries) + " entries is too large");
        t.storage = Type::arrayOf(type, static_cast<int>(entries));
        generatedLocals_.emplace_back(t.name, t.storage);
        t.counter = names_.fresh(t.name + "_n");
        generatedLocals_.emplace_back(t.counter, Type::wideIntType());
        return t;
    }
    {
        // A heap tape that persists across calls (per thread) and grows geometrically: after
        // the first call it costs no allocation, no page fault and no zero-filling. (Stack
        // arrays sized by max_iter products were zero-filled on every call and overflowed the
        // stack when large; the intrinsics are described in docs/ad.md.)
        t.name = names_.fresh("_t_" + base);
        t.storage = Type::arrayOf(type, 0);
        generatedLocals_.emplace_back(t.name, t.storage);
        t.counter = names_.fresh(t.name + "_n");
        generatedLocals_.emplace_back(t.counter, Type::wideIntType());
        t.capacity = names_.fresh(t.name + "_cap");
        generatedLocals_.emplace_back(t.capacity, Type::wideIntType());
        tapes_.heap.push_back(t);
        record.tape = t.name;
        currentLoopReport().recorded.push_back(std::move(record));
        return t;
    }
}

void ReverseDiffer::push(const Tape& t, ExprPtr value, ast::Block& out) {
    if (t.counter.empty()) {
        out.push_back(sAssign(tVar(t.name, t.type, loc_), std::move(value), loc_));
        return;
    }
    const TypePtr& arr = t.storage;
    if (!t.capacity.empty()) {
        // __lomaw_tape_reserve(tape, capacity, count): room for one more entry
        std::vector<ExprPtr> args;
        args.push_back(tVar(t.name, arr, loc_));
        args.push_back(tVar(t.capacity, Type::intType(), loc_));
        args.push_back(tVar(t.counter, Type::intType(), loc_));
        out.push_back(sCall(tCall(kTapeReserve, std::move(args), Type::voidType(), loc_), loc_));
    }
    out.push_back(sAssign(tIndex(tVar(t.name, arr, loc_), tVar(t.counter, Type::intType(), loc_)),
                          std::move(value), loc_));
    out.push_back(sAssign(tVar(t.counter, Type::intType(), loc_),
                          tBin(ast::BinaryOp::Add, tVar(t.counter, Type::intType(), loc_), tInt(1)), loc_));
}

bool ReverseDiffer::hasUnboundedArray(const TypePtr& t) { return holdsUnboundedArray(ctx_, t); }

// A static array is taped element by element (first to last; popped last first); nested
// static arrays down to their scalar or struct elements.
void ReverseDiffer::pushArray(const Tape& t, const Expr& array, ast::Block& out) {
    std::string i = names_.fresh("_i");
    ast::Block body;
    ExprPtr elem = tIndex(copy(array), tVar(i, Type::intType(), loc_));
    if (elem->type && elem->type->isArray()) pushArray(t, *elem, body);
    else push(t, std::move(elem), body);
    std::vector<ExprPtr> range;
    range.push_back(tInt(array.type->size));
    out.push_back(sFor(i, std::move(range), std::move(body), loc_));
}

void ReverseDiffer::popArray(const Tape& t, const Expr& array, ast::Block& out) {
    std::string i = names_.fresh("_i");
    ast::Block body;
    ExprPtr elem = tIndex(copy(array), tVar(i, Type::intType(), loc_));
    if (elem->type && elem->type->isArray()) popArray(t, *elem, body);
    else pop(t, std::move(elem), body);
    std::vector<ExprPtr> range;
    range.push_back(tInt(array.type->size - 1));
    range.push_back(tNeg(tInt(1)));
    range.push_back(tNeg(tInt(1)));
    out.push_back(sFor(i, std::move(range), std::move(body), loc_));
}

void ReverseDiffer::pop(const Tape& t, ExprPtr target, ast::Block& out) {
    if (t.counter.empty()) {
        out.push_back(sAssign(std::move(target), tVar(t.name, t.type, loc_), loc_));
        return;
    }
    const TypePtr& arr = t.storage;
    out.push_back(sAssign(tVar(t.counter, Type::intType(), loc_),
                          tBin(ast::BinaryOp::Sub, tVar(t.counter, Type::intType(), loc_), tInt(1)), loc_));
    out.push_back(sAssign(std::move(target),
                          tIndex(tVar(t.name, arr, loc_), tVar(t.counter, Type::intType(), loc_)), loc_));
}

// Heap tapes whose restored values nothing reads (ReverseDeadTapes.h) are not recorded.
// Returns the names of the tapes dropped.
std::set<std::string> ReverseDiffer::dropDeadTapes(ast::Block& fwd, ast::Block& rev, const ast::Block& fin) {
    std::vector<HeapTapeNames> heap;
    for (const Tape& t : tapes_.heap)
        if (!heapAdjointCap_.count(t.name)) heap.push_back({t.name, t.counter, t.capacity});
    std::set<std::string> dropped;
    if (heap.empty()) return dropped;
    std::set<std::string> locals;
    for (const auto& [name, type] : generatedLocals_) locals.insert(name);
    for (const ast::Block* b : {&fwd, &rev})
        ast::forEachStmt(*b, [&](const Stmt& s) {
            if (s.kind == Stmt::Kind::Declare) locals.insert(s.name);
        });
    for (const ast::Param& p : out_.params) locals.erase(p.name);
    const std::set<std::string> dead = deadTapes(rev, heap, locals, ast::variablesOf(fin));
    for (const HeapTapeNames& t : heap) {
        if (!dead.count(t.name)) continue;
        const std::vector<HeapTapeNames> one{t};
        if (removalEmptiesABlock(fwd, one) || removalEmptiesABlock(rev, one)) continue;
        removeTapeStatements(fwd, one);
        removeTapeStatements(rev, one);
        std::erase_if(tapes_.heap, [&](const Tape& h) { return h.name == t.name; });
        dropped.insert(t.name);
    }
    return dropped;
}

void ReverseDiffer::run() {
    report_.derivative = out_.name;
    report_.primal = primal_.name;
    report_.line = primal_.loc.line;
    report_.loops.push_back(TapeLoop{"body", primal_.loc.line, 0, {}, {}});
    ctx_.noteReverseNeeds(out_.name, facts_.needed);
    ast::Block fwd, rev, fin;
    forwardBlock(primal_.body, fwd);
    reverseBlock(primal_.body, rev);
    windowStencilAdjoints(ctx_, rev, [&](const std::string& base, TypePtr type) { return local(base, std::move(type)); });
    loc_ = primal_.loc;
    for (const std::string& p : copiedInParams_) {
        // _dx += _d_x: the adjoint of the value passed in (§6.3).
        size_t k = 0;
        for (const ast::Param& pp : primal_.params) {
            if (pp.isOut) { k += 1; continue; }
            if (pp.name == p) {
                TypePtr t = pp.resolved;
                paramAdjoints_.insert(out_.params[k + 1].name);
                addInto(tVar(out_.params[k + 1].name, t, loc_), tVar(adjointName_[p], t, loc_), fin);
            }
            k += 2;
        }
    }
    for (StmtPtr& f : deferredFrees_) fin.push_back(std::move(f));
    const std::set<std::string> dropped = dropDeadTapes(fwd, rev, fin);
    if (!dropped.empty())
        for (const std::string& trip : tripCounts_) removeUnreadCount({&fwd, &rev}, trip);
    ast::Block acquire;
    for (const Tape& t : tapes_.heap) {
        for (auto [fn, block] : {std::pair{kTapeAcquire, &acquire}, std::pair{kTapeRelease, &fin}}) {
            std::vector<ExprPtr> args;
            args.push_back(tVar(t.name, t.storage, loc_));
            args.push_back(tVar(t.capacity, Type::intType(), loc_));
            block->push_back(sCall(tCall(fn, std::move(args), Type::voidType(), loc_), loc_));
        }
    }
    if (!acquire.empty()) fwd.insert(fwd.begin(), std::make_move_iterator(acquire.begin()), std::make_move_iterator(acquire.end()));
    std::set<std::string> used;
    for (const ast::Block* b : {&fwd, &rev, &fin}) used.merge(ast::variablesOf(*b));
    for (TapeLoop& l : report_.loops) {  // tapes a parallel adjoint loop made dead, or nothing read
        for (const TapeRecord& r : l.recorded)
            if (dropped.count(r.tape)) l.recomputed.push_back({TapeRecompute::Kind::Unneeded, r.variable, "", r.line});
        std::erase_if(l.recorded, [&](const TapeRecord& r) { return !used.count(r.tape); });
    }
    ctx_.tapeReport.derivatives.push_back(std::move(report_));
    ast::Block body;
    for (const auto& [name, type] : generatedLocals_)
        if (used.count(name)) body.push_back(sDeclare(name, type, nullptr, primal_.loc));
    for (ast::Block* b : {&fwd, &rev, &fin})
        for (StmtPtr& s : *b) body.push_back(std::move(s));
    // Nothing flows back (no float input reaches an output): a body needs one statement and
    // the language has no `pass`, so it declares a sink.
    if (body.empty()) body.push_back(sDeclare(names_.fresh("_nothing"), Type::intType(), nullptr, primal_.loc));
    out_.body = std::move(body);
}

void reverseBody(AdContext& ctx, const ast::Function& primal, ast::Function& out) {
    ast::Function prepared = withNestedCallsHoisted(primal, out);
    // A consuming derivative's in-out parameters are differentiated as In parameters whose
    // adjoint is replaced rather than accumulated (AdContext::inoutParams).
    std::set<std::string> inout;
    for (size_t i : ctx.inoutParams(primal.name))
        if (i < prepared.params.size()) {
            prepared.params[i].isOut = false;
            inout.insert(prepared.params[i].name);
        }
    const ReverseFacts facts = analyseReverse(ctx, prepared, out, std::move(inout));
    const TapePlan plan = planTapes(ctx, prepared, facts);
    ReverseDiffer(ctx, prepared, out, facts, plan).run();
}

}  // namespace lomaw::ad
