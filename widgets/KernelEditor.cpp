#include "KernelEditor.h"

#include <Qsci/qscilexerfortran77.h>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>

#include "FileDrop.h"

#include "KernelCompletions.h"
#include "LineLinkMarkers.h"
#include "LomaLexer.h"
#include "PresentationZoom.h"
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
    setupTapeMargin(this);  // margin 3: tape badges

    markerDefine(Circle, ErrorMarker);
    markerDefine(RightTriangle, WarningMarker);
    markerDefine(ScopeTable::parallelLoopBadge(), ParallelLoopMarker);
    indicatorDefine(SquiggleIndicator, ErrorIndicator);
    indicatorDefine(SquiggleIndicator, WarningIndicator);

    setIndentationsUseTabs(false);
    setIndentationWidth(4);
    setTabWidth(4);
    setAutoIndent(true);
    setIndentationGuides(true);
    setBackspaceUnindents(true);
    setTabIndents(true);
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

    PresentationZoom::releaseZoomKeys(this);
    viewport()->setMouseTracking(true);
    viewport()->installEventFilter(this);

    connect(this, &QsciScintilla::SCN_CHARADDED, this, &KernelEditor::onCharAdded);
    connect(this, &QsciScintilla::cursorPositionChanged, this, &KernelEditor::onCursorMoved);
    setDarkTheme(false);
}

void KernelEditor::setLanguage(KernelLanguage language) {
    if (language == language_) return;
    language_ = language;
    if (fortranLexer_) {
        // Free and fixed form are two lexer classes: the old one goes, whichever comes next.
        setLexer(lexer_);
        delete fortranLexer_;
        fortranLexer_ = nullptr;
    }
    if (isFortran(language)) {
        fortranLexer_ = makeFortranLexer(language, dark_, this);
        setLexer(fortranLexer_);
    }
    setDarkTheme(dark_);  // setLexer restyles the whole view
}

