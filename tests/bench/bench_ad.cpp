// The cheap-gradient principle, measured: time of the reverse-mode (and forward-mode)
// derivative divided by the time of the primal, for the kernels of ad_kernels.py, compiled by
// the engine with the flags `lomaw run` uses and linked into this benchmark.
// Targets (issue 3): reverse / primal <= 3, forward / primal <= 2. The ratios are printed
// after the Google Benchmark table, from the same run.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>


namespace {

struct DFloat {
    float val, dval;
};

}  // namespace

// The kernels of ad_kernels.py and their derivatives, with loma's C ABI (LANGUAGE.md §7).
extern "C" {
float poly_sum(float* x, int n);
DFloat d_poly_sum(DFloat* x, int n);
void r_poly_sum(float* x, float* _dx, int n, int* _dn, float _dreturn);
float hamiltonian(float* q, float* p, int n, float m, float k, float rest);
DFloat d_hamiltonian(DFloat* q, DFloat* p, int n, DFloat m, DFloat k, DFloat rest);
void r_hamiltonian(float* q, float* _dq, float* p, float* _dp, int n, int* _dn, float m, float* _dm, float k,
                   float* _dk, float rest, float* _drest, float _dreturn);
float stencil(float* u, int n);
DFloat d_stencil(DFloat* u, int n);
void r_stencil(float* u, float* _du, int n, int* _dn, float _dreturn);
float nested_while(float* x, int n, int m);
DFloat d_nested_while(DFloat* x, int n, int m);
void r_nested_while(float* x, float* _dx, int n, int* _dn, int m, int* _dm, float _dreturn);
}

