// Reverse derivatives of `#pragma omp parallel for` loops run as parallel adjoint loops
// (engine/ad/ReverseParallelFor.cpp). `lomaw run` is started with OMP_NUM_THREADS = 1, 2 and 4 (the
// child inherits the environment; libgomp reads it when the kernel module is loaded):
//  * tests/kernels/omp/adjoint_threads.py: gradients derived by hand (written in the kernel);
//  * every parallel test kernel (tests/kernels/omp/*.py, tests/kernels/run/pragma_*.py), with
//    a rev_diff declaration appended: 2- and 4-thread gradients equal the 1-thread ones to
//    float rounding, on inputs large enough for every thread to get iterations.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "KernelDirectives.h"
#include "Process.h"
#include "TempKernel.h"

namespace lomaw::test {
namespace {

using nlohmann::json;

const std::string kKernels = LOMAW_TEST_KERNELS;

ProcessResult runThreads(int threads, const std::string& file, const std::string& fn, const json& args) {
    ::setenv("OMP_NUM_THREADS", std::to_string(threads).c_str(), 1);
    ProcessResult r = lomaw({"run", file, fn, "--args", args.dump()});
    ::unsetenv("OMP_NUM_THREADS");
    return r;
}

// Equal up to float rounding (reassociated reductions and atomic additions).
std::string compareClose(const json& a, const json& b, const std::string& at = "") {
    if (a.is_number() && b.is_number()) {
        const double x = a.get<double>(), y = b.get<double>();
        const double tol = 2e-5 * std::max({1.0, std::fabs(x), std::fabs(y)});
        return std::fabs(x - y) <= tol ? "" : at + ": " + a.dump() + " vs " + b.dump();
    }
    if (a.is_array() && b.is_array()) {
        if (a.size() != b.size()) return at + ": sizes differ";
        for (size_t k = 0; k < a.size(); ++k) {
            std::string d = compareClose(a[k], b[k], at + "[" + std::to_string(k) + "]");
            if (!d.empty()) return d;
        }
        return "";
    }
    if (a.is_object() && b.is_object()) {
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!b.contains(it.key())) return at + "." + it.key() + " missing";
            std::string d = compareClose(it.value(), b[it.key()], at + "." + it.key());
            if (!d.empty()) return d;
        }
        return a.size() == b.size() ? "" : at + ": members differ";
    }
    return a == b ? "" : at + ": " + a.dump() + " vs " + b.dump();
}

json runJson(int threads, const std::string& file, const std::string& fn, const json& args) {
    ProcessResult r = runThreads(threads, file, fn, args);
    EXPECT_EQ(r.exitCode, 0) << fn << " with " << threads << " threads: " << r.err;
    json out = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(out.is_discarded()) << r.out;
    return out;
}

// ---------------------------------------------------------------- hand-derived gradients

struct HandCase {
    const char* function;
    const char* args;
    const char* expected;  // derived by hand in tests/kernels/omp/adjoint_threads.py
};

class HandGradients : public ::testing::TestWithParam<HandCase> {};

TEST_P(HandGradients, EqualTheHandDerivedValuesWith1_2And4Threads) {
    const HandCase& c = GetParam();
    const std::string file = kKernels + "/omp/adjoint_threads.py";
    const json expected = json::parse(c.expected);
    for (int threads : {1, 2, 4}) {
        SCOPED_TRACE(std::string(c.function) + " with " + std::to_string(threads) + " threads");
        json out = runJson(threads, file, c.function, json::parse(c.args));
        EXPECT_EQ(compareClose(expected, out), "") << out.dump();
    }
}

