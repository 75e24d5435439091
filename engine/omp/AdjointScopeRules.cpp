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

bool affineIndex(const Access& a) {
    return std::all_of(a.index.begin(), a.index.end(),
                       [](const Subscript& s) { return s.kind == Subscript::Kind::Affine; });
}

// A write tuple distinct between iterations (given a race-free primal) must vary with the
// iteration: some subscript mentions the loop variable or an indirect index c[i].
bool variesWithIteration(const Access& w, const std::string& loopVar) {
    for (const Subscript& s : w.index)
        if (s.affine.coefficient(loopVar) != 0 || s.indirect) return true;
    return false;
}

// r - w componentwise, when every component differs by a constant.
std::optional<std::vector<long long>> offsetOf(const Access& r, const Access& w) {
    if (r.index.size() != w.index.size()) return std::nullopt;
    std::vector<long long> k;
    for (size_t d = 0; d < r.index.size(); ++d) {
        auto off = r.index[d].affine.offsetFrom(w.index[d].affine);
        if (!off) return std::nullopt;
        k.push_back(*off);
    }
    return k;
}

bool matches(const Access& r, const Access& w, const std::vector<long long>& k) {
    if (!isPrefix(w.path, r.path)) return false;  // the write must happen whenever the read does
    auto off = offsetOf(r, w);
    return off && *off == k;
}

std::string offsetText(const std::vector<long long>& k) {
    std::string out;
    for (size_t d = 0; d < k.size(); ++d) out += (d ? "," : "") + std::to_string(k[d]);
    return k.size() == 1 ? out : "(" + out + ")";
}

}  // namespace

bool hasAdjoint(const TypePtr& type) {
    const Type* t = type.get();
    while (t && t->isArray()) t = t->elem.get();
    return !t || !t->isInt();
}

SafeReads safeReads(const std::string& name, const LoopAccesses& acc,
                    const std::map<std::string, PrimalScope>& primal, bool fortranStyle) {
    SafeReads out;
    const VariableAccesses* v = acc.find(name);
    if (!v || v->reads.empty()) {
        out.safe = true;
        return out;
    }
    const bool allAffineStable = std::all_of(v->reads.begin(), v->reads.end(),
                                             [](const Access& r) { return r.stable && affineIndex(r); });
    if (allAffineStable) {
        const Access& first = v->reads.front();
        for (size_t d = 0; d < first.index.size(); ++d) {
            const Subscript& s = first.index[d];
            if (s.indirect || s.affine.coefficient(acc.loopVar) == 0) continue;
            bool invariantRest = true;
            for (const auto& [term, coef] : s.affine.terms())
                if (term != acc.loopVar && (acc.innerLoopVars.count(term) || acc.modified.count(term))) invariantRest = false;
            bool same = invariantRest && std::all_of(v->reads.begin(), v->reads.end(), [&](const Access& r) {
                return r.index.size() == first.index.size() && r.index[d].affine == s.affine;
            });
            if (same) {
                out.safe = true;
                out.ownDimension = static_cast<int>(d);
                out.ownIndex = s.text;
                return out;
            }
        }
    }
    // Candidate witnesses: shared variables all of whose writes are plain, stable, affine and
    // vary with the iteration (the variable itself first, for the clearest explanation).
    std::vector<std::string> candidates{name};
    for (const std::string& w : acc.order)
        if (w != name) candidates.push_back(w);
    std::vector<const Access*> goodWrites;
    std::vector<std::string> witnesses;
    for (const std::string& w : candidates) {
        auto p = primal.find(w);
        const VariableAccesses* wa = acc.find(w);
        if (p == primal.end() || p->second.scope != Scope::Shared || !wa || wa->writes.empty()) continue;
        bool ok = std::all_of(wa->writes.begin(), wa->writes.end(), [&](const Access& a) {
            return !a.accumulate && a.stable && affineIndex(a) && variesWithIteration(a, acc.loopVar);
        });
        if (ok) witnesses.push_back(w);
    }
    const bool readsUsable = std::all_of(v->reads.begin(), v->reads.end(),
                                         [](const Access& r) { return r.stable && affineIndex(r); });
    if (readsUsable) {
        for (const std::string& w : witnesses) {
            const std::vector<Access>& writes = acc.find(w)->writes;
            // Every offset the first read has from some write is a candidate k.
            for (const Access& first : writes) {
                auto k = offsetOf(v->reads.front(), first);
                if (!k) continue;
                bool all = std::all_of(v->reads.begin(), v->reads.end(), [&](const Access& r) {
                    return std::any_of(writes.begin(), writes.end(),
                                       [&](const Access& wr) { return matches(r, wr, *k); });
                });
                if (all) {
                    out.safe = true;
                    out.witness = w;
                    out.offset = *k;
                    return out;
                }
            }
        }
    }
    // Not safe: name the reads that no write of the same iteration covers (at offset 0).
    for (const Access& r : v->reads) {
        bool covered = r.stable && affineIndex(r);
        if (covered) {
            covered = false;
            for (const std::string& w : witnesses)
                for (const Access& wr : acc.find(w)->writes)
                    if (matches(r, wr, std::vector<long long>(r.index.size(), 0))) covered = true;
        }
        if (!covered) out.unsafe.push_back(r.text(fortranStyle));
    }
    if (out.unsafe.empty())  // each read is covered, but not all with one offset
        for (const Access& r : v->reads) out.unsafe.push_back(r.text(fortranStyle));
    return out;
}

