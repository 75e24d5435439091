// Reverse mode of `#pragma omp parallel for` loops: the adjoint loop runs in parallel with the
// scopes omp::analyseLoop decides for every adjoint (docs/omp.md, "Using it in reverse-mode
// loop emission").
//
// A race-free primal loop has independent iterations; its reverse loop keeps them independent
// when no per-iteration state goes through a shared stack tape:
//  * a body whose reverse pops nothing becomes the adjoint loop as is;
//  * otherwise each reverse iteration first replays its own forward part into scalar (private)
//    tapes, then runs the reverse body, which pops those. Allowed when the replay writes only
//    primal privates and generated temporaries (writing shared data again could race or read
//    values the loop already overwrote); else the reverse loop stays sequential, as before.
//  * a body with a while loop (one shared iteration counter) stays sequential.
// Scopes: each adjoint by the analysis (shared / private / firstprivate / reduction(+) as a
// real reduction for scalars; atomic -> every update is atomic_add, i.e. `omp atomic`; an
// array reduction gets a zeroed per-thread copy covering the elements the loop's reads touch,
// [lower, upper) computed before the loop from the affine read subscripts, summed into the
// adjoint after the loop (Pragma::arrayReductions); arrays whose reads are not affine in the
// loop variable and invariant names fall back to atomic updates). Primal variables the reverse
// body names keep the primal pragma's scope; generated temporaries (_adj, tapes) are private.
// The decisions become Pragma::notes, which the C backend prints as comments above the
// pragma. @simd functions and pragma loops nested in a parallel adjoint loop are not
// parallelised (the latter run sequentially per thread, as nested primal pragma loops do).
//
// The forward sweep of such a loop (the primal replayed for its values) runs under the
// primal pragma when it records nothing: no tape push, no counter, only writes of primal
// variables. It is then the race-free primal loop minus its Out writes.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>

#include "ad/ReverseDiffer.h"
#include "omp/AccessInspector.h"
#include "omp/ScopeAnalysis.h"
#include "syntax/AstWalk.h"

