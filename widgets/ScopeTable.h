// The scope table: for each parallel loop, each variable's primal scope and its adjoint's scope
// in the reverse sweep, with the engine's explanation (tooltip and column), colour-coded
// (shared / private / reduction / atomic). Activating a row moves the editor to the loop.
#pragma once

#include <QPixmap>
#include <QTreeWidget>

#include "Analysis.h"

namespace lomaw::gui {

class ScopeTable : public QTreeWidget {
    Q_OBJECT
public:
    explicit ScopeTable(QWidget* parent = nullptr);
    // Shows `loops`; with none, a row with `message` (or "no parallel loops").
    void setScopes(const QList<LoopScopeItem>& loops, const QString& message);
    static QColor scopeColour(const QString& scope);
    // The margin badge of a parallel loop (editor and OpenMP pane).
    static QPixmap parallelLoopBadge();

    // Hover text for variable `name` on kernel line `line1`: its scopes in the nearest parallel
    // loop at or above that line of the same function ("" when it is in none).
    QString tipFor(const QString& name, int line1) const;
    // Hover text of a parallel-loop badge: the loop whose `for` is on kernel line `line1`, each
    // variable's primal and adjoint scope and the engine's reason ("" when no loop is there).
    QString loopTipFor(int line1) const;

Q_SIGNALS:
    void loopActivated(int line1);

private:
    QList<LoopScopeItem> loops_;
};

}  // namespace lomaw::gui
