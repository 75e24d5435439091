// The scope analysis of the Fortran stencil collection tests/kernels/fortran/stencils.f90:
// twelve loops of different shapes, the expected scopes derived by hand from the rules
// (docs/omp.md) beside each loop.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "FortranTestUtil.h"
#include "fortran/FortranParser.h"
#include "omp/ScopeAnalysis.h"

namespace lomaw::fortran::test {
namespace {

class Stencils : public ::testing::Test {
protected:
    void SetUp() override {
        source_ = readKernel("stencils.f90");
        ASSERT_FALSE(source_.empty());
        unit_ = parseUnit(source_, diags_);
        ASSERT_FALSE(diags_.hasErrors()) << formatDiagnostics(diags_.sorted(), "stencils.f90", source_);
        loops_ = analyse(unit_, {});
    }
    const omp::LoopScopes& loop(const std::string& fn) {
        for (const omp::LoopScopes& l : loops_)
            if (l.function == fn) return l;
        static omp::LoopScopes none;
        ADD_FAILURE() << "no loop in " << fn;
        return none;
    }
    std::string why(const std::string& fn, const std::string& var) {
        const omp::VariableScope* v = loop(fn).find(var);
        return v ? v->why : "<missing>";
    }

    std::string source_;
    DiagnosticSink diags_;
    Unit unit_;
    std::vector<omp::LoopScopes> loops_;
};

TEST_F(Stencils, EveryLoopIsFoundAtItsDoLine) {
    ASSERT_EQ(loops_.size(), 12u);
    const std::vector<std::pair<std::string, int>> expected = {
        {"pairs", 13},     {"smooth", 28},  {"shift", 41},    {"symmetric", 55},
        {"gather", 70},    {"readwrite", 82}, {"energy", 96}, {"laplace", 110},
        {"branches", 128}, {"window", 146}, {"scaled", 160},  {"computed", 174}};
    for (size_t k = 0; k < expected.size(); ++k) {
        EXPECT_EQ(loops_[k].function, expected[k].first);
        EXPECT_EQ(loops_[k].line, expected[k].second) << expected[k].first;
    }
}

TEST_F(Stencils, Pairs) {
    // Writes r(i-1), r(i) (step 2); u read at i and i-1: exactly the written expressions.
    EXPECT_EQ(compact(loop("pairs")), "i:private/- u:shared/shared r:shared/shared");
    EXPECT_EQ(why("pairs", "u"), "reads u(i), u(i-1) are matched by writes of r in the same iteration: no two "
                                 "threads update the same _d_u element");
}

TEST_F(Stencils, Smooth) {
    // u(i-1), u(i+1) are not written: neighbouring iterations update the same _d_u -> atomic
    // (dimension(n): unbounded); a scalar read by all -> reduction; r write-only -> shared.
    EXPECT_EQ(compact(loop("smooth")), "i:private/- a:shared/reduction u:shared/atomic r:shared/shared");
    EXPECT_EQ(why("smooth", "u"), "reads u(i-1), u(i+1) are not written by the same iteration: threads may update "
                                  "the same _d_u element; an unbounded array: atomic updates cost less than a "
                                  "private copy per thread");
}

TEST_F(Stencils, ShiftByAConstant) {
    // Reads u(2i+1), u(2i+2) = writes r(2i), r(2i+1) + 1.
    EXPECT_EQ(compact(loop("shift")), "i:private/- u:shared/shared r:shared/shared");
    EXPECT_EQ(why("shift", "u"), "reads u(2*i+1), u(2*i+2) are matched by writes of r shifted by 1 in the same "
                                 "iteration: no two threads update the same _d_u element");
}

TEST_F(Stencils, SymmetricWrites) {
    // r read and written at 2i, 2i+1; u read at 2i+1, 2i: all among r's writes -> shared.
    EXPECT_EQ(compact(loop("symmetric")), "i:private/- r:shared/shared u:shared/shared");
}

TEST_F(Stencils, IndirectGather) {
    // u(c(i)) may repeat -> atomic; u(i) alone would be fine but one unsafe read decides;
    // c is integer: no adjoint.
    EXPECT_EQ(compact(loop("gather")), "i:private/- c:shared/- u:shared/atomic r:shared/shared");
    EXPECT_EQ(why("gather", "u"), "read u(c(i)) goes through the index array c, which may repeat elements: threads "
                                  "may update the same _d_u element; any element may be hit: atomic updates");
}

TEST_F(Stencils, ReadWriteArray) {
    // u(i) = u(i) * u(i+1): u(i+1) belongs to the next iteration, and u is written -> atomic.
    EXPECT_EQ(compact(loop("readwrite")), "i:private/- u:shared/atomic");
}

TEST_F(Stencils, DefaultNoneWithReduction) {
    // w scalar -> reduction; u(i) own index -> shared; t private; e reduction -> firstprivate;
    // n listed shared (int, unused in the body) -> no adjoint.
    EXPECT_EQ(compact(loop("energy")),
              "i:private/- w:shared/reduction u:shared/shared t:private/private e:reduction/firstprivate n:shared/-");
}

TEST_F(Stencils, Laplace2D) {
    // Columns j are distributed; u(i,j-1), u(i,j+1) belong to neighbouring columns -> atomic.
    EXPECT_EQ(compact(loop("laplace")), "j:private/- n:shared/- i:private/- u:shared/atomic r:shared/shared");
    EXPECT_EQ(why("laplace", "r"), "write-only (r(i,j)): _d_r is read and reset where the primal writes, elements "
                                   "no two threads share");
}

TEST_F(Stencils, ConditionalWrites) {
    // then: u(2i), u(2i+1) matched by r(2i), r(2i+1) of the same branch -> shared;
    // else: only r(2i) is written, v(2i+1) uncovered -> atomic.
    EXPECT_EQ(compact(loop("branches")), "i:private/- f:shared/- u:shared/shared r:shared/shared v:shared/atomic");
    EXPECT_EQ(why("branches", "v"), "read v(2*i+1) is not written by the same iteration: threads may update the "
                                    "same _d_v element; an unbounded array: atomic updates cost less than a "
                                    "private copy per thread");
}

TEST_F(Stencils, SlicesAndSmallArrays) {
    // coef(3): constant indices, 3 elements -> reduction; u(i-1:i+1) slice -> unsafe -> atomic.
    EXPECT_EQ(compact(loop("window")), "i:private/- coef:shared/reduction u:shared/atomic r:shared/shared");
    EXPECT_EQ(why("window", "u"), "read u(i-1:i+1) is not written by the same iteration: threads may update the "
                                  "same _d_u element; an unbounded array: atomic updates cost less than a private "
                                  "copy per thread");
}

TEST_F(Stencils, FirstprivateAndParallelFor) {
    // `!$omp parallel for` is accepted; s firstprivate -> reduction; u(i) own index -> shared.
    EXPECT_EQ(compact(loop("scaled")), "i:private/- s:firstprivate/reduction u:shared/shared r:shared/shared");
}

TEST_F(Stencils, IndexComputedInTheLoop) {
    // j = n+1-i substituted: u read at its own index n-i+1 -> shared; j private int.
    EXPECT_EQ(compact(loop("computed")), "i:private/- n:shared/- j:private/- u:shared/shared r:shared/shared");
    EXPECT_EQ(why("computed", "u"), "read u(n-i+1) uses the index n-i+1, different in every iteration: no two "
                                    "threads update the same _d_u element");
}

}  // namespace
}  // namespace lomaw::fortran::test
