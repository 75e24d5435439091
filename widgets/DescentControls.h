// The run panel's descent row: gradient source (reverse, forward, finite differences, or a
// gradient function of the module), optimizer, learning rate, momentum, steps, tolerance, the
// landscape's grid size and whether a new run is overlaid on the earlier ones.
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
    // Functions of the module offered as gradient sources (after rev, fwd, fd).
    void setGradientFunctions(const QStringList& names);

private:
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
