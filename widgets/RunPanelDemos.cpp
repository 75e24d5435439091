// The run panel's ready demos and its status line: rows and settings prefilled from the kernel
// file's directives (`# RUN:`, `# DESCEND:`, a documented `lomaw optimize` command, a data file
// beside the kernel), and what the chosen mode needs of a function when it cannot be used.
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include "AppPaths.h"
#include "DescentControls.h"
#include "DescentParameters.h"
#include "RunPanel.h"
#include "RunPanelDirectives.h"

namespace lomaw::gui {

void RunPanel::applyKernelDirectives(bool rows) {
    const FunctionInfo* f = current();
    if (!f) return;
    descent_->setGradientFunctions(f->gradientFunctions, f->name, f->gradientContract);
    auto setRows = [&](const QString& listText) {
        const std::optional<QStringList> values = splitArgumentList(listText);
        if (!values || values->size() != f->params.size()) return false;
        setArgumentValues(*values);
        return true;
    };
    if (rows)
        for (const RunDirective& d : runDirectives(kernelText_))
            if (d.function == f->name && setRows(d.argsJson)) {
                if (d.threads > 0) threads_->setValue(d.threads);
                break;
            }
    const int mode = mode_->currentIndex();
    if (mode == 3) {
        const QList<DescendDirective> demos = descendDirectives(kernelText_);
        // The line the user chose, while it is about this function; else the first that is.
        int chosen = descendChoice_ >= 0 && descendChoice_ < demos.size() && demos[descendChoice_].function == f->name
                         ? descendChoice_ : -1;
        for (int k = 0; chosen < 0 && k < demos.size(); ++k)
            if (demos[k].function == f->name) chosen = k;
        QStringList lines;
        for (const DescendDirective& d : demos) lines << d.text;
        descent_->setDemos(lines, chosen);
        if (chosen >= 0) {
            const DescendDirective& d = demos[chosen];
            if (!d.initJson.isEmpty()) setRows(d.initJson);
            DescentSettings s = d.settings;
            const DescentSettings now = descent_->settings();
            s.landscapeSize = now.landscapeSize;  // the view's choices, not the demo's
            s.overlay = now.overlay;
            descent_->setSettings(s);
        }
    }
    if (mode == 2) {
        bool found = false;
        for (const OptimizeDirective& d : optimizeDirectives(kernelText_)) {
            if (d.function != f->name) continue;
            OptimizeSettings o = d.settings;
            o.dataFile = resolveKernelFile(o.dataFile);
            o.landscapeSize = landscapeSize_->value();
            fillOptimize(o);
            found = true;
            break;
        }
        if (!found && dataFile_.isEmpty() && !kernelPath_.isEmpty()) {
            // The examples' convention: NAME.py's data set is NAME_data.json beside it.
            const QFileInfo kernel(kernelPath_);
            const QString guess = kernel.dir().filePath(kernel.completeBaseName() + "_data.json");
            if (QFileInfo::exists(guess)) {
                dataFile_ = guess;
                dataButton_->setText(QFileInfo(guess).fileName());
            }
        }
    }
}

void RunPanel::chooseDescentDemo(int index) {
    const QList<DescendDirective> demos = descendDirectives(kernelText_);
    if (index < 0 || index >= demos.size()) return;
    descendChoice_ = index;
    // Another function: selecting it rebuilds the rows, which applies the chosen line.
    if (demos[index].function != selectedFunction()) selectFunction(demos[index].function);
    else applyKernelDirectives(true);
    updateStatus();
}

// A file a directive names, as written (absolute, or relative to the kernel's folder or to its
// parent: the examples write "examples/NAME.json"), else by its name beside the kernel or in the
// examples folder. "" when none exists.
QString RunPanel::resolveKernelFile(const QString& written) const {
    if (written.isEmpty()) return {};
    QStringList candidates;
    if (QFileInfo(written).isAbsolute()) candidates << written;
    const QString name = QFileInfo(written).fileName();
    if (!kernelPath_.isEmpty()) {
        const QDir dir = QFileInfo(kernelPath_).dir();
        candidates << dir.filePath(written) << dir.filePath(name) << dir.filePath("../" + written);
    }
    const QString examples = examplesDirectory();
    if (!examples.isEmpty()) candidates << QDir(examples).filePath(name);
    for (const QString& c : candidates)
        if (QFileInfo(c).isFile()) return QFileInfo(c).canonicalFilePath();
    return {};
}

QString RunPanel::statusText() const { return status_->text(); }

void RunPanel::updateStatus() {
    const FunctionInfo* f = current();
    const int mode = mode_->currentIndex();
    QString text;
    bool problem = false;
    if (mode == 3) {
        if (function_->count() == 0 && !functions_.isEmpty()) {
            text = "Descent needs a function that returns float: none of this file's functions does.";
            problem = true;
        } else if (f) {
            const QList<DescentParameter> ps =
                descentParameters(*f, QJsonDocument::fromJson(argumentsJson().toUtf8()).array());
            QStringList names;
            for (const DescentParameter& p : ps) names << p.name;
            if (names.isEmpty()) {
                text = QString("%1 has no float input to descend on (ints and Out parameters stay fixed).").arg(f->name);
                problem = true;
            } else {
                text = QString("Descent of %1 over %2 parameter%3 (%4), from the values above%5.")
                           .arg(f->name).arg(names.size()).arg(names.size() == 1 ? "" : "s")
                           .arg(names.size() > 6 ? names.mid(0, 6).join(", ") + ", …" : names.join(", "))
                           .arg(names.size() <= 2 ? " or a click on the landscape" : QString());
            }
        }
    } else if (mode == 2 && f && !isLossGradientFunction(*f)) {
        text = QString("%1 cannot be optimised over MPI: MPI optimize needs a loss-gradient function %2. "
                       "For any function returning float, use Mode ▸ Descent.")
                   .arg(f->name, lossGradientContract());
        problem = true;
    }
    if (fortranFile_) text = fortranRunMessage();  // not a mistake of the user's: no red
    status_->setText(text);
    status_->setVisible(!text.isEmpty());
    status_->setStyleSheet(problem && !fortranFile_ ? "color: #c92a2a;" : QString());
    runButton_->setEnabled(!runner_->running() && !problem && !fortranFile_);
}

}  // namespace lomaw::gui