INSTANTIATE_TEST_SUITE_P(
    AdjointThreads, HandGradients,
    ::testing::Values(
        // 1-D stencil: _dw, _dv shared, _du atomic.
        HandCase{"d_stencil", "[[1,2,3,4,5],[0,0,0,0,0],[10,20,30,40,50],[0,0,0,0,0],[1,1,1,1,1],5,0]",
                 R"({"return": null, "args": [[1,2,3,4,5],[0.5,20.5,31,40.5,0.5],[10,20,30,40,50],[0,2,3,4,0],[1,0,0,0,1],5,0]})"},
        // gather u[c[i]]: _du atomic, c[] hits u[2] twice.
        HandCase{"d_gather", "[[1,2,3],[0,0,0],[0,2,2,1],[0,0,0,0],[1,1,1,1],4,0]",
                 R"({"return": null, "args": [[1,2,3],[2,4,12],[0,2,2,1],[0,0,0,0],[0,0,0,0],4,0]})"},
        // reduction(+:s): _ds firstprivate, _dk reduction(+).
        HandCase{"d_weighted_sum", "[[1,2,3],[0,0,0],2,0,3,0,1]",
                 R"({"return": null, "args": [[1,2,3],[4,8,12],2,14,3,0,1]})"},
        // private temporaries t, q.
        HandCase{"d_private_tmp", "[[1,2,3],[0,0,0],[1,2,1],3,0]",
                 R"({"return": null, "args": [[1,2,3],[5,14,9],[0,0,0],3,0]})"},
        // nested loops with a private accumulator: _da, _dx atomic.
        HandCase{"d_rows", "[[1,2,3,4],[0,0,0,0],[5,6],[0,0],[1,1],2,0]",
                 R"({"return": null, "args": [[1,2,3,4],[5,6,5,6],[5,6],[4,6],[0,0],2,0]})"},
        // a private the reverse sweep reads: replayed per iteration.
        HandCase{"d_private_square", "[[1,2],[0,0],[1,1],2,0]",
                 R"({"return": null, "args": [[1,2],[8,16],[0,0],2,0]})"}),
    [](const ::testing::TestParamInfo<HandCase>& i) { return std::string(i.param.function); });

// ---------------------------------------------------------------- every parallel test kernel

// Input values for a parameter type as written in the kernel (n = 30, unbounded arrays of
// 900 elements: enough for n*n, 2n+4 and every index array value below n).
constexpr int kN = 30;
constexpr int kLen = kN * kN;

json valueOf(const std::string& type, bool seed, int salt) {
    std::smatch m;
    if (std::regex_match(type, m, std::regex(R"(Array\[(.*), *(\d+)\])"))) {
        json a = json::array();
        for (int k = 0; k < std::stoi(m[2]); ++k) a.push_back(valueOf(m[1], seed, salt + k));
        return a;
    }
    if (std::regex_match(type, m, std::regex(R"(Array\[(.*)\])"))) {
        json a = json::array();
        for (int k = 0; k < kLen; ++k) a.push_back(valueOf(m[1], seed, salt + k));
        return a;
    }
    if (type == "int") return seed ? 0 : (7 * salt + 3) % kN;
    if (seed) return 1.0 + (salt % 3) * 0.5;  // adjoint seeds of outputs
    return 0.25 + ((salt * 37) % 17) / 8.0;
}

json zeroOf(const std::string& type) {
    std::smatch m;
    if (std::regex_match(type, m, std::regex(R"(Array\[(.*), *(\d+)\])"))) return json(std::vector<json>(std::stoi(m[2]), zeroOf(m[1])));
    if (std::regex_match(type, m, std::regex(R"(Array\[(.*)\])"))) return json(std::vector<json>(kLen, zeroOf(m[1])));
    if (type == "int") return 0;
    return 0.0;
}

struct Param {
    std::string name, qualifier, type;
};

// The parameters of `def NAME(...)` and its return type ("" for none).
bool signatureOf(const std::string& text, const std::string& fn, std::vector<Param>& params, std::string& ret) {
    std::smatch m;
    if (!std::regex_search(text, m, std::regex("def " + fn + R"(\((.*)\)( *-> *([A-Za-z_]+))? *:)"))) return false;
    ret = m[3];
    const std::string list = m[1];
    int depth = 0;
    std::string cur;
    std::vector<std::string> parts;
    for (char ch : list) {
        if (ch == '[') ++depth;
        if (ch == ']') --depth;
        if (ch == ',' && depth == 0) {
            parts.push_back(cur);
            cur.clear();
        } else {
            cur += ch;
        }
    }
    if (!cur.empty()) parts.push_back(cur);
    for (const std::string& p : parts) {
        std::smatch pm;
        if (!std::regex_match(p, pm, std::regex(R"( *([A-Za-z_0-9]+) *: *(In|Out)\[(.*)\] *)"))) return false;
        params.push_back({pm[1], pm[2], pm[3]});
    }
    return true;
}

// Reverse-derivative arguments (§6.3): In x -> x, _dx; Out y -> _dy; then _dreturn.
json reverseArgs(const std::vector<Param>& params, const std::string& ret) {
    json args = json::array();
    int salt = 1;
    for (const Param& p : params) {
        if (p.qualifier == "In") {
            args.push_back(p.name == "n" ? json(kN) : valueOf(p.type, false, salt));
            args.push_back(zeroOf(p.type));
        } else {
            args.push_back(valueOf(p.type, true, salt));
        }
        salt += 11;
    }
    if (ret == "float") args.push_back(1.0);
    return args;
}

