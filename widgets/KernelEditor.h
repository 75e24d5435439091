// The kernel editor: QScintilla with the loma lexer, line numbers, folding, auto-indent
// (Python style: one level deeper after a ':' line), completion and call tips, diagnostics as
// margin markers and squiggles, and the linked-line colour band shared with the code views.
// Hovering a squiggle or a margin marker shows the diagnostic; hovering a parallel-loop badge
// explains the loop's scopes; the line under the mouse is reported for hover linking.
#pragma once

#include <Qsci/qsciscintilla.h>
#include <functional>

#include "Analysis.h"
#include "KernelLanguage.h"
#include "TapeBadges.h"

class QsciLexerFortran77;

namespace lomaw::gui {

class LomaLexer;
class KernelCompletions;

class KernelEditor : public QsciScintilla {
    Q_OBJECT
public:
    // 2 and 4..14 are the shared link markers (LineLinkMarkers.h).
    enum Marker { ErrorMarker = 0, WarningMarker = 1, LinkBandMarker = 2, ParallelLoopMarker = 3, HoverBandMarker = 4 };
    enum Indicator { ErrorIndicator = 8, WarningIndicator = 9 };

    explicit KernelEditor(QWidget* parent = nullptr);

    // The colouring and editing rules of the file's language: the loma lexer with completion
    // and Python-style indentation, or QScintilla's Fortran lexer (free or fixed form).
    void setLanguage(KernelLanguage language);
    KernelLanguage language() const { return language_; }

    void setDiagnostics(const QList<DiagnosticItem>& diagnostics);
    // Completion names from the latest successful analysis.
    void setModuleNames(const AnalysisResult& result);
    // Badges the `for` lines of parallel loops (1-based) in the marker margin.
    void setParallelLoopLines(const QList<int>& lines1);
    bool hasParallelLoopMarker(int line1) const;
    // Tape badges (TapeBadges.h) on the loop lines of reverse derivatives, in the tape margin.
    void setTapeBadges(const QList<TapeBadge>& badges);
    // The badge text on 1-based `line1` ("" for none).
    QString tapeBadgeText(int line1) const;
    // Colours kernel line `line1` (1-based; 0 clears) with the link band.
    void setLinkedLine(int line1);
    // Moves the cursor to 1-based line/column, makes it visible and (with `focus`) focuses.
    void goTo(int line1, int column1 = 1, bool focus = true);
    int cursorLine1() const;
    void setDarkTheme(bool dark);

    // Tests and the status bar: does 1-based `line1` carry an error / warning marker?
    bool hasErrorMarker(int line1) const;
    bool hasWarningMarker(int line1) const;
    int errorIndicatorStart(int line1) const;  // first byte index of the line with the error squiggle, -1 if none

    // Hover: the text of the tool tip at a point of the viewport ("" for none): the
    // diagnostics of a squiggle or of a line's margin marker, a parallel loop's scopes over its
    // badge (loopTip), a variable's scopes over its name (wordTip).
    QString hoverTextAt(const QPoint& viewportPos) const;
    void setLoopTipProvider(std::function<QString(int line1)> f) { loopTip_ = std::move(f); }
    void setWordTipProvider(std::function<QString(const QString& word, int line1)> f) { wordTip_ = std::move(f); }
    // The hover band on kernel line `line1` (0 clears): the mouse is over a generated line of it.
    void setHoverLine(int line1);
    int hoverLine() const { return hoverLine1_; }
    // Colour lines by source: each kernel line in `lines1` gets its palette colour (empty: off).
    void setSourceColouredLines(const QList<int>& lines1);

Q_SIGNALS:
    void cursorLineChanged(int line1);
    // The mouse moved onto kernel line `line1` (0: off the text).
    void hoveredLineChanged(int line1);
    // Local files were dropped on the editor: they are to be opened, not pasted as text.
    void filesDropped(const QStringList& paths);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString diagnosticsText(int line1, int column1, bool wholeLine) const;
    void onCharAdded(int ch);
    void onCursorMoved(int line, int index);
    int byteIndex(int line0, int column1) const;

    LomaLexer* lexer_;
    QsciLexerFortran77* fortranLexer_ = nullptr;
    KernelLanguage language_ = KernelLanguage::Loma;
    KernelCompletions* completions_;
    int lastCursorLine_ = -1;
    int hoverLine1_ = 0;
    int mouseLine1_ = 0;
    bool dark_ = false;
    QList<DiagnosticItem> diagnostics_;
    QList<TapeBadge> tapeBadges_;
    std::function<QString(int)> loopTip_;
    std::function<QString(const QString&, int)> wordTip_;
};

}  // namespace lomaw::gui
