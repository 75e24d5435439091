// Shared state of one C translation unit while it is emitted: the module, the names, which
// runtime helpers the code uses, and the small text containers the emitters write into.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "codegen/CNames.h"
#include "codegen/CText.h"
#include "syntax/Ast.h"
#include "syntax/SourceMap.h"

namespace lomaw::codegen {

// Everything the unit needs at file scope, discovered while the functions are emitted
// (helpers and includes are written before the functions but only when used).
struct CUnitContext {
    CUnitContext(const ast::Module& m, std::string source, bool bounds = false)
        : module(m), sourceName(std::move(source)), names(m), checkBounds(bounds) {}

    const ast::Module& module;
    std::string sourceName;
    CUnitNames names;
    bool checkBounds = false;      // --check-bounds: indices checked, extent registry (CBoundsChecks.h)
    bool usesIntDivision = false;  // _lw_div_int + _lw_runtime_error, <stdio.h>, <stdlib.h>
    bool usesMemcpy = false;       // firstprivate copies of arrays, <string.h>
    bool usesInternalError = false;
    // CEmitOptions::loopComments (may be null): lines above a parallel loop's directive.
    const std::map<const ast::Stmt*, std::vector<std::string>>* loopComments = nullptr;
};

// Output lines with their kernel line. A line attributed to kernel line L > 0 ends with the
// comment "/* SOURCE:L */" (the one form used everywhere; SOURCE rendered by cCommentText), so the text names its origin and
// the EmittedText map can never disagree with it.
class CWriter {
public:
    // The file name as it appears in the comments (CText.h: it cannot end the comment).
    explicit CWriter(const std::string& sourceName) : sourceName_(cCommentText(sourceName)) {}

    void line(int indent, const std::string& text, int sourceLine = 0) {
        std::string s(static_cast<size_t>(indent) * 4, ' ');
        s += text;
        if (sourceLine > 0) s += "  /* " + sourceName_ + ":" + std::to_string(sourceLine) + " */";
        lines_.emplace_back(std::move(s), sourceLine > 0 ? sourceLine : 0);
    }
    // A comment line attributed to kernel line L without the "/* SOURCE:L */" suffix (it is a
    // comment itself, possibly one line of a block: the suffix would end or nest in it).
    void comment(int indent, const std::string& text, int sourceLine) {
        lines_.emplace_back(std::string(static_cast<size_t>(indent) * 4, ' ') + text, sourceLine > 0 ? sourceLine : 0);
    }
    // A preprocessor line at column 0 (#ifdef / #endif / #include), unattributed.
    void directive(const std::string& text) { lines_.emplace_back(text, 0); }
    void blank() { lines_.emplace_back("", 0); }
    void append(const CWriter& other) {
        lines_.insert(lines_.end(), other.lines_.begin(), other.lines_.end());
    }
    void writeTo(TextBuilder& out) const {
        for (const auto& [text, src] : lines_) out.line(text, src);
    }

private:
    std::string sourceName_;
    std::vector<std::pair<std::string, int>> lines_;
};

// Statements that must run before the statement being emitted: temporaries that fix
// loma's left-to-right evaluation order, and the `if` blocks of short-circuit operands.
class CPrelude {
public:
    void line(std::string text) { lines_.emplace_back(depth_, std::move(text)); }
    void open(std::string text) {
        line(std::move(text));
        ++depth_;
    }
    void close() {
        --depth_;
        line("}");
    }
    void append(const CPrelude& other) {
        for (const auto& [d, t] : other.lines_) lines_.emplace_back(depth_ + d, t);
    }
    bool empty() const { return lines_.empty(); }
    const std::vector<std::pair<int, std::string>>& lines() const { return lines_; }

private:
    int depth_ = 0;
    std::vector<std::pair<int, std::string>> lines_;
};

// A kernel variable as C sees it.
struct CVar {
    // Pointer: an Out scalar/struct parameter; its uses are (*p) and p->m.
    enum class Access { Value, Pointer };
    std::string cName;
    TypePtr type;
    Access access = Access::Value;
    bool param = false;  // a parameter (arrays of arrays then have pointer layout)
};

// The variables visible while emitting one function body, with shadowing frames for the
// per-thread copies of pragma loops, and the function's temporary counter.
class CFunctionScope {
public:
    CFunctionScope(CUnitContext& u, const ast::Function& f, bool simd)
        : unit(u), function(f), simdBody(simd) {
        frames_.emplace_back();
    }

    const CVar* find(const std::string& name) const {
        for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
            if (auto v = it->find(name); v != it->end()) return &v->second;
        return nullptr;
    }
    void declare(const std::string& name, CVar v) { frames_.back()[name] = std::move(v); }
    void push() { frames_.emplace_back(); }
    void pop() { frames_.pop_back(); }
    // A fresh internal name "_lw_<hint><N>" (N counts per function).
    std::string temp(const std::string& hint) { return "_lw_" + hint + std::to_string(++counter_); }

    CUnitContext& unit;
    const ast::Function& function;
    bool simdBody;          // emitting the per-thread body of a @simd function
    int parallelDepth = 0;  // > 0 inside an emitted OpenMP parallel region

private:
    std::vector<std::map<std::string, CVar>> frames_;
    int counter_ = 0;
};

// The thread index variable of a @simd per-thread body.
inline const char* kSimdThreadIdName = "_lw_tid";
inline const char* kSimdThreadCountName = "_n_threads";

}  // namespace lomaw::codegen
