// What the app knows about the kernel after one round of engine work: diagnostics, the
// functions and structs (for completion and the run panel), and each generated code stage.
// Computed off the UI thread by analyseKernel, a pure function of the text, so a result can be
// dropped when the text moved on (AnalysisScheduler).
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include "Engine.h"
#include "ad/TapeReport.h"

namespace lomaw::gui {

struct DiagnosticItem {
    Severity severity = Severity::Error;
    int line = 0;   // 1-based; 0 when the diagnostic has no position
    int column = 0; // 1-based, characters
    QString code;
    QString message;
    QStringList notes;  // "LINE:COL: message"
};

struct ParamInfo {
    QString name;
    QString type;         // as the language writes it: "Array[float, 3]"
    bool isOut = false;
    QString defaultJson;  // zeros of the right shape ("0.0", "[0.0, 0.0, 0.0]", {...})
};

struct FunctionInfo {
    QString name;
    int line = 0;         // the `def` line; 0 for a generated function
    bool simd = false;
    bool openMpi = false;
    bool generated = false;
    QString returnType;   // "" for void
    QList<ParamInfo> params;
    // Descent (functions returning float): the module's functions that fit the contract of a
    // gradient function for this one (runtime/DescentEvaluator.h gradientFunctionLayout), and
    // the contract in words ("(x : In[float], _dx : Out[float], ...) like rev_diff(f), or ...").
    QStringList gradientFunctions;
    QString gradientContract;
    QString signature() const;      // "name(x : In[float], ...) -> float"
    QString defaultArgsJson() const; // "[0.0, [0.0], 0]"
};

// One generated program text: either the text with its line map, or why there is none.
struct StageText {
    bool ok = false;
    QString text;
    QVector<int> sourceLines;  // sourceLines[k]: kernel line of output line k+1 (0: none)
    QString message;           // when !ok: the engine's own words
};

// One parallel loop's scope decisions (engine/omp via EngineScopes.h): every variable's primal
// scope and the scope its adjoint gets in the reverse sweep, with the engine's reason.
struct ScopeVariableItem {
    QString name;
    QString primal;   // "shared", "private", "firstprivate", "reduction", "atomic"
    QString adjoint;  // same names; "" when the variable has no adjoint (int)
    QString why;
};

struct LoopScopeItem {
    QString function;
    int line = 0;     // the `for` line (Fortran: the `do` line)
    QString loopVar;
    QString keyword = "for";  // "do" in Fortran: the loop as the file writes it
    QList<ScopeVariableItem> variables;
};

struct AnalysisResult {
    quint64 generation = 0;    // which edit this answers (AnalysisScheduler)
    bool ok = false;           // no error diagnostics
    // A Fortran file (EngineScopes.h isFortranPath): only the OpenMP scope analysis applies;
    // every requested stage carries a one-line "why not" message instead of text.
    bool fortran = false;
    QList<DiagnosticItem> diagnostics;
    // Source order, generated derivatives included; for a Fortran file its subroutines and
    // functions (name and line only: the function selector lists them, the run panel does not).
    QList<FunctionInfo> functions;
    QStringList structNames;
    QStringList memberNames;
    QMap<Stage, StageText> stages;
    QList<LoopScopeItem> scopes;   // when ok and asked for
    QString scopesMessage;         // why there are no scopes (the engine's words), if so
    // The OpenMP C with every adjoint scope forced (`--adjoint-scope '*=SCOPE'`), per SCOPE
    // asked for in AnalysisRequest::ompScopeVariants (the diff view compares them).
    QMap<QString, StageText> ompVariants;
    // What each reverse derivative records per loop (EngineTapes.h), for the tape badges.
    ad::TapeReport tapes;
    double milliseconds = 0;   // engine time of the whole analysis
};

struct AnalysisRequest {
    QString path;              // shown in diagnostics
    QString text;
    QList<Stage> stages;       // which programs to generate
    QString mpiFunction;       // mpi-parent / mpi-child: run function ("" : the engine's default)
    bool scopes = true;        // also run the OpenMP scope analysis
    QStringList ompScopeVariants;  // "atomic", "reduction": OpenMP C with that adjoint scope forced
};

// Runs the engine: compiles the kernel once (EngineViews.h compileKernel), then generates every
// requested stage, the scopes and the tape report from that one result; for a Fortran path (by
// the name in `request.path`), the Fortran scope analysis only. The forced-scope OpenMP variants
// are compiled again each (their derivatives differ). Never throws.
AnalysisResult analyseKernel(const AnalysisRequest& request);

// Why a generated-code view has nothing for a Fortran file (one line, shown in its pane).
QString fortranStageMessage(Stage stage);
// Why the run actions are disabled for a Fortran file (the run panel's status line and tooltips).
QString fortranRunMessage();

// Display name of a stage for pane titles ("Derivatives", "C", ...).
QString stageTitle(Stage stage);

}  // namespace lomaw::gui
