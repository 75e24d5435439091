// Calls that overwrite Out arguments in reverse mode: arguments written on some paths only use
// the callee's consuming reverse derivative; run-time sized contents that cannot be restored
// are a user diagnostic (rev-unsized-overwrite), not an internal error.
#include "AdTestSupport.h"

namespace lomaw::ad::test {
namespace {

const char* kStruct = R"(class S:
    v : Array[float]
    w : float

)";

TEST(AdCallOverwrites, UnboundedMemberOverwrittenAndReadIsDiagnosed) {
    Differentiated d = differentiateSource(std::string(kStruct) + R"(def fill(x : In[float], a : Out[Array[float]]):
    a[0] = x * x

def f(x : In[float], s : In[S]) -> float:
    y : float = s.v[0] * x
    fill(x, s.v)
    return y + s.v[0] * x

r_f = rev_diff(f)
)");
    EXPECT_FALSE(d.ok);
    std::string diags = d.diagnostics();
    // line 10: `    fill(x, s.v)`, the argument at column 13
    EXPECT_EQ(diags.substr(0, diags.find(' ', 6)), "10:13 rev-unsized-overwrite") << diags;
    EXPECT_EQ(diags.find("internal"), std::string::npos) << diags;
}

TEST(AdCallOverwrites, StructWithUnboundedMemberWrittenIntoIsDiagnosed) {
    Differentiated d = differentiateSource(std::string(kStruct) + R"(def setv(x : In[float], q : Out[S]):
    q.v[0] = x * x

def g(x : In[float], s : In[S]) -> float:
    y : float = s.v[0] * x
    setv(x, s)
    return y + s.v[0] * x

r_g = rev_diff(g)
)");
    EXPECT_FALSE(d.ok);
    std::string diags = d.diagnostics();
    EXPECT_EQ(diags.substr(0, diags.find(' ', 6)), "10:13 rev-unsized-overwrite") << diags;
}

TEST(AdCallOverwrites, StructWithUnboundedMemberOnlyScalarWrittenIsTapedWhole) {
    Differentiated d = differentiateSource(std::string(kStruct) + R"(def setw(x : In[float], q : Out[S]):
    q.w = x * x

def f(x : In[float], s : In[S]) -> float:
    y : float = s.w * x
    setw(x, s)
    return y + s.w * x

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string text = functionText(d, "r_f");
    EXPECT_NE(text.find("_t_s = s"), std::string::npos) << text;
    EXPECT_NE(text.find("s = _t_s"), std::string::npos) << text;
}

// s is read only linearly: nothing to restore, so no diagnostic.
TEST(AdCallOverwrites, UnboundedMemberOverwrittenButNotReadNeedsNothing) {
    Differentiated d = differentiateSource(std::string(kStruct) + R"(def fill(x : In[float], a : Out[Array[float]]):
    a[0] = x * x

def f(x : In[float], s : In[S]) -> float:
    y : float = x * x
    fill(x, s.v)
    return y + s.v[0] + s.w
r_f = rev_diff(f)
)");
    EXPECT_TRUE(d.ok) << d.diagnostics();
}

TEST(AdCallOverwrites, MaybeWrittenMemberUsesConsumingDerivative) {
    Differentiated d = differentiateSource(R"(class Q:
    a : float
    b : float

def maybe_seta(x : In[float], q : Out[Q]):
    if x > 0.0:
        q.a = x * x

def both(x : In[float], q : Out[Q]):
    if x > 0.0:
        q.a = x * x
    else:
        q.a = x

def h(x : In[float], y : In[float]) -> float:
    q : Q
    q.a = y * 2.0
    maybe_seta(x, q)
    return q.a * y

def k(x : In[float], y : In[float]) -> float:
    q : Q
    q.a = y * 2.0
    both(x, q)
    return q.a * y

r_h = rev_diff(h)
r_k = rev_diff(k)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    // Written on some paths: the adjoint goes by reference to the consuming derivative, and the
    // caller does not zero it afterwards.
    std::string h = functionText(d, "r_h");
    EXPECT_NE(h.find("_d_rev_inout_maybe_seta(x, _d_x, _d_q)"), std::string::npos) << h;
    EXPECT_EQ(h.find("_d_q.a = 0.0\n    _adj"), std::string::npos) << h;
    const ast::Function* inout = d.fn("_d_rev_inout_maybe_seta");
    ASSERT_NE(inout, nullptr);
    ASSERT_EQ(inout->params.size(), 3u);
    EXPECT_EQ(inout->params[2].name, "_dq");
    EXPECT_TRUE(inout->params[2].isOut);
    // Written on every path: the ordinary derivative, then the caller zeroes q.a's adjoint.
    std::string k = functionText(d, "r_k");
    EXPECT_NE(k.find("_d_rev_both(x, _d_x, _d_q)\n    _d_q.a = 0.0"), std::string::npos) << k;
    EXPECT_EQ(d.fn("_d_rev_inout_both"), nullptr);
}

// rev_diff of a function that replays a reverse derivative consuming its own In array, whose
// values the callee's reverse derivative reads (g is not linear): the replay would consume
// the array before the reverse sweep reads it.
TEST(AdCallOverwrites, ConsumedInArrayReadByCalleeReverseIsDiagnosed) {
    Differentiated d = differentiateSource(R"(def g(x : In[float], y : Out[Array[float]]):
    y[0] = x * x

r_g = rev_diff(g)

def h(x : In[float], dy : In[Array[float]]) -> float:
    dx : float
    r_g(x, dx, dy)
    return dx * dx

rh = rev_diff(h)
)");
    EXPECT_FALSE(d.ok);
    std::string diags = d.diagnostics();
    EXPECT_EQ(diags.substr(0, diags.find(' ', 5)), "8:16 rev-unsized-overwrite") << diags;
}

}  // namespace
}  // namespace lomaw::ad::test
