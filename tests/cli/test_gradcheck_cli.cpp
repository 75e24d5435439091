// `lomaw gradcheck`: rows per float input, agreement with finite differences, exit codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "Process.h"
#include "TempKernel.h"

namespace lomaw::test {
namespace {

TEST(Gradcheck, SmoothFunctionAgreesInEveryComponent) {
    // f(x, a) = x*x*a[0] + sin(a[1]): df/dx = 2*x*a[0] = 6, df/da0 = x*x = 2.25,
    // df/da1 = cos(0.5) = 0.8775826.
    TempKernel k(
        "def f(x : In[float], a : In[Array[float]]) -> float:\n"
        "    return x * x * a[0] + sin(a[1])\n");
    ProcessResult r = lomaw({"gradcheck", k.path(), "f", "--args", "[1.5, [2.0, 0.5]]", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    nlohmann::json out = nlohmann::json::parse(r.out);
    EXPECT_TRUE(out["agree"].get<bool>());
    ASSERT_EQ(out["rows"].size(), 3u);
    EXPECT_EQ(out["rows"][0]["input"], "x");
    EXPECT_EQ(out["rows"][1]["input"], "a[0]");
    EXPECT_EQ(out["rows"][2]["input"], "a[1]");
    EXPECT_NEAR(out["rows"][0]["reverse"].get<double>(), 6.0, 1e-5);
    EXPECT_NEAR(out["rows"][1]["forward"].get<double>(), 2.25, 1e-5);
    EXPECT_NEAR(out["rows"][2]["reverse"].get<double>(), 0.8775826, 1e-5);
    EXPECT_NEAR(out["rows"][2]["finite_difference"].get<double>(), 0.8775826, 1e-3);
}

TEST(Gradcheck, OutParametersCountAsOutputs) {
    // y = 3*x written to an Out parameter, return x: d(sum of outputs)/dx = 3 + 1 = 4.
    TempKernel k(
        "def g(x : In[float], y : Out[float]) -> float:\n"
        "    y = 3.0 * x\n"
        "    return x\n");
    ProcessResult r = lomaw({"gradcheck", k.path(), "g", "--args", "[2.0, 0.0]", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    nlohmann::json out = nlohmann::json::parse(r.out);
    ASSERT_EQ(out["rows"].size(), 1u);
    EXPECT_NEAR(out["rows"][0]["forward"].get<double>(), 4.0, 1e-6);
    EXPECT_NEAR(out["rows"][0]["reverse"].get<double>(), 4.0, 1e-6);
}

TEST(Gradcheck, AJumpAtThePointIsAMismatchAndExitsOne) {
    // A step function at its jump: finite differences see 1/(2h), both AD modes see 0.
    TempKernel k(
        "def step(x : In[float]) -> float:\n"
        "    y : float\n"
        "    if x > 1.0:\n"
        "        y = 1.0\n"
        "    return y\n");
    ProcessResult r = lomaw({"gradcheck", k.path(), "step", "--args", "[1.0]"});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("MISMATCH"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 of 1 components disagree"), std::string::npos) << r.out;
}

// 100 Euler steps of y' = -k y: y = y0 (1 - k dt)^100, dy/d(dt) = -100 k y0 (1 - k dt)^99 =
// -27.06522 at y0 = 1, k = 2, dt = 0.01. The default step 4e-3 is 40 % of dt: the difference
// there is -30.07, so the row is differenced again at 4e-3 / 16, where it agrees. A step the
// user chose is kept.
TEST(Gradcheck, ASmallParameterIsDifferencedAgainAtASmallerStep) {
    TempKernel k(
        "def decay(y0 : In[float], k : In[float], dt : In[float]) -> float:\n"
        "    y : float = y0\n"
        "    i : int = 0\n"
        "    while (i < 100, max_iter := 100):\n"
        "        y = y - dt * k * y\n"
        "        i = i + 1\n"
        "    return y\n");
    ProcessResult r = lomaw({"gradcheck", k.path(), "decay", "--args", "[1.0, 2.0, 0.01]", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    nlohmann::json out = nlohmann::json::parse(r.out);
    ASSERT_EQ(out["rows"].size(), 3u);
    EXPECT_EQ(out["rows"][0]["step"].get<double>(), 4e-3);  // y0 = 1 and k = 2 agree at once
    EXPECT_EQ(out["rows"][1]["step"].get<double>(), 8e-3);
    EXPECT_EQ(out["rows"][2]["step"].get<double>(), 4e-3 / 16);
    EXPECT_NEAR(out["rows"][2]["reverse"].get<double>(), -27.06522, 1e-3);
    EXPECT_NEAR(out["rows"][2]["finite_difference"].get<double>(), -27.06522, 0.1);

    ProcessResult table = lomaw({"gradcheck", k.path(), "decay", "--args", "[1.0, 2.0, 0.01]"});
    EXPECT_EQ(table.exitCode, 0) << table.out << table.err;
    EXPECT_NE(table.out.find("ok (step 0.00025)\n"), std::string::npos) << table.out;

    ProcessResult chosen = lomaw({"gradcheck", k.path(), "decay", "--args", "[1.0, 2.0, 0.01]", "--step", "4e-3"});
    EXPECT_EQ(chosen.exitCode, 1) << chosen.out << chosen.err;
    EXPECT_NE(chosen.out.find("MISMATCH"), std::string::npos) << chosen.out;
    EXPECT_NE(chosen.out.find("1 of 3 components disagree"), std::string::npos) << chosen.out;
}

// A function that reads its own Out parameter has a forward derivative but no reverse one
// (rev-restriction): forward mode is still checked, and the note says why reverse is missing.
TEST(Gradcheck, AFunctionWithoutAReverseDerivativeIsCheckedInForwardMode) {
    // y = x*x, z = y*y (reads Out y): S = y + z = x^2 + x^4, dS/dx = 2x + 4x^3 = 1.4 + 1.372 at 0.7.
    TempKernel k(
        "def f(x : In[float], y : Out[float], z : Out[float]):\n"
        "    y = x * x\n"
        "    z = y * y\n");
    ProcessResult r = lomaw({"gradcheck", k.path(), "f", "--args", "[0.7, 0.0, 0.0]", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    nlohmann::json out = nlohmann::json::parse(r.out);
    EXPECT_TRUE(out["agree"].get<bool>());
    EXPECT_FALSE(out["reverse_checked"].get<bool>());
    ASSERT_EQ(out["rows"].size(), 1u);
    EXPECT_NEAR(out["rows"][0]["forward"].get<double>(), 2.772, 1e-5);
    EXPECT_TRUE(out["rows"][0]["reverse"].is_null());
    EXPECT_EQ(r.err, k.path() + ":3:9: note: reverse mode is not checked: 'f' reads Out parameter 'y', whose value "
                                "is not available in its reverse derivative [rev-restriction]\n"
                                "        z = y * y\n"
                                "            ^\n");

    // The table says the same; and a wrong forward derivative would still be a mismatch.
    ProcessResult table = lomaw({"gradcheck", k.path(), "f", "--args", "[0.7, 0.0, 0.0]"});
    EXPECT_EQ(table.exitCode, 0);
    EXPECT_NE(table.out.find("all 1 components agree (forward mode only: the function has no reverse derivative)"),
              std::string::npos)
        << table.out;
}

TEST(Gradcheck, UsageAndRuntimeErrors) {
    TempKernel k(
        "def f(x : In[float], n : In[int]) -> float:\n"
        "    return x / int2float(n / n)\n");
    ProcessResult unknown = lomaw({"gradcheck", k.path(), "nope", "--args", "[1.0, 1]"});
    EXPECT_EQ(unknown.exitCode, 2);
    // The module's functions are listed, as `lomaw run` does.
    EXPECT_EQ(unknown.err, "lomaw: error: unknown function 'nope' (the module defines: f; built in: make__dfloat)\n");
    EXPECT_EQ(lomaw({"gradcheck", k.path(), "f", "--args", "[1.0]"}).exitCode, 2);
    ProcessResult r = lomaw({"gradcheck", k.path(), "f", "--args", "[1.0, 0]"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, "lomaw: runtime error: integer division by zero\n");
}

}  // namespace
}  // namespace lomaw::test
