#include "omp/AdjointScopeRules.h"

#include <algorithm>
#include <optional>

namespace lomaw::omp {

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::vector<std::string> seen;
    std::string out;
    for (const std::string& s : items) {
        if (std::find(seen.begin(), seen.end(), s) != seen.end()) continue;  // each text once
        seen.push_back(s);
        out += (out.empty() ? "" : ", ") + s;
    }
    return out;
}

std::string offsetText(const std::vector<long long>& k) {
    std::string out;
    for (size_t d = 0; d < k.size(); ++d) out += (d ? "," : "") + std::to_string(k[d]);
    return k.size() == 1 ? out : "(" + out + ")";
}

// The primal clause of a private-like variable, for its reason.
std::string privateOrigin(const PrimalScope& p) {
    if (p.origin == "orphaned local")
        return "a local of the procedure, private to each thread in an orphaned do";
    if (p.origin == "threadprivate") return "threadprivate";
    if (p.origin == "default") return "private by the default clause";
    if (p.origin == "region") return "private in the enclosing parallel region";
    return "private in the primal";
}

// The adjoint of a primal reduction(op) variable s: each iteration applies s = s op e.
void reductionRule(VariableScope& out, const PrimalScope& primal, const std::string& d) {
    const std::string op = primal.op.empty() ? "+" : primal.op;
    out.adjoint = Scope::FirstPrivate;
    const std::string clause = "reduction(" + op + ")" + (primal.origin == "region" ? " of the enclosing region" : "");
    if (op == "+" || op == "-") {
        out.why = clause + " in the primal: every iteration reads the same " + d + ", which the loop does not change";
    } else if (op == "*") {
        out.why = clause + " in the primal: every iteration reads the same " + d +
                  ", which the loop does not change; a factor e's adjoint is " + d +
                  " times the product of the other factors (s/e when e is not 0)";
    } else if (op == "max" || op == "min") {
        out.why = clause + " in the primal: every iteration reads the same " + d +
                  ", which the loop does not change; only the operand equal to the final " + op +
                  " (the first such in iteration order, as the sequential loop keeps) receives " + d +
                  ", and " + d + " keeps its value only if the initial value was the " + op;
    } else {
        out.adjoint.reset();
        out.why = clause + " of a logical or integer value: no adjoint";
    }
}

}  // namespace

bool hasAdjoint(const TypePtr& type) {
    const Type* t = type.get();
    while (t && t->isArray()) t = t->elem.get();
    return !t || !t->isInt();
}

