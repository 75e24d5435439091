// The cheap-gradient principle, measured: time of the reverse-mode (and forward-mode)
// derivative divided by the time of the primal, for the kernels of ad_kernels.py (for loops,
// issue 3) and ad_while_kernels.py (loma's own while loops, straight-line code, struct
// parameters, nested loops, calls in loops: issue 11), compiled by the engine with the flags
// `lomaw run` uses and linked into this benchmark. Targets: reverse / primal <= 3 on every
// kernel and <= 2 median, forward / primal <= 2. After the Google Benchmark table, one table
// from the same run: the ratios, and the bytes each reverse derivative records per iteration
// of its loops (from the engine's tape report, `lomaw emit --stage tape`).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "EngineTapes.h"

namespace {

struct DFloat {
    float val, dval;
};
struct Springs {
    float k, rest, m;
};
struct DSprings {
    DFloat k, rest, m;
};

}  // namespace

// The kernels and their derivatives, with loma's C ABI (docs/language.md §7).
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

float cubic3(float x, float y, float z);
DFloat d_cubic3(DFloat x, DFloat y, DFloat z);
void r_cubic3(float x, float* _dx, float y, float* _dy, float z, float* _dz, float _dreturn);
float spring_energy(float* q, float* p, int n, Springs c);
DFloat d_spring_energy(DFloat* q, DFloat* p, int n, DSprings c);
void r_spring_energy(float* q, float* _dq, float* p, float* _dp, int n, int* _dn, Springs c, Springs* _dc,
                     float _dreturn);
float roughness(float* u, int n);
DFloat d_roughness(DFloat* u, int n);
void r_roughness(float* u, float* _du, int n, int* _dn, float _dreturn);
float grid_energy(float* x, int n, int m);
DFloat d_grid_energy(DFloat* x, int n, int m);
void r_grid_energy(float* x, float* _dx, int n, int* _dn, int m, int* _dm, float _dreturn);
float laplace_energy(float* u, int n, int m);
DFloat d_laplace_energy(DFloat* u, int n, int m);
void r_laplace_energy(float* u, float* _du, int n, int* _dn, int m, int* _dm, float _dreturn);
float call_sum(float* x, int n);
DFloat d_call_sum(DFloat* x, int n);
void r_call_sum(float* x, float* _dx, int n, int* _dn, float _dreturn);
}

