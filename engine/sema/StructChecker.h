// User struct declarations (docs/language.md §1.5, §2.3, §2.6): member types, reserved and duplicate
// member names, empty and recursive structs (bad-struct), and user structs that redeclare a
// generated differential struct (accepted when identical, duplicate-definition otherwise).
#pragma once

#include "sema/CheckContext.h"

namespace lomaw::sema {

class StructChecker {
public:
    explicit StructChecker(CheckContext& ctx) : ctx_(ctx) {}
    void run();

private:
    void resolveMembers(ast::StructDecl& s);
    void checkRecursion();
    void checkGeneratedRedeclarations();

    CheckContext& ctx_;
};

}  // namespace lomaw::sema
