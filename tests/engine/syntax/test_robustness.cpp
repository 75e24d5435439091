// The front end never crashes, hangs or throws on any byte sequence: ~2000 truncations, byte
// flips, insertions and random byte strings derived from the syntax kernels. Also: a large
// module parses in linear time.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>

#include "SyntaxTestSupport.h"
#include "syntax/PrettyPrinter.h"

namespace lomaw::syntax::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> seeds() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(LOMAW_TEST_KERNELS "/syntax"))
        if (e.path().extension() == ".py") out.push_back(readFile(e.path().string()));
    std::sort(out.begin(), out.end());
    return out;
}

// Parses and, when there is no error, prints: both must simply return. Every diagnostic must
// carry a real position inside the text.
void survive(const std::string& src) {
    DiagnosticSink d;
    ast::Module m = parse(src, d);
    // \r, \r\n and \n all end a line.
    int lines = static_cast<int>(std::count(src.begin(), src.end(), '\n') + std::count(src.begin(), src.end(), '\r')) + 2;
    for (const Diagnostic& x : d.raw()) {
        ASSERT_GE(x.loc.line, 1) << x.message;
        ASSERT_LE(x.loc.line, lines) << x.message;
        ASSERT_GE(x.loc.col, 1) << x.message;
        ASSERT_FALSE(x.code.empty());
    }
    (void)printModule(m);
    (void)formatDiagnostics(d.sorted(), "fuzz.py", src);
}

TEST(Robustness, MutatedKernelsNeverCrash) {
    std::vector<std::string> base = seeds();
    ASSERT_FALSE(base.empty());
    std::mt19937 rng(12345);
    const std::string alphabet = "()[]{}:;,.=+-*/<>!@#\\'\"\t\n \r_aZ09eExj\xC3\xA9\x80\xFF\0";
    int runs = 0;
    for (int i = 0; i < 2000; ++i) {
        std::string s = base[static_cast<size_t>(i) % base.size()];
        switch (i % 5) {
            case 0: s.resize(rng() % (s.size() + 1)); break;           // truncation
            case 1:                                                      // byte flips
                for (int k = 0; k < 1 + static_cast<int>(rng() % 8); ++k)
                    s[rng() % s.size()] = static_cast<char>(rng() & 0xFF);
                break;
            case 2:                                                      // syntax-character insertions
                for (int k = 0; k < 1 + static_cast<int>(rng() % 6); ++k)
                    s.insert(s.begin() + static_cast<long>(rng() % (s.size() + 1)), alphabet[rng() % alphabet.size()]);
                break;
            case 3: {                                                    // delete a slice
                size_t a = rng() % s.size(), len = rng() % 40;
                s.erase(a, std::min(len, s.size() - a));
                break;
            }
            case 4: {                                                    // random bytes
                s.clear();
                size_t n = rng() % 300;
                for (size_t k = 0; k < n; ++k) s += static_cast<char>(rng() & 0xFF);
                break;
            }
        }
        SCOPED_TRACE(i);
        survive(s);
        ++runs;
    }
    EXPECT_EQ(runs, 2000);
}

TEST(Robustness, PathologicalInputs) {
    survive("");
    survive("\n\n\n");
    survive(std::string(5000, '('));
    survive(std::string(5000, ')'));
    survive(std::string(3000, '-') + "x");
    survive("def f():\n    x = " + std::string(2000, '[') + "\n");
    survive("\"\"\"");
    survive("\\");
    survive("def f():\n" + std::string(200, '\t') + "x = 1\n");
    std::string deep = "def f():\n";
    for (int i = 0; i < 100; ++i) deep += std::string(static_cast<size_t>(4 * (i + 1)), ' ') + "if x:\n";
    deep += std::string(404, ' ') + "y = 1\n";
    survive(deep);
}

std::string bigModule(int functions) {
    std::string s;
    for (int i = 0; i < functions; ++i) {
        std::string n = std::to_string(i);
        s += "def f" + n + "(x : In[Array[float]], n : In[int]) -> float:\n";
        s += "    acc : float = 0.0\n";
        s += "    i : int = 0\n";
        s += "    while (i < n, max_iter := 100):\n";
        s += "        if x[i] > 0.5 and i < n - 1:\n";
        s += "            acc = acc + x[i] * 2.0 - f" + n + "(x, n - 1) / (1.0 + x[i + 1])\n";
        s += "        else:\n";
        s += "            acc = acc - 1.5e-3\n";
        s += "        i = i + 1\n";
        s += "    return acc\n\n";
    }
    return s;
}

TEST(Robustness, TenThousandLinesParseQuicklyAndLinearly) {
    std::string src = bigModule(910);  // ~10,000 lines
    auto t0 = std::chrono::steady_clock::now();
    DiagnosticSink d;
    ast::Module m = parse(src, d);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_TRUE(d.empty());
    EXPECT_EQ(m.items.size(), 910u);
    // Release: a few ms. The bound is loose so that Debug and sanitizer builds pass too.
    EXPECT_LT(ms, 2000.0);
    RecordProperty("parse_ms", std::to_string(ms));
}

TEST(Robustness, LongSingleLineIsLinear) {
    std::string src = "def f():\n    x = 1";
    for (int i = 0; i < 100000; ++i) src += " + 1";
    src += "\n";
    auto t0 = std::chrono::steady_clock::now();
    DiagnosticSink d;
    parse(src, d);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    // A 100,000-deep left chain would overflow the stack of every recursive later stage: it
    // is one syntax error (Python itself refuses it with a RecursionError).
    ASSERT_EQ(diagCodes(d), std::vector<std::string>{"2:" + std::to_string(7 + 4 * 1000) + " error syntax-error"});
    EXPECT_LT(ms, 3000.0);
}

TEST(Robustness, LongButReasonableChainsParse) {
    std::string src = "def f():\n    x = 1";
    for (int i = 0; i < 900; ++i) src += " + 1";
    src += "\n    y = ";
    for (int i = 0; i < 90; ++i) src += "(1 + ";
    src += "1" + std::string(90, ')') + "\n";
    Parsed p = parseText(src);
    EXPECT_TRUE(p.diags.empty());
    EXPECT_EQ(fn(p.module, 0).body.size(), 2u);
}

}  // namespace
}  // namespace lomaw::syntax::test