namespace {
constexpr int kN = 1000000;
constexpr int kPoints = 1000;  // straight-line kernels: calls per benchmark iteration

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

// A kernel over one array of kN floats: f(x, n) / d_f / r_f with one int parameter.
template <float (*P)(float*, int), DFloat (*F)(DFloat*, int), void (*R)(float*, float*, int, int*, float)>
struct ArrayKernel {
    static void primal(benchmark::State& s) {
        auto x = inputs(kN, 1.0f);
        for (auto _ : s) benchmark::DoNotOptimize(P(x.data(), kN));
    }
    static void forward(benchmark::State& s) {
        auto x = duals(inputs(kN, 1.0f));
        for (auto _ : s) benchmark::DoNotOptimize(F(x.data(), kN));
    }
    static void reverse(benchmark::State& s) {
        auto x = inputs(kN, 1.0f);
        std::vector<float> dx(kN);
        int dn = 0;
        for (auto _ : s) {
            R(x.data(), dx.data(), kN, &dn, 1.0f);
            benchmark::ClobberMemory();
        }
    }
};

// A grid of 1000 x 1000 (for nested loops): f(x, n, m).
template <float (*P)(float*, int, int), DFloat (*F)(DFloat*, int, int),
          void (*R)(float*, float*, int, int*, int, int*, float)>
struct GridKernel {
    static void primal(benchmark::State& s) {
        auto x = inputs(kN, 1.0f);
        for (auto _ : s) benchmark::DoNotOptimize(P(x.data(), 1000, 1000));
    }
    static void forward(benchmark::State& s) {
        auto x = duals(inputs(kN, 1.0f));
        for (auto _ : s) benchmark::DoNotOptimize(F(x.data(), 1000, 1000));
    }
    static void reverse(benchmark::State& s) {
        auto x = inputs(kN, 1.0f);
        std::vector<float> dx(kN);
        int dn = 0, dm = 0;
        for (auto _ : s) {
            R(x.data(), dx.data(), 1000, &dn, 1000, &dm, 1.0f);
            benchmark::ClobberMemory();
        }
    }
};

// ---- polynomial summed over 10^6 elements (x scaled by 4)
void PolyPrimal(benchmark::State& s) {
    auto x = inputs(kN, 4.0f);
    for (auto _ : s) benchmark::DoNotOptimize(poly_sum(x.data(), kN));
}
void PolyForward(benchmark::State& s) {
    auto x = duals(inputs(kN, 4.0f));
    for (auto _ : s) benchmark::DoNotOptimize(d_poly_sum(x.data(), kN));
}
void PolyReverse(benchmark::State& s) {
    auto x = inputs(kN, 4.0f);
    std::vector<float> dx(kN);
    int dn = 0;
    for (auto _ : s) {
        r_poly_sum(x.data(), dx.data(), kN, &dn, 1.0f);
        benchmark::ClobberMemory();
    }
}

// ---- mass-spring Hamiltonian of 10^6 masses (for loops)
void HamiltonianPrimal(benchmark::State& s) {
    auto q = inputs(kN, 2.0f), p = inputs(kN, 1.0f);
    for (auto _ : s) benchmark::DoNotOptimize(hamiltonian(q.data(), p.data(), kN, 2.0f, 4.0f, 1.0f));
}
void HamiltonianForward(benchmark::State& s) {
    auto q = duals(inputs(kN, 2.0f)), p = duals(inputs(kN, 1.0f));
    for (auto _ : s)
        benchmark::DoNotOptimize(d_hamiltonian(q.data(), p.data(), kN, DFloat{2, 0}, DFloat{4, 0}, DFloat{1, 0}));
}
void HamiltonianReverse(benchmark::State& s) {
    auto q = inputs(kN, 2.0f), p = inputs(kN, 1.0f);
    std::vector<float> dq(kN), dp(kN);
    int dn = 0;
    float dm = 0, dk = 0, drest = 0;
    for (auto _ : s) {
        r_hamiltonian(q.data(), dq.data(), p.data(), dp.data(), kN, &dn, 2.0f, &dm, 4.0f, &dk, 1.0f, &drest, 1.0f);
        benchmark::ClobberMemory();
    }
}

// ---- spring energy: struct parameter, two while loops; n = 1000 (the size: the
// per-call cost of tapes shows) and n = 10^6
template <int N>
void SpringPrimal(benchmark::State& s) {
    auto q = inputs(N, 2.0f), p = inputs(N, 1.0f);
    for (auto _ : s) benchmark::DoNotOptimize(spring_energy(q.data(), p.data(), N, Springs{4, 1, 2}));
}
template <int N>
void SpringForward(benchmark::State& s) {
    auto q = duals(inputs(N, 2.0f)), p = duals(inputs(N, 1.0f));
    DSprings c{{4, 0}, {1, 0}, {2, 0}};
    for (auto _ : s) benchmark::DoNotOptimize(d_spring_energy(q.data(), p.data(), N, c));
}
template <int N>
void SpringReverse(benchmark::State& s) {
    auto q = inputs(N, 2.0f), p = inputs(N, 1.0f);
    std::vector<float> dq(N), dp(N);
    int dn = 0;
    Springs dc{0, 0, 0};
    for (auto _ : s) {
        r_spring_energy(q.data(), dq.data(), p.data(), dp.data(), N, &dn, Springs{4, 1, 2}, &dc, 1.0f);
        benchmark::ClobberMemory();
    }
}

// ---- a cubic in three variables, straight-line, at kPoints points per iteration
void CubicPrimal(benchmark::State& s) {
    auto x = inputs(kPoints, 2.0f);
    for (auto _ : s) {
        float acc = 0;
        for (int i = 0; i + 2 < kPoints; ++i) acc += cubic3(x[i], x[i + 1], x[i + 2]);
        benchmark::DoNotOptimize(acc);
    }
}
void CubicForward(benchmark::State& s) {
    auto x = inputs(kPoints, 2.0f);
    for (auto _ : s) {
        float acc = 0;
        for (int i = 0; i + 2 < kPoints; ++i)
            acc += d_cubic3(DFloat{x[i], 1}, DFloat{x[i + 1], 0}, DFloat{x[i + 2], 0}).dval;
        benchmark::DoNotOptimize(acc);
    }
}
void CubicReverse(benchmark::State& s) {
    auto x = inputs(kPoints, 2.0f);
    for (auto _ : s) {
        float dx = 0, dy = 0, dz = 0;
        for (int i = 0; i + 2 < kPoints; ++i) r_cubic3(x[i], &dx, x[i + 1], &dy, x[i + 2], &dz, 1.0f);
        benchmark::DoNotOptimize(dx + dy + dz);
    }
}

// ---- roughness written by hand (the practical limit of a reverse sweep over this loop)
float handRoughness(const float* u, float* du, int n) {
    float r = 0;
    for (int i = 1; i < n - 1; ++i) {
        float l = u[i - 1] - 2.0f * u[i] + u[i + 1];
        r += l * l;
        float a = 2.0f * l;
        du[i - 1] += a;
        du[i] -= 2.0f * a;
        du[i + 1] += a;
    }
    return r;
}
void RoughnessHand(benchmark::State& s) {
    auto u = inputs(kN, 1.0f);
    std::vector<float> du(kN);
    for (auto _ : s) {
        benchmark::DoNotOptimize(handRoughness(u.data(), du.data(), kN));
        benchmark::ClobberMemory();
    }
}

using Stencil = ArrayKernel<stencil, d_stencil, r_stencil>;
using NestedWhile = GridKernel<nested_while, d_nested_while, r_nested_while>;
using Roughness = ArrayKernel<roughness, d_roughness, r_roughness>;
using Grid = GridKernel<grid_energy, d_grid_energy, r_grid_energy>;
using Laplace = GridKernel<laplace_energy, d_laplace_energy, r_laplace_energy>;
using CallSum = ArrayKernel<call_sum, d_call_sum, r_call_sum>;

struct Kernel {
    const char* name;  // benchmark prefix
    const char* primal;  // loma function (its reverse derivative is r_<primal>)
    const char* what;
    void (*fn[3])(benchmark::State&);
};

const Kernel kKernels[] = {
    {"Poly", "poly_sum", "for: polynomial summed, 10^6", {PolyPrimal, PolyForward, PolyReverse}},
    {"Hamiltonian", "hamiltonian", "for: mass-spring Hamiltonian, 10^6", {HamiltonianPrimal, HamiltonianForward, HamiltonianReverse}},
    {"Stencil", "stencil", "for: 3-point stencil, 10^6", {Stencil::primal, Stencil::forward, Stencil::reverse}},
    {"NestedWhile", "nested_while", "while: nested, 1000 x 1000", {NestedWhile::primal, NestedWhile::forward, NestedWhile::reverse}},
    {"Cubic", "cubic3", "straight-line cubic, 3 variables", {CubicPrimal, CubicForward, CubicReverse}},
    {"Spring1k", "spring_energy", "while: struct param, 2 loops, 10^3", {SpringPrimal<1000>, SpringForward<1000>, SpringReverse<1000>}},
    {"Spring1M", "spring_energy", "while: struct param, 2 loops, 10^6", {SpringPrimal<kN>, SpringForward<kN>, SpringReverse<kN>}},
    {"Roughness", "roughness", "while: stencil roughness, 10^6", {Roughness::primal, Roughness::forward, Roughness::reverse}},
    {"Grid", "grid_energy", "while: nested, neighbour products, 1000 x 1000", {Grid::primal, Grid::forward, Grid::reverse}},
    {"Laplace", "laplace_energy", "while: nested, 5-point Laplacian, 1000 x 1000", {Laplace::primal, Laplace::forward, Laplace::reverse}},
    {"CallSum", "call_sum", "while: user call in the loop, 10^6", {CallSum::primal, CallSum::forward, CallSum::reverse}},
};

// Keeps each benchmark's time per iteration so the ratios come from this very run: the
// smallest over --benchmark_repetitions (the 2-core machine is shared; the minimum is the
// least disturbed).
class RatioReporter : public benchmark::ConsoleReporter {
public:
    std::map<std::string, double> seconds;
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs) {
            if (r.run_type != Run::RT_Iteration || r.iterations <= 0) continue;
            std::string name = r.run_name.function_name;
            double t = r.GetAdjustedRealTime();
            if (!seconds.count(name) || t < seconds[name]) seconds[name] = t;
        }
        ConsoleReporter::ReportRuns(runs);
    }
};