VariableScope decideScope(const std::string& name, const TypePtr& type, const PrimalScope& primal,
                          const LoopAccesses& acc, const std::map<std::string, PrimalScope>& allPrimal,
                          const ScopeOptions& options) {
    VariableScope out;
    out.name = name;
    out.primal = primal.scope;
    out.lastPrivate = primal.lastPrivate;
    if (primal.scope == Scope::Reduction) out.reductionOp = primal.op.empty() ? "+" : primal.op;
    const std::string d = "_d_" + name;
    // A forced scope (ScopeOptions::force): by name, else the "*" entry for every variable.
    auto forcedEntry = options.force.find(name);
    const bool forcedByName = forcedEntry != options.force.end();
    if (!forcedByName) forcedEntry = options.force.find("*");
    const std::optional<Scope> forced =
        forcedEntry != options.force.end() ? std::optional<Scope>(forcedEntry->second) : std::nullopt;
    // A forced scope that would give a wrong gradient is not applied; a name forced explicitly
    // says so in `why`.
    auto ignored = [&](const std::string& reason) {
        if (forcedByName) out.why += " (forced " + std::string(scopeName(*forced)) + " ignored: " + reason + ")";
    };
    // Shared but forced atomic (always correct: updates become atomic, reads and resets of an
    // element stay with the one iteration that owns it) or reduction (correct when x is not
    // written: the reverse loop then only adds into _d_x).
    auto applyForce = [&](bool written) {
        if (!forced || *forced == Scope::Shared) return;
        if (*forced == Scope::Atomic || (*forced == Scope::Reduction && !written)) {
            out.adjoint = *forced;
            out.why += "; " + std::string(scopeName(*forced)) + " as requested";
        } else {
            ignored(std::string("the loop writes ") + name + ": only shared or atomic is correct here");
        }
    };
    if (primal.source == PrimalScope::Source::LoopVariable) {
        out.why = primal.lastPrivate ? "loop variable: private (lastprivate), an int with no adjoint"
                                     : "loop variable: private, an int with no adjoint";
        return out;
    }
    if (!hasAdjoint(type)) {
        out.why = "int variable: no adjoint";
        return out;
    }
    // lastprivate: the value of the sequentially last iteration is copied out, so the adjoint
    // after the loop flows into that iteration's private copy only.
    const std::string lastNote = "; lastprivate: the iteration last in sequential order starts from the " + d +
                                 " after the loop, the others from zero";
    switch (primal.scope) {
        case Scope::Private:
            out.adjoint = Scope::Private;
            out.why = privateOrigin(primal) + ": each thread's " + d + " is its own" + (primal.lastPrivate ? lastNote : "");
            if (forced && *forced != Scope::Private) ignored("private in the primal");
            return out;
        case Scope::FirstPrivate:
            out.adjoint = Scope::Reduction;
            out.why = "firstprivate: every thread's copy starts from the shared value, so the " + d +
                      " contributions of all threads are summed" + (primal.lastPrivate ? lastNote : "");
            if (forced && *forced != Scope::Reduction) ignored("firstprivate in the primal");
            return out;
        case Scope::Reduction:
            reductionRule(out, primal, d);
            if (forced && out.adjoint && *forced != *out.adjoint) ignored("reduction(" + out.reductionOp + ") in the primal");
            return out;
        default: break;
    }
    const std::string orphanNote = primal.origin == "orphaned shared" ? " (orphaned do: assumed shared)" : "";

    const VariableAccesses* v = acc.find(name);
    const std::vector<const Access*> active = acc.activeReads(name);
    const bool reads = !active.empty();
    const bool writes = v && !v->writes.empty();
    const bool fs = options.fortranStyle;
    std::vector<std::string> passive;
    if (v)
        for (const Access& a : v->reads)
            if (a.passive) passive.push_back(a.text(fs));
    if (!reads && !writes) {
        out.adjoint = Scope::Shared;
        out.why = passive.empty() ? "not used in the loop"
                                  : "only compared or used in conditions and subscripts (" + joined(passive) +
                                        "): no " + d + " update in this loop";
        out.why += orphanNote;
        return out;
    }
    if (!reads) {
        std::vector<std::string> w;
        for (const Access& a : v->writes) w.push_back(a.text(fs));
        out.adjoint = Scope::Shared;
        const bool accumulated = std::all_of(v->writes.begin(), v->writes.end(), [](const Access& a) { return a.accumulate; });
        if (accumulated)
            out.why = "only accumulated atomically (" + joined(w) + "): the reverse sweep only reads " + d +
                      " there, which threads may share";
        else
            out.why = "write-only (" + joined(w) + "): " + d +
                      " is read and reset where the primal writes, elements no two threads share";
        if (!passive.empty()) out.why += "; reads " + joined(passive) + " are only compared: no " + d + " update";
        out.why += orphanNote;
        applyForce(true);
        return out;
    }
    SafeReads sr = safeReads(name, acc, allPrimal, fs);
    std::vector<std::string> r;
    for (const Access* a : active) r.push_back(a->text(fs));
    const bool oneRead = joined(r).find(", ") == std::string::npos;
    if (sr.safe && !sr.ownDimensions.empty()) {
        out.adjoint = Scope::Shared;
        std::string dims, nest;
        for (const auto& [var, dim] : sr.ownDimensions) {
            dims += (dims.empty() ? "" : ", ") + var + " (dimension " + std::to_string(dim + 1) + ")";
            nest += (nest.empty() ? "" : ",") + var;
        }
        out.why = (oneRead ? "read " : "reads ") + joined(r) + (oneRead ? " uses" : " use") + " every variable of the " +
                  "collapsed nest in its own dimension, " + dims + ": different in every iteration (" + nest +
                  "), no two threads update the same " + d + " element" + orphanNote;
        applyForce(writes);
        return out;
    }
    if (sr.safe && sr.ownDimension >= 0) {
        out.adjoint = Scope::Shared;
        out.why = (oneRead ? "read " : "reads ") + joined(r) + (oneRead ? " uses" : " use") + " the index " + sr.ownIndex +
                  (active.front()->index.size() > 1 ? " (dimension " + std::to_string(sr.ownDimension + 1) + ")" : "") +
                  ", different in every iteration: no two threads update the same " + d + " element" + orphanNote;
        applyForce(writes);
        return out;
    }
    if (sr.safe) {
        out.adjoint = Scope::Shared;
        bool zero = std::all_of(sr.offset.begin(), sr.offset.end(), [](long long k) { return k == 0; });
        out.why = (oneRead ? "read " : "reads ") + joined(r) + (oneRead ? " is" : " are") + " matched by writes of " +
                  sr.witness + (zero ? "" : " shifted by " + offsetText(sr.offset)) +
                  " in the same iteration: no two threads update the same " + d + " element" + orphanNote;
        applyForce(writes);
        return out;
    }
    const bool isArray = type && type->isArray();
    const std::string racy = isArray ? sr.reason + ": threads may update the same " + d + " element"
                                     : "every iteration reads " + name + ": all threads update the same " + d;
    if (writes) {
        out.adjoint = Scope::Atomic;
        out.why = racy + "; " + name + " is also written in the loop, so updates are atomic";
        if (forced && *forced != Scope::Atomic) ignored("only atomic is correct here");
        return out;
    }
    if (forced && (*forced == Scope::Reduction || *forced == Scope::Atomic)) {
        out.adjoint = *forced;
        out.why = racy + "; " + scopeName(*forced) + " as requested";
        return out;
    }
    if (forced && *forced == Scope::Shared) {
        out.why = racy;
        ignored("threads may update the same element");
        const std::string note = out.why.substr(racy.size());
        // the cost choice below, then the note
        ScopeOptions unforced = options;
        unforced.force.clear();
        VariableScope rest = decideScope(name, type, primal, acc, allPrimal, unforced);
        rest.why += note;
        return rest;
    }
    if (!isArray) {
        out.adjoint = Scope::Reduction;
        out.why = racy + "; a scalar: each thread sums into its own copy (reduction)";
        return out;
    }
    bool indirect = false;
    for (const Access* a : active)
        for (const Subscript& s : a->index) indirect = indirect || s.indirect;
    long long elements = 1;
    for (const Type* t = type.get(); t && t->isArray(); t = t->elem.get()) elements *= t->size;
    if (indirect) {
        out.adjoint = Scope::Atomic;
        out.why = racy + "; any element may be hit: atomic updates";
    } else if (elements > 0 && elements <= options.reductionMaxElements) {
        out.adjoint = Scope::Reduction;
        out.why = racy + "; a small array (" + std::to_string(elements) + " elements): reduction";
    } else {
        out.adjoint = Scope::Atomic;
        out.why = racy + (elements == 0 ? "; an unbounded array" : "; a large array (" + std::to_string(elements) + " elements)") +
                  ": atomic updates cost less than a private copy per thread";
    }
    return out;
}

}  // namespace lomaw::omp
