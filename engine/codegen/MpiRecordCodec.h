// C code that moves kernel values between the MPI record format and C memory (docs/language.md §7).
//
// Record format (docs/mpi.md), type-directed, no padding, host byte order:
//   int, float      4 bytes (int32, binary32)
//   struct S        its members in declaration order
//   array           uint32 element count, then the elements (static arrays too)
//   returned array  uint32 0xFFFFFFFF for a pointer that is not one of the call's buffers (null)
// One input set is the parameters in order; one result is the return value (if any) and then
// every parameter after the call, at the input shapes.
//
// The generated worker keeps a registry of the buffers it allocated for one call, in the
// pre-order in which they were filled — the order of runtime::ArgumentMemory — so that results
// are read from those buffers (not from pointers the kernel may have overwritten) and returned
// pointers print exactly as `lomaw run` prints them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "syntax/Ast.h"
#include "syntax/Type.h"

namespace lomaw::codegen {

// The fixed support code every codec needs (reader, writer, buffer registry). With `checkBounds`
// every buffer is also given to the kernel's bounds registry (CBoundsChecks.h), emptied with it.
std::string mpiCodecSupport(bool checkBounds = false);

// Builds the per-type functions on demand; each function is emitted once, after the functions
// it calls, so no prototypes are needed.
class MpiRecordCodec {
public:
    // `module` is checked: every struct a type names is declared there with resolved members.
    explicit MpiRecordCodec(const ast::Module& module) : module_(module) {}

    // Decode a value stored inline (a by-value parameter, a member) at `void* at`.
    std::string decodeInline(const Type& t);
    // Decode an array into a new buffer; the function returns the buffer (void*).
    std::string decodeBuffer(const Type& arrayType);
    // Encode an inline value after the call (unbounded members come from the registry).
    std::string encodeInline(const Type& t);
    // Encode the next registered buffer (an array parameter or nested array).
    std::string encodeBuffer(const Type& arrayType);
    // Encode a returned value (pointers looked up in the registry, else null).
    std::string encodeReturned(const Type& t);

    // C expressions for sizes: a value stored inline, one element of an array's buffer.
    static std::string inlineSize(const Type& t);
    static std::string bufferElementSize(const Type& arrayType);

    // The definitions built so far, in dependency order.
    const std::string& definitions() const { return code_; }

private:
    // What an unbounded array stored inline stands for when encoding: our registered buffer
    // (a parameter or member after the call) or the pointer itself (a returned value).
    enum class EncodePolicy { AfterCall, Returned };
    std::string encodeValue(const Type& t, EncodePolicy policy);
    std::string encodeReturnedPointer(const Type& arrayType);
    int typeId(const Type& t);
    // Name of the function `kind` for `t`; `fresh` tells whether it must still be defined.
    std::string name(const std::string& kind, const Type& t, bool& fresh);

    const ast::StructDecl& structDecl(const Type& t) const;

    const ast::Module& module_;
    std::map<std::string, int> typeIds_;
    std::map<std::string, std::string> done_;
    std::string code_;
};

// C spelling of a value type (int, float, S); used for locals holding by-value parameters.
std::string mpiValueType(const Type& t);

}  // namespace lomaw::codegen
