// Internal to engine/fortran: the parser class shared by FortranParser.cpp (program units and
// dispatch), FortranDeclarations.cpp, FortranStatements.cpp, FortranExpressions.cpp and
// FortranPragma.cpp (OpenMP directives).
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "fortran/FortranLines.h"
#include "fortran/FortranParser.h"
#include "fortran/FortranTokens.h"
#include "omp/LoopDirective.h"
#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"

namespace lomaw::fortran {

// A declared (or implicitly typed) name: variable, named constant or derived-type component.
struct Entity {
    enum class Base { Int, Real, Logical, Character, Complex, Derived, Unknown };
    Base base = Base::Unknown;
    std::string derived;                 // Base::Derived: the type's name
    int rank = 0;
    std::vector<long long> extents;      // per dimension, 0 when not constant
    bool dummy = false;
    enum class Intent { None, In, Out, InOut } intent = Intent::None;
    bool parameter = false;              // a named constant
    bool saved = false;                  // save, initialised, common, data: one copy for all threads
    bool external = false;               // a procedure (external / procedure statement)
    bool typed = false;                  // has an explicit type
    bool guessed = false;                // undeclared, assumed to come from a module outside the file
    std::optional<long long> value;      // integer named constants
    std::vector<std::pair<int, int>> branches;  // the preprocessor branches it is declared in (see ppBranches_)
    int blockScope = 0;                  // declared in a BLOCK construct: its serial (Frame::scope)
    SourceLoc loc;
    TypePtr type() const;                // int/float element in `rank` nested arrays
    bool hasValueType() const { return base != Base::Derived; }
};

struct DerivedType {
    std::string name;
    std::map<std::string, Entity> components;
};

// One scoping unit: a module's specification part or a procedure/program.
struct Symbols {
    std::map<std::string, Entity> names;
    std::vector<std::string> order;
    std::map<std::string, DerivedType> types;
    std::array<char, 26> implicit{};            // per letter: 'i','r','l','c','z','n' (none), 0 (host's)
    std::vector<std::string> externalModules;   // USE'd modules that are not in the file
};

class FortranParserImpl {
public:
    FortranParserImpl(DiagnosticSink& diags, const std::vector<LogicalLine>& lines);
    Unit run();

private:
    // ---------------------------------------------------------------- structure
    struct Frame {
        enum class Kind { Do, If, Select, Where, Block } kind = Kind::Do;
        std::string endWord;             // "do", "if", "select", "where", "forall", "block", ...
        std::string name;                // construct name
        long long label = 0;             // do 10 i = ...: the terminating label
        ast::Stmt* top = nullptr;        // the construct's statement
        ast::Stmt* cur = nullptr;        // If/Select: the innermost If of the chain
        ast::Block* block = nullptr;     // where statements go
        bool jumped = false;             // a cycle/exit/... may have skipped the rest of `block`
        bool sawCase = false;            // Select: a case is open
        int loopIndex = -1;              // an OpenMP loop: index into loops_
        int scope = 0;                   // a BLOCK construct: its serial, the scope of its declarations
        SourceLoc loc;
    };
    struct Region {                      // an open `!$omp parallel`
        SourceLoc loc;
        std::map<std::string, omp::DataSharing> clauses;
        std::optional<omp::Scope> defaultScope;
        bool defaultNone = false;
        std::vector<std::string> listed;
    };
    struct Level {
        enum class Kind { Module, Program, Subroutine, Function, Other } kind = Kind::Module;
        std::string name;
        SourceLoc loc;
        Symbols symbols;
        bool contains = false;           // after CONTAINS: procedures follow
        bool skipBody = false;           // Other (block data, submodule): statements are skipped
        ast::Function fn;
        std::vector<std::string> dummies;
        std::string result;
        std::vector<Frame> frames;
        ast::Block* body = nullptr;      // where body-level statements go (&fn.body or a wrapper)
        bool jumped = false;
        std::set<std::string> reported;  // undeclared names already reported
        std::map<std::string, TypePtr> used;      // host/module names and component paths used
        std::map<std::string, std::string> aliases;  // associate name -> target path
        std::vector<Region> regions;
        std::vector<int> loops;          // loops_ indices of this procedure
        bool pointerNoted = false;
    };
    struct PendingDirective {
        SourceLoc loc;
        std::string construct;
        omp::LoopDirective directive;
        ast::Pragma pragma;              // the loop clauses in kernel form (compatibility)
        int collapse = 1;
        std::vector<std::string> listed;
        std::string defaultWord;         // "none", "shared", ...
        bool beforePreprocessorLine = false;  // a #if/#else line followed it: an alternative may come
    };

