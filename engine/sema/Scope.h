// The variables of one function body (docs/language.md §3.1): one flat namespace of parameters and
// locals, plus the stack of active `for` loop variables (§9.1), which are visible only inside
// their loop's body.
#pragma once

#include <unordered_map>
#include <string>
#include <vector>

#include "syntax/SourceLoc.h"
#include "syntax/Type.h"

namespace lomaw::sema {

struct VarInfo {
    enum class Kind { Param, Local, LoopVar };
    Kind kind = Kind::Local;
    std::string name;
    TypePtr type;
    SourceLoc loc;
    bool isOut = false;  // Param: an Out parameter

    bool isInArrayParam() const { return kind == Kind::Param && !isOut && type && type->isArray(); }
};

class FunctionScope {
public:
    // Innermost loop variable first, then parameters and locals.
    const VarInfo* lookup(const std::string& name) const {
        for (auto it = loopVars_.rbegin(); it != loopVars_.rend(); ++it)
            if (it->name == name) return &*it;
        return lookupVar(name);
    }
    // Parameters and locals only.
    const VarInfo* lookupVar(const std::string& name) const {
        auto it = vars_.find(name);
        return it == vars_.end() ? nullptr : &it->second;
    }
    // False (and nothing added) when a parameter or local of that name exists.
    bool declare(VarInfo v) { return vars_.emplace(v.name, v).second; }

    void pushLoopVar(VarInfo v) { loopVars_.push_back(std::move(v)); }
    void popLoopVar() { loopVars_.pop_back(); }
    bool isActiveLoopVar(const std::string& name) const {
        for (const VarInfo& v : loopVars_)
            if (v.name == name) return true;
        return false;
    }

private:
    std::unordered_map<std::string, VarInfo> vars_;  // looked up for every name use: hashed
    std::vector<VarInfo> loopVars_;
};

}  // namespace lomaw::sema
