// Reverse mode, forward sweep: heap tapes of a loop whose trip count is known on entry are
// reserved for the whole trip there, once, instead of growing while the loop pushes (docs/ad.md,
// Tapes). Counted loops: `while i < n` / `while i <= n` (or `n > i`, `n >= i`) whose body
// writes i only by one top-level `i = i + c` (c an int literal > 0) and never writes the
// variables of n; and `for` loops over a range with a literal step > 0 (their bounds are
// evaluated once on entry). In `for` loops the per-push reserve stays: it is a compare that is
// never true after the pre-size, and it keeps every push safe past the 2^28 the pre-size clamps
// to. A counted while loop counts on entry (countOnEntry): the max_iter error is raised there,
// the body neither counts nor checks, and the pushes the pre-size covers lose their per-push
// reserve, so a loop that only records and copies vectorizes; one whose forward sweep would do
// nothing but step i (every value its reverse sweep needs is recomputed or undone) is not
// replayed. In the reverse sweep, a counted `while i < hi` loop stepping by 1 runs down to i's
// first value (runDownToFirstValue).
#include "syntax/AstWalk.h"
#include "ad/ReverseDiffer.h"
#include "sema/Builtins.h"

namespace lomaw::ad {

using ast::BinaryOp;
using ast::Expr;
using ast::Stmt;

namespace {

bool isIntExpr(const Expr& e) { return e.type && e.type->isInt(); }

// `v = v + c`, c an int literal > 0; its step, or 0.
long long stepOf(const Stmt& s, const std::string& v) {
    if (s.kind != Stmt::Kind::Assign || !s.target || !s.value || s.target->kind != Expr::Kind::Var ||
        s.target->name != v)
        return 0;
    const Expr& e = *s.value;
    if (e.kind != Expr::Kind::Binary || e.op != BinaryOp::Add || e.operands.size() != 2) return 0;
    const Expr& l = *e.operands[0];
    const Expr& r = *e.operands[1];
    if (l.kind == Expr::Kind::Var && l.name == v && r.kind == Expr::Kind::IntLit && r.intValue > 0) return r.intValue;
    if (r.kind == Expr::Kind::Var && r.name == v && l.kind == Expr::Kind::IntLit && l.intValue > 0) return l.intValue;
    return 0;
}

// The root of the tape a `__lomaw_tape_reserve(t, cap, n)` statement grows, or null.
const Expr* reservedTape(const Stmt& s) {
    if (s.kind != Stmt::Kind::CallStmt || !s.value || s.value->name != kTapeReserve || s.value->operands.size() != 3)
        return nullptr;
    return chainRoot(*s.value->operands[0]);
}

}  // namespace

std::optional<ReverseDiffer::CountedTrip> ReverseDiffer::countedTrip(const Stmt& loop) {
    CountedTrip trip;
    if (loop.kind == Stmt::Kind::For) {
        if (loop.rangeArgs.empty() || loop.rangeArgs.size() > 3) return std::nullopt;
        for (const ExprPtr& a : loop.rangeArgs)
            if (!a || !isIntExpr(*a) || callsUserFunction(*a)) return std::nullopt;
        trip.step = 1;
        if (loop.rangeArgs.size() == 3) {
            const Expr& st = *loop.rangeArgs[2];
            if (st.kind != Expr::Kind::IntLit || st.intValue <= 0) return std::nullopt;
            trip.step = st.intValue;
        }
        trip.lo = loop.rangeArgs.size() == 1 ? nullptr : loop.rangeArgs[0].get();
        trip.hi = loop.rangeArgs.size() == 1 ? loop.rangeArgs[0].get() : loop.rangeArgs[1].get();
    } else {
        const Expr* c = loop.value.get();
        if (!c || c->kind != Expr::Kind::Binary || c->operands.size() != 2) return std::nullopt;
        const Expr* l = c->operands[0].get();
        const Expr* r = c->operands[1].get();
        if (c->op == BinaryOp::Greater || c->op == BinaryOp::GreaterEq) std::swap(l, r);
        else if (c->op != BinaryOp::Less && c->op != BinaryOp::LessEq) return std::nullopt;
        trip.inclusive = c->op == BinaryOp::LessEq || c->op == BinaryOp::GreaterEq;
        if (l->kind != Expr::Kind::Var || !isIntExpr(*l) || !isIntExpr(*r) || !ast::pureArithmetic(*r)) return std::nullopt;
        const std::string& i = l->name;
        // Exactly one write of i, the top-level step; nothing writes n's variables.
        std::set<std::string> writtenElsewhere;
        for (const StmtPtr& st : loop.body) {
            if (!st) continue;
            const long long step = stepOf(*st, i);
            if (step > 0 && trip.step == 0) {
                trip.step = step;
                continue;
            }
            writtenRoots(ctx_, *st, writtenElsewhere);
            if (ast::mentions(*st, i) && (st->kind == Stmt::Kind::For || st->kind == Stmt::Kind::Declare))
                return std::nullopt;  // a loop or declared variable of that name
        }
        if (trip.step == 0 || writtenElsewhere.count(i)) return std::nullopt;
        for (const std::string& v : ast::variablesOf(*r))
            if (writtenElsewhere.count(v) || v == i) return std::nullopt;
        trip.lo = l;
        trip.hi = r;
    }
    return trip;
}

void ReverseDiffer::computeTrip(const CountedTrip& trip, const ExprPtr& count, long long maxIter, bool failBeyondMax,
                                SourceLoc at, ast::Block& out) {
    // (count holds 0)
    // if lo < hi:                             (lo <= hi)
    //     count = hi - lo
    //     if count >= 0:                      (negative: wrapped, more than 2^31 apart)
    //         count = (count - 1) / c + 1     (count / c + 1; nothing for c = 1 and <)
    //     if count < 0 or count > maxIter:
    //         count = maxIter                 (pre-sizing: the loop stops at max_iter anyway)
    //         __lomaw_max_iter_exceeded(maxIter)   (failBeyondMax: what the counting loop says)
    auto var = [&] { return copy(*count); };
    auto lit = [&](long long v) { return tInt(v, at); };
    auto lo = [&] { return trip.lo ? copy(*trip.lo) : lit(0); };
    ast::Block counted;
    counted.push_back(sAssign(var(), tBin(BinaryOp::Sub, copy(*trip.hi), lo()), at));
    if (trip.inclusive || trip.step != 1) {
        ExprPtr span = trip.inclusive ? var() : tBin(BinaryOp::Sub, var(), lit(1));
        if (trip.step != 1) span = tBin(BinaryOp::Div, std::move(span), lit(trip.step));
        ast::Block divided;
        divided.push_back(sAssign(var(), tBin(BinaryOp::Add, std::move(span), lit(1)), at));
        counted.push_back(sIf(tBin(BinaryOp::GreaterEq, var(), lit(0)), std::move(divided), {}, at));
    }
    ast::Block clamp;
    if (failBeyondMax) {
        std::vector<ExprPtr> args;
        args.push_back(lit(maxIter));
        clamp.push_back(sCall(tCall(kMaxIterExceeded, std::move(args), Type::voidType(), at), at));
    } else {
        clamp.push_back(sAssign(var(), lit(maxIter), at));
    }
    counted.push_back(sIf(tBin(BinaryOp::Or, tBin(BinaryOp::Less, var(), lit(0)), tBin(BinaryOp::Greater, var(), lit(maxIter))),
                          std::move(clamp), {}, at));
    out.push_back(sIf(tBin(trip.inclusive ? BinaryOp::LessEq : BinaryOp::Less, lo(), copy(*trip.hi)),
                      std::move(counted), {}, at));
}

void ReverseDiffer::countOnEntry(const Stmt& loop, const CountedTrip& trip, ast::Block& body, const ExprPtr& count,
                                ast::Block& out) {
    // count = the trip count (the max_iter error beyond it): the same count the loop would reach,
    // since only its top-level step writes i and nothing writes hi's variables (countedTrip).
    computeTrip(trip, count, loop.maxIter, true, loop.loc, out);
    const std::string& i = trip.lo ? trip.lo->name : std::string();
    if (body.size() == 1 && body[0] && trip.lo && trip.lo->kind == Expr::Kind::Var && stepOf(*body[0], i) == trip.step) {
        // Nothing but the step to replay: i = i + count * step.
        ExprPtr advance = trip.step == 1 ? copy(*count) : tBin(BinaryOp::Mul, copy(*count), tInt(trip.step, loop.loc));
        out.push_back(sAssign(copy(*trip.lo), tBin(BinaryOp::Add, copy(*trip.lo), std::move(advance)), loop.loc));
        return;
    }
    presizeTapes(loop, body, out, count);
    out.push_back(sWhile(copy(*loop.value), loop.maxIter, std::move(body), loop.loc));
}

void ReverseDiffer::presizeTapes(const Stmt& loop, ast::Block& body, ast::Block& out, const ExprPtr& exactCount) {
    // Tapes pushed once per push statement of an iteration: reserves in the body and in its
    // branches (the larger count of the two arms of an if), not in nested loops (their trip is
    // another count).
    std::map<std::string, const Expr*> reserveOf;
    std::function<std::map<std::string, long long>(const ast::Block&)> collect = [&](const ast::Block& b) {
        std::map<std::string, long long> pushes;
        for (const StmtPtr& st : b) {
            if (!st) continue;
            const Expr* root = reservedTape(*st);
            if (root && !heapAdjointCap_.count(root->name)) {
                ++pushes[root->name];
                reserveOf[root->name] = st->value.get();
            }
            if (st->kind == Stmt::Kind::If) {
                std::map<std::string, long long> arm = collect(st->body);
                for (const auto& [tape, k] : collect(st->orelse)) arm[tape] = std::max(arm[tape], k);
                for (const auto& [tape, k] : arm) pushes[tape] += k;
            }
        }
        return pushes;
    };
    const std::map<std::string, long long> perIteration = collect(body);
    if (perIteration.empty()) return;

    const std::optional<CountedTrip> trip = countedTrip(loop);
    if (!trip) return;
    const long long maxIter = loop.kind == Stmt::Kind::For ? (1LL << 28) : loop.maxIter;
    // An exact count is the loop's int counter: trip * k must stay within an int. `_trip` is a
    // 64-bit count (Type::wide), so a for loop pushing several tapes per iteration is pre-sized too.
    for (const auto& [tape, k] : perIteration)
        if (maxIter <= 0 || (exactCount && maxIter * k > (1LL << 28)) || k > (1LL << 20)) return;

    // _trip = 0; _trip = the trip count (computeTrip), at most maxIter
    // __lomaw_tape_presize(t, t_cap, t_n + _trip * k)   per tape
    ExprPtr n = exactCount ? copy(*exactCount) : local("_trip", Type::wideIntType());
    auto var = [&] { return copy(*n); };
    auto lit = [&](long long v) { return tInt(v, loop.loc); };
    if (!exactCount) {
        tripCounts_.push_back(n->name);
        out.push_back(sAssign(var(), lit(0), loop.loc));
        computeTrip(*trip, n, maxIter, false, loop.loc, out);
    }
    for (const auto& [tape, k] : perIteration) {
        const Expr& reserve = *reserveOf[tape];
        std::vector<ExprPtr> args;
        args.push_back(copy(*reserve.operands[0]));
        args.push_back(copy(*reserve.operands[1]));
        ExprPtr entries = k == 1 ? var() : tBin(BinaryOp::Mul, var(), lit(k));
        args.push_back(tBin(BinaryOp::Add, copy(*reserve.operands[2]), std::move(entries)));
        out.push_back(sCall(tCall(kTapePresize, std::move(args), Type::voidType(), loop.loc), loop.loc));
    }
    if (!exactCount) return;
    // The exact count reserved every push of the loop: the reserves in it can never grow a tape,
    // and a loop without calls is one the C compiler can vectorize.
    std::function<void(ast::Block&)> drop = [&](ast::Block& b) {
        ast::Block kept;
        for (StmtPtr& st : b) {
            const Expr* root = st ? reservedTape(*st) : nullptr;
            if (root && perIteration.count(root->name)) continue;
            if (st && st->kind == Stmt::Kind::If) {
                drop(st->body);
                drop(st->orelse);
            }
            kept.push_back(std::move(st));
        }
        b = std::move(kept);
    };
    drop(body);
}

bool ReverseDiffer::runDownToFirstValue(const Stmt& loop, ast::Block& body, const ExprPtr& count, ast::Block& out) {
    // Only `i < hi` stepping by 1: every value i took in the primal was below hi, so the value
    // after the last step and the first value (i - count) are both ints, and `i > _stop_i` runs
    // exactly count iterations. (`i <= hi` can step past INT_MAX, a step of c > 1 too.)
    if (loop.kind != Stmt::Kind::While) return false;
    const std::optional<CountedTrip> trip = countedTrip(loop);
    if (!trip || trip->step != 1 || trip->inclusive || !trip->lo || trip->lo->kind != Expr::Kind::Var) return false;
    const std::string& i = trip->lo->name;
    auto undoesStep = [&](const Stmt& s) {
        return s.kind == Stmt::Kind::Assign && s.target && ast::isVar(*s.target, i) && s.value &&
               s.value->kind == Expr::Kind::Binary && s.value->op == BinaryOp::Sub && s.value->operands.size() == 2 &&
               ast::isVar(*s.value->operands[0], i) && ast::intLiteral(*s.value->operands[1]) == 1;
    };
    int undos = 0;
    std::set<std::string> writtenElsewhere;
    for (const StmtPtr& st : body) {
        if (!st) continue;
        if (undoesStep(*st)) ++undos;
        else writtenRoots(ctx_, *st, writtenElsewhere);
    }
    if (undos != 1 || writtenElsewhere.count(i) ||
        ast::anyStmt(body, [](const Stmt& s) { return s.kind == Stmt::Kind::Return; }))
        return false;
    ExprPtr stop = local("_stop_" + i, Type::intType());
    out.push_back(sAssign(copy(*stop), tBin(BinaryOp::Sub, copy(*trip->lo), copy(*count)), loop.loc));
    out.push_back(sWhile(tBin(BinaryOp::Greater, copy(*trip->lo), std::move(stop)), loop.maxIter, std::move(body), loop.loc));
    return true;
}

}  // namespace lomaw::ad
