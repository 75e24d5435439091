#include <gtest/gtest.h>

#include "RuntimeTestSupport.h"
#include "runtime/EngineBug.h"
#include "runtime/Layout.h"

namespace lomaw::runtime {
namespace {

using namespace test;

// Expected numbers are C's, worked out by hand for x86-64 SysV / AArch64 (and checked against a
// real compiler in test_runner's layout tests).
TEST(Layout, Scalars) {
    StructTable structs;
    LayoutComputer l(structs);
    EXPECT_EQ(l.inlineLayout(*tInt()).size, 4u);
    EXPECT_EQ(l.inlineLayout(*tFloat()).align, 4u);
    EXPECT_EQ(l.inlineLayout(*tArray(tFloat())).size, 8u);  // unbounded inline: a pointer
}

TEST(Layout, StructWithInlineAndNestedStaticArrays) {
    // struct { float pos[3]; float m[2][3]; int id; }  -> 12 + 24 + 4 = 40, align 4
    ast::StructDecl p = makeStruct("Particle", {{"pos", tArray(tFloat(), 3)},
                                                {"m", tArray(tArray(tFloat(), 3), 2)},
                                                {"id", tInt()}});
    StructTable structs;
    structs.add(p);
    LayoutComputer l(structs);
    const StructLayout& sl = l.structLayout("Particle");
    EXPECT_EQ(sl.layout.size, 40u);
    EXPECT_EQ(sl.layout.align, 4u);
    EXPECT_EQ(sl.memberOffsets, (std::vector<size_t>{0, 12, 36}));
}

TEST(Layout, PointerMembersAlignToEight) {
    // struct { int n; float* data; float w[3]; float* rows[2]; }
    //   n @0, data @8, w @16 (12 bytes), rows @32 (16 bytes) -> size 48, align 8
    ast::StructDecl b = makeStruct("Buf", {{"n", tInt()},
                                           {"data", tArray(tFloat())},
                                           {"w", tArray(tFloat(), 3)},
                                           {"rows", tArray(tArray(tFloat()), 2)}});
    StructTable structs;
    structs.add(b);
    LayoutComputer l(structs);
    const StructLayout& sl = l.structLayout("Buf");
    EXPECT_EQ(sl.memberOffsets, (std::vector<size_t>{0, 8, 16, 32}));
    EXPECT_EQ(sl.layout.size, 48u);
    EXPECT_EQ(sl.layout.align, 8u);
}

TEST(Layout, TailPaddingAndNestedStructs) {
    // Inner { float* p; int k; } -> size 16 (k @8, 4 bytes tail padding), align 8
    // Outer { int a; Inner in[2]; int b; } -> a @0, in @8 (32 bytes), b @40 -> size 48
    ast::StructDecl inner = makeStruct("Inner", {{"p", tArray(tFloat())}, {"k", tInt()}});
    ast::StructDecl outer = makeStruct("Outer", {{"a", tInt()}, {"in", tArray(tStruct("Inner"), 2)}, {"b", tInt()}});
    StructTable structs;
    structs.add(inner);
    structs.add(outer);
    LayoutComputer l(structs);
    EXPECT_EQ(l.structLayout("Inner").layout.size, 16u);
    EXPECT_EQ(l.structLayout("Outer").memberOffsets, (std::vector<size_t>{0, 8, 40}));
    EXPECT_EQ(l.structLayout("Outer").layout.size, 48u);
}

TEST(Layout, BufferElementsOfParameterArrays) {
    ast::StructDecl df = dfloatStruct();
    StructTable structs;
    structs.add(df);
    LayoutComputer l(structs);
    // Array[Array[float, 4], 3] as a parameter is float**: elements are pointers.
    EXPECT_EQ(l.bufferElementLayout(*tArray(tArray(tFloat(), 4), 3)).size, 8u);
    EXPECT_EQ(l.bufferElementLayout(*tArray(tStruct("_dfloat"))).size, 8u);
    EXPECT_EQ(l.bufferElementLayout(*tArray(tInt(), 5)).size, 4u);
}

TEST(Layout, UnknownAndRecursiveStructsAreEngineBugs) {
    ast::StructDecl r = makeStruct("R", {{"again", tArray(tStruct("R"), 2)}});
    StructTable structs;
    structs.add(r);
    LayoutComputer l(structs);
    EXPECT_THROW(l.structLayout("Nope"), EngineBug);
    EXPECT_THROW(l.structLayout("R"), EngineBug);
}

}  // namespace
}  // namespace lomaw::runtime
