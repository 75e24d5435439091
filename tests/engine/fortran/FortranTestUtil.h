// Shared helpers of the Fortran tests: files of the corpus, diagnostics as "LINE:COL code",
// and a loop's scopes as "name:primal/adjoint ..." (adjoint "-" for integers).
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "omp/ScopeReport.h"
#include "syntax/Diagnostics.h"

namespace lomaw::fortran::test {

inline std::string readKernel(const std::string& name) {
    std::ifstream in(std::string(LOMAW_TEST_KERNELS) + "/fortran/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::vector<std::string> codesOf(const DiagnosticSink& diags) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.sorted())
        out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " + d.code);
    return out;
}

inline std::string compact(const omp::LoopScopes& loop) {
    std::string out;
    for (const omp::VariableScope& v : loop.variables)
        out += (out.empty() ? "" : " ") + v.name + ":" + v.primalName() + "/" +
               (v.adjoint ? omp::scopeName(*v.adjoint) : "-");
    return out;
}

}  // namespace lomaw::fortran::test
