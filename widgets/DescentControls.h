// The run panel's descent row: the file's ready demos (its `# DESCEND:` lines, when it has
// several), gradient source (reverse, forward, finite differences, or a gradient function of the
// module that fits the function's gradient contract), optimizer, learning rate, momentum, steps,
// tolerance, the landscape's grid size and whether a new run is overlaid on the earlier ones.
#pragma once

#include <QWidget>

#include "RunPanelSettings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace lomaw::gui {

class DescentControls : public QWidget {
    Q_OBJECT
public:
    explicit DescentControls(QWidget* parent = nullptr);

    DescentSettings settings() const;
    void setSettings(const DescentSettings& settings);
    // Functions of the module offered as gradient sources (after rev, fwd, fd): those that fit
    // `function`'s gradient contract (`contract`, in words: the tool tip says why others are absent).
    void setGradientFunctions(const QStringList& names, const QString& function = QString(),
                              const QString& contract = QString());
    // The file's DESCEND lines as written, `current` the one whose settings are shown (-1: none);
    // the chooser is shown only when there are two or more.
    void setDemos(const QStringList& lines, int current);
    int demoCount() const;

Q_SIGNALS:
    // The user chose DESCEND line `index` (of setDemos' list) to run.
    void demoChosen(int index);

private:
    QWidget* demoRow_;
    QComboBox* demo_;
    QComboBox* gradient_;
    QComboBox* optimizer_;
    QDoubleSpinBox* learningRate_;
    QDoubleSpinBox* momentum_;
    QSpinBox* steps_;
    QDoubleSpinBox* tolerance_;
    QSpinBox* landscapeSize_;
    QCheckBox* overlay_;
};

}  // namespace lomaw::gui
