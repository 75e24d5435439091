#include "LineDiff.h"

#include <algorithm>

namespace lomaw::gui {

namespace {

// Myers' greedy forward search on a[lo..] / b[lo..] (common prefix and suffix already cut),
// keeping V of every round so the path can be walked back. O((N+M)·D) time and memory, fine
// for generated programs of a few thousand lines that differ in a few places.
void myers(const QStringList& a, const QStringList& b, int aLo, int aHi, int bLo, int bHi, QVector<DiffOp>& out) {
    const int n = aHi - aLo, m = bHi - bLo;
    const int max = n + m;
    const int offset = max + 1;
    QVector<int> v(2 * max + 3, 0);
    QVector<QVector<int>> trace;
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        trace.push_back(v);
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) x = v[offset + k + 1];  // down: insert
            else x = v[offset + k - 1] + 1;                                                       // right: delete
            int y = x - k;
            while (x < n && y < m && a[aLo + x] == b[bLo + y]) ++x, ++y;
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    // Walk back from (n, m) through the saved rounds, collecting the script in reverse.
    QVector<DiffOp> rev;
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
        const QVector<int>& pv = trace[d];
        const int k = x - y;
        const bool down = k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1]);
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = pv[offset + prevK];
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) rev.push_back({DiffOp::Equal, aLo + --x, bLo + --y});
        if (down) rev.push_back({DiffOp::Added, -1, bLo + --y});
        else rev.push_back({DiffOp::Removed, aLo + --x, -1});
    }
    while (x > 0 && y > 0) rev.push_back({DiffOp::Equal, aLo + --x, bLo + --y});
    std::reverse(rev.begin(), rev.end());
    out += rev;
}

}  // namespace

QVector<DiffOp> diffLines(const QStringList& a, const QStringList& b) {
    QVector<DiffOp> out;
    int lo = 0;
    const int common = int(std::min(a.size(), b.size()));
    while (lo < common && a[lo] == b[lo]) ++lo;
    int aHi = int(a.size()), bHi = int(b.size());
    while (aHi > lo && bHi > lo && a[aHi - 1] == b[bHi - 1]) --aHi, --bHi;
    for (int i = 0; i < lo; ++i) out.push_back({DiffOp::Equal, i, i});
    myers(a, b, lo, aHi, lo, bHi, out);
    for (int i = 0; aHi + i < a.size(); ++i) out.push_back({DiffOp::Equal, aHi + i, bHi + i});
    return out;
}

QVector<DiffRow> alignDiff(const QVector<DiffOp>& ops) {
    QVector<DiffRow> rows;
    int i = 0;
    while (i < ops.size()) {
        if (ops[i].kind == DiffOp::Equal) {
            rows.push_back({DiffRow::Same, ops[i].a, ops[i].b});
            ++i;
            continue;
        }
        // A block of changes: its removals and additions, in order, paired up row by row.
        QVector<int> removed, added;
        while (i < ops.size() && ops[i].kind != DiffOp::Equal) {
            if (ops[i].kind == DiffOp::Removed) removed << ops[i].a;
            else added << ops[i].b;
            ++i;
        }
        const int paired = int(std::min(removed.size(), added.size()));
        for (int r = 0; r < paired; ++r) rows.push_back({DiffRow::Changed, removed[r], added[r]});
        for (int r = paired; r < removed.size(); ++r) rows.push_back({DiffRow::Removed, removed[r], -1});
        for (int r = paired; r < added.size(); ++r) rows.push_back({DiffRow::Added, -1, added[r]});
    }
    return rows;
}

DiffStats diffStats(const QVector<DiffRow>& rows) {
    DiffStats s;
    for (const DiffRow& r : rows) {
        if (r.kind == DiffRow::Removed) ++s.removed;
        else if (r.kind == DiffRow::Added) ++s.added;
        else if (r.kind == DiffRow::Changed) ++s.changed;
    }
    return s;
}

}  // namespace lomaw::gui