struct KernelCase {
    const char* file;  // under tests/kernels
    const char* function;
};

class EveryParallelKernel : public ::testing::TestWithParam<KernelCase> {};

TEST_P(EveryParallelKernel, GradientsWith2And4ThreadsEqualThe1ThreadGradients) {
    const KernelCase& c = GetParam();
    const std::string text = readFile(kKernels + "/" + c.file);
    std::vector<Param> params;
    std::string ret;
    ASSERT_TRUE(signatureOf(text, c.function, params, ret)) << c.function;
    const std::string rev = std::string("_rev_") + c.function;
    TempKernel k(text + "\n" + rev + " = rev_diff(" + c.function + ")\n");
    const json args = reverseArgs(params, ret);
    const json one = runJson(1, k.path(), rev, args);
    for (int threads : {2, 4}) {
        SCOPED_TRACE(std::string(c.function) + " with " + std::to_string(threads) + " threads");
        EXPECT_EQ(compareClose(one, runJson(threads, k.path(), rev, args)), "");
    }
}

// heat_in_place (tests/kernels/omp/stencils.py) is left out: its primal loop reads u[i-1],
// which the previous iteration writes, so it is not race-free and has no thread-independent
// derivative. write_copy (pragma_firstprivate.py) returns an int and has no float output.
// listed (pragma_default_clauses.py) and sq (pragma_unknown_clause.py) read their Out
// parameter y, which reverse mode rejects (rev-restriction): they have no reverse derivative.
INSTANTIATE_TEST_SUITE_P(
    AdjointThreads, EveryParallelKernel,
    ::testing::Values(KernelCase{"omp/stencils.py", "pairs_offset"}, KernelCase{"omp/stencils.py", "scatter"},
                      KernelCase{"omp/stencils.py", "matvec"},
                      KernelCase{"omp/adjoint_threads.py", "stencil"}, KernelCase{"omp/adjoint_threads.py", "gather"},
                      KernelCase{"omp/adjoint_threads.py", "weighted_sum"},
                      KernelCase{"omp/adjoint_threads.py", "private_tmp"}, KernelCase{"omp/adjoint_threads.py", "rows"},
                      KernelCase{"omp/adjoint_threads.py", "private_square"},
                      KernelCase{"run/pragma_default_clauses.py", "unlisted_private"},
                      KernelCase{"run/pragma_firstprivate.py", "offset"},
                      KernelCase{"run/pragma_nested.py", "outer_product"},
                      KernelCase{"run/pragma_private.py", "private_zero"},
                      KernelCase{"run/pragma_private.py", "private_temp"},
                      KernelCase{"run/pragma_private.py", "private_param_and_struct"},
                      KernelCase{"run/pragma_reduction.py", "total"},
                      KernelCase{"run/pragma_reduction.py", "int_and_float"},
                      KernelCase{"run/pragma_reduction.py", "stencil"}, KernelCase{"run/pragma_shared.py", "scale"},
                      KernelCase{"run/pragma_shared.py", "default_shared"}),
    [](const ::testing::TestParamInfo<KernelCase>& i) {
        std::string file = i.param.file;
        file = file.substr(file.find('/') + 1);
        file = file.substr(0, file.find('.'));
        return file + "_" + i.param.function;
    });

// ---------------------------------------------------------------- emit --stage omp

