// The syntax tree of a kernel module.
//
// One tree serves every stage: the parser builds it "as written" (type annotations as
// TypeExpr, Diff[...] and qualifiers kept), the type checker fills `type`/`resolved` fields and
// wraps implicit conversions in int2float/float2int calls, and AD appends generated functions
// built from the same nodes. Nodes are plain tagged structs (not a class hierarchy) because
// every pass needs deep copies (clone) and structural comparison (equal) — the round-trip test
// of the pretty printer and the AD generator both stand on them.
//
// Every node keeps the SourceLoc it came from; generated nodes keep their primal statement's.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "syntax/SourceLoc.h"
#include "syntax/Type.h"

namespace lomaw::ast {

// ---------------------------------------------------------------- type annotations (syntax)

struct TypeExpr;
using TypeExprPtr = std::unique_ptr<TypeExpr>;

struct TypeExpr {
    enum class Kind {
        Int,    // int
        Float,  // float
        Named,  // a struct name, including generated ones written directly (_dfloat)
        Array,  // Array[elem] or Array[elem, size]
        Diff,   // Diff[elem]
        In,     // In[elem]  (meaningful only as a parameter's outermost wrapper)
        Out,    // Out[elem]
    };
    Kind kind = Kind::Int;
    SourceLoc loc;
    std::string name;        // Named
    TypeExprPtr elem;        // Array, Diff, In, Out
    long long size = 0;      // Array: the literal as written; 0 when absent (unbounded)
    bool hasSize = false;    // Array: true when a size was written (even a bad one, e.g. 0)
    SourceLoc sizeLoc;       // Array: position of the size literal (when hasSize)
};

// ---------------------------------------------------------------- expressions

enum class BinaryOp { Add, Sub, Mul, Div, Less, LessEq, Greater, GreaterEq, Equal, And, Or };

const char* spelling(BinaryOp op);  // "+", "<=", "and", ...

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
    enum class Kind {
        IntLit,    // intValue
        FloatLit,  // floatValue (the literal's double; rounded to float by the backend)
        Var,       // name
        Index,     // base[index]          : operands {base, index}
        Member,    // base.name            : operands {base}
        Neg,       // -operand             : operands {operand}
        Binary,    // lhs op rhs           : operands {lhs, rhs}
        Call,      // name(args...)        : operands = arguments
    };
    Kind kind = Kind::IntLit;
    SourceLoc loc;            // start of the expression; for Binary: the operator
    long long intValue = 0;
    double floatValue = 0.0;
    std::string name;         // Var: variable; Member: member; Call: callee
    BinaryOp op = BinaryOp::Add;
    std::vector<ExprPtr> operands;

    // Filled by the type checker.
    TypePtr type;
    // Set by the checker on int2float/float2int calls it inserted (printed by `diff`,
    // dropped by `ast`, which prints the module as written).
    bool implicitConversion = false;
};

// ---------------------------------------------------------------- pragmas (§9.2)

struct PragmaClause {
    enum class Kind { Shared, Private, FirstPrivate, Reduction, Default, Unknown };
    Kind kind = Kind::Unknown;
    SourceLoc loc;
    std::string word;   // the clause word as written ("shared", "schedule", ...)
    std::string op;     // Reduction: the operator as written ("+"); Default: "none"/"shared"/"private"
    struct Item {
        std::string name;
        SourceLoc loc;
    };
    std::vector<Item> vars;  // list items (Shared/Private/FirstPrivate/Reduction)
    std::string rawArgs;     // Unknown: the parenthesised text, kept for messages
};

struct Pragma {
    SourceLoc loc;  // the '#' of the comment
    std::vector<PragmaClause> clauses;
    // Generated pragmas only (reverse-mode adjoint loops): one line per scope decision, emitted
    // by the C backend as comments above the pragma. Empty for written pragmas.
    std::vector<std::string> notes;
    // Generated pragmas only: array adjoints reduced through per-thread copies (reduction(+) of
    // an array). Each thread adds into its own zeroed copy of `name`; the copies are summed into
    // the original over the elements [lower, upper), two int variables set before the loop.
    struct ArrayReduction {
        std::string name, lower, upper;
    };
    std::vector<ArrayReduction> arrayReductions;
};

// ---------------------------------------------------------------- statements

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

