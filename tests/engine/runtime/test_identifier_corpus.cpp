// Every legal loma name builds: a module whose functions, parameters, locals and structs are
// named after C keywords, the names the system's C headers declare (asked from the compiler
// itself, so a name missing from codegen/CHeaderNames.inc fails here), the backend's and the
// harness's prefixes, goes through check -> C -> the call harness -> cc, and one call runs the
// whole chain.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "RunnerFixture.h"
#include "codegen/CEmitter.h"
#include "sema/TypeChecker.h"
#include "syntax/Parser.h"

namespace lomaw::runtime::test {
namespace {

std::string shellOutput(const std::string& command) {
    std::string out;
    if (FILE* p = popen(command.c_str(), "r")) {
        char buffer[4096];
        for (size_t n; (n = fread(buffer, 1, sizeof buffer, p)) > 0;) out.append(buffer, n);
        pclose(p);
    }
    return out;
}

// Macros and function names of the headers generated code and the harness include, from cc.
std::set<std::string> systemHeaderNames(const std::string& dir) {
    const std::string source = dir + "/headers.c";
    std::ofstream(source) << "#include <math.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n";
    std::set<std::string> names;
    const std::string macros = shellOutput("cc -std=c11 -dM -E " + source);
    const std::regex define("#define ([A-Za-z_]\\w*)");
    for (std::sregex_iterator it(macros.begin(), macros.end(), define), end; it != end; ++it) names.insert((*it)[1]);
    shellOutput("cc -std=c11 -fsyntax-only -aux-info " + dir + "/aux.txt " + source);
    std::ifstream aux(dir + "/aux.txt");
    for (std::string line; std::getline(aux, line);) {
        line = std::regex_replace(line, std::regex("/\\*.*?\\*/"), "");
        std::smatch m;
        if (std::regex_search(line, m, std::regex("(\\w+) \\("))) names.insert(m[1]);
    }
    return names;
}

// True when loma accepts `text` (the name is legal where the text uses it).
bool checks(const std::string& text) {
    DiagnosticSink diags;
    ast::Module m = syntax::parse(text, diags);
    if (!diags.hasErrors()) sema::check(m, diags);
    return !diags.hasErrors();
}

std::vector<std::string> candidates(const std::string& dir) {
    std::set<std::string> names = systemHeaderNames(dir);
    for (const char* n :
         {// the names of issue 10, the call harness's and the backend's own
          "printf", "malloc", "free", "abs", "exit", "fflush", "fprintf", "stdin", "NULL", "INFINITY", "args", "ret",
          "_lomaw_exit", "_lomaw_args", "_lomaw_ret", "_lomaw_call_g", "_lomaw_sizeof_S", "_lw_runtime_error",
          "_lw_div_int", "_lw_thread_g", "_lw_t1", "_lw_tid", "_lw_k", "_lw_u_g", "_lwmpi_fatal", "_n_threads",
          "_dfloat_", "make__dfloat_", "_d_fwd_x", "_Exit", "__x", "_X", "_Pragma", "__LINE__", "__func__",
          // C keywords loma does not reserve, GNU spellings, predefined macros, MPI
          "asm", "typeof", "main", "unix", "linux", "errno", "MPI_Send", "ompi_x", "g", "g_", "g__"})
        names.insert(n);
    std::vector<std::string> out;
    for (const std::string& n : names)
        if (checks("def " + n + "(" + n + " : In[int]) -> int:\n    " + n + "_v : int = " + n + "\n    return " + n +
                   "\n"))
            out.push_back(n);
    return out;
}

class IdentifierCorpus : public RunnerTest {};

TEST_F(IdentifierCorpus, EveryLegalNameBuildsAndRuns) {
    const std::vector<std::string> names = candidates(cache.path());
    ASSERT_GT(names.size(), 300u) << "the compiler reported too few header names";
    // Structs named like header types (members too), and a chain of functions: function i is
    // named names[i], its parameter too (a variable may share a function's name), its local
    // names[i+1] (the next function's name); it calls function i-1, so the last one reaches all.
    std::ostringstream src;
    src << "class FILE:\n    FILE : int\n    size_t : float\n\n"
           "class size_t:\n    f : FILE\n    quot : int\n\n"
           "class quot:\n    rem : int\n\n";
    std::string previous;
    for (size_t i = 0; i < names.size(); ++i) {
        const std::string& n = names[i];
        const std::string& local = names[(i + 1) % names.size()];
        src << "def " << n << "(" << n << " : In[int], s : In[size_t]) -> int:\n"
            << "    " << local << " : int = " << n << " / 1\n";
        if (previous.empty()) src << "    return " << local << " + s.quot\n\n";
        else src << "    return " << previous << "(" << local << " + 1, s)\n\n";
        previous = n;
    }
    src << "def last(x : In[int], q : In[quot]) -> int:\n"
           "    s : size_t\n    s.quot = q.rem\n    s.f.FILE = 0\n    s.f.size_t = 0.0\n"
           "    return " << previous << "(x, s)\n";
    DiagnosticSink diags;
    module = syntax::parse(src.str(), diags);
    ASSERT_FALSE(diags.hasErrors()) << src.str();
    ASSERT_TRUE(sema::check(module, diags)) << formatDiagnostics(diags.sorted(), "corpus.py", src.str());
    cSource = codegen::emitC(module).text;
    // x + (number of functions - 1) + q.rem
    EXPECT_EQ(ok("last", "[10, {\"rem\": 5}]"),
              "{\"return\": " + std::to_string(10 + names.size() - 1 + 5) + ", \"args\": [10, {\"rem\": 5}]}");
}

}  // namespace
}  // namespace lomaw::runtime::test
