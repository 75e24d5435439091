#include "codegen/CAdIntrinsics.h"

#include "codegen/CTypeEmitter.h"

namespace lomaw::codegen {

namespace {

// The thread-local buffer a heap tape keeps between calls: `_lw_keep_<tape>` and its capacity
// (backend names start with `_lw_` and never end with '_', so no kernel name is captured).
std::string keptBuffer(const std::string& tape) { return "_lw_keep_" + tape + "_buffer"; }
std::string keptCapacity(const std::string& tape) { return "_lw_keep_" + tape + "_cap"; }

// if (full) { cap = newCap; tape = realloc(tape, cap entries); runtime error when that fails }
void grow(const std::string& full, const std::string& newCap, const std::string& tape, const std::string& cap,
          CUnitContext& unit, CWriter& out, int indent, int line) {
    out.line(indent, "if (" + full + ") {", line);
    out.line(indent + 1, cap + " = " + newCap + ";", line);
    out.line(indent + 1, tape + " = realloc(" + tape + ", (size_t)" + cap + " * sizeof *" + tape + ");", line);
    out.line(indent + 1, "if (!" + tape + ") {", line);
    out.line(indent + 2, unit.names.runtimeErrorHelper() + "(\"out of memory for a reverse-mode tape\");", line);
    out.line(indent + 1, "}", line);
    out.line(indent, "}", line);
}

}  // namespace

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
    if ((n == "__lomaw_tape_reserve" || n == "__lomaw_tape_presize") && call.operands.size() == 3) {
        unit.usesIntDivision = true;  // <stdlib.h> for realloc, the error helper
        CPrelude pre;
        std::string tape = exprs.value(*call.operands[0], pre).text;
        std::string cap = exprs.value(*call.operands[1], pre).text;
        std::string count = exprs.value(*call.operands[2], pre).text;
        if (n == "__lomaw_tape_reserve")  // room for tape[count]: doubled when full
            grow(count + " >= " + cap, cap + " > 0 ? 2 * " + cap + " : 64", tape, cap, unit, out, indent, line);
        else  // room for `count` entries at once (a loop's whole trip, on entry), at least doubled
            grow(count + " > " + cap, count + " > 2 * " + cap + " ? " + count + " : 2 * " + cap, tape, cap, unit,
                 out, indent, line);
        return true;
    }
    if ((n == "__lomaw_tape_acquire" || n == "__lomaw_tape_release") && call.operands.size() == 2 &&
        call.operands[0] && call.operands[0]->type) {
        // A tape persists per thread across calls: acquire takes the buffer the last call on
        // this thread kept (and leaves none behind, so a recursive call starts its own),
        // release keeps the larger of the two and frees the other. Never zero-filled.
        unit.usesIntDivision = true;  // <stdlib.h> for free
        CPrelude pre;
        std::string tape = exprs.value(*call.operands[0], pre).text;
        std::string cap = exprs.value(*call.operands[1], pre).text;
        std::string keep = keptBuffer(tape), keepCap = keptCapacity(tape);
        if (n == "__lomaw_tape_acquire") {
            out.line(indent, "static _Thread_local " + cDeclarator(*call.operands[0]->type, keep) + " = 0;", line);
            out.line(indent, "static _Thread_local long " + keepCap + " = 0;", line);
            out.line(indent, tape + " = " + keep + "; " + cap + " = " + keepCap + ";", line);
            out.line(indent, keep + " = 0; " + keepCap + " = 0;", line);
            return true;
        }
        out.line(indent, "if (" + cap + " > " + keepCap + ") {", line);
        out.line(indent + 1, "free(" + keep + "); " + keep + " = " + tape + "; " + keepCap + " = " + cap + ";", line);
        out.line(indent, "} else {", line);
        out.line(indent + 1, "free(" + tape + ");", line);
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
