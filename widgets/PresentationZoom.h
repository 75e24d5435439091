// One zoom for the whole window, for teaching from a projector: every code pane (QScintilla
// zoom, in points over its fonts), every other widget's font and every plot's fonts (axes,
// titles, legends) follow one step in points. Ctrl+wheel over any code pane changes the same
// step, and QScintilla's own per-pane zoom keys are taken away so Ctrl+= / Ctrl+- / Ctrl+0 reach
// the window's actions on every keyboard layout.
#pragma once

#include <QObject>
#include <QPointer>

class QWidget;
class QsciScintilla;

namespace lomaw::gui {

class PresentationZoom : public QObject {
    Q_OBJECT
public:
    static constexpr int MinStep = -4;
    static constexpr int MaxStep = 24;

    explicit PresentationZoom(QWidget* root);
    int step() const { return step_; }
    // Sets the step (clamped to [MinStep, MaxStep]) and applies it to every widget under root.
    void setStep(int step);
    void zoomIn() { setStep(step_ + 1); }
    void zoomOut() { setStep(step_ - 1); }
    void reset() { setStep(0); }
    // Applies the current step again (after new widgets or plots appeared).
    void reapply();

    // Removes QScintilla's built-in zoom keys (Ctrl+keypad +/-, Ctrl+keypad /) from `view`.
    static void releaseZoomKeys(QsciScintilla* view);
    // The point size for text of `basePointSize` at `step`.
    static double pointSize(double basePointSize, int step);

Q_SIGNALS:
    void stepChanged(int step);
    // The root's style sheet changed: QScintilla views take the palette's colours again, so
    // their theme colours need applying once more.
    void restyled();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyTo(QWidget* widget);
    QPointer<QWidget> root_;
    int step_ = 0;
};

}  // namespace lomaw::gui
