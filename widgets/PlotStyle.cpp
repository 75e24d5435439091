#include "PlotStyle.h"

#include <qcustomplot.h>

namespace lomaw::gui {

QColor plotForeground(bool dark) { return dark ? QColor("#c9ccd1") : QColor("#24292f"); }

void stylePlot(QCustomPlot* plot, bool dark) {
    const QColor fg = plotForeground(dark);
    const QColor grid = dark ? QColor("#3a3d43") : QColor("#e5e7eb");
    plot->setBackground(dark ? QColor("#1e1f22") : QColor("#ffffff"));
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(fg));
        axis->setTickPen(QPen(fg));
        axis->setSubTickPen(QPen(fg));
        axis->setTickLabelColor(fg);
        axis->setLabelColor(fg);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    plot->legend->setBrush(dark ? QColor(40, 42, 46, 220) : QColor(255, 255, 255, 220));
    plot->legend->setTextColor(fg);
    plot->legend->setBorderPen(QPen(grid));
}

}  // namespace lomaw::gui
