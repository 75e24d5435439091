// The EmittedText line map (SourceMap.h): every C line is attributed, and a line that names a
// kernel line in its comment maps to exactly that line.
#include <sstream>
#include <vector>

#include "CodegenTestSupport.h"

namespace lomaw::codegen::test {
namespace {

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream ss(text);
    std::string line;
    while (std::getline(ss, line)) out.push_back(line);
    return out;
}

const char* kLineMapKernel = R"(
def f(x : In[float], n : In[int]) -> float:
    s : float
    y : float = x * 2.0
    for i in range(n):
        s = s + y
    if s > 10.0:
        s = 10.0
    return s
)";

TEST(CLineMap, EveryLineIsAttributedConsistentlyWithItsComment) {
    const EmittedText t = emitC(typedModule(kLineMapKernel));
    const auto lines = splitLines(t.text);
    ASSERT_EQ(lines.size(), t.sourceLines.size());
    for (size_t k = 0; k < lines.size(); ++k) {
        const std::string& l = lines[k];
        const auto pos = l.rfind("/* kernel.py:");
        if (pos == std::string::npos) {
            EXPECT_EQ(t.sourceLines[k], 0) << "line " << k + 1 << ": " << l;
        } else {
            EXPECT_EQ(t.sourceLines[k], std::stoi(l.substr(pos + 13))) << "line " << k + 1 << ": " << l;
        }
    }
}

TEST(CLineMap, StatementsMapToTheirKernelLines) {
    const EmittedText t = emitC(typedModule(kLineMapKernel));
    const auto lines = splitLines(t.text);
    auto lineOf = [&](const std::string& code) {
        for (size_t k = 0; k < lines.size(); ++k)
            if (lines[k].rfind(code, 0) == 0) return t.sourceLines[k];
        ADD_FAILURE() << "no line starting with " << code << "\n" << t.text;
        return -1;
    };
    EXPECT_EQ(lineOf("float f(float x, int n) {"), 2);
    EXPECT_EQ(lineOf("    float s = 0.0f;"), 3);
    EXPECT_EQ(lineOf("    float y = x * 2.0f;"), 4);
    EXPECT_EQ(lineOf("    for (int i = 0; i < n; i++) {"), 5);
    EXPECT_EQ(lineOf("        s = s + y;"), 6);
    EXPECT_EQ(lineOf("    if (s > 10.0f) {"), 7);
    EXPECT_EQ(lineOf("        s = 10.0f;"), 8);
    EXPECT_EQ(lineOf("    return s;"), 9);
    EXPECT_EQ(lineOf("#include <math.h>"), 0);
    EXPECT_EQ(lines.back(), "");
}

}  // namespace
}  // namespace lomaw::codegen::test
