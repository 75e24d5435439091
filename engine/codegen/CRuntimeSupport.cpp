#include "codegen/CRuntimeSupport.h"

namespace lomaw::codegen {

void emitIncludes(const CUnitContext& unit, CWriter& out) {
    out.directive("#include <math.h>");
    if (unit.usesIntDivision || unit.checkBounds) {
        out.directive("#include <stdio.h>");
        out.directive("#include <stdlib.h>");
    }
    if (unit.usesMemcpy) out.directive("#include <string.h>");
    if (unit.usesInternalError)
        out.directive("#error \"internal compiler error in the lomaworks C backend (see comments below)\"");
    out.blank();
}

void emitRuntimeHelpers(const CUnitContext& unit, CWriter& out) {
    if (!unit.usesIntDivision && !unit.checkBounds) return;
    const std::string& error = unit.names.runtimeErrorHelper();
    const std::string& div = unit.names.intDivisionHelper();
    out.line(0, "/* Runtime errors: one line on stderr, exit status 3. */");
    out.line(0, "static void " + error + "(const char* message) {");
    out.line(1, "fprintf(stderr, \"runtime error: %s\\n\", message);");
    out.line(1, "exit(3);");
    out.line(0, "}");
    out.blank();
    if (!unit.usesIntDivision) return;  // the bounds checks (CBoundsChecks.h) use only the error helper
    out.line(0, "/* int / int: truncating; division by zero and INT_MIN / -1 are runtime errors. */");
    out.line(0, "static int " + div + "(int a, int b) {");
    out.line(1, "if (b == 0) {");
    out.line(2, error + "(\"integer division by zero\");");
    out.line(1, "}");
    out.line(1, "if (a == -2147483647 - 1 && b == -1) {");
    out.line(2, error + "(\"integer overflow in division (-2147483648 / -1)\");");
    out.line(1, "}");
    out.line(1, "return a / b;");
    out.line(0, "}");
    out.blank();
}

}  // namespace lomaw::codegen
