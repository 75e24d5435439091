// A kernel value on the host side: what --args JSON parses into, what is marshalled into C
// memory, and what is read back and printed. Structs keep their members in declaration order
// (names come from the struct declaration); lists are arrays of any length (ragged allowed).
#pragma once

#include <cstdint>
#include <vector>

namespace lomaw::runtime {

struct Value {
    enum class Kind { Null, Int, Float, Struct, List };
    Kind kind = Kind::Null;
    int32_t intValue = 0;
    float floatValue = 0.0f;
    std::vector<Value> items;  // Struct: members in declaration order; List: elements

    static Value ofInt(int32_t v) { Value x; x.kind = Kind::Int; x.intValue = v; return x; }
    static Value ofFloat(float v) { Value x; x.kind = Kind::Float; x.floatValue = v; return x; }
    static Value ofStruct(std::vector<Value> members) { return compound(Kind::Struct, std::move(members)); }
    static Value ofList(std::vector<Value> elements) { return compound(Kind::List, std::move(elements)); }

private:
    static Value compound(Kind k, std::vector<Value> items) {
        Value x;
        x.kind = k;
        x.items = std::move(items);
        return x;
    }
};

}  // namespace lomaw::runtime
