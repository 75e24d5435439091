// Reverse mode, forward sweep: the primal replayed without writing Out parameters (they do not
// exist in the derivative, §6.3), recording overwritten values that the reverse sweep reads,
// branch decisions that cannot be re-evaluated, and while-loop iteration counts.
#include "ad/ReverseDiffer.h"
#include "sema/Builtins.h"
#include "syntax/PrettyPrinter.h"

namespace lomaw::ad {

using ast::Expr;
using ast::Stmt;

void ReverseDiffer::forwardBlock(const ast::Block& in, ast::Block& out) {
    for (const StmtPtr& s : in)
        if (s) forwardStmt(*s, out);
}

void ReverseDiffer::forwardStmt(const Stmt& s, ast::Block& out) {
    loc_ = s.loc;
    switch (s.kind) {
        case Stmt::Kind::Declare:
            if (facts_.needed.count(s.name)) out.push_back(ast::clone(s));
            else if (facts_.recomputedVars.count(s.name))  // assigned only in the reverse sweep
                out.push_back(sDeclare(s.name, s.resolved, nullptr, s.loc));
            break;  // else never referenced
        case Stmt::Kind::Assign: {
            const Expr* root = chainRoot(*s.target);
            if (facts_.restore.recomputed.count(&s))
                currentLoopReport().recomputed.push_back({TapeRecompute::Kind::Recomputed, root->name,
                                                          syntax::printExpr(*s.target) + " = " + syntax::printExpr(*s.value),
                                                          s.loc.line});
            if (!root || facts_.outParams.count(root->name)) break;  // Out parameters are not written
            if (!facts_.needed.count(root->name)) break;  // nothing in the reverse sweep reads it
            if (plan_.inverted.count(&s)) {
                // i = i + c: the reverse sweep undoes it by i = i - c (ReverseRestorePlan.h).
                const InverseStep& step = facts_.restore.inverse.at(&s);
                ExprPtr back = tBin(step.add ? ast::BinaryOp::Sub : ast::BinaryOp::Add, copy(*s.target), copy(*step.step));
                currentLoopReport().recomputed.push_back(
                    {TapeRecompute::Kind::InverseStep, root->name,
                     syntax::printExpr(*s.target) + " = " + syntax::printExpr(*back), s.loc.line});
            } else if (plan_.values.count(&s)) {
                Tape t = newTape(root->name, s.target->type, s.loc);
                push(t, copy(*s.target), out);
                tapes_.value[&s] = t;
            }
            out.push_back(ast::clone(s));
            break;
        }
        case Stmt::Kind::Return: break;
        case Stmt::Kind::CallStmt: forwardCallStmt(s, out); break;
        case Stmt::Kind::If: {
            ast::Block body, orelse;
            if (plan_.branches.count(&s)) {
                Tape t = newTape("branch", Type::intType(), s.loc, 1, TapeRecord::Kind::Branch);
                tapes_.branch[&s] = t;
                push(t, tInt(1), body);
                loc_ = s.loc;
                push(t, tInt(0), orelse);
            }
            forwardBlock(s.body, body);
            forwardBlock(s.orelse, orelse);
            if (body.empty() && orelse.empty()) break;  // nothing to replay
            if (body.empty()) {
                ExprPtr zero = s.value->type && s.value->type->isFloat() ? tFloat(0.0) : tInt(0);
                out.push_back(sIf(tBin(ast::BinaryOp::Equal, copy(*s.value), std::move(zero)), std::move(orelse), {}, s.loc));
                break;
            }
            out.push_back(sIf(copy(*s.value), std::move(body), std::move(orelse), s.loc));
            break;
        }
        case Stmt::Kind::While: {
            enterLoopReport(s);
            if (!plan_.counted.count(&s)) {
                // Nothing to undo: replay only (for the values later statements need).
                loops_.push_back({false, s.maxIter, &s});
                ast::Block body;
                forwardBlock(s.body, body);
                loops_.pop_back();
                if (!body.empty()) out.push_back(sWhile(copy(*s.value), s.maxIter, std::move(body), s.loc));
                break;
            }
            Tape counts;
            if (!loops_.empty()) counts = newTape("iterations", Type::intType(), s.loc, 1, TapeRecord::Kind::IterationCount);
            ExprPtr n = local("_n_iterations", Type::intType());
            out.push_back(sAssign(copy(*n), tInt(0), s.loc));
            loops_.push_back({false, s.maxIter, &s});
            ast::Block body;
            const std::optional<CountedTrip> trip = countedTrip(s);
            if (!trip) {
                // Count this iteration; beyond max_iter the tapes would overflow (§3.6).
                body.push_back(sAssign(copy(*n), tBin(ast::BinaryOp::Add, copy(*n), tInt(1)), s.loc));
                ast::Block overflow;
                std::vector<ExprPtr> args;
                args.push_back(tInt(s.maxIter));
                overflow.push_back(sCall(tCall(kMaxIterExceeded, std::move(args), Type::voidType(), s.loc), s.loc));
                body.push_back(sIf(tBin(ast::BinaryOp::Greater, copy(*n), tInt(s.maxIter)), std::move(overflow), {}, s.loc));
            }
            forwardBlock(s.body, body);
            loops_.pop_back();
            if (trip) {
                countOnEntry(s, *trip, body, n, out);
            } else {
                presizeTapes(s, body, out);
                out.push_back(sWhile(copy(*s.value), s.maxIter, std::move(body), s.loc));
            }
            loc_ = s.loc;
            if (!counts.name.empty()) push(counts, copy(*n), out);
            tapes_.loopCount[&s] = {n->name, counts};
            break;
        }
        case Stmt::Kind::For: {
            if (plan_.bounds.count(&s)) {
                // Record start and stop as they were on entry.
                std::vector<Tape> tapes;
                size_t bounds = s.rangeArgs.size() == 1 ? 1 : 2;
                for (size_t i = 0; i < bounds; ++i) {
                    Tape t = newTape(i == 0 && bounds == 2 ? "start" : "stop", Type::intType(), s.loc, 1,
                                     TapeRecord::Kind::LoopBound);
                    push(t, copy(*s.rangeArgs[i]), out);
                    tapes.push_back(t);
                }
                tapes_.range[&s] = tapes;
            }
            enterLoopReport(s);
            loops_.push_back({true, 1, &s});
            ast::Block body;
            forwardBlock(s.body, body);
            loops_.pop_back();
            if (body.empty()) break;  // nothing to replay
            if (!s.pragma) presizeTapes(s, body, out);
            std::vector<ExprPtr> args;
            for (const ExprPtr& a : s.rangeArgs) args.push_back(copy(*a));
            out.push_back(sFor(s.name, std::move(args), std::move(body), s.loc));
            if (s.pragma) forwardLoop_[&s] = out.back().get();  // its pushes may become dead (replayIteration)
            break;
        }
    }
}

// The reverse sweep reads `arg` before the call, but the call writes into run-time sized
// storage (an unbounded array, or one inside a struct or array): nothing in the program knows
// its length (§2.2), so the overwritten contents cannot be saved. A user error, not an
// internal one: the kernel can copy what it needs into a static local first (docs/ad.md).
void ReverseDiffer::unsizedOverwrite(const Expr& arg, const std::string& callee) {
    ctx_.diags.report(arg.loc, msg::RevUnsizedOverwrite, syntax::printExpr(arg), callee, primal_.name);

}

void ReverseDiffer::forwardCallStmt(const Stmt& s, ast::Block& out) {
    const Expr& c = *s.value;
    if (c.name == "atomic_add" && c.operands.size() == 2) {
        const Expr* root = chainRoot(*c.operands[0]);
        if (!root || facts_.outParams.count(root->name) || !facts_.needed.count(root->name)) return;
        if (plan_.values.count(&s)) {
            Tape t = newTape(root->name, Type::floatType(), s.loc);
            push(t, copy(*c.operands[0]), out);
            tapes_.value[&s] = t;
        }
        out.push_back(ast::clone(s));
        return;
    }
    if (c.name == kTapeFree || c.name == kTapeRelease) {
        // The reverse sweep still reads the tape: released at the end of the body.
        deferredFrees_.push_back(ast::clone(s));
        if (const Expr* root = c.operands.empty() ? nullptr : chainRoot(*c.operands[0]))
            if (heapAdjointCap_.count(root->name)) {
                std::vector<ExprPtr> args;
                args.push_back(adjointOf(*c.operands[0]));
                deferredFrees_.push_back(sCall(tCall(kTapeFree, std::move(args), Type::voidType(), s.loc), s.loc));
            }
        return;
    }
    if (c.name == kMaxIterExceeded || c.name == kTapeReserve || c.name == kTapeAcquire || c.name == kTapePresize) {
        out.push_back(ast::clone(s));
        const Expr* root = c.operands.size() == 3 ? chainRoot(*c.operands[0]) : nullptr;
        if (!root || !heapAdjointCap_.count(root->name)) return;
        // A tape with an adjoint buffer (rev of rev): the buffer grows alongside the tape, by the
        // same intrinsic and count; the slots about to be pushed start at 0.
        ExprPtr adj = adjointOf(*c.operands[0]);
        std::vector<ExprPtr> args;
        args.push_back(copy(*adj));
        args.push_back(tVar(heapAdjointCap_[root->name], Type::wideIntType(), s.loc));
        args.push_back(copy(*c.operands[2]));
        if (c.name == kTapeReserve) {
            out.push_back(sCall(tCall(kTapeReserve, std::move(args), Type::voidType(), s.loc), s.loc));
            zeroInto(tIndex(std::move(adj), copy(*c.operands[2])), out);  // a float or a struct
        } else if (c.name == kTapePresize && c.operands[2]->kind == Expr::Kind::Binary &&
                   c.operands[2]->operands.size() == 2) {
            // A counted loop's pushes have no reserve of their own (presizeTapes): the slots it
            // will push run from the tape's count t_n, the left operand of `t_n + entries`.
            out.push_back(sCall(tCall(kTapePresize, std::move(args), Type::voidType(), s.loc), s.loc));
            const std::string k = names_.fresh("_slot");
            ast::Block zero;
            zeroInto(tIndex(std::move(adj), tVar(k, Type::intType(), s.loc)), zero);
            std::vector<ExprPtr> range;
            range.push_back(copy(*c.operands[2]->operands[0]));
            range.push_back(copy(*c.operands[2]));
            out.push_back(sFor(k, std::move(range), std::move(zero), s.loc));
        }
        return;
    }
    const ast::Function* sig = ctx_.signature(c.name);
    if (!sig || sig->params.size() != c.operands.size()) {
        ctx_.internalError(c.loc, "cannot differentiate the call of '" + c.name + "'");
        return;
    }
    // The call matters to the forward sweep only through Out arguments that are locals
    // (or In parameters' copies); Out arguments that are our own Out parameters get stand-ins.
    // In arrays the callee writes (a reverse derivative consuming an adjoint input) count as
    // Out arguments here.
    const std::vector<bool> writes = writtenArguments(ctx_, c, *sig);
    bool needed = false;
    for (size_t i = 0; i < c.operands.size(); ++i) {
        if (!writes[i]) continue;
        // A run-time sized array parameter the callee consumes is not a reason to replay the
        // call: it cannot be restored, and the reverse sweep reads it unconsumed.
        if (!sig->params[i].isOut && (!c.operands[i]->type || c.operands[i]->type->size <= 0)) continue;
        const Expr* root = chainRoot(*c.operands[i]);
        if (root && !facts_.outParams.count(root->name) && facts_.needed.count(root->name)) needed = true;
    }
    if (!needed) return;
    std::set<size_t> taped;  // the plan's arguments whose values are pushed
    if (auto p = plan_.outArgs.find(&s); p != plan_.outArgs.end()) taped.insert(p->second.begin(), p->second.end());
    std::vector<ExprPtr> args;
    std::vector<std::pair<size_t, Tape>> tapes;
    std::vector<size_t> dropped;  // our own Out array parameters passed on
    for (size_t i = 0; i < c.operands.size(); ++i) {
        const Expr& a = *c.operands[i];
        if (!writes[i]) {
            args.push_back(copy(a));
            continue;
        }
        const Expr* root = chainRoot(a);
        if (!sig->params[i].isOut && (!a.type || a.type->size <= 0)) {
            // A run-time sized array (a parameter) the callee consumes: not restorable. The
            // replay consumes it before the reverse sweep passes it to the callee's reverse
            // derivative: harmless when that derivative does not read its values (the callee
            // is linear in them), otherwise the derivative would be silently wrong.
            if (ctx_.reverseNeedsParam(c.name, i)) {
                unsizedOverwrite(a, c.name);
                return;
            }
            args.push_back(copy(a));
            continue;
        }
        if (root && facts_.outParams.count(root->name)) {
            if (a.type && a.type->isUnboundedArray()) {
                dropped.push_back(i);  // no buffer of its size: call a copy without it
                args.push_back(nullptr);
                continue;
            }
            args.push_back(local("_unused_" + sig->params[i].name, a.type));
            continue;
        }
        if (taped.count(i)) {
            if (a.type && a.type->isArray()) {
                // A static array (of scalars, structs or static arrays of them) is saved
                // element by element.
                long long entries = 1;
                TypePtr e = a.type;
                for (; e && e->isArray(); e = e->elem) entries = e->size > 0 ? entries * e->size : -1;
                if (entries <= 0 || !e || hasUnboundedArray(e)) {
                    unsizedOverwrite(a, c.name);
                    return;
                }
                Tape t = newTape(root->name, e, s.loc, entries, TapeRecord::Kind::OutArgument);
                t.elementwise = true;
                pushArray(t, a, out);
                tapes.emplace_back(i, t);
            } else {
                // A struct is taped whole (the pointers of its unbounded members included), but
                // not the contents of those members' buffers.
                if (a.type && a.type->isStruct() && hasUnboundedArray(a.type)) {
                    const std::set<std::string>* members = ctx_.writtenMembers(c.name, i);
                    const MemberList* layout = members ? ctx_.members(a.type->structName) : nullptr;
                    bool buffers = !layout;
                    if (layout)
                        for (const auto& [n, mt] : *layout)
                            buffers = buffers || (members->count(n) && hasUnboundedArray(mt));
                    if (buffers) {
                        unsizedOverwrite(a, c.name);
                        return;
                    }
                }
                Tape t = newTape(root->name, a.type, s.loc, 1, TapeRecord::Kind::OutArgument);
                push(t, copy(a), out);
                tapes.emplace_back(i, t);
            }
        }
        args.push_back(copy(a));
    }
    tapes_.outArgs[&s] = tapes;
    std::string callee = c.name;
    if (!dropped.empty()) {
        callee = ctx_.withoutOutArrays(c.name, dropped);
        if (callee.empty()) {
            ctx_.internalError(c.operands[dropped[0]]->loc,
                               "reverse mode: an Out array parameter passed on beside a local Out argument "
                               "to a function that reads it is not supported");
            return;
        }
        std::vector<ExprPtr> kept;
        for (ExprPtr& a : args)
            if (a) kept.push_back(std::move(a));
        args = std::move(kept);
    }
    out.push_back(sCall(tCall(callee, std::move(args), c.type, c.loc), s.loc));
}

}  // namespace lomaw::ad
