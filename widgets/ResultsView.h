// The result of one run as a tree: the returned value, then each parameter after the call
// (named from the function's signature), arrays and structs expandable.
#pragma once

#include <QJsonObject>
#include <QTreeWidget>

#include "Analysis.h"

namespace lomaw::gui {

class ResultsView : public QTreeWidget {
    Q_OBJECT
public:
    explicit ResultsView(QWidget* parent = nullptr);
    // `json` is lomaw's {"return": R, "args": [...]}; returns false (and shows why) when it is not.
    bool showResult(const QString& json, const FunctionInfo& function);
    // `json` is `lomaw mpirun`'s list: one result object per input set.
    bool showBatchResult(const QString& json, const FunctionInfo& function);
    void showMessage(const QString& message);

private:
    void fill(QTreeWidgetItem* parent, const QJsonObject& result, const FunctionInfo& function);
};

}  // namespace lomaw::gui
