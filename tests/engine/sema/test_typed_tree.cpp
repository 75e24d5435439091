// The typed tree the checker leaves behind: expression types, implicit conversions at every
// place of docs/language.md §2.5, resolved declarations/parameters/members, Diff[T] resolution and
// the appended differential structs (§2.6).
#include <functional>

#include "SemaTestUtil.h"

namespace lomaw::sema::test {
namespace {

using ast::Expr;

// "int2float(<kind>)" style description of a conversion node, checking its invariants.
std::string conversion(const Expr& e) {
    if (e.kind != Expr::Kind::Call || !e.implicitConversion || e.operands.size() != 1) return "none";
    EXPECT_EQ(e.loc, e.operands[0]->loc);
    EXPECT_EQ(toString(e.type), e.name == "int2float" ? "float" : "int");
    return e.name;
}

TEST(TypedTree, ConversionsInDeclarationsAssignmentsAndReturns) {
    auto c = check("def f(n : In[int], x : In[float]) -> int:\n"
                   "    y : float = 1\n"
                   "    i : int = -2.7\n"
                   "    y = n\n"
                   "    i = i\n"
                   "    return x\n");
    ASSERT_TRUE(c.ok);
    const auto& b = c.fn("f").body;
    EXPECT_EQ(conversion(*b[0]->value), "int2float");
    EXPECT_EQ(b[0]->value->loc, (SourceLoc{2, 17}));
    EXPECT_EQ(b[0]->value->operands[0]->kind, Expr::Kind::IntLit);
    EXPECT_EQ(conversion(*b[1]->value), "float2int");
    EXPECT_EQ(b[1]->value->operands[0]->kind, Expr::Kind::Neg);
    EXPECT_EQ(conversion(*b[2]->value), "int2float");
    EXPECT_EQ(conversion(*b[3]->value), "none");
    EXPECT_EQ(conversion(*b[4]->value), "float2int");
    EXPECT_EQ(toString(b[0]->resolved), "float");
    EXPECT_EQ(toString(b[1]->resolved), "int");
}

TEST(TypedTree, BinaryOperandsComparisonsAndLogic) {
    auto c = check("def f(n : In[int], x : In[float]) -> float:\n"
                   "    a : float = x * 2\n"
                   "    b : float = 1 / 3 * 3.0\n"
                   "    k : int = n / 2\n"
                   "    c : float = n < x\n"
                   "    d : int = n and n\n"
                   "    e : int = -n\n"
                   "    return a\n");
    ASSERT_TRUE(c.ok);
    const auto& b = c.fn("f").body;
    const Expr& mul = *b[0]->value;
    EXPECT_EQ(toString(mul.type), "float");
    EXPECT_EQ(conversion(*mul.operands[0]), "none");
    EXPECT_EQ(conversion(*mul.operands[1]), "int2float");
    // (1 / 3) is int division, converted as a whole.
    const Expr& prod = *b[1]->value;
    EXPECT_EQ(conversion(*prod.operands[0]), "int2float");
    EXPECT_EQ(prod.operands[0]->operands[0]->kind, Expr::Kind::Binary);
    EXPECT_EQ(toString(prod.operands[0]->operands[0]->type), "int");
    EXPECT_EQ(toString(b[2]->value->type), "int");
    // Comparison of int and float is float-typed and converts the int side.
    EXPECT_EQ(toString(b[3]->value->type), "float");
    EXPECT_EQ(conversion(*b[3]->value->operands[0]), "int2float");
    EXPECT_EQ(toString(b[4]->value->type), "int");
    EXPECT_EQ(toString(b[5]->value->type), "int");
}

TEST(TypedTree, ConversionsOfArguments) {
    auto c = check("def g(a : In[float], o : Out[float]):\n"
                   "    o = a\n"
                   "def f(n : In[int], z : Out[float]) -> float:\n"
                   "    r : float\n"
                   "    g(n, r)\n"
                   "    r = sin(n) + pow(2, 3)\n"
                   "    atomic_add(z, 1)\n"
                   "    d : Diff[float] = make__dfloat(1, 2.0)\n"
                   "    return r\n");
    ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.all());
    const auto& b = c.fn("f").body;
    const Expr& call = *b[1]->value;
    EXPECT_EQ(conversion(*call.operands[0]), "int2float");
    EXPECT_EQ(conversion(*call.operands[1]), "none");
    EXPECT_EQ(toString(call.type), "void");
    const Expr& sum = *b[2]->value;
    EXPECT_EQ(conversion(*sum.operands[0]->operands[0]), "int2float");
    EXPECT_EQ(conversion(*sum.operands[1]->operands[0]), "int2float");
    EXPECT_EQ(conversion(*sum.operands[1]->operands[1]), "int2float");
    EXPECT_EQ(conversion(*b[3]->value->operands[1]), "int2float");
    EXPECT_EQ(conversion(*b[4]->value->operands[0]), "int2float");
    EXPECT_EQ(toString(b[4]->value->type), "_dfloat");
    EXPECT_EQ(toString(b[4]->resolved), "_dfloat");
}

TEST(TypedTree, ParametersMembersReturnTypesAndExpressionTypes) {
    auto c = check("class P:\n"
                   "    pos : Array[float, 3]\n"
                   "    id : int\n"
                   "def norm(v : In[P], out : Out[Array[P]]):\n"
                   "    out[0].pos[1] = v.pos[0]\n");
    ASSERT_TRUE(c.ok);
    const ast::Function& f = c.fn("norm");
    EXPECT_TRUE(f.returnType->isVoid());
    EXPECT_FALSE(f.params[0].isOut);
    EXPECT_TRUE(f.params[1].isOut);
    EXPECT_EQ(toString(f.params[1].resolved), "Array[P]");
    EXPECT_EQ(toString(c.module.findStruct("P")->members[0].resolved), "Array[float, 3]");
    const ast::Stmt& s = *f.body[0];
    EXPECT_EQ(toString(s.target->type), "float");
    EXPECT_EQ(toString(s.target->operands[0]->type), "Array[float, 3]");
    EXPECT_EQ(toString(s.target->operands[0]->operands[0]->type), "P");
    EXPECT_EQ(toString(s.target->operands[0]->operands[0]->operands[0]->type), "Array[P]");
    EXPECT_EQ(toString(s.target->operands[1]->type), "int");
}

TEST(TypedTree, DiffResolution) {
    auto c = check("class Foo:\n"
                   "    x : float\n"
                   "def f(a : In[Diff[int]], b : In[Diff[Foo]], d : In[Array[Diff[float], 8]], e : In[_dfloat]):\n"
                   "    q : Diff[Diff[Foo]]\n"
                   "    q.x.val.dval = b.x.val + e.dval\n");
    ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.all());
    const ast::Function& f = c.fn("f");
    EXPECT_EQ(toString(f.params[0].resolved), "int");
    EXPECT_EQ(toString(f.params[1].resolved), "_dFoo");
    EXPECT_EQ(toString(f.params[2].resolved), "Array[_dfloat, 8]");
    EXPECT_EQ(toString(f.params[3].resolved), "_dfloat");
    EXPECT_EQ(toString(f.body[0]->resolved), "_d_dFoo");
    std::vector<std::string> generated;
    for (const ast::StructDecl* s : c.module.structs())
        if (s->generated) generated.push_back(s->name);
    // Level 1 always; _d_dfloat and _d_dFoo because _d_dFoo is used (its member x : _d_dfloat).
    EXPECT_EQ(generated, (Lines{"_dfloat", "_dFoo", "_d_dfloat", "_d_dFoo"}));
}