namespace lomaw::ad {

using ast::Expr;
using ast::Stmt;

namespace {

// Variables a generated block names, in first-use order, and the variables it declares
// (loop variables and block locals: private).
void namesIn(const ast::Block& b, std::vector<std::string>& out, std::set<std::string>& declared) {
    ast::forEachStmt(b, [&](const Stmt& s) {
        if (s.kind == Stmt::Kind::For || s.kind == Stmt::Kind::Declare) declared.insert(s.name);
        ast::forEachOwnExpr(s, [&](const Expr& e) {
            if (e.kind == Expr::Kind::Var && std::find(out.begin(), out.end(), e.name) == out.end())
                out.push_back(e.name);
        });
    });
}

// The read subscripts of x when a per-thread copy of _d_x can cover them: x a 1-D float
// array and every read x[a*i + b] affine in the loop variable i, with b naming only ints the
// loop does not modify (no index arrays, no variables of nested loops).
std::optional<std::vector<omp::AffineExpr>> reductionReads(const omp::LoopAccesses& acc, const std::string& x,
                                                           const TypePtr& type) {
    if (!type || !type->isArray() || !type->elem || !type->elem->isFloat()) return std::nullopt;
    const omp::VariableAccesses* v = acc.find(x);
    if (!v || v->reads.empty() || !v->writes.empty()) return std::nullopt;
    std::vector<omp::AffineExpr> out;
    for (const omp::Access& r : v->reads) {
        if (r.index.size() != 1 || !r.stable) return std::nullopt;
        const omp::Subscript& sub = r.index[0];
        if (sub.kind != omp::Subscript::Kind::Affine || sub.indirect) return std::nullopt;
        for (const auto& [name, coef] : sub.affine.terms()) {
            (void)coef;
            if (name == acc.loopVar) continue;
            if (acc.innerLoopVars.count(name) || acc.modified.count(name) || name.find('[') != std::string::npos)
                return std::nullopt;
        }
        if (std::find(out.begin(), out.end(), sub.affine) == out.end()) out.push_back(sub.affine);
    }
    return out;
}

// a*i + b with i replaced by `at` (an int expression).
ExprPtr affineAt(const omp::AffineExpr& e, const std::string& loopVar, const Expr& at) {
    ExprPtr sum = tInt(e.constantTerm());
    for (const auto& [name, coef] : e.terms()) {
        ExprPtr term = name == loopVar ? copy(at) : tVar(name, Type::intType());
        if (coef != 1) term = tBin(ast::BinaryOp::Mul, tInt(coef), std::move(term));
        sum = tBin(ast::BinaryOp::Add, std::move(sum), std::move(term));
    }
    return sum;
}

std::string oneLine(std::string s) {
    for (size_t p = s.find("*/"); p != std::string::npos; p = s.find("*/")) s.replace(p, 2, "* /");
    for (char& c : s)
        if (c == '\n') c = ' ';
    return s;
}

}  // namespace

bool ReverseDiffer::usesTapes(const ast::Block& b) const {
    return ast::anyStmt(b, [&](const Stmt& s) {
        return tapes_.value.count(&s) || tapes_.outArgs.count(&s) || tapes_.branch.count(&s) ||
               tapes_.loopCount.count(&s) || tapes_.range.count(&s) ||
               s.kind == Stmt::Kind::While;  // its counter is one shared variable
    });
}

namespace {
bool hasWhile(const ast::Block& b) {
    return ast::anyStmt(b, [](const Stmt& s) { return s.kind == Stmt::Kind::While; });
}
void forNames(const ast::Block& b, std::set<std::string>& out) {
    ast::forEachStmt(b, [&](const Stmt& s) {
        if (s.kind == Stmt::Kind::For) out.insert(s.name);
    });
}
}  // namespace

bool ReverseDiffer::parallelAdjoint(const Stmt& s) const {
    // A while loop's iteration counter is one shared variable: keep such loops sequential.
    return s.pragma && !shared_ && parallelDepth_ == 0 && !hasWhile(s.body);
}

bool ReverseDiffer::replayIteration(const Stmt& s, ast::Block& replay) {
    Tapes before = tapes_;
    std::vector<Loop> loops = std::move(loops_);
    loops_.clear();  // one iteration is straight-line code: scalar tapes
    const SourceLoc loc = loc_;
    forwardBlock(s.body, replay);
    loops_ = std::move(loops);
    loc_ = loc;

    // Every tape of the iteration must be a scalar or a stack array (private per thread).
    bool ok = tapes_.heap.size() == before.heap.size();
    auto onHeap = [](const Tape& t) { return !t.capacity.empty(); };
    ast::forEachStmt(s.body, [&](const Stmt& st) {
        if (auto t = tapes_.value.find(&st); t != tapes_.value.end() && onHeap(t->second)) ok = false;
        if (auto t = tapes_.outArgs.find(&st); t != tapes_.outArgs.end())
            for (const auto& e : t->second) ok = ok && !onHeap(e.second);
        if (auto t = tapes_.range.find(&st); t != tapes_.range.end())
            for (const Tape& e : t->second) ok = ok && !onHeap(e);
    });
    if (ok) {
        const omp::LoopScopes scopes = omp::analyseLoop(primal_, s, ctx_.scopeOptions, &ctx_.module);
        std::set<std::string> adjoints, written, loopVars{s.name};
        for (const auto& [p, a] : adjointName_) adjoints.insert(a);
        writtenRoots(ctx_, replay, written);
        forNames(replay, loopVars);
        for (const std::string& w : written) {
            if (loopVars.count(w)) continue;
            const omp::VariableScope* v = scopes.find(w);
            if (v && v->primal == omp::Scope::Private) continue;
            if (!v && !facts_.varType.count(w) && w.rfind("_", 0) == 0 && !adjoints.count(w)) continue;  // generated
            ok = false;
        }
    }
    if (!ok) {
        tapes_ = std::move(before);
        replay.clear();
        return false;
    }
    // The forward sweep's pushes onto the loop's shared heap tapes are now dead (the reverse
    // iterations pop their own replayed tapes): drop them, and their frees.
    std::set<std::string> dead;
    auto kill = [&](const Tape& t) {
        if (onHeap(t)) dead.insert({t.name, t.counter, t.capacity});
    };
    ast::forEachStmt(s.body, [&](const Stmt& st) {
        if (auto t = before.value.find(&st); t != before.value.end()) kill(t->second);
        if (auto t = before.outArgs.find(&st); t != before.outArgs.end())
            for (const auto& e : t->second) kill(e.second);
        if (auto t = before.range.find(&st); t != before.range.end())
            for (const Tape& e : t->second) kill(e);
    });
    std::function<void(ast::Block&)> strip = [&](ast::Block& b) {
        std::erase_if(b, [&](const ast::StmtPtr& st) {
            if (!st) return false;
            const Expr* root = nullptr;
            if (st->kind == Stmt::Kind::Assign && st->target) root = chainRoot(*st->target);
            if (st->kind == Stmt::Kind::CallStmt && st->value &&
                (st->value->name == kTapeReserve || st->value->name == kTapePresize) && !st->value->operands.empty() &&
                st->value->operands[0])
                root = chainRoot(*st->value->operands[0]);
            return root && dead.count(root->name);
        });
        for (ast::StmtPtr& st : b)
            if (st) {
                strip(st->body);
                strip(st->orelse);
            }
    };
    if (auto f = forwardLoop_.find(&s); f != forwardLoop_.end() && !dead.empty()) {
        strip(f->second->body);
        std::erase_if(tapes_.heap, [&](const Tape& t) { return dead.count(t.name) > 0; });
    }
    return true;
}

std::set<std::string> ReverseDiffer::enterParallel(const Stmt& s) {
    std::set<std::string> before = atomicAdjoints_;
    const omp::LoopScopes scopes = omp::analyseLoop(primal_, s, ctx_.scopeOptions, &ctx_.module);
    const omp::LoopAccesses acc = omp::inspectLoop(primal_, s, &ctx_.module, omp::variableTypes(primal_));
    for (const omp::VariableScope& v : scopes.variables) {
        if (!v.adjoint) continue;
        auto adj = adjointName_.find(v.name);
        if (adj == adjointName_.end()) continue;
        auto t = facts_.varType.find(v.name);
        const TypePtr type = t != facts_.varType.end() ? t->second : nullptr;
        const bool array = type && type->isArray();
        const bool copies = array && reductionReads(acc, v.name, type).has_value();
        if (*v.adjoint == omp::Scope::Atomic || (*v.adjoint == omp::Scope::Reduction && array && !copies))
            atomicAdjoints_.insert(adj->second);
    }
    parallelForwardLoop(s);
    return before;
}

void ReverseDiffer::parallelForwardLoop(const Stmt& s) {
    auto f = forwardLoop_.find(&s);
    if (f == forwardLoop_.end() || !s.pragma) return;
    Stmt& fwd = *f->second;
    // Only primal variables may be written: a tape push, a counter or a generated temporary
    // is one storage shared by all iterations.
    std::set<std::string> written, loopVars{fwd.name};
    writtenRoots(ctx_, fwd.body, written);
    forNames(fwd.body, loopVars);
    for (const std::string& w : written)
        if (!loopVars.count(w) && (!facts_.varType.count(w) || facts_.outParams.count(w))) return;
    // Tape reservations and frees are generated calls; any While needs a counter.
    if (ast::anyStmt(fwd.body, [](const Stmt& st) {
            return st.kind == Stmt::Kind::While ||
                   (st.kind == Stmt::Kind::CallStmt && st.value && st.value->name.rfind("_", 0) == 0);
        }))
        return;
    ast::Pragma pragma = *s.pragma;
    pragma.notes = {"forward sweep of the parallel loop at line " + std::to_string(s.loc.line) +
                    ": records nothing, runs with the primal scopes"};
    fwd.pragma = std::move(pragma);
}

void ReverseDiffer::attachAdjointPragma(const Stmt& primalFor, ast::Block& out) {
    using Kind = ast::PragmaClause::Kind;
    Stmt& reverseFor = *out.back();
    const omp::LoopScopes scopes = omp::analyseLoop(primal_, primalFor, ctx_.scopeOptions, &ctx_.module);
    const omp::LoopAccesses acc = omp::inspectLoop(primal_, primalFor, &ctx_.module, omp::variableTypes(primal_));
    ast::Block extents;  // the [lower, upper) ranges of array reductions, set before the loop
    std::map<std::string, std::string> primalOf;  // adjoint variable -> primal variable
    for (const auto& [p, a] : adjointName_) primalOf[a] = p;

    std::vector<std::string> used;
    std::set<std::string> blockLocal{reverseFor.name};
    namesIn(reverseFor.body, used, blockLocal);

    ast::Pragma pragma;
    pragma.loc = primalFor.pragma->loc;
    ast::PragmaClause shared, priv, first, red;
    shared.kind = Kind::Shared;
    shared.word = "shared";
    priv.kind = Kind::Private;
    priv.word = "private";
    first.kind = Kind::FirstPrivate;
    first.word = "firstprivate";
    red.kind = Kind::Reduction;
    red.word = "reduction";
    red.op = "+";
    pragma.notes.push_back("adjoint loop of the parallel loop at line " + std::to_string(primalFor.loc.line) +
                           ": scopes from omp::analyseLoop");
    auto add = [&](ast::PragmaClause& c, const std::string& n) { c.vars.push_back({n, primalFor.loc}); };
    for (const std::string& n : used) {
        if (blockLocal.count(n)) continue;
        if (auto p = primalOf.find(n); p != primalOf.end()) {
            const omp::VariableScope* v = scopes.find(p->second);
            if (!v || !v->adjoint) {
                add(shared, n);
                continue;
            }
            std::string decided = omp::scopeName(*v->adjoint);
            switch (*v->adjoint) {
                case omp::Scope::Shared: add(shared, n); break;
                case omp::Scope::Private: add(priv, n); break;
                case omp::Scope::FirstPrivate: add(first, n); break;
                case omp::Scope::Reduction:
                    if (auto t = facts_.varType.find(p->second); t != facts_.varType.end() && t->second && t->second->isArray()) {
                        auto reads = reductionReads(acc, p->second, t->second);
                        if (reads) {
                            pragma.arrayReductions.push_back(arrayExtent(n, *reads, acc.loopVar, reverseFor, extents));
                            decided += " (per-thread copies of " + n + "[" + pragma.arrayReductions.back().lower + " : " +
                                       pragma.arrayReductions.back().upper + "], summed after the loop)";
                        } else {
                            add(shared, n);
                            decided += " (array read through non-affine subscripts: emitted as atomic updates)";
                        }
                    } else {
                        add(red, n);
                    }
                    break;
                case omp::Scope::Atomic: add(shared, n); break;
            }
            pragma.notes.push_back(n + " (" + p->second + "): " + decided + ": " + oneLine(v->why));
            continue;
        }
        if (facts_.varType.count(n)) {
            // A primal value the reverse body reads: keep the primal pragma's scope (it is
            // read-only here, so shared values stay shared; privates stay private).
            const omp::VariableScope* v = scopes.find(n);
            const omp::Scope ps = v ? v->primal : omp::Scope::Shared;
            if (ps == omp::Scope::Private) add(priv, n);
            else if (ps == omp::Scope::FirstPrivate) add(first, n);
            else add(shared, n);
            continue;
        }
        if (n.rfind("_", 0) == 0 && !primalOf.count(n)) {
            bool param = false;
            for (const ast::Param& p : out_.params) param = param || p.name == n;
            if (param) add(shared, n);  // an adjoint parameter of no loop variable
            else add(priv, n);          // a generated temporary: written before read per iteration
            continue;
        }
        add(shared, n);
    }
    for (ast::PragmaClause* c : {&shared, &priv, &first, &red})
        if (!c->vars.empty()) pragma.clauses.push_back(std::move(*c));
    reverseFor.pragma = std::move(pragma);
    if (!extents.empty()) {
        ast::StmtPtr loop = std::move(out.back());
        out.pop_back();
        for (ast::StmtPtr& e : extents) out.push_back(std::move(e));
        out.push_back(std::move(loop));
    }
}

// lower = min, upper = max + 1 of every read subscript at the first and the last index of the
// reverse loop range(R0, R1[, step]) (R0 first, R1 - step last); both 0 when it is empty.
ast::Pragma::ArrayReduction ReverseDiffer::arrayExtent(const std::string& adjoint,
                                                      const std::vector<omp::AffineExpr>& reads,
                                                      const std::string& loopVar, const Stmt& reverseFor,
                                                      ast::Block& out) {
    const SourceLoc loc = reverseFor.loc;
    ExprPtr lo = local("_lower", Type::intType()), hi = local("_upper", Type::intType());
    out.push_back(sAssign(copy(*lo), tInt(0), loc));
    out.push_back(sAssign(copy(*hi), tInt(0), loc));
    long long step = 1;
    if (reverseFor.rangeArgs.size() == 3) step = ast::intLiteral(*reverseFor.rangeArgs[2]).value_or(step);
    const Expr& first = *reverseFor.rangeArgs[0];
    ExprPtr last = tBin(step > 0 ? ast::BinaryOp::Sub : ast::BinaryOp::Add, copy(*reverseFor.rangeArgs[1]),
                        tInt(step > 0 ? step : -step));
    ast::Block body;
    bool initial = true;
    for (const omp::AffineExpr& r : reads)
        for (const Expr* at : {&first, static_cast<const Expr*>(last.get())}) {
            ExprPtr index = affineAt(r, loopVar, *at);
            ExprPtr above = tBin(ast::BinaryOp::Add, copy(*index), tInt(1));
            if (initial) {
                body.push_back(sAssign(copy(*lo), std::move(index), loc));
                body.push_back(sAssign(copy(*hi), std::move(above), loc));
                initial = false;
                continue;
            }
            ast::Block setLo, setHi;
            setLo.push_back(sAssign(copy(*lo), copy(*index), loc));
            body.push_back(sIf(tBin(ast::BinaryOp::Less, copy(*index), copy(*lo)), std::move(setLo), {}, loc));
            setHi.push_back(sAssign(copy(*hi), copy(*above), loc));
            body.push_back(sIf(tBin(ast::BinaryOp::Greater, std::move(above), copy(*hi)), std::move(setHi), {}, loc));
        }
    ExprPtr nonEmpty = tBin(step < 0 ? ast::BinaryOp::Greater : ast::BinaryOp::Less, copy(first),
                            copy(*reverseFor.rangeArgs[1]));
    out.push_back(sIf(std::move(nonEmpty), std::move(body), {}, loc));
    return {adjoint, lo->name, hi->name};
}

}  // namespace lomaw::ad
