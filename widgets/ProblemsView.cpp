#include "ProblemsView.h"

#include <QHeaderView>
#include <QStyle>

namespace lomaw::gui {

namespace {
enum Column { SeverityColumn, LineColumn, MessageColumn, CodeColumn };
constexpr int LineRole = Qt::UserRole;
constexpr int ColumnRole = Qt::UserRole + 1;
}  // namespace

ProblemsView::ProblemsView(QWidget* parent) : QTreeWidget(parent) {
    setObjectName("problemsView");
    setColumnCount(4);
    setHeaderLabels({"", "Line", "Message", "Code"});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(SeverityColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(LineColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(CodeColumn, QHeaderView::ResizeToContents);
    auto activate = [this](QTreeWidgetItem* item) {
        if (item) Q_EMIT locationActivated(item->data(0, LineRole).toInt(), item->data(0, ColumnRole).toInt());
    };
    connect(this, &QTreeWidget::itemActivated, this, [activate](QTreeWidgetItem* item, int) { activate(item); });
    connect(this, &QTreeWidget::itemClicked, this, [activate](QTreeWidgetItem* item, int) { activate(item); });
}

void ProblemsView::setDiagnostics(const QList<DiagnosticItem>& diagnostics) {
    clear();
    errors_ = warnings_ = 0;
    for (const DiagnosticItem& d : diagnostics) {
        auto* item = new QTreeWidgetItem(this);
        QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
        QString severity = "note";
        if (d.severity == Severity::Error) {
            ++errors_;
            icon = QStyle::SP_MessageBoxCritical;
            severity = "error";
        } else if (d.severity == Severity::Warning) {
            ++warnings_;
            icon = QStyle::SP_MessageBoxWarning;
            severity = "warning";
        }
        item->setIcon(SeverityColumn, style()->standardIcon(icon));
        item->setToolTip(SeverityColumn, severity);
        item->setText(LineColumn, d.line > 0 ? QString("%1:%2").arg(d.line).arg(d.column) : QString());
        item->setText(MessageColumn, d.message);
        item->setToolTip(MessageColumn, d.message);
        item->setText(CodeColumn, d.code);
        item->setData(0, LineRole, d.line);
        item->setData(0, ColumnRole, d.column);
        for (const QString& note : d.notes) {
            auto* child = new QTreeWidgetItem(item);
            const int colon = int(note.indexOf(':'));
            const int colon2 = int(note.indexOf(':', colon + 1));
            child->setText(LineColumn, note.left(colon2));
            child->setText(MessageColumn, "note: " + note.mid(colon2 + 2));
            child->setData(0, LineRole, note.left(colon).toInt());
            child->setData(0, ColumnRole, note.mid(colon + 1, colon2 - colon - 1).toInt());
        }
        item->setExpanded(true);
    }
}

}  // namespace lomaw::gui
