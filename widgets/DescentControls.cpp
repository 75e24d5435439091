#include "DescentControls.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lomaw::gui {

namespace {

const char* const kBuiltInGradients[][2] = {
    {"rev", "reverse mode"}, {"fwd", "forward mode"}, {"fd", "finite differences"}};

const char* const kGradientTip = "--grad: where the gradient comes from: the engine's reverse or forward mode "
                                 "derivative, central finite differences, or a gradient function of the module";

}  // namespace

DescentControls::DescentControls(QWidget* parent) : QWidget(parent) {
    setObjectName("descentControls");
    gradient_ = new QComboBox(this);
    gradient_->setObjectName("descentGradient");
    gradient_->setToolTip(kGradientTip);
    demo_ = new QComboBox(this);
    demo_->setObjectName("descentDemo");
    demo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    demo_->setMinimumContentsLength(24);
    demo_->setToolTip("The file's # DESCEND: lines: choosing one sets the function, the start and the settings");
    connect(demo_, &QComboBox::activated, this, &DescentControls::demoChosen);
    for (const auto& g : kBuiltInGradients) gradient_->addItem(g[1], g[0]);
    optimizer_ = new QComboBox(this);
    optimizer_->setObjectName("descentOptimizer");
    optimizer_->addItems({"plain", "momentum", "adam"});
    optimizer_->setToolTip("--optimizer: plain x <- x - lr g; momentum (heavy ball); Adam");
    learningRate_ = new QDoubleSpinBox(this);
    learningRate_->setObjectName("descentLearningRate");
    learningRate_->setDecimals(6);
    learningRate_->setRange(0, 1000);
    learningRate_->setSingleStep(0.01);
    learningRate_->setPrefix("lr ");
    momentum_ = new QDoubleSpinBox(this);
    momentum_->setObjectName("descentMomentum");
    momentum_->setDecimals(3);
    momentum_->setRange(0, 0.999);
    momentum_->setSingleStep(0.05);
    momentum_->setPrefix("β ");
    momentum_->setToolTip("--momentum: momentum's beta (Adam's beta1)");
    steps_ = new QSpinBox(this);
    steps_->setObjectName("descentSteps");
    steps_->setRange(0, 1000000);
    steps_->setPrefix("steps ");
    tolerance_ = new QDoubleSpinBox(this);
    tolerance_->setObjectName("descentTolerance");
    tolerance_->setDecimals(8);
    tolerance_->setRange(0, 1e6);
    tolerance_->setSpecialValueText("no tol");
    tolerance_->setPrefix("tol ");
    tolerance_->setToolTip("--tol: converged when the gradient norm falls below this");
    landscapeSize_ = new QSpinBox(this);
    landscapeSize_->setObjectName("descentLandscape");
    landscapeSize_->setRange(0, 101);
    landscapeSize_->setPrefix("landscape ");
    landscapeSize_->setSpecialValueText("no landscape");
    landscapeSize_->setToolTip("After the run, sample the function around the trajectory (one lomaw mpirun): "
                               "a curve for one parameter, an n x n grid for two or a slice");
    overlay_ = new QCheckBox("overlay", this);
    overlay_->setObjectName("descentOverlay");
    overlay_->setToolTip("Keep the earlier runs in the plots, each with its legend entry");

    // Two rows (three with demos): the dock is narrow at 1366 x 768 and one row would make the
    // panel scroll sideways.
    demoRow_ = new QWidget(this);
    auto* demoLayout = new QHBoxLayout(demoRow_);
    demoLayout->setContentsMargins(0, 0, 0, 0);
    demoLayout->addWidget(new QLabel("demo", demoRow_));
    demoLayout->addWidget(demo_, 1);
    demoRow_->hide();
    auto* rule = new QHBoxLayout;
    rule->addWidget(new QLabel("gradient", this));
    rule->addWidget(gradient_);
    rule->addWidget(optimizer_);
    rule->addWidget(learningRate_);
    rule->addWidget(momentum_);
    rule->addStretch(1);
    auto* run = new QHBoxLayout;
    run->addWidget(steps_);
    run->addWidget(tolerance_);
    run->addWidget(landscapeSize_);
    run->addWidget(overlay_);
    run->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(demoRow_);
    layout->addLayout(rule);
    layout->addLayout(run);
    connect(optimizer_, &QComboBox::currentTextChanged, this,
            [this](const QString& o) { momentum_->setEnabled(o != "plain"); });
    setSettings(DescentSettings());
}

DescentSettings DescentControls::settings() const {
    DescentSettings s;
    s.gradient = gradient_->currentData().toString();
    s.optimizer = optimizer_->currentText();
    s.learningRate = learningRate_->value();
    s.momentum = momentum_->value();
    s.steps = steps_->value();
    s.tolerance = tolerance_->value();
    s.landscapeSize = landscapeSize_->value();
    s.overlay = overlay_->isChecked();
    return s;
}

void DescentControls::setSettings(const DescentSettings& s) {
    int g = gradient_->findData(s.gradient);
    if (g < 0) {  // a gradient function not (yet) listed
        gradient_->addItem("function " + s.gradient, s.gradient);
        g = gradient_->count() - 1;
    }
    gradient_->setCurrentIndex(g);
    optimizer_->setCurrentText(s.optimizer);
    learningRate_->setValue(s.learningRate);
    momentum_->setValue(s.momentum);
    momentum_->setEnabled(s.optimizer != "plain");
    steps_->setValue(s.steps);
    tolerance_->setValue(s.tolerance);
    landscapeSize_->setValue(s.landscapeSize);
    overlay_->setChecked(s.overlay);
}

void DescentControls::setGradientFunctions(const QStringList& names, const QString& function, const QString& contract) {
    const QString keep = gradient_->currentData().toString();
    QSignalBlocker block(gradient_);
    while (gradient_->count() > int(std::size(kBuiltInGradients))) gradient_->removeItem(gradient_->count() - 1);
    for (const QString& n : names) gradient_->addItem("function " + n, n);
    const int index = gradient_->findData(keep);
    gradient_->setCurrentIndex(index >= 0 ? index : 0);
    QString tip = kGradientTip;
    if (!function.isEmpty()) {
        tip += names.isEmpty() ? QString(".\n\nNo function of this module can be the gradient of %1").arg(function)
                               : QString(".\n\nListed: the functions that can be the gradient of %1 (%2)").arg(function, names.join(", "));
        tip += QString(". A gradient function must take %1, and return nothing; the module's other functions do not "
                       "fit and are not offered.").arg(contract);
    }
    gradient_->setToolTip(tip);
}

void DescentControls::setDemos(const QStringList& lines, int current) {
    QSignalBlocker block(demo_);
    demo_->clear();
    for (const QString& line : lines) demo_->addItem(line);
    demo_->setCurrentIndex(current);
    demoRow_->setVisible(lines.size() >= 2);
}

int DescentControls::demoCount() const { return demo_->count(); }

}  // namespace lomaw::gui
