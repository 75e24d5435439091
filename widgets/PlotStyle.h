// The colours of every QCustomPlot in the app (plots and timings), for the light and dark themes.
#pragma once

#include <QColor>

class QCustomPlot;

namespace lomaw::gui {

QColor plotForeground(bool dark);  // axes, tick labels, titles, legend text

// Background, axes, grid and a translucent legend box in the theme's colours.
void stylePlot(QCustomPlot* plot, bool dark);

}  // namespace lomaw::gui
