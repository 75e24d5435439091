#include "CodeViewSet.h"

#include <Qsci/qsciscintilla.h>
#include <QSet>

#include "CodeView.h"

namespace lomaw::gui {

CodeViewSet::CodeViewSet(QObject* parent) : QObject(parent) {}

void CodeViewSet::create(const QList<Stage>& stages, QWidget* parentWidget) {
    for (Stage s : stages) {
        auto* v = new CodeView(s, parentWidget);
        connect(v, &CodeView::sourceLineActivated, this, &CodeViewSet::sourceLineActivated);
        connect(v, &CodeView::sourceLineHovered, this, &CodeViewSet::sourceLineHovered);
        views_ << v;
    }
}

CodeView* CodeViewSet::view(Stage stage) const {
    for (CodeView* v : views_)
        if (v->stage() == stage) return v;
    return nullptr;
}

QList<Stage> CodeViewSet::stages() const {
    QList<Stage> out;
    for (CodeView* v : views_) out << v->stage();
    return out;
}

void CodeViewSet::showAnalysis(const AnalysisResult& result) {
    // A Fortran file's panes always show why they are empty, errors or not (Analysis.h).
    for (CodeView* v : views_) v->showResult(result.stages.value(v->stage()), result.ok || result.fortran);
}

void CodeViewSet::setLinkedSourceLine(int line1) {
    for (CodeView* v : views_) v->setLinkedSourceLine(line1);
}

void CodeViewSet::setParallelLoopLines(const QList<int>& lines1) {
    for (CodeView* v : views_) v->setParallelLoopLines(lines1);
}

void CodeViewSet::scrollToFunction(const QString& name, int defLine) {
    for (CodeView* v : views_) v->scrollToFunction(name, defLine);
}

void CodeViewSet::setDarkTheme(bool dark) {
    for (CodeView* v : views_) v->setDarkTheme(dark);
}

}  // namespace lomaw::gui

namespace lomaw::gui {

void CodeViewSet::setHoverSourceLine(int line1) {
    for (CodeView* v : views_) v->setHoverSourceLine(line1);
}

void CodeViewSet::setSourceColouring(bool on) {
    for (CodeView* v : views_) v->setSourceColouring(on);
}

QList<int> CodeViewSet::mappedSourceLines() const {
    QSet<int> lines;
    for (CodeView* v : views_)
        for (int k = 1; k <= v->textView()->lines(); ++k)
            if (int s = v->sourceLineOf(k); s > 0) lines.insert(s);
    return QList<int>(lines.begin(), lines.end());
}

void CodeViewSet::setBadgeTipProvider(const std::function<QString(int)>& f) {
    for (CodeView* v : views_) v->setBadgeTipProvider(f);
}

}  // namespace lomaw::gui
