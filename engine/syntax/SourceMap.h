// Generated text together with its line -> kernel-source-line map. Every emitter returns one;
// the GUI's linked highlighting and diagnostics in generated code stand on the map.
#pragma once

#include <string>
#include <vector>

namespace lomaw {

struct EmittedText {
    std::string text;
    // sourceLines[k] is the kernel source line that output line k+1 came from; 0 for lines
    // that come from no particular statement (headers, blank lines, closing braces).
    std::vector<int> sourceLines;
};

// Builds an EmittedText line by line; emitters use it so the map can never drift from the text.
class TextBuilder {
public:
    // Appends one output line (without '\n') attributed to kernel line `sourceLine`.
    void line(const std::string& text, int sourceLine = 0) {
        out_.text += text;
        out_.text += '\n';
        out_.sourceLines.push_back(sourceLine);
    }
    void blank() { line(""); }
    EmittedText take() { return std::move(out_); }
    size_t lineCount() const { return out_.sourceLines.size(); }

private:
    EmittedText out_;
};

}  // namespace lomaw
