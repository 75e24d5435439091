// The line markers the editor and every generated-code pane share, so one kernel line looks the
// same everywhere: the link band (the cursor's line), the hover band (the line under the mouse)
// and, with View > Colour lines by source, one translucent colour per kernel line.
#pragma once

#include <QColor>
#include <QList>
#include <QPoint>
#include <QVector>

class QsciScintilla;

namespace lomaw::gui {

namespace linkmarkers {
constexpr int LinkBand = 2;
constexpr int HoverBand = 4;
constexpr int FirstSourceColour = 5;  // markers 5 .. 5 + SourceColours - 1
constexpr int SourceColours = 10;
}  // namespace linkmarkers

// The colour of kernel line `line1` (1-based) when lines are coloured by source: neighbouring
// lines differ, the palette repeats every linkmarkers::SourceColours lines.
QColor sourceLineColour(int line1);

// Defines the three kinds of markers on `view` in the theme's colours. Background markers: the
// hover band (opaque) wins over the link band; source colours are translucent over both.
void defineLinkMarkers(QsciScintilla* view, bool dark);

// Puts the source-colour marker of `sourceLines[k]` on line k of `view` (0: none); an empty
// list clears them.
void applySourceColours(QsciScintilla* view, const QVector<int>& sourceLines);
// The palette index of the source colour on 0-based line `line0` of `view` (-1: none); kernel
// line L has index L % SourceColours.
int sourceColourIndexAt(QsciScintilla* view, int line0);

// The 0-based document line at a point of the view's viewport (margins included), -1 below the
// last line.
int lineAtViewportPoint(QsciScintilla* view, const QPoint& pos);

}  // namespace lomaw::gui
