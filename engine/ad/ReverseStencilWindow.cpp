#include "ad/ReverseStencilWindow.h"

#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "ad/ReverseFacts.h"
#include "ad/TypedBuild.h"
#include "syntax/AstWalk.h"

namespace lomaw::ad {

using ast::BinaryOp;
using ast::Block;
using ast::Expr;
using ast::ExprPtr;
using ast::Stmt;
using ast::StmtPtr;

namespace {

// The loop counter: its name, its step (+1 or -1) and whether it is a `for` variable (gone
// after the loop, so its last value is kept in a local).
struct Counter {
    std::string name;
    long long step = 0;
    bool forVariable = false;
};

// The variables the statements of b write (writtenRoots: targets, declarations, Out and
// atomic_add arguments), from statement `from` on.
std::set<std::string> writtenIn(AdContext& ctx, const Block& b, size_t from = 0) {
    std::set<std::string> out;
    for (size_t k = from; k < b.size(); ++k)
        if (b[k]) writtenRoots(ctx, *b[k], out);
    return out;
}

std::optional<Counter> loopCounter(AdContext& ctx, const Stmt& loop) {
    Counter c;
    if (loop.kind == Stmt::Kind::For) {
        c.name = loop.name;
        c.forVariable = true;
        c.step = loop.rangeArgs.size() < 3 ? 1 : ast::intLiteral(*loop.rangeArgs[2]).value_or(0);
        if ((c.step != 1 && c.step != -1) || writtenIn(ctx, loop.body).count(c.name)) return std::nullopt;
        return c;
    }
    if (loop.kind != Stmt::Kind::While || loop.body.empty() || !loop.body[0]) return std::nullopt;
    const Stmt& first = *loop.body[0];
    if (first.kind != Stmt::Kind::Assign || first.target->kind != Expr::Kind::Var || !first.value ||
        first.value->kind != Expr::Kind::Binary || !first.target->type || !first.target->type->isInt())
        return std::nullopt;
    const Expr& v = *first.value;
    c.name = first.target->name;
    if ((v.op != BinaryOp::Add && v.op != BinaryOp::Sub) || !ast::isVar(*v.operands[0], c.name) ||
        ast::intLiteral(*v.operands[1]) != 1)
        return std::nullopt;
    c.step = v.op == BinaryOp::Add ? 1 : -1;
    if (writtenIn(ctx, loop.body, 1).count(c.name)) return std::nullopt;
    return c;
}

// `A[x] = A[x] + e` with neither x nor e reading A; A a float array variable.
const Expr* accumulatedArray(const Stmt& s) {
    if (s.kind != Stmt::Kind::Assign || !s.target || s.target->kind != Expr::Kind::Index || !s.value) return nullptr;
    const Expr& base = *s.target->operands[0];
    if (base.kind != Expr::Kind::Var || !base.type || !base.type->isArray() || !base.type->elem || !base.type->elem->isFloat())
        return nullptr;
    const Expr& v = *s.value;
    if (v.kind != Expr::Kind::Binary || v.op != BinaryOp::Add || !ast::equal(*v.operands[0], *s.target)) return nullptr;
    if (ast::mentions(*s.target->operands[1], base.name) || ast::mentions(*v.operands[1], base.name)) return nullptr;
    return &base;
}

// Whether the loop body mentions A only in accumulations into it.
bool onlyAccumulated(const Block& body, const std::string& array) {
    return !ast::anyStmt(body, [&](const Stmt& s) {
        const Expr* a = accumulatedArray(s);
        if (a && a->name == array) return false;
        return ((s.kind == Stmt::Kind::Declare || s.kind == Stmt::Kind::For) && s.name == array) ||
               ast::mentionsOwn(s, array);
    });
}

// An index as a sum of signed terms: `i * n + j - 1` is +(i * n), +j, -1.
struct Term {
    bool negative = false;
    const Expr* e = nullptr;
};

void flatten(const Expr& e, bool negative, std::vector<Term>& out) {
    if (e.kind == Expr::Kind::Binary && (e.op == BinaryOp::Add || e.op == BinaryOp::Sub)) {
        flatten(*e.operands[0], negative, out);
        flatten(*e.operands[1], e.op == BinaryOp::Sub ? !negative : negative, out);
        return;
    }
    out.push_back({negative, &e});
}

// x = B + j + c: B's terms (in order, without j and the constants) and c.
struct Decomposed {
    std::vector<Term> base;
    long long offset = 0;
};

std::optional<Decomposed> decompose(const Expr& x, const std::string& counter, const std::set<std::string>& assigned) {
    std::vector<Term> terms;
    flatten(x, false, terms);
    Decomposed d;
    int counterTerms = 0;
    for (const Term& t : terms) {
        if (ast::isVar(*t.e, counter)) {
            if (t.negative) return std::nullopt;
            ++counterTerms;
        } else if (t.e->kind == Expr::Kind::IntLit) {
            d.offset += t.negative ? -t.e->intValue : t.e->intValue;
        } else {
            if (ast::callsAnything(*t.e)) return std::nullopt;
            for (const std::string& v : ast::variablesOf(*t.e))
                if (assigned.count(v)) return std::nullopt;
            d.base.push_back(t);
        }
    }
    if (counterTerms != 1) return std::nullopt;
    return d;
}

bool sameBase(const std::vector<Term>& a, const std::vector<Term>& b) {
    if (a.size() != b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k)
        if (a[k].negative != b[k].negative || !ast::equal(*a[k].e, *b[k].e)) return false;
    return true;
}

// The accumulations of one array at one base: the window's members.
struct Group {
    ExprPtr array;         // a copy of the array variable
    std::vector<Term> base;  // into the loop's statements (read before any is rewritten)
    std::vector<std::pair<Stmt*, long long>> members;
    std::map<long long, ExprPtr> indexAt;  // a copy of a member's index per offset
};

// x + by, folded into x's trailing constant: `i * n + j - 1` shifted by 1 is `i * n + j`.
ExprPtr shifted(const ExprPtr& x, long long by) {
    if (by == 0) return copy(*x);
    const Expr* rest = x.get();
    if (x->kind == Expr::Kind::Binary && (x->op == BinaryOp::Add || x->op == BinaryOp::Sub) &&
        x->operands[1]->kind == Expr::Kind::IntLit) {
        by += x->op == BinaryOp::Add ? x->operands[1]->intValue : -x->operands[1]->intValue;
        rest = x->operands[0].get();
    }
    if (by == 0) return copy(*rest);
    return tBin(by > 0 ? BinaryOp::Add : BinaryOp::Sub, copy(*rest), tInt(by > 0 ? by : -by));
}

// The index B + j + c (the counter `counter` named `as`).
ExprPtr indexAt(const Group& g, long long c, const std::string& counter, const std::string& as) {
    auto exact = g.indexAt.find(c);
    const auto& [c0, x] = exact != g.indexAt.end() ? *exact : *g.indexAt.begin();
    ExprPtr out = shifted(x, c - c0);
    if (as != counter) ast::renameVar(*out, counter, as);
    return out;
}

// array[index] = array[index] + reg
StmtPtr addInto(const ExprPtr& array, ExprPtr index, const ExprPtr& reg, SourceLoc loc) {
    ExprPtr target = tIndex(copy(*array), std::move(index));
    ExprPtr sum = tBin(BinaryOp::Add, copy(*target), copy(*reg));
    return sAssign(std::move(target), std::move(sum), loc);
}

// The same when reg is not 0. A register that is not 0 received a contribution, so its element
// is one the loop accumulated into (and in bounds); after a loop that ran no iteration, or whose
// accumulations were all skipped by their conditions, the register is 0 and nothing is touched.
StmtPtr addIntoUnlessZero(const ExprPtr& array, ExprPtr index, const ExprPtr& reg, SourceLoc loc) {
    Block flush;
    flush.push_back(addInto(array, std::move(index), reg, loc));
    // `if (r == 0.0) == 0.0`: the language has no `!=` (and a NaN must reach the gradient); a
    // comparison of floats is a float (docs/language.md §3.4).
    ExprPtr nonZero = tBin(BinaryOp::Equal, tBin(BinaryOp::Equal, copy(*reg), tFloat(0.0)), tFloat(0.0));
    return sIf(std::move(nonZero), std::move(flush), {}, loc);
}

// Whether each array the loop accumulates into is mentioned there only by accumulations
// (memoised per array).
class AccumulatedOnly {
public:
    explicit AccumulatedOnly(const Block& body) : body_(body) {}
    bool operator()(const std::string& array) {
        auto known = cache_.find(array);
        if (known == cache_.end()) known = cache_.emplace(array, onlyAccumulated(body_, array)).first;
        return known->second;
    }

private:
    const Block& body_;
    std::map<std::string, bool> cache_;
};

std::vector<Group> windowGroups(Stmt& loop, const Counter& counter, const std::set<std::string>& assigned,
                                AccumulatedOnly& accumulatedOnly) {
    std::vector<Group> groups;
    for (StmtPtr& s : loop.body) {
        const Expr* a = s ? accumulatedArray(*s) : nullptr;
        if (!a || !accumulatedOnly(a->name)) continue;
        const Expr& index = *s->target->operands[1];
        std::optional<Decomposed> d = decompose(index, counter.name, assigned);
        if (!d) continue;
        Group* g = nullptr;
        for (Group& h : groups)
            if (h.array->name == a->name && sameBase(h.base, d->base)) g = &h;
        if (!g) g = &groups.emplace_back(Group{copy(*a), d->base, {}, {}});
        g->members.emplace_back(s.get(), d->offset);
        if (!g->indexAt.count(d->offset)) g->indexAt.emplace(d->offset, copy(index));
    }
    std::erase_if(groups, [](const Group& g) {
        if (g.indexAt.size() < 2 || g.indexAt.rbegin()->first - g.indexAt.begin()->first > kMaxWindowSpan) return true;
        // Offsets a vector's length apart or more do not stop the C compiler from vectorizing
        // the loop (it checks the dependence distance); the window, a recurrence, would.
        for (auto a = g.indexAt.begin(), b = std::next(a); b != g.indexAt.end(); ++a, ++b)
            if (b->first - a->first < kVectorLanes) return false;
        return true;
    });
    return groups;
}

// Rewrites `loop` for group g: locals zeroed in `before`, flushed in `after`.
void applyWindow(Stmt& loop, const Counter& counter, Group& g, const std::string& lastCounter, const MakeLocal& local,
                 Block& before, Block& after) {
    const SourceLoc loc = loop.loc;
    const long long lo = g.indexAt.begin()->first, hi = g.indexAt.rbegin()->first;
    const TypePtr elem = g.array->type->elem;
    // The register of the offset entering the window is empty when an iteration starts: its
    // first accumulation is an assignment (0.0 + e is not e to the C compiler: -0.0).
    const long long entering = counter.step < 0 ? lo : hi, lead = counter.step < 0 ? hi : lo;
    std::map<long long, ExprPtr> reg;
    for (long long c = lo; c <= hi; ++c) {
        // _win_dx_m1, _win_dx_0, _win_dx_p1: the window over _dx at offsets -1, 0, +1.
        reg[c] = local("_win" + g.array->name + (c < 0 ? "_m" : c > 0 ? "_p" : "_") + std::to_string(c < 0 ? -c : c), elem);
        if (c != entering) before.push_back(sAssign(copy(*reg[c]), tFloat(0.0), loc));
    }
    bool assigned = false;
    for (auto& [s, c] : g.members) {
        ExprPtr e = std::move(s->value->operands[1]);
        if (c == entering && !assigned) {
            s->value = std::move(e);
            assigned = true;
        } else {
            s->value = tBin(BinaryOp::Add, copy(*reg[c]), std::move(e));
        }
        s->target = copy(*reg[c]);
    }
    // The element the window leaves behind is complete: stored once; the window moves by one.
    loop.body.push_back(addInto(g.array, indexAt(g, lead, counter.name, counter.name), reg[lead], loc));
    if (counter.step < 0)
        for (long long c = hi; c > lo; --c) loop.body.push_back(sAssign(copy(*reg[c]), copy(*reg[c - 1]), loc));
    else
        for (long long c = lo; c < hi; ++c) loop.body.push_back(sAssign(copy(*reg[c]), copy(*reg[c + 1]), loc));
    // After the last iteration the window holds what the elements past it received.
    const long long first = counter.step < 0 ? lo + 1 : lo, last = counter.step < 0 ? hi : hi - 1;
    for (long long c = first; c <= last; ++c)
        after.push_back(addIntoUnlessZero(g.array, indexAt(g, c + counter.step, counter.name, lastCounter), reg[c], loc));
}

// Accumulations into one element that the loop does not move (`_dx[i]` in a loop over k):
// at statements of the body or of its branches, at an index of variables the loop does not
// assign.
struct FixedTarget {
    ExprPtr array, index;
    std::vector<Stmt*> members;
};

void collectAccumulations(Block& b, std::vector<Stmt*>& out) {
    for (StmtPtr& s : b) {
        if (!s) continue;
        if (s->kind == Stmt::Kind::If) {
            collectAccumulations(s->body, out);
            collectAccumulations(s->orelse, out);
        } else if (accumulatedArray(*s)) {
            out.push_back(s.get());
        }
    }
}

std::vector<FixedTarget> fixedTargets(Stmt& loop, const std::set<std::string>& assigned, AccumulatedOnly& accumulatedOnly) {
    std::vector<Stmt*> accumulations;
    collectAccumulations(loop.body, accumulations);
    std::vector<FixedTarget> targets;
    for (Stmt* s : accumulations) {
        const Expr& array = *s->target->operands[0];
        const Expr& index = *s->target->operands[1];
        if (!accumulatedOnly(array.name) || ast::callsAnything(index)) continue;
        bool moves = false;
        for (const std::string& v : ast::variablesOf(index)) moves = moves || assigned.count(v);
        if (moves) continue;
        FixedTarget* t = nullptr;
        for (FixedTarget& u : targets)
            if (u.array->name == array.name && ast::equal(*u.index, index)) t = &u;
        if (!t) t = &targets.emplace_back(FixedTarget{copy(array), copy(index), {}});
        t->members.push_back(s);
    }
    return targets;
}

// The element's contributions go to a local, added to it once after the loop.
void applyFixedTarget(FixedTarget& t, SourceLoc loc, const MakeLocal& local, Block& before, Block& after) {
    ExprPtr reg = local("_acc" + t.array->name, t.array->type->elem);
    before.push_back(sAssign(copy(*reg), tFloat(0.0), loc));
    for (Stmt* s : t.members) {
        ExprPtr e = std::move(s->value->operands[1]);
        s->value = tBin(BinaryOp::Add, copy(*reg), std::move(e));
        s->target = copy(*reg);
    }
    after.push_back(addIntoUnlessZero(t.array, copy(*t.index), reg, loc));
}

// Returns the statements that replace `loop` in its block (itself, and the window's set-up and
// flush around it).
Block windowLoop(AdContext& ctx, StmtPtr loop, const MakeLocal& local) {
    Block out;
    if (ast::anyStmt(loop->body, [](const Stmt& s) { return s.kind == Stmt::Kind::Return; })) {
        out.push_back(std::move(loop));
        return out;
    }
    std::set<std::string> assigned = writtenIn(ctx, loop->body);
    if (loop->kind == Stmt::Kind::For) assigned.insert(loop->name);  // moves, though the body does not assign it
    AccumulatedOnly accumulatedOnly(loop->body);
    std::optional<Counter> counter = loopCounter(ctx, *loop);
    std::vector<Group> groups;
    if (counter) groups = windowGroups(*loop, *counter, assigned, accumulatedOnly);
    std::vector<FixedTarget> fixed = fixedTargets(*loop, assigned, accumulatedOnly);
    Block after;
    for (FixedTarget& t : fixed) applyFixedTarget(t, loop->loc, local, out, after);
    if (!groups.empty()) {
        std::string lastCounter = counter->name;
        if (counter->forVariable) {
            ExprPtr last = local("_last_" + counter->name, Type::intType());
            lastCounter = last->name;
            out.push_back(sAssign(copy(*last), tInt(0), loop->loc));
        }
        for (Group& g : groups) applyWindow(*loop, *counter, g, lastCounter, local, out, after);
        if (counter->forVariable)
            loop->body.push_back(sAssign(tVar(lastCounter, Type::intType(), loop->loc),
                                         tVar(counter->name, Type::intType(), loop->loc), loop->loc));
    }
    out.push_back(std::move(loop));
    for (StmtPtr& s : after) out.push_back(std::move(s));
    return out;
}

}  // namespace

void windowStencilAdjoints(AdContext& ctx, Block& block, const MakeLocal& local) {
    Block out;
    for (StmtPtr& s : block) {
        if (!s) continue;
        // A parallel adjoint loop's iterations run in no order: neither it nor the loops inside
        // it carry anything from one iteration to the next.
        if (s->kind == Stmt::Kind::For && s->pragma) {
            out.push_back(std::move(s));
            continue;
        }
        windowStencilAdjoints(ctx, s->body, local);
        windowStencilAdjoints(ctx, s->orelse, local);
        if (s->kind == Stmt::Kind::For || s->kind == Stmt::Kind::While) {
            for (StmtPtr& t : windowLoop(ctx, std::move(s), local)) out.push_back(std::move(t));
            continue;
        }
        out.push_back(std::move(s));
    }
    block = std::move(out);
}

}  // namespace lomaw::ad
