// OpenMP adjoint scopes, measured (issue 4): the reverse-mode derivative of two 1-D loops over
// 10^7 elements (tests/bench/omp_kernels.py) with 1 and 2 threads, for three codes of the same
// derivative, emitted by `lomaw emit --stage c`:
//   shared    the scopes the analysis decides: shared where it proves that safe (every
//             adjoint of `pointwise`; _dw, _dv of `stencil`, whose _du stays atomic);
//   atomic    every adjoint forced atomic (--adjoint-scope '*=atomic');
//   reduction every read-only array forced to a reduction over per-thread copies
//             (--adjoint-scope '*=reduction'; _dv, written by the primal, stays shared).
// Before timing, every code's gradient with 1 and 2 threads is compared with the 1-thread
// gradient of the shared code; a difference aborts the benchmark. After the Google Benchmark
// table, a ratio table from the same run: speed-up (1-thread time / 2-thread time) and the
// cost of each code relative to the shared code at the same thread count.
// Target: the shared code's 2-thread speed-up at least 1.7.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <omp.h>

extern "C" {
void shared_d_pointwise(float* u, float* _du, float* w, float* _dw, float* _dv, int n, int* _dn);
void atomic_d_pointwise(float* u, float* _du, float* w, float* _dw, float* _dv, int n, int* _dn);
void reduction_d_pointwise(float* u, float* _du, float* w, float* _dw, float* _dv, int n, int* _dn);
void shared_d_stencil(float* u, float* _du, float* w, float* _dw, float* _dv, int n, int* _dn);
void atomic_d_stencil(float* u, float* _du, float* w, float* _dw, float* _dv, int n, int* _dn);
void reduction_d_stencil(float* u, float* _du, float* w, float* _dw, float* _dv, int n, int* _dn);
}

namespace {

constexpr int kN = 10000000;
using Derivative = void (*)(float*, float*, float*, float*, float*, int, int*);

const char* kKernels[] = {"pointwise", "stencil"};
const char* kCodes[] = {"shared", "atomic", "reduction"};
const Derivative kFns[2][3] = {{shared_d_pointwise, atomic_d_pointwise, reduction_d_pointwise},
                               {shared_d_stencil, atomic_d_stencil, reduction_d_stencil}};
const int kThreads[] = {1, 2};

struct Buffers {
    std::vector<float> u, w, du, dw, dv;
    Buffers() : u(kN), w(kN), du(kN), dw(kN), dv(kN) {
        for (int i = 0; i < kN; ++i) {
            u[i] = static_cast<float>((static_cast<long long>(i) * 7919) % 1000) / 1000.0f;
            w[i] = 0.5f + static_cast<float>((static_cast<long long>(i) * 104729) % 1000) / 2000.0f;
        }
    }
    void seed() {
        std::fill(du.begin(), du.end(), 0.0f);
        std::fill(dw.begin(), dw.end(), 0.0f);
        std::fill(dv.begin(), dv.end(), 1.0f);
    }
    void call(Derivative f) {
        int dn = 0;
        f(u.data(), du.data(), w.data(), dw.data(), dv.data(), kN, &dn);
    }
};

Buffers& buffers() {
    static Buffers b;
    return b;
}

// Equal up to the reassociation of sums (atomic updates and reductions add in another order).
bool close(const std::vector<float>& a, const std::vector<float>& b, const char* what, std::string& why) {
    for (size_t i = 0; i < a.size(); ++i)
        if (std::fabs(a[i] - b[i]) > 1e-5f * std::max(1.0f, std::fabs(a[i]))) {
            char text[160];
            std::snprintf(text, sizeof text, "%s[%zu] = %.9g, expected %.9g", what, i, b[i], a[i]);
            why = text;
            return false;
        }
    return true;
}

// Every code with 1 and 2 threads against the shared code with 1 thread.
bool gradientsAgree() {
    Buffers& b = buffers();
    for (int k = 0; k < 2; ++k) {
        omp_set_num_threads(1);
        b.seed();
        b.call(kFns[k][0]);
        const std::vector<float> du = b.du, dw = b.dw, dv = b.dv;
        for (int c = 0; c < 3; ++c)
            for (int t : kThreads) {
                omp_set_num_threads(t);
                b.seed();
                b.call(kFns[k][c]);
                std::string why;
                if (!close(du, b.du, "_du", why) || !close(dw, b.dw, "_dw", why) || !close(dv, b.dv, "_dv", why)) {
                    std::fprintf(stderr, "bench_omp: the %s code of d_%s with %d threads computes another gradient: %s\n",
                                 kCodes[c], kKernels[k], t, why.c_str());
                    return false;
                }
            }
    }
    return true;
}

// The adjoint seed _dv is consumed (zeroed) by the first call; later calls do the same work on
// zeros (no denormals), so it is not re-seeded inside the timed loop.
void Reverse(benchmark::State& s, int kernel, int code, int threads) {
    Buffers& b = buffers();
    omp_set_num_threads(threads);
    b.seed();
    for (auto _ : s) {
        b.call(kFns[kernel][code]);
        benchmark::ClobberMemory();
    }
}

class RatioReporter : public benchmark::ConsoleReporter {
public:
    std::map<std::string, double> seconds, cpu;
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs)
            if (r.run_type == Run::RT_Iteration && r.iterations > 0) {
                seconds[r.run_name.function_name] = r.GetAdjustedRealTime();
                cpu[r.run_name.function_name] = r.GetAdjustedCPUTime();
            }
        ConsoleReporter::ReportRuns(runs);
    }
};