    // ---- dispatch and units (FortranParser.cpp)
    void line(const LogicalLine& l);
    void statement();
    bool unitStatement(const std::string& w);
    void beginProcedure(Level::Kind kind, size_t nameAt, size_t afterName);
    void beginModule();
    void beginProgram(const Token& at, const std::string& name);
    void endUnit(const Token& at);
    void finishProcedure(Level& lv);
    void useStatement();
    // include 'file': the file is not read; like a module outside the file, it may declare names.
    void includeLine();
    // enum, bind(c) / enumerator :: a, b = 5, c / end enum: integer named constants.
    void enumStatement(const std::string& word);
    long long nextEnumerator_ = 0;  // the value of an enumerator without "= value"
    // The named constants of intrinsic module `module`: those `renames` names (local -> remote),
    // and, unless the use has an only list, all the others under their own names.
    void importIntrinsicConstants(const std::string& module, Symbols& into,
                                  const std::map<std::string, std::string>& renames, bool onlyRenamed, SourceLoc at);
    void implicitStatement();
    void skipUntilEnd(const std::string& what, const Token& at, const std::optional<Message>& skipped);
    Level* procedure();                  // the innermost procedure/program level, or null
    Level& top() { return *levels_.back(); }
    void prescan(const std::vector<LogicalLine>& lines);

    // ---- declarations (FortranDeclarations.cpp)
    bool isDeclarationStart() const;
    void typeDeclaration();
    void attributeStatement(const std::string& w);
    void derivedTypeDefinition();
    void typeDefinitionLine();
    void parameterStatement();
    void commonStatement();
    void dataStatement();
    bool typeSpec(Entity& base);        // after the type keyword(s): kind/len selectors
    void dimensions(Entity& e, bool evaluate);
    Entity* declare(const std::string& name, SourceLoc at, const Entity& proto);
    std::optional<long long> constantValue(const ast::Expr& e) const;
    Entity implicitEntity(const std::string& name) const;

    // ---- executable statements (FortranStatements.cpp)
    void executable(const std::string& w, const std::string& constructName, long long label);
    void assignment();
    void callStatement();
    void doStatement(const std::string& constructName, long long label);
    void concurrentHeader(const Token& kw, const std::string& constructName, const std::string& endWord);
    void ifStatement(const std::string& constructName, long long label);
    void elseStatement();
    void selectStatement(const std::string& constructName);
    void caseStatement();
    void whereStatement(const std::string& constructName);
    void elsewhereStatement();
    void blockStatement(const std::string& endWord, const std::string& constructName);
    void associateStatement(const std::string& constructName);
    void endConstruct(const Token& kw, const std::string& what);
    void jump(const std::string& kind, const Token& at);
    void ioStatement(const std::string& w);
    void allocateStatement(bool allocate);
    void nullifyStatement();
    void closeLabelledDo(long long label);
    void push(ast::StmtPtr s);
    ast::Block& block();
    void openFrame(Frame f);
    void openConstruct(ast::StmtPtr s, Frame::Kind kind, const std::string& endWord, const std::string& name,
                       SourceLoc at);
    void closeFrame(const Frame& f);
    ast::StmtPtr readsOf(std::vector<ast::ExprPtr> exprs, SourceLoc at, const char* callee = "__reads");
    // Implied do loops `(items, name = first, last[, step])`, in array constructors and I/O lists.
    bool opensImpliedDo() const;
    ast::StmtPtr impliedDoControl(SourceLoc at);

