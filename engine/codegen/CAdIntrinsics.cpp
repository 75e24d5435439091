#include "codegen/CAdIntrinsics.h"

namespace lomaw::codegen {

bool emitAdIntrinsic(const ast::Expr& call, CExprEmitter& exprs, CUnitContext& unit, CWriter& out,
                     int indent, int line) {
    const std::string& n = call.name;
    if (n == "__lomaw_max_iter_exceeded" && call.operands.size() == 1 && call.operands[0]) {
        unit.usesIntDivision = true;  // brings in the runtime error helper and its headers
        out.line(indent,
                 unit.names.runtimeErrorHelper() + "(\"reverse-mode while loop exceeded max_iter (" +
                     std::to_string(call.operands[0]->intValue) + ")\");",
                 line);
        return true;
    }
    if (n == "__lomaw_tape_reserve" && call.operands.size() == 3) {
        unit.usesIntDivision = true;  // <stdlib.h> for realloc, the error helper
        CPrelude pre;
        std::string tape = exprs.value(*call.operands[0], pre).text;
        std::string cap = exprs.value(*call.operands[1], pre).text;
        std::string count = exprs.value(*call.operands[2], pre).text;
        out.line(indent, "if (" + count + " >= " + cap + ") {", line);
        out.line(indent + 1, cap + " = " + cap + " > 0 ? 2 * " + cap + " : 64;", line);
        out.line(indent + 1, tape + " = realloc(" + tape + ", (size_t)" + cap + " * sizeof *" + tape + ");", line);
        out.line(indent + 1, "if (!" + tape + ") {", line);
        out.line(indent + 2, unit.names.runtimeErrorHelper() + "(\"out of memory for a reverse-mode tape\");", line);
        out.line(indent + 1, "}", line);
        out.line(indent, "}", line);
        return true;
    }
    if (n == "__lomaw_tape_free" && call.operands.size() == 1) {
        unit.usesIntDivision = true;  // <stdlib.h>
        CPrelude pre;
        out.line(indent, "free(" + exprs.value(*call.operands[0], pre).text + ");", line);
        return true;
    }
    return false;
}

}  // namespace lomaw::codegen