VariableScope decideScope(const std::string& name, const TypePtr& type, const PrimalScope& primal,
                          const LoopAccesses& acc, const std::map<std::string, PrimalScope>& allPrimal,
                          const ScopeOptions& options) {
    VariableScope out;
    out.name = name;
    out.primal = primal.scope;
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
        out.why = "loop variable: private, an int with no adjoint";
        return out;
    }
    if (!hasAdjoint(type)) {
        out.why = "int variable: no adjoint";
        return out;
    }
    switch (primal.scope) {
        case Scope::Private:
            out.adjoint = Scope::Private;
            out.why = "private in the primal: each thread's " + d + " is its own";
            if (forced && *forced != Scope::Private) ignored("private in the primal");
            return out;
        case Scope::FirstPrivate:
            out.adjoint = Scope::Reduction;
            out.why = "firstprivate: every thread's copy starts from the shared value, so the " + d +
                      " contributions of all threads are summed";
            if (forced && *forced != Scope::Reduction) ignored("firstprivate in the primal");
            return out;
        case Scope::Reduction:
            out.adjoint = Scope::FirstPrivate;
            out.why = "reduction(+) in the primal: every iteration reads the same " + d +
                      ", which the loop does not change";
            if (forced && *forced != Scope::FirstPrivate) ignored("reduction(+) in the primal");
            return out;
        default: break;
    }

    const VariableAccesses* v = acc.find(name);
    const bool reads = v && !v->reads.empty();
    const bool writes = v && !v->writes.empty();
    const bool fs = options.fortranStyle;
    if (!reads && !writes) {
        out.adjoint = Scope::Shared;
        out.why = "not used in the loop";
        return out;
    }
    if (!reads) {
        std::vector<std::string> w;
        for (const Access& a : v->writes) w.push_back(a.text(fs));
        out.adjoint = Scope::Shared;
        out.why = "write-only (" + joined(w) + "): " + d +
                  " is read and reset where the primal writes, elements no two threads share";
        applyForce(true);
        return out;
    }
    SafeReads sr = safeReads(name, acc, allPrimal, fs);
    std::vector<std::string> r;
    for (const Access& a : v->reads) r.push_back(a.text(fs));
    if (sr.safe && sr.ownDimension >= 0) {
        out.adjoint = Scope::Shared;
        const bool one = joined(r).find(", ") == std::string::npos;
        out.why = (one ? "read " : "reads ") + joined(r) + (one ? " uses" : " use") + " the index " + sr.ownIndex +
                  (v->reads.front().index.size() > 1 ? " (dimension " + std::to_string(sr.ownDimension + 1) + ")" : "") +
                  ", different in every iteration: no two threads update the same " + d + " element";
        applyForce(writes);
        return out;
    }
    if (sr.safe) {
        out.adjoint = Scope::Shared;
        bool zero = std::all_of(sr.offset.begin(), sr.offset.end(), [](long long k) { return k == 0; });
        const bool one = joined(r).find(", ") == std::string::npos;
        out.why = (one ? "read " : "reads ") + joined(r) + (one ? " is" : " are") + " matched by writes of " + sr.witness +
                  (zero ? "" : " shifted by " + offsetText(sr.offset)) +
                  " in the same iteration: no two threads update the same " + d + " element";
        applyForce(writes);
        return out;
    }
    const bool isArray = type && type->isArray();
    const bool oneUnsafe = joined(sr.unsafe).find(", ") == std::string::npos;
    const std::string racy =
        isArray ? (oneUnsafe ? "read " : "reads ") + joined(sr.unsafe) + (oneUnsafe ? " is" : " are") +
                      " not written by the same iteration: threads may update the same " + d + " element"
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
        out.why.clear();
        // fall through to the cost choice below, then append the note
        VariableScope rest = decideScope(name, type, primal, acc, allPrimal, ScopeOptions{options.reductionMaxElements, {}, options.fortranStyle});
        rest.why += note;
        return rest;
    }
    if (!isArray) {
        out.adjoint = Scope::Reduction;
        out.why = racy + "; a scalar: each thread sums into its own copy (reduction)";
        return out;
    }
    bool indirect = false;
    for (const Access& a : v->reads)
        for (const Subscript& s : a.index) indirect = indirect || s.indirect;
    long long elements = 1;
    for (const Type* t = type.get(); t && t->isArray(); t = t->elem.get()) elements *= t->size;
    if (indirect) {
        out.adjoint = Scope::Atomic;
        out.why = racy + "; indirect indices can hit any element: atomic updates";
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
