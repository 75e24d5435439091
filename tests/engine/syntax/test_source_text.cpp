// Source text the lexer and the diagnostic printer must cope with: a UTF-8 byte-order mark
// (skipped, as Python does), and control characters, invalid UTF-8 and bidirectional-text controls
// in a line shown in an excerpt (escaped, the caret still under the right character).
#include <gtest/gtest.h>

#include "SyntaxTestSupport.h"

namespace lomaw::syntax::test {
namespace {

const std::string kBom = "\xEF\xBB\xBF";

TEST(SourceText, ByteOrderMarkIsSkippedAndColumnsCountAfterIt) {
    EXPECT_TRUE(codesOf(kBom + "def f(x : In[float]) -> float:\n    return x\n").empty());
    // The error at `$` is in column 7 of the first line, as without the mark.
    EXPECT_EQ(codesOf(kBom + "def f($):\n    pass\n"), codesOf("def f($):\n    pass\n"));
    EXPECT_EQ(codesOf(kBom + "def f($):\n    pass\n").front(), "1:7 error syntax-error");
    // Only at the very start: elsewhere it is a non-ASCII character.
    EXPECT_EQ(codesOf("def f():\n    " + kBom + "pass\n"), std::vector<std::string>{"2:5 error syntax-error"});
}

std::string excerpt(const std::string& line, int col) {
    Diagnostic d{Severity::Error, {1, col}, "c", "m", {}};
    std::string text = formatDiagnostic(d, "k.py", line + "\n");
    return text.substr(text.find('\n') + 1);  // the source line and the caret line
}

TEST(SourceText, ExcerptShowsControlCharactersAsEscapes) {
    // ESC at column 3: shown as four characters, the caret under the one after it (column 4).
    EXPECT_EQ(excerpt("a \x1b[2Jb", 4), "    a \\x1b[2Jb\n          ^\n");
    EXPECT_EQ(excerpt("\x07x", 2), "    \\x07x\n        ^\n");
    EXPECT_EQ(excerpt("x\x7f", 2), "    x\\x7f\n     ^\n");
    // Tabs stay tabs (in both lines), so the caret lines up on any tab width.
    EXPECT_EQ(excerpt("\tx", 2), "    \tx\n    \t^\n");
}

TEST(SourceText, ExcerptEscapesInvalidUtf8AndTextDirectionControls) {
    // U+202E (right-to-left override) would reverse the rest of the line on screen.
    EXPECT_EQ(excerpt("# \xE2\x80\xAE x", 5), "    # \\u202e x\n             ^\n");
    // A C1 control (U+009B, CSI) and lone bytes.
    EXPECT_EQ(excerpt("\xC2\x9B" "x", 2), "    \\u009bx\n          ^\n");
    EXPECT_EQ(excerpt("\xFF" "x", 2), "    \\xffx\n        ^\n");
    // Ordinary non-ASCII characters print as they are and take one column.
    EXPECT_EQ(excerpt("# \xC3\xA9t\xC3\xA9 x", 7), "    # \xC3\xA9t\xC3\xA9 x\n          ^\n");
}

TEST(SourceText, ExcerptOfAFileWithAByteOrderMarkHidesIt) {
    Diagnostic d{Severity::Error, {1, 1}, "c", "m", {}};
    EXPECT_EQ(formatDiagnostic(d, "k.py", kBom + "x = 1\n"), "k.py:1:1: error: m [c]\n    x = 1\n    ^\n");
}

}  // namespace
}  // namespace lomaw::syntax::test
