// Internal to engine/fortran: the statement parser (FortranParser.cpp), expressions
// (FortranExpressions.cpp) and the OpenMP directive (FortranPragma.cpp) share this class.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fortran/FortranLines.h"
#include "fortran/FortranTokens.h"
#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"

namespace lomaw::fortran {

struct Declared {
    TypePtr type;
    bool isParam = false;
    bool intentIn = false;
    SourceLoc loc;
};

class FortranParserImpl {
public:
    explicit FortranParserImpl(DiagnosticSink& diags) : diags_(diags) {}
    ast::Module run(const std::vector<LogicalLine>& lines);

private:
    // ---- statements (FortranParser.cpp)
    struct Frame {
        enum class Kind { Do, If } kind = Kind::Do;
        ast::Stmt* top = nullptr;   // the do / the first if of an if-else if chain
        ast::Stmt* cur = nullptr;   // the innermost if of the chain
        ast::Block* block = nullptr;
    };
    void statement(const LogicalLine& line);
    void subroutineHeader();
    void finishFunction(SourceLoc at);
    void declaration();
    void doStatement();
    void ifStatement();
    void elseStatement();
    void endStatement();
    ast::StmtPtr simpleStatement();  // assignment or call; null after an error
    ast::Block& currentBlock();
    void unsupported(const Token& at, const std::string& what);

    // ---- expressions (FortranExpressions.cpp)
    ast::ExprPtr expression();
    ast::ExprPtr orExpr();
    ast::ExprPtr andExpr();
    ast::ExprPtr notExpr();
    ast::ExprPtr relational();
    ast::ExprPtr additive();
    ast::ExprPtr multiplicative();
    ast::ExprPtr power();
    ast::ExprPtr primary();
    ast::ExprPtr subscriptArg();
    ast::ExprPtr reference(const Token& name, bool asTarget);
    ast::ExprPtr variable(const Token& name);
    bool isArray(const std::string& name) const;

    // ---- OpenMP (FortranPragma.cpp)
    void directive(const LogicalLine& line);
    void checkPragma(const ast::Stmt& loop);

    // ---- token cursor
    const Token& peek(size_t ahead = 0) const;
    const Token& next();
    bool accept(const char* text);
    bool expect(const char* text);
    bool atEnd() const { return peek().kind == Token::Kind::End; }

    DiagnosticSink& diags_;
    ast::Module module_;
    std::vector<Token> toks_;
    size_t k_ = 0;
    bool failed_ = false;  // an error was reported on the current statement

    bool inFunction_ = false;
    ast::Function fn_;
    std::vector<std::string> paramOrder_;
    std::map<std::string, Declared> decls_;
    std::vector<std::string> declOrder_;
    bool implicitNone_ = false;
    std::vector<Frame> frames_;
    std::optional<ast::Pragma> pendingPragma_;
    int lastLine_ = 0;
};

}  // namespace lomaw::fortran
