#include "Analysis.h"

#include <QElapsedTimer>
#include <exception>

#include "EngineScopes.h"
#include "EngineViews.h"
#include "ModuleSummary.h"


namespace lomaw::gui {

QString FunctionInfo::signature() const {
    QStringList ps;
    for (const ParamInfo& p : params)
        ps << QString("%1 : %2[%3]").arg(p.name, p.isOut ? "Out" : "In", p.type);
    QString s = name + "(" + ps.join(", ") + ")";
    if (!returnType.isEmpty()) s += " -> " + returnType;
    return s;
}

QString FunctionInfo::defaultArgsJson() const {
    QStringList vs;
    for (const ParamInfo& p : params) vs << p.defaultJson;
    return "[" + vs.join(", ") + "]";
}

QString fortranStageMessage(Stage stage) {
    switch (stage) {
        case Stage::Diff:
        case Stage::Ast:
            return "Fortran file: no derivatives here (they are generated from loma kernels); "
                   "the adjoint scopes of its parallel loops are in the Scopes table.";
        case Stage::C:
        case Stage::Omp:
            return "Fortran file: no generated C; each parallel loop's OpenMP scopes are in the Scopes table "
                   "and on the editor's badges.";
        case Stage::MpiParent:
        case Stage::MpiChild:
            return "Fortran file: MPI programs are generated from loma kernels only.";
    }
    return "Fortran file: this view applies to loma kernels only.";
}

QString fortranRunMessage() {
    return "Fortran files are analysed (OpenMP scopes), not run: runs are for loma kernels.";
}

QString stageTitle(Stage stage) {
    switch (stage) {
        case Stage::Ast: return "Kernel (re-printed)";
        case Stage::Diff: return "Derivatives";
        case Stage::C: return "C";
        case Stage::Omp: return "OpenMP C";
        case Stage::MpiParent: return "MPI parent";
        case Stage::MpiChild: return "MPI child";
    }
    return "?";
}

namespace {

DiagnosticItem toItem(const Diagnostic& d) {
    DiagnosticItem item;
    item.severity = d.severity;
    item.line = d.loc.line;
    item.column = d.loc.col;
    item.code = QString::fromStdString(d.code);
    item.message = QString::fromStdString(d.message);
    for (const Diagnostic& n : d.notes)
        item.notes << QString("%1:%2: %3").arg(n.loc.line).arg(n.loc.col).arg(QString::fromStdString(n.message));
    return item;
}

// Why a stage produced nothing: the engine's error diagnostics that the check did not already
// report (e.g. "the omp stage is not available in this build yet").
QString stageFailure(const EmitOutput& out, const CompiledKernel& checked) {
    QStringList lines;
    for (const Diagnostic& d : out.diagnostics) {
        if (d.severity != Severity::Error) continue;
        bool known = false;
        for (const Diagnostic& c : checked.diagnostics)
            known = known || (c.loc == d.loc && c.code == d.code && c.message == d.message);
        if (!known) lines << QString::fromStdString(d.message);
    }
    if (lines.isEmpty()) lines << "the engine produced no text for this stage";
    return lines.join("\n");
}

StageText toStageText(const EmitOutput& out, const CompiledKernel& checked) {
    StageText st;
    st.ok = out.ok;
    if (out.ok) {
        st.text = QString::fromStdString(out.code.text);
        st.sourceLines = QVector<int>(out.code.sourceLines.begin(), out.code.sourceLines.end());
    } else {
        st.message = stageFailure(out, checked);
    }
    return st;
}

void addLoops(const std::vector<omp::LoopScopes>& loops, AnalysisResult& result) {
    for (const omp::LoopScopes& loop : loops) {
        LoopScopeItem item;
        if (result.fortran) item.keyword = "do";
        item.function = QString::fromStdString(loop.function);
        item.line = loop.line;
        item.loopVar = QString::fromStdString(loop.loopVar);
        for (const omp::VariableScope& v : loop.variables) {
            ScopeVariableItem var;
            var.name = QString::fromStdString(v.name);
            // "lastprivate" and "firstprivate+lastprivate" as `lomaw scopes` prints them (not "private").
            var.primal = QString::fromStdString(v.primalName());
            var.adjoint = v.adjoint ? QString(omp::scopeName(*v.adjoint)) : QString();
            var.why = QString::fromStdString(v.why);
            item.variables << var;
        }
        result.scopes << item;
    }
}

void addScopes(const CompiledKernel& kernel, AnalysisResult& result) {
    std::vector<omp::LoopScopes> loops;
    for (const omp::ParallelLoop& l : kernel.parallelLoops()) loops.push_back(l.scopes);
    addLoops(loops, result);
}

// The function selector's entries for a Fortran file: its subroutines and functions (module
// procedures and internal ones, as the front end reads them) at their first line. Name and line
// only: a Fortran procedure is not run, so it has no parameter rows.
void addFortranProcedures(const ScopesOutput& out, AnalysisResult& result) {
    for (const auto& [name, line] : out.procedures) {
        FunctionInfo info;
        info.name = QString::fromStdString(name);
        info.line = line;
        result.functions << info;
    }
}

// A Fortran file: its diagnostics and loops come from the Fortran front end (engine/fortran);
// no loma check, no generated code (the panes say why).
void analyseFortran(const Engine& engine, const SourceFile& file, const AnalysisRequest& request, AnalysisResult& result) {
    result.fortran = true;
    const ScopesOutput out = analyseScopes(engine, file);
    result.ok = out.ok;
    for (const Diagnostic& d : out.diagnostics) result.diagnostics << toItem(d);
    if (out.ok) {
        addLoops(out.loops, result);
        addFortranProcedures(out, result);
    } else {
        result.scopesMessage = "the Fortran file has errors (see Problems)";
    }
    for (Stage stage : request.stages) {
        StageText st;
        st.message = fortranStageMessage(stage);
        result.stages.insert(stage, st);
    }
}

}  // namespace

AnalysisResult analyseKernel(const AnalysisRequest& request) {
    AnalysisResult result;
    QElapsedTimer timer;
    timer.start();
    try {
        Engine engine;
        SourceFile file{request.path.toStdString(), request.text.toStdString()};
        if (isFortranPath(file.path)) {
            analyseFortran(engine, file, request, result);
            result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
            return result;
        }
        const CompiledKernel checked = compileKernel(file);  // the one front-end run of this edit
        result.ok = checked.ok;
        for (const Diagnostic& d : checked.diagnostics) result.diagnostics << toItem(d);
        summariseModule(checked.module, result);
        if (checked.ok) {
            EmitOptions options;
            options.function = request.mpiFunction.toStdString();
            for (Stage stage : request.stages) {
                result.stages.insert(stage, toStageText(generateView(checked, stage, options), checked));
            }
            if (request.scopes) addScopes(checked, result);
            result.tapes = checked.tapes;
            for (const QString& scope : request.ompScopeVariants) {
                omp::ScopeOptions forced;
                const std::string error = parseAdjointScope("*=" + scope.toStdString(), forced);
                StageText st;
                if (!error.empty()) {
                    st.message = QString::fromStdString(error);
                } else {
                    st = toStageText(generateView(compileKernel(file, forced), Stage::Omp, options), checked);
                }
                result.ompVariants.insert(scope, st);
            }
        }
    } catch (const std::exception& e) {
        // The facade promises not to throw; if it ever does, the app reports and stays up.
        DiagnosticItem item;
        item.line = 1;
        item.column = 1;
        item.code = "internal";
        item.message = QString("internal error in the app's analysis: %1").arg(e.what());
        result.diagnostics << item;
        result.ok = false;
    }
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

}  // namespace lomaw::gui
