#include "LineLinkMarkers.h"

#include <Qsci/qsciscintilla.h>

namespace lomaw::gui {

using namespace linkmarkers;

QColor sourceLineColour(int line1) {
    // Ten hues far apart on the wheel, in an order that keeps neighbours distinct.
    static const char* const palette[SourceColours] = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4",
                                                       "#42d4f4", "#f032e6", "#bfef45", "#9a6324", "#469990"};
    return QColor(palette[((line1 % SourceColours) + SourceColours) % SourceColours]);
}

void defineLinkMarkers(QsciScintilla* view, bool dark) {
    view->markerDefine(QsciScintilla::Background, LinkBand);
    view->setMarkerBackgroundColor(dark ? QColor("#3b3a1e") : QColor("#fff3b0"), LinkBand);
    view->markerDefine(QsciScintilla::Background, HoverBand);
    view->setMarkerBackgroundColor(dark ? QColor("#1f3a5a") : QColor("#d6e8ff"), HoverBand);
    // Scintilla draws a translucent background marker only when some margin's mask lists it
    // (ViewStyle's maskDrawInText): add them to the symbol margin's mask (background markers
    // draw nothing in a margin).
    int mask = view->marginMarkerMask(1);
    for (int k = 0; k < SourceColours; ++k) mask |= 1 << (FirstSourceColour + k);
    view->setMarginMarkerMask(1, mask);
    for (int k = 0; k < SourceColours; ++k) {
        const int marker = FirstSourceColour + k;
        view->markerDefine(QsciScintilla::Background, marker);
        view->setMarkerBackgroundColor(sourceLineColour(k), marker);
        // Translucent, so the link and hover bands still show through.
        view->SendScintilla(QsciScintilla::SCI_MARKERSETALPHA, static_cast<unsigned long>(marker), dark ? 60L : 45L);
    }
}

void applySourceColours(QsciScintilla* view, const QVector<int>& sourceLines) {
    for (int k = 0; k < SourceColours; ++k) view->markerDeleteAll(FirstSourceColour + k);
    const int lines = view->lines();
    for (int k = 0; k < sourceLines.size() && k < lines; ++k) {
        const int source = sourceLines[k];
        if (source > 0) view->markerAdd(k, FirstSourceColour + source % SourceColours);
    }
}

int sourceColourIndexAt(QsciScintilla* view, int line0) {
    const unsigned mask = unsigned(view->markersAtLine(line0));
    for (int k = 0; k < SourceColours; ++k)
        if (mask & (1u << (FirstSourceColour + k))) return k;
    return -1;
}

int lineAtViewportPoint(QsciScintilla* view, const QPoint& pos) {
    // Any x inside the text area finds the line; margins are left of it.
    int textLeft = 0;
    for (int m = 0; m < 5; ++m) textLeft += view->marginWidth(m);
    const long position = view->SendScintilla(QsciScintilla::SCI_POSITIONFROMPOINT, static_cast<unsigned long>(textLeft + 1),
                                              static_cast<long>(pos.y()));
    const int line = int(view->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, static_cast<unsigned long>(position)));
    // Below the last line POSITIONFROMPOINT answers the end of the document.
    const long lineTop = view->SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0UL,
                                             view->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, static_cast<unsigned long>(line)));
    const long height = view->SendScintilla(QsciScintilla::SCI_TEXTHEIGHT, static_cast<unsigned long>(line));
    if (pos.y() >= lineTop + height) return -1;
    return line;
}

}  // namespace lomaw::gui
