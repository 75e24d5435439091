// The texts the diff view can compare, collected from the latest analysis and the editor: the
// kernel now and as last saved, every generated stage, the OpenMP C with each adjoint scope
// forced, and the forward and reverse derivative of each function (cut out of the derivatives
// stage), plus ready-made pairs ("forward vs reverse of f", ...).
#pragma once

#include <QList>
#include <QString>

#include "Analysis.h"

namespace lomaw::gui {

struct DiffSource {
    QString key;    // stable across analyses: "kernel", "saved", "stage:C", "omp:atomic", "fwd:f", "rev:f"
    QString title;  // shown in the selectors
    QString text;
};

struct DiffPreset {
    QString title;
    QString left, right;  // source keys
};

// A derivative declared in the kernel: `name = fwd_diff(function)` or `rev_diff`.
struct DerivativeDecl {
    QString name;
    QString function;
    bool forward = true;
};
QList<DerivativeDecl> derivativeDecls(const QString& kernelText);

// The top-level block `def name(...)` of a kernel-syntax text (its decorators included, up to
// the next top-level line); "" when there is none.
QString functionBlock(const QString& text, const QString& name);

// `savedText` null: the kernel was never saved.
QList<DiffSource> diffSources(const AnalysisResult& result, const QString& kernelText, const QString& savedText);
QList<DiffPreset> diffPresets(const QList<DiffSource>& sources);

}  // namespace lomaw::gui
