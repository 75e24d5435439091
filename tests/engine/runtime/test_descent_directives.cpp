// The `# RUN:` and `# DESCEND:` directives of example files (runtime/DescentDirectives.h).
#include <gtest/gtest.h>

#include "runtime/DescentDirectives.h"

namespace lomaw::runtime {
namespace {

using Words = std::vector<std::string>;

TEST(DirectiveWords, JsonValuesWithSpacesAreOneWord) {
    EXPECT_EQ(directiveWords("f --init [2.0, -1.0] --lr 0.1"), (Words{"f", "--init", "[2.0, -1.0]", "--lr", "0.1"}));
    EXPECT_EQ(directiveWords("f --init [{\"w\": 1.5, \"k\": 2}, [1, 2]]  --steps 5"),
              (Words{"f", "--init", "[{\"w\": 1.5, \"k\": 2}, [1, 2]]", "--steps", "5"}));
    // Brackets inside a JSON string do not count; a shell-quoted word loses its quotes.
    EXPECT_EQ(directiveWords("f --init [\"] x\"] y"), (Words{"f", "--init", "[\"] x\"]", "y"}));
    EXPECT_EQ(directiveWords("f --init '[1.0, 2.0]' --lr 0.5"), (Words{"f", "--init", "[1.0, 2.0]", "--lr", "0.5"}));
    EXPECT_EQ(directiveWords("   "), Words{});
}

TEST(DescendDirectives, LinesGiveTheFunctionTheStartAndTheOptions) {
    std::vector<DescendDirective> d = descendDirectives(
        "def f(x : In[float]) -> float:\n"
        "    return x\n"
        "# DESCEND: f --init [5.0] --lr 0.05 --steps 60\n"
        "    # DESCEND: g --init [1.0, 2.0] --optimizer adam\n"
        "# DESCEND: --init [1.0]\n"
        "# DESCEND: h --lr 0.1\n"
        "# not a DESCEND: line\n");
    ASSERT_EQ(d.size(), 4u);
    EXPECT_EQ(d[0].line, 3);
    EXPECT_EQ(d[0].function, "f");
    EXPECT_EQ(d[0].initJson, "[5.0]");
    EXPECT_EQ(d[0].arguments, (Words{"--init", "[5.0]", "--lr", "0.05", "--steps", "60"}));
    EXPECT_EQ(d[0].option("--lr"), "0.05");
    EXPECT_EQ(d[0].option("--tol"), std::nullopt);
    EXPECT_EQ(d[0].error, "");
    EXPECT_EQ(d[1].line, 4);
    EXPECT_EQ(d[1].initJson, "[1.0, 2.0]");
    EXPECT_EQ(d[1].option("--optimizer"), "adam");
    EXPECT_EQ(d[2].error, "a DESCEND line starts with the function to descend");
    EXPECT_EQ(d[3].error, "a DESCEND line needs --init ARGS");
}

TEST(RunDirectives, FunctionThreadsAndArguments) {
    std::vector<RunDirective> r = runDirectives(
        "# RUN: poly [2.0]\n"
        "# EXPECT: {\"return\": 3}\n"
        "# RUN: saxpy --threads 3 [2.0, [1, 2, 3], [10, 20, 30]]\n"
        "# RUN: nullary\n");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].line, 1);
    EXPECT_EQ(r[0].function, "poly");
    EXPECT_EQ(r[0].argsJson, "[2.0]");
    EXPECT_EQ(r[0].threads, std::nullopt);
    EXPECT_EQ(r[1].function, "saxpy");
    EXPECT_EQ(r[1].threads, 3);
    EXPECT_EQ(r[1].argsJson, "[2.0, [1, 2, 3], [10, 20, 30]]");
    EXPECT_EQ(r[2].argsJson, "");
}

}  // namespace
}  // namespace lomaw::runtime
