// One test per error of docs/language.md §8.1 (the errors with a loma counterpart), each with a
// small kernel and the exact position and code.
#include "SemaTestUtil.h"

namespace lomaw::sema::test {
namespace {

TEST(LomaErrors, MissingAnnotationOnBareTypeAndOnNoAnnotation) {
    auto c = check("def f(x : float, y) -> float:\n"
                   "    return x\n");
    EXPECT_EQ(c.all(), (Lines{"1:7: error [missing-annotation]", "1:18: error [missing-annotation]"}));
    EXPECT_FALSE(c.ok);
}

TEST(LomaErrors, DuplicateLocalHasNoteAtFirst) {
    auto c = check("def f(x : In[float]) -> float:\n"
                   "    y : float = 5.0\n"
                   "    y : float = 6.0\n"
                   "    return y\n");
    EXPECT_EQ(c.all(), (Lines{"3:5: error [duplicate-declaration]"}));
    EXPECT_EQ(c.notes(), (Lines{"2:5: note"}));
}

TEST(LomaErrors, DuplicateParameterAndLocalShadowingParameter) {
    auto c = check("def f(x : In[float], x : In[int]) -> float:\n"
                   "    x : float\n"
                   "    return x\n");
    EXPECT_EQ(c.all(), (Lines{"1:22: error [duplicate-declaration]", "2:5: error [duplicate-declaration]"}));
    EXPECT_EQ(c.notes(), (Lines{"1:7: note", "1:7: note"}));
}

TEST(LomaErrors, UndeclaredVariableOncePerStatement) {
    auto c = check("def f(x : In[float]) -> float:\n"
                   "    y : float = z + z\n"
                   "    b = 6.0\n"
                   "    y = z\n"
                   "    return y\n");
    EXPECT_EQ(c.all(), (Lines{"2:17: error [undeclared-variable]", "3:5: error [undeclared-variable]",
                              "4:9: error [undeclared-variable]"}));
}

TEST(LomaErrors, UseBeforeDeclarationAndSelfReferenceInInitialiser) {
    auto c = check("def f(x : In[float]) -> float:\n"
                   "    w = 1.0\n"
                   "    w : float = w\n"
                   "    return w\n");
    EXPECT_EQ(c.all(), (Lines{"2:5: error [undeclared-variable]", "3:17: error [undeclared-variable]"}));
}

TEST(LomaErrors, UndeclaredInCallStatementArgument) {
    auto c = check("def g(a : In[float]):\n"
                   "    a = a\n"
                   "def f(x : In[float]):\n"
                   "    g(nope)\n");
    EXPECT_EQ(c.all(), (Lines{"4:7: error [undeclared-variable]"}));
}

TEST(LomaErrors, ReturnNotLastNestedAndEarly) {
    auto c = check("def f(x : In[float]) -> float:\n"
                   "    if x > 0.0:\n"
                   "        return 0.0\n"
                   "    return 1.0\n"
                   "def g(x : In[float]) -> float:\n"
                   "    return 0.0\n"
                   "    x = 1.0\n");
    // g's misplaced return is the error; "does not end with a return" would only repeat it.
    EXPECT_EQ(c.all(), (Lines{"3:9: error [return-not-last]", "6:5: error [return-not-last]"}));
}

TEST(LomaErrors, ReturnNestedInFinalIfIsNotLast) {
    auto c = check("def f(x : In[float]) -> float:\n"
                   "    while (x > 0.0, max_iter := 3):\n"
                   "        return x\n");
    EXPECT_EQ(c.all(), (Lines{"3:9: error [return-not-last]"}));
}

TEST(LomaErrors, UnboundedDeclaration) {
    auto c = check("class P:\n"
                   "    a : Array[float]\n"
                   "def f(x : In[float]):\n"
                   "    y : Array[float]\n"
                   "    p : P\n"
                   "    q : Array[Array[float], 2]\n");
    EXPECT_EQ(c.all(), (Lines{"4:5: error [unbounded-declaration]", "5:5: error [unbounded-declaration]",
                              "6:5: error [unbounded-declaration]"}));
}

TEST(LomaErrors, DeclarationNotOutermost) {
    auto c = check("def f(x : In[float]):\n"
                   "    if x > 0.0:\n"
                   "        y : Array[float, 10]\n"
                   "    while (x > 0.0, max_iter := 2):\n"
                   "        z : int = 1\n");
    EXPECT_EQ(c.all(), (Lines{"3:9: error [declaration-not-outermost]",
                              "5:9: error [declaration-not-outermost]"}));
}

TEST(LomaErrors, OutCallInExpressionIncludingNestedArgument) {
    auto c = check("def foo(y : Out[int]) -> int:\n"
                   "    y = 1\n"
                   "    return 2\n"
                   "def bar(a : In[int]):\n"
                   "    a = a\n"
                   "def f(x : In[float]) -> float:\n"
                   "    y : int\n"
                   "    z : int = foo(y)\n"
                   "    foo(y)\n"
                   "    bar(foo(y))\n"
                   "    z = z + foo(y)\n"
                   "    return x\n");
    EXPECT_EQ(c.all(), (Lines{"8:15: error [out-call-in-expression]", "10:9: error [out-call-in-expression]",
                              "11:13: error [out-call-in-expression]"}));
}

TEST(LomaErrors, IndexNonArrayMemberOfNonStructUnknownMember) {
    auto c = check("class Foo:\n"
                   "    x : float\n"
                   "def f(x : In[float], n : In[int], a : In[Foo]) -> float:\n"
                   "    y : float = x[0]\n"
                   "    y = n.x\n"
                   "    return a.w\n");
    EXPECT_EQ(c.all(), (Lines{"4:17: error [index-non-array]", "5:9: error [member-of-non-struct]",
                              "6:12: error [unknown-member]"}));
}

TEST(LomaErrors, BinaryOpTypeAtOperator) {
    auto c = check("class Foo:\n"
                   "    x : float\n"
                   "def f(a : In[Foo], v : In[Array[float]]) -> float:\n"
                   "    y : float = -a\n"
                   "    y = v * 2.0\n"
                   "    return a + 1.0\n");
    EXPECT_EQ(c.all(), (Lines{"4:17: error [binary-op-type]", "5:11: error [binary-op-type]",
                              "6:14: error [binary-op-type]"}));
}

TEST(LomaErrors, CallArgumentsArityAndTypes) {
    auto c = check("class V:\n"
                   "    x : float\n"
                   "def dot(a : In[V], b : In[V]) -> float:\n"
                   "    return a.x * b.x\n"
                   "def f(x : In[float], v : In[V]) -> float:\n"
                   "    y : float = pow(x)\n"
                   "    y = int2float(1.5)\n"
                   "    y = dot(v, 2.0)\n"
                   "    y = float2int(2)\n"
                   "    y = sin(v)\n"
                   "    return dot(v)\n");
    EXPECT_EQ(c.all(), (Lines{"6:17: error [call-arguments]", "7:9: error [call-arguments]",
                              "8:9: error [call-arguments]", "9:9: error [call-arguments]",
                              "10:9: error [call-arguments]", "11:12: error [call-arguments]"}));
}

TEST(LomaErrors, ReturnTypeMismatchAndReturnInVoidFunction) {
    auto c = check("class Foo:\n"
                   "    x : float\n"
                   "def f(g : In[Foo]) -> float:\n"
                   "    return g\n"
                   "def v(x : In[float]):\n"
                   "    return x\n");
    EXPECT_EQ(c.all(), (Lines{"4:5: error [return-type]", "6:5: error [return-type]"}));
}

TEST(LomaErrors, AssignAndDeclareTypeMismatch) {
    auto c = check("class Foo:\n"
                   "    x : float\n"
                   "def f(foo : In[Foo]) -> float:\n"
                   "    x : float = 1.0\n"
                   "    x = foo\n"
                   "    a : Foo = 1.0\n"
                   "    return x\n");
    EXPECT_EQ(c.all(), (Lines{"5:5: error [assign-type]", "6:5: error [declare-type]"}));
}

TEST(LomaErrors, ConditionTypeForIfAndWhile) {
    auto c = check("class Foo:\n"
                   "    x : float\n"
                   "def f(foo : In[Foo], x : In[float]):\n"
                   "    if foo:\n"
                   "        x = 1.0\n"
                   "    while (foo, max_iter := 4):\n"
                   "        x = 2.0\n");
    EXPECT_EQ(c.all(), (Lines{"4:8: error [condition-type]", "6:12: error [condition-type]"}));
}

TEST(LomaErrors, UnknownFunctionChecksItsArgumentsToo) {
    auto c = check("def f(x : In[float]) -> float:\n"
                   "    y : float = bar(x, q)\n"
                   "    return y\n");
    EXPECT_EQ(c.all(), (Lines{"2:17: error [unknown-function]", "2:24: error [undeclared-variable]"}));
}

}  // namespace
}  // namespace lomaw::sema::test
