// C memory layout of kernel types (docs/language.md §7): natural size and alignment as on x86-64 SysV
// and AArch64. int and float are 4 bytes; structs place members in order at aligned offsets;
// a static array stored inline (member) is contiguous, nested static dimensions included
// (`float m[3][4]`); an unbounded array stored inline is one pointer.
//
// Arrays reached through parameters use pointer layout instead: a pointer to a buffer whose
// elements are pointers again when the element type is an array (static sizes ignored), and
// inline values otherwise.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "runtime/Signature.h"

namespace lomaw::runtime {

struct Layout {
    size_t size = 0;
    size_t align = 1;
};

inline constexpr Layout kPointerLayout{sizeof(void*), alignof(void*)};

struct StructLayout {
    Layout layout;
    std::vector<size_t> memberOffsets;  // in declaration order
};

class LayoutComputer {
public:
    explicit LayoutComputer(const StructTable& structs) : structs_(structs) {}

    // Storage of a value of type t held inline (a member, a by-value parameter, a return slot).
    // Throws EngineBug for an unknown or recursive struct or an untyped member.
    Layout inlineLayout(const Type& t);
    // One element of the buffer an array pointer (parameter or unbounded member) points to.
    Layout bufferElementLayout(const Type& arrayType);
    const StructLayout& structLayout(const std::string& name);

    const StructTable& structs() const { return structs_; }

private:
    const StructTable& structs_;
    std::map<std::string, StructLayout> done_;
    std::vector<std::string> inProgress_;
};

}  // namespace lomaw::runtime
