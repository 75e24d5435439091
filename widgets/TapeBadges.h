// The tape report of reverse mode (engine/ad/TapeReport.h, `lomaw emit --stage tape`) as badges
// beside the loops, the way parallel loops get scope badges: the bytes one iteration records,
// in a text margin on the loop's line in the editor and on its loop headers in the Derivatives
// pane; hovering a badge lists what is recorded (variable, bytes, which adjoint statement reads
// it) and what is recomputed instead, per reverse derivative.
#pragma once

#include <QList>
#include <QString>

#include "ad/TapeReport.h"

class QsciScintilla;

namespace lomaw::gui {

struct TapeBadge {
    int line = 0;        // the primal loop's line (1-based)
    QString text;        // "16 B/it"; several derivatives that record differently: "4 | 8 B/it"
    QString tip;         // HTML: one section per reverse derivative of the loop
    QStringList derivatives;  // the reverse derivatives whose loop this is
};

// One badge per primal loop of any reverse derivative, in line order (the "outside loops"
// entries get none).
QList<TapeBadge> tapeBadges(const ad::TapeReport& report);

// The margin the badges are drawn in (index 3 of the editor and of every code pane): a text
// margin, zero width while there is no badge.
constexpr int TapeMargin = 3;
void setupTapeMargin(QsciScintilla* view);
// Puts `badges` on 0-based lines of `view` (badge k on lines0[k]); sizes the margin to fit.
void showTapeBadges(QsciScintilla* view, const QList<QPair<int, QString>>& lines0, bool dark);

}  // namespace lomaw::gui
