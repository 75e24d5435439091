// The errors the project adds (docs/language.md §8.2) that the checker reports, and the checker's
// warnings, each with an exact position.
#include "SemaTestUtil.h"

namespace lomaw::sema::test {
namespace {

TEST(ProjectErrors, RecursiveStructDirectThroughArrayAndMutual) {
    auto c = check("class A:\n"
                   "    next : A\n"
                   "class B:\n"
                   "    x : float\n"
                   "    kids : Array[B]\n"
                   "class C:\n"
                   "    d : D\n"
                   "class D:\n"
                   "    c : Array[C, 2]\n");
    EXPECT_EQ(c.all(), (Lines{"2:5: error [bad-struct]", "5:5: error [bad-struct]", "7:5: error [bad-struct]"}));
}

TEST(ProjectErrors, StructContainingItsOwnDifferentialIsRecursive) {
    auto c = check("class A:\n"
                   "    x : float\n"
                   "    d : _dA\n");
    EXPECT_EQ(c.all(), (Lines{"3:5: error [bad-struct]"}));
}

TEST(ProjectErrors, DuplicateMemberIsBadStruct) {
    auto c = check("class A:\n"
                   "    x : int\n"
                   "    x : float\n");
    EXPECT_EQ(c.all(), (Lines{"3:5: error [bad-struct]"}));
    EXPECT_EQ(c.notes(), (Lines{"2:5: note"}));
}

TEST(ProjectErrors, BadTypeAndUnknownType) {
    auto c = check("class M:\n"
                   "    d : Diff[float]\n"
                   "def f(x : In[Array[float, 0]]) -> float:\n"
                   "    a : Diff[Array[float]]\n"
                   "    v : Vec4\n"
                   "    b : Array[In[float], 2]\n"
                   "    return 1.0\n");
    // A bad array size is reported at the size literal (3:27), not at 'Array'.
    EXPECT_EQ(c.all(), (Lines{"2:9: error [bad-type]", "3:27: error [bad-type]", "4:9: error [bad-type]",
                              "5:9: error [unknown-type]", "6:15: error [bad-type]"}));
}

TEST(ProjectErrors, DuplicateDefinitionAcrossKindsWithNote) {
    auto c = check("def f(x : In[float]) -> float:\n"
                   "    return x\n"
                   "class f:\n"
                   "    y : int\n"
                   "def g(x : In[float]) -> float:\n"
                   "    return x\n"
                   "g = fwd_diff(f)\n");
    // A struct is reported at its name, like a function.
    EXPECT_EQ(c.all(), (Lines{"3:7: error [duplicate-definition]", "7:1: error [duplicate-definition]"}));
    EXPECT_EQ(c.notes(), (Lines{"1:5: note", "5:5: note"}));
}

TEST(ProjectErrors, ArraySizeZeroOrNegativeAtTheSizeLiteral) {
    auto c = check("def f(x : In[Array[float,  0]]) -> float:\n"
                   "    a : Array[int, 0]\n"
                   "    return 1.0\n");
    EXPECT_EQ(c.all(), (Lines{"1:28: error [bad-type]", "2:20: error [bad-type]"}));
}

TEST(ProjectErrors, DuplicateStructNoteAtFirstStructName) {
    auto c = check("class  A:\n"
                   "    x : int\n"
                   "class   A:\n"
                   "    y : float\n");
    EXPECT_EQ(c.all(), (Lines{"3:9: error [duplicate-definition]"}));
    EXPECT_EQ(c.notes(), (Lines{"1:8: note"}));
}

TEST(ProjectErrors, GeneratedStructNameTakenByDifferentStructOrFunction) {
    auto c = check("class Foo:\n"
                   "    x : float\n"
                   "class _dFoo:\n"
                   "    x : float\n"
                   "def _dfloat(x : In[float]) -> float:\n"
                   "    return x\n");
    EXPECT_EQ(c.all(), (Lines{"3:7: error [duplicate-definition]", "5:5: error [duplicate-definition]"}));
}

TEST(ProjectErrors, ReservedNames) {
    auto c = check("def sin(x : In[float]) -> float:\n"
                   "    return x\n"
                   "class main:\n"
                   "    int : float\n"
                   "def g(Array : In[float]) -> float:\n"
                   "    Diff : float = 1.0\n"
                   "    return 1.0\n"
                   "rev_diff = fwd_diff(g)\n"
                   "def sqrtf(x : In[float]) -> float:\n"
                   "    return x\n");
    EXPECT_EQ(c.all(),
              (Lines{"1:5: error [reserved-name]", "3:7: error [reserved-name]", "4:5: error [reserved-name]",
                     "5:7: error [reserved-name]", "6:5: error [reserved-name]", "8:1: error [reserved-name]",
                     "9:5: error [reserved-name]"}));
}

TEST(ProjectErrors, CKeywordIsALegalVariableName) {
    auto c = check("def h(x : In[float]) -> float:\n"
                   "    double : float = x\n"
                   "    return double\n");
    EXPECT_TRUE(c.ok);
    EXPECT_EQ(c.all(), Lines{});
}

TEST(ProjectErrors, MissingReturn) {
    auto c = check("def f() -> float:\n"
                   "    x : float = 1.0\n");
    EXPECT_EQ(c.all(), (Lines{"1:5: error [missing-return]"}));
}

TEST(ProjectErrors, ReturnArray) {
    auto c = check("def f(x : In[Array[float]]) -> Array[float]:\n"
                   "    return x\n");
    EXPECT_EQ(c.all(), (Lines{"1:32: error [return-array]"}));
}

TEST(ProjectErrors, IndexType) {
    auto c = check("def f(x : In[Array[float]]) -> float:\n"
                   "    y : float = x[0.5]\n"
                   "    return y\n");
    EXPECT_EQ(c.all(), (Lines{"2:19: error [index-type]"}));
}

TEST(ProjectErrors, NotLvalueForOutArgumentAndAssignmentTarget) {
    auto c = check("class S:\n"
                   "    m : float\n"
                   "def foo(y : Out[float]):\n"
                   "    y = 1.0\n"
                   "def mk(x : In[float]) -> S:\n"
                   "    s : S\n"
                   "    return s\n"
                   "def f(x : In[float]):\n"
                   "    foo(1.0)\n"
                   "    foo(x + 1.0)\n"
                   "    mk(x).m = 1.0\n");
    EXPECT_EQ(c.all(), (Lines{"9:9: error [not-lvalue]", "10:11: error [not-lvalue]", "11:5: error [not-lvalue]"}));
}

TEST(ProjectErrors, OutArgMustHaveExactlyTheParameterType) {
    auto c = check("def foo(y : Out[int]):\n"
                   "    y = 1\n"
                   "def f(x : In[float]):\n"
                   "    z : float\n"
                   "    foo(z)\n");
    EXPECT_EQ(c.all(), (Lines{"5:9: error [out-arg]"}));
}

TEST(ProjectErrors, ArrayAssignAndInitialisation) {
    auto c = check("def f(a : In[Array[float, 3]], b : In[Array[float, 3]]):\n"
                   "    a = b\n"
                   "    c : Array[float, 3] = b\n");
    EXPECT_EQ(c.all(), (Lines{"2:5: error [array-assign]", "3:5: error [array-assign]"}));
}

TEST(ProjectErrors, VoidValue) {
    auto c = check("def g(x : In[float]):\n"
                   "    x = 1.0\n"
                   "def f(z : Out[float]):\n"
                   "    x : float\n"
                   "    x = atomic_add(z, 1.0)\n"
                   "    x = g(x) + 1.0\n");
    EXPECT_EQ(c.all(), (Lines{"5:9: error [void-value]", "6:9: error [void-value]"}));
}

TEST(ProjectErrors, SimdReturnSimdCallThreadIdOutsideSimd) {
    auto c = check("@simd\n"
                   "def k(x : In[Array[float]]) -> float:\n"
                   "    i : int = thread_id()\n"
                   "    return x[i]\n"
                   "@simd\n"
                   "def k2(x : Out[Array[float]]):\n"
                   "    x[thread_id()] = 1.0\n"
                   "def f(x : Out[Array[float]]):\n"
                   "    k2(x)\n"
                   "    i : int = thread_id()\n");
    EXPECT_EQ(c.all(), (Lines{"2:32: error [simd-return]", "9:5: error [simd-call]",
                              "10:15: error [thread-id-outside-simd]"}));
}

TEST(ProjectErrors, AtomicAddTarget) {
    auto c = check("def f(n : Out[int], z : Out[float], x : In[float]):\n"
                   "    atomic_add(n, 1)\n"
                   "    atomic_add(z, 1)\n"
                   "    atomic_add(x + 1.0, 1.0)\n");
    EXPECT_EQ(c.all(), (Lines{"2:16: error [atomic-add-target]", "4:18: error [atomic-add-target]"}));
}

TEST(ProjectErrors, ContiguousArrayOfArraysCannotBePassed) {
    auto c = check("class H:\n"
                   "    m : Array[Array[float, 4], 3]\n"
                   "def g(q : In[Array[Array[float, 4], 3]]) -> float:\n"
                   "    return q[0][0]\n"
                   "def r(q : In[Array[float]]) -> float:\n"
                   "    return q[0]\n"
                   "def f(p : In[Array[Array[float, 4], 3]], h : In[H]) -> float:\n"
                   "    a : Array[Array[float, 4], 3]\n"
                   "    s : float = g(p)\n"
                   "    s = g(a)\n"
                   "    s = g(h.m)\n"
                   "    s = r(a[1])\n"
                   "    return s\n");
    EXPECT_EQ(c.all(), (Lines{"10:9: error [call-arguments]", "11:9: error [call-arguments]"}));
}

TEST(ProjectErrors, StaticArrayForUnboundedParameterButNotNested) {
    auto c = check("def r(q : In[Array[float]], o : Out[Array[float]]) -> float:\n"
                   "    return q[0]\n"
                   "def g(q : In[Array[Array[float]]]) -> float:\n"
                   "    return q[0][0]\n"
                   "def f(p : In[Array[Array[float, 4]]], t : In[Array[float, 4]]):\n"
                   "    a : Array[float, 4]\n"
                   "    r(a, a)\n"
                   "    r(t, t)\n"
                   "    x : float = g(p)\n");
    EXPECT_EQ(c.all(), (Lines{"8:10: warning [in-array-write]", "9:17: error [call-arguments]"}));
}

TEST(ProjectErrors, WarningsQualifierIgnoredAndInArrayWrite) {
    auto c = check("class S:\n"
                   "    m : In[float]\n"
                   "def f(a : In[Array[float]], b : Out[Array[float]]) -> Out[float]:\n"
                   "    y : In[float] = 1.0\n"
                   "    a[0] = 2.0\n"
                   "    b[0] = a[1]\n"
                   "    atomic_add(a[2], 1.0)\n"
                   "    return y\n");
    EXPECT_TRUE(c.ok);
    EXPECT_EQ(c.all(), (Lines{"2:9: warning [qualifier-ignored]", "3:55: warning [qualifier-ignored]",
                              "4:9: warning [qualifier-ignored]", "5:5: warning [in-array-write]",
                              "7:16: warning [in-array-write]"}));
}

TEST(ProjectErrors, InArrayWriteThroughOutArgument) {
    auto c = check("def w(o : Out[float], arr : Out[Array[float]]):\n"
                   "    o = 1.0\n"
                   "def f(a : In[Array[float]]):\n"
                   "    w(a[0], a)\n");
    EXPECT_TRUE(c.ok);
    EXPECT_EQ(c.all(), (Lines{"4:7: warning [in-array-write]", "4:13: warning [in-array-write]"}));
}

}  // namespace
}  // namespace lomaw::sema::test
