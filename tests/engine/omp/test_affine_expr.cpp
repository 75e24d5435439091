// The affine normaliser: canonical text, equality up to term order, constant offsets.
#include <gtest/gtest.h>

#include "omp/AffineExpr.h"

namespace lomaw::omp::test {
namespace {

AffineExpr v(const char* n, long long c = 1) { return AffineExpr::atom(n, c); }
AffineExpr k(long long c) { return AffineExpr::constant(c); }

TEST(AffineExpr, CanonicalTextPutsPositiveTermsFirstThenTheConstant) {
    EXPECT_EQ(v("i").str(), "i");
    EXPECT_EQ((v("i") - k(1)).str(), "i-1");
    EXPECT_EQ((v("i", 2) + k(1)).str(), "2*i+1");
    EXPECT_EQ((k(0) - v("i") + v("n")).str(), "n-i");
    EXPECT_EQ((k(0) - v("i")).str(), "-i");
    EXPECT_EQ(k(0).str(), "0");
    EXPECT_EQ(k(-3).str(), "-3");
    EXPECT_EQ((v("c[i]") + v("n") - k(2)).str(), "c[i]+n-2");
}

TEST(AffineExpr, EqualityIgnoresHowTheExpressionWasBuilt) {
    // (i + 1) + (i - 1) == 2*i ; 3*(n - i) + 3*i == 3*n ; i - i == 0
    EXPECT_EQ((v("i") + k(1)) + (v("i") - k(1)), v("i", 2));
    EXPECT_EQ((v("n") - v("i")).scaled(3) + v("i", 3), v("n", 3));
    EXPECT_EQ(v("i") - v("i"), k(0));
    EXPECT_TRUE((v("i") - v("i")).isConstant());
    EXPECT_FALSE(v("i") + k(1) == v("i") - k(1));
    EXPECT_FALSE(v("i") == v("j"));
}

TEST(AffineExpr, OffsetExistsOnlyWhenTermsAgree) {
    EXPECT_EQ((v("i", 2) + k(2)).offsetFrom(v("i", 2) + k(1)), 1);
    EXPECT_EQ((v("i") - k(1)).offsetFrom(v("i") + k(1)), -2);
    EXPECT_EQ(v("i").offsetFrom(v("i")), 0);
    EXPECT_FALSE(v("i", 2).offsetFrom(v("i")).has_value());
    EXPECT_FALSE((v("i") + v("n")).offsetFrom(v("i")).has_value());
    EXPECT_EQ(v("i", 3).coefficient("i"), 3);
    EXPECT_EQ(v("i", 3).coefficient("n"), 0);
}

}  // namespace
}  // namespace lomaw::omp::test
