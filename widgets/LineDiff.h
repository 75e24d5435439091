// A line diff (Myers' O(ND) shortest edit script) and its side-by-side alignment, for the diff
// view: which lines of text A were removed, which of text B were added, and the rows that pair
// them up so equal lines sit on the same row of both panes.
#pragma once

#include <QStringList>
#include <QVector>

namespace lomaw::gui {

struct DiffOp {
    enum Kind { Equal, Removed, Added };
    Kind kind = Equal;
    int a = -1;  // 0-based line of A (Equal, Removed), -1 otherwise
    int b = -1;  // 0-based line of B (Equal, Added), -1 otherwise
};

// The shortest edit script turning `a` into `b`, in order: every line of `a` appears once as
// Equal or Removed, every line of `b` once as Equal or Added.
QVector<DiffOp> diffLines(const QStringList& a, const QStringList& b);

// One row of the side-by-side view. A run of removals followed by additions is paired row by
// row as Changed; the rest of the longer side is Removed / Added with a gap on the other side.
struct DiffRow {
    enum Kind { Same, Changed, Removed, Added };
    Kind kind = Same;
    int left = -1;   // 0-based line of A, -1: gap
    int right = -1;  // 0-based line of B, -1: gap
};

QVector<DiffRow> alignDiff(const QVector<DiffOp>& ops);

struct DiffStats {
    int removed = 0, added = 0, changed = 0;
};
DiffStats diffStats(const QVector<DiffRow>& rows);

}  // namespace lomaw::gui
