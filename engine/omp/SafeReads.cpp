// The proofs that a variable's reads are owned by their iteration (AdjointScopeRules.h,
// SafeReads) and, when no proof holds, the cause named for people.
#include <algorithm>
#include <optional>

#include "omp/AdjointScopeRules.h"

namespace lomaw::omp {

namespace {

bool affineIndex(const Access& a) {
    return std::all_of(a.index.begin(), a.index.end(),
                       [](const Subscript& s) { return s.kind == Subscript::Kind::Affine; });
}

// A write tuple distinct between iterations (given a race-free primal) must vary with the
// iteration: for every variable of the (collapsed) nest, some subscript mentions it or goes
// through an index array.
bool variesWithIteration(const Access& w, const std::vector<std::string>& nest) {
    return std::all_of(nest.begin(), nest.end(), [&](const std::string& v) {
        return std::any_of(w.index.begin(), w.index.end(),
                           [&](const Subscript& s) { return s.affine.coefficient(v) != 0 || s.indirect; });
    });
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

// Dimension d of every read is the same a*v + b, with b free of other nest variables, inner
// loop variables and anything the loop modifies: then reads of different v are different.
std::optional<std::string> ownIndexIn(const std::vector<const Access*>& reads, size_t d, const std::string& v,
                                      const LoopAccesses& acc) {
    const Access& first = *reads.front();
    if (d >= first.index.size()) return std::nullopt;
    const Subscript& s = first.index[d];
    if (s.kind != Subscript::Kind::Affine || !s.stable || s.indirect || s.affine.coefficient(v) == 0)
        return std::nullopt;
    for (const auto& [term, coef] : s.affine.terms()) {
        if (term == v) continue;
        const bool nestVar = std::find(acc.collapsed.begin(), acc.collapsed.end(), term) != acc.collapsed.end();
        if (nestVar || term == acc.loopVar || acc.innerLoopVars.count(term) || acc.modified.count(term))
            return std::nullopt;
    }
    for (const Access* r : reads)
        if (r->index.size() != first.index.size() || r->index[d].kind != Subscript::Kind::Affine ||
            !r->index[d].stable || !(r->index[d].affine == s.affine))
            return std::nullopt;
    return s.text;
}

std::string listed(const std::vector<std::string>& items) {
    std::vector<std::string> seen;
    std::string out;
    for (const std::string& s : items) {
        if (std::find(seen.begin(), seen.end(), s) != seen.end()) continue;
        seen.push_back(s);
        out += (out.empty() ? "" : ", ") + s;
    }
    return out;
}

size_t distinctCount(const std::vector<std::string>& items) {
    std::vector<std::string> seen;
    for (const std::string& s : items)
        if (std::find(seen.begin(), seen.end(), s) == seen.end()) seen.push_back(s);
    return seen.size();
}

// "read X is" / "reads X, Y are" with the verb in its singular or plural form.
std::string subject(const std::vector<std::string>& reads, const char* one, const char* many) {
    const bool single = distinctCount(reads) == 1;
    return std::string(single ? "read " : "reads ") + listed(reads) + " " + (single ? one : many);
}

}  // namespace

SafeReads safeReads(const std::string& name, const LoopAccesses& acc,
                    const std::map<std::string, PrimalScope>& primal, bool fortranStyle) {
    SafeReads out;
    const std::vector<const Access*> reads = acc.activeReads(name);
    if (reads.empty()) {
        out.safe = true;
        return out;
    }
    const std::vector<std::string> nest = acc.collapsed.empty() ? std::vector<std::string>{acc.loopVar} : acc.collapsed;
    // The own-index rule, one dimension per nest variable.
    {
        std::vector<std::pair<std::string, int>> dims;
        for (const std::string& v : nest) {
            bool found = false;
            for (size_t d = 0; d < reads.front()->index.size() && !found; ++d)
                if (auto text = ownIndexIn(reads, d, v, acc)) {
                    dims.push_back({v, static_cast<int>(d)});
                    if (v == acc.loopVar) out.ownIndex = *text;
                    found = true;
                }
            if (!found) break;
        }
        if (dims.size() == nest.size()) {
            out.safe = true;
            out.ownDimension = dims.front().second;
            if (nest.size() > 1) out.ownDimensions = dims;
            return out;
        }
    }
    // Candidate witnesses: shared variables all of whose writes are plain, stable, affine and
    // vary with the iteration (the variable itself first, for the clearest explanation).
    std::vector<std::string> candidates{name};
    for (const std::string& w : acc.order)
        if (w != name) candidates.push_back(w);
    std::vector<std::string> witnesses;
    for (const std::string& w : candidates) {
        auto p = primal.find(w);
        const VariableAccesses* wa = acc.find(w);
        if (p == primal.end() || p->second.scope != Scope::Shared || !wa || wa->writes.empty()) continue;
        bool ok = std::all_of(wa->writes.begin(), wa->writes.end(), [&](const Access& a) {
            return !a.accumulate && a.stable && affineIndex(a) && variesWithIteration(a, nest);
        });
        if (ok) witnesses.push_back(w);
    }
    const bool readsUsable = std::all_of(reads.begin(), reads.end(), [](const Access* r) { return r->stable && affineIndex(*r); });
    if (readsUsable) {
        for (const std::string& w : witnesses) {
            const std::vector<Access>& writes = acc.find(w)->writes;
            // Every offset the first read has from some write is a candidate k.
            for (const Access& first : writes) {
                auto k = offsetOf(*reads.front(), first);
                if (!k) continue;
                bool all = std::all_of(reads.begin(), reads.end(), [&](const Access* r) {
                    return std::any_of(writes.begin(), writes.end(), [&](const Access& wr) { return matches(*r, wr, *k); });
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
    // Not safe: name the reads that no write of the same iteration covers (at offset 0), each
    // with its cause.
    std::vector<std::string> plain, indirect, overwritten, unstable, collapsed, innerOnly;
    std::set<std::string> innerVars;
    std::set<std::string> indexArrays, overwrittenArrays, setInLoop, missingNestVars;
    for (const Access* r : reads) {
        bool covered = r->stable && affineIndex(*r);
        if (covered) {
            covered = false;
            for (const std::string& w : witnesses)
                for (const Access& wr : acc.find(w)->writes)
                    if (matches(*r, wr, std::vector<long long>(r->index.size(), 0))) covered = true;
        }
        if (covered) continue;
        const std::string text = r->text(fortranStyle);
        out.unsafe.push_back(text);
        // The cause: an index array the loop overwrites, an index set in the loop, an index
        // array, a collapsed nest variable the read ignores, else an element of another iteration.
        std::set<std::string> arrays, modified;
        bool isIndirect = false;
        for (const Subscript& s : r->index) {
            isIndirect = isIndirect || s.indirect;
            for (const std::string& dep : s.dependsOn) {
                if (dep == acc.loopVar || acc.innerLoopVars.count(dep)) continue;
                if (s.indirect && s.text.find(dep + "[") != std::string::npos) arrays.insert(dep);
                if (acc.modified.count(dep)) modified.insert(dep);
            }
        }
        std::set<std::string> overwrittenHere;
        for (const std::string& a : arrays)
            if (modified.count(a)) overwrittenHere.insert(a);
        if (!overwrittenHere.empty()) {
            overwritten.push_back(text);
            overwrittenArrays.insert(overwrittenHere.begin(), overwrittenHere.end());
        } else if (!modified.empty()) {
            unstable.push_back(text);
            setInLoop.insert(modified.begin(), modified.end());
        } else if (isIndirect) {
            indirect.push_back(text);
            indexArrays.insert(arrays.begin(), arrays.end());
        } else if (nest.size() > 1 && std::any_of(nest.begin(), nest.end(), [&](const std::string& v) {
                       return std::none_of(r->index.begin(), r->index.end(),
                                           [&](const Subscript& s) { return s.affine.coefficient(v) != 0; });
                   })) {
            collapsed.push_back(text);
            for (const std::string& v : nest)
                if (std::none_of(r->index.begin(), r->index.end(),
                                 [&](const Subscript& s) { return s.affine.coefficient(v) != 0; }))
                    missingNestVars.insert(v);
        } else if (std::none_of(r->index.begin(), r->index.end(),
                                [&](const Subscript& s) { return s.affine.coefficient(acc.loopVar) != 0; }) &&
                   std::any_of(r->index.begin(), r->index.end(), [&](const Subscript& s) {
                       return std::any_of(s.dependsOn.begin(), s.dependsOn.end(),
                                          [&](const std::string& d) { return acc.innerLoopVars.count(d) > 0; });
                   })) {
            innerOnly.push_back(text);
            for (const Subscript& s : r->index)
                for (const std::string& d : s.dependsOn)
                    if (acc.innerLoopVars.count(d)) innerVars.insert(d);
        } else {
            plain.push_back(text);
        }
    }
    if (out.unsafe.empty())  // each read is covered, but not all with one offset
        for (const Access* r : reads) {
            out.unsafe.push_back(r->text(fortranStyle));
            plain.push_back(out.unsafe.back());
        }
    auto names = [](const std::set<std::string>& s) { return listed(std::vector<std::string>(s.begin(), s.end())); };
    std::vector<std::string> parts;
    if (!plain.empty()) parts.push_back(subject(plain, "is", "are") + " not written by the same iteration");
    if (!indirect.empty())
        parts.push_back(subject(indirect, "goes", "go") + " through the index array" +
                        (indexArrays.size() > 1 ? "s " : " ") + names(indexArrays) +
                        ", which may repeat elements");
    if (!overwritten.empty())
        parts.push_back(subject(overwritten, "uses", "use") + " the index array" + (overwrittenArrays.size() > 1 ? "s " : " ") +
                        names(overwrittenArrays) + ", which the loop overwrites");
    if (!unstable.empty())
        parts.push_back(subject(unstable, "has", "have") + " an index set in the loop (" + names(setInLoop) +
                        ": assigned in a branch, more than once or from a non-affine value)");
    if (!collapsed.empty()) {
        std::string nestText;
        for (const std::string& v : nest) nestText += (nestText.empty() ? "" : ",") + v;
        parts.push_back(subject(collapsed, "does", "do") + " not depend on " + names(missingNestVars) +
                        " of the collapsed nest (" + nestText + "), whose iterations differing only in " +
                        names(missingNestVars) + " may run on different threads");
    }
    if (!innerOnly.empty())
        parts.push_back(subject(innerOnly, "varies", "vary") + " only with the inner loop index" +
                        (innerVars.size() > 1 ? "es " : " ") + names(innerVars) +
                        ", which the inner loops of other iterations may take as well");
    for (const std::string& p : parts) out.reason += (out.reason.empty() ? "" : "; ") + p;
    return out;
}

}  // namespace lomaw::omp
