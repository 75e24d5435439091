#include "PresentationZoom.h"

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qsciscintilla.h>
#include <qcustomplot.h>
#include <QApplication>
#include <QWheelEvent>
#include <algorithm>

namespace lomaw::gui {

namespace {

// Each font's size at step 0, remembered on the object the first time it is zoomed, so steps
// never compound.
constexpr const char* BaseProperty = "lomawZoomBasePt";
constexpr const char* FilterProperty = "lomawZoomFilter";

double basePointSize(QObject* owner, const char* key, const QFont& current) {
    const QVariant v = owner->property(key);
    if (v.isValid()) return v.toDouble();
    const double base = current.pointSizeF() > 0 ? current.pointSizeF() : 9.0;
    owner->setProperty(key, base);
    return base;
}

QFont zoomed(QObject* owner, const char* key, QFont font, int step) {
    font.setPointSizeF(PresentationZoom::pointSize(basePointSize(owner, key, font), step));
    return font;
}

void zoomAxis(QCPAxis* axis, int step) {
    axis->setTickLabelFont(zoomed(axis, "lomawTickPt", axis->tickLabelFont(), step));
    axis->setLabelFont(zoomed(axis, "lomawLabelPt", axis->labelFont(), step));
}

void zoomPlot(QCustomPlot* plot, int step) {
    for (QCPLayoutElement* e : plot->plotLayout()->elements(true)) {
        if (auto* rect = qobject_cast<QCPAxisRect*>(e)) {
            for (QCPAxis* axis : rect->axes()) zoomAxis(axis, step);
        } else if (auto* scale = qobject_cast<QCPColorScale*>(e)) {
            zoomAxis(scale->axis(), step);
        } else if (auto* text = qobject_cast<QCPTextElement*>(e)) {
            text->setFont(zoomed(text, BaseProperty, text->font(), step));
        }
    }
    // Legends may sit inside an axis rect (not in the top layout): find them through the plot.
    QList<QCPLegend*> legends{plot->legend};
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPLayoutElement* e : rect->insetLayout()->elements(false))
            if (auto* legend = qobject_cast<QCPLegend*>(e); legend && !legends.contains(legend)) legends << legend;
    for (QCPLegend* legend : legends) {
        if (!legend) continue;
        legend->setFont(zoomed(legend, BaseProperty, legend->font(), step));
        for (int i = 0; i < legend->itemCount(); ++i) {
            QCPAbstractLegendItem* item = legend->item(i);
            item->setFont(zoomed(item, BaseProperty, item->font(), step));
        }
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace

PresentationZoom::PresentationZoom(QWidget* root) : QObject(root), root_(root) {}

double PresentationZoom::pointSize(double basePointSize, int step) { return std::max(5.0, basePointSize + step); }

void PresentationZoom::releaseZoomKeys(QsciScintilla* view) {
    for (QsciCommand::Command c : {QsciCommand::ZoomIn, QsciCommand::ZoomOut}) {
        if (QsciCommand* cmd = view->standardCommands()->find(c)) {
            cmd->setKey(0);
            cmd->setAlternateKey(0);
        }
    }
}

void PresentationZoom::setStep(int step) {
    step = std::clamp(step, MinStep, MaxStep);
    const bool changed = step != step_;
    step_ = step;
    reapply();
    if (changed) Q_EMIT stepChanged(step_);
}

void PresentationZoom::reapply() {
    if (!root_) return;
    // Plain widgets (tables, lists, labels, the run panel, menus) through a style sheet on the
    // root: with the application's style sheet in place, a font set on a parent does not reach
    // styled children. Only the size is set, so bold or monospace rules keep their look.
    const double base = basePointSize(root_, BaseProperty, QApplication::font());
    // Back at step 0 after a zoom the sheet names the base size instead of going away: removing
    // it left some children (the Problems header's viewport) painting at the zoomed size.
    const QString sheet = step_ == 0 && root_->styleSheet().isEmpty()
                              ? QString()
                              : QString("QWidget { font-size: %1pt; }").arg(pointSize(base, step_));
    if (root_->styleSheet() != sheet) {
        root_->setStyleSheet(sheet);
        Q_EMIT restyled();
    }
    applyTo(root_);
}

void PresentationZoom::applyTo(QWidget* widget) {
    for (QsciScintilla* view : widget->findChildren<QsciScintilla*>()) {
        view->zoomTo(step_);
        // The line-number margin is sized in pixels: measure again at the new size.
        if (view->marginType(0) == QsciScintilla::NumberMargin && view->marginWidth(0) > 0)
            view->setMarginWidth(0, QString(view->property("lomawMarginDigits").toString().isEmpty()
                                                ? QStringLiteral("00000")
                                                : view->property("lomawMarginDigits").toString()));
        if (!view->viewport()->property(FilterProperty).toBool()) {
            view->viewport()->installEventFilter(this);
            view->viewport()->setProperty(FilterProperty, true);
        }
    }
    for (QCustomPlot* plot : widget->findChildren<QCustomPlot*>()) zoomPlot(plot, step_);
}

bool PresentationZoom::eventFilter(QObject* watched, QEvent* event) {
    // Ctrl+wheel over any code pane zooms everything, as the keys do.
    if (event->type() == QEvent::Wheel) {
        auto* wheel = static_cast<QWheelEvent*>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            const int dy = wheel->angleDelta().y();
            if (dy > 0) zoomIn();
            else if (dy < 0) zoomOut();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace lomaw::gui
