// Module-wide names (docs/language.md §1.2, §1.4, §2.6): reserved-name and duplicate-definition for
// structs, functions and derivative declarations, which share one namespace; registers the
// user structs in the StructTable (first definition of each name).
#pragma once

#include "sema/CheckContext.h"

namespace lomaw::sema {

class TopLevelChecker {
public:
    explicit TopLevelChecker(CheckContext& ctx) : ctx_(ctx) {}
    void run();

private:
    CheckContext& ctx_;
};

}  // namespace lomaw::sema
