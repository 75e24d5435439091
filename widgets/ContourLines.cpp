#include "ContourLines.h"

#include <QHash>
#include <algorithm>
#include <cmath>

namespace lomaw::gui {

namespace {

// Grid edges get one id each: horizontal edges (i,j)-(i+1,j) first, then vertical (i,j)-(i,j+1).
struct EdgeIds {
    int nx, ny;
    int horizontal(int i, int j) const { return j * (nx - 1) + i; }
    int vertical(int i, int j) const { return ny * (nx - 1) + j * nx + i; }
};

// The segments of one level, as pairs of edge ids, with the crossing point on each edge.
struct Segments {
    QHash<int, QPointF> point;
    QHash<int, QVector<int>> neighbours;  // at most two per edge: the two cells that share it
    void add(int a, int b) {
        neighbours[a].append(b);
        neighbours[b].append(a);
    }
};

}  // namespace

QVector<ContourLine> contourLines(const QVector<double>& x, const QVector<double>& y,
                                  const QVector<QVector<double>>& z, double level) {
    const int nx = int(x.size()), ny = int(y.size());
    if (nx < 2 || ny < 2 || z.size() < ny) return {};
    for (const QVector<double>& row : z)
        if (row.size() < nx) return {};
    const EdgeIds ids{nx, ny};
    Segments seg;
    auto above = [&](int i, int j) { return z[j][i] >= level; };
    // The crossing point of an edge, computed once and shared by the two cells of that edge.
    auto cross = [&](int id, int i0, int j0, int i1, int j1) {
        if (seg.point.contains(id)) return;
        const double a = z[j0][i0], b = z[j1][i1];
        const double t = a == b ? 0.5 : (level - a) / (b - a);
        seg.point.insert(id, QPointF(x[i0] + t * (x[i1] - x[i0]), y[j0] + t * (y[j1] - y[j0])));
    };
    for (int j = 0; j + 1 < ny; ++j) {
        for (int i = 0; i + 1 < nx; ++i) {
            const double c[4] = {z[j][i], z[j][i + 1], z[j + 1][i + 1], z[j + 1][i]};
            if (std::isnan(c[0]) || std::isnan(c[1]) || std::isnan(c[2]) || std::isnan(c[3])) continue;
            // Corners counter-clockwise from bottom-left; edge k joins corner k and k+1.
            const bool up[4] = {above(i, j), above(i + 1, j), above(i + 1, j + 1), above(i, j + 1)};
            const int edge[4] = {ids.horizontal(i, j), ids.vertical(i + 1, j), ids.horizontal(i, j + 1),
                                 ids.vertical(i, j)};
            QVector<int> crossed;
            if (up[0] != up[1]) { cross(edge[0], i, j, i + 1, j); crossed << 0; }
            if (up[1] != up[2]) { cross(edge[1], i + 1, j, i + 1, j + 1); crossed << 1; }
            if (up[2] != up[3]) { cross(edge[2], i, j + 1, i + 1, j + 1); crossed << 2; }
            if (up[3] != up[0]) { cross(edge[3], i, j, i, j + 1); crossed << 3; }
            if (crossed.size() == 2) {
                seg.add(edge[crossed[0]], edge[crossed[1]]);
            } else if (crossed.size() == 4) {
                // Saddle: if the centre is on corner 0's side, corners 0 and 2 are joined through
                // it and the lines cut off corners 1 and 3; otherwise they cut off 0 and 2.
                const bool centreUp = (c[0] + c[1] + c[2] + c[3]) / 4 >= level;
                if (centreUp == up[0]) {
                    seg.add(edge[0], edge[1]);
                    seg.add(edge[2], edge[3]);
                } else {
                    seg.add(edge[3], edge[0]);
                    seg.add(edge[1], edge[2]);
                }
            }
        }
    }

    // Join segments into polylines: first from the open ends (edges with one neighbour, on the
    // border), then whatever is left forms closed loops.
    QVector<ContourLine> lines;
    QHash<int, bool> used;  // edges already placed in a line
    auto walk = [&](int start) {
        ContourLine line;
        line.level = level;
        int previous = -1, current = start;
        while (true) {
            used.insert(current, true);
            line.points << seg.point.value(current);
            int next = -1;
            for (int n : seg.neighbours.value(current))
                if (n != previous && !used.contains(n)) {
                    next = n;
                    break;
                }
            if (next < 0) {
                // Closed when the loop comes back to its start.
                const QVector<int> around = seg.neighbours.value(current);
                if (line.points.size() > 2 && around.contains(start) && previous != start) {
                    line.points << line.points.first();
                    line.closed = true;
                }
                break;
            }
            previous = current;
            current = next;
        }
        lines << line;
    };
    QList<int> edges = seg.neighbours.keys();
    std::sort(edges.begin(), edges.end());  // deterministic output
    for (int e : edges)
        if (!used.contains(e) && seg.neighbours.value(e).size() == 1) walk(e);
    for (int e : edges)
        if (!used.contains(e)) walk(e);
    return lines;
}

QVector<double> contourLevels(double lo, double hi, int count, LevelSpacing spacing) {
    QVector<double> levels;
    if (!(hi > lo) || count <= 0) return levels;
    for (int k = 1; k <= count; ++k) {
        const double t = double(k) / (count + 1);
        levels << lo + (hi - lo) * (spacing == LevelSpacing::Quadratic ? t * t : t);
    }
    return levels;
}

}  // namespace lomaw::gui
