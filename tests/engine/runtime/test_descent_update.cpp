// The update rules of `lomaw descend` (runtime/DescentUpdate.h), checked against iterates
// worked out by hand on f = x^2 (gradient 2x) from x = 1.
#include <gtest/gtest.h>

#include <cmath>

#include "runtime/DescentUpdate.h"

namespace lomaw::runtime {
namespace {

std::vector<double> iterate(DescentRule rule, int steps) {
    DescentUpdate update(rule, 1);
    std::vector<double> p = {1.0}, xs = {1.0};
    for (int i = 0; i < steps; ++i) {
        update.apply(p, {2 * p[0]});
        xs.push_back(p[0]);
    }
    return xs;
}

TEST(DescentUpdate, PlainStepsScaleTheErrorByOneMinusTwiceTheRate) {
    std::vector<double> xs = iterate({DescentOptimizer::Plain, 0.1}, 3);
    EXPECT_DOUBLE_EQ(xs[1], 0.8);
    EXPECT_DOUBLE_EQ(xs[2], 0.64);
    EXPECT_NEAR(xs[3], 0.512, 1e-15);
}

TEST(DescentUpdate, MomentumIsTheHeavyBall) {
    // v1 = 2, x1 = 1 - 0.1*2 = 0.8; v2 = 0.5*2 + 1.6 = 2.6, x2 = 0.8 - 0.26 = 0.54.
    std::vector<double> xs = iterate({DescentOptimizer::Momentum, 0.1, 0.5}, 2);
    EXPECT_DOUBLE_EQ(xs[1], 0.8);
    EXPECT_NEAR(xs[2], 0.54, 1e-15);
}

TEST(DescentUpdate, AdamCorrectsTheBias) {
    // t = 1: m = 0.2, v = 0.004, m^ = 2, v^ = 4: x1 = 1 - 0.1 * 2 / (2 + 1e-8) ~ 0.9.
    // t = 2 (g = 1.8): m = 0.36, v = 0.007236, m^ = 0.36/0.19, v^ = 0.007236/0.001999.
    std::vector<double> xs = iterate({DescentOptimizer::Adam, 0.1, 0.9, 0.999, 1e-8}, 2);
    EXPECT_NEAR(xs[1], 0.9, 1e-8);
    EXPECT_NEAR(xs[2], 0.9 - 0.1 * (0.36 / 0.19) / std::sqrt(0.007236 / 0.001999), 1e-8);
}

TEST(DescentUpdate, OptimizerNames) {
    EXPECT_EQ(descentOptimizerFromName("plain"), DescentOptimizer::Plain);
    EXPECT_EQ(descentOptimizerFromName("momentum"), DescentOptimizer::Momentum);
    EXPECT_EQ(descentOptimizerFromName("adam"), DescentOptimizer::Adam);
    EXPECT_EQ(descentOptimizerFromName("sgd"), std::nullopt);
}

}  // namespace
}  // namespace lomaw::runtime
