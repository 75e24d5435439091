#include "gradcheck/AppendedDerivatives.h"

#include <algorithm>

namespace lomaw::gradcheck {

AppendedDerivatives::AppendedDerivatives(const SourceFile& file, const std::string& declarations) : augmented_(file) {
    originalLines_ = static_cast<int>(std::count(file.text.begin(), file.text.end(), '\n')) + 1;
    augmented_.text += "\n\n" + declarations;
}

std::vector<Diagnostic> AppendedDerivatives::explain(std::vector<Diagnostic> diags, SourceLoc functionLoc,
                                                     const std::string& why) const {
    for (Diagnostic& d : diags)
        for (Diagnostic& n : d.notes)
            if (n.loc.line > originalLines_) {
                n.loc = functionLoc;
                n.message = why;
            }
    return diags;
}

}  // namespace lomaw::gradcheck
