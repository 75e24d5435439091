// Resolved (semantic) types, as the type checker computes them and every later stage reads
// them. Lives beside the ast because typed ast nodes carry them.
//
// `Diff[T]` never appears here: the checker resolves it to int, `_dfloat` or `_dS`
// (docs/language.md §2.6). In/Out qualifiers are not types; they live on parameters.
#pragma once

#include <memory>
#include <string>

namespace lomaw {

struct Type;
using TypePtr = std::shared_ptr<const Type>;

struct Type {
    enum class Kind { Void, Int, Float, Struct, Array };

    Kind kind = Kind::Void;
    std::string structName;  // Struct: the struct's name (user or generated, e.g. "_dfloat")
    TypePtr elem;            // Array: element type
    int size = 0;            // Array: N of Array[T, N]; 0 for unbounded Array[T]
    // Int of generated code only: a position or capacity of a reverse-mode tape, which the C
    // backend holds in 64 bits (a 32-bit count could wrap on long tapes, and under -fwrapv a
    // wrapping index keeps GCC from vectorizing the loops that push). Spelled and typed as int.
    bool wide = false;

    bool isVoid() const { return kind == Kind::Void; }
    bool isInt() const { return kind == Kind::Int; }
    bool isFloat() const { return kind == Kind::Float; }
    bool isScalar() const { return kind == Kind::Int || kind == Kind::Float; }
    bool isStruct() const { return kind == Kind::Struct; }
    bool isArray() const { return kind == Kind::Array; }
    bool isUnboundedArray() const { return kind == Kind::Array && size == 0; }

    static TypePtr voidType();
    static TypePtr intType();
    static TypePtr wideIntType();  // an int the C backend holds in 64 bits (tape positions)
    static TypePtr floatType();
    static TypePtr structType(std::string name);
    static TypePtr arrayOf(TypePtr elem, int size = 0);
};

// Structural identity of docs/language.md §2.5 (structs by name, arrays by element and size).
bool sameType(const Type& a, const Type& b);
inline bool sameType(const TypePtr& a, const TypePtr& b) { return a && b && sameType(*a, *b); }

// Kernel spelling: "float", "Foo", "Array[float]", "Array[Array[float, 4], 3]", "void".
std::string toString(const Type& t);
inline std::string toString(const TypePtr& t) { return t ? toString(*t) : "<?>"; }

}  // namespace lomaw
