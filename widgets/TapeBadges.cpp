#include "TapeBadges.h"

#include <Qsci/qsciscintilla.h>
#include <Qsci/qscistyle.h>
#include <QFontDatabase>
#include <QMap>
#include <QSet>

namespace lomaw::gui {

namespace {

QString linesText(const std::vector<int>& lines) {
    QStringList out;
    for (int l : lines) out << QString::number(l);
    return out.join(", ");
}

QString recordKind(ad::TapeRecord::Kind kind) {
    switch (kind) {
        case ad::TapeRecord::Kind::Value: return "value";
        case ad::TapeRecord::Kind::Branch: return "branch taken";
        case ad::TapeRecord::Kind::IterationCount: return "iterations of the inner loop";
        case ad::TapeRecord::Kind::LoopBound: return "loop bound";
        case ad::TapeRecord::Kind::OutArgument: return "value a call overwrites";
    }
    return "value";
}

// One derivative's record of one loop, as a tool-tip section.
QString section(const ad::DerivativeTapes& d, const ad::TapeLoop& loop) {
    const auto q = [](const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); };
    QString html = QString("<b>Tape</b> of the <code>%1</code> loop at line %2 in <b>%3</b> (reverse of %4): "
                           "<b>%5 bytes per iteration</b>")
                       .arg(q(loop.kind)).arg(loop.line).arg(q(d.derivative), q(d.primal)).arg(loop.bytesPerIteration());
    if (!loop.recorded.empty()) {
        html += "<table cellspacing=4><tr><th align=left>records</th><th align=left>bytes</th><th align=left>at line</th>"
                "<th align=left>read by the adjoint of line</th></tr>";
        for (const ad::TapeRecord& r : loop.recorded)
            html += QString("<tr><td><code>%1</code> (%2)</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                        .arg(q(r.variable), recordKind(r.kind)).arg(r.bytes).arg(r.line)
                        .arg(r.readBy.empty() ? QString("—") : linesText(r.readBy));
        html += "</table>";
    } else {
        html += "<br>records nothing per iteration";
    }
    for (const ad::TapeRecompute& r : loop.recomputed) {
        if (r.kind == ad::TapeRecompute::Kind::Unneeded) {
            html += QString("<br>does not record <code>%1</code> (line %2): nothing reads its old value after the "
                            "line is undone").arg(q(r.variable)).arg(r.line);
            continue;
        }
        html += QString("<br>%1 <code>%2</code> by <code>%3</code> (line %4) instead of recording it")
                    .arg(r.kind == ad::TapeRecompute::Kind::InverseStep ? "restores" : "recomputes", q(r.variable), q(r.how))
                    .arg(r.line);
    }
    return html;
}

}  // namespace

QList<TapeBadge> tapeBadges(const ad::TapeReport& report) {
    QMap<int, TapeBadge> byLine;
    QMap<int, QList<long long>> bytes;
    for (const ad::DerivativeTapes& d : report.derivatives) {
        for (const ad::TapeLoop& loop : d.loops) {
            if (loop.kind == "body" || loop.line <= 0) continue;
            TapeBadge& b = byLine[loop.line];
            b.line = loop.line;
            b.tip += (b.tip.isEmpty() ? "" : "<hr>") + section(d, loop);
            b.derivatives << QString::fromStdString(d.derivative);
            if (!bytes[loop.line].contains(loop.bytesPerIteration())) bytes[loop.line] << loop.bytesPerIteration();
        }
    }
    QList<TapeBadge> out;
    for (TapeBadge& b : byLine) {
        QStringList parts;
        for (long long n : bytes[b.line]) parts << QString::number(n);
        b.text = parts.join(" | ") + " B/it";
        out << b;
    }
    return out;
}

void setupTapeMargin(QsciScintilla* view) {
    view->setMarginType(TapeMargin, QsciScintilla::TextMarginRightJustified);
    view->setMarginWidth(TapeMargin, 0);
    view->setMarginSensitivity(TapeMargin, false);
}

void showTapeBadges(QsciScintilla* view, const QList<QPair<int, QString>>& lines0, bool dark) {
    // Most edits leave the badges as they were: then the margin is not touched (repaints).
    const QVariant key = QVariant::fromValue(QString::number(dark) + [&] {
        QString k;
        for (const auto& [line0, text] : lines0) k += QString("%1:%2;").arg(line0).arg(text);
        return k;
    }());
    if (view->property("tapeBadges") == key) return;
    view->setProperty("tapeBadges", key);
    view->clearMarginText();
    QString widest;
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setBold(true);
    // Amber on a light amber band: memory (the scope colours are blue, green, orange, red).
    // A fixed style number (lexers use the low ones): a new number per call would use them up.
    const QsciStyle style(200, "tape badge", dark ? QColor("#e0a100") : QColor("#8a5300"),
                          dark ? QColor("#3a3220") : QColor("#fff4d6"), font);
    for (const auto& [line0, text] : lines0) {
        if (line0 < 0 || line0 >= view->lines()) continue;
        view->setMarginText(line0, text + " ", style);
        if (text.size() > widest.size()) widest = text;
    }
    view->setMarginWidth(TapeMargin, widest.isEmpty() ? 0 : QFontMetrics(font).horizontalAdvance(widest + "  "));
}

}  // namespace lomaw::gui
