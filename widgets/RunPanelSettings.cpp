// The run panel's settings as one JSON object (for a saved session) and the setters of the
// descent mode and the hostfile.
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

#include "DescentControls.h"
#include "RunPanel.h"

namespace lomaw::gui {

namespace {

const QStringList kModes = {"single", "batch", "optimize", "descent"};

}  // namespace

void RunPanel::setDescent(bool on, const DescentSettings& settings) {
    mode_->setCurrentIndex(on ? 3 : 0);
    descent_->setSettings(settings);
}

DescentSettings RunPanel::descentSettings() const { return descent_->settings(); }

void RunPanel::setHostfile(const QString& path) {
    hostfile_ = path;
    hostfileButton_->setText(path.isEmpty() ? "Hostfile…" : "hosts: " + QFileInfo(path).fileName());
}

QJsonObject RunPanel::settings() const {
    QJsonObject o;
    o["mode"] = kModes.value(mode_->currentIndex());
    o["function"] = selectedFunction();
    QJsonArray rows;
    for (int row = 0; row < params_->rowCount(); ++row)
        rows << (params_->item(row, 2) ? params_->item(row, 2)->text() : QString());
    o["arguments"] = rows;
    o["threads"] = threads_->value();
    o["ompThreads"] = ompThreads_->value();
    o["timeout"] = timeout_->value();
    o["checkBounds"] = checkBounds_->isChecked();
    o["workers"] = workers_->value();
    o["sets"] = sets_->value();
    o["batchFile"] = batchFile_;
    o["hostfile"] = hostfile_;
    o["optimize"] = QJsonObject{{"init", init_->text()},
                                {"dataFile", dataFile_},
                                {"steps", steps_->value()},
                                {"learningRate", learningRate_->value()},
                                {"method", method_->currentText()},
                                {"average", average_->isChecked()},
                                {"landscapeSize", landscapeSize_->value()}};
    const DescentSettings d = descent_->settings();
    o["descent"] = QJsonObject{{"gradient", d.gradient},       {"optimizer", d.optimizer},
                               {"learningRate", d.learningRate}, {"momentum", d.momentum},
                               {"steps", d.steps},               {"tolerance", d.tolerance},
                               {"landscapeSize", d.landscapeSize}, {"overlay", d.overlay}};
    return o;
}

void RunPanel::applySettings(const QJsonObject& o) {
    if (o.contains("threads")) threads_->setValue(o.value("threads").toInt());
    if (o.contains("ompThreads")) ompThreads_->setValue(o.value("ompThreads").toInt());
    if (o.contains("timeout")) timeout_->setValue(o.value("timeout").toDouble());
    if (o.contains("checkBounds")) checkBounds_->setChecked(o.value("checkBounds").toBool());
    if (o.contains("workers")) workers_->setValue(o.value("workers").toInt());
    if (o.contains("sets")) sets_->setValue(o.value("sets").toInt());
    if (o.contains("hostfile")) setHostfile(o.value("hostfile").toString());
    const int mode = int(kModes.indexOf(o.value("mode").toString()));
    if (mode >= 0) mode_->setCurrentIndex(mode);
    if (o.contains("batchFile")) {
        batchFile_ = o.value("batchFile").toString();
        batchButton_->setText(batchFile_.isEmpty() ? "Batch file…" : QFileInfo(batchFile_).fileName());
    }
    if (o.value("optimize").isObject()) {
        const QJsonObject p = o.value("optimize").toObject();
        OptimizeSettings s;
        s.init = p.value("init").toString(s.init);
        s.dataFile = p.value("dataFile").toString();
        s.steps = p.value("steps").toInt(s.steps);
        s.learningRate = p.value("learningRate").toDouble(s.learningRate);
        s.method = p.value("method").toString(s.method);
        s.average = p.value("average").toBool();
        s.workers = workers_->value();
        s.landscapeSize = p.value("landscapeSize").toInt(s.landscapeSize);
        fillOptimize(s);
    }
    if (o.value("descent").isObject()) {
        const QJsonObject p = o.value("descent").toObject();
        DescentSettings s;
        s.gradient = p.value("gradient").toString(s.gradient);
        s.optimizer = p.value("optimizer").toString(s.optimizer);
        s.learningRate = p.value("learningRate").toDouble(s.learningRate);
        s.momentum = p.value("momentum").toDouble(s.momentum);
        s.steps = p.value("steps").toInt(s.steps);
        s.tolerance = p.value("tolerance").toDouble(s.tolerance);
        s.landscapeSize = p.value("landscapeSize").toInt(s.landscapeSize);
        s.overlay = p.value("overlay").toBool(s.overlay);
        descent_->setSettings(s);
    }
    // The function and its rows: now if the kernel's analysis already listed it (the rows only
    // when their count fits its parameters).
    // Else when setFunctions lists it (a session restored before the first analysis).
    pendingFunction_ = o.value("function").toString();
    pendingArguments_.clear();
    for (const QJsonValue& v : o.value("arguments").toArray()) pendingArguments_ << v.toString();
    applyPendingSelection();
    updateStatus();
}

void RunPanel::applyPendingSelection() {
    if (pendingFunction_.isEmpty() || function_->findData(pendingFunction_) < 0) return;
    selectFunction(pendingFunction_);
    if (pendingArguments_.size() == params_->rowCount()) setArgumentValues(pendingArguments_);
    pendingFunction_.clear();
    pendingArguments_.clear();
}

}  // namespace lomaw::gui
