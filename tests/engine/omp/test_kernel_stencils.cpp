// The loops of tests/kernels/omp/stencils.py, expected scopes derived by hand in the kernel's
// comments (repeated here beside each assertion).
#include "OmpTestUtil.h"

#include <fstream>
#include <sstream>

namespace lomaw::omp::test {
namespace {

std::vector<LoopScopes> kernelLoops() {
    std::ifstream in(std::string(LOMAW_TEST_KERNELS) + "/omp/stencils.py");
    std::stringstream ss;
    ss << in.rdbuf();
    EXPECT_FALSE(ss.str().empty());
    return scopesOf(ss.str());
}

TEST(KernelStencils, ScopesOfEveryLoop) {
    std::vector<LoopScopes> loops = kernelLoops();
    ASSERT_EQ(loops.size(), 4u);
    // heat_in_place: u read at i-1, i+1 and written -> atomic; k scalar -> reduction.
    EXPECT_EQ(loops[0].function, "heat_in_place");
    EXPECT_EQ(loops[0].line, 8);
    EXPECT_EQ(compact(loops[0]), "i:private/- u:shared/atomic k:shared/reduction");
    // pairs_offset: x shifted by 2 -> shared; w at 2i and 2i+2 -> atomic.
    EXPECT_EQ(loops[1].line, 15);
    EXPECT_EQ(compact(loops[1]), "i:private/- x:shared/shared w:shared/atomic r:shared/shared");
    EXPECT_EQ(loops[1].find("x")->why, "reads x[2*i+2], x[2*i+3] are matched by writes of r shifted by 2 in the "
                                       "same iteration: no two threads update the same _d_x element");
    // scatter: y own index -> shared; c int -> null; out written by atomic_add only -> shared.
    EXPECT_EQ(compact(loops[2]), "i:private/- c:shared/- out:shared/shared y:shared/shared");
    // matvec: x read by every row, 16 elements -> reduction; a own row -> shared.
    EXPECT_EQ(compact(loops[3]), "i:private/- acc:private/private j:private/- a:shared/shared x:shared/reduction "
                                 "y:shared/shared");
    EXPECT_EQ(loops[3].find("x")->why, "read x[j] varies only with the inner loop index j, which the inner loops of "
                                       "other iterations may take as well: threads may update the same _d_x element; "
                                       "a small array (16 elements): reduction");
}

}  // namespace
}  // namespace lomaw::omp::test
