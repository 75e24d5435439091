// The printer's rules of docs/language.md §10.2: layout, minimal parentheses, literals, AsWritten
// versus Checked mode, and the line map.
#include <gtest/gtest.h>

#include <cmath>

#include "SyntaxTestSupport.h"
#include "syntax/PrettyPrinter.h"

namespace lomaw::syntax::test {
namespace {

using namespace ast;

std::string reprint(const std::string& src) {
    Parsed p = parseText(src);
    EXPECT_EQ(p.diags.errorCount(), 0u) << formatDiagnostics(p.diags.sorted(), "t.py", src);
    return printModule(p.module).text;
}

std::string exprText(const std::string& e) {
    Parsed p = parseText("def f():\n    x = " + e + "\n");
    EXPECT_TRUE(p.diags.empty()) << e;
    return printExpr(*fn(p.module, 0).body.at(0)->value);
}

TEST(PrettyPrinter, MinimalParentheses) {
    EXPECT_EQ(exprText("a - (b - c)"), "a - (b - c)");
    EXPECT_EQ(exprText("(a - b) - c"), "a - b - c");
    EXPECT_EQ(exprText("-(a + b)"), "-(a + b)");
    EXPECT_EQ(exprText("-(-x)"), "-(-x)");
    EXPECT_EQ(exprText("- - x"), "-(-x)");
    EXPECT_EQ(exprText("(a < b) == c"), "(a < b) == c");
    EXPECT_EQ(exprText("a < (b == c)"), "a < (b == c)");
    EXPECT_EQ(exprText("((a * b)) + (c / d)"), "a * b + c / d");
    EXPECT_EQ(exprText("a * (b + c)"), "a * (b + c)");
    EXPECT_EQ(exprText("a / (b * c)"), "a / (b * c)");
    EXPECT_EQ(exprText("(-x) * y"), "-x * y");
    EXPECT_EQ(exprText("-(x * y)"), "-(x * y)");
    EXPECT_EQ(exprText("-a[i]"), "-a[i]");
    EXPECT_EQ(exprText("(a or b) and c"), "(a or b) and c");
    EXPECT_EQ(exprText("a and b or c and d"), "a and b or c and d");
    EXPECT_EQ(exprText("a and (b and c)"), "a and (b and c)");
    EXPECT_EQ(exprText("(a + b) < c * d"), "a + b < c * d");
    EXPECT_EQ(exprText("f((a + b), g(c))[(i)].m"), "f(a + b, g(c))[i].m");
    EXPECT_EQ(exprText("(a + b)[0]"), "(a + b)[0]");
    EXPECT_EQ(exprText("(1).m"), "(1).m");
}

TEST(PrettyPrinter, Literals) {
    EXPECT_EQ(exprText("0x10 + 1_000"), "16 + 1000");
    EXPECT_EQ(exprText("1. + .5 + 1e-7 + 2e3 + 0.1 + 1.5e-3"), "1.0 + 0.5 + 1e-07 + 2000.0 + 0.1 + 0.0015");
    EXPECT_EQ(formatFloatLiteral(1.0), "1.0");
    EXPECT_EQ(formatFloatLiteral(0.1), "0.1");
    EXPECT_EQ(formatFloatLiteral(1e-7), "1e-07");
    EXPECT_EQ(formatFloatLiteral(1e22), "1e+22");
    EXPECT_EQ(formatFloatLiteral(123.25), "123.25");
    EXPECT_EQ(formatFloatLiteral(0.0), "0.0");
    EXPECT_EQ(formatFloatLiteral(HUGE_VAL), "1e999");
    // Shortest round trip: 0.1f widened to double needs all its digits.
    EXPECT_EQ(formatFloatLiteral(static_cast<double>(0.1f)), "0.10000000149011612");
}

TEST(PrettyPrinter, LayoutOfAModule) {
    std::string src =
        "\"\"\"doc\"\"\"\n"
        "import math\n"
        "class P:\n"
        "  x : In[int] = 3\n"
        "  a : Array[Array[float, 4]]\n"
        "@openMpi\n"
        "@foo\n"
        "@simd\n"
        "def f(p : In[P],   q : Out[Array[float]],\n"
        "      n : In[Array[In[float]]],) -> In[float]:\n"
        "  y : In[float] = 1.0; z : Diff[float]\n"
        "  if (n > 1): q[0] = y\n"
        "  elif n: q[1] = y\n"
        "  else:\n"
        "    if y:\n"
        "      q[2] = y\n"
        "  while ((y < 2.0), max_iter:=10): y = y*2\n"
        "  # pragma omp parallel for shared(q,y) schedule(static) reduction(+ : z) default(shared)\n"
        "  for i in range(n,2*n): g(q[i])\n"
        "  return y\n"
        "d = rev_diff(f)\n";
    Parsed p = parseText(src);
    std::string expected =
        "class P:\n"
        "    x : int\n"
        "    a : Array[Array[float, 4]]\n"
        "\n"
        "@simd\n"
        "@openMpi\n"
        "def f(p : In[P], q : Out[Array[float]], n : In[Array[float]]) -> float:\n"
        "    y : float = 1.0\n"
        "    z : Diff[float]\n"
        "    if n > 1:\n"
        "        q[0] = y\n"
        "    elif n:\n"
        "        q[1] = y\n"
        "    elif y:\n"
        "        q[2] = y\n"
        "    while (y < 2.0, max_iter := 10):\n"
        "        y = y * 2\n"
        "    #pragma omp parallel for shared(q, y) reduction(+:z) default(shared)\n"
        "    for i in range(n, 2 * n):\n"
        "        g(q[i])\n"
        "    return y\n"
        "\n"
        "d = rev_diff(f)\n";
    EmittedText out = printModule(p.module);
    EXPECT_EQ(out.text, expected);
    std::vector<int> lines = {3, 4, 5, 0, 9, 9, 9, 11, 11, 12, 12, 13, 13, 15, 16, 17, 17, 18, 19, 19, 20, 0, 21};
    EXPECT_EQ(out.sourceLines, lines);
}

TEST(PrettyPrinter, ElseHoldingAnIfWithMoreStatementsIsNotElif) {
    EXPECT_EQ(reprint("def f():\n    if a:\n        x = 1\n    else:\n        if b:\n            x = 2\n        x = 3\n"),
              "def f():\n    if a:\n        x = 1\n    else:\n        if b:\n            x = 2\n        x = 3\n");
}

// Builds `def f(i : In[int]) -> float: x : float = int2float(i) + 1.0; return x` the way the
// checker leaves it: resolved types and an inserted conversion.
Module checkedModule() {
    Module m;
    StructDecl user;
    user.name = "S";
    Member mem;
    mem.name = "v";
    mem.annotation = std::make_unique<TypeExpr>();
    mem.annotation->kind = TypeExpr::Kind::Diff;
    mem.annotation->elem = std::make_unique<TypeExpr>();
    mem.annotation->elem->kind = TypeExpr::Kind::Float;
    mem.resolved = Type::structType("_dfloat");
    user.members.push_back(std::move(mem));
    m.items.emplace_back(std::move(user));

    Function f;
    f.name = "f";
    Param p;
    p.name = "i";
    p.annotation = std::make_unique<TypeExpr>();
    p.annotation->kind = TypeExpr::Kind::In;
    p.annotation->elem = std::make_unique<TypeExpr>();
    p.annotation->elem->kind = TypeExpr::Kind::Int;
    p.resolved = Type::intType();
    f.params.push_back(std::move(p));
    Param o;
    o.name = "o";
    o.annotation = std::make_unique<TypeExpr>();
    o.annotation->kind = TypeExpr::Kind::Out;
    o.annotation->elem = std::make_unique<TypeExpr>();
    o.annotation->elem->kind = TypeExpr::Kind::Diff;
    o.annotation->elem->elem = std::make_unique<TypeExpr>();
    o.annotation->elem->elem->kind = TypeExpr::Kind::Float;
    o.isOut = true;
    o.resolved = Type::structType("_dfloat");
    f.params.push_back(std::move(o));
    f.returnAnnotation = std::make_unique<TypeExpr>();
    f.returnAnnotation->kind = TypeExpr::Kind::Float;
    f.returnType = Type::floatType();
    auto decl = std::make_unique<Stmt>();
    decl->kind = Stmt::Kind::Declare;
    decl->name = "x";
    decl->declType = std::make_unique<TypeExpr>();
    decl->declType->kind = TypeExpr::Kind::Float;
    decl->resolved = Type::floatType();
    std::vector<ExprPtr> args;
    args.push_back(makeVar("i"));
    ExprPtr conv = makeCall("int2float", std::move(args));
    conv->implicitConversion = true;
    // (i converted) * (1.0 - 2.0): precedence must follow the visible operand in AsWritten.
    decl->value = makeBinary(BinaryOp::Mul, makeBinary(BinaryOp::Sub, std::move(conv), makeFloat(1.0)),
                             makeFloat(2.0));
    f.body.push_back(std::move(decl));
    auto ret = std::make_unique<Stmt>();
    ret->kind = Stmt::Kind::Return;
    ret->value = makeVar("x");
    f.body.push_back(std::move(ret));
    m.items.emplace_back(std::move(f));

    for (const char* name : {"_dfloat", "_dS", "_dUnused"}) {
        StructDecl g;
        g.name = name;
        g.generated = true;
        Member a;
        a.name = "val";
        a.resolved = std::string(name) == "_dS" ? Type::structType("_dfloat") : Type::floatType();
        g.members.push_back(std::move(a));
        m.items.emplace_back(std::move(g));
    }
    return m;
}

TEST(PrettyPrinter, AsWrittenDropsInsertedConversionsAndGeneratedStructs) {
    Module m = checkedModule();
    EXPECT_EQ(printModule(m, PrintMode::AsWritten).text,
              "class S:\n    v : Diff[float]\n\n"
              "def f(i : In[int], o : Out[Diff[float]]) -> float:\n"
              "    x : float = (i - 1.0) * 2.0\n"
              "    return x\n");
}

TEST(PrettyPrinter, CheckedModePrintsResolvedTypesConversionsAndUsedGeneratedStructsFirst) {
    Module m = checkedModule();
    // _dS is not mentioned anywhere, _dfloat is (member of S and parameter o); _dUnused is not.
    EXPECT_EQ(printModule(m, PrintMode::Checked).text,
              "class S:\n    v : _dfloat\n\n"
              "class _dfloat:\n    val : float\n\n"
              "def f(i : In[int], o : Out[_dfloat]) -> float:\n"
              "    x : float = (int2float(i) - 1.0) * 2.0\n"
              "    return x\n");
}

TEST(PrettyPrinter, CheckedModeVoidFunctionHasNoArrow) {
    Function f;
    f.name = "g";
    f.returnType = Type::voidType();
    auto call = std::make_unique<Stmt>();
    call->kind = Stmt::Kind::CallStmt;
    call->value = makeCall("h", {});
    f.body.push_back(std::move(call));
    Module m;
    m.items.emplace_back(std::move(f));
    EXPECT_EQ(printModule(m, PrintMode::Checked).text, "def g():\n    h()\n");
}

TEST(PrettyPrinter, NegativeLiteralsFromGeneratedCodeReadBack) {
    ExprPtr e = makeBinary(BinaryOp::Sub, makeVar("a"), makeFloat(-1.5));
    EXPECT_EQ(printExpr(*e), "a - -1.5");
    ExprPtr m = makeMember(makeInt(-3), "x");
    EXPECT_EQ(printExpr(*m), "(-3).x");
}

TEST(PrettyPrinter, PrintType) {
    Parsed p = parseText("def f(x : In[Array[Diff[Foo], 3]]):\n    g()\n");
    EXPECT_EQ(printType(*fn(p.module, 0).params[0].annotation), "In[Array[Diff[Foo], 3]]");
}

}  // namespace
}  // namespace lomaw::syntax::test