std::string nameOf(int k, int c, int t) {
    return std::string(kKernels[k]) + "/" + kCodes[c] + "/threads:" + std::to_string(t);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (!gradientsAgree()) return 1;
    for (int k = 0; k < 2; ++k)
        for (int c = 0; c < 3; ++c)
            for (int t : kThreads)
                benchmark::RegisterBenchmark(nameOf(k, c, t).c_str(), Reverse, k, c, t)
                    ->Unit(benchmark::kMillisecond)
                    ->MeasureProcessCPUTime()
                    ->UseRealTime();
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);

    std::printf("\nadjoint of a 1-D loop over 10^7 elements (wall time, ms)\n");
    std::printf("%-10s %-10s %10s %10s %10s %14s %14s %10s %10s\n", "kernel", "code", "1 thread", "2 threads", "speed-up",
                "cost 1 thread", "cost 2 threads", "CPU 2/1", "CPU cost");
    for (int k = 0; k < 2; ++k)
        for (int c = 0; c < 3; ++c) {
            double t1 = reporter.seconds[nameOf(k, c, 1)], t2 = reporter.seconds[nameOf(k, c, 2)];
            double s1 = reporter.seconds[nameOf(k, 0, 1)], s2 = reporter.seconds[nameOf(k, 0, 2)];
            if (t1 <= 0 || t2 <= 0 || s1 <= 0 || s2 <= 0) continue;
            const double c1 = reporter.cpu[nameOf(k, c, 1)], c2 = reporter.cpu[nameOf(k, c, 2)];
            const double cs = reporter.cpu[nameOf(k, 0, 1)];
            std::printf("%-10s %-10s %10.1f %10.1f %10.2f %14.2f %14.2f %10.2f %10.2f\n", kKernels[k], kCodes[c], t1, t2,
                        t1 / t2, t1 / s1, t2 / s2, c1 > 0 ? c2 / c1 : 0.0, cs > 0 ? c1 / cs : 0.0);
        }
    std::printf("speed-up = 1-thread time / 2-thread time; cost = time / shared code's time, same threads;\n"
                "CPU 2/1 = CPU time of all threads with 2 threads / with 1 (1.0: no parallel overhead);\n"
                "CPU cost = 1-thread CPU time / shared code's (what atomics or copies cost in work).\n"
                "On a loaded machine the CPU columns are the fairer figures.\n");
    return 0;
}
