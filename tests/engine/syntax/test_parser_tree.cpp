// The parser builds the documented tree (Ast.h) with exact positions.
#include <gtest/gtest.h>

#include "SyntaxTestSupport.h"

namespace lomaw::syntax::test {
namespace {

using ast::Expr;
using ast::Stmt;
using ast::TypeExpr;

Parsed parseClean(const std::string& src) {
    Parsed p = parseText(src);
    EXPECT_TRUE(p.diags.empty()) << formatDiagnostics(p.diags.sorted(), "t.py", src);
    return p;
}

TEST(ParserTree, FunctionHeaderParamsAndReturnAnnotation) {
    Parsed p = parseClean("@openMpi\n@simd\ndef f(x : In[Array[float, 4]], y : Out[Foo],\n      n : In[int],) -> float:\n    return 1.0\n");
    ASSERT_EQ(p.module.items.size(), 1u);
    const ast::Function& f = fn(p.module, 0);
    EXPECT_EQ(f.name, "f");
    EXPECT_TRUE(f.simd);
    EXPECT_TRUE(f.openMpi);
    EXPECT_EQ(f.loc, (SourceLoc{3, 1}));
    EXPECT_EQ(f.nameLoc, (SourceLoc{3, 5}));
    ASSERT_EQ(f.params.size(), 3u);
    EXPECT_EQ(f.params[0].name, "x");
    EXPECT_EQ(f.params[0].loc, (SourceLoc{3, 7}));
    const TypeExpr& a = *f.params[0].annotation;
    EXPECT_EQ(a.kind, TypeExpr::Kind::In);
    EXPECT_EQ(a.loc, (SourceLoc{3, 11}));
    EXPECT_EQ(a.elem->kind, TypeExpr::Kind::Array);
    EXPECT_TRUE(a.elem->hasSize);
    EXPECT_EQ(a.elem->size, 4);
    EXPECT_EQ(a.elem->elem->kind, TypeExpr::Kind::Float);
    EXPECT_EQ(f.params[1].annotation->kind, TypeExpr::Kind::Out);
    EXPECT_EQ(f.params[1].annotation->elem->kind, TypeExpr::Kind::Named);
    EXPECT_EQ(f.params[1].annotation->elem->name, "Foo");
    EXPECT_EQ(f.params[2].loc, (SourceLoc{4, 7}));
    ASSERT_TRUE(f.returnAnnotation);
    EXPECT_EQ(f.returnAnnotation->kind, TypeExpr::Kind::Float);
    ASSERT_EQ(f.body.size(), 1u);
    EXPECT_EQ(f.body[0]->kind, Stmt::Kind::Return);
    EXPECT_EQ(f.body[0]->loc, (SourceLoc{5, 5}));
}

TEST(ParserTree, VoidFunctionHasNoReturnAnnotationAndMissingAnnotationIsKept) {
    Parsed p = parseClean("def g(x, y : float):\n    h(x)\n");
    const ast::Function& f = fn(p.module, 0);
    EXPECT_FALSE(f.returnAnnotation);
    EXPECT_FALSE(f.params[0].annotation);  // missing-annotation is the checker's
    EXPECT_EQ(f.params[1].annotation->kind, TypeExpr::Kind::Float);
    ASSERT_EQ(f.body.size(), 1u);
    EXPECT_EQ(f.body[0]->kind, Stmt::Kind::CallStmt);
    EXPECT_EQ(f.body[0]->loc, (SourceLoc{2, 5}));
    EXPECT_EQ(f.body[0]->value->name, "h");
}

TEST(ParserTree, StructDeclaration) {
    Parsed p = parseClean("class P:\n    pos : Array[float, 3]\n    d : Diff[float]\n    rows : Array[Array[int]]\n");
    const auto& s = std::get<ast::StructDecl>(p.module.items.at(0));
    EXPECT_EQ(s.name, "P");
    EXPECT_EQ(s.loc, (SourceLoc{1, 1}));
    ASSERT_EQ(s.members.size(), 3u);
    EXPECT_EQ(s.members[0].name, "pos");
    EXPECT_EQ(s.members[0].loc, (SourceLoc{2, 5}));
    EXPECT_EQ(s.members[1].annotation->kind, TypeExpr::Kind::Diff);
    EXPECT_EQ(s.members[2].annotation->kind, TypeExpr::Kind::Array);
    EXPECT_FALSE(s.members[2].annotation->hasSize);
    EXPECT_EQ(s.members[2].annotation->elem->kind, TypeExpr::Kind::Array);
    EXPECT_FALSE(s.generated);
}

TEST(ParserTree, StructNameAndArraySizePositions) {
    Parsed p = parseClean("class  P:\n    a : Array[float,  7]\n    b : Array[int]\n");
    const auto& s = std::get<ast::StructDecl>(p.module.items.at(0));
    EXPECT_EQ(s.loc, (SourceLoc{1, 1}));
    EXPECT_EQ(s.nameLoc, (SourceLoc{1, 8}));
    EXPECT_FALSE(s.incomplete);
    EXPECT_EQ(s.members[0].annotation->sizeLoc, (SourceLoc{2, 23}));
    EXPECT_FALSE(s.members[1].annotation->sizeLoc.valid());  // no size written
}

TEST(ParserTree, CloneCopiesPositionsAndIncompleteMarks) {
    Parsed p = parseText("class S:\n    a : Array[float, 0]\n    b : Lst[int]\n"
                         "def f(x : In[float]) -> float:\n    y = x % 2.0\n    return x\n");
    ast::Module c = ast::clone(p.module);
    const auto& s = std::get<ast::StructDecl>(c.items.at(0));
    EXPECT_TRUE(s.incomplete);
    EXPECT_EQ(s.nameLoc, (SourceLoc{1, 7}));
    EXPECT_EQ(s.members.at(0).annotation->sizeLoc, (SourceLoc{2, 22}));
    EXPECT_TRUE(fn(c, 1).incomplete);
    ast::Function plain = ast::clone(fn(parseClean("def g():\n    h()\n").module, 0));
    EXPECT_FALSE(plain.incomplete);
}

TEST(ParserTree, InlineStructBody) {
    Parsed p = parseClean("class P: x : int; y : float\n");
    const auto& s = std::get<ast::StructDecl>(p.module.items.at(0));
    ASSERT_EQ(s.members.size(), 2u);
    EXPECT_EQ(s.members[1].loc, (SourceLoc{1, 19}));
}

TEST(ParserTree, DerivativeDeclarations) {
    Parsed p = parseClean("d_f = fwd_diff(f)\nr_f = rev_diff(d_f)\n");
    ASSERT_EQ(p.module.items.size(), 2u);
    const auto& d = std::get<ast::DiffDecl>(p.module.items[0]);
    EXPECT_EQ(d.name, "d_f");
    EXPECT_EQ(d.mode, ast::DiffDecl::Mode::Forward);
    EXPECT_EQ(d.target, "f");
    EXPECT_EQ(d.loc, (SourceLoc{1, 1}));
    EXPECT_EQ(d.targetLoc, (SourceLoc{1, 16}));
    const auto& r = std::get<ast::DiffDecl>(p.module.items[1]);
    EXPECT_EQ(r.mode, ast::DiffDecl::Mode::Reverse);
    EXPECT_EQ(r.target, "d_f");
}

TEST(ParserTree, DocstringAndImportsAreDropped) {
    Parsed p = parseText("\"\"\"Module doc with ünïcode.\"\"\"\nimport math\nfrom a import (b,\n c)\ndef f():\n    g()\n");
    EXPECT_EQ(diagCodes(p.diags), (std::vector<std::string>{"2:1 warning import-ignored", "3:1 warning import-ignored"}));
    ASSERT_EQ(p.module.items.size(), 1u);
}

TEST(ParserTree, DeclarationsAndAssignments) {
    Parsed p = parseClean("def f():\n    x : int\n    y : float = 2.5\n    a[i].m[0] = x\n");
    const ast::Block& b = fn(p.module, 0).body;
    ASSERT_EQ(b.size(), 3u);
    EXPECT_EQ(b[0]->kind, Stmt::Kind::Declare);
    EXPECT_EQ(b[0]->name, "x");
    EXPECT_EQ(b[0]->nameLoc, (SourceLoc{2, 5}));
    EXPECT_EQ(b[0]->loc, (SourceLoc{2, 5}));
    EXPECT_EQ(b[0]->declType->kind, TypeExpr::Kind::Int);
    EXPECT_FALSE(b[0]->value);
    EXPECT_EQ(b[1]->value->kind, Expr::Kind::FloatLit);
    EXPECT_EQ(b[1]->value->floatValue, 2.5);
    EXPECT_EQ(b[1]->value->loc, (SourceLoc{3, 17}));
    EXPECT_EQ(b[2]->kind, Stmt::Kind::Assign);
    // a[i].m[0]: Index(Member(Index(a, i), m), 0), every postfix node at the start (col 5).
    const Expr& t = *b[2]->target;
    EXPECT_EQ(t.kind, Expr::Kind::Index);
    EXPECT_EQ(t.loc, (SourceLoc{4, 5}));
    EXPECT_EQ(t.operands[1]->intValue, 0);
    const Expr& m = *t.operands[0];
    EXPECT_EQ(m.kind, Expr::Kind::Member);
    EXPECT_EQ(m.name, "m");
    EXPECT_EQ(m.operands[0]->kind, Expr::Kind::Index);
    EXPECT_EQ(m.operands[0]->operands[0]->name, "a");
    EXPECT_EQ(m.operands[0]->operands[1]->loc, (SourceLoc{4, 7}));
}

TEST(ParserTree, PrecedenceAndAssociativity) {
    Parsed p = parseClean("def f():\n    x = a or b and c < d + e * -g[0]\n    y = a - b - c\n    z = -x * y\n");
    const ast::Block& b = fn(p.module, 0).body;
    const Expr& e = *b[0]->value;
    ASSERT_EQ(e.kind, Expr::Kind::Binary);
    EXPECT_EQ(e.op, ast::BinaryOp::Or);
    EXPECT_EQ(e.loc, (SourceLoc{2, 11}));  // the operator
    const Expr& andE = *e.operands[1];
    EXPECT_EQ(andE.op, ast::BinaryOp::And);
    const Expr& lt = *andE.operands[1];
    EXPECT_EQ(lt.op, ast::BinaryOp::Less);
    EXPECT_EQ(lt.loc, (SourceLoc{2, 22}));
    const Expr& add = *lt.operands[1];
    EXPECT_EQ(add.op, ast::BinaryOp::Add);
    const Expr& mul = *add.operands[1];
    EXPECT_EQ(mul.op, ast::BinaryOp::Mul);
    const Expr& neg = *mul.operands[1];
    EXPECT_EQ(neg.kind, Expr::Kind::Neg);
    EXPECT_EQ(neg.loc, (SourceLoc{2, 32}));
    EXPECT_EQ(neg.operands[0]->kind, Expr::Kind::Index);  // -g[0] negates the index
    // a - b - c is (a - b) - c
    const Expr& sub = *b[1]->value;
    EXPECT_EQ(sub.operands[0]->kind, Expr::Kind::Binary);
    EXPECT_EQ(sub.operands[1]->kind, Expr::Kind::Var);
    // -x * y is (-x) * y
    const Expr& z = *b[2]->value;
    EXPECT_EQ(z.op, ast::BinaryOp::Mul);
    EXPECT_EQ(z.operands[0]->kind, Expr::Kind::Neg);
}

TEST(ParserTree, AndOrChainsAreLeftAssociative) {
    Parsed p = parseClean("def f():\n    x = a and b and c\n");
    const Expr& e = *fn(p.module, 0).body[0]->value;
    EXPECT_EQ(e.operands[0]->kind, Expr::Kind::Binary);
    EXPECT_EQ(e.operands[1]->name, "c");
}

TEST(ParserTree, CallsAndMemberOfCallResult) {
    Parsed p = parseClean("def f():\n    x = fwd_f(dx, (1 + 2)).dval\n");
    const Expr& e = *fn(p.module, 0).body[0]->value;
    EXPECT_EQ(e.kind, Expr::Kind::Member);
    EXPECT_EQ(e.name, "dval");
    const Expr& c = *e.operands[0];
    EXPECT_EQ(c.kind, Expr::Kind::Call);
    EXPECT_EQ(c.name, "fwd_f");
    EXPECT_EQ(c.loc, (SourceLoc{2, 9}));
    ASSERT_EQ(c.operands.size(), 2u);
    EXPECT_EQ(c.operands[1]->op, ast::BinaryOp::Add);
}

TEST(ParserTree, IfElifElse) {
    Parsed p = parseClean("def f():\n    if a:\n        x = 1\n    elif b:\n        x = 2\n    else:\n        x = 3\n");
    const Stmt& s = *fn(p.module, 0).body[0];
    EXPECT_EQ(s.kind, Stmt::Kind::If);
    EXPECT_EQ(s.loc, (SourceLoc{2, 5}));
    ASSERT_EQ(s.orelse.size(), 1u);
    const Stmt& elif = *s.orelse[0];
    EXPECT_EQ(elif.kind, Stmt::Kind::If);
    EXPECT_EQ(elif.loc, (SourceLoc{4, 5}));
    EXPECT_EQ(elif.value->name, "b");
    ASSERT_EQ(elif.orelse.size(), 1u);
    EXPECT_EQ(elif.orelse[0]->kind, Stmt::Kind::Assign);
}

TEST(ParserTree, InlineSuitesWithSemicolons) {
    Parsed p = parseClean("def f(): x = 1; y = 2\ndef g():\n    if c: a = 1; b = 2\n    else: a = 3\n");
    EXPECT_EQ(fn(p.module, 0).body.size(), 2u);
    const Stmt& s = *fn(p.module, 1).body[0];
    EXPECT_EQ(s.body.size(), 2u);
    EXPECT_EQ(s.orelse.size(), 1u);
}

TEST(ParserTree, WhileWithMaxIter) {
    Parsed p = parseClean("def f():\n    while (i < n, max_iter := 100):\n        i = i + 1\n");
    const Stmt& s = *fn(p.module, 0).body[0];
    EXPECT_EQ(s.kind, Stmt::Kind::While);
    EXPECT_EQ(s.loc, (SourceLoc{2, 5}));
    EXPECT_EQ(s.maxIter, 100);
    EXPECT_EQ(s.maxIterLoc, (SourceLoc{2, 31}));
    EXPECT_EQ(s.value->op, ast::BinaryOp::Less);
    EXPECT_EQ(s.body.size(), 1u);
}

TEST(ParserTree, ForRangeWithPragma) {
    Parsed p = parseClean("def f():\n    #pragma omp parallel for shared(x, y) reduction(+:s)\n    for k in range(n - 1, -1, -1):\n        s = s + x[k]\n    for j in range(n):\n        s = s\n");
    const ast::Block& b = fn(p.module, 0).body;
    const Stmt& s = *b[0];
    EXPECT_EQ(s.kind, Stmt::Kind::For);
    EXPECT_EQ(s.loc, (SourceLoc{3, 5}));
    EXPECT_EQ(s.name, "k");
    EXPECT_EQ(s.nameLoc, (SourceLoc{3, 9}));
    ASSERT_EQ(s.rangeArgs.size(), 3u);
    EXPECT_EQ(s.rangeArgs[1]->kind, Expr::Kind::Neg);
    ASSERT_TRUE(s.pragma.has_value());
    EXPECT_EQ(s.pragma->loc, (SourceLoc{2, 5}));
    ASSERT_EQ(s.pragma->clauses.size(), 2u);
    EXPECT_FALSE(b[1]->pragma.has_value());
    EXPECT_EQ(b[1]->rangeArgs.size(), 1u);
}


TEST(ParserTree, IntLiteralValues) {
    Parsed p = parseClean("def f():\n    x = 0x7FFFFFFF + 0b11 + 1_0\n");
    const Expr& e = *fn(p.module, 0).body[0]->value;
    EXPECT_EQ(e.operands[0]->operands[0]->intValue, 2147483647);
    EXPECT_EQ(e.operands[0]->operands[1]->intValue, 3);
    EXPECT_EQ(e.operands[1]->intValue, 10);
}

TEST(ParserTree, KeywordNamedVariablesOfCAreFine) {
    Parsed p = parseClean("def f(double : In[int]):\n    match : int = double\n    match = 1\n    match(x)\n");
    EXPECT_EQ(fn(p.module, 0).body.size(), 3u);
}

TEST(ParserTree, ParenthesesDoNotCreateNodes) {
    Parsed p = parseClean("def f():\n    x = ((a))\n");
    EXPECT_EQ(fn(p.module, 0).body[0]->value->kind, Expr::Kind::Var);
    EXPECT_EQ(fn(p.module, 0).body[0]->value->loc, (SourceLoc{2, 11}));
}

}  // namespace
}  // namespace lomaw::syntax::test
