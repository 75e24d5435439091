// The generated-code panes as one group: each analysis goes to all of them, the editor's cursor
// line is linked in all of them, and the function selector scrolls all of them.
#pragma once

#include <QObject>
#include <functional>

#include "Analysis.h"

namespace lomaw::gui {

class CodeView;

class CodeViewSet : public QObject {
    Q_OBJECT
public:
    explicit CodeViewSet(QObject* parent = nullptr);

    // Creates one pane per stage (owned by `parentWidget` until placed in a layout/dock).
    void create(const QList<Stage>& stages, QWidget* parentWidget);
    const QList<CodeView*>& views() const { return views_; }
    CodeView* view(Stage stage) const;
    QList<Stage> stages() const;

    void showAnalysis(const AnalysisResult& result);
    void setLinkedSourceLine(int line1);
    void setParallelLoopLines(const QList<int>& lines1);
    void scrollToFunction(const QString& name, int defLine);
    void setDarkTheme(bool dark);
    void setHoverSourceLine(int line1);
    void setSourceColouring(bool on);
    // Every kernel line that some pane shows generated code for (for the editor's colours).
    QList<int> mappedSourceLines() const;
    void setBadgeTipProvider(const std::function<QString(int sourceLine1)>& f);

Q_SIGNALS:
    void sourceLineActivated(int line1);
    void sourceLineHovered(int line1);

private:
    QList<CodeView*> views_;
};

}  // namespace lomaw::gui