namespace {
constexpr int kN = 1000000;

std::vector<float> inputs(int n, float scale) {
    std::vector<float> v(n);
    for (int i = 0; i < n; ++i) v[i] = scale * static_cast<float>((static_cast<long long>(i) * 7919) % 1000) / 1000.0f;
    return v;
}

std::vector<DFloat> duals(const std::vector<float>& v) {
    std::vector<DFloat> d(v.size());
    for (size_t i = 0; i < v.size(); ++i) d[i] = {v[i], 1.0f};
    return d;
}

// ---- polynomial summed over 10^6 elements
void PolyPrimal(benchmark::State& s) {
    auto f = poly_sum;
    auto x = inputs(kN, 4.0f);
    for (auto _ : s) benchmark::DoNotOptimize(f(x.data(), kN));
}
void PolyForward(benchmark::State& s) {
    auto f = d_poly_sum;
    auto x = duals(inputs(kN, 4.0f));
    for (auto _ : s) benchmark::DoNotOptimize(f(x.data(), kN));
}
void PolyReverse(benchmark::State& s) {
    auto f = r_poly_sum;
    auto x = inputs(kN, 4.0f);
    std::vector<float> dx(kN);
    int dn = 0;
    for (auto _ : s) {
        f(x.data(), dx.data(), kN, &dn, 1.0f);
        benchmark::ClobberMemory();
    }
}

// ---- mass-spring Hamiltonian of 10^6 masses
void HamiltonianPrimal(benchmark::State& s) {
    auto f = hamiltonian;
    auto q = inputs(kN, 2.0f), p = inputs(kN, 1.0f);
    for (auto _ : s) benchmark::DoNotOptimize(f(q.data(), p.data(), kN, 2.0f, 4.0f, 1.0f));
}
void HamiltonianForward(benchmark::State& s) {
    auto f = d_hamiltonian;
    auto q = duals(inputs(kN, 2.0f)), p = duals(inputs(kN, 1.0f));
    for (auto _ : s)
        benchmark::DoNotOptimize(f(q.data(), p.data(), kN, DFloat{2, 0}, DFloat{4, 0}, DFloat{1, 0}));
}
void HamiltonianReverse(benchmark::State& s) {
    auto f = r_hamiltonian;
    auto q = inputs(kN, 2.0f), p = inputs(kN, 1.0f);
    std::vector<float> dq(kN), dp(kN);
    int dn = 0;
    float dm = 0, dk = 0, drest = 0;
    for (auto _ : s) {
        f(q.data(), dq.data(), p.data(), dp.data(), kN, &dn, 2.0f, &dm, 4.0f, &dk, 1.0f, &drest, 1.0f);
        benchmark::ClobberMemory();
    }
}

// ---- 1-D stencil over 10^6 elements
void StencilPrimal(benchmark::State& s) {
    auto f = stencil;
    auto u = inputs(kN, 1.0f);
    for (auto _ : s) benchmark::DoNotOptimize(f(u.data(), kN));
}
void StencilForward(benchmark::State& s) {
    auto f = d_stencil;
    auto u = duals(inputs(kN, 1.0f));
    for (auto _ : s) benchmark::DoNotOptimize(f(u.data(), kN));
}
void StencilReverse(benchmark::State& s) {
    auto f = r_stencil;
    auto u = inputs(kN, 1.0f);
    std::vector<float> du(kN);
    int dn = 0;
    for (auto _ : s) {
        f(u.data(), du.data(), kN, &dn, 1.0f);
        benchmark::ClobberMemory();
    }
}

// ---- nested while loops over a 1000 x 1000 grid
void NestedWhilePrimal(benchmark::State& s) {
    auto f = nested_while;
    auto x = inputs(kN, 1.0f);
    for (auto _ : s) benchmark::DoNotOptimize(f(x.data(), 1000, 1000));
}
void NestedWhileForward(benchmark::State& s) {
    auto f = d_nested_while;
    auto x = duals(inputs(kN, 1.0f));
    for (auto _ : s) benchmark::DoNotOptimize(f(x.data(), 1000, 1000));
}
void NestedWhileReverse(benchmark::State& s) {
    auto f = r_nested_while;
    auto x = inputs(kN, 1.0f);
    std::vector<float> dx(kN);
    int dn = 0, dm = 0;
    for (auto _ : s) {
        f(x.data(), dx.data(), 1000, &dn, 1000, &dm, 1.0f);
        benchmark::ClobberMemory();
    }
}

// Keeps each benchmark's mean time per iteration so the ratios come from this very run.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    std::map<std::string, double> seconds;
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs)
            if (r.run_type == Run::RT_Iteration && r.iterations > 0)
                seconds[r.benchmark_name()] = r.GetAdjustedRealTime();
        ConsoleReporter::ReportRuns(runs);
    }
};

}  // namespace

int main(int argc, char** argv) {
    const char* kernels[] = {"Poly", "Hamiltonian", "Stencil", "NestedWhile"};
    void (*fns[][3])(benchmark::State&) = {{PolyPrimal, PolyForward, PolyReverse},
                                            {HamiltonianPrimal, HamiltonianForward, HamiltonianReverse},
                                            {StencilPrimal, StencilForward, StencilReverse},
                                            {NestedWhilePrimal, NestedWhileForward, NestedWhileReverse}};
    const char* modes[] = {"Primal", "Forward", "Reverse"};
    std::vector<std::string> names;  // RegisterBenchmark keeps the pointer: keep the strings alive
    for (int k = 0; k < 4; ++k)
        for (int m = 0; m < 3; ++m) names.push_back(std::string(kernels[k]) + modes[m]);
    for (int k = 0; k < 4; ++k)
        for (int m = 0; m < 3; ++m)
            benchmark::RegisterBenchmark(names[k * 3 + m].c_str(), fns[k][m])->Unit(benchmark::kMillisecond);
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::printf("\n%-12s %18s %18s\n", "kernel", "forward / primal", "reverse / primal");
    for (const char* k : kernels) {
        double p = reporter.seconds[std::string(k) + "Primal"];
        if (p <= 0) continue;
        std::printf("%-12s %18.2f %18.2f\n", k, reporter.seconds[std::string(k) + "Forward"] / p,
                    reporter.seconds[std::string(k) + "Reverse"] / p);
    }
    return 0;
}
