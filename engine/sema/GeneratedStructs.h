// Appends the differential structs to the module (docs/language.md §2.6, TypeChecker.h): _dfloat,
// then _dS for every user struct S in source order, then the higher-order ones (_d_dfloat,
// _d_dS, ...) that some type of the module uses, level by level. The set is closed: a struct
// named by a member of an appended struct is appended too. A struct the user declared
// identically stays where it is and is not repeated.
#pragma once

#include <vector>

#include "sema/CheckContext.h"

namespace lomaw::sema {

class GeneratedStructs {
public:
    explicit GeneratedStructs(CheckContext& ctx) : ctx_(ctx) {}
    // `extraTypes`: types not reachable from the module's items (derivative signatures).
    void append(const std::vector<TypePtr>& extraTypes);

private:
    CheckContext& ctx_;
};

}  // namespace lomaw::sema
