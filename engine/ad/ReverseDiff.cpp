// Reverse mode: the function body, variables, adjoint names and tapes.
#include "ad/ReverseDiff.h"

#include <functional>

#include "ad/ReverseDiffer.h"

namespace lomaw::ad {

using ast::Expr;
using ast::Stmt;

ReverseDiffer::ReverseDiffer(AdContext& ctx, const ast::Function& primal, ast::Function& out,
                             std::set<std::string> inoutParams)
    : ctx_(ctx), primal_(primal), out_(out), inoutParams_(std::move(inoutParams)) {
    names_.takeAll(primal);
    for (const ast::Param& p : out.params) names_.take(p.name);
    shared_ = primal.simd || out.simd || ctx.sharedAdjoints(primal.name);

    std::set<std::string> written;
    writtenRoots(primal.body, written);
    // Scalar float adjoint outputs are accumulated in a register-sized local and added to the
    // caller's location once at the end: through the pointer, every `_dx = _dx + e` in a loop
    // would be a load and a store the C compiler cannot keep in a register (any other
    // pointer may alias it). Only bodies with loops (straight-line code gains nothing), and
    // not when adjoints are shared between threads (@simd: atomic updates) or parallel
    // adjoint loops decide their scopes (docs/omp.md).
    bool localScalarAdjoints = !shared_ && hasLoop(primal.body, false) && !hasLoop(primal.body, true);
    // Parameters: In x -> x, _dx; Out y -> _dy (sema::derivativeSignature's order).
    size_t k = 0;
    for (const ast::Param& p : primal.params) {
        varType_[p.name] = p.resolved;
        if (p.isOut) {
            outParams_.insert(p.name);
            if (k < out.params.size() && hasFloat(p.resolved)) adjointName_[p.name] = out.params[k].name;
            k += 1;
            continue;
        }
        inParams_.insert(p.name);
        if (k + 1 < out.params.size() && hasFloat(p.resolved) && inoutParams_.count(p.name)) {
            // Read and written in place (a consuming derivative's adjoint input): the adjoint
            // parameter is used directly; it brings the exit value's adjoint and leaves with
            // the entry value's.
            adjointName_[p.name] = out.params[k + 1].name;
            paramAdjoints_.insert(out.params[k + 1].name);
        } else if (k + 1 < out.params.size() && hasFloat(p.resolved)) {
            const std::string& adj = out.params[k + 1].name;
            bool local = (written.count(p.name) && !p.resolved->isArray()) ||
                         (localScalarAdjoints && p.resolved->isFloat());
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
    std::function<void(const ast::Block&)> locals = [&](const ast::Block& b) {
        for (const StmtPtr& s : b) {
            if (!s) continue;
            if (s->kind == Stmt::Kind::Declare) {
                varType_[s->name] = s->resolved;
                bool heapTape = s->resolved && s->resolved->isUnboundedArray();
                if (heapTape && (!s->resolved->elem || !s->resolved->elem->isFloat()) && hasFloat(s->resolved))
                    ctx.internalError(s->loc, "reverse mode of a function with run-time sized tapes of "
                                              "structs or arrays is not supported");
                if (hasFloat(s->resolved)) {
                    std::string adj = names_.fresh("_d_" + s->name);
                    adjointName_[s->name] = adj;
                    generatedLocals_.emplace_back(adj, s->resolved);
                    if (s->resolved->isFloat()) knownZero_.insert(adj);
                    // A heap tape of a reverse derivative (rev_diff of a reverse derivative
                    // with for loops): its adjoint is a heap buffer grown alongside it.
                    if (heapTape) {
                        std::string cap = names_.fresh(adj + "_cap");
                        generatedLocals_.emplace_back(cap, Type::intType());
                        heapAdjointCap_[s->name] = cap;
                    }
                }
            }
            if (s->kind == Stmt::Kind::For) loopVars_.insert(s->name);
            locals(s->body);
            locals(s->orelse);
        }
    };
    locals(primal.body);
}

ExprPtr ReverseDiffer::local(const std::string& base, TypePtr type) {
    std::string n = names_.fresh(base);
    generatedLocals_.emplace_back(n, type);
    return tVar(n, type, loc_);
}

ExprPtr ReverseDiffer::adjointOf(const Expr& e) {
    switch (e.kind) {
        case Expr::Kind::Var: {
            if (loopVars_.count(e.name)) return nullptr;
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

namespace {
void usedNames(const ast::Block& b, std::set<std::string>& out);
}  // namespace

bool ReverseDiffer::hasLoop(const ast::Block& b, bool parallelOnly) {
    for (const StmtPtr& s : b) {
        if (!s) continue;
        bool loop = s->kind == Stmt::Kind::While || s->kind == Stmt::Kind::For;
        if (parallelOnly ? s->pragma.has_value() : loop) return true;
        if (hasLoop(s->body, parallelOnly) || hasLoop(s->orelse, parallelOnly)) return true;
    }
    return false;
}

void ReverseDiffer::leaveNested(std::set<std::string> outer, std::initializer_list<const ast::Block*> generated) {
    std::set<std::string> used;
    for (const ast::Block* b : generated) usedNames(*b, used);
    for (const std::string& n : used) outer.erase(n);
    knownZero_ = std::move(outer);
}

bool ReverseDiffer::isShared(const Expr& adjointChain) const {
    const Expr* root = chainRoot(adjointChain);
    if (root && atomicAdjoints_.count(root->name)) return true;  // atomic in a parallel adjoint loop
    if (!shared_) return false;
    return root && paramAdjoints_.count(root->name);
}

// Bytes of one value of `t` in the C backend (an estimate; 8 per scalar is an upper bound).
long long ReverseDiffer::byteSize(const TypePtr& t) {
    if (!t) return 8;
    if (t->isArray()) return t->size > 0 ? t->size * byteSize(t->elem) : 8;
    if (t->isStruct()) {
        long long n = 0;
        if (const MemberList* ms = ctx_.members(t->structName))
            for (const auto& [name, mt] : *ms) n += byteSize(mt);
        return n > 0 ? n : 8;
    }
    return 8;
}

long long ReverseDiffer::capacity() const {
    long long c = 1;
    for (const Loop& l : loops_) {
        long long m = l.maxIter > 0 ? l.maxIter : 1;
        c = c > (1LL << 40) / m ? (1LL << 40) : c * m;  // saturates: only compared with limits
    }
    return c;
}

bool ReverseDiffer::insideFor() const {
    for (const Loop& l : loops_)
        if (l.isFor) return true;
    return false;
}

ReverseDiffer::Tape ReverseDiffer::newTape(const std::string& base, TypePtr type, SourceLoc loc, long long entries) {
    Tape t;
    t.type = type;
    t.storage = type;
    if (loops_.empty() && entries == 1) {
        t.name = names_.fresh("_t_" + base);
        generatedLocals_.emplace_back(t.name, type);
        return t;
    }
    long long cap = capacity();
    cap = cap > (1LL << 40) / entries ? (1LL << 40) : cap * entries;
    if (insideFor() || cap * byteSize(type) > kMaxStackTapeBytes) {
        // The trip count of a for loop is known only at run time, and a tape sized by large
        // max_iter products would overflow the stack: a heap tape that grows on demand (the
        // generated-only intrinsics are described in docs/ad.md).
        t.name = names_.fresh("_t_" + base);
        t.storage = Type::arrayOf(type, 0);
        generatedLocals_.emplace_back(t.name, t.storage);
        t.counter = names_.fresh(t.name + "_n");
        generatedLocals_.emplace_back(t.counter, Type::intType());
        t.capacity = names_.fresh(t.name + "_cap");
        generatedLocals_.emplace_back(t.capacity, Type::intType());
        heapTapes_.push_back(t);
        return t;
    }
    if (cap > (1LL << 28)) ctx_.internalError(loc, "reverse mode: tape of " + std::to_string(cap) + " entries is too large");
    t.name = names_.fresh("_t_" + base);
    t.storage = Type::arrayOf(type, static_cast<int>(cap));
    generatedLocals_.emplace_back(t.name, t.storage);
    t.counter = names_.fresh(t.name + "_n");
    generatedLocals_.emplace_back(t.counter, Type::intType());
    return t;
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

bool ReverseDiffer::hasUnboundedArray(const TypePtr& t) {
    if (!t) return false;
    if (t->isArray()) return t->size <= 0 || hasUnboundedArray(t->elem);
    if (t->isStruct())
        if (const MemberList* ms = ctx_.members(t->structName))
            for (const auto& [name, mt] : *ms)
                if (hasUnboundedArray(mt)) return true;
    return false;
}

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

namespace {

void usedNames(const ast::Block& b, std::set<std::string>& out) {
    std::function<void(const Expr&)> ex = [&](const Expr& e) {
        if (e.kind == Expr::Kind::Var) out.insert(e.name);
        for (const ExprPtr& o : e.operands)
            if (o) ex(*o);
    };
    for (const StmtPtr& s : b) {
        if (!s) continue;
        if (s->target) ex(*s->target);
        if (s->value) ex(*s->value);
        for (const ExprPtr& a : s->rangeArgs)
            if (a) ex(*a);
        usedNames(s->body, out);
        usedNames(s->orelse, out);
    }
}

}  // namespace

void ReverseDiffer::run() {
    analyse();
    ctx_.noteReverseNeeds(out_.name, needed_);
    ast::Block fwd, rev, fin;
    forwardBlock(primal_.body, fwd);
    reverseBlock(primal_.body, rev);
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
    for (const Tape& t : heapTapes_) {
        std::vector<ExprPtr> args;
        args.push_back(tVar(t.name, t.storage, loc_));
        fin.push_back(sCall(tCall(kTapeFree, std::move(args), Type::voidType(), loc_), loc_));
    }
    std::set<std::string> used;
    usedNames(fwd, used);
    usedNames(rev, used);
    usedNames(fin, used);
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
    ReverseDiffer(ctx, prepared, out, std::move(inout)).run();
}

}  // namespace lomaw::ad
