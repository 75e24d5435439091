// The checker never crashes and never reports an internal error, on any tree the parser can
// produce (including trees broken by parse errors) or a pass can hand-build with holes.
#include "SemaTestUtil.h"

namespace lomaw::sema::test {
namespace {

const char* kRich =
    "class Foo:\n"
    "    x : float\n"
    "    v : Array[Foo2, 3]\n"
    "class Foo2:\n"
    "    a : Array[float]\n"
    "def f(x : In[Array[float]], n : In[int], y : Out[Array[float]], s : Out[float]) -> float:\n"
    "    t : float\n"
    "    d : Diff[Foo]\n"
    "    #pragma omp parallel for shared(x, y) private(t) reduction(+:s) default(none)\n"
    "    for i in range(0, n, 2):\n"
    "        t = x[i] * sin(x[i]) + d.v[1].a[i]\n"
    "        y[i] = t\n"
    "        atomic_add(s, t)\n"
    "    while (n > 0 and t < 1.0, max_iter := 10):\n"
    "        if t > 0.5:\n"
    "            t = -t\n"
    "        elif t < 0.1:\n"
    "            t = pow(t, 2)\n"
    "        else:\n"
    "            g(x, y)\n"
    "    return t + float2int(t)\n"
    "def g(a : In[Array[float]], b : Out[Array[float]]):\n"
    "    b[0] = a[0]\n"
    "d_f = fwd_diff(f)\n"
    "r_f = rev_diff(f)\n"
    "rr = rev_diff(d_f)\n";

bool hasInternal(const DiagnosticSink& d) {
    for (const Diagnostic& x : d.raw())
        if (x.code == "internal") return true;
    return false;
}

TEST(Robustness, EveryPrefixOfARichKernel) {
    std::string src = kRich;
    for (size_t n = 0; n <= src.size(); ++n) {
        auto c = check(src.substr(0, n), false);
        ASSERT_FALSE(hasInternal(c.diags)) << "prefix " << n;
    }
}

TEST(Robustness, EveryLineDeletedAndEveryCharacterReplaced) {
    std::string src = kRich;
    std::vector<std::string> lines;
    for (size_t p = 0, q; p < src.size(); p = q + 1) {
        q = src.find('\n', p);
        lines.push_back(src.substr(p, q - p + 1));
    }
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string s;
        for (size_t j = 0; j < lines.size(); ++j)
            if (j != i) s += lines[j];
        auto c = check(s, false);
        ASSERT_FALSE(hasInternal(c.diags)) << "without line " << i + 1;
    }
    for (size_t n = 0; n < src.size(); n += 3) {
        for (char ch : {'x', '(', ':', '['}) {
            std::string s = src;
            s[n] = ch;
            auto c = check(s, false);
            ASSERT_FALSE(hasInternal(c.diags)) << "char " << n << " -> " << ch;
        }
    }
}

TEST(Robustness, HandBuiltTreeWithHoles) {
    ast::Module m;
    ast::StructDecl s;  // unnamed, a member without annotation
    s.members.push_back(ast::Member{"", {}, nullptr, nullptr});
    m.items.emplace_back(std::move(s));

    ast::Function f;  // unnamed, a parameter without name or annotation
    f.params.push_back(ast::Param{});
    f.returnAnnotation = std::make_unique<ast::TypeExpr>();
    f.returnAnnotation->kind = ast::TypeExpr::Kind::Array;  // Array with no element
    auto decl = std::make_unique<ast::Stmt>();
    decl->kind = ast::Stmt::Kind::Declare;  // no name, no type, no value
    f.body.push_back(std::move(decl));
    auto assign = std::make_unique<ast::Stmt>();
    assign->kind = ast::Stmt::Kind::Assign;  // no target, no value
    f.body.push_back(std::move(assign));
    auto call = std::make_unique<ast::Stmt>();
    call->kind = ast::Stmt::Kind::CallStmt;
    std::vector<ast::ExprPtr> args;
    args.push_back(nullptr);
    args.push_back(ast::makeIndex(ast::makeVar(""), nullptr));
    call->value = ast::makeCall("atomic_add", std::move(args));
    f.body.push_back(std::move(call));
    auto loop = std::make_unique<ast::Stmt>();
    loop->kind = ast::Stmt::Kind::For;  // no variable, no range arguments, empty pragma items
    loop->pragma = ast::Pragma{};
    ast::PragmaClause clause;
    clause.kind = ast::PragmaClause::Kind::Default;
    clause.op = "none";
    loop->pragma->clauses.push_back(clause);
    clause.kind = ast::PragmaClause::Kind::Shared;
    clause.vars.push_back({"", {}});
    loop->pragma->clauses.push_back(clause);
    loop->body.push_back(nullptr);
    f.body.push_back(std::move(loop));
    auto ret = std::make_unique<ast::Stmt>();
    ret->kind = ast::Stmt::Kind::Return;  // no value
    f.body.push_back(std::move(ret));
    f.body.push_back(nullptr);
    m.items.emplace_back(std::move(f));

    ast::DiffDecl d;  // no name, no target
    m.items.emplace_back(d);
    d.name = "x";
    d.target = "x";  // differentiates itself
    m.items.emplace_back(d);

    DiagnosticSink diags;
    EXPECT_FALSE(sema::check(m, diags));
    EXPECT_FALSE(hasInternal(diags));
}

TEST(Robustness, CheckingTwiceIsStable) {
    auto c = check("class Foo:\n"
                   "    x : float\n"
                   "def f(n : In[int]) -> float:\n"
                   "    return n\n");
    ASSERT_TRUE(c.ok);
    size_t items = c.module.items.size();
    DiagnosticSink again;
    EXPECT_TRUE(sema::check(c.module, again)) << ::testing::PrintToString(again.sorted().size());
    EXPECT_EQ(c.module.items.size(), items);  // the generated structs are not appended twice
}

}  // namespace
}  // namespace lomaw::sema::test
