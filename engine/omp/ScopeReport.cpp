#include "omp/ScopeReport.h"

#include <cstdio>

namespace lomaw::omp {

const char* scopeName(Scope s) {
    switch (s) {
        case Scope::Shared: return "shared";
        case Scope::Private: return "private";
        case Scope::FirstPrivate: return "firstprivate";
        case Scope::Reduction: return "reduction";
        case Scope::Atomic: return "atomic";
    }
    return "shared";
}

std::string VariableScope::primalName() const {
    if (lastPrivate) return primal == Scope::FirstPrivate ? "firstprivate+lastprivate" : "lastprivate";
    return scopeName(primal);
}

const VariableScope* LoopScopes::find(const std::string& name) const {
    for (const VariableScope& v : variables)
        if (v.name == name) return &v;
    return nullptr;
}

namespace {

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

}  // namespace

std::string toJson(const std::vector<LoopScopes>& loops) {
    if (loops.empty()) return "[]\n";
    std::string out = "[\n";
    for (size_t l = 0; l < loops.size(); ++l) {
        const LoopScopes& loop = loops[l];
        out += "  {\"function\": " + quoted(loop.function) + ", \"line\": " + std::to_string(loop.line) +
               ", \"variables\": [";
        for (size_t v = 0; v < loop.variables.size(); ++v) {
            const VariableScope& var = loop.variables[v];
            out += v == 0 ? "\n" : ",\n";
            out += "    {\"name\": " + quoted(var.name) + ", \"primal\": " + quoted(var.primalName()) +
                   ", \"adjoint\": " + (var.adjoint ? quoted(scopeName(*var.adjoint)) : std::string("null")) +
                   ", \"why\": " + quoted(var.why) + "}";
        }
        out += loop.variables.empty() ? "]}" : "\n  ]}";
        out += l + 1 < loops.size() ? ",\n" : "\n";
    }
    return out + "]\n";
}

}  // namespace lomaw::omp
