// The scopes of a parsed unit's OpenMP loops: each loop under its own worksharing model.
#include "fortran/FortranParser.h"
#include "omp/ScopeAnalysis.h"

namespace lomaw::fortran {

std::vector<omp::LoopScopes> analyse(const Unit& unit, const omp::ScopeOptions& options) {
    std::vector<omp::LoopScopes> out;
    const std::vector<const ast::Function*> functions = unit.module.functions();
    omp::ScopeOptions fortranOptions = options;
    fortranOptions.fortranStyle = true;
    for (const Unit::Loop& l : unit.loops) {
        if (l.function >= functions.size() || !l.loop) continue;
        out.push_back(omp::analyseLoop(*functions[l.function], *l.loop, l.directive, fortranOptions, &unit.module));
    }
    return out;
}

}  // namespace lomaw::fortran
