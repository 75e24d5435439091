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
    EXPECT_NE(c.find("return b[_lw_bound(i, 3, \"b\", \"kernel.py:11:14\")];"), std::string::npos) << c;
    EXPECT_NE(c.find("((float*)_lw_bound_at(a, sizeof(float), i, \"a\", \"kernel.py:5:19\"))[0]"), std::string::npos)
        << c;
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
