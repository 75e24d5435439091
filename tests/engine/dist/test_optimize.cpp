// Gradient descent with persistent workers converges to the known minimum.
#include <cmath>

#include "DistTestSupport.h"

namespace lomaw::dist::test {
namespace {

ast::Module compileExample(const std::string& name) {
    std::ifstream in(std::string(LOMAW_EXAMPLES) + "/" + name);
    std::ostringstream text;
    text << in.rdbuf();
    DiagnosticSink diags;
    ast::Module m = syntax::parse(text.str(), diags);
    EXPECT_TRUE(sema::check(m, diags) && !diags.hasErrors()) << name;
    return m;
}

TEST(DistOptimize, PolynomialConvergesToItsLocalMinimum) {
    // p(x, y) = x^3 + y^3 - 3xy: local minimum p(1, 1) = -1; from (2, 2) the gradient is (6, 6).
    ast::Module m = compileExample("mpi_polynomial_descent.py");
    OptimizeJob job;
    job.function = "poly_loss_grad";
    job.initialJson = "[2.0, 2.0]";
    job.dataJson = "[[1.0, 1.0, -3.0], [3, 0, 1], [0, 3, 1]]";
    job.steps = 300;
    job.learningRate = 0.05;
    OptimizeResult r = runOptimizeJob(m, job, jobOptions(2));
    ASSERT_EQ(r.status.kind, JobStatus::Kind::Ok) << r.status.message;
    ASSERT_EQ(r.trajectory.size(), 301u);
    EXPECT_DOUBLE_EQ(r.trajectory[0].loss, 4.0);                  // 8 + 8 - 12
    EXPECT_NEAR(r.trajectory[0].gradientNorm, 6.0 * std::sqrt(2.0), 1e-9);
    EXPECT_FLOAT_EQ(r.trajectory[1].params[0], 1.7f);             // 2 - 0.05 * 6
    EXPECT_NEAR(r.trajectory.back().params[0], 1.0, 1e-5);
    EXPECT_NEAR(r.trajectory.back().params[1], 1.0, 1e-5);
    EXPECT_NEAR(r.trajectory.back().loss, -1.0, 1e-5);
}

TEST(DistOptimize, LineFitMatchesLeastSquaresWithMomentumAndAdam) {
    // y = 2x + 1 exactly on 100 points x = 0, 0.01, ..., 0.99: the minimum is a = 2, b = 1.
    ast::Module m = compileExample("mpi_line_fit.py");
    std::string xs = "[", ys = "[";
    for (int i = 0; i < 100; ++i) {
        xs += (i ? ", " : "") + std::to_string(i / 100.0);
        ys += (i ? ", " : "") + std::to_string(2.0 * (i / 100.0) + 1.0);
    }
    OptimizeJob job;
    job.function = "line_loss_grad";
    job.initialJson = "[0.0, 0.0]";
    job.dataJson = "[" + xs + "], " + ys + "]]";
    job.average = true;
    job.steps = 2000;
    job.tolerance = 1e-5;
    job.method = DescentMethod::Momentum;
    job.learningRate = 0.3;
    job.beta1 = 0.5;
    OptimizeResult r = runOptimizeJob(m, job, jobOptions(3, LaunchMode::Spmd));
    ASSERT_EQ(r.status.kind, JobStatus::Kind::Ok) << r.status.message;
    EXPECT_LT(r.trajectory.size(), 2001u);  // stopped by the tolerance
    EXPECT_NEAR(r.trajectory.back().params[0], 2.0, 1e-3);
    EXPECT_NEAR(r.trajectory.back().params[1], 1.0, 1e-3);

    job.method = DescentMethod::Adam;
    job.learningRate = 0.05;
    job.tolerance = 0;
    job.steps = 1500;
    r = runOptimizeJob(m, job, jobOptions(2));
    ASSERT_EQ(r.status.kind, JobStatus::Kind::Ok) << r.status.message;
    EXPECT_NEAR(r.trajectory.back().params[0], 2.0, 1e-2);
    EXPECT_NEAR(r.trajectory.back().params[1], 1.0, 1e-2);
}

TEST(DistOptimize, ContractIsChecked) {
    ast::Module m = compileExample("mpi_polynomial_descent.py");
    OptimizeJob job;
    job.function = "ipow";
    OptimizeResult r = runOptimizeJob(m, job, jobOptions(2));
    EXPECT_EQ(r.status.kind, JobStatus::Kind::UsageError);
    EXPECT_EQ(r.status.message.rfind("the first parameter of ipow (x) must be In[Array[float]]", 0), 0u) << r.status.message;
}

}  // namespace
}  // namespace lomaw::dist::test