TEST(TypedTree, GeneratedStructsAppendedInSourceOrder) {
    auto c = check("class Foo:\n"
                   "    x : int\n"
                   "    y : float\n"
                   "    z : Array[Bar, 2]\n"
                   "class Bar:\n"
                   "    w : Array[float]\n");
    ASSERT_TRUE(c.ok);
    ASSERT_EQ(c.module.items.size(), 5u);
    const auto& d0 = std::get<ast::StructDecl>(c.module.items[2]);
    const auto& d1 = std::get<ast::StructDecl>(c.module.items[3]);
    const auto& d2 = std::get<ast::StructDecl>(c.module.items[4]);
    EXPECT_EQ(d0.name, "_dfloat");
    EXPECT_EQ(d1.name, "_dFoo");
    EXPECT_EQ(d2.name, "_dBar");
    EXPECT_TRUE(d0.generated && d1.generated && d2.generated);
    ASSERT_EQ(d1.members.size(), 3u);
    EXPECT_EQ(toString(d1.members[0].resolved), "int");
    EXPECT_EQ(toString(d1.members[1].resolved), "_dfloat");
    EXPECT_EQ(toString(d1.members[2].resolved), "Array[_dBar, 2]");
    ASSERT_TRUE(d1.members[2].annotation);
    EXPECT_EQ(d1.members[2].annotation->kind, ast::TypeExpr::Kind::Array);
    EXPECT_EQ(d1.members[2].annotation->size, 2);
    EXPECT_EQ(toString(d2.members[0].resolved), "Array[_dfloat]");
}

