// The inputs of the run panel's MPI optimize and descent modes (RunPanel::setOptimize,
// RunPanel::setDescent), also what the kernel file's own directives prefill (RunPanelDirectives).
#pragma once

#include <QString>

namespace lomaw::gui {

// `lomaw optimize` (docs/mpi.md).
struct OptimizeSettings {
    QString init = "[0.0, 0.0]";
    QString dataFile;
    int steps = 100;
    double learningRate = 0.01;
    QString method = "plain";
    bool average = false;
    int workers = 2;
    int landscapeSize = 41;  // grid points per axis of the landscape; 0: none
};

// `lomaw descend` (docs/cli.md); the start is the parameter rows.
struct DescentSettings {
    QString gradient = "rev";     // rev | fwd | fd | the name of a gradient function of the module
    QString optimizer = "plain";  // plain | momentum | adam
    double learningRate = 0.1;
    double momentum = 0.9;        // momentum's beta (Adam's beta1)
    int steps = 50;
    double tolerance = 0;         // --tol: stop when the gradient norm is below; 0: not given
    int landscapeSize = 41;       // grid points per axis (two parameters or a slice); 0: none
    bool overlay = true;          // keep the earlier runs in the plots
};

}  // namespace lomaw::gui
