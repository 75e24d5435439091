// Iso-lines (contours) of a function sampled on a rectangular grid, by marching squares.
// QCustomPlot draws colour maps but no contours; PlotPanel draws these over the loss landscape.
//
// Each cell's corners are classed as at-or-above / below the level; an edge whose ends differ
// holds one crossing, placed by linear interpolation. A cell with two crossings gets one segment;
// a saddle (four crossings) is resolved by the mean of its corners. Segments meeting at the same
// grid edge are then joined into polylines: open ones end on the grid's border, closed ones repeat
// their first point at the end. Cells with a NaN corner have no crossings (holes in the data).
#pragma once

#include <QPointF>
#include <QVector>

namespace lomaw::gui {

struct ContourLine {
    double level = 0;
    QVector<QPointF> points;  // (x, y) in data coordinates
    bool closed = false;      // points.front() == points.back()
};

// Grid: x[i] (nx values), y[j] (ny values), z[j][i] = f(x[i], y[j]), both axes increasing.
// Returns nothing for a grid smaller than 2 x 2 or rows shorter than nx.
QVector<ContourLine> contourLines(const QVector<double>& x, const QVector<double>& y,
                                  const QVector<QVector<double>>& z, double level);

// `count` levels strictly between lo and hi: Even, lo + (hi - lo) t_k, or Quadratic,
// lo + (hi - lo) t_k^2 (denser towards lo: the valley of a loss landscape gets more lines than its
// steep walls), with t_k = k / (count + 1).
enum class LevelSpacing { Even, Quadratic };
QVector<double> contourLevels(double lo, double hi, int count, LevelSpacing spacing = LevelSpacing::Even);

}  // namespace lomaw::gui
