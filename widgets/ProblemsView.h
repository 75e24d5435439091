// The problems list: every diagnostic of the latest analysis, one row each (notes as children);
// activating a row asks to move the editor there.
#pragma once

#include <QTreeWidget>

#include "Analysis.h"

namespace lomaw::gui {

class ProblemsView : public QTreeWidget {
    Q_OBJECT
public:
    explicit ProblemsView(QWidget* parent = nullptr);
    void setDiagnostics(const QList<DiagnosticItem>& diagnostics);
    int errorCount() const { return errors_; }
    int warningCount() const { return warnings_; }

Q_SIGNALS:
    void locationActivated(int line1, int column1);

private:
    int errors_ = 0;
    int warnings_ = 0;
};

}  // namespace lomaw::gui
