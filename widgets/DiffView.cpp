#include "DiffView.h"

#include <Qsci/qsciscintilla.h>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include "PresentationZoom.h"

namespace lomaw::gui {

namespace {
constexpr int NumberMargin = 0;

QsciScintilla* makePane(QWidget* parent) {
    auto* pane = new QsciScintilla(parent);
    pane->setReadOnly(true);
    pane->setUtf8(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSize(10);
    pane->setFont(mono);
    pane->setMarginType(NumberMargin, QsciScintilla::TextMargin);
    pane->setMarginWidth(NumberMargin, QString("00000"));
    pane->setMarginWidth(1, 0);
    pane->setCaretLineVisible(true);
    pane->setCaretLineFrameWidth(1);
    pane->setWrapMode(QsciScintilla::WrapNone);
    pane->setProperty("lomawMarginDigits", QString("00000"));
    for (int m : {DiffView::RemovedMarker, DiffView::AddedMarker, DiffView::ChangedMarker, DiffView::GapMarker})
        pane->markerDefine(QsciScintilla::Background, m);
    PresentationZoom::releaseZoomKeys(pane);
    return pane;
}
}  // namespace

DiffView::DiffView(QWidget* parent) : QWidget(parent) {
    setObjectName("diffView");
    preset_ = new QComboBox(this);
    preset_->setObjectName("diffPreset");
    preset_->setToolTip("Ready-made comparisons");
    left_ = new QComboBox(this);
    right_ = new QComboBox(this);
    left_->setObjectName("diffLeft");
    right_->setObjectName("diffRight");
    for (QComboBox* c : {preset_, left_, right_}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(6);  // the dock must shrink; the popup shows whole titles
    }
    auto* swap = new QToolButton(this);
    swap->setText("⇄");
    swap->setToolTip("Swap the two sides");
    stats_ = new QLabel(this);
    stats_->setObjectName("diffStats");
    stats_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(preset_, 2);
    bar->addWidget(left_, 2);
    bar->addWidget(swap);
    bar->addWidget(right_, 2);
    bar->addWidget(stats_, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    panes_[0] = makePane(split);
    panes_[1] = makePane(split);
    split->addWidget(panes_[0]);
    split->addWidget(panes_[1]);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    // Scroll together: rows are aligned, so the same first line shows the same row.
    for (int side = 0; side < 2; ++side) {
        QsciScintilla* self = panes_[side];
        QsciScintilla* other = panes_[1 - side];
        // Scintilla reports every scroll (wheel, keys, setFirstVisibleLine) in SCN_UPDATEUI.
        connect(self, &QsciScintilla::SCN_UPDATEUI, other, [self, other](int updated) {
            if (!(updated & (QsciScintilla::SC_UPDATE_V_SCROLL | QsciScintilla::SC_UPDATE_H_SCROLL))) return;
            if (other->firstVisibleLine() != self->firstVisibleLine()) other->setFirstVisibleLine(self->firstVisibleLine());
            const long x = self->SendScintilla(QsciScintilla::SCI_GETXOFFSET);
            if (other->SendScintilla(QsciScintilla::SCI_GETXOFFSET) != x) other->SendScintilla(QsciScintilla::SCI_SETXOFFSET, static_cast<unsigned long>(x));
        });
    }
    connect(preset_, &QComboBox::activated, this, [this](int index) {
        if (index > 0) applyPreset(preset_->itemText(index));
        Q_EMIT selectionChanged();
    });
    auto picked = [this] {
        if (filling_) return;
        compare(left_->currentData().toString(), right_->currentData().toString());
        Q_EMIT selectionChanged();
    };
    connect(left_, &QComboBox::activated, this, picked);
    connect(right_, &QComboBox::activated, this, picked);
    connect(swap, &QToolButton::clicked, this, [this] {
        compare(rightKey_, leftKey_);
        Q_EMIT selectionChanged();
    });
    setDarkTheme(false);
}

void DiffView::setDarkTheme(bool dark) {
    dark_ = dark;
    for (QsciScintilla* pane : panes_) {
        pane->setPaper(dark ? QColor("#1e1f22") : QColor("#ffffff"));
        pane->setColor(dark ? QColor("#d8dade") : QColor("#1f2328"));
        pane->setMarginsBackgroundColor(dark ? QColor("#26282c") : QColor("#f3f4f6"));
        pane->setMarginsForegroundColor(dark ? QColor("#868b94") : QColor("#6e7781"));
        pane->setCaretLineBackgroundColor(dark ? QColor("#2a2d33") : QColor("#f6f8fa"));
        pane->setMarkerBackgroundColor(dark ? QColor("#4a2328") : QColor("#ffd7d5"), RemovedMarker);
        pane->setMarkerBackgroundColor(dark ? QColor("#1f3d27") : QColor("#d1f5d9"), AddedMarker);
        pane->setMarkerBackgroundColor(dark ? QColor("#463a1a") : QColor("#fff1c2"), ChangedMarker);
        pane->setMarkerBackgroundColor(dark ? QColor("#2a2c30") : QColor("#eef0f3"), GapMarker);
    }
}

const DiffSource* DiffView::source(const QString& key) const {
    for (const DiffSource& s : sources_)
        if (s.key == key) return &s;
    return nullptr;
}

QStringList DiffView::presetTitles() const {
    QStringList out;
    for (const DiffPreset& p : presets_) out << p.title;
    return out;
}

void DiffView::setSources(const QList<DiffSource>& sources) {
    sources_ = sources;
    presets_ = diffPresets(sources);
    // A first pair: the first ready-made comparison.
    if ((leftKey_.isEmpty() || rightKey_.isEmpty()) && !presets_.isEmpty()) {
        leftKey_ = presets_.first().left;
        rightKey_ = presets_.first().right;
    }
    fillCombos();
    refill();
}

void DiffView::fillCombos() {
    filling_ = true;
    preset_->clear();
    preset_->addItem("Compare…");
    for (const DiffPreset& p : presets_) preset_->addItem(p.title);
    for (QComboBox* c : {left_, right_}) {
        c->clear();
        for (const DiffSource& s : sources_) c->addItem(s.title, s.key);
    }
    left_->setCurrentIndex(left_->findData(leftKey_));
    right_->setCurrentIndex(right_->findData(rightKey_));
    filling_ = false;
}

bool DiffView::applyPreset(const QString& title) {
    for (const DiffPreset& p : presets_)
        if (p.title == title) return compare(p.left, p.right);
    return false;
}

bool DiffView::compare(const QString& leftKey, const QString& rightKey) {
    leftKey_ = leftKey;
    rightKey_ = rightKey;
    filling_ = true;
    left_->setCurrentIndex(left_->findData(leftKey_));
    right_->setCurrentIndex(right_->findData(rightKey_));
    filling_ = false;
    refill();
    return source(leftKey) && source(rightKey);
}

void DiffView::refill() {
    const DiffSource* a = source(leftKey_);
    const DiffSource* b = source(rightKey_);
    if (!a || !b) {
        rows_.clear();
        for (QsciScintilla* pane : panes_) pane->clear();
        shownLeft_ = shownRight_ = QString();
        stats_->setText(sources_.isEmpty() ? "Nothing to compare yet" : "Choose two texts to compare");
        return;
    }
    if (a->text == shownLeft_ && b->text == shownRight_ && !rows_.isEmpty()) return;  // unchanged: keep the scroll position
    render(a->text, b->text);
}

QString DiffView::summary() const {
    const DiffStats s = stats();
    if (s.removed + s.added + s.changed == 0) return "identical";
    return QString("%1 changed, %2 removed, %3 added").arg(s.changed).arg(s.removed).arg(s.added);
}

void DiffView::render(const QString& left, const QString& right) {
    shownLeft_ = left;
    shownRight_ = right;
    auto split = [](const QString& t) {
        QStringList lines = t.split('\n');
        if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
        return lines;
    };
    const QStringList a = split(left), b = split(right);
    rows_ = alignDiff(diffLines(a, b));
    QStringList out[2];
    for (const DiffRow& r : rows_) {
        out[0] << (r.left >= 0 ? a[r.left] : QString());
        out[1] << (r.right >= 0 ? b[r.right] : QString());
    }
    const int first = panes_[0]->firstVisibleLine();
    for (int side = 0; side < 2; ++side) {
        QsciScintilla* pane = panes_[side];
        pane->setText(out[side].join('\n'));
        pane->clearMarginText();
        for (int m : {RemovedMarker, AddedMarker, ChangedMarker, GapMarker}) pane->markerDeleteAll(m);
        for (int k = 0; k < rows_.size(); ++k) {
            const DiffRow& r = rows_[k];
            const int line = side == 0 ? r.left : r.right;
            if (line >= 0) pane->setMarginText(k, QString::number(line + 1), 0);
            int marker = -1;
            if (line < 0) marker = GapMarker;
            else if (r.kind == DiffRow::Changed) marker = ChangedMarker;
            else if (r.kind == DiffRow::Removed) marker = RemovedMarker;
            else if (r.kind == DiffRow::Added) marker = AddedMarker;
            if (marker >= 0) pane->markerAdd(k, marker);
        }
        pane->setFirstVisibleLine(first);
    }
    stats_->setText(summary());
}

}  // namespace lomaw::gui
