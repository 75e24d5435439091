// The lexer: Python's indentation (tabs to multiples of 8, the tabs-as-one-column consistency
// check), logical lines, literals and positions.
#include <gtest/gtest.h>

#include <cmath>

#include <memory>

#include "syntax/Lexer.h"

namespace lomaw::syntax {
namespace {

std::string kinds(const LexResult& r) {
    std::string out;
    for (const Token& t : r.tokens) {
        switch (t.kind) {
            case TokKind::Name: out += "N"; break;
            case TokKind::Int: out += "I"; break;
            case TokKind::Float: out += "F"; break;
            case TokKind::Imaginary: out += "J"; break;
            case TokKind::String: out += "S"; break;
            case TokKind::Op: out += std::string(t.text); break;
            case TokKind::Newline: out += "|"; break;
            case TokKind::Indent: out += ">"; break;
            case TokKind::Dedent: out += "<"; break;
            case TokKind::Pragma: out += "P"; break;
            case TokKind::Error: out += "!"; break;
            case TokKind::EndOfFile: out += "$"; break;
        }
    }
    return out;
}

// Token texts are views into the source, so the sources of a test stay alive until it ends.
std::string_view keep(const std::string& src) {
    static std::vector<std::unique_ptr<std::string>> sources;
    sources.push_back(std::make_unique<std::string>(src));
    return *sources.back();
}

LexResult lexOk(const std::string& text) {
    std::string_view src = keep(text);
    DiagnosticSink d;
    LexResult r = lex(src, d);
    EXPECT_TRUE(d.empty()) << formatDiagnostics(d.sorted(), "t", src);
    return r;
}

TEST(Lexer, IndentAndDedentFollowBlockStructure) {
    LexResult r = lexOk("if a:\n    b\n    if c:\n        d\ne\n");
    EXPECT_EQ(kinds(r), "NN:|>N|NN:|>N|<<N|$");
}

TEST(Lexer, BlankAndCommentLinesCarryNoIndentation) {
    LexResult r = lexOk("if a:\n\n        # deep comment\n    b\n  # shallow\n    c\n");
    EXPECT_EQ(kinds(r), "NN:|>N|N|<$");
}

TEST(Lexer, TabAdvancesToNextMultipleOfEight) {
    // 4 spaces + tab = column 8, same as 8 spaces... but the tabs-as-one check then sees 5 vs 8.
    DiagnosticSink d;
    lex("if a:\n        b\n    \tc\n", d);
    ASSERT_EQ(d.raw().size(), 1u);
    EXPECT_EQ(d.raw()[0].code, "syntax-error");
    EXPECT_EQ(d.raw()[0].loc, (SourceLoc{3, 6}));
    EXPECT_NE(d.raw()[0].message.find("inconsistent use of tabs"), std::string::npos);
}

TEST(Lexer, SpacesThenTabUnderFourSpaceHeaderIsLegal) {
    // The example of docs/language.md §1.1: body at column 8 (4 spaces + tab) under a header at 4.
    LexResult r = lexOk("def f():\n    if a:\n    \tb\n    c\n");
    EXPECT_EQ(kinds(r), "NN():|>NN:|>N|<N|<$");
}

TEST(Lexer, TabOnlyIndentationIsConsistent) {
    LexResult r = lexOk("if a:\n\tb\n\tif c:\n\t\td\n");
    EXPECT_EQ(kinds(r), "NN:|>N|NN:|>N|<<$");
}

TEST(Lexer, TabVersusEightSpacesAtSameLevelIsInconsistent) {
    DiagnosticSink d;
    lex("if a:\n        b\n\tc\n", d);
    ASSERT_EQ(d.raw().size(), 1u);
    EXPECT_EQ(d.raw()[0].loc, (SourceLoc{3, 2}));
}

TEST(Lexer, UnindentToUnknownLevelIsReported) {
    DiagnosticSink d;
    LexResult r = lex("if a:\n    b\n  c\n", d);
    ASSERT_EQ(d.raw().size(), 1u);
    EXPECT_EQ(d.raw()[0].loc, (SourceLoc{3, 3}));
    EXPECT_NE(d.raw()[0].message.find("unindent"), std::string::npos);
    EXPECT_EQ(kinds(r), "NN:|>N|<!N|$");
}

TEST(Lexer, BracketsAndBackslashContinueLogicalLines) {
    LexResult r = lexOk("x = f(a,\n      b) + \\\n  c[\n1]\ny\n");
    EXPECT_EQ(kinds(r), "N=N(N,N)+N[I]|N|$");
    // Positions after a continuation are on their physical line.
    EXPECT_EQ(r.tokens[6].loc, (SourceLoc{2, 7}));  // b
}

TEST(Lexer, SemicolonsAndMissingFinalNewline) {
    LexResult r = lexOk("a = 1; b = 2;");
    EXPECT_EQ(kinds(r), "N=I;N=I;|$");
}

TEST(Lexer, IntegerLiteralForms) {
    LexResult r = lexOk("42 0x2A 0o52 0b101010 1_000_000 0 00 0x_1f 2147483647 2147483648");
    std::vector<long long> want = {42, 42, 42, 42, 1000000, 0, 0, 31, 2147483647, 2147483648LL};
    ASSERT_EQ(kinds(r), "IIIIIIIIII|$");
    for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(r.tokens[i].intValue, want[i]) << i;
    EXPECT_FALSE(r.tokens[8].intOverflow);
    EXPECT_TRUE(r.tokens[9].intOverflow);
}

TEST(Lexer, HugeIntegerSaturatesAndOverflows) {
    LexResult r = lexOk("123456789012345678901234567890");
    EXPECT_TRUE(r.tokens[0].intOverflow);
}

TEST(Lexer, FloatLiteralForms) {
    LexResult r = lexOk("1.0 1. .5 2e3 1.5e-3 1_0.2_5 1E+2 0.1");
    std::vector<double> want = {1.0, 1.0, 0.5, 2000.0, 0.0015, 10.25, 100.0, 0.1};
    ASSERT_EQ(kinds(r), "FFFFFFFF|$");
    for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(r.tokens[i].floatValue, want[i]) << i;
}

TEST(Lexer, FloatBeyondDoubleRangeIsInfinityAndTinyIsZero) {
    LexResult r = lexOk("1e999 1e-999 0.000e5000");
    EXPECT_TRUE(std::isinf(r.tokens[0].floatValue));
    EXPECT_EQ(r.tokens[1].floatValue, 0.0);
    EXPECT_EQ(r.tokens[2].floatValue, 0.0);
}

TEST(Lexer, MalformedNumbersAreSyntaxErrors) {
    for (const char* bad : {"1__0", "1_", "0x", "0b2", "0o8", "012", "1e", "1abc", "0x1g"}) {
        DiagnosticSink d;
        const std::string source = std::string("x = ") + bad + "\n";  // tokens view into it
        LexResult r = lex(source, d);
        ASSERT_EQ(d.raw().size(), 1u) << bad;
        EXPECT_EQ(d.raw()[0].code, "syntax-error") << bad;
        EXPECT_EQ(d.raw()[0].loc, (SourceLoc{1, 5})) << bad;
        EXPECT_EQ(kinds(r), "N=!|$") << bad;
    }
}

TEST(Lexer, StringsIncludingPrefixesAndTripleQuotes) {
    LexResult r = lexOk("'a' \"b\" r'\\'' b\"x\" '''multi\nline''' f'{x}'\nz\n");
    EXPECT_EQ(kinds(r), "SSSSSS|N|$");
    EXPECT_EQ(r.tokens[7].loc, (SourceLoc{3, 1}));
}

TEST(Lexer, UnterminatedStrings) {
    DiagnosticSink d;
    lex("x = 'abc\ny = 1\n", d);
    ASSERT_EQ(d.raw().size(), 1u);
    EXPECT_EQ(d.raw()[0].loc, (SourceLoc{1, 5}));
    DiagnosticSink d2;
    lex("x = \"\"\"abc\ny = 1\n", d2);
    ASSERT_EQ(d2.raw().size(), 1u);
    EXPECT_NE(d2.raw()[0].message.find("triple-quoted"), std::string::npos);
}

TEST(Lexer, ColumnsCountCharactersNotBytes) {
    // "é" is two bytes but one column; a tab is one column.
    DiagnosticSink d;
    LexResult r = lex("'é' \tx\n", d);
    EXPECT_TRUE(d.empty());
    EXPECT_EQ(r.tokens[1].loc, (SourceLoc{1, 6}));
}

TEST(Lexer, NonAsciiOutsideCommentsAndStringsIsReportedAtItsColumn) {
    DiagnosticSink d;
    lex("# commént is fine\nab\xC3\xA9 = 1\n", d);
    ASSERT_EQ(d.raw().size(), 1u);
    EXPECT_EQ(d.raw()[0].loc, (SourceLoc{2, 3}));
}

TEST(Lexer, PragmaCommentLinesAreKeptBesideTheStream) {
    LexResult r = lexOk("def f():\n    x = 1\n#pragma omp parallel for shared(a)\n    for i in r:\n        y\n"
                        "    z = 1  # pragma not a pragma line\n");
    ASSERT_EQ(r.pragmas.size(), 1u);
    EXPECT_EQ(r.pragmas[0].loc, (SourceLoc{3, 1}));
    EXPECT_EQ(r.pragmas[0].text, "#pragma omp parallel for shared(a)");
    // The comment line does not disturb the block structure.
    EXPECT_EQ(kinds(r), "NN():|>N=I|NNNN:|>N|<N=I|<$");
}

TEST(Lexer, OmpParallelForRecognition) {
    EXPECT_EQ(ompParallelForClauses("#pragma omp parallel for shared(x)"), std::optional<size_t>(24));
    EXPECT_TRUE(ompParallelForClauses("#  pragma   omp\tparallel for").has_value());
    EXPECT_FALSE(ompParallelForClauses("#pragma omp parallel").has_value());
    EXPECT_FALSE(ompParallelForClauses("#pragma omp parallel forx").has_value());
    EXPECT_FALSE(ompParallelForClauses("#pragma omp simd").has_value());
}

TEST(Lexer, OperatorsUseLongestMatch) {
    LexResult r = lexOk("a **= b // c -> d := e != f <= g >> h ... i");
    std::vector<std::string> ops;
    for (const Token& t : r.tokens)
        if (t.kind == TokKind::Op) ops.emplace_back(t.text);
    EXPECT_EQ(ops, (std::vector<std::string>{"**=", "//", "->", ":=", "!=", "<=", ">>", "..."}));
}

TEST(Lexer, KeywordsAreClassified) {
    LexResult r = lexOk("while max_iter and None match");
    EXPECT_EQ(r.tokens[0].kw, Kw::While);
    EXPECT_EQ(r.tokens[1].kw, Kw::None_);
    EXPECT_EQ(r.tokens[2].kw, Kw::And);
    EXPECT_EQ(r.tokens[3].kw, Kw::NoneLit);
    EXPECT_EQ(r.tokens[4].kw, Kw::None_);  // soft keyword
}

TEST(Lexer, UnbalancedBrackets) {
    DiagnosticSink d;
    LexResult r = lex("x = (1,\n  2\ny = 3\n", d);
    ASSERT_EQ(d.raw().size(), 1u);
    EXPECT_EQ(d.raw()[0].loc, (SourceLoc{1, 5}));
    ASSERT_TRUE(r.unclosedBracket.has_value());
    DiagnosticSink d2;
    lex("x = (1]\n", d2);
    ASSERT_EQ(d2.raw().size(), 1u);
    EXPECT_EQ(d2.raw()[0].loc, (SourceLoc{1, 7}));
    DiagnosticSink d3;
    lex("x = 1)\n", d3);
    ASSERT_EQ(d3.raw().size(), 1u);
    EXPECT_EQ(d3.raw()[0].loc, (SourceLoc{1, 6}));
}

TEST(Lexer, CrLfLineEndings) {
    LexResult r = lexOk("if a:\r\n    b\r\nc\r\n");
    EXPECT_EQ(kinds(r), "NN:|>N|<N|$");
    EXPECT_EQ(r.tokens[7].loc, (SourceLoc{3, 1}));
}

}  // namespace
}  // namespace lomaw::syntax
