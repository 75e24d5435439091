// `lomaw run` latency for an unchanged, already-built module: the whole CLI process (start,
// parse, check, emit C, cache lookup, child call, JSON out). Target (issue 2): under 30 ms.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <sys/wait.h>

namespace {

int runQuiet(const std::string& command) {
    int rc = std::system((command + " > /dev/null").c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

void BM_LomawRunCached(benchmark::State& state) {
    std::string cmd = std::string(LOMAW_CLI) + " run " LOMAW_EXAMPLES "/polynomial.py descend --args '[5.0, 0.05, 0]'";
    if (runQuiet(cmd) != 0) {  // first run builds the library into the cache
        state.SkipWithError("lomaw run failed");
        return;
    }
    for (auto _ : state) {
        if (runQuiet(cmd) != 0) {
            state.SkipWithError("lomaw run failed");
            break;
        }
    }
}
BENCHMARK(BM_LomawRunCached)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The floor under it: starting a shell and a trivial process.
void BM_ProcessFloor(benchmark::State& state) {
    for (auto _ : state) runQuiet("true");
}
BENCHMARK(BM_ProcessFloor)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace

BENCHMARK_MAIN();
