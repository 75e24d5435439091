// What the front end knows of Fortran's intrinsic procedures and modules: which names are
// intrinsic functions or subroutines, which results carry no derivative (integer conversions,
// inquiries, bit and character functions), which arguments are only tested (the mask of
// merge, the sign source of sign), which intrinsic reductions return a scalar, and which
// intrinsic subroutines write their arguments.
#pragma once

#include <map>
#include <string>

namespace lomaw::fortran {

bool isIntrinsicFunction(const std::string& name);
bool isIntrinsicSubroutine(const std::string& name);
bool isIntrinsicModule(const std::string& name);
// The integer named constants an intrinsic module provides (kinds, unit numbers, schedule
// kinds), with gfortran's values: `real(i, REAL64)` or `0.5_c_double` name a constant, not a
// variable (default(none) does not ask for it, implicit none knows it). Empty for other modules.
const std::map<std::string, long long>& intrinsicModuleConstants(const std::string& module);
// The result has no derivative with respect to any argument (int(x), size(a), maxloc(a), ...).
bool hasPassiveResult(const std::string& name);
// Argument k (0-based) is tested, not differentiated: merge's mask, sign's second argument.
bool isPassiveArgument(const std::string& name, size_t k);
// Returns a scalar from array arguments (sum, maxval, dot_product, ...) when no dim= is given.
bool reducesToScalar(const std::string& name);
// Intrinsic subroutines: argument k is written (random_number(h), cpu_time(t), ...).
bool writesArgument(const std::string& subroutine, size_t k);

}  // namespace lomaw::fortran
