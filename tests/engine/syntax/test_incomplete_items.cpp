// The parser marks the functions and structs whose text had an error (Function/StructDecl::
// incomplete), keeps a function whose header is damaged (with placeholders for what it could
// not read), and leaves items with only warnings unmarked. The checker relies on these marks to
// report all independent errors without cascades (docs/language.md §8).
#include <gtest/gtest.h>

#include "SyntaxTestSupport.h"

namespace lomaw::syntax::test {
namespace {

using ast::TypeExpr;
using V = std::vector<std::string>;

const ast::Function* findFn(const Parsed& p, const std::string& name) { return p.module.findFunction(name); }
const ast::StructDecl* findStruct(const Parsed& p, const std::string& name) { return p.module.findStruct(name); }

bool isPlaceholderType(const ast::TypeExprPtr& t) { return t && t->kind == TypeExpr::Kind::Named && t->name.empty(); }

TEST(IncompleteItems, OnlyTheItemWithTheErrorIsMarked) {
    Parsed p = parseText("class A:\n    x : float\n"
                         "def f(x : In[int]) -> int:\n    y : int = x % 2\n    return x\n"
                         "def g(x : In[int]) -> int:\n    return x\n");
    EXPECT_EQ(diagCodes(p.diags), V{"4:17 error unsupported-operator"});
    ASSERT_TRUE(findFn(p, "f") && findFn(p, "g") && findStruct(p, "A"));
    EXPECT_TRUE(findFn(p, "f")->incomplete);
    ASSERT_EQ(findFn(p, "f")->body.size(), 1u);  // the damaged statement is dropped, the rest kept
    EXPECT_FALSE(findFn(p, "g")->incomplete);
    EXPECT_FALSE(findStruct(p, "A")->incomplete);
}

TEST(IncompleteItems, StructWithDroppedMemberOrBaseClass) {
    Parsed p = parseText("class A:\n    x : float\n    y : List[int]\n"
                         "class B(A):\n    z : int\n"
                         "class C:\n    w : int = 3\n");
    EXPECT_EQ(diagCodes(p.diags), (V{"3:9 error bad-type", "4:8 error bad-struct", "7:15 warning member-default-ignored"}));
    ASSERT_TRUE(findStruct(p, "A") && findStruct(p, "B") && findStruct(p, "C"));
    EXPECT_TRUE(findStruct(p, "A")->incomplete);
    EXPECT_EQ(findStruct(p, "A")->members.size(), 1u);
    EXPECT_TRUE(findStruct(p, "B")->incomplete);
    EXPECT_FALSE(findStruct(p, "C")->incomplete);  // a warning only
}

TEST(IncompleteItems, WarningsDoNotMarkAFunction) {
    Parsed p = parseText("@foo\ndef f(x : In[float]) -> float:\n    y : float = 1e999\n    return y\n");
    EXPECT_EQ(diagCodes(p.diags), (V{"1:1 warning unknown-decorator", "3:17 warning float-literal-overflow"}));
    ASSERT_TRUE(findFn(p, "f"));
    EXPECT_FALSE(findFn(p, "f")->incomplete);
}

TEST(IncompleteItems, LexicalErrorsAndBadDecoratorsMarkTheirFunction) {
    Parsed lexical = parseText("def f():\n    y = 1 $ 2\ndef g():\n    h()\n");
    EXPECT_EQ(diagCodes(lexical.diags), V{"2:11 error syntax-error"});
    EXPECT_TRUE(findFn(lexical, "f")->incomplete);
    EXPECT_FALSE(findFn(lexical, "g")->incomplete);

    Parsed unclosed = parseText("def g():\n    h()\ndef f():\n    y = h(1,\n");
    EXPECT_EQ(diagCodes(unclosed.diags), V{"4:10 error syntax-error"});
    EXPECT_FALSE(findFn(unclosed, "g")->incomplete);
    ASSERT_TRUE(findFn(unclosed, "f"));
    EXPECT_TRUE(findFn(unclosed, "f")->incomplete);

    Parsed decorated = parseText("@simd(8)\ndef k():\n    h()\n");
    EXPECT_EQ(diagCodes(decorated.diags), V{"1:1 error bad-decorator"});
    EXPECT_TRUE(findFn(decorated, "k")->incomplete);
}

TEST(IncompleteItems, DamagedHeadersKeepTheFunctionWithPlaceholders) {
    Parsed p = parseText("def a x:\n    return 1\n"
                         "def b(x : In[float], *rest) -> float:\n    return x\n"
                         "def c(x : In[Array[float, n]], y : In[int]) -> int:\n    return y\n"
                         "def d(x : In[float] = 1.0):\n    h()\n"
                         "def e() -> None:\n    h()\n"
                         "def f(x : In[float]) -> float\n    return x\n"
                         "def (x):\n    h()\n");
    EXPECT_EQ(diagCodes(p.diags),
              (V{"1:7 error syntax-error", "3:22 error unsupported-syntax", "5:27 error bad-type",
                 "7:23 error unsupported-syntax", "9:12 error bad-type", "11:30 error syntax-error",
                 "13:5 error syntax-error"}));
    ASSERT_EQ(p.module.items.size(), 6u);  // the nameless one cannot be referred to: dropped

    const ast::Function* a = findFn(p, "a");
    ASSERT_TRUE(a);
    EXPECT_TRUE(a->incomplete);
    ASSERT_EQ(a->params.size(), 1u);
    EXPECT_TRUE(a->params[0].name.empty());
    EXPECT_TRUE(a->body.empty());

    const ast::Function* b = findFn(p, "b");
    ASSERT_EQ(b->params.size(), 2u);
    EXPECT_EQ(b->params[0].name, "x");
    EXPECT_TRUE(b->params[1].name.empty());
    EXPECT_EQ(b->params[1].loc, (SourceLoc{3, 22}));
    ASSERT_TRUE(b->returnAnnotation);
    EXPECT_EQ(b->returnAnnotation->kind, TypeExpr::Kind::Float);
    EXPECT_EQ(b->body.size(), 1u);  // the header was read to its end: the body is kept

    // The unreadable annotation stays a named parameter (later parameters are not read).
    const ast::Function* c = findFn(p, "c");
    ASSERT_EQ(c->params.size(), 1u);
    EXPECT_EQ(c->params[0].name, "x");
    EXPECT_TRUE(isPlaceholderType(c->params[0].annotation));

    const ast::Function* d = findFn(p, "d");
    ASSERT_EQ(d->params.size(), 2u);
    EXPECT_EQ(d->params[0].name, "x");
    EXPECT_EQ(d->params[0].annotation->kind, TypeExpr::Kind::In);
    EXPECT_TRUE(d->params[1].name.empty());  // calls may rely on the default

    const ast::Function* e = findFn(p, "e");
    EXPECT_TRUE(isPlaceholderType(e->returnAnnotation));
    EXPECT_TRUE(e->params.empty());

    // Only the ':' is missing: the header is intact, no placeholder.
    const ast::Function* f = findFn(p, "f");
    ASSERT_EQ(f->params.size(), 1u);
    EXPECT_EQ(f->params[0].name, "x");
    EXPECT_EQ(f->returnAnnotation->kind, TypeExpr::Kind::Float);

    for (const ast::Function* fn : p.module.functions()) EXPECT_TRUE(fn->incomplete) << fn->name;
}

}  // namespace
}  // namespace lomaw::syntax::test