TEST(AdjointThreadsEmit, OmpStageShowsTheAdjointLoopWithItsScopes) {
    ProcessResult r = lomaw({"emit", kKernels + "/omp/adjoint_threads.py", "--stage", "omp"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const size_t fn = r.out.find("void d_stencil(float* u");
    const size_t body = r.out.find("{", r.out.find(")", fn));
    ASSERT_NE(fn, std::string::npos);
    const size_t note = r.out.find("/* adjoint loop of the parallel loop at line 12", body);
    ASSERT_NE(note, std::string::npos) << r.out;
    const size_t atomicNote = r.out.find("/* _du (u): atomic: reads u[i-1], u[i+1]", note);
    const size_t sharedNote = r.out.find("/* _dw (w): shared:", note);
    const size_t pragma = r.out.find("#pragma omp parallel shared(", note);
    const size_t atomic = r.out.find("#pragma omp atomic", pragma);
    EXPECT_NE(atomicNote, std::string::npos);
    EXPECT_NE(sharedNote, std::string::npos);
    EXPECT_LT(atomicNote, pragma);
    EXPECT_LT(pragma, atomic);
    EXPECT_NE(atomic, std::string::npos);
    // The primal loop keeps the analysis' comment block; the adjoint loop gets no second copy.
    const size_t primal = r.out.find("/* OpenMP scopes of the parallel loop at line 12");
    EXPECT_NE(primal, std::string::npos);
    EXPECT_EQ(r.out.find("/* OpenMP scopes of the parallel loop at line 12", primal + 1), std::string::npos);
}

// ---------------------------------------------------------------- forced adjoint scopes

// d_stencil of adjoint_threads.py emitted with every adjoint forced to one scope
// (`emit --stage c --adjoint-scope '*=SCOPE'`), compiled with OpenMP beside a driver and run
// with 1, 2 and 4 threads: the hand-derived gradient for n = 5, and for n = 1000 (every thread
// busy) the closed form _du[j] = w[j] + 0.5 [1 <= j-1 <= n-2] + 0.5 [1 <= j+1 <= n-2] for
// j in 1..n-2 (and the 0.5 terms only at 0 and n-1), _dw[j] = u[j], with _dv = 1.
const char* kStencilDriver = R"(
#include <stdio.h>
#include <math.h>
int main(void) {
    float u[5] = {1, 2, 3, 4, 5}, du[5] = {0}, w[5] = {10, 20, 30, 40, 50}, dw[5] = {0}, dv[5] = {1, 1, 1, 1, 1};
    int dn = 0;
    d_stencil(u, du, w, dw, dv, 5, &dn);
    for (int k = 0; k < 5; k++) printf("%g %g %g\n", du[k], dw[k], dv[k]);
    enum { N = 1000 };
    static float U[N], DU[N], W[N], DW[N], DV[N];
    for (int k = 0; k < N; k++) { U[k] = 0.001f * k; W[k] = 1.0f + 0.5f * (k % 7); DV[k] = 1.0f; }
    d_stencil(U, DU, W, DW, DV, N, &dn);
    double worst = 0;
    for (int j = 0; j < N; j++) {
        int inner = j >= 1 && j <= N - 2;
        double edu = (inner ? W[j] : 0) + (j - 1 >= 1 && j - 1 <= N - 2 ? 0.5 : 0) + (j + 1 >= 1 && j + 1 <= N - 2 ? 0.5 : 0);
        double edw = inner ? U[j] : 0, edv = inner ? 0 : 1;
        worst = fmax(worst, fabs(DU[j] - edu) + fabs(DW[j] - edw) + fabs(DV[j] - edv));
    }
    printf("worst %g\n", worst);
    return 0;
}
)";

class ForcedScopes : public ::testing::TestWithParam<const char*> {};

TEST_P(ForcedScopes, GiveTheHandDerivedGradientWith1_2And4Threads) {
    const std::string scope = GetParam();
    const std::string file = kKernels + "/omp/adjoint_threads.py";
    ProcessResult c = lomaw({"emit", file, "--stage", "c", "--adjoint-scope", "*=" + scope});
    ASSERT_EQ(c.exitCode, 0) << c.err;
    ProcessResult omp = lomaw({"emit", file, "--stage", "omp", "--adjoint-scope", "*=" + scope});
    ASSERT_EQ(omp.exitCode, 0) << omp.err;
    const size_t fn = omp.out.find("void d_stencil(float* u, float* _du");
    const size_t body = omp.out.find("{", omp.out.find(")", fn));
    // _du, _dw take the forced scope (shared only where safe: _du stays atomic); _dv, written
    // by the primal, cannot be a reduction.
    const std::string du = scope == "shared" ? "atomic" : scope;
    EXPECT_NE(omp.out.find("/* _du (u): " + du, body), std::string::npos) << omp.out.substr(body, 3000);
    EXPECT_NE(omp.out.find("/* _dw (w): " + scope, body), std::string::npos);
    EXPECT_NE(omp.out.find(scope == "atomic" ? "/* _dv (v): atomic" : "/* _dv (v): shared", body), std::string::npos);
    if (scope == "reduction") {
        EXPECT_NE(omp.out.find("calloc(", body), std::string::npos);
    }

    TempKernel dir("", "unused.py");
    const std::filesystem::path base = std::filesystem::path(dir.path()).parent_path();
    const std::string source = (base / "stencil.c").string(), exe = (base / "stencil").string();
    std::ofstream(source) << c.out << kStencilDriver;
    const char* compiler = std::getenv("LOMAW_CC");
    ProcessResult cc = runProcess({compiler && *compiler ? compiler : "/usr/bin/cc", "-O2", "-std=c11", "-fopenmp", "-w", source, "-lm", "-o", exe});
    ASSERT_EQ(cc.exitCode, 0) << cc.err;
    for (int threads : {1, 2, 4}) {
        SCOPED_TRACE(scope + " with " + std::to_string(threads) + " threads");
        ::setenv("OMP_NUM_THREADS", std::to_string(threads).c_str(), 1);
        ProcessResult r = runProcess({exe});
        ::unsetenv("OMP_NUM_THREADS");
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const std::string hand = "0.5 0 1\n20.5 2 0\n31 3 0\n40.5 4 0\n0.5 0 1\n";
        EXPECT_EQ(r.out.substr(0, hand.size()), hand);
        const double worst = std::stod(r.out.substr(r.out.find("worst ") + 6));
        EXPECT_LT(worst, 1e-4) << r.out;
    }
}

INSTANTIATE_TEST_SUITE_P(AdjointThreads, ForcedScopes, ::testing::Values("atomic", "reduction", "shared"));

TEST(ForcedScopes, UnsafeSharedIsIgnoredAndBadItemsAreUsageErrors) {
    const std::string file = kKernels + "/omp/adjoint_threads.py";
    ProcessResult r = lomaw({"emit", file, "--stage", "omp", "--adjoint-scope", "u=shared"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("/* _du (u): atomic: reads u[i-1], u[i+1] are not written by the same iteration"),
              std::string::npos);
    EXPECT_NE(r.out.find("(forced shared ignored: threads may update the same element)"), std::string::npos);
    ProcessResult bad = lomaw({"emit", file, "--stage", "c", "--adjoint-scope", "u=private"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(bad.out, "");
    EXPECT_NE(bad.err.find("lomaw: error: --adjoint-scope u=private: unknown scope 'private'"), std::string::npos) << bad.err;
}

// The forward sweep of a loop that records nothing runs under the primal pragma; the reverse
// loop of a pragma loop nested in a parallel one stays a plain loop (one level of threads).
TEST(AdjointThreadsEmit, ForwardSweepRunsInParallelWhenItRecordsNothing) {
    ProcessResult r = lomaw({"emit", kKernels + "/omp/adjoint_threads.py", "--stage", "omp"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const size_t fn = r.out.find("void d_private_square(float* x");
    const size_t body = r.out.find("{", r.out.find(")", fn));
    const size_t note = r.out.find("/* forward sweep of the parallel loop at line 71: records nothing", body);
    ASSERT_NE(note, std::string::npos) << r.out.substr(body, 2000);
    const size_t pragma = r.out.find("#pragma omp parallel", note);
    const size_t adjoint = r.out.find("/* adjoint loop of the parallel loop at line 71", body);
    EXPECT_LT(note, pragma);
    EXPECT_LT(pragma, adjoint);
    // The forward loop gets the primal's private copy of t.
    EXPECT_NE(r.out.substr(pragma, adjoint - pragma).find("float t = 0.0f;"), std::string::npos);
}

// --omp-threads N sets the thread count of pragma loops. A float reduction whose result depends
// on how the iterations are split shows it: x = [1e8, 1, -1e8, 1] summed in one thread is
// ((1e8 + 1) - 1e8) + 1 = 0 + 1 = 1 (1e8 + 1 rounds to 1e8: the float spacing there is 8); with
// 2 threads (static schedule: iterations 0-1 and 2-3) the partial sums are 1e8 and -1e8, total 0.
TEST(OmpThreadsOption, SetsTheThreadCountOfPragmaLoops) {
    TempKernel k(R"(def total(x : In[Array[float]], n : In[int]) -> float:
    s : float
    #pragma omp parallel for reduction(+:s)
    for i in range(n):
        s = s + x[i]
    return s
)");
    const std::string args = "[[1e8, 1, -1e8, 1], 4]";
    ProcessResult one = lomaw({"run", k.path(), "total", "--args", args, "--omp-threads", "1"});
    ASSERT_EQ(one.exitCode, 0) << one.err;
    EXPECT_EQ(json::parse(one.out)["return"], 1);
    ProcessResult two = lomaw({"run", k.path(), "total", "--args", args, "--omp-threads", "2"});
    ASSERT_EQ(two.exitCode, 0) << two.err;
    EXPECT_EQ(json::parse(two.out)["return"], 0);
    ProcessResult zero = lomaw({"run", k.path(), "total", "--args", args, "--omp-threads", "0"});
    EXPECT_EQ(zero.exitCode, 2);
    EXPECT_NE(zero.err.find("--omp-threads"), std::string::npos) << zero.err;
}

}  // namespace
}  // namespace lomaw::test
