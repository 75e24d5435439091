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
// real reduction for scalars; atomic -> every update is atomic_add, i.e. `omp atomic`; array
// reductions are emitted as atomic updates: the backend has no per-thread array copies for
// reductions). Primal variables the reverse body names keep the primal pragma's scope;
// generated temporaries (_adj, tapes) are private. The decisions become Pragma::notes, which
// the C backend prints as comments above the pragma. @simd functions and pragma loops nested
// in a parallel adjoint loop are not parallelised (the latter run sequentially per thread).
#include <algorithm>
#include <functional>
#include <map>

#include "ad/ReverseDiffer.h"
#include "omp/ScopeAnalysis.h"

namespace lomaw::ad {

using ast::Expr;
using ast::Stmt;

namespace {

void namesIn(const Expr& e, std::vector<std::string>& out) {
    if (e.kind == Expr::Kind::Var && std::find(out.begin(), out.end(), e.name) == out.end()) out.push_back(e.name);
    for (const ast::ExprPtr& o : e.operands)
        if (o) namesIn(*o, out);
}

// Variables a generated block names, in first-use order, and the loop variables it declares.
void namesIn(const ast::Block& b, std::vector<std::string>& out, std::set<std::string>& loopVars) {
    for (const ast::StmtPtr& s : b) {
        if (!s) continue;
        if (s->kind == Stmt::Kind::For) loopVars.insert(s->name);
        if (s->kind == Stmt::Kind::Declare) loopVars.insert(s->name);  // block-local: private
        if (s->target) namesIn(*s->target, out);
        if (s->value) namesIn(*s->value, out);
        for (const ast::ExprPtr& a : s->rangeArgs)
            if (a) namesIn(*a, out);
        namesIn(s->body, out, loopVars);
        namesIn(s->orelse, out, loopVars);
    }
}

std::string oneLine(std::string s) {
    for (size_t p = s.find("*/"); p != std::string::npos; p = s.find("*/")) s.replace(p, 2, "* /");
    for (char& c : s)
        if (c == '\n') c = ' ';
    return s;
}

}  // namespace

bool ReverseDiffer::usesTapes(const ast::Block& b) const {
    for (const ast::StmtPtr& s : b) {
        if (!s) continue;
        const Stmt* p = s.get();
        if (tapeOf_.count(p) || outArgTapes_.count(p) || branchTape_.count(p) || loopCount_.count(p) ||
            rangeTape_.count(p))
            return true;
        if (s->kind == Stmt::Kind::While) return true;  // its counter is one shared variable
        if (usesTapes(s->body) || usesTapes(s->orelse)) return true;
    }
    return false;
}

namespace {
bool hasWhile(const ast::Block& b) {
    for (const ast::StmtPtr& s : b)
        if (s && (s->kind == Stmt::Kind::While || hasWhile(s->body) || hasWhile(s->orelse))) return true;
    return false;
}
void forNames(const ast::Block& b, std::set<std::string>& out) {
    for (const ast::StmtPtr& s : b) {
        if (!s) continue;
        if (s->kind == Stmt::Kind::For) out.insert(s->name);
        forNames(s->body, out);
        forNames(s->orelse, out);
    }
}
}  // namespace

bool ReverseDiffer::parallelAdjoint(const Stmt& s) const {
    // A while loop's iteration counter is one shared variable: keep such loops sequential.
    return s.pragma && !shared_ && parallelDepth_ == 0 && !hasWhile(s.body);
}

bool ReverseDiffer::replayIteration(const Stmt& s, ast::Block& replay) {
    auto tapeOf = tapeOf_;
    auto outArgTapes = outArgTapes_;
    auto branchTape = branchTape_;
    auto rangeTape = rangeTape_;
    auto loopCount = loopCount_;
    const size_t heapTapes = heapTapes_.size();
    std::vector<Loop> loops = std::move(loops_);
    loops_.clear();  // one iteration is straight-line code: scalar tapes
    const SourceLoc loc = loc_;
    forwardBlock(s.body, replay);
    loops_ = std::move(loops);
    loc_ = loc;

    // Every tape of the iteration must be a scalar or a stack array (private per thread).
    bool ok = heapTapes_.size() == heapTapes;
    std::function<void(const ast::Block&)> check = [&](const ast::Block& b) {
        for (const ast::StmtPtr& st : b) {
            if (!st) continue;
            const Stmt* p = st.get();
            if (auto t = tapeOf_.find(p); t != tapeOf_.end() && !t->second.capacity.empty()) ok = false;
            if (auto t = outArgTapes_.find(p); t != outArgTapes_.end())
                for (const auto& e : t->second) ok = ok && e.second.capacity.empty();
            if (auto t = rangeTape_.find(p); t != rangeTape_.end())
                for (const Tape& e : t->second) ok = ok && e.capacity.empty();
            check(st->body);
            check(st->orelse);
        }
    };
    check(s.body);
    if (ok) {
        const omp::LoopScopes scopes = omp::analyseLoop(primal_, s, {}, &ctx_.module);
        std::set<std::string> adjoints, written, loopVars{s.name};
        for (const auto& [p, a] : adjointName_) adjoints.insert(a);
        writtenRoots(replay, written);
        forNames(replay, loopVars);
        for (const std::string& w : written) {
            if (loopVars.count(w)) continue;
            const omp::VariableScope* v = scopes.find(w);
            if (v && v->primal == omp::Scope::Private) continue;
            if (!v && !varType_.count(w) && w.rfind("_", 0) == 0 && !adjoints.count(w)) continue;  // generated
            ok = false;
        }
    }
    if (ok) {
        // The forward sweep's pushes onto the loop's shared heap tapes are now dead (the
        // reverse iterations pop their own replayed tapes): drop them, and their frees.
        std::set<std::string> dead;
        auto kill = [&](const Tape& t) {
            if (t.capacity.empty()) return;
            dead.insert({t.name, t.counter, t.capacity});
        };
        std::function<void(const ast::Block&)> collect = [&](const ast::Block& b) {
            for (const ast::StmtPtr& st : b) {
                if (!st) continue;
                const Stmt* p = st.get();
                if (auto t = tapeOf.find(p); t != tapeOf.end()) kill(t->second);
                if (auto t = outArgTapes.find(p); t != outArgTapes.end())
                    for (const auto& e : t->second) kill(e.second);
                if (auto t = rangeTape.find(p); t != rangeTape.end())
                    for (const Tape& e : t->second) kill(e);
                collect(st->body);
                collect(st->orelse);
            }
        };
        collect(s.body);
        std::function<void(ast::Block&)> strip = [&](ast::Block& b) {
            std::erase_if(b, [&](const ast::StmtPtr& st) {
                if (!st) return false;
                const Expr* root = nullptr;
                if (st->kind == Stmt::Kind::Assign && st->target) root = chainRoot(*st->target);
                if (st->kind == Stmt::Kind::CallStmt && st->value && st->value->name == kTapeReserve &&
                    !st->value->operands.empty() && st->value->operands[0])
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
            std::erase_if(heapTapes_, [&](const Tape& t) { return dead.count(t.name) > 0; });
        }
    }
    if (!ok) {
        tapeOf_ = std::move(tapeOf);
        outArgTapes_ = std::move(outArgTapes);
        branchTape_ = std::move(branchTape);
        rangeTape_ = std::move(rangeTape);
        loopCount_ = std::move(loopCount);
        heapTapes_.resize(heapTapes);
        replay.clear();
    }
    return ok;
}

std::set<std::string> ReverseDiffer::enterParallel(const Stmt& s) {
    std::set<std::string> before = atomicAdjoints_;
    const omp::LoopScopes scopes = omp::analyseLoop(primal_, s, {}, &ctx_.module);
    for (const omp::VariableScope& v : scopes.variables) {
        if (!v.adjoint) continue;
        auto adj = adjointName_.find(v.name);
        if (adj == adjointName_.end()) continue;
        auto t = varType_.find(v.name);
        const bool array = t != varType_.end() && t->second && t->second->isArray();
        if (*v.adjoint == omp::Scope::Atomic || (*v.adjoint == omp::Scope::Reduction && array))
            atomicAdjoints_.insert(adj->second);
    }
    return before;
}

void ReverseDiffer::attachAdjointPragma(const Stmt& primalFor, Stmt& reverseFor) const {
    using Kind = ast::PragmaClause::Kind;
    const omp::LoopScopes scopes = omp::analyseLoop(primal_, primalFor, {}, &ctx_.module);
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
                    if (auto t = varType_.find(p->second); t != varType_.end() && t->second && t->second->isArray()) {
                        add(shared, n);
                        decided += " (array: emitted as atomic updates)";
                    } else {
                        add(red, n);
                    }
                    break;
                case omp::Scope::Atomic: add(shared, n); break;
            }
            pragma.notes.push_back(n + " (" + p->second + "): " + decided + ": " + oneLine(v->why));
            continue;
        }
        if (varType_.count(n)) {
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
}

}  // namespace lomaw::ad
