// for-range loops (§9.1) and OpenMP pragma loops (§9.2) of CStmtEmitter.
#include <algorithm>
#include <functional>
#include <set>

#include "codegen/CBoundsChecks.h"
#include "codegen/CStmtEmitter.h"
#include "codegen/CText.h"
#include "codegen/CTypeEmitter.h"
#include "syntax/AstWalk.h"

namespace lomaw::codegen {

using ast::Expr;
using ast::Stmt;

struct CStmtEmitter::RangeBounds {
    std::string start = "0";  // C expressions whose evaluation gives the values at loop entry
    std::string stop;
    long long step = 1;
    std::vector<std::string> temps;  // temporaries holding start/stop (shared in a region)
};

namespace {

const Expr* rootOf(const Expr& e) {
    const Expr* r = &e;
    while ((r->kind == Expr::Kind::Index || r->kind == Expr::Kind::Member) && !r->operands.empty())
        r = r->operands[0].get();
    return r;
}

// Names of variables used in a block, in first-use order (for default(private)).
void usedVariables(const Expr& e, std::vector<std::string>& out) {
    if (e.kind == Expr::Kind::Var && std::find(out.begin(), out.end(), e.name) == out.end())
        out.push_back(e.name);
    for (const ast::ExprPtr& o : e.operands)
        if (o) usedVariables(*o, out);
}

void usedVariables(const ast::Block& b, std::vector<std::string>& out, std::set<std::string>& loopVars) {
    for (const ast::StmtPtr& s : b) {
        if (!s) continue;
        if (s->kind == Stmt::Kind::For) loopVars.insert(s->name);
        if (s->target) usedVariables(*s->target, out);
        if (s->value) usedVariables(*s->value, out);
        for (const ast::ExprPtr& a : s->rangeArgs)
            if (a) usedVariables(*a, out);
        usedVariables(s->body, out, loopVars);
        usedVariables(s->orelse, out, loopVars);
    }
}

}  // namespace

// Whether the body can change `name` (so a loop bound naming it must be copied on entry).
bool CStmtEmitter::assignedIn(const ast::Block& body, const std::string& name) const {
    std::function<bool(const Expr&)> writesIn = [&](const Expr& e) {
        if (e.kind == Expr::Kind::Call) {
            const ast::Function* f = scope_.unit.module.findFunction(e.name);
            for (size_t i = 0; i < e.operands.size(); ++i) {
                const bool out = e.name == "atomic_add" ? i == 0
                                 : f && i < f->params.size() ? f->params[i].isOut
                                                             : false;
                if (out && e.operands[i] && rootOf(*e.operands[i])->name == name) return true;
            }
        }
        for (const ast::ExprPtr& o : e.operands)
            if (o && writesIn(*o)) return true;
        return false;
    };
    for (const ast::StmtPtr& s : body) {
        if (!s) continue;
        if (s->kind == Stmt::Kind::Assign && s->target && rootOf(*s->target)->name == name) return true;
        if (s->value && writesIn(*s->value)) return true;
        if (assignedIn(s->body, name) || assignedIn(s->orelse, name)) return true;
    }
    return false;
}

// start then stop, each evaluated once on entry (§9.1). Literals and variables the body
// cannot change are used directly; anything else is copied into a temporary first.
CStmtEmitter::RangeBounds CStmtEmitter::rangeBounds(const Stmt& s, int indent, bool hoistAll) {
    RangeBounds b;
    const size_t n = s.rangeArgs.size();
    const Expr* startE = n >= 2 ? s.rangeArgs[0].get() : nullptr;
    const Expr* stopE = n == 1 ? s.rangeArgs[0].get() : n >= 2 ? s.rangeArgs[1].get() : nullptr;
    if (n == 3) b.step = ast::intLiteral(*s.rangeArgs[2]).value_or(0);  // 0: not a constant step
    if (!stopE || b.step == 0) {
        scope_.unit.usesInternalError = true;
        b.stop = "0 /* internal compiler error: malformed range */";
        return b;
    }
    const bool writes = (startE && exprs_.order().mayWrite(*startE)) || exprs_.order().mayWrite(*stopE);
    auto invariant = [&](const Expr& e) {
        if (e.kind == Expr::Kind::IntLit) return true;
        if (hoistAll || writes || e.kind != Expr::Kind::Var) return false;
        const CVar* v = scope_.find(e.name);
        return v && v->access == CVar::Access::Value && !assignedIn(s.body, e.name);
    };
    CPrelude pre;
    auto bound = [&](const Expr& e, const char* hint) {
        CExpr c = exprs_.value(e, pre);
        if (invariant(e)) return c.text;
        std::string t = scope_.temp(hint);
        pre.line("int " + t + " = " + c.text + ";");
        b.temps.push_back(t);
        return t;
    };
    if (startE) {
        CExpr c = exprs_.value(*startE, pre);
        if (startE->kind == Expr::Kind::IntLit || (!hoistAll && !writes)) {
            b.start = c.text;  // evaluated exactly once, by the loop's initialisation
        } else {
            b.start = scope_.temp("start");
            pre.line("int " + b.start + " = " + c.text + ";");
            b.temps.push_back(b.start);
        }
    }
    b.stop = bound(*stopE, "stop");
    flush(pre, indent, s.loc.line);
    return b;
}

// The loop itself. Steps of ±1 count with an int that can never overflow (it stops at the
// bound); larger steps count with a long long so that start + k*step cannot wrap, and the
// body sees i = start + k*step for k = 0 … max(0, ceil((stop-start)/step)) - 1.
void CStmtEmitter::rangeLoop(const Stmt& s, const RangeBounds& b, int indent) {
    const int line = s.loc.line;
    const std::string i = scope_.unit.names.variable(s.name);
    std::string counter;
    if (b.step == 1) {
        out_.line(indent, "for (int " + i + " = " + b.start + "; " + i + " < " + b.stop + "; " + i + "++) {", line);
    } else if (b.step == -1) {
        out_.line(indent, "for (int " + i + " = " + b.start + "; " + i + " > " + b.stop + "; " + i + "--) {", line);
    } else {
        counter = scope_.temp("k");
        const std::string cmp = b.step > 0 ? " < " : " > ";
        const std::string inc = b.step > 0 ? " += " + std::to_string(b.step)
                                           : " -= " + std::to_string(-b.step);
        out_.line(indent, "for (long long " + counter + " = " + b.start + "; " + counter + cmp +
                              b.stop + "; " + counter + inc + ") {",
                  line);
        out_.line(indent + 1, "int " + i + " = (int)" + counter + ";", line);
        std::vector<std::string> used;
        std::set<std::string> loopVars;
        usedVariables(s.body, used, loopVars);
        if (std::find(used.begin(), used.end(), s.name) == used.end())
            out_.line(indent + 1, "(void)" + i + ";", line);  // -Wunused-variable
    }
    scope_.push();
    scope_.declare(s.name, {i, Type::intType(), CVar::Access::Value});
    block(s.body, indent + 1);
    scope_.pop();
    out_.line(indent, "}", 0);
}

void CStmtEmitter::forStmt(const Stmt& s, int indent) {
    // A pragma inside a @simd function is ignored (pragma-ignored): a plain loop.
    if (s.pragma && !scope_.simdBody) {
        parallelFor(s, indent);
        return;
    }
    RangeBounds b = rangeBounds(s, indent, false);
    rangeLoop(s, b, indent);
}

// original += copy, for a thread's reduction copy: atomic inside a team. C has no `+=` on
// structs, and a generated adjoint loop may reduce one (the _dfloat adjoint of a scalar that a
// forward derivative's parallel loop reads): a struct is added member by member, a static
// array element by element.
void CStmtEmitter::addReductionCopy(const Type& t, const std::string& original, const std::string& copy,
                                    bool atomic, int indent, int line, int depth) {
    if (t.isStruct()) {
        for (const auto& [member, type] : cStructMembers(scope_.unit.module, t.structName))
            if (type) addReductionCopy(*type, original + "." + cMemberName(member), copy + "." + cMemberName(member),
                                       atomic, indent, line, depth);
        return;
    }
    if (t.isArray()) {
        if (t.size <= 0 || !t.elem) return;  // sema allows only int or float scalars in user reductions
        const std::string k = "_lw_rk" + std::to_string(depth);
        out_.line(indent, "for (int " + k + " = 0; " + k + " < " + std::to_string(t.size) + "; " + k + "++) {", line);
        addReductionCopy(*t.elem, original + "[" + k + "]", copy + "[" + k + "]", atomic, indent + 1, line, depth + 1);
        out_.line(indent, "}", line);
        return;
    }
    if (atomic) ompDirective("atomic", indent, line);
    out_.line(indent, original + " += " + copy + ";", line);
}

// §9.2. The clause semantics are implemented by the code itself, so that the result is the
// same with and without OpenMP:
//   {                                   entry values: loop bounds, &reduction originals,
//       int _lw_stop1 = n;              firstprivate values
//       float* _lw_red2 = &s;
//       #pragma omp parallel            (team; nothing but shared/default clauses)
//       {
//           float t = 0.0f;             private: a zero-initialised copy per thread
//           float s = 0.0f;             reduction: a copy per thread starting at 0
//           #pragma omp for
//           for (...) { body }          the body names the copies (C shadowing)
//           #pragma omp atomic
//           *_lw_red2 += s;             original = entry value + every copy's final value
//       }
//   }
// Without OpenMP the block runs once: one copy, same rules. A pragma loop nested in another
// one runs sequentially inside each thread (no directives), with the same copies.
void CStmtEmitter::parallelFor(const Stmt& s, int indent) {
    const int line = s.loc.line;
    const int pragmaLine = s.pragma->loc.line > 0 ? s.pragma->loc.line : line;
    using Kind = ast::PragmaClause::Kind;

    std::vector<std::string> shared, privates, firsts, reductions;
    std::string defaultKind;
    for (const ast::PragmaClause& c : s.pragma->clauses) {
        std::vector<std::string>* list = c.kind == Kind::Shared         ? &shared
                                         : c.kind == Kind::Private      ? &privates
                                         : c.kind == Kind::FirstPrivate ? &firsts
                                         : c.kind == Kind::Reduction    ? &reductions
                                                                        : nullptr;
        if (c.kind == Kind::Default) defaultKind = c.op;
        if (!list) continue;
        for (const auto& item : c.vars)
            if (item.name != s.name && scope_.find(item.name)) list->push_back(item.name);
    }
    if (defaultKind == "private") {
        std::vector<std::string> used;
        std::set<std::string> loopVars{s.name};
        usedVariables(s.body, used, loopVars);
        for (const std::string& v : used) {
            auto listed = [&](const std::vector<std::string>& l) {
                return std::find(l.begin(), l.end(), v) != l.end();
            };
            if (loopVars.count(v) || listed(shared) || listed(privates) || listed(firsts) ||
                listed(reductions) || !scope_.find(v))
                continue;
            privates.push_back(v);
        }
    }

    out_.line(indent, "{", line);
    const int in = indent + 1;
    RangeBounds b = rangeBounds(s, in, true);
    std::vector<std::string> sharedTemps = b.temps;

    struct Copy {
        std::string name;
        CVar original;
        std::string entry;  // temporary holding the entry value / the original's address
    };
    std::vector<Copy> reds, fps;
    for (const std::string& p : privates)  // the loop only touches the copies
        out_.line(in, "(void)" + scope_.find(p)->cName + ";", line);
    for (const std::string& r : reductions) {
        const CVar v = *scope_.find(r);
        std::string t = scope_.temp("red");
        const std::string addr = v.access == CVar::Access::Pointer ? v.cName : "&" + v.cName;
        out_.line(in, cValueType(*v.type) + "* " + t + " = " + addr + ";", line);
        reds.push_back({r, v, t});
        sharedTemps.push_back(t);
    }
    for (const std::string& f : firsts) {
        const CVar v = *scope_.find(f);
        std::string t = scope_.temp("first");
        if (v.type->isArray()) {
            out_.line(in, "void* " + t + " = " + v.cName + ";", line);
            if (v.param && v.type->elem && v.type->elem->isArray()) {
                scope_.unit.usesInternalError = true;
                out_.line(in, "/* internal compiler error: firstprivate copy of a nested array parameter */", line);
            }
        } else {
            const std::string value = v.access == CVar::Access::Pointer ? "*" + v.cName : v.cName;
            out_.line(in, cValueType(*v.type) + " " + t + " = " + value + ";", line);
        }
        fps.push_back({f, v, t});
        sharedTemps.push_back(t);
    }

    const bool parallel = scope_.parallelDepth == 0;
    // Array reductions of generated adjoint loops: the originals and the table of per-thread
    // copies, shared by the team (see arrayReductionCopies).
    struct ArrayCopies {
        std::string name, original, parts, count, lower, upper, elem;
    };
    std::vector<ArrayCopies> arrayCopies;
    if (parallel)
        for (const ast::Pragma::ArrayReduction& r : s.pragma->arrayReductions) {
            const CVar* v = scope_.find(r.name);
            const CVar* lo = scope_.find(r.lower);
            const CVar* hi = scope_.find(r.upper);
            if (!v || !lo || !hi || !v->type->isArray() || !v->type->elem) continue;  // updated in place
            if (arrayCopies.empty()) {
                out_.directive("#ifdef _OPENMP");
                out_.line(in, "int omp_get_num_threads(void);", line);
                out_.line(in, "int omp_get_thread_num(void);", line);
                out_.directive("#endif");
            }
            ArrayCopies c{r.name, scope_.temp("ared"), scope_.temp("parts"), scope_.temp("nparts"), lo->cName,
                          hi->cName, cValueType(*v->type->elem)};
            out_.line(in, c.elem + "* " + c.original + " = " + v->cName + ";", line);
            out_.line(in, c.elem + "** " + c.parts + " = 0;", line);
            out_.line(in, "int " + c.count + " = 1;", line);
            for (const std::string& t : {c.original, c.parts, c.count}) sharedTemps.push_back(t);
            arrayCopies.push_back(std::move(c));
        }
    if (!arrayCopies.empty()) scope_.unit.usesIntDivision = true;  // <stdlib.h>, the error helper
    // Generated (adjoint) loops: the scope decisions, one comment line each (emit --stage omp).
    for (const std::string& note : s.pragma->notes) out_.line(in, "/* " + cCommentText(note) + " */", pragmaLine);
    if (parallel) {
        if (scope_.unit.loopComments)  // emit --stage omp: the scope decisions of a written loop
            if (auto c = scope_.unit.loopComments->find(&s); c != scope_.unit.loopComments->end())
                for (const std::string& text : c->second) out_.comment(in, text, line);
        std::string clauses = "parallel";
        std::vector<std::string> sharedC;
        for (const std::string& v : shared) sharedC.push_back(scope_.find(v)->cName);
        if (defaultKind == "none") sharedC.insert(sharedC.end(), sharedTemps.begin(), sharedTemps.end());
        if (!sharedC.empty()) {
            clauses += " shared(";
            for (size_t k = 0; k < sharedC.size(); ++k) clauses += (k ? ", " : "") + sharedC[k];
            clauses += ")";
        }
        if (defaultKind == "none" || defaultKind == "shared") clauses += " default(" + defaultKind + ")";
        if (scope_.unit.checkBounds) out_.line(in, kBoundsShare, line);  // the team sees this thread's locals
        ompDirective(clauses, in, pragmaLine);
    }
    out_.line(in, "{", line);
    scope_.push();
    if (parallel) ++scope_.parallelDepth;
    const int body = in + 1;
    for (const std::string& p : privates) {
        const CVar v = *scope_.find(p);
        out_.line(body, cDeclarator(*v.type, v.cName) + " = " + cZeroInitializer(*v.type) + ";", line);
        scope_.declare(p, {v.cName, v.type, CVar::Access::Value});
    }
    for (const Copy& f : fps) {
        const CVar& v = f.original;
        if (v.type->isArray()) {
            scope_.unit.usesMemcpy = true;
            out_.line(body, cDeclarator(*v.type, v.cName) + ";", line);
            out_.line(body, "memcpy(" + v.cName + ", " + f.entry + ", sizeof " + v.cName + ");", line);
        } else {
            out_.line(body, cDeclarator(*v.type, v.cName) + " = " + f.entry + ";", line);
        }
        scope_.declare(f.name, {v.cName, v.type, CVar::Access::Value});
    }
    for (const Copy& r : reds) {
        const CVar& v = r.original;
        out_.line(body, cDeclarator(*v.type, v.cName) + " = " + cZeroInitializer(*v.type) + ";", line);
        scope_.declare(r.name, {v.cName, v.type, CVar::Access::Value});
    }
    // --check-bounds: each thread's copies of sized arrays are its locals (CBoundsChecks.h).
    std::string copiesMark;
    for (const std::vector<std::string>* list : {&privates, &firsts, &reductions}) {
        if (!scope_.unit.checkBounds) break;
        for (const std::string& name : *list) {
            const CVar* v = scope_.find(name);
            if (!v || !holdsSizedArray(scope_.unit.module, *v->type)) continue;
            if (copiesMark.empty()) {
                copiesMark = scope_.temp("locals");
                out_.line(body, boundsMark(copiesMark), line);
            }
            registerLocal(scope_.unit, *v->type, v->cName, body, line, out_);
        }
    }
    const std::string oom = scope_.unit.names.runtimeErrorHelper() + "(\"out of memory for a per-thread adjoint copy\");";
    for (const ArrayCopies& c : arrayCopies) {
        // Each thread adds into its own zeroed copy; elements below `lower` are never touched
        // (calloc'd pages that are never written cost no memory).
        const std::string copy = scope_.find(c.name)->cName;
        out_.line(body, c.elem + "* " + copy + " = (" + c.elem + "*)calloc((size_t)(" + c.upper + " > 0 ? " + c.upper +
                            " : 1), sizeof(" + c.elem + "));", line);
        out_.line(body, "if (!" + copy + ") " + oom, line);
        ompDirective("single", body, line);
        out_.line(body, "{", line);
        out_.directive("#ifdef _OPENMP");
        out_.line(body + 1, c.count + " = omp_get_num_threads();", line);
        out_.directive("#endif");
        out_.line(body + 1, c.parts + " = (" + c.elem + "**)calloc((size_t)" + c.count + ", sizeof(" + c.elem + "*));", line);
        out_.line(body + 1, "if (!" + c.parts + ") " + oom, line);
        out_.line(body, "}", line);
        out_.directive("#ifdef _OPENMP");
        out_.line(body, c.parts + "[omp_get_thread_num()] = " + copy + ";", line);
        out_.directive("#else");
        out_.line(body, c.parts + "[0] = " + copy + ";", line);
        out_.directive("#endif");
    }
    if (parallel) ompDirective("for", body, pragmaLine);
    rangeLoop(s, b, body);
    for (const ArrayCopies& c : arrayCopies) {
        // After the loop's barrier: every element summed over the copies, in thread order.
        const std::string e = scope_.temp("e"), t = scope_.temp("t");
        ompDirective("for", body, line);
        out_.line(body, "for (int " + e + " = " + c.lower + "; " + e + " < " + c.upper + "; " + e + "++) {", line);
        out_.line(body + 1, "for (int " + t + " = 0; " + t + " < " + c.count + "; " + t + "++) " + c.original + "[" + e +
                                "] += " + c.parts + "[" + t + "][" + e + "];",
                  line);
        out_.line(body, "}", line);
        out_.line(body, "free(" + scope_.find(c.name)->cName + ");", line);
    }
    for (const Copy& r : reds)
        addReductionCopy(*r.original.type, "(*" + r.entry + ")", r.original.cName, parallel, body, line, 0);
    if (!copiesMark.empty()) out_.line(body, boundsRelease(copiesMark), line);
    if (parallel) --scope_.parallelDepth;
    scope_.pop();
    out_.line(in, "}", 0);
    if (parallel && scope_.unit.checkBounds) out_.line(in, kBoundsUnshare, line);
    for (const ArrayCopies& c : arrayCopies) out_.line(in, "free(" + c.parts + ");", line);
    out_.line(indent, "}", 0);
}

}  // namespace lomaw::codegen
