// `lomaw descend` (issue 12): 10^4 descent steps of a two-parameter function, the build
// excluded (the library comes from the cache after the first run; the time is the loop in the
// child, measured there). Target: under 100 ms. Also the per-step cost of each gradient source.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "EngineDescent.h"

namespace {

const char* kBowl =
    "def bowl(x : In[float], y : In[float]) -> float:\n"
    "    return (x - 1.0) * (x - 1.0) + 2.0 * (y + 2.0) * (y + 2.0)\n";

lomaw::Engine engine() {
    lomaw::EngineOptions o;
    // A private cache unless the caller chose one (tools/bench.sh sets LOMAW_CACHE_DIR).
    if (!std::getenv("LOMAW_CACHE_DIR"))
        o.cacheDir = (std::filesystem::temp_directory_path() / "lomaw_bench_descent_cache").string();
    return lomaw::Engine(o);
}

void BM_Descend10kSteps(benchmark::State& state, const std::string& grad) {
    lomaw::Engine e = engine();
    lomaw::SourceFile file{"bowl.py", kBowl};
    lomaw::DescendOptions o;
    o.function = "bowl";
    o.initJson = "[3.0, 1.0]";
    o.gradient = grad;
    o.learningRate = 0.01;
    o.steps = 10000;
    o.argsForEveryStep = false;  // the parent prints the last step only
    for (auto _ : state) {
        lomaw::DescendOutput out = lomaw::descend(e, file, o);
        if (out.kind != lomaw::RunOutput::Status::Ok || out.trajectory.size() != 10001) {
            state.SkipWithError(("descend failed: " + out.message).c_str());
            break;
        }
        state.SetIterationTime(out.loopSeconds);
    }
}
BENCHMARK_CAPTURE(BM_Descend10kSteps, rev, std::string("rev"))->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Descend10kSteps, fwd, std::string("fwd"))->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Descend10kSteps, fd, std::string("fd"))->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
