// A batch over MPI workers prints, per input set, exactly what `lomaw run` prints for that set:
// every parameter kind (scalars, Out, structs with arrays, ragged nested arrays), derivatives
// (fwd_diff, rev_diff), returned structs, both launch modes, 1000 random sets.
#include <random>

#include "DistTestSupport.h"

namespace lomaw::dist::test {
namespace {

void expectSameAsSequential(const ast::Module& m, const std::string& function, const std::vector<std::string>& sets,
                            const JobOptions& options) {
    std::string batch = "[";
    for (size_t i = 0; i < sets.size(); ++i) batch += (i ? "," : "") + sets[i];
    batch += "]";
    BatchResult r = runBatchJob(m, {function, batch, std::nullopt}, options);
    ASSERT_EQ(r.status.kind, JobStatus::Kind::Ok) << r.status.message;
    ASSERT_EQ(r.results.size(), sets.size());
    for (size_t i = 0; i < sets.size(); ++i) EXPECT_EQ(r.results[i], runOnce(m, function, sets[i])) << "set " << i;
}

TEST(BatchEqualsSequential, EveryParameterKindSpawn) {
    ast::Module m = compileKernel("every_kind.py");
    std::vector<std::string> sets = {
        R"([1.5, 2, [0.5, 1.0], {"x": 1.0, "n": 3, "ws": [1.0, 2.0]}, 0.0, [[1.0], [2.0, 3.0]], 4])",
        R"([2.5, 1, [0.25], {"x": 0.0, "n": 3, "ws": [1.0, 7.0, 8.0]}, 1.0, [[5.0, 1.0]], 9])",
        R"([-1e30, 7, [3.0, 4.0, 5.0], {"x": "inf", "n": -3, "ws": [0.0, 2.0]}, 0.0, [[0.5], [], [1.0]], -8])"};
    expectSameAsSequential(m, "f", sets, jobOptions(2));
    // The numbers themselves, computed by hand for the first set: 1.5 + 2 + 0.5 + 1 + 2 + 4/2 = 9.
    BatchResult r = runBatchJob(m, {"f", "[" + sets[0] + "]", std::nullopt}, jobOptions(2));
    ASSERT_EQ(r.results.size(), 1u);
    EXPECT_EQ(r.results[0], R"({"return": 9, "args": [1.5, 2, [0.5, 1], {"x": 1, "n": 3, "ws": [1, 2]}, 3, [[2.5], [2, 3]], 4]})");
}

TEST(BatchEqualsSequential, DerivativesAndReturnedStructsSpmd) {
    ast::Module m = compileKernel("derivatives.py");
    JobOptions spmd = jobOptions(3, LaunchMode::Spmd);
    expectSameAsSequential(m, "h", {R"([2.0, {"a": 3.0, "b": [1.0, 0.5]}, [1.0, 2.0], 2])",
                                    R"([1.0, {"a": 1.0, "b": [0.0, 0.0]}, [], 0])"}, spmd);
    expectSameAsSequential(m, "d_h", {R"([2.0, 0.0, {"a": 3.0, "b": [1.0, 0.5]}, {"a": 0.0, "b": [0.0, 0.0]}, [1.0, 2.0], [0.0, 0.0], 2, 0, 1.0])"}, spmd);
    expectSameAsSequential(m, "f_h", {R"([{"val": 2.0, "dval": 1.0}, {"a": {"val": 3.0, "dval": 0.0}, "b": [{"val": 1.0, "dval": 0.0}, {"val": 0.5, "dval": 0.0}]}, [{"val": 1.0, "dval": 0.0}], 1])"}, spmd);
    expectSameAsSequential(m, "make", {"[1.5]", "[-2.0]", "[0.0]", "[4.0]"}, spmd);
}

TEST(BatchEqualsSequential, ThousandRandomSets) {
    ast::Module m = compileKernel("random_mix.py");
    std::mt19937 rng(1234);
    std::uniform_real_distribution<float> value(-10.0f, 10.0f);
    std::uniform_int_distribution<int> small(-5, 5), length(0, 6);
    std::vector<std::string> sets;
    for (int i = 0; i < 1000; ++i) {
        int n = length(rng);
        std::string xs = "[", out = "[";
        for (int k = 0; k < n; ++k) {
            xs += (k ? ", " : "") + runtime::formatFloat(value(rng));
            out += (k ? ", " : "") + std::string("0.0");
        }
        sets.push_back("[" + runtime::formatFloat(value(rng)) + ", " + std::to_string(small(rng)) + ", " + xs + "], " +
                       std::to_string(n) + ", " + out + "]]");
    }
    JobOptions options = jobOptions(2);
    std::vector<std::pair<long long, long long>> progress;
    options.onProgress = [&](long long done, long long total) { progress.emplace_back(done, total); };
    expectSameAsSequential(m, "mix", sets, options);
    // Eight rounds of 126 sets (a multiple of the worker count), the last one shorter.
    ASSERT_EQ(progress.size(), 8u);
    EXPECT_EQ(progress.front(), std::make_pair(126LL, 1000LL));
    EXPECT_EQ(progress.back(), std::make_pair(1000LL, 1000LL));
}

TEST(BatchErrors, ABadSetIsNamedByIndex) {
    ast::Module m = compileKernel("random_mix.py");
    BatchResult r = runBatchJob(m, {"mix", R"([[1.0, 2, [], 0, []], [1.0, "x", [], 0, []]])", std::nullopt}, jobOptions(2));
    EXPECT_EQ(r.status.kind, JobStatus::Kind::UsageError);
    EXPECT_EQ(r.status.message, "input set 1: argument 2 (k): expected an integer for int, got \"x\"");
}

}  // namespace
}  // namespace lomaw::dist::test
