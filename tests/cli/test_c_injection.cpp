// A kernel in a directory whose name closes a C comment, holds C code and newlines: the file
// name reaches the generated C only inside comments (codegen/CText.h), so `lomaw run` runs the
// kernel and nothing else, and `emit --stage c` shows the name escaped.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "Process.h"

namespace lomaw::test {
namespace {

namespace fs = std::filesystem;

class HostileDirectory : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("lomaw_inject_" + std::to_string(::getpid()));
        // Components: "x*" ends the comment with the '/' after it, the next holds a constructor
        // that would run when the library loads, "*y" reopens a comment; a newline component
        // would start a preprocessor line.
        const fs::path dir = root_ / "x*" /
                             " __attribute__((constructor)) static void evil(void) { __builtin_puts(\"PWNED\"); } " /
                             "*y" / "nl\n#define f g\n";
        fs::create_directories(dir);
        path_ = (dir / "k.py").string();
        std::ofstream(path_) << "def f(a : In[int], b : In[int]) -> int:\n    return a / b\n";
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(root_, ec);
    }

    fs::path root_;
    std::string path_;
};

TEST_F(HostileDirectory, RunCallsTheKernelAndNothingElse) {
    ProcessResult r = lomaw({"run", path_, "f", "--args", "[7, 2]"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "{\"return\": 3, \"args\": [7, 2]}\n");
    EXPECT_EQ(r.out.find("PWNED"), std::string::npos);
    EXPECT_EQ(r.err.find("PWNED"), std::string::npos) << r.err;

    ProcessResult zero = lomaw({"run", path_, "f", "--args", "[7, 0]"});
    EXPECT_EQ(zero.exitCode, 3) << zero.err;
    EXPECT_NE(zero.err.find("runtime error: integer division by zero"), std::string::npos) << zero.err;
    EXPECT_EQ(zero.out.find("PWNED"), std::string::npos);
}

TEST_F(HostileDirectory, EmittedCHoldsTheNameOnlyEscaped) {
    ProcessResult r = lomaw({"emit", "--stage", "c", path_});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.find("*/ __attribute__"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("\n#define f g"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("x*\\/ __attribute__((constructor)) static void evil(void) { __builtin_puts(\"PWNED\"); } "
                         "/\\*y/nl\\x0a#define f g\\x0a/k.py"),
              std::string::npos)
        << r.out;
}

}  // namespace
}  // namespace lomaw::test
