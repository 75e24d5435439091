// One read-only pane of generated code (derivatives, C, OpenMP C, MPI parent/child). It keeps
// the engine's line map: kernel line -> the generated lines that came from it get the link band,
// and a click on a generated line asks the editor to go to its source line.
#pragma once

#include <QWidget>
#include <functional>

#include "Analysis.h"
#include "TapeBadges.h"

class QLabel;
class QsciScintilla;
class QsciLexer;

namespace lomaw::gui {

class LomaLexer;

class CodeView : public QWidget {
    Q_OBJECT
public:
    explicit CodeView(Stage stage, QWidget* parent = nullptr);

    Stage stage() const { return stage_; }
    // A new analysis: `kernelOk` false means the kernel has errors, so the last good text stays
    // (marked out of date) rather than vanishing while the user types.
    void showResult(const StageText& result, bool kernelOk);
    void setLinkedSourceLine(int line1);
    // Hover linking: the hover band on every generated line of kernel line `line1` (0 clears).
    void setHoverSourceLine(int line1);
    QList<int> hoverLines() const { return hovered_; }
    // Colour lines by source: every generated line takes its kernel line's colour.
    void setSourceColouring(bool on);
    bool sourceColouring() const { return colouring_; }
    // The tool tip over a badged pragma line (1-based generated line) of a parallel loop.
    void setBadgeTipProvider(std::function<QString(int sourceLine1)> f) { badgeTip_ = std::move(f); }
    QString hoverTextAt(const QPoint& viewportPos) const;
    // Badges the `#pragma omp` lines generated from the parallel loops on kernel `lines1`.
    void setParallelLoopLines(const QList<int>& lines1);
    QList<int> parallelBadgeLines() const { return badged_; }
    // Tape badges (TapeBadges.h): the Derivatives pane puts each on the loop headers of its loop
    // inside the reverse derivatives named in the badge; other panes ignore them.
    void setTapeBadges(const QList<TapeBadge>& badges);
    // The tape badge text on 1-based generated line `line1` ("" for none).
    QString tapeBadgeText(int line1) const { return tapeLines_.value(line1).text; }
    // 1-based generated lines currently in the link band.
    QList<int> linkedLines() const { return linked_; }
    // Scrolls to the generated code of function `name` (defined on kernel line `defLine`, 0 if
    // generated); returns false when the pane does not contain it.
    bool scrollToFunction(const QString& name, int defLine);
    // The kernel line that generated 1-based line `line1` (0: none).
    int sourceLineOf(int line1) const;
    QString statusText() const;
    QsciScintilla* textView() const { return text_; }
    void setDarkTheme(bool dark);

Q_SIGNALS:
    void sourceLineActivated(int line1);
    // The mouse moved onto a generated line of kernel line `line1` (0: none).
    void sourceLineHovered(int line1);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onCursorMoved(int line, int index);

    Stage stage_;
    QLabel* status_;
    QsciScintilla* text_;
    QsciLexer* lexer_ = nullptr;
    QVector<int> map_;
    QList<int> linked_;
    QList<int> badged_;
    QList<TapeBadge> tapeBadges_;
    QMap<int, TapeBadge> tapeLines_;  // 1-based generated line -> its badge
    bool dark_ = false;
    QList<int> loopLines_;
    QList<int> hovered_;
    int hoverSource_ = 0;
    int mouseSource_ = 0;
    bool colouring_ = false;
    std::function<QString(int)> badgeTip_;
    bool updating_ = false;
    bool hasText_ = false;
};

}  // namespace lomaw::gui
