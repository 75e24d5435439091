#include "ad/TapeReport.h"

#include <sstream>

namespace lomaw::ad {

long long TapeLoop::bytesPerIteration() const {
    long long n = 0;
    for (const TapeRecord& r : recorded) n += r.bytes;
    return n;
}

namespace {

const char* kindName(TapeRecord::Kind k) {
    switch (k) {
        case TapeRecord::Kind::Value: return "value";
        case TapeRecord::Kind::Branch: return "branch decision";
        case TapeRecord::Kind::IterationCount: return "iteration count of the inner loop";
        case TapeRecord::Kind::LoopBound: return "loop bound";
        case TapeRecord::Kind::OutArgument: return "value overwritten by a call";
    }
    return "value";
}

std::string lines(const std::vector<int>& ls) {
    std::string s;
    for (int l : ls) s += (s.empty() ? "" : ", ") + std::to_string(l);
    return s;
}

}  // namespace

std::string formatTapeReport(const TapeReport& report) {
    std::ostringstream o;
    for (const DerivativeTapes& d : report.derivatives) {
        o << d.derivative << " (reverse of " << d.primal << ", line " << d.line << ")\n";
        for (const TapeLoop& l : d.loops) {
            std::string indent(2 * static_cast<size_t>(l.depth) + 2, ' ');
            if (l.kind == "body") o << indent << "outside loops: ";
            else o << indent << l.kind << " loop at line " << l.line << ": ";
            o << l.bytesPerIteration() << (l.kind == "body" ? " bytes\n" : " bytes per iteration\n");
            for (const TapeRecord& r : l.recorded) {
                o << indent << "  records " << r.variable << " (" << kindName(r.kind) << ", " << r.bytes
                  << " bytes, line " << r.line << ")";
                if (!r.readBy.empty()) o << ", read by the adjoint of line" << (r.readBy.size() > 1 ? "s " : " ") << lines(r.readBy);
                o << "\n";
            }
            for (const TapeRecompute& r : l.recomputed) {
                if (r.kind == TapeRecompute::Kind::Unneeded) {
                    o << indent << "  does not record " << r.variable << " (line " << r.line
                      << "): nothing reads its old value after the line is undone\n";
                    continue;
                }
                o << indent << "  " << (r.kind == TapeRecompute::Kind::InverseStep ? "restores " : "recomputes ")
                  << r.variable << " by `" << r.how << "` (line " << r.line << ")\n";
            }
        }
    }
    return o.str();
}

}  // namespace lomaw::ad
