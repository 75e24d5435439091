// The kernel editor: QScintilla with the loma lexer, line numbers, folding, auto-indent
// (Python style: one level deeper after a ':' line), completion and call tips, diagnostics as
// margin markers and squiggles, and the linked-line colour band shared with the code views.
#pragma once

#include <Qsci/qsciscintilla.h>

#include "Analysis.h"

namespace lomaw::gui {

class LomaLexer;
class KernelCompletions;

class KernelEditor : public QsciScintilla {
    Q_OBJECT
public:
    enum Marker { ErrorMarker = 0, WarningMarker = 1, LinkBandMarker = 2, ParallelLoopMarker = 3 };
    enum Indicator { ErrorIndicator = 8, WarningIndicator = 9 };

    explicit KernelEditor(QWidget* parent = nullptr);

    void setDiagnostics(const QList<DiagnosticItem>& diagnostics);
    // Completion names from the latest successful analysis.
    void setModuleNames(const AnalysisResult& result);
    // Badges the `for` lines of parallel loops (1-based) in the marker margin.
    void setParallelLoopLines(const QList<int>& lines1);
    bool hasParallelLoopMarker(int line1) const;
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

Q_SIGNALS:
    void cursorLineChanged(int line1);

private:
    void onCharAdded(int ch);
    void onCursorMoved(int line, int index);
    int byteIndex(int line0, int column1) const;

    LomaLexer* lexer_;
    KernelCompletions* completions_;
    int lastCursorLine_ = -1;
};

}  // namespace lomaw::gui
