// Front-end throughput: parse + type-check a generated 10,000-line module.
// Target (issue 2): under 50 ms.
#include <benchmark/benchmark.h>

#include "Engine.h"
#include "GeneratedModule.h"

namespace {

void BM_ParseAndCheck10kLines(benchmark::State& state) {
    lomaw::SourceFile file{"generated.py", lomaw::bench::generatedModule(10000)};
    lomaw::Engine engine;
    for (auto _ : state) {
        lomaw::CompileOutput out = engine.check(file);
        if (!out.ok) {
            state.SkipWithError("the generated module does not check");
            break;
        }
        benchmark::DoNotOptimize(out.module.items.size());
    }
    state.counters["lines"] = 10000;
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * file.text.size()));
}
BENCHMARK(BM_ParseAndCheck10kLines)->Unit(benchmark::kMillisecond);

void BM_EmitC10kLines(benchmark::State& state) {
    lomaw::SourceFile file{"generated.py", lomaw::bench::generatedModule(10000)};
    lomaw::Engine engine;
    for (auto _ : state) {
        lomaw::EmitOutput out = engine.generate(file, lomaw::Stage::C);
        benchmark::DoNotOptimize(out.code.text.size());
    }
}
BENCHMARK(BM_EmitC10kLines)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