void KernelEditor::setDarkTheme(bool dark) {
    dark_ = dark;
    lexer_->setDarkTheme(dark);
    if (fortranLexer_) applyFortranColours(fortranLexer_, dark);
    defineLinkMarkers(this, dark);
    setMarginsBackgroundColor(dark ? QColor("#26282c") : QColor("#f3f4f6"));
    setMarginsForegroundColor(dark ? QColor("#868b94") : QColor("#6e7781"));
    setFoldMarginColors(dark ? QColor("#26282c") : QColor("#f3f4f6"), dark ? QColor("#26282c") : QColor("#f3f4f6"));
    setCaretForegroundColor(dark ? QColor("#e6e6e6") : QColor("#000000"));
    setCaretLineBackgroundColor(dark ? QColor("#2a2d33") : QColor("#f6f8fa"));
    setMarkerBackgroundColor(QColor("#d73a49"), ErrorMarker);
    setMarkerForegroundColor(QColor("#d73a49"), ErrorMarker);
    setMarkerBackgroundColor(QColor("#e0a100"), WarningMarker);
    setMarkerForegroundColor(QColor("#e0a100"), WarningMarker);
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
    diagnostics_ = diagnostics;
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

void KernelEditor::setTapeBadges(const QList<TapeBadge>& badges) {
    tapeBadges_ = badges;
    QList<QPair<int, QString>> lines0;
    for (const TapeBadge& b : badges) lines0 << qMakePair(b.line - 1, b.text);
    showTapeBadges(this, lines0, dark_);
}

QString KernelEditor::tapeBadgeText(int line1) const {
    for (const TapeBadge& b : tapeBadges_)
        if (b.line == line1) return b.text;
    return {};
}

bool KernelEditor::hasParallelLoopMarker(int line1) const {
    return (const_cast<KernelEditor*>(this)->markersAtLine(line1 - 1) & (1 << ParallelLoopMarker)) != 0;
}

void KernelEditor::setLinkedLine(int line1) {
    markerDeleteAll(LinkBandMarker);
    if (line1 > 0 && line1 <= lines()) markerAdd(line1 - 1, LinkBandMarker);
}

void KernelEditor::setHoverLine(int line1) {
    if (line1 == hoverLine1_) return;
    hoverLine1_ = line1;
    markerDeleteAll(HoverBandMarker);
    if (line1 > 0 && line1 <= lines()) markerAdd(line1 - 1, HoverBandMarker);
}

void KernelEditor::setSourceColouredLines(const QList<int>& lines1) {
    QVector<int> map(lines(), 0);
    for (int line : lines1)
        if (line > 0 && line <= map.size()) map[line - 1] = line;
    applySourceColours(this, map);
}

QString KernelEditor::diagnosticsText(int line1, int column1, bool wholeLine) const {
    QStringList parts;
    for (const DiagnosticItem& d : diagnostics_) {
        if (d.line != line1 || d.severity == Severity::Note) continue;
        // Over a squiggle: the diagnostics whose word covers the column.
        if (!wholeLine) {
            const QString text = const_cast<KernelEditor*>(this)->text(line1 - 1);
            int end = d.column - 1;
            while (end < text.size() && (text[end].isLetterOrNumber() || text[end] == '_')) ++end;
            if (column1 < d.column || column1 > std::max(end, d.column)) continue;
        }
        // <nobr>: Qt wraps tool tips narrowly; a diagnostic reads best on one line.
        QString html = QString("<nobr><b>%1</b> %2</nobr><br><span style='color:#6e7781'>%3:%4 · %5</span>")
                           .arg(d.severity == Severity::Error ? "error:" : "warning:", d.message.toHtmlEscaped())
                           .arg(d.line).arg(d.column).arg(d.code.toHtmlEscaped());
        for (const QString& note : d.notes) html += "<br>note: " + note.toHtmlEscaped();
        parts << html;
    }
    return parts.join("<hr>");
}

QString KernelEditor::hoverTextAt(const QPoint& pos) const {
    auto* self = const_cast<KernelEditor*>(this);
    const int line0 = lineAtViewportPoint(self, pos);
    if (line0 < 0) return {};
    int textLeft = 0;
    for (int m = 0; m < 5; ++m) textLeft += marginWidth(m);
    if (pos.x() < textLeft) {
        // The margins: a diagnostic marker, a parallel-loop badge, a tape badge.
        QStringList parts;
        const QString diag = diagnosticsText(line0 + 1, 0, true);
        if (!diag.isEmpty()) parts << diag;
        if (hasParallelLoopMarker(line0 + 1) && loopTip_) parts << loopTip_(line0 + 1);
        for (const TapeBadge& b : tapeBadges_)
            if (b.line == line0 + 1) parts << b.tip;
        parts.removeAll(QString());
        return parts.join("<hr>");
    }
    // The character under the point (not the nearest caret position, which is the next one
    // over the right half of a character).
    const long position = self->SendScintilla(SCI_CHARPOSITIONFROMPOINTCLOSE, static_cast<unsigned long>(pos.x()), static_cast<long>(pos.y()));
    if (position < 0) return {};
    int line = 0, index = 0;
    lineIndexFromPosition(int(position), &line, &index);
    for (int indicator : {int(ErrorIndicator), int(WarningIndicator)}) {
        if (self->SendScintilla(SCI_INDICATORVALUEAT, static_cast<unsigned long>(indicator), position) == 0) continue;
        // Scintilla indexes bytes; diagnostics count characters.
        const int column1 = int(QString::fromUtf8(self->text(line).toUtf8().left(index)).size()) + 1;
        const QString diag = diagnosticsText(line + 1, column1, false);
        if (!diag.isEmpty()) return diag;
        return diagnosticsText(line + 1, 0, true);
    }
    if (wordTip_) return wordTip_(self->wordAtLineIndex(line, index), line + 1);
    return {};
}

bool KernelEditor::eventFilter(QObject* watched, QEvent* event) {
    if (watched == viewport()) {
        // Files dragged from a file manager are opened; dragged text is still inserted.
        const QStringList files = droppedFiles(event);
        if (!files.isEmpty()) {
            if (event->type() == QEvent::Drop) Q_EMIT filesDropped(files);
            return true;
        }
        if (event->type() == QEvent::ToolTip) {
            auto* help = static_cast<QHelpEvent*>(event);
            const QString tip = hoverTextAt(help->pos());
            if (tip.isEmpty()) QToolTip::hideText();
            else QToolTip::showText(help->globalPos(), tip, viewport());
            return true;
        }
        if (event->type() == QEvent::MouseMove || event->type() == QEvent::Leave) {
            int line1 = 0;
            if (event->type() == QEvent::MouseMove) {
                const int line0 = lineAtViewportPoint(this, static_cast<QMouseEvent*>(event)->position().toPoint());
                line1 = line0 >= 0 ? line0 + 1 : 0;
            }
            if (line1 != mouseLine1_) {
                mouseLine1_ = line1;
                Q_EMIT hoveredLineChanged(line1);
            }
        }
    }
    return QsciScintilla::eventFilter(watched, event);
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
    if (isFortran(language_)) return;  // Fortran blocks end with `end`, not a ':' line
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
