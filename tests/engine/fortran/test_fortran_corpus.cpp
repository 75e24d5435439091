// The mini-app corpus tests/kernels/fortran/*.f90|.f: every file parses without errors and
// every OpenMP loop gets the scopes judged by hand in NAME.expected (one line per loop); the
// files compile with `gfortran -fopenmp -c` when gfortran is installed.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "FortranTestUtil.h"
#include "fortran/FortranParser.h"

namespace lomaw::fortran::test {
namespace {

const char* const kCorpus[] = {"ideal_gas.f90", "advection.f90", "halo.f90",          "tea_cg.f90",
                               "csr_spmv.f90",  "jacobi.f90",    "field_summary.f90", "lulesh.f90",
                               "legacy_blas.f", "prk_style.F90"};

std::string corpusPath(const std::string& name) { return std::string(LOMAW_TEST_KERNELS) + "/fortran/" + name; }

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// "LINE FUNCTION: name:primal/adjoint ..." as in the .expected files.
std::string line(const omp::LoopScopes& loop) {
    return std::to_string(loop.line) + " " + loop.function + ": " + compact(loop);
}

std::vector<std::string> expectedLines(const std::string& name) {
    const std::string base = name.substr(0, name.rfind('.'));
    std::istringstream in(readFile(corpusPath(base + ".expected")));
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') out.push_back(line);
    return out;
}

TEST(FortranCorpus, EveryLoopHasTheHandJudgedScopes) {
    size_t loops = 0, files = 0;
    for (const char* name : kCorpus) {
        SCOPED_TRACE(name);
        const std::string text = readFile(corpusPath(name));
        ASSERT_FALSE(text.empty());
        const auto start = std::chrono::steady_clock::now();
        DiagnosticSink diags;
        const Unit unit = parseUnit(text, diags, formOf(name));
        ASSERT_FALSE(diags.hasErrors()) << formatDiagnostics(diags.sorted(), name, text);
        const std::vector<omp::LoopScopes> scopes = analyse(unit, {});
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        EXPECT_LT(ms, 1000.0);  // a guard against pathological slowness; ~2-20 ms measured
        const std::vector<std::string> expected = expectedLines(name);
        ASSERT_EQ(scopes.size(), expected.size());
        for (size_t k = 0; k < scopes.size(); ++k) EXPECT_EQ(line(scopes[k]), expected[k]);
        loops += scopes.size();
        ++files;
    }
    EXPECT_GE(files, 8u);
    EXPECT_GE(loops, 40u);
}

// Notes for what is skipped never make the corpus fail; errors would.
TEST(FortranCorpus, OnlyNotesAndNoWarnings) {
    for (const char* name : kCorpus) {
        SCOPED_TRACE(name);
        DiagnosticSink diags;
        parseUnit(readFile(corpusPath(name)), diags, formOf(name));
        for (const Diagnostic& d : diags.raw()) EXPECT_EQ(d.severity, Severity::Note) << d.code << ": " << d.message;
    }
}

TEST(FortranCorpus, CompilesWithGfortranOpenMP) {
    if (std::system("gfortran --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "gfortran is not installed";
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("lomaw-fortran-corpus-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    std::filesystem::create_directories(dir);
    for (const char* name : kCorpus) {
        const std::string cmd = "gfortran -fopenmp -c '" + corpusPath(name) + "' -J '" + dir.string() +
                                "' -o '" + (dir / "unit.o").string() + "' > '" + (dir / "log").string() + "' 2>&1";
        EXPECT_EQ(std::system(cmd.c_str()), 0) << name << ":\n" << readFile((dir / "log").string());
    }
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lomaw::fortran::test
