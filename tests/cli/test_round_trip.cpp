// `lomaw emit --stage ast` on every kernel of tests/kernels and examples/ prints text that
// parses again and prints identically (the tree-level round trip is tested in test_syntax).
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "CorpusNames.h"
#include "KernelDirectives.h"
#include "Process.h"

namespace lomaw::test {
namespace {

std::vector<std::string> allKernels() {
    std::vector<std::string> files = kernelFiles(LOMAW_TEST_KERNELS, /*recursive=*/true);
    std::vector<std::string> examples = kernelFiles(LOMAW_EXAMPLES);
    files.insert(files.end(), examples.begin(), examples.end());
    return files;
}

class RoundTrip : public testing::TestWithParam<std::string> {};

TEST_P(RoundTrip, PrintedAstReparsesToTheSameText) {
    ProcessResult first = lomaw({"emit", GetParam(), "--stage", "ast"});
    if (first.exitCode == 1) GTEST_SKIP() << "does not parse (an error-corpus kernel)";
    ASSERT_EQ(first.exitCode, 0) << first.err;
    auto tmp = std::filesystem::temp_directory_path() /
               ("lomaw_rt_" + std::to_string(::getpid()) + "_" + std::filesystem::path(GetParam()).filename().string());
    std::ofstream(tmp) << first.out;
    ProcessResult second = lomaw({"emit", tmp.string(), "--stage", "ast"});
    std::filesystem::remove(tmp);
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(second.out, first.out);
}

INSTANTIATE_TEST_SUITE_P(Kernels, RoundTrip, testing::ValuesIn(allKernels()), corpusTestName);

}  // namespace
}  // namespace lomaw::test
