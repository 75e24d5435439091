#include "CodegenTestSupport.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ad/Differentiate.h"
#include "sema/TypeChecker.h"
#include "syntax/Diagnostics.h"
#include "syntax/Parser.h"

namespace lomaw::codegen::test {

namespace fs = std::filesystem;

ast::Module typedModule(const std::string& source) {
    DiagnosticSink diags;
    ast::Module m = syntax::parse(source, diags);
    if (!diags.hasErrors()) sema::check(m, diags);
    for (const Diagnostic& d : diags.sorted())
        if (d.severity == Severity::Error)
            ADD_FAILURE() << formatDiagnostic(d, "kernel.py", source);
    return m;
}

std::string emitKernel(const std::string& source) { return emitC(typedModule(source)).text; }

namespace {

std::string readFile(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeFile(const fs::path& p, const std::string& text) {
    std::ofstream out(p);
    out << text;
}

int shell(const std::string& command) {
    int status = std::system(command.c_str());
    if (status == -1 || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

}  // namespace

std::string emitDifferentiated(const std::string& source) {
    ast::Module m = typedModule(source);
    DiagnosticSink diags;
    EXPECT_TRUE(ad::differentiate(m, diags));
    return emitC(m).text;
}

RunResult buildAndRun(const std::string& unitC, const std::string& mainC, const BuildOptions& o) {
    std::string templ = (fs::temp_directory_path() / "lomaw_codegen_XXXXXX").string();
    const char* made = mkdtemp(templ.data());
    RunResult r;
    if (!made) {
        r.compilerOutput = "mkdtemp failed";
        return r;
    }
    const fs::path dir = made;
    writeFile(dir / "unit.c", unitC);
    writeFile(dir / "main.c", mainC);
    const std::string q = "'" + dir.string() + "'";
    const std::string cc = "cc -std=c11 -O1 -Wall -ffp-contract=off -fwrapv " +
                           std::string(o.openmp ? "-fopenmp " : "") + o.extraFlags + " " + q +
                           "/unit.c " + q + "/main.c -o " + q + "/prog -lm > " + q +
                           "/cc.txt 2>&1";
    r.compiled = shell(cc) == 0;
    r.compilerOutput = readFile(dir / "cc.txt");
    if (r.compiled) {
        const std::string run = "OMP_NUM_THREADS=" + std::to_string(o.threads) + " " + q +
                                "/prog > " + q + "/out.txt 2> " + q + "/err.txt";
        r.exitCode = shell(run);
        r.out = readFile(dir / "out.txt");
        r.err = readFile(dir / "err.txt");
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return r;
}

RunResult runKernel(const std::string& kernel, const std::string& mainC, const BuildOptions& o) {
    const std::string unit = emitKernel(kernel);
    RunResult r = buildAndRun(unit, mainC, o);
    EXPECT_TRUE(r.compiled) << r.compilerOutput << "\n--- unit.c ---\n" << unit;
    return r;
}

}  // namespace lomaw::codegen::test
