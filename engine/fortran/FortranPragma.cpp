// OpenMP directives: `parallel` regions (`end parallel`), loop directives (`parallel do`,
// `do` in a region or orphaned, `do simd`, `parallel do simd`, `loop`) with every clause, the
// sanity rules of docs/language.md §9.2 with the kernel checker's codes, collapse(n) checked against
// the nest, `atomic` updates, `threadprivate`; other directives are notes saying they are not
// analysed (or accepted silently when they change no scope: critical, single, barrier, ...).
#include <algorithm>
#include <functional>

#include "fortran/FortranParserImpl.h"

namespace lomaw::fortran {

using ast::PragmaClause;

void FortranParserImpl::directive(const LogicalLine& l) {
    const SourceLoc at = l.loc();
    Level* p = procedure();
    std::vector<std::string> words;
    while (peek().kind == Token::Kind::Ident && !peek(1).is("(") && words.size() < 4) {
        static const std::set<std::string> nameWords = {"end", "parallel", "do", "for", "simd", "loop", "sections",
                                                        "section", "workshare", "single", "master", "masked",
                                                        "critical", "atomic", "barrier", "flush", "ordered",
                                                        "task", "taskloop", "taskwait", "taskyield", "taskgroup",
                                                        "target", "teams", "distribute", "declare", "threadprivate",
                                                        "update", "capture", "read", "write", "cancel", "scan",
                                                        "requires", "data", "enter", "exit", "reduction", "variant",
                                                        "mapper", "nothing", "error", "assume", "metadirective"};
        // Blanks between the words are optional (endparallel, paralleldo): split greedily.
        std::vector<std::string> parts;
        std::string rest = peek().text;
        while (!rest.empty()) {
            size_t best = 0;
            for (const std::string& w : nameWords)
                if (w.size() > best && rest.compare(0, w.size(), w) == 0) best = w.size();
            if (best == 0) break;
            parts.push_back(rest.substr(0, best));
            rest = rest.substr(best);
        }
        if (parts.empty() || !rest.empty()) break;
        next();
        words.insert(words.end(), parts.begin(), parts.end());
    }
    if (words.empty() && peek().kind == Token::Kind::Ident) words.push_back(next().text);
    if (words.empty()) {
        diags_.report(at, msg::OmpExpectedDirective);
        return;
    }
    auto is = [&](std::initializer_list<const char*> seq) {
        if (words.size() < seq.size()) return false;
        size_t k = 0;
        for (const char* w : seq)
            if (words[k++] != w) return false;
        return true;
    };
    std::string name;
    for (const std::string& w : words) name += (name.empty() ? "" : " ") + w;
    if (words[0] == "end") {
        if (is({"end", "parallel"}) && words.size() == 2) {
            if (!p || p->regions.empty()) {
                diags_.report(at, msg::OmpEndParallelWithoutParallel);
                return;
            }
            p->regions.pop_back();
        }
        return;  // end do [nowait], end parallel do, end critical, ...: the code says it already
    }
    if (words[0] == "threadprivate") {
        if (accept("(")) {
            while (!atEnd() && !peek().is(")")) {
                const Token& t = next();
                if (t.kind == Token::Kind::Ident) threadPrivate_.insert(t.text);
            }
        }
        return;
    }
    const bool loop = is({"parallel", "do"}) || is({"parallel", "for"}) || is({"parallel", "loop"}) ||
                      is({"do"}) || is({"loop"}) || is({"for"});
    const bool region = words.size() == 1 && words[0] == "parallel";
    if (!loop && !region) {
        static const std::set<std::string> silent = {"critical", "single", "master", "masked", "barrier", "flush",
                                                     "ordered", "section", "taskwait", "taskyield", "taskgroup",
                                                     "nothing", "scan", "cancel", "requires"};
        if (words[0] == "atomic") {
            // update (the default) / capture / read / write: an update x = x + e is an accumulation
            atomicNext_ = words.size() == 1 || words[1] == "update";
            return;
        }
        if (!silent.count(words[0]))
            note(at, {words[0] == "simd" ? msg::OmpSimdSkipped : msg::OmpDirectiveSkipped, name});
        return;
    }
    if (!p) {
        diags_.report(at, msg::OmpOutsideProcedure);
        return;
    }
    PendingDirective d;
    d.loc = at;
    d.construct = name;
    if (region) {
        Region r;
        r.loc = at;
        if (!clauses(d, true, &r)) return;
        r.clauses = d.directive.loopClauses;
        r.defaultScope = d.directive.defaultScope;
        r.defaultNone = d.defaultWord == "none";
        r.listed = d.listed;
        p->regions.push_back(std::move(r));
        return;
    }
    if (!clauses(d, false, nullptr)) return;
    if (pending_ && pending_->beforePreprocessorLine) {
        // `#if A / !$omp do ... / #else / !$omp do ... / #endif / do`: both branches are read; the
        // directive nearest the loop is the one analysed.
        note(pending_->loc, {msg::OmpOtherPreprocessorBranch, d.loc.line});
    } else if (pending_) {
        diags_.report(pending_->loc, msg::OmpDirectiveNotBeforeDo);
    }
    pending_ = std::move(d);
}

// The clause list of a directive. False after an error (the directive is dropped).
bool FortranParserImpl::clauses(PendingDirective& d, bool region, Region*) {
    std::map<std::string, std::string> where;  // name -> clause word, for conflicts
    bool sawDefault = false;
    auto known = [&](const std::string& n) {
        return lookup(n) != nullptr || externalModuleInScope() || implicitEntity(n).base != Entity::Base::Unknown;
    };
    while (!atEnd()) {
        if (accept(",")) continue;
        const Token& word = next();
        if (word.kind != Token::Kind::Ident) {
            diags_.report(word.loc, msg::OmpExpectedClause, word.text);
            return false;
        }
        PragmaClause c;
        c.loc = word.loc;
        c.word = word.text;
        const std::string& w = c.word;
        auto names = [&]() -> bool {
            while (true) {
                if (accept("/")) {  // a common block: /name/
                    if (peek().kind == Token::Kind::Ident) next();
                    if (!accept("/")) break;
                } else if (peek().kind == Token::Kind::Ident) {
                    const Token& n = next();
                    c.vars.push_back({n.text, n.loc});
                    if (peek().is("(")) k_ = std::min(matching(k_) + 1, toks_.size() - 1);  // an array section
                } else {
                    diags_.report(peek().loc, msg::OmpExpectedVariable, w);
                    return false;
                }
                if (!accept(",")) break;
            }
            if (accept(":")) {  // linear(x: step), aligned(a: 64)
                while (!atEnd() && !peek().is(")")) next();
            }
            if (!accept(")")) {
                diags_.report(peek().loc, msg::OmpExpectedClose, w);
                return false;
            }
            return true;
        };
        auto skipParens = [&]() -> bool {
            if (!peek().is("(")) return true;
            const size_t close = matching(k_);
            if (close >= toks_.size()) {
                diags_.report(c.loc, msg::OmpUnbalanced, w);
                return false;
            }
            for (size_t i = k_ + 1; i < close; ++i) c.rawArgs += toks_[i].text;
            k_ = close + 1;
            return true;
        };
        omp::DataSharing share;
        bool sharing = false;
        if (w == "shared" || w == "private" || w == "firstprivate" || w == "lastprivate" || w == "linear" ||
            w == "copyin" || w == "copyprivate") {
            if (!accept("(")) {
                diags_.report(peek().loc, msg::OmpExpectedOpen, w);
                return false;
            }
            if (w == "lastprivate" && peek().is("conditional") && peek(1).is(":")) {
                next();
                next();
            }
            if (!names()) return false;
            sharing = w != "copyin" && w != "copyprivate";
            c.kind = w == "shared" ? PragmaClause::Kind::Shared
                     : w == "private" ? PragmaClause::Kind::Private
                     : w == "firstprivate" ? PragmaClause::Kind::FirstPrivate
                                           : PragmaClause::Kind::Unknown;
            share.scope = w == "shared" ? omp::Scope::Shared : w == "firstprivate" ? omp::Scope::FirstPrivate
                                                                                   : omp::Scope::Private;
            share.lastPrivate = w == "lastprivate" || w == "linear";
        } else if (w == "reduction") {
            if (!accept("(")) {
                diags_.report(peek().loc, msg::OmpExpectedOpen, "reduction");
                return false;
            }
            if ((peek().is("inscan") || peek().is("task") || peek().is("default")) && peek(1).is(",")) {
                next();
                next();
            }
            while (!atEnd() && !peek().is(":")) c.op += next().text;
            if (!accept(":")) {
                diags_.report(peek().loc, msg::OmpReductionColon);
                return false;
            }
            if (!names()) return false;
            static const std::set<std::string> ops = {"+", "*", "-", ".and.", ".or.", ".eqv.", ".neqv.",
                                                      "max", "min", "iand", "ior", "ieor"};
            if (!ops.count(c.op)) {
                diags_.report(c.loc, msg::FortranReductionOp, c.op);
                return false;
            }
            c.kind = PragmaClause::Kind::Reduction;
            share.scope = omp::Scope::Reduction;
            share.op = c.op;
            sharing = true;
        } else if (w == "default") {
            if (!accept("(")) {
                diags_.report(peek().loc, msg::OmpExpectedOpen, "default");
                return false;
            }
            c.kind = PragmaClause::Kind::Default;
            c.op = next().text;
            if (c.op != "none" && c.op != "shared" && c.op != "private" && c.op != "firstprivate") {
                diags_.report(c.loc, msg::OmpDefaultKind);
                return false;
            }
            if (!accept(")")) {
                diags_.report(peek().loc, msg::OmpExpectedClose, "default");
                return false;
            }
            if (sawDefault) {
                diags_.report(c.loc, msg::OmpDefaultDup);
                continue;
            } else {
                sawDefault = true;
                d.defaultWord = c.op;
                if (c.op == "private") d.directive.defaultScope = omp::Scope::Private;
                if (c.op == "firstprivate") d.directive.defaultScope = omp::Scope::FirstPrivate;
                if (c.op == "shared" || c.op == "none") d.directive.defaultScope = omp::Scope::Shared;
            }
        } else if (w == "collapse") {
            c.kind = PragmaClause::Kind::Unknown;
            if (!accept("(")) {
                diags_.report(peek().loc, msg::OmpExpectedOpen, "collapse");
                return false;
            }
            ast::ExprPtr n = expression();
            const long long v = n ? constantValue(*n).value_or(0) : 0;
            if (!accept(")") || v < 1) {
                diags_.report(c.loc, msg::OmpCollapseConstant);
                return false;
            }
            if (region) {
                diags_.report(c.loc, msg::OmpCollapseOnParallel);
                return false;
            }
            d.collapse = static_cast<int>(v);
        } else if (w == "schedule" || w == "dist_schedule") {
            c.kind = PragmaClause::Kind::Unknown;
            const size_t open = k_;
            if (!skipParens()) return false;
            std::string kind;
            for (size_t i = open + 1; i < k_ && !toks_[i].is(")") && !toks_[i].is(","); ++i)
                if (toks_[i].kind == Token::Kind::Ident && !toks_[i + 1].is(":")) kind = toks_[i].text;
            static const std::set<std::string> kinds = {"static", "dynamic", "guided", "auto", "runtime"};
            if (!kinds.count(kind)) {
                diags_.report(c.loc, msg::OmpScheduleKind);
                return false;
            }
        } else {
            static const std::set<std::string> accepted = {
                "if", "num_threads", "nowait", "ordered", "proc_bind", "safelen", "simdlen", "aligned",
                "nontemporal", "order", "allocate", "untied", "mergeable", "final", "priority", "grainsize",
                "num_tasks", "bind", "device", "map", "num_teams", "thread_limit", "is_device_ptr", "depend",
                "affinity", "detach", "in_reduction", "task_reduction", "inclusive", "exclusive", "filter",
                "uniform", "inbranch", "notinbranch"};
            c.kind = PragmaClause::Kind::Unknown;
            if (!skipParens()) return false;
            if (!accepted.count(w)) {
                diags_.report(c.loc, msg::OmpUnknownClause, w);
                continue;
            }
        }
        if (sharing) {
            for (const PragmaClause::Item& item : c.vars) {
                auto seen = where.find(item.name);
                const bool pair = seen != where.end() &&
                                  ((seen->second == "firstprivate" && w == "lastprivate") ||
                                   (seen->second == "lastprivate" && w == "firstprivate"));
                if (seen != where.end() && !pair) {
                    diags_.report(item.loc, msg::OmpClauseConflict, item.name);
                    continue;
                }
                where[item.name] = w;
                d.listed.push_back(item.name);
                if (!known(item.name)) {
                    diags_.report(item.loc, msg::FortranOmpUnknownVar, item.name,
                                  procedure() ? procedure()->name : std::string("?"));
                    continue;
                }
                omp::DataSharing& slot = d.directive.loopClauses[item.name];
                if (pair) {
                    slot.scope = omp::Scope::FirstPrivate;
                    slot.lastPrivate = true;
                } else {
                    slot = share;
                }
            }
        }
        d.pragma.clauses.push_back(std::move(c));
    }
    d.pragma.loc = d.loc;
    return true;
}

void FortranParserImpl::attachDirective(ast::Stmt& loop, Frame& frame) {
    PendingDirective d = std::move(*pending_);
    pending_.reset();
    Level* p = procedure();
    omp::LoopDirective dir = d.directive;
    dir.loc = d.loc;
    dir.construct = d.construct;
    dir.outArgumentsAlsoRead = true;
    dir.collapsed = {loop.name};
    const bool combined = d.construct.rfind("parallel", 0) == 0;
    if (!combined) {
        if (p->regions.empty()) {
            dir.orphaned = true;
        } else {
            for (auto r = p->regions.rbegin(); r != p->regions.rend(); ++r) {
                for (const auto& [n, s] : r->clauses) dir.regionClauses.emplace(n, s);
                if (!dir.defaultScope && r->defaultScope) dir.defaultScope = r->defaultScope;
            }
            dir.regionLine = p->regions.back().loc.line;
        }
    }
    for (const PragmaClause& c : d.pragma.clauses)
        for (const PragmaClause::Item& item : c.vars)
            if (item.name == loop.name && c.word != "private" && c.word != "lastprivate" && c.word != "linear")
                diags_.report(item.loc, msg::FortranOmpLoopVar, item.name);
    loop.pragma = d.pragma;
    frame.loopIndex = static_cast<int>(unit_.loops.size());
    p->loops.push_back(frame.loopIndex);
    unit_.loops.push_back({0, &loop, std::move(dir)});
    loopDirectives_.push_back(std::move(d));
}

// At the loop's end: the collapsed nest and default(none).
void FortranParserImpl::finishLoop(const Frame& frame) {
    Unit::Loop& l = unit_.loops[static_cast<size_t>(frame.loopIndex)];
    const PendingDirective& d = loopDirectives_[static_cast<size_t>(frame.loopIndex)];
    const ast::Stmt* cur = l.loop;
    for (int level = 2; level <= d.collapse; ++level) {
        const ast::Stmt* inner = cur->body.size() == 1 ? cur->body.front().get() : nullptr;
        if (!inner || inner->kind != ast::Stmt::Kind::For) {
            diags_.report(d.loc, msg::OmpCollapseNesting, d.collapse, cur->loc.line);
            return;
        }
        l.directive.collapsed.push_back(inner->name);
        cur = inner;
    }
    Level* p = procedure();
    std::vector<std::string> listed = d.listed;
    bool none = d.defaultWord == "none";
    if (d.defaultWord.empty() && !l.directive.orphaned && d.construct.rfind("parallel", 0) != 0 && !p->regions.empty()) {
        for (const Region& r : p->regions) {
            none = none || r.defaultNone;
            listed.insert(listed.end(), r.listed.begin(), r.listed.end());
        }
    }
    if (none) checkDefaultNone(*l.loop, listed, d.loc);
}

// default(none): every variable the body uses must be listed (loop variables, named constants
// and threadprivate variables excepted). A component path d%u needs d listed.
void FortranParserImpl::checkDefaultNone(const ast::Stmt& loop, const std::vector<std::string>& listed, SourceLoc) {
    std::vector<std::string> loopVars{loop.name};
    std::vector<std::pair<std::string, SourceLoc>> used;
    std::function<void(const ast::Expr&)> expr = [&](const ast::Expr& e) {
        if (e.kind == ast::Expr::Kind::Var && !e.name.empty()) used.push_back({e.name.substr(0, e.name.find('%')), e.loc});
        for (const ast::ExprPtr& o : e.operands)
            if (o) expr(*o);
    };
    std::function<void(const ast::Block&)> block = [&](const ast::Block& b) {
        for (const ast::StmtPtr& s : b) {
            if (s->kind == ast::Stmt::Kind::For) loopVars.push_back(s->name);
            for (const ast::ExprPtr& a : s->rangeArgs) expr(*a);
            if (s->target) expr(*s->target);
            if (s->value) expr(*s->value);
            block(s->body);
            block(s->orelse);
        }
    };
    block(loop.body);
    std::vector<std::string> reported;
    for (const auto& [name, loc] : used) {
        if (std::find(loopVars.begin(), loopVars.end(), name) != loopVars.end()) continue;
        if (std::find(listed.begin(), listed.end(), name) != listed.end()) continue;
        if (std::find(reported.begin(), reported.end(), name) != reported.end()) continue;
        const Entity* e = lookup(name);
        if ((e && e->parameter) || threadPrivate_.count(name)) continue;
        reported.push_back(name);
        diags_.report(loc, msg::OmpDefaultNone, name);

    }
}

}  // namespace lomaw::fortran