    // ---- expressions (FortranExpressions.cpp)
    ast::ExprPtr expression();
    ast::ExprPtr equivExpr();
    ast::ExprPtr orExpr();
    ast::ExprPtr andExpr();
    ast::ExprPtr notExpr();
    ast::ExprPtr relational();
    ast::ExprPtr concat();
    ast::ExprPtr additive();
    ast::ExprPtr multiplicative();
    ast::ExprPtr power();
    ast::ExprPtr unary();
    ast::ExprPtr primary();
    ast::ExprPtr subscriptArg();
    ast::ExprPtr arrayConstructor(const Token& open, const char* close);
    std::vector<ast::ExprPtr> callArguments(const std::string& callee);
    ast::ExprPtr reference(const Token& name, bool asTarget);
    ast::ExprPtr intrinsicCall(const Token& name, std::vector<ast::ExprPtr> args);
    const Entity* lookup(const std::string& name, bool* fromHost = nullptr) const;
    const Entity* resolve(const Token& name, bool reportUndeclared);
    const DerivedType* findType(const std::string& name) const;
    bool externalModuleInScope() const;
    int rankOf(const ast::Expr& e) const;
    size_t argumentCount() const;        // at '(': the number of top-level arguments
    void use(const std::string& flat, TypePtr type);

    // ---- OpenMP (FortranPragma.cpp)
    void directive(const LogicalLine& l);
    bool clauses(PendingDirective& d, bool region, Region* r);
    void attachDirective(ast::Stmt& loop, Frame& frame);
    void finishLoop(const Frame& frame);
    void checkDefaultNone(const ast::Stmt& loop, const std::vector<std::string>& listed, SourceLoc at);


    // ---- diagnostics
    void error(SourceLoc at, const Message& message);  // the statement's first error only
    bool inLaterBranch() const;                         // in an #elif/#else branch
    void note(SourceLoc at, const Message& message);   // a note of its own (fortran-skipped, ...)
    void unsupported(const Token& at, const Message& what);


    // ---- token cursor
    const Token& peek(size_t ahead = 0) const;
    const Token& next();
    bool accept(const char* text);
    bool expect(const char* text);
    bool atEnd() const { return peek().kind == Token::Kind::End; }
    size_t matching(size_t open) const;  // index of the ')' closing toks_[open], or toks_.size()
    bool assignmentShape() const;        // ref [(..)] {% ref [(..)]} = ...

    DiagnosticSink& diags_;
    const std::vector<LogicalLine>& lines_;
    Unit unit_;
    std::vector<Token> toks_;
    size_t k_ = 0;
    bool failed_ = false;                // an error was reported on the current statement
    int lastLine_ = 0;

    std::vector<std::unique_ptr<Level>> levels_;
    std::map<std::string, Symbols> modules_;           // finished modules of this file, for USE
    std::set<std::string> fileModules_;                // every module defined in the file (prescan)
    std::map<std::string, std::vector<std::string>> procedures_;  // name -> dummies (prescan)
    std::set<std::string> functions_;                  // procedures that are functions (prescan)
    std::set<std::string> calledExternals_;            // noted external procedures
    std::map<std::string, size_t> stubArity_;          // external procedures: most arguments seen
    std::set<std::string> threadPrivate_;
    std::optional<PendingDirective> pending_;          // a loop directive waiting for its do
    std::vector<PendingDirective> loopDirectives_;     // per loops_ entry
    std::vector<ast::StmtPtr> before_;                 // statements to insert before the current one
    std::string skipUntil_;                            // skipping lines until `end <this>`
    std::optional<DerivedType> typeDef_;               // a derived-type definition being read
    bool typeContains_ = false;                        // its type-bound procedure part
    bool atomicNext_ = false;                          // !$omp atomic: the next statement
    bool preprocessorNoted_ = false;
    // The open preprocessor conditions at the current line, outermost first: (condition, branch),
    // a condition numbered in source order and its #if/#elif/#else branches from 0. Two
    // declarations of a name in different branches of one condition are alternatives, not twice.
    std::vector<std::pair<int, int>> ppBranches_;
    std::vector<size_t> ppDepthAtIf_;    // per open condition: constructDepth() at its #if
    size_t ppSkipping_ = 0;              // > 0: skipping the later branches of condition ppBranches_[ppSkipping_-1]
    int ppConditions_ = 0;
    size_t constructDepth() const;       // open program units and constructs
    int blockScopes_ = 0;                // BLOCK constructs opened so far
    int currentBlockScope();             // the innermost open BLOCK construct's serial, or 0
    void preprocessorLine(const std::string& word, SourceLoc at);
    bool alternativeBranches(const std::vector<std::pair<int, int>>& a) const;
};

}  // namespace lomaw::fortran
