#include "ResultsView.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lomaw::gui {

namespace {

QString scalarText(const QJsonValue& v) {
    if (v.isDouble()) return QString::number(v.toDouble(), 'g', 9);
    if (v.isString()) return v.toString();
    if (v.isNull()) return "(none)";
    if (v.isBool()) return v.toBool() ? "true" : "false";
    return {};
}

void addValue(QTreeWidgetItem* parent, const QString& name, const QString& type, const QJsonValue& v) {
    auto* item = new QTreeWidgetItem(parent);
    item->setText(0, name);
    item->setText(2, type);
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        item->setText(1, QString("[%1 items]").arg(a.size()));
        for (qsizetype i = 0; i < a.size(); ++i) addValue(item, QString("[%1]").arg(i), QString(), a.at(i));
        item->setExpanded(a.size() <= 16);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        item->setText(1, "{…}");
        for (auto it = o.begin(); it != o.end(); ++it) addValue(item, "." + it.key(), QString(), it.value());
        item->setExpanded(true);
    } else {
        item->setText(1, scalarText(v));
    }
}

}  // namespace

ResultsView::ResultsView(QWidget* parent) : QTreeWidget(parent) {
    setObjectName("resultsView");
    setColumnCount(3);
    setHeaderLabels({"Name", "Value", "Type"});
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::Stretch);
    setAlternatingRowColors(true);
}

void ResultsView::showMessage(const QString& message) {
    clear();
    auto* item = new QTreeWidgetItem(invisibleRootItem());
    item->setText(0, message);
    item->setFirstColumnSpanned(true);
}

bool ResultsView::showBatchResult(const QString& json, const FunctionInfo& function) {
    clear();
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isArray()) {
        showMessage("lomaw mpirun printed no result list");
        return false;
    }
    const QJsonArray sets = doc.array();
    for (qsizetype k = 0; k < sets.size(); ++k) {
        auto* set = new QTreeWidgetItem(invisibleRootItem());
        set->setText(0, QString("set %1").arg(k));
        const QJsonObject o = sets.at(k).toObject();
        set->setText(1, scalarText(o.value("return")));
        fill(set, o, function);
        set->setExpanded(sets.size() <= 4);
    }
    return true;
}

void ResultsView::fill(QTreeWidgetItem* parent, const QJsonObject& o, const FunctionInfo& function) {
    addValue(parent, "return", function.returnType, o.value("return"));
    const QJsonArray args = o.value("args").toArray();
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString name = QString("arg %1").arg(i);
        QString type;
        if (i < function.params.size()) {
            const ParamInfo& p = function.params.at(i);
            name = p.name;
            type = QString("%1[%2]").arg(p.isOut ? "Out" : "In", p.type);
        }
        addValue(parent, name, type, args.at(i));
    }
}

bool ResultsView::showResult(const QString& json, const FunctionInfo& function) {
    clear();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (!doc.isObject()) {
        showMessage("lomaw printed no result object: " + error.errorString());
        return false;
    }
    fill(invisibleRootItem(), doc.object(), function);
    return true;
}

}  // namespace lomaw::gui
