// --check-bounds in the C backend (docs/language.md §10.6, codegen/CBoundsChecks.h): the form of
// the checks, the unit unchanged without the option, and the registry driven from a C main the
// way the call harness and the MPI worker drive it (the CLI tests cover those end to end).
#include "CodegenTestSupport.h"

namespace lomaw::codegen::test {
namespace {

const char* kBoundsKernel = R"(def total(a : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    #pragma omp parallel for reduction(+:s)
    for i in range(n):
        s = s + a[i]
    return s

def third(i : In[int]) -> float:
    b : Array[float, 3]
    b[2] = 7.0
    return b[i]
)";

std::string emitChecked(const std::string& source) {
    CEmitOptions options;
    options.checkBounds = true;
    return emitC(typedModule(source), options).text;
}

TEST(CBounds, WithoutTheOptionTheUnitHasNoChecks) {
    const std::string plain = emitKernel(kBoundsKernel);
    EXPECT_EQ(plain.find("_lw_bound"), std::string::npos);
    EXPECT_EQ(plain.find("<stdio.h>"), std::string::npos);  // nothing else needs it here
    EXPECT_NE(plain.find("return b[i];"), std::string::npos);
}

TEST(CBounds, SizedAndUnboundedIndicesAreChecked) {
    const std::string c = emitChecked(kBoundsKernel);
    // Declared size 3; the index `i` of `return b[i]` is at line 11, column 14.
    EXPECT_NE(c.find("((float*)_lw_bound_at(a, sizeof(float), i, \"a\", \"kernel.py:5:19\"))[0]"), std::string::npos)
        << c;
    // The local b is on its thread's stack from its declaration until the function returns
    // (after the value is computed, since it reads b).
    EXPECT_NE(c.find("    float b[3] = {0};  /* kernel.py:9 */\n"
                     "    size_t _lw_locals1 = _lw_bounds_mark();  /* kernel.py:9 */\n"
                     "    _lw_bounds_local(b, 3, sizeof (b)[0]);  /* kernel.py:9 */\n"),
              std::string::npos)
        << c;
    EXPECT_NE(c.find("    float _lw_result2 = b[_lw_bound(i, 3, \"b\", \"kernel.py:11:14\")];  /* kernel.py:11 */\n"
                     "    _lw_bounds_release(_lw_locals1);  /* kernel.py:11 */\n"
                     "    return _lw_result2;"),
              std::string::npos)
        << c;
}

// Sized locals passed for unbounded parameters (docs/language.md §10.6): the rows of a local
// array of arrays and the arrays in a local struct are registered with their own sizes; with 4
// OpenMP threads, the callee is checked against a local of the calling thread (`mine`) and one
// of the function that runs the loop (`three`), and only the bad iteration reports.
const char* kLocalsKernel = R"(class Pair:
    n : int
    v : Array[float, 2]

def get(x : In[Array[float]], i : In[int]) -> float:
    return x[i]

def per_thread(j : In[int], i : In[int]) -> float:
    mine : Array[float, 2]
    mine[1] = j
    return get(mine, i)

def spread(n : In[int], i : In[int], k : In[int]) -> float:
    three : Array[float, 3]
    out : Array[float, 16]
    s : float
    three[2] = 100.0
    #pragma omp parallel for shared(out, three)
    for j in range(n):
        out[j] = per_thread(j, 1)
        if j == n - 1:
            out[j] = out[j] + get(three, i) + per_thread(j, k)
    for j in range(n):
        s = s + out[j]
    return s

def nested(r : In[int], i : In[int]) -> float:
    m : Array[Array[float, 4], 2]
    p : Pair
    m[1][3] = 7.0
    p.v[1] = 5.0
    return get(m[r], i) + get(p.v, 1)

def member(i : In[int]) -> float:
    p : Pair
    return get(p.v, i)
)";

TEST(CBounds, LocalsPassedOnAreCheckedInEveryThread) {
    const std::string main = R"(#include <stdio.h>
float spread(int n, int i, int k);
float nested(int r, int i);
float member(int i);
int main(void) {
    int which = WHICH;
    /* spread(16, 2, 1) = sum of j for j < 16 (120) + three[2] (100) + 15 = 235 */
    printf("%g %g\n", spread(16, 2, 1), nested(1, 3));
    fflush(stdout);
    if (which == 0) spread(16, 3, 1);    /* three[3] in the last iteration */
    if (which == 1) spread(16, 2, 2);    /* mine[2] in the last iteration */
    if (which == 2) nested(1, 4);        /* row m[1] has 4 elements */
    if (which == 3) member(2);           /* p.v has 2 */
    return 0;
}
)";
    BuildOptions options;
    options.extraFlags = "-Wextra -Werror";
    const std::string expected[] = {
        "index 3 out of bounds for 'x' (size 3) at kernel.py:6:14",
        "index 2 out of bounds for 'x' (size 2) at kernel.py:6:14",
        "index 4 out of bounds for 'x' (size 4) at kernel.py:6:14",
        "index 2 out of bounds for 'x' (size 2) at kernel.py:6:14",
    };
    const std::string unit = emitChecked(kLocalsKernel);
    for (int which = 0; which < 4; ++which) {
        std::string program = main;
        program.replace(program.find("WHICH"), 5, std::to_string(which));
        RunResult r = buildAndRun(unit, program, options);
        ASSERT_TRUE(r.compiled) << r.compilerOutput;
        EXPECT_EQ(r.out, "235 12\n") << which;
        EXPECT_EQ(r.exitCode, 3) << which;
        EXPECT_EQ(r.err, "runtime error: " + expected[which] + "\n") << which;
    }
    // Without OpenMP the same unit builds (no omp_in_parallel) and runs alike.
    options.openmp = false;
    std::string program = main;
    program.replace(program.find("WHICH"), 5, "2");
    RunResult serial = buildAndRun(unit, program, options);
    ASSERT_TRUE(serial.compiled) << serial.compilerOutput;
    EXPECT_EQ(serial.out, "235 12\n");
    EXPECT_EQ(serial.err, "runtime error: " + expected[2] + "\n");
}

// A C main plays the harness: registered, a[4] of 4 elements is reported; an unregistered
// pointer is not checked; the OpenMP loop reads the registry from several threads.
TEST(CBounds, RegistryFromTheCaller) {
    const std::string main = R"(#include <stdio.h>
float total(float* a, int n);
float third(int i);
void _lw_bounds_register(const void* data, long count);
void _lw_bounds_reset(void);
int main(void) {
    float a[5] = {1, 2, 3, 4, 100};
    printf("%g\n", total(a, 5));        /* not registered: unchecked, 110 */
    printf("%g\n", third(2));
    _lw_bounds_register(a, 9);
    _lw_bounds_register(a, 4);          /* registering again replaces the count */
    float other[300];
    for (int k = 0; k < 300; ++k) _lw_bounds_register(&other[k], 1);     /* the table grows */
    printf("%g\n", total(a, 4));        /* in range: 10 */
    fflush(stdout);
    _lw_bounds_reset();
    _lw_bounds_register(a, 4);
    total(a, 5);
    return 0;
}
)";
    BuildOptions options;
    options.extraFlags = "-Wextra -Werror";
    RunResult r = buildAndRun(emitChecked(kBoundsKernel), main, options);
    ASSERT_TRUE(r.compiled) << r.compilerOutput;
    EXPECT_EQ(r.out, "110\n7\n10\n");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, "runtime error: index 4 out of bounds for 'a' (size 4) at kernel.py:5:19\n");
}

}  // namespace
}  // namespace lomaw::codegen::test
