// The dot-product identity between forward and reverse mode, <J·v, w> = <v, Jᵀ·w>, on every
// kernel of tests/kernels/run and examples/ that has RUN directives, at the points those
// directives give, with random tangents v and adjoints w. Forward mode computes J·v, reverse
// mode Jᵀ·w; the identity holds for any J only when both are the derivative of the same
// function, so it checks the two modes against each other on the whole corpus.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <random>
#include <unistd.h>

#include "Engine.h"
#include "cli/KernelDirectives.h"
#include "gradcheck/DerivativeProbe.h"
#include "runtime/Signature.h"
#include "sema/Builtins.h"

namespace lomaw {
namespace {

using gradcheck::json;

struct Corpus {
    std::vector<std::string> files;
    Corpus() {
        files = test::kernelFiles(LOMAW_TEST_KERNELS "/run");
        for (const std::string& f : test::kernelFiles(LOMAW_EXAMPLES)) files.push_back(f);
    }
};

class DotProductIdentity : public testing::TestWithParam<std::string> {
protected:
    static Engine& engine() {
        static Engine e([] {
            EngineOptions o;
            o.cacheDir = (std::filesystem::temp_directory_path() / ("lomaw_dot_" + std::to_string(::getpid()))).string();
            return o;
        }());
        return e;
    }
};

TEST_P(DotProductIdentity, ForwardAndReverseModeAreTransposes) {
    const std::string path = GetParam();
    const std::string text = test::readFile(path);
    std::vector<test::RunCase> cases = test::parseRunCases(text);
    std::mt19937 rng(12345);
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    int checked = 0;
    for (const test::RunCase& c : cases) {
        if (c.exitCode != 0) continue;
        SCOPED_TRACE(path + ":" + std::to_string(c.line) + " " + c.function + " " + c.argsJson);
        SourceFile file{path, text + "\n\n_lomaw_dp_fwd = fwd_diff(" + c.function + ")\n" +
                                  "_lomaw_dp_rev = rev_diff(" + c.function + ")\n"};
        CompileOutput compiled = engine().check(file);
        if (!compiled.ok) continue;  // e.g. not reverse-differentiable (rev-restriction)
        const ast::Function* f = compiled.module.findFunction(c.function);
        // The built-in make__dfloat is differentiable like a function (§6.1) but not a module item.
        const ast::Function builtin = sema::makeDfloatSignature();
        if (!f && c.function == builtin.name) f = &builtin;
        ASSERT_NE(f, nullptr);
        runtime::Signature sig = runtime::signatureOf(*f);
        runtime::StructTable structs(compiled.module);
        json args = json::parse(c.argsJson.empty() ? "[]" : c.argsJson);
        RunOptions run;
        if (c.threads >= 0) run.threads = c.threads;

        run.function = c.function;
        run.argsJson = args.dump();
        RunOutput primal = engine().run(file, run);
        ASSERT_EQ(primal.kind, RunOutput::Status::Ok) << primal.message;
        gradcheck::DerivativeProbe probe(sig, structs, args, json::parse(primal.output));

        // J·v: random tangents v on every float component of the In parameters.
        std::vector<double> v(probe.inputCount());
        for (double& x : v) x = uniform(rng);
        run.function = "_lomaw_dp_fwd";
        run.argsJson = probe.forwardArguments(v).dump();
        RunOutput fwd = engine().run(file, run);
        ASSERT_EQ(fwd.kind, RunOutput::Status::Ok) << fwd.message;
        std::vector<double> jv = probe.outputTangents(json::parse(fwd.output));

        // Jᵀ·w: random adjoints w on every float output.
        std::vector<double> w(probe.outputCount());
        for (double& x : w) x = uniform(rng);
        run.function = "_lomaw_dp_rev";
        run.argsJson = probe.reverseArguments(w).dump();
        RunOutput rev = engine().run(file, run);
        // A primal that runs past its max_iter (legal) has no reverse derivative: the reverse
        // sweep reports the overflow as a runtime error by design.
        if (rev.kind == RunOutput::Status::RuntimeError &&
            rev.message.find("exceeded max_iter") != std::string::npos)
            continue;
        ASSERT_EQ(rev.kind, RunOutput::Status::Ok) << rev.message;
        std::vector<double> jtw = probe.inputAdjoints(json::parse(rev.output));
        ASSERT_EQ(jtw.size(), v.size());
        ASSERT_EQ(jv.size(), w.size());
        double lhs = 0, rhs = 0, scale = 0;
        for (size_t i = 0; i < jv.size(); ++i) {
            lhs += jv[i] * w[i];
            scale += std::fabs(jv[i] * w[i]);
        }
        for (size_t i = 0; i < v.size(); ++i) {
            rhs += v[i] * jtw[i];
            scale += std::fabs(v[i] * jtw[i]);
        }
        // At points where a derivative is infinite (sqrt at 0, log at 0) the identity says nothing.
        if (!std::isfinite(lhs) || !std::isfinite(rhs)) continue;
        EXPECT_NEAR(lhs, rhs, 1e-6 + 1e-4 * scale) << "<Jv, w> = " << lhs << ", <v, JTw> = " << rhs;
        ++checked;
    }
    if (checked == 0) GTEST_SKIP() << "no differentiable RUN case";
}

INSTANTIATE_TEST_SUITE_P(Corpus, DotProductIdentity, testing::ValuesIn(Corpus().files),
                         [](const testing::TestParamInfo<std::string>& info) {
                             std::string name = std::filesystem::path(info.param).parent_path().filename().string() +
                                                "_" + std::filesystem::path(info.param).stem().string();
                             for (char& ch : name)
                                 if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                             return name;
                         });

}  // namespace
}  // namespace lomaw
