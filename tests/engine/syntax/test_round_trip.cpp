// print(parse(x)) parses back to an equal tree, and printing is idempotent, for every kernel
// in tests/kernels/syntax (together they use every construct of the language) and the
// examples.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "SyntaxTestSupport.h"
#include "syntax/PrettyPrinter.h"

namespace lomaw::syntax::test {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> kernelFiles() {
    std::vector<fs::path> out;
    for (const char* dir : {LOMAW_TEST_KERNELS "/syntax", LOMAW_EXAMPLES})
        if (fs::is_directory(dir))
            for (const auto& e : fs::directory_iterator(dir))
                if (e.path().extension() == ".py") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

size_t countErrors(const DiagnosticSink& d) { return d.errorCount(); }

TEST(RoundTrip, KernelFolderIsNotEmpty) { EXPECT_GE(kernelFiles().size(), 5u); }

TEST(RoundTrip, PrintThenParseGivesEqualTreeAndPrintingIsIdempotent) {
    for (const fs::path& file : kernelFiles()) {
        SCOPED_TRACE(file.string());
        Parsed first = parseText(readFile(file.string()));
        ASSERT_EQ(countErrors(first.diags), 0u) << formatDiagnostics(first.diags.sorted(), file.string(), "");
        ASSERT_FALSE(first.module.items.empty());

        EmittedText printed = printModule(first.module);
        Parsed second = parseText(printed.text);
        ASSERT_EQ(countErrors(second.diags), 0u) << printed.text;
        EXPECT_TRUE(ast::equal(first.module, second.module)) << printed.text;

        EmittedText again = printModule(second.module);
        EXPECT_EQ(printed.text, again.text);

        // The line map covers every printed line.
        size_t lines = static_cast<size_t>(std::count(printed.text.begin(), printed.text.end(), '\n'));
        EXPECT_EQ(printed.sourceLines.size(), lines);
        // Printed output only carries warnings that cannot be printed away (none here).
        EXPECT_TRUE(second.diags.empty()) << formatDiagnostics(second.diags.sorted(), "printed", printed.text);
    }
}

}  // namespace
}  // namespace lomaw::syntax::test