struct Stmt {
    enum class Kind {
        Declare,   // name : declType [= value]
        Assign,    // target = value
        Return,    // return value
        CallStmt,  // value (a Call expression)
        If,        // if value: body else: orelse   (elif = orelse holding a single If)
        While,     // while (value, max_iter := maxIter): body
        For,       // [pragma] for loopVar in range(rangeArgs...): body
    };
    Kind kind = Kind::Declare;
    SourceLoc loc;
    std::string name;          // Declare: variable; For: loop variable
    SourceLoc nameLoc;         // Declare/For: position of the name
    TypeExprPtr declType;      // Declare
    ExprPtr target;            // Assign: the lvalue
    ExprPtr value;             // Declare init (may be null), Assign rhs, Return, CallStmt, If/While condition
    Block body;                // If then-branch, While/For body
    Block orelse;              // If else-branch (empty when absent)
    long long maxIter = 0;     // While
    SourceLoc maxIterLoc;      // While: position of the max_iter literal
    std::vector<ExprPtr> rangeArgs;  // For: 1 to 3 arguments, as written
    std::optional<Pragma> pragma;    // For: the `#pragma omp parallel for` line above it

    // Filled by the type checker.
    TypePtr resolved;          // Declare: the variable's type
};

// ---------------------------------------------------------------- top-level items

struct Param {
    std::string name;
    SourceLoc loc;
    TypeExprPtr annotation;    // as written, including the In[...] / Out[...] wrapper
    // Filled by the type checker (or by AD for generated functions).
    bool isOut = false;
    TypePtr resolved;          // the type inside the qualifier
};

struct Function {
    std::string name;
    SourceLoc loc;             // the `def` keyword
    SourceLoc nameLoc;
    bool simd = false;
    bool openMpi = false;
    std::vector<Param> params;
    TypeExprPtr returnAnnotation;  // null for a void function
    Block body;

    // Filled by the type checker.
    TypePtr returnType;        // Void for a void function
    // Set for functions produced by differentiation.
    bool generated = false;
    std::string derivedFrom;   // the primal's name (generated or declared derivatives)
    // A small generated helper (the dual-number arithmetic of nested fwd_diff) called from
    // every expression of the code using it: C emits it `static inline`, so the compiler
    // inlines it whatever its size heuristics say (calls returning structs cost more than
    // the arithmetic).
    bool inlineHelper = false;
    // Set by the parser when an error was reported inside this function (a statement,
    // parameter or annotation was dropped or damaged): the checker skips its body and, when the
    // header itself is damaged (some parameter or annotation missing), checks calls leniently.
    bool incomplete = false;
};

struct Member {
    std::string name;
    SourceLoc loc;
    TypeExprPtr annotation;
    TypePtr resolved;          // filled by the type checker
};

struct StructDecl {
    std::string name;
    SourceLoc loc;
    std::vector<Member> members;
    bool generated = false;    // a differential struct added by the checker (_dfloat, _dS)
    SourceLoc nameLoc;         // position of the struct's name (invalid for generated ones)
    // Set by the parser when a syntax error was reported inside this struct (a member line was
    // dropped or damaged): its member list may be incomplete, so the checker is lenient.
    bool incomplete = false;
};

struct DiffDecl {
    enum class Mode { Forward, Reverse };
    std::string name;          // the derivative function's name
    SourceLoc loc;
    Mode mode = Mode::Forward;
    std::string target;        // the primal's name
    SourceLoc targetLoc;
};

using Item = std::variant<StructDecl, Function, DiffDecl>;

struct Module {
    std::vector<Item> items;   // source order

    // Lookups over items (null when absent).
    Function* findFunction(const std::string& name);
    const Function* findFunction(const std::string& name) const;
    StructDecl* findStruct(const std::string& name);
    const StructDecl* findStruct(const std::string& name) const;
    std::vector<Function*> functions();
    std::vector<const Function*> functions() const;
    std::vector<const StructDecl*> structs() const;
};

// ---------------------------------------------------------------- helpers

ExprPtr clone(const Expr& e);
StmtPtr clone(const Stmt& s);
TypeExprPtr clone(const TypeExpr& t);
Block clone(const Block& b);
Function clone(const Function& f);
StructDecl clone(const StructDecl& s);
Module clone(const Module& m);

// Structural equality ignoring source locations and checker annotations: what the pretty
// printer's round trip must preserve.
bool equal(const Expr& a, const Expr& b);
bool equal(const Stmt& a, const Stmt& b);
bool equal(const TypeExpr& a, const TypeExpr& b);
bool equal(const Module& a, const Module& b);

// Node constructors used by passes that build code.
ExprPtr makeInt(long long v, SourceLoc loc = {});
ExprPtr makeFloat(double v, SourceLoc loc = {});
ExprPtr makeVar(std::string name, SourceLoc loc = {});
ExprPtr makeIndex(ExprPtr base, ExprPtr index, SourceLoc loc = {});
ExprPtr makeMember(ExprPtr base, std::string member, SourceLoc loc = {});
ExprPtr makeNeg(ExprPtr operand, SourceLoc loc = {});
ExprPtr makeBinary(BinaryOp op, ExprPtr lhs, ExprPtr rhs, SourceLoc loc = {});
ExprPtr makeCall(std::string callee, std::vector<ExprPtr> args, SourceLoc loc = {});

}  // namespace lomaw::ast
