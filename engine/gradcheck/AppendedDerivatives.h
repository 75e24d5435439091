// Derivatives the engine needs but the module may not declare (gradcheck, descend) are made by
// appending declarations such as `_lomaw_gc_rev = rev_diff(f)` to a copy of the source, so they
// are generated, checked and built by the same pipeline as a user's own declarations.
#pragma once

#include <string>
#include <vector>

#include "Engine.h"

namespace lomaw::gradcheck {

class AppendedDerivatives {
public:
    // `declarations`: one line per declaration, e.g. "_lomaw_gc_rev = rev_diff(f)\n".
    AppendedDerivatives(const SourceFile& file, const std::string& declarations);

    const SourceFile& file() const { return augmented_; }

    // Notes that point at the appended lines would show lines the user's file does not have:
    // they point at `functionLoc` instead and say `why` ("gradcheck differentiates 'f' ...").
    std::vector<Diagnostic> explain(std::vector<Diagnostic> diags, SourceLoc functionLoc, const std::string& why) const;

private:
    SourceFile augmented_;
    int originalLines_ = 0;
};

}  // namespace lomaw::gradcheck