// "while 14: 0, for 21: 8" — bytes per iteration of each loop of r_<primal>.
std::string tapeBytes(const lomaw::ad::TapeReport& report, const std::string& primal) {
    for (const lomaw::ad::DerivativeTapes& d : report.derivatives) {
        if (d.derivative != "r_" + primal) continue;
        std::string s;
        for (const lomaw::ad::TapeLoop& l : d.loops)
            if (l.kind != "body") s += (s.empty() ? "" : ", ") + std::to_string(l.bytesPerIteration());
        return s.empty() ? "no loop" : s;
    }
    return "?";
}

lomaw::ad::TapeReport tapeReport(const char* path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return lomaw::analyseTapes(lomaw::SourceFile{path, text.str()}).report;
}

}  // namespace

int main(int argc, char** argv) {
    const char* modes[] = {"Primal", "Forward", "Reverse"};
    std::vector<std::string> names;  // RegisterBenchmark keeps the pointer: keep the strings alive
    for (const Kernel& k : kKernels)
        for (const char* m : modes) names.push_back(std::string(k.name) + m);
    size_t at = 0;
    for (const Kernel& k : kKernels)
        for (int m = 0; m < 3; ++m) benchmark::RegisterBenchmark(names[at++].c_str(), k.fn[m])->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("RoughnessHand", RoughnessHand)->Unit(benchmark::kMillisecond);
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);

    lomaw::ad::TapeReport forTapes = tapeReport(LOMAW_AD_KERNELS);
    lomaw::ad::TapeReport whileTapes = tapeReport(LOMAW_AD_WHILE_KERNELS);
    std::printf("\n%-12s %-46s %9s %9s  %s\n", "kernel", "", "fwd/prim", "rev/prim", "tape bytes per iteration, per loop");
    std::vector<double> reverseRatios;
    for (const Kernel& k : kKernels) {
        double p = reporter.seconds[std::string(k.name) + "Primal"];
        if (p <= 0) continue;
        double f = reporter.seconds[std::string(k.name) + "Forward"] / p;
        double r = reporter.seconds[std::string(k.name) + "Reverse"] / p;
        reverseRatios.push_back(r);
        std::string bytes = tapeBytes(forTapes, k.primal);
        if (bytes == "?") bytes = tapeBytes(whileTapes, k.primal);
        std::printf("%-12s %-46s %9.2f %9.2f  %s\n", k.name, k.what, f, r, bytes.c_str());
    }
    if (double p = reporter.seconds["RoughnessPrimal"]; p > 0 && reporter.seconds["RoughnessHand"] > 0)
        std::printf("%-12s %-46s %9s %9.2f\n", "Roughness", "hand-written adjoint", "", reporter.seconds["RoughnessHand"] / p);
    if (!reverseRatios.empty()) {
        std::sort(reverseRatios.begin(), reverseRatios.end());
        size_t n = reverseRatios.size();
        double median = n % 2 ? reverseRatios[n / 2] : (reverseRatios[n / 2 - 1] + reverseRatios[n / 2]) / 2;
        std::printf("reverse / primal: median %.2f, max %.2f\n", median, reverseRatios.back());
    }
    return 0;
}
