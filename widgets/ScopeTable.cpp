#include "ScopeTable.h"

#include <QHeaderView>
#include <QPainter>

namespace lomaw::gui {

namespace {
enum Column { NameColumn, PrimalColumn, AdjointColumn, WhyColumn };
constexpr int LineRole = Qt::UserRole;
}  // namespace

QColor ScopeTable::scopeColour(const QString& scope) {
    if (scope == "shared") return QColor("#3b82f6");
    // Fortran adds "lastprivate" and "firstprivate+lastprivate": private copies too.
    if (scope.contains("private")) return QColor("#16a34a");
    if (scope == "reduction") return QColor("#d97706");
    if (scope == "atomic") return QColor("#dc2626");
    return QColor("#6b7280");
}

QPixmap ScopeTable::parallelLoopBadge() {
    QPixmap badge(14, 14);
    badge.fill(Qt::transparent);
    QPainter p(&badge);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor("#2f9e44"));
    p.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
    p.setPen(QPen(Qt::white, 1.6));
    p.drawLine(QPointF(5, 3), QPointF(5, 11));  // ∥: parallel
    p.drawLine(QPointF(9, 3), QPointF(9, 11));
    return badge;
}

ScopeTable::ScopeTable(QWidget* parent) : QTreeWidget(parent) {
    setObjectName("scopeTable");
    setColumnCount(4);
    setHeaderLabels({"Variable", "Primal", "Adjoint", "Why"});
    header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(PrimalColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(AdjointColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(WhyColumn, QHeaderView::Stretch);
    setAlternatingRowColors(true);
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item, int) {
        const int line = item->data(0, LineRole).toInt();
        if (line > 0) Q_EMIT loopActivated(line);
    });
}

QString ScopeTable::tipFor(const QString& name, int line1) const {
    const LoopScopeItem* best = nullptr;
    for (const LoopScopeItem& loop : loops_)
        if (loop.line <= line1 && (!best || loop.line > best->line)) best = &loop;
    if (!best) return {};
    for (const ScopeVariableItem& v : best->variables) {
        if (v.name != name) continue;
        return QString("<b>%1</b> in the loop of line %2: primal <span style='color:%3'>%4</span>, adjoint "
                       "<span style='color:%5'>%6</span><br>%7")
            .arg(v.name).arg(best->line)
            .arg(scopeColour(v.primal).name(), v.primal, scopeColour(v.adjoint).name(),
                 v.adjoint.isEmpty() ? "none" : v.adjoint, v.why.toHtmlEscaped());
    }
    return {};
}

QString ScopeTable::loopTipFor(int line1) const {
    for (const LoopScopeItem& loop : loops_) {
        if (loop.line != line1) continue;
        QString html = QString("<b>Parallel loop</b> <code>%1 %2</code> in <b>%3</b> (line %4): how each variable is "
                               "shared between threads, in the loop and in its adjoint (reverse sweep)."
                               "<table cellspacing=4><tr><th align=left>variable</th><th align=left>primal</th>"
                               "<th align=left>adjoint</th><th align=left>why</th></tr>")
                           .arg(loop.keyword, loop.loopVar.toHtmlEscaped(), loop.function.toHtmlEscaped()).arg(loop.line);
        for (const ScopeVariableItem& v : loop.variables) {
            html += QString("<tr><td><code>%1</code></td><td style='color:%2'>%3</td><td style='color:%4'>%5</td><td>%6</td></tr>")
                        .arg(v.name.toHtmlEscaped(), scopeColour(v.primal).name(), v.primal, scopeColour(v.adjoint).name(),
                             v.adjoint.isEmpty() ? "—" : v.adjoint, v.why.toHtmlEscaped());
        }
        return html + "</table>";
    }
    return {};
}

void ScopeTable::setScopes(const QList<LoopScopeItem>& loops, const QString& message) {
    loops_ = loops;
    clear();
    if (loops.isEmpty()) {
        auto* item = new QTreeWidgetItem(this);
        item->setText(0, message.isEmpty() ? "No parallel loops in this kernel." : message);
        item->setFirstColumnSpanned(true);
        return;
    }
    for (const LoopScopeItem& loop : loops) {
        auto* top = new QTreeWidgetItem(this);
        top->setText(0, QString("%1: %2 %3 (line %4)").arg(loop.function, loop.keyword, loop.loopVar).arg(loop.line));
        top->setFirstColumnSpanned(true);
        top->setData(0, LineRole, loop.line);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const ScopeVariableItem& v : loop.variables) {
            auto* row = new QTreeWidgetItem(top);
            row->setText(NameColumn, v.name);
            row->setText(PrimalColumn, v.primal);
            row->setText(AdjointColumn, v.adjoint.isEmpty() ? "—" : v.adjoint);
            row->setText(WhyColumn, v.why);
            row->setForeground(PrimalColumn, scopeColour(v.primal));
            row->setForeground(AdjointColumn, scopeColour(v.adjoint));
            for (int c = 0; c < 4; ++c) row->setToolTip(c, QString("%1 — %2").arg(v.name, v.why));
            row->setData(0, LineRole, loop.line);
        }
        top->setExpanded(true);
    }
}

}  // namespace lomaw::gui