// Every struct name that a struct of the checked module mentions (through arrays too).
std::vector<std::string> danglingStructNames(const ast::Module& m) {
    std::vector<std::string> out;
    std::function<void(const TypePtr&)> visit = [&](const TypePtr& t) {
        if (!t) return;
        if (t->isArray()) return visit(t->elem);
        if (t->isStruct() && !m.findStruct(t->structName)) out.push_back(t->structName);
    };
    for (const ast::StructDecl* s : m.structs())
        for (const ast::Member& mem : s->members) visit(mem.resolved);
    return out;
}

std::vector<std::string> generatedNames(const ast::Module& m) {
    std::vector<std::string> out;
    for (const ast::StructDecl* s : m.structs())
        if (s->generated) out.push_back(s->name);
    return out;
}

TEST(TypedTree, GeneratedStructsAreClosedUnderTheirMembers) {
    // _dB has a member _d_dfloat (D(_dfloat)), which must be generated too.
    auto c = check("class B:\n"
                   "    d : _dfloat\n");
    ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.all());
    EXPECT_EQ(generatedNames(c.module), (Lines{"_dfloat", "_dB", "_d_dfloat"}));
    EXPECT_TRUE(danglingStructNames(c.module).empty()) << ::testing::PrintToString(danglingStructNames(c.module));
}

TEST(TypedTree, GeneratedStructClosureOrderIsByLevelThenBase) {
    // Level 1 always: _dfloat, _dA, _dB, _dC (bases in source order). Level 2, float first:
    // _d_dfloat (C.e, _dB.d, _d_dA.x), _d_dA (_dB.a); not _d_dB or _d_dC (unused). Level 3:
    // _d_d_dfloat (_dC.e).
    auto c = check("class A:\n"
                   "    x : float\n"
                   "class B:\n"
                   "    d : _dfloat\n"
                   "    a : Array[_dA, 2]\n"
                   "class C:\n"
                   "    e : _d_dfloat\n");
    ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.all());
    EXPECT_EQ(generatedNames(c.module),
              (Lines{"_dfloat", "_dA", "_dB", "_dC", "_d_dfloat", "_d_dA", "_d_d_dfloat"}));
    EXPECT_TRUE(danglingStructNames(c.module).empty()) << ::testing::PrintToString(danglingStructNames(c.module));
}

TEST(TypedTree, IdenticalRedeclarationOfGeneratedStructIsThatType) {
    auto c = check("class Foo:\n"
                   "    x : float\n"
                   "class _dfloat:\n"
                   "    val : float\n"
                   "    dval : float\n"
                   "class _dFoo:\n"
                   "    x : _dfloat\n"
                   "def f(a : In[Diff[Foo]]) -> float:\n"
                   "    return a.x.dval\n");
    ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.all());
    std::vector<std::string> names;
    for (const ast::StructDecl* s : c.module.structs()) names.push_back(s->name + (s->generated ? "*" : ""));
    EXPECT_EQ(names, (Lines{"Foo", "_dfloat", "_dFoo"}));
}

TEST(TypedTree, DiffStructValuesAndMemberAccess) {
    auto c = check("def slope(x : In[float]) -> float:\n"
                   "    dx : Diff[float]\n"
                   "    dx.val = x\n"
                   "    dx.dval = 1.0\n"
                   "    return dx.dval\n");
    ASSERT_TRUE(c.ok);
    EXPECT_EQ(toString(c.fn("slope").body[1]->target->type), "float");
    EXPECT_EQ(toString(c.fn("slope").body[1]->target->operands[0]->type), "_dfloat");
}

}  // namespace
}  // namespace lomaw::sema::test
