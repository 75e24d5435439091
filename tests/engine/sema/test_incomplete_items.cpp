// The checker runs on modules with parse errors (docs/language.md §8: all independent errors in one
// run) and reports nothing that is a consequence of what the parser dropped: the bodies of
// incomplete functions are skipped, calls to functions with damaged headers are checked
// leniently, member accesses on incomplete structs are not unknown-member, and errors the
// parser reported are not reported again.
#include "SemaTestUtil.h"

namespace lomaw::sema::test {
namespace {

// Parse errors are expected in these kernels.
Checked checkBroken(const std::string& src) {
    Checked c = check(src, false);
    EXPECT_FALSE(c.parsedCleanly);
    return c;
}

TEST(IncompleteItems, TypeErrorsOfOtherFunctionsAreReportedWithParseErrors) {
    auto c = checkBroken("def f(a : In[int]) -> int:\n"
                         "    b : int = a % 2\n"        // unsupported-operator (parser)
                         "    return q\n"               // not checked: f is incomplete
                         "def g(x : In[float]) -> float:\n"
                         "    return y * x\n"           // undeclared-variable
                         "def h(x : In[float]) -> float:\n"
                         "    z : int = x[0]\n"         // index-non-array
                         "    return z\n");
    EXPECT_EQ(c.all(), (Lines{"2:17: error [unsupported-operator]", "5:12: error [undeclared-variable]",
                              "7:15: error [index-non-array]"}));
    EXPECT_TRUE(c.fn("f").incomplete);
    EXPECT_FALSE(c.fn("g").incomplete);
    EXPECT_FALSE(c.fn("h").incomplete);
}

TEST(IncompleteItems, BodyOfIncompleteFunctionIsSkippedButItsSignatureIsRegistered) {
    // The dropped declaration of y would give undeclared-variable, and missing-return follows
    // from the dropped return; calls to f (intact header) are still checked.
    auto c = checkBroken("def f(x : In[float]) -> float:\n"
                         "    y : float = x ** 2.0\n"
                         "    z : float = y\n"
                         "    return z $\n"
                         "def g() -> float:\n"
                         "    return f(1.0) + f(1.0, 2.0)\n");
    EXPECT_EQ(c.all(), (Lines{"2:19: error [unsupported-operator]", "4:14: error [syntax-error]",
                              "6:21: error [call-arguments]"}));
}

TEST(IncompleteItems, MissingColonAfterHeaderKeepsTheFunction) {
    auto c = checkBroken("def f(x : In[float]) -> float\n"
                         "    return x\n"
                         "def g() -> float:\n"
                         "    return f(1.0) + f()\n");
    // No unknown-function for f, which is registered; the wrong call is still an error.
    EXPECT_EQ(c.all(), (Lines{"1:30: error [syntax-error]", "4:21: error [call-arguments]"}));
}

TEST(IncompleteItems, CallsToDamagedHeadersAreLenient) {
    auto c = checkBroken("def f(x : In[Array[float, n]], y : In[float]) -> float:\n"
                         "    return y\n"
                         "def g(a : In[float], *rest) -> float:\n"
                         "    return a\n"
                         "def h(a : In[float] = 1.0) -> float:\n"
                         "    return a\n"
                         "def k x:\n"
                         "    return 1.0\n"
                         "def u(a : In[float], b : Out[Array[float, m]]):\n"
                         "    b[0] = a\n"
                         "def m() -> float:\n"
                         "    s : float = f(1.0) + g(1.0, 2.0, 3.0) + h() + k(1, 2) + u(1.0)\n"
                         "    return s + nope\n");
    // Only the parser's errors in the headers (no missing-annotation for the unreadable
    // annotation of x, no unknown-function for k, no call-arguments, no void-value for u), and
    // m's own independent error.
    EXPECT_EQ(c.all(), (Lines{"1:27: error [bad-type]", "3:22: error [unsupported-syntax]",
                              "5:23: error [unsupported-syntax]", "7:7: error [syntax-error]",
                              "9:43: error [bad-type]", "13:16: error [undeclared-variable]"}));
    for (const char* name : {"f", "g", "h", "k", "u"}) EXPECT_TRUE(c.fn(name).incomplete) << name;
    EXPECT_FALSE(c.fn("m").incomplete);
}

TEST(IncompleteItems, DerivativeOfDamagedFunctionIsCalledLeniently) {
    auto c = checkBroken("def g(a : In[float], *rest) -> float:\n"
                         "    return a\n"
                         "d = fwd_diff(g)\n"
                         "def m() -> float:\n"
                         "    z : Diff[float] = d(1.0, 2.0, 3.0)\n"
                         "    return z.val\n");
    EXPECT_EQ(c.all(), (Lines{"1:22: error [unsupported-syntax]"}));
}

TEST(IncompleteItems, BadReturnAnnotationGivesNoFollowUpErrors) {
    auto c = checkBroken("@simd\n"
                         "def u(a : In[float]) -> None:\n"
                         "    return a\n"
                         "def v() -> float:\n"
                         "    return u(2.0)\n");
    // Neither simd-return for u nor void-value at the call (simd-call is independent).
    EXPECT_EQ(c.all(), (Lines{"2:25: error [bad-type]", "5:12: error [simd-call]"}));
}

TEST(IncompleteItems, MemberAccessOnIncompleteStructIsLenient) {
    auto c = checkBroken("class S:\n"
                         "    x : float\n"
                         "    y : List[float]\n"
                         "class T:\n"
                         "    x : float\n"
                         "def f(s : In[S], t : In[T], ds : In[Diff[S]]) -> float:\n"
                         "    return s.x + s.y + s.w + ds.y.dval + t.w\n");
    // y was dropped by the parser (and w might have been): only T's access is reported.
    EXPECT_EQ(c.all(), (Lines{"3:9: error [bad-type]", "7:42: error [unknown-member]"}));
    EXPECT_TRUE(std::get<ast::StructDecl>(c.module.items[0]).incomplete);
    EXPECT_FALSE(std::get<ast::StructDecl>(c.module.items[1]).incomplete);
}

TEST(IncompleteItems, IncompleteStructNamedLikeAGeneratedOneIsNotADuplicate) {
    auto c = checkBroken("class _dfloat:\n"
                         "    val : float\n"
                         "    dval : Flt[2]\n");
    EXPECT_EQ(c.all(), (Lines{"3:12: error [bad-type]"}));
}

TEST(IncompleteItems, LexicalErrorMarksItsFunction) {
    auto c = checkBroken("def f(x : In[float]) -> float:\n"
                         "    y = x ? 1\n"
                         "    return w\n"
                         "def g(x : In[float]) -> float:\n"
                         "    return w\n");
    EXPECT_EQ(c.all(), (Lines{"2:11: error [syntax-error]", "5:12: error [undeclared-variable]"}));
}

TEST(IncompleteItems, BadDecoratorMarksItsFunction) {
    // thread_id() would be thread-id-outside-simd if the checker trusted the missing @simd.
    auto c = checkBroken("@simd(8)\n"
                         "def k(x : Out[Array[float]]):\n"
                         "    x[thread_id()] = 1.0\n");
    EXPECT_EQ(c.all(), (Lines{"1:1: error [bad-decorator]"}));
    EXPECT_TRUE(c.fn("k").incomplete);
}

TEST(IncompleteItems, NoCascadesFromAnyDeletedLineOrReplacedCharacter) {
    // Every variant of a valid kernel: what the checker adds to the parser's errors must not
    // lie inside an incomplete function (whose body it must skip).
    const std::string src =
        "class P:\n"
        "    x : float\n"
        "    y : Array[float, 2]\n"
        "def f(p : In[P], n : In[int], out : Out[Array[float]]) -> float:\n"
        "    s : float = 0.0\n"
        "    i : int = 0\n"
        "    while (i < n, max_iter := 100):\n"
        "        s = s + p.x * p.y[0]\n"
        "        out[i] = s\n"
        "        i = i + 1\n"
        "    return s\n"
        "def g(p : In[P], o : Out[Array[float]]) -> float:\n"
        "    return f(p, 3, o) + sin(p.y[1])\n";
    std::vector<std::string> variants;
    std::vector<std::string> lines;
    for (size_t p = 0, q; p < src.size(); p = q + 1) {
        q = src.find('\n', p);
        lines.push_back(src.substr(p, q - p + 1));
    }
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string s;
        for (size_t j = 0; j < lines.size(); ++j)
            if (j != i) s += lines[j];
        variants.push_back(s);
    }
    for (size_t n = 0; n < src.size(); ++n)
        for (char ch : {'(', ':', '$', '%'}) {
            std::string s = src;
            s[n] = ch;
            variants.push_back(s);
        }
    for (const std::string& s : variants) {
        DiagnosticSink diags;
        ast::Module m = syntax::parse(s, diags);
        size_t parsed = diags.raw().size();
        // The line span of every incomplete function (to the next item).
        std::vector<std::pair<int, int>> spans;
        for (size_t k = 0; k < m.items.size(); ++k) {
            auto* f = std::get_if<ast::Function>(&m.items[k]);
            if (!f || !f->incomplete) continue;
            int end = 1 << 30;
            if (k + 1 < m.items.size())
                std::visit([&](const auto& next) { end = next.loc.line; }, m.items[k + 1]);
            spans.emplace_back(f->loc.line, end);
        }
        sema::check(m, diags);
        for (size_t k = parsed; k < diags.raw().size(); ++k) {
            const Diagnostic& d = diags.raw()[k];
            EXPECT_NE(d.code, "internal") << s;
            if (d.severity != Severity::Error) continue;
            for (const auto& [from, to] : spans)
                EXPECT_FALSE(d.loc.line > from && d.loc.line < to)
                    << brief(d) << " " << d.message << " inside an incomplete function of:\n" << s;
        }
    }
}

}  // namespace
}  // namespace lomaw::sema::test
