// `lomaw descend`: trajectories against iterates computed independently (closed form for
// quadratics, the update formulas of docs/descend.md in double, finite differences of a double
// model of the kernel), divergence, the gradient sources, user gradient functions, struct and
// array parameters, errors, trajectory files and the DESCEND lines of the examples.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "KernelDirectives.h"
#include "Process.h"
#include "TempKernel.h"

namespace lomaw::test {
namespace {

using nlohmann::json;

const char* kBowl =
    "def bowl(x : In[float], y : In[float]) -> float:\n"
    "    return (x - 1.0) * (x - 1.0) + 2.0 * (y + 2.0) * (y + 2.0)\n"
    "\n"
    "def bowl_grad(x : In[float], y : In[float], gx : Out[float], gy : Out[float]):\n"
    "    gx = 2.0 * (x - 1.0)\n"
    "    gy = 4.0 * (y + 2.0)\n"
    "\n"
    "bowl_rev = rev_diff(bowl)\n";

// A trajectory file written next to a temporary kernel.
std::string sibling(const TempKernel& k, const std::string& name) {
    return (std::filesystem::path(k.path()).parent_path() / name).string();
}

json readJson(const std::string& path) { return json::parse(readFile(path)); }

// bowl from (3, 1) with rate 0.1: x - 1 shrinks by 1 - 2*0.1 = 0.8 per step, y + 2 by
// 1 - 4*0.1 = 0.6, so x_k = 1 + 2*0.8^k, y_k = -2 + 3*0.6^k, loss_k = 4*0.64^k + 18*0.36^k and
// the gradient (4*0.8^k, 12*0.6^k).
// `tol` scales the tolerances: finite differences in float32 are good to ~1e-4 relative.
void expectBowlTrajectory(const json& t, int steps, double tol = 1) {
    ASSERT_EQ(t["trajectory"].size(), static_cast<size_t>(steps + 1));
    for (int k = 0; k <= steps; ++k) {
        const json& r = t["trajectory"][k];
        double x = 1 + 2 * std::pow(0.8, k), y = -2 + 3 * std::pow(0.6, k);
        double gx = 4 * std::pow(0.8, k), gy = 12 * std::pow(0.6, k);
        EXPECT_EQ(r["step"], k);
        EXPECT_NEAR(r["args"][0].get<double>(), x, 1e-5 * tol) << "step " << k;
        EXPECT_NEAR(r["args"][1].get<double>(), y, 1e-5 * tol) << "step " << k;
        EXPECT_NEAR(r["params"][0].get<double>(), x, 1e-5 * tol);
        EXPECT_NEAR(r["loss"].get<double>(), 4 * std::pow(0.64, k) + 18 * std::pow(0.36, k), 2e-5 * tol) << "step " << k;
        EXPECT_NEAR(r["gradient"][0].get<double>(), gx, 2e-5 * tol);
        EXPECT_NEAR(r["gradient"][1].get<double>(), gy, 2e-5 * tol);
        EXPECT_NEAR(r["gradient_norm"].get<double>(), std::hypot(gx, gy), 2e-5 * tol);
    }
}

TEST(Descend, QuadraticBowlFollowsTheClosedFormIterates) {
    TempKernel k(kBowl);
    std::string out = sibling(k, "t.json");
    ProcessResult r = lomaw({"descend", k.path(), "bowl", "--init", "[3.0, 1.0]", "--lr", "0.1", "--steps", "10",
                             "--trajectory", out});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    json result = json::parse(r.out);
    EXPECT_EQ(result["status"], "max-steps");
    EXPECT_EQ(result["steps"], 10);
    EXPECT_NEAR(result["loss"].get<double>(), 4 * std::pow(0.64, 10) + 18 * std::pow(0.36, 10), 1e-6);
    EXPECT_NEAR(result["args"][0].get<double>(), 1 + 2 * std::pow(0.8, 10), 1e-5);
    EXPECT_NEAR(result["args"][1].get<double>(), -2 + 3 * std::pow(0.6, 10), 1e-5);
    json t = readJson(out);
    EXPECT_EQ(t["status"], "max-steps");
    EXPECT_EQ(t["parameters"], json({"x", "y"}));
    expectBowlTrajectory(t, 10);
}

TEST(Descend, EveryGradientSourceGivesTheSameIterates) {
    // Reverse and forward mode, finite differences, the user's rev_diff declaration and a
    // hand-written gradient function (both signatures of docs/descend.md).
    TempKernel k(kBowl);
    for (std::string grad : {"rev", "fwd", "fd", "bowl_rev", "bowl_grad"}) {
        std::string out = sibling(k, grad + ".json");
        ProcessResult r = lomaw({"descend", k.path(), "bowl", "--init", "[3.0, 1.0]", "--lr", "0.1", "--steps", "10",
                                 "--grad", grad, "--trajectory", out});
        ASSERT_EQ(r.exitCode, 0) << grad << ": " << r.out << r.err;
        SCOPED_TRACE(grad);
        expectBowlTrajectory(readJson(out), 10, grad == "fd" ? 20 : 1);
    }
}

TEST(Descend, NonQuadraticMatchesADoubleModelWithFiniteDifferences) {
    // f(x, y) = sin(x) * y + 0.25 * y^4 - 0.5 * x: no closed form; the expected iterates come from
    // the same function in double with central-difference gradients (h = 1e-6).
    TempKernel k(
        "def f(x : In[float], y : In[float]) -> float:\n"
        "    return sin(x) * y + 0.25 * y * y * y * y - 0.5 * x\n");
    auto model = [](double x, double y) { return std::sin(x) * y + 0.25 * y * y * y * y - 0.5 * x; };
    std::vector<std::pair<double, double>> expected;
    double x = 0.5, y = 1.5, h = 1e-6;
    for (int step = 0; step <= 15; ++step) {
        expected.push_back({x, y});
        double gx = (model(x + h, y) - model(x - h, y)) / (2 * h);
        double gy = (model(x, y + h) - model(x, y - h)) / (2 * h);
        x -= 0.05 * gx;
        y -= 0.05 * gy;
    }
    for (std::string grad : {"rev", "fwd", "fd"}) {
        std::string out = sibling(k, grad + ".json");
        ProcessResult r = lomaw({"descend", k.path(), "f", "--init", "[0.5, 1.5]", "--lr", "0.05", "--steps", "15",
                                 "--grad", grad, "--trajectory", out});
        ASSERT_EQ(r.exitCode, 0) << grad << ": " << r.out << r.err;
        json t = readJson(out);
        ASSERT_EQ(t["trajectory"].size(), expected.size());
        // float32 kernels: AD agrees to ~1e-5; finite differences in float32 to ~1e-3.
        double tol = grad == "fd" ? 2e-3 : 5e-5;
        for (size_t s = 0; s < expected.size(); ++s) {
            EXPECT_NEAR(t["trajectory"][s]["params"][0].get<double>(), expected[s].first, tol) << grad << " step " << s;
            EXPECT_NEAR(t["trajectory"][s]["params"][1].get<double>(), expected[s].second, tol) << grad << " step " << s;
        }
    }
}

TEST(Descend, TooLargeARateDivergesAtTheStepComputedByHand) {
    // f = x^2 with rate 1.5: x <- x - 1.5 * 2x = -2x, so x_k = (-2)^k and loss_k = 4^k = 2^(2k).
    // 2^126 (k = 63) is still a float; at k = 64 x = 2^64 and x*x = 2^128 overflows to inf.
    TempKernel k("def sq(x : In[float]) -> float:\n    return x * x\n");
    std::string out = sibling(k, "t.json");
    ProcessResult r = lomaw({"descend", k.path(), "sq", "--init", "[1.0]", "--lr", "1.5", "--steps", "100",
                             "--trajectory", out});
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
    EXPECT_EQ(r.err, "lomaw: descent diverged at step 64 (loss inf)\n");
    json result = json::parse(r.out);
    EXPECT_EQ(result["status"], "diverged");
    EXPECT_EQ(result["steps"], 64);
    EXPECT_EQ(result["loss"], "inf");
    EXPECT_EQ(r.out, "{\"status\": \"diverged\", \"steps\": 64, \"loss\": \"inf\", \"args\": [1.84467441e+19]}\n");
    json t = readJson(out);
    EXPECT_EQ(t["status"], "diverged");
    ASSERT_EQ(t["trajectory"].size(), 65u);  // kept up to the diverged step
    // Printed with 9 significant digits: 2^126 = 8.50705917e+37, -2^63 = -9.22337204e+18.
    EXPECT_NEAR(t["trajectory"][63]["loss"].get<double>() / std::ldexp(1.0, 126), 1.0, 1e-8);
    EXPECT_NEAR(t["trajectory"][63]["params"][0].get<double>() / -std::ldexp(1.0, 63), 1.0, 1e-8);
    EXPECT_EQ(t["trajectory"][64]["loss"], "inf");
}

TEST(Descend, DivergenceIsAlsoReportedInTheCsvTrajectory) {
    TempKernel k("def sq(x : In[float]) -> float:\n    return x * x\n");
    std::string out = sibling(k, "t.csv");
    ProcessResult r = lomaw({"descend", k.path(), "sq", "--init", "[1.0]", "--lr", "1.5", "--trajectory", out});
    EXPECT_EQ(r.exitCode, 3);
    std::string csv = readFile(out);
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "step,loss,gradient_norm,x");
    EXPECT_NE(csv.find("\n0,1,2,1\n1,4,4,-2\n2,16,8,4\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\n64,inf,"), std::string::npos);
}

TEST(Descend, MomentumAndAdamFollowTheirFormulas) {
    // f = x^2 from 1 (gradient 2x), the updates of docs/descend.md in double.
    TempKernel k("def sq(x : In[float]) -> float:\n    return x * x\n");
    struct Case {
        std::string optimizer;
        std::vector<std::string> extra;
        std::function<double(double, double&, double&, int)> step;  // (x, m, v, t) -> new x
    };
    std::vector<Case> cases = {
        {"momentum", {"--momentum", "0.5"}, [](double x, double& m, double&, int) {
             m = 0.5 * m + 2 * x;
             return x - 0.1 * m;
         }},
        {"adam", {}, [](double x, double& m, double& v, int t) {
             double g = 2 * x;
             m = 0.9 * m + 0.1 * g;
             v = 0.999 * v + 0.001 * g * g;
             double mh = m / (1 - std::pow(0.9, t)), vh = v / (1 - std::pow(0.999, t));
             return x - 0.1 * mh / (std::sqrt(vh) + 1e-8);
         }},
    };
    for (const Case& c : cases) {
        std::string out = sibling(k, c.optimizer + ".json");
        std::vector<std::string> argv = {"descend", k.path(), "sq", "--init", "[1.0]", "--lr", "0.1", "--steps", "8",
                                         "--optimizer", c.optimizer, "--trajectory", out};
        argv.insert(argv.end(), c.extra.begin(), c.extra.end());
        ProcessResult r = lomaw(argv);
        ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
        json t = readJson(out);
        double x = 1, m = 0, v = 0;
        for (int s = 0; s <= 8; ++s) {
            EXPECT_NEAR(t["trajectory"][s]["params"][0].get<double>(), x, 1e-6) << c.optimizer << " step " << s;
            x = c.step(x, m, v, s + 1);
        }
    }
    // Adam's first step moves by the rate whatever the gradient's size: 1 -> 0.9.
    ProcessResult r = lomaw({"descend", k.path(), "sq", "--init", "[1.0]", "--lr", "0.1", "--steps", "1",
                             "--optimizer", "adam"});
    EXPECT_NEAR(json::parse(r.out)["args"][0].get<double>(), 0.9, 1e-7);
}

TEST(Descend, ToleranceStopsAtTheFirstSmallGradient) {
    // bowl, rate 0.1: the gradient norm is sqrt((4*0.8^k)^2 + (12*0.6^k)^2); the first k with a
    // norm below 1e-3 is where the run converges.
    TempKernel k(kBowl);
    int expected = 0;
    while (std::hypot(4 * std::pow(0.8, expected), 12 * std::pow(0.6, expected)) >= 1e-3) ++expected;
    ProcessResult r = lomaw({"descend", k.path(), "bowl", "--init", "[3.0, 1.0]", "--lr", "0.1", "--steps", "1000",
                             "--tol", "1e-3"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    json result = json::parse(r.out);
    EXPECT_EQ(result["status"], "converged");
    EXPECT_EQ(result["steps"], expected);
}

TEST(Descend, StructAndArrayFloatsMoveIntsStayFixed) {
    // Each float component is its own quadratic: (p.w - 3)^2 and (a[i] - i)^2 for i < n; a[2]
    // (i >= n) does not enter the loss. Rate 0.25 halves every error per step (1 - 2*0.25).
    TempKernel k(
        "class P:\n"
        "    w : float\n"
        "    k : int\n"
        "\n"
        "def f(p : In[P], a : In[Array[float]], n : In[int]) -> float:\n"
        "    s : float = (p.w - 3.0) * (p.w - 3.0)\n"
        "    for i in range(n):\n"
        "        s = s + (a[i] - int2float(i)) * (a[i] - int2float(i))\n"
        "    return s\n");
    std::string out = sibling(k, "t.json");
    ProcessResult r = lomaw({"descend", k.path(), "f", "--init", "[{\"w\": 7.0, \"k\": 5}, [4.0, -3.0, 9.0], 2]",
                             "--lr", "0.25", "--steps", "3", "--trajectory", out});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    // After 3 steps every error is 1/8 of the start: w = 3 + 4/8, a0 = 0 + 4/8, a1 = 1 - 4/8.
    EXPECT_EQ(r.out, "{\"status\": \"max-steps\", \"steps\": 3, \"loss\": 0.75, "
                     "\"args\": [{\"w\": 3.5, \"k\": 5}, [0.5, 0.5, 9], 2]}\n");
    json t = readJson(out);
    EXPECT_EQ(t["parameters"], json({"p.w", "a[0]", "a[1]", "a[2]"}));
    EXPECT_EQ(t["trajectory"][1]["args"], json::parse("[{\"w\": 5, \"k\": 5}, [2, -1, 9], 2]"));
    EXPECT_EQ(t["trajectory"][0]["gradient"], json({8, 8, -8, 0}));
}

TEST(Descend, RuntimeErrorMidRunKeepsTheStepsBefore) {
    // x^2 from 3 with rate 0.25 halves x: 3, 1.5, 0.75; at 0.75 float2int gives 0 and 10 / 0 is
    // a runtime error, so steps 0 and 1 are written.
    TempKernel k(
        "def f(x : In[float]) -> float:\n"
        "    n : int = float2int(x)\n"
        "    return x * x + int2float(10 / n)\n");
    std::string out = sibling(k, "t.json");
    ProcessResult r = lomaw({"descend", k.path(), "f", "--init", "[3.0]", "--lr", "0.25", "--trajectory", out});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "lomaw: runtime error: integer division by zero\n");
    json t = readJson(out);
    EXPECT_EQ(t["status"], "stopped");
    ASSERT_EQ(t["trajectory"].size(), 2u);
    EXPECT_EQ(t["trajectory"][1]["params"][0], 1.5);
}

TEST(Descend, TimeoutStopsAKernelThatNeverReturns) {
    TempKernel k(
        "def f(x : In[float]) -> float:\n"
        "    y : float = x\n"
        "    while (y > -1.0, max_iter := 10):\n"
        "        y = y + 1.0\n"
        "    return y\n");
    ProcessResult r = lomaw({"descend", k.path(), "f", "--init", "[1.0]", "--grad", "fd", "--timeout", "1"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, "lomaw: runtime error: timed out after 1 s\n");
}

TEST(Descend, ProgressLinesCountSteps) {
    TempKernel k(kBowl);
    ProcessResult r = lomaw({"descend", k.path(), "bowl", "--init", "[3.0, 1.0]", "--steps", "50", "--progress"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("lomaw: step 50 / 50\n"), std::string::npos) << r.err;
}

struct ErrorCase {
    std::string name;
    std::vector<std::string> args;  // after FILE
    int exitCode;
    std::string message;
};

TEST(Descend, UsageErrorsAreExit2WithAMessage) {
    TempKernel k(std::string(kBowl) +
                 "\n"
                 "def count(x : In[float]) -> int:\n"
                 "    return 1\n"
                 "\n"
                 "def ints(n : In[int]) -> float:\n"
                 "    return 1.0\n"
                 "\n"
                 "def g2(x : In[float], y : In[float], gx : Out[float]) -> float:\n"
                 "    return 0.0\n");
    std::vector<ErrorCase> cases = {
        {"not float", {"count", "--init", "[1.0]"}, 2,
         "lomaw: error: descend needs a function that returns float; 'count' returns int\n"},
        {"no floats", {"ints", "--init", "[3]"}, 2,
         "lomaw: error: 'ints' has no float parameter to descend: the In parameters of --init hold no float value\n"},
        {"bad json", {"bowl", "--init", "[3.0,"}, 2, ""},
        {"unknown function", {"nope", "--init", "[1.0]"}, 2, ""},
        {"unknown gradient", {"bowl", "--init", "[3.0, 1.0]", "--grad", "nope"}, 2, ""},
        {"wrong gradient signature", {"bowl", "--init", "[3.0, 1.0]", "--grad", "g2"}, 2,
         "lomaw: error: gradient function 'g2' does not fit 'bowl': it must take (x : In[float], _dx : Out[float], "
         "y : In[float], _dy : Out[float], _dreturn : In[float]) like rev_diff(bowl), or (x : In[float], "
         "y : In[float], _dx : Out[float], _dy : Out[float]) (bowl's parameters, then one Out per In parameter "
         "for its gradient), and return nothing; it takes (x : In[float], y : In[float], gx : Out[float]) -> float\n"},
        {"bad optimizer", {"bowl", "--init", "[3.0, 1.0]", "--optimizer", "sgd"}, 2, ""},
        {"bad trajectory", {"bowl", "--init", "[3.0, 1.0]", "--trajectory", "t.txt"}, 2,
         "lomaw: error: --trajectory must name a .json or .csv file, got t.txt\n"},
        {"no init", {"bowl"}, 2, ""},
    };
    for (const ErrorCase& c : cases) {
        std::vector<std::string> argv = {"descend", k.path()};
        argv.insert(argv.end(), c.args.begin(), c.args.end());
        ProcessResult r = lomaw(argv);
        EXPECT_EQ(r.exitCode, c.exitCode) << c.name << ": " << r.err;
        EXPECT_EQ(r.out, "") << c.name;
        EXPECT_EQ(r.err.rfind("lomaw: error: ", 0), 0u) << c.name << ": " << r.err;
        if (!c.message.empty()) {
            EXPECT_EQ(r.err, c.message) << c.name;
        }
    }
}

TEST(Descend, ReverseModeRestrictionIsACompileErrorAtTheFunction) {
    // Writing an In array element is a rev-restriction: --grad rev cannot differentiate it, and
    // the note points at the function, not at a line the file does not have.
    TempKernel k(
        "def f(a : In[Array[float]]) -> float:\n"
        "    a[0] = a[0] * 2.0\n"
        "    return a[0]\n");
    ProcessResult r = lomaw({"descend", k.path(), "f", "--init", "[[1.0]]"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("[rev-restriction]"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("note: descend differentiates 'f' (--grad rev)"), std::string::npos) << r.err;
    // Forward mode has no such restriction.
    r = lomaw({"descend", k.path(), "f", "--init", "[[1.0]]", "--grad", "fwd", "--steps", "2", "--lr", "0.25"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

TEST(Descend, EveryDescendLineOfTheExamplesRuns) {
    // The examples' DESCEND lines are what the app offers: each must run; a line whose rate is
    // meant to diverge says so in its file, and ends with exit 3 and status "diverged".
    int lines = 0;
    for (const std::string& file : kernelFiles(LOMAW_EXAMPLES)) {
        std::string text = readFile(file);
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) {
            const std::string prefix = "# DESCEND: ";
            if (line.rfind(prefix, 0) != 0) continue;
            ++lines;
            std::vector<std::string> argv = {"descend", file};
            // The words of the line, as a shell would split them (no quotes are used in examples).
            std::istringstream words(line.substr(prefix.size()));
            std::string word, json;
            for (std::string w; words >> w;) {
                if (!json.empty() || w.front() == '[') {
                    json += (json.empty() ? "" : " ") + w;
                    if (w.back() == ']') {
                        argv.push_back(json);
                        json.clear();
                    }
                } else {
                    argv.push_back(w);
                }
            }
            ProcessResult r = lomaw(argv);
            ASSERT_TRUE(r.exitCode == 0 || r.exitCode == 3) << file << ": " << line << "\n" << r.err;
            json = r.out;
            EXPECT_EQ(json::parse(json)["status"], r.exitCode == 0 ? "max-steps" : "diverged") << line;
        }
    }
    EXPECT_GE(lines, 6);
}

}  // namespace
}  // namespace lomaw::test
