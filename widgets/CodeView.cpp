#include "CodeView.h"

#include <Qsci/qscilexercpp.h>
#include <Qsci/qsciscintilla.h>
#include <QEvent>
#include <QHash>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QToolTip>
#include <QRegularExpression>
#include <QStyle>
#include <QVBoxLayout>

#include "LineLinkMarkers.h"
#include "LomaLexer.h"
#include "PresentationZoom.h"
#include "ScopeTable.h"

namespace lomaw::gui {

namespace {
constexpr int LinkBandMarker = linkmarkers::LinkBand;  // same markers and colours as the editor's
constexpr int HoverBandMarker = linkmarkers::HoverBand;
constexpr int ParallelLoopMarker = 3;
}

CodeView::CodeView(Stage stage, QWidget* parent) : QWidget(parent), stage_(stage) {
    setObjectName(QString("codeView_%1").arg(int(stage)));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    status_ = new QLabel(this);
    status_->setObjectName("codeViewStatus");
    status_->setWordWrap(true);
    status_->setContentsMargins(6, 3, 6, 3);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_->hide();
    text_ = new QsciScintilla(this);
    text_->setReadOnly(true);
    text_->setUtf8(true);
    text_->setMarginType(0, QsciScintilla::NumberMargin);
    text_->setMarginLineNumbers(0, true);
    text_->setMarginWidth(0, QString("0000"));
    text_->setMarginType(1, QsciScintilla::SymbolMargin);
    text_->setMarginWidth(1, 16);
    text_->setMarginMarkerMask(1, 1 << ParallelLoopMarker);
    text_->markerDefine(ScopeTable::parallelLoopBadge(), ParallelLoopMarker);
    setupTapeMargin(text_);
    text_->setCaretLineVisible(true);
    text_->setCaretLineFrameWidth(1);
    // Allow scrolling past the end, so the function selector can put any function at the top.
    text_->SendScintilla(QsciScintilla::SCI_SETENDATLASTLINE, 0UL);
    PresentationZoom::releaseZoomKeys(text_);
    if (stage == Stage::Diff || stage == Stage::Ast) {
        lexer_ = new LomaLexer(text_);
    } else {
        auto* cpp = new QsciLexerCPP(text_);
        QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        mono.setPointSize(10);
        cpp->setDefaultFont(mono);
        cpp->setFont(mono);
        lexer_ = cpp;
    }
    text_->setLexer(lexer_);
    layout->addWidget(status_);
    layout->addWidget(text_, 1);
    connect(text_, &QsciScintilla::cursorPositionChanged, this, &CodeView::onCursorMoved);
    // A click links at once: Scintilla reports cursor moves only when it next updates its UI.
    text_->viewport()->installEventFilter(this);
    text_->viewport()->setMouseTracking(true);
    setDarkTheme(false);
}

void CodeView::setDarkTheme(bool dark) {
    dark_ = dark;
    const QColor paper = dark ? QColor("#1e1f22") : QColor("#ffffff");
    if (auto* loma = qobject_cast<LomaLexer*>(lexer_)) {
        loma->setDarkTheme(dark);
    } else if (auto* cpp = qobject_cast<QsciLexerCPP*>(lexer_)) {
        cpp->setDefaultPaper(paper);
        cpp->setPaper(paper);
        cpp->setDefaultColor(dark ? QColor("#d8dade") : QColor("#1f2328"));
        if (dark) {
            cpp->setColor(QColor("#d8dade"), QsciLexerCPP::Default);
            cpp->setColor(QColor("#d8dade"), QsciLexerCPP::Identifier);
            cpp->setColor(QColor("#c678dd"), QsciLexerCPP::Keyword);
            cpp->setColor(QColor("#7f848e"), QsciLexerCPP::Comment);
            cpp->setColor(QColor("#7f848e"), QsciLexerCPP::CommentLine);
            cpp->setColor(QColor("#d19a66"), QsciLexerCPP::Number);
            cpp->setColor(QColor("#98c379"), QsciLexerCPP::PreProcessor);
            cpp->setColor(QColor("#abb2bf"), QsciLexerCPP::Operator);
            cpp->setColor(QColor("#e5c07b"), QsciLexerCPP::DoubleQuotedString);
        } else {
            const QsciLexerCPP defaults;
            for (int s = 0; s <= QsciLexerCPP::PreProcessorCommentLineDoc; ++s) cpp->setColor(defaults.color(s), s);
        }
    }
    text_->setMarginsBackgroundColor(dark ? QColor("#26282c") : QColor("#f3f4f6"));
    text_->setMarginsForegroundColor(dark ? QColor("#868b94") : QColor("#6e7781"));
    text_->setCaretLineBackgroundColor(dark ? QColor("#2a2d33") : QColor("#f6f8fa"));
    defineLinkMarkers(text_, dark);
    text_->recolor();
}

void CodeView::showResult(const StageText& result, bool kernelOk) {
    updating_ = true;
    if (!kernelOk) {
        // Keep the last good text: it still helps while the user fixes a typo.
        status_->setText(hasText_ ? "Out of date: the kernel has errors (see Problems)."
                                  : "No code yet: the kernel has errors (see Problems).");
        status_->setProperty("state", "stale");
        status_->show();
    } else if (result.ok) {
        // Most keystrokes leave a stage's text as it was: then the pane is not reset (setText
        // re-lexes and repaints the whole pane on the UI thread).
        if (!hasText_ || text_->text() != result.text) {
            int first = text_->firstVisibleLine();
            text_->setText(result.text);
            text_->setProperty("tapeBadges", QVariant());  // a new document: badges drawn again
            text_->setFirstVisibleLine(first);
        }
        map_ = result.sourceLines;
        hasText_ = true;
        status_->hide();
        setParallelLoopLines(loopLines_);
        setTapeBadges(tapeBadges_);
        if (colouring_) applySourceColours(text_, map_);
    } else {
        text_->clear();
        map_.clear();
        hasText_ = false;
        status_->setText(result.message);
        status_->setProperty("state", "unavailable");
        status_->show();
    }
    status_->style()->unpolish(status_);
    status_->style()->polish(status_);
    updating_ = false;
}

QString CodeView::statusText() const { return status_->isHidden() ? QString() : status_->text(); }

int CodeView::sourceLineOf(int line1) const {
    return line1 >= 1 && line1 <= map_.size() ? map_[line1 - 1] : 0;
}

void CodeView::setParallelLoopLines(const QList<int>& lines1) {
    loopLines_ = lines1;
    text_->markerDeleteAll(ParallelLoopMarker);
    badged_.clear();
    // A pragma is attributed to the pragma's kernel line or to its loop's `for` line.
    for (int k = 0; k < map_.size(); ++k) {
        if (!(lines1.contains(map_[k]) || lines1.contains(map_[k] + 1))) continue;
        if (!text_->text(k).contains("#pragma omp")) continue;
        text_->markerAdd(k, ParallelLoopMarker);
        badged_ << k + 1;
    }
}

void CodeView::setTapeBadges(const QList<TapeBadge>& badges) {
    tapeBadges_ = badges;
    tapeLines_.clear();
    if (stage_ == Stage::Diff && !badges.isEmpty()) {
        // One pass over the line map, on the UI thread: only top-level lines (a `def` starts a
        // function) and lines of a badged kernel line are read as text.
        QHash<int, const TapeBadge*> byLine;
        for (const TapeBadge& b : badges) byLine.insert(b.line, &b);
        QString function;
        for (int k = 0; k < int(map_.size()); ++k) {
            const long indent = text_->SendScintilla(QsciScintilla::SCI_GETLINEINDENTATION, static_cast<unsigned long>(k));
            if (indent == 0 && text_->lineLength(k) > 1) {
                const QString line = text_->text(k);
                function = line.startsWith("def ") ? line.mid(4, line.indexOf('(') - 4) : QString();
                continue;
            }
            const TapeBadge* b = byLine.value(map_[k]);
            if (!b || !b->derivatives.contains(function)) continue;
            const QString code = text_->text(k).trimmed();
            if (code.startsWith("while") || code.startsWith("for ")) tapeLines_.insert(k + 1, *b);
        }
    }
    QList<QPair<int, QString>> lines0;
    for (auto it = tapeLines_.cbegin(); it != tapeLines_.cend(); ++it) lines0 << qMakePair(it.key() - 1, it->text);
    showTapeBadges(text_, lines0, dark_);
}

void CodeView::setLinkedSourceLine(int line1) {
    text_->markerDeleteAll(LinkBandMarker);
    linked_.clear();
    if (line1 <= 0) return;
    for (int k = 0; k < map_.size(); ++k) {
        if (map_[k] != line1) continue;
        text_->markerAdd(k, LinkBandMarker);
        linked_ << k + 1;
    }
    if (linked_.isEmpty()) return;
    // Bring the band into view unless it already is.
    const int first = linked_.first() - 1;
    const int top = text_->firstVisibleLine();
    const int visible = int(text_->SendScintilla(QsciScintilla::SCI_LINESONSCREEN));
    if (first < top || first >= top + visible) text_->setFirstVisibleLine(std::max(0, first - visible / 3));
}

void CodeView::setHoverSourceLine(int line1) {
    if (line1 == hoverSource_) return;
    hoverSource_ = line1;
    text_->markerDeleteAll(HoverBandMarker);
    hovered_.clear();
    if (line1 <= 0) return;
    for (int k = 0; k < map_.size(); ++k) {
        if (map_[k] != line1) continue;
        text_->markerAdd(k, HoverBandMarker);
        hovered_ << k + 1;
    }
}

void CodeView::setSourceColouring(bool on) {
    colouring_ = on;
    applySourceColours(text_, on ? map_ : QVector<int>());
}

QString CodeView::hoverTextAt(const QPoint& pos) const {
    const int line0 = lineAtViewportPoint(text_, pos);
    if (line0 >= 0 && tapeLines_.contains(line0 + 1) && pos.x() < text_->marginWidth(0) + text_->marginWidth(1) +
                                                                     text_->marginWidth(2) + text_->marginWidth(TapeMargin))
        return tapeLines_.value(line0 + 1).tip;
    if (line0 < 0 || !badged_.contains(line0 + 1) || !badgeTip_) return {};
    // Over the badge or anywhere on its pragma line.
    const int source = sourceLineOf(line0 + 1);
    // A pragma is attributed to its own kernel line or the loop's `for` line just below.
    const QString tip = badgeTip_(source);
    return tip.isEmpty() ? badgeTip_(source + 1) : tip;
}

bool CodeView::scrollToFunction(const QString& name, int defLine) {
    int target = -1;
    // Among the lines of the `def` line, prefer the definition to a C prototype (ends in ';').
    for (int k = 0; defLine > 0 && k < map_.size(); ++k) {
        if (map_[k] != defLine) continue;
        QString line = text_->text(k).trimmed();
        const int comment = int(line.indexOf("/*"));
        if (comment >= 0) line = line.left(comment).trimmed();
        if (target < 0) target = k;
        if (!line.endsWith(';')) {
            target = k;
            break;
        }
    }
    if (target < 0) {
        // Generated functions have no kernel line: find the definition by name.
        const QRegularExpression def(QString(R"((^|\s)%1\s*\()").arg(QRegularExpression::escape(name)));
        for (int k = 0; k < text_->lines(); ++k) {
            const QString line = text_->text(k);
            if (line.startsWith(' ') || line.startsWith('\t') || line.trimmed().endsWith(';')) continue;
            if (def.match(line).hasMatch()) {
                target = k;
                break;
            }
        }
    }
    if (target < 0) return false;
    text_->setFirstVisibleLine(target);
    return true;
}

bool CodeView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == text_->viewport() && event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = hoverTextAt(help->pos());
        if (tip.isEmpty()) QToolTip::hideText();
        else QToolTip::showText(help->globalPos(), tip, text_->viewport());
        return true;
    }
    if (watched == text_->viewport() && (event->type() == QEvent::MouseMove || event->type() == QEvent::Leave)) {
        int source = 0;
        if (event->type() == QEvent::MouseMove) {
            const int line0 = lineAtViewportPoint(text_, static_cast<QMouseEvent*>(event)->position().toPoint());
            source = line0 >= 0 ? sourceLineOf(line0 + 1) : 0;
        }
        if (source != mouseSource_) {
            mouseSource_ = source;
            Q_EMIT sourceLineHovered(source);
        }
    }
    if (watched == text_->viewport() && event->type() == QEvent::MouseButtonRelease) {
        const long pos = text_->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS);
        const int line = int(text_->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, static_cast<unsigned long>(pos)));
        onCursorMoved(line, 0);
    }
    return QWidget::eventFilter(watched, event);
}

void CodeView::onCursorMoved(int line, int) {
    if (updating_) return;
    const int source = sourceLineOf(line + 1);
    if (source > 0) Q_EMIT sourceLineActivated(source);
}

}  // namespace lomaw::gui
