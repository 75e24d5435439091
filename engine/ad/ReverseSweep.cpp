// Reverse mode, reverse sweep: statements backwards (docs/language.md §6.3, §6.4, §9.1). A
// statement `t = e` is undone by restoring t (when taped), reading a = t̄, setting t̄ = 0 and
// accumulating a into the inputs of e.
#include "ad/ReverseDiffer.h"
#include "sema/Builtins.h"
#include "syntax/AstWalk.h"

namespace lomaw::ad {

using ast::BinaryOp;
using ast::Expr;
using ast::Stmt;

namespace {

// A loop's adjoint variable that holds 0 when the reverse loop starts and that each iteration
// sets to 0 last holds 0 at the start of every iteration, so the iteration's first
// accumulation `v = v + e` is `v = e` (one addition fewer per iteration; knownZero_ does the
// same in straight-line code). The same holds inside a nested loop that is the first statement
// of the iteration mentioning v and that leaves v at 0 (the Laplacian's inner loop over j).
bool isLoop(const Stmt& s) { return (s.kind == Stmt::Kind::While || s.kind == Stmt::Kind::For) && !s.pragma; }

// Whether `body`, entered with v == 0, ends with v == 0: its last statement mentioning v sets
// v to 0, or is a loop that is also its first (so entered with v == 0) and whose own body
// keeps v at 0 (a loop that runs no iteration leaves v as it was).
bool keepsZero(const ast::Block& body, const std::string& v) {
    const Stmt* first = nullptr;
    const Stmt* last = nullptr;
    for (const ast::StmtPtr& s : body)
        if (s && ast::mentions(*s, v)) {
            if (!first) first = s.get();
            last = s.get();
        }
    if (!last) return true;
    if (last->kind == Stmt::Kind::Assign && ast::isVar(*last->target, v) && last->value &&
        last->value->kind == Expr::Kind::FloatLit && last->value->floatValue == 0.0)
        return true;
    return first == last && isLoop(*last) && keepsZero(last->body, v);
}

// v holds 0 at the start of every iteration of a loop whose body is `body`: its first
// accumulation becomes an assignment, in the body or in the nested loop that mentions v first.
void assignFirstAccumulation(ast::Block& body, const std::string& v) {
    if (!keepsZero(body, v)) return;
    Stmt* first = nullptr;
    for (const ast::StmtPtr& s : body)
        if (s && ast::mentions(*s, v)) {
            first = s.get();
            break;
        }
    if (!first) return;
    if (isLoop(*first)) {
        assignFirstAccumulation(first->body, v);
        return;
    }
    const ast::ExprPtr& sum = first->value;
    if (first->kind == Stmt::Kind::Assign && ast::isVar(*first->target, v) && sum && sum->kind == Expr::Kind::Binary &&
        sum->op == BinaryOp::Add && ast::isVar(*sum->operands[0], v) && !ast::mentions(*sum->operands[1], v)) {
        ast::ExprPtr e = std::move(sum->operands[1]);
        first->value = std::move(e);
    }
}

// `zeroAtEntry`: the variables known 0 before the loop whose body is `body`.
void assignFirstAccumulations(ast::Block& body, const std::set<std::string>& zeroAtEntry) {
    for (const std::string& v : zeroAtEntry) assignFirstAccumulation(body, v);
}

}  // namespace

void ReverseDiffer::reverseBlock(const ast::Block& in, ast::Block& out) {
    for (auto it = in.rbegin(); it != in.rend(); ++it) {
        if (!*it) continue;
        // Values recomputed instead of taped (ReverseRestorePlan.h), from variables that hold
        // here the values they had at the definition.
        if (auto r = facts_.restore.recomputeBefore.find(it->get()); r != facts_.restore.recomputeBefore.end())
            for (const Stmt* d : r->second) out.push_back(ast::clone(*d));
        reverseStmt(**it, out);
    }
}

void ReverseDiffer::reverseStmt(const Stmt& s, ast::Block& out) {
    loc_ = s.loc;
    newStatementValues();
    switch (s.kind) {
        case Stmt::Kind::Declare: {
            if (!s.value || !adjointName_.count(s.name) || !isActive(*s.value)) break;
            accumulate(*s.value, tVar(adjointName_[s.name], s.resolved, s.loc), out);
            break;
        }
        case Stmt::Kind::Assign: reverseAssign(*s.target, s.value.get(), s, out); break;
        case Stmt::Kind::Return: {
            const ast::Param* dret = out_.params.empty() ? nullptr : &out_.params.back();
            if (!dret || !primal_.returnType || primal_.returnType->isVoid()) break;
            if (!hasFloat(s.value->type) || !isActive(*s.value)) break;
            accumulate(*s.value, tVar(dret->name, dret->resolved, s.loc), out);
            break;
        }
        case Stmt::Kind::CallStmt: reverseCallStmt(s, out); break;
        case Stmt::Kind::If: {
            ExprPtr cond;
            if (auto it = tapes_.branch.find(&s); it != tapes_.branch.end()) {
                if (it->second.counter.empty()) {
                    cond = tVar(it->second.name, Type::intType(), s.loc);
                } else {
                    ExprPtr b = local("_branch", Type::intType());
                    pop(it->second, copy(*b), out);
                    cond = std::move(b);
                }
            } else {
                cond = copy(*s.value);
            }
            ast::Block body, orelse;
            std::set<std::string> outer = enterNested();
            reverseBlock(s.body, body);
            knownZero_.clear();
            reverseBlock(s.orelse, orelse);
            leaveNested(std::move(outer), {&body, &orelse});
            if (body.empty() && orelse.empty()) break;
            if (body.empty()) {
                // if c: (nothing) else: B  ->  if c == 0: B
                cond = tBin(BinaryOp::Equal, std::move(cond), cond && cond->type && cond->type->isFloat()
                                                                  ? tFloat(0.0) : tInt(0));
                std::swap(body, orelse);
            }
            out.push_back(sIf(std::move(cond), std::move(body), std::move(orelse), s.loc));
            break;
        }
        case Stmt::Kind::While: {
            if (!tapes_.loopCount.count(&s)) break;  // no adjoint work in this loop
            auto& [counter, counts] = tapes_.loopCount[&s];
            ast::Block body;
            std::set<std::string> outer = enterNested();
            reverseLoops_.push_back(&s);
            reverseBlock(s.body, body);
            reverseLoops_.pop_back();
            assignFirstAccumulations(body, outer);
            leaveNested(std::move(outer), {&body});
            if (body.empty()) break;
            loc_ = s.loc;
            ExprPtr n = tVar(counter, Type::intType(), s.loc);
            if (!counts.name.empty()) pop(counts, copy(*n), out);
            if (runDownToFirstValue(s, body, n, out)) break;
            body.push_back(sAssign(copy(*n), tBin(BinaryOp::Sub, copy(*n), tInt(1)), s.loc));
            out.push_back(sWhile(tBin(BinaryOp::Greater, copy(*n), tInt(0)), s.maxIter, std::move(body), s.loc));
            break;
        }
        case Stmt::Kind::For: reverseFor(s, out); break;
    }
}

ExprPtr ReverseDiffer::adjTemp(const TypePtr& type) {
    std::string key = toString(type);
    auto t = adjTemp_.find(key);
    if (t == adjTemp_.end()) t = adjTemp_.emplace(key, local(type->isFloat() ? "_adj" : "_adj_" + key, type)).first;
    return copy(*t->second);
}

void ReverseDiffer::reverseAssign(const Expr& target, const Expr* value, const Stmt& s, ast::Block& out) {
    if (auto it = tapes_.value.find(&s); it != tapes_.value.end()) pop(it->second, copy(target), out);
    else if (plan_.inverted.count(&s)) {
        const InverseStep& step = facts_.restore.inverse.at(&s);
        out.push_back(sAssign(copy(target), tBin(step.add ? BinaryOp::Sub : BinaryOp::Add, copy(target), copy(*step.step)),
                              s.loc));
    }
    if (!hasFloat(target.type)) return;
    ExprPtr adj = adjointOf(target);
    if (!adj) return;
    if (!value || !isActive(*value)) {
        zeroInto(std::move(adj), out);
        return;
    }
    // t = t + e / t = t - e (an accumulator): t̄ passes through unchanged, e's inputs get ±t̄.
    if (target.type->isFloat() && value->kind == Expr::Kind::Binary &&
        (value->op == BinaryOp::Add || value->op == BinaryOp::Sub)) {
        const Expr* root = chainRoot(target);
        const std::set<std::string> lhsVars = ast::variablesOf(*value->operands[0]);
        const std::set<std::string> rhsVars = ast::variablesOf(*value->operands[1]);
        if (ast::equal(*value->operands[0], target) && !rhsVars.count(root->name)) {
            ExprPtr a = value->op == BinaryOp::Add ? std::move(adj) : tNeg(std::move(adj));
            accumulate(*value->operands[1], std::move(a), out);
            return;
        }
        if (value->op == BinaryOp::Add && ast::equal(*value->operands[1], target) && !lhsVars.count(root->name)) {
            accumulate(*value->operands[0], std::move(adj), out);
            return;
        }
    }
    // a = t̄; t̄ = 0; inputs of e += a * de/dinput
    ExprPtr a = adjTemp(target.type);
    a->loc = s.loc;
    out.push_back(sAssign(copy(*a), copy(*adj), s.loc));  // structs are copied whole
    zeroInto(std::move(adj), out);
    accumulate(*value, std::move(a), out);
}

// Whether a variable of e is written in the innermost loop being reversed (so e's value
// changes from one iteration to the next); the loop's written set is computed once.
bool ReverseDiffer::variesInLoop(const Expr& e) {
    if (reverseLoops_.empty()) return false;
    const Stmt* loop = reverseLoops_.back();
    auto it = writtenInLoop_.find(loop);
    if (it == writtenInLoop_.end()) {
        std::set<std::string> written;
        writtenRoots(ctx_, loop->body, written);
        if (loop->kind == Stmt::Kind::For) written.insert(loop->name);
        it = writtenInLoop_.emplace(loop, std::move(written)).first;
    }
    for (const std::string& v : ast::variablesOf(e))
        if (it->second.count(v)) return true;
    return false;
}

// Reverse iteration of `for v in range(start, stop, step)`: the same indices, last first; the
// counter needs no tape because each index is recomputed (§9.1).
void ReverseDiffer::reverseFor(const Stmt& s, ast::Block& out) {
    ast::Block body;
    bool parallel = parallelAdjoint(s);
    ast::Block replay;
    if (parallel && usesTapes(s.body)) parallel = replayIteration(s, replay);
    std::set<std::string> outerAtomic;
    if (parallel) {
        outerAtomic = enterParallel(s);
        ++parallelDepth_;
    }
    std::set<std::string> outer = enterNested();
    reverseLoops_.push_back(&s);
    reverseBlock(s.body, body);
    reverseLoops_.pop_back();
    if (!parallel) assignFirstAccumulations(body, outer);
    leaveNested(std::move(outer), {&body});
    if (parallel) {
        --parallelDepth_;
        atomicAdjoints_ = std::move(outerAtomic);
        if (!replay.empty() && !body.empty())
            body.insert(body.begin(), std::make_move_iterator(replay.begin()), std::make_move_iterator(replay.end()));
    }
    if (body.empty()) return;
    loc_ = s.loc;
    long long step = 1;
    if (s.rangeArgs.size() == 3) step = ast::intLiteral(*s.rangeArgs[2]).value_or(step);
    ExprPtr start, stop;
    auto rt = tapes_.range.find(&s);
    size_t nb = s.rangeArgs.size() == 1 ? 1 : 2;
    std::vector<ExprPtr> bounds(nb);
    if (rt != tapes_.range.end()) {
        for (size_t i = nb; i-- > 0;) {
            const Tape& t = rt->second[i];
            if (t.counter.empty()) bounds[i] = tVar(t.name, Type::intType(), s.loc);
            else {
                bounds[i] = local("_bound", Type::intType());
                pop(t, copy(*bounds[i]), out);
            }
        }
    } else {
        for (size_t i = 0; i < nb; ++i) bounds[i] = copy(*s.rangeArgs[i]);
    }
    if (nb == 1) {
        start = tInt(0);
        stop = std::move(bounds[0]);
    } else {
        start = std::move(bounds[0]);
        stop = std::move(bounds[1]);
    }
    auto plus = [](ExprPtr a, long long k) -> ExprPtr {
        if (k == 0) return a;
        if (a->kind == Expr::Kind::IntLit) {
            long long v = a->intValue + k;
            return v >= 0 ? tInt(v) : tNeg(tInt(-v));
        }
        return tBin(k > 0 ? BinaryOp::Add : BinaryOp::Sub, std::move(a), tInt(k > 0 ? k : -k));
    };
    auto stepLit = [](long long k) -> ExprPtr { return k >= 0 ? tInt(k) : tNeg(tInt(-k)); };
    std::vector<ExprPtr> args;
    long long mag = step > 0 ? step : -step;
    if (mag == 1) {
        // range(stop - 1, start - 1, -1) for step 1; range(stop + 1, start + 1) for step -1
        args.push_back(plus(std::move(stop), -step));
        args.push_back(plus(std::move(start), -step));
        if (step > 0) args.push_back(stepLit(-1));
    } else {
        // count = (stop - start + step - 1) / step (step > 0; mirrored for step < 0);
        // last = start + (count - 1) * step; then range(last, start - step, -step).
        ExprPtr diff = step > 0 ? tBin(BinaryOp::Sub, std::move(stop), copy(*start))
                                : tBin(BinaryOp::Sub, copy(*start), std::move(stop));
        ExprPtr count = tBin(BinaryOp::Div, plus(std::move(diff), mag - 1), tInt(mag));
        ExprPtr offset = tBin(BinaryOp::Mul, plus(std::move(count), -1), tInt(mag));
        ExprPtr last = tBin(step > 0 ? BinaryOp::Add : BinaryOp::Sub, copy(*start), std::move(offset));
        args.push_back(std::move(last));
        args.push_back(plus(std::move(start), -step));
        args.push_back(stepLit(-step));
    }
    out.push_back(sFor(s.name, std::move(args), std::move(body), s.loc));
    if (parallel) attachAdjointPragma(s, out);
}

void ReverseDiffer::reverseCallStmt(const Stmt& s, ast::Block& out) {
    const Expr& c = *s.value;
    if (c.name == "atomic_add" && c.operands.size() == 2) {
        // atomic_add(t, v): v̄ += t̄, t̄ unchanged (§4)
        if (auto it = tapes_.value.find(&s); it != tapes_.value.end()) pop(it->second, copy(*c.operands[0]), out);
        ExprPtr adj = adjointOf(*c.operands[0]);
        if (!adj || !isActive(*c.operands[1])) return;
        // v reads t (`atomic_add(r, r * r)`): t̄ receives v's contributions while they are
        // made, so they are all made from a copy of it.
        const Expr* root = chainRoot(*c.operands[0]);
        if (root && ast::mentions(*c.operands[1], root->name)) {
            ExprPtr a = adjTemp(c.operands[0]->type);
            out.push_back(sAssign(copy(*a), std::move(adj), s.loc));
            adj = std::move(a);
        }
        accumulate(*c.operands[1], std::move(adj), out);
        return;
    }
    if (isTapeIntrinsic(c.name)) return;
    if (auto it = tapes_.outArgs.find(&s); it != tapes_.outArgs.end()) {
        // Restore what the call overwrote, last recorded first.
        for (auto t = it->second.rbegin(); t != it->second.rend(); ++t) {
            const Expr& a = *c.operands[t->first];
            if (t->second.elementwise) popArray(t->second, a, out);
            else pop(t->second, copy(a), out);
        }
    }
    accumulateCall(c, nullptr, out);
}

}  // namespace lomaw::ad
