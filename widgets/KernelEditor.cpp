#include "KernelEditor.h"

#include "KernelCompletions.h"
#include "LomaLexer.h"
#include "ScopeTable.h"

namespace lomaw::gui {

KernelEditor::KernelEditor(QWidget* parent) : QsciScintilla(parent) {
    lexer_ = new LomaLexer(this);
    setLexer(lexer_);
    completions_ = new KernelCompletions(lexer_);
    setUtf8(true);

    // Margin 0: line numbers; 1: diagnostic markers; 2: folding.
    setMarginType(0, NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginWidth(0, QString("00000"));
    setMarginType(1, SymbolMargin);
    setMarginWidth(1, 16);
    setMarginSensitivity(1, false);
    setMarginMarkerMask(1, (1 << ErrorMarker) | (1 << WarningMarker) | (1 << ParallelLoopMarker));
    setFolding(BoxedTreeFoldStyle, 2);

    markerDefine(Circle, ErrorMarker);
    markerDefine(RightTriangle, WarningMarker);
    markerDefine(Background, LinkBandMarker);
    markerDefine(ScopeTable::parallelLoopBadge(), ParallelLoopMarker);
    indicatorDefine(SquiggleIndicator, ErrorIndicator);
    indicatorDefine(SquiggleIndicator, WarningIndicator);

    setIndentationsUseTabs(false);
    setIndentationWidth(4);
    setTabWidth(4);
    setAutoIndent(true);
    setIndentationGuides(true);
    setBackspaceUnindents(true);
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    setCaretLineFrameWidth(1);  // a frame, so the link band under the cursor line stays visible
    setEdgeMode(EdgeLine);
    setEdgeColumn(100);

    setAutoCompletionSource(AcsAPIs);
    setAutoCompletionThreshold(2);
    setAutoCompletionCaseSensitivity(true);
    setAutoCompletionReplaceWord(true);
    setCallTipsStyle(CallTipsNoContext);
    setCallTipsVisible(0);

    connect(this, &QsciScintilla::SCN_CHARADDED, this, &KernelEditor::onCharAdded);
    connect(this, &QsciScintilla::cursorPositionChanged, this, &KernelEditor::onCursorMoved);
    setDarkTheme(false);
}

void KernelEditor::setDarkTheme(bool dark) {
    lexer_->setDarkTheme(dark);
    setMarginsBackgroundColor(dark ? QColor("#26282c") : QColor("#f3f4f6"));
    setMarginsForegroundColor(dark ? QColor("#868b94") : QColor("#6e7781"));
    setFoldMarginColors(dark ? QColor("#26282c") : QColor("#f3f4f6"), dark ? QColor("#26282c") : QColor("#f3f4f6"));
    setCaretForegroundColor(dark ? QColor("#e6e6e6") : QColor("#000000"));
    setCaretLineBackgroundColor(dark ? QColor("#2a2d33") : QColor("#f6f8fa"));
    setMarkerBackgroundColor(QColor("#d73a49"), ErrorMarker);
    setMarkerForegroundColor(QColor("#d73a49"), ErrorMarker);
    setMarkerBackgroundColor(QColor("#e0a100"), WarningMarker);
    setMarkerForegroundColor(QColor("#e0a100"), WarningMarker);
    setMarkerBackgroundColor(dark ? QColor("#3b3a1e") : QColor("#fff3b0"), LinkBandMarker);
    setIndicatorForegroundColor(QColor("#d73a49"), ErrorIndicator);
    setIndicatorForegroundColor(QColor("#e0a100"), WarningIndicator);
    setEdgeColor(dark ? QColor("#33363c") : QColor("#eaeef2"));
    setMatchedBraceBackgroundColor(dark ? QColor("#3e4451") : QColor("#dbe9ff"));
    recolor();
}

int KernelEditor::byteIndex(int line0, int column1) const {
    // Diagnostics count characters; Scintilla indexes bytes within the line (UTF-8).
    const QString text = this->text(line0);
    return int(text.left(std::max(0, column1 - 1)).toUtf8().size());
}

void KernelEditor::setDiagnostics(const QList<DiagnosticItem>& diagnostics) {
    markerDeleteAll(ErrorMarker);
    markerDeleteAll(WarningMarker);
    const int last = std::max(0, lines() - 1);
    clearIndicatorRange(0, 0, last, lineLength(last), ErrorIndicator);
    clearIndicatorRange(0, 0, last, lineLength(last), WarningIndicator);
    for (const DiagnosticItem& d : diagnostics) {
        if (d.line <= 0 || d.severity == Severity::Note) continue;
        const int line0 = std::min(d.line - 1, last);
        const bool error = d.severity == Severity::Error;
        markerAdd(line0, error ? ErrorMarker : WarningMarker);
        // Squiggle the word at the position (at least one character).
        const QString text = this->text(line0);
        int from = std::clamp(d.column - 1, 0, int(std::max<qsizetype>(0, text.size() - 1)));
        int to = from;
        while (to < text.size() && (text[to].isLetterOrNumber() || text[to] == '_')) ++to;
        if (to == from) to = from + 1;
        int fromByte = byteIndex(line0, from + 1);
        int toByte = byteIndex(line0, to + 1);
        fillIndicatorRange(line0, fromByte, line0, toByte, error ? ErrorIndicator : WarningIndicator);
    }
}

bool KernelEditor::hasErrorMarker(int line1) const {
    return (const_cast<KernelEditor*>(this)->markersAtLine(line1 - 1) & (1 << ErrorMarker)) != 0;
}

bool KernelEditor::hasWarningMarker(int line1) const {
    return (const_cast<KernelEditor*>(this)->markersAtLine(line1 - 1) & (1 << WarningMarker)) != 0;
}

int KernelEditor::errorIndicatorStart(int line1) const {
    auto* self = const_cast<KernelEditor*>(this);
    const long start = self->SendScintilla(SCI_POSITIONFROMLINE, static_cast<unsigned long>(line1 - 1));
    const long end = self->SendScintilla(SCI_GETLINEENDPOSITION, static_cast<unsigned long>(line1 - 1));
    for (long pos = start; pos < end; ++pos)
        if (self->SendScintilla(SCI_INDICATORVALUEAT, static_cast<unsigned long>(ErrorIndicator), pos) != 0)
            return int(pos - start);
    return -1;
}

void KernelEditor::setModuleNames(const AnalysisResult& result) {
    QMap<QString, QString> signatures;
    for (const FunctionInfo& f : result.functions) signatures.insert(f.name, f.signature());
    completions_->setModuleNames(signatures, result.structNames, result.memberNames);
}

void KernelEditor::setParallelLoopLines(const QList<int>& lines1) {
    markerDeleteAll(ParallelLoopMarker);
    for (int line : lines1)
        if (line > 0 && line <= lines()) markerAdd(line - 1, ParallelLoopMarker);
}

bool KernelEditor::hasParallelLoopMarker(int line1) const {
    return (const_cast<KernelEditor*>(this)->markersAtLine(line1 - 1) & (1 << ParallelLoopMarker)) != 0;
}

void KernelEditor::setLinkedLine(int line1) {
    markerDeleteAll(LinkBandMarker);
    if (line1 > 0 && line1 <= lines()) markerAdd(line1 - 1, LinkBandMarker);
}

void KernelEditor::goTo(int line1, int column1, bool focus) {
    const int line0 = std::clamp(line1 - 1, 0, std::max(0, lines() - 1));
    setCursorPosition(line0, byteIndex(line0, column1));
    ensureLineVisible(line0);
    if (focus) setFocus();
    // Scintilla reports the move only at its next UI update; link now.
    onCursorMoved(line0, 0);
}

int KernelEditor::cursorLine1() const {
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    return line + 1;
}

void KernelEditor::onCharAdded(int ch) {
    // Python-style block indent: after a line ending in ':' the new line goes one level deeper.
    // QScintilla has already copied the previous line's indentation (setAutoIndent).
    if (ch != '\n' && ch != '\r') return;
    int line = 0, index = 0;
    getCursorPosition(&line, &index);
    if (line == 0) return;
    QString prev = text(line - 1);
    const int hash = int(prev.indexOf('#'));
    if (hash >= 0) prev = prev.left(hash);
    if (!prev.trimmed().endsWith(':')) return;
    const int want = indentation(line - 1) + indentationWidth();
    setIndentation(line, want);
    setCursorPosition(line, want);
}

void KernelEditor::onCursorMoved(int line, int) {
    if (line == lastCursorLine_) return;
    lastCursorLine_ = line;
    Q_EMIT cursorLineChanged(line + 1);
}

}  // namespace lomaw::gui
