// The recursive-descent parser's state, shared by Parser.cpp (module, items),
// ParseStatements.cpp, ParseExpressions.cpp (expressions and type annotations) and
// ParsePragma.cpp. Internal to the syntax layer.
//
// Error model. Every parse function reports at most what it sees and returns null for a
// construct it could not build; a statement with any error is dropped from the tree, and the
// function or struct it was in is marked `incomplete` (markIfIncomplete) so that the type
// checker, which still runs to find independent errors, does not report the consequences of
// what was dropped. Code generation never runs on a module with errors. Two kinds of errors:
//  * well-formed but unsupported constructs (`a != b`, `[1, 2]`): reported, parsing goes on so
//    that independent errors in the same statement are found too;
//  * syntax errors: reported, then `panic_` silences everything until the statement loop has
//    skipped to the end of the logical line (no cascades).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"
#include "syntax/Lexer.h"
#include "syntax/Token.h"

namespace lomaw::syntax {

class ParserImpl {
public:
    ParserImpl(std::string_view source, DiagnosticSink& diags);
    ast::Module run();

private:
    // ------------------------------------------------------------ tokens (Parser.cpp)
    const Token& tok() const { return toks_[pos_]; }
    const Token& peek(size_t k = 1) const {
        return pos_ + k < toks_.size() ? toks_[pos_ + k] : toks_.back();
    }
    void advance() {
        if (pos_ + 1 < toks_.size()) ++pos_;
    }
    bool atLineEnd() const {
        return tok().is(TokKind::Newline) || tok().is(TokKind::EndOfFile);
    }
    bool atSimpleEnd() const { return atLineEnd() || tok().isOp(";"); }

    // ------------------------------------------------------------ diagnostics (Parser.cpp)
    bool quiet(SourceLoc at) const;
    void report(SourceLoc at, const Message& message);
    // Syntax error at `t` (silent if `t` is a lexical Error token, already reported); panics.
    void syntaxError(const Token& t, const Message& message);
    // An error after which the statement cannot be parsed further: report, then panic.
    void fatal(SourceLoc at, const Message& message);
    // Consumes `op`, else reports `missing` (a syntax error) unless panicking.
    bool expectOp(std::string_view op, MessageRef<0, false> missing);

    // ------------------------------------------------------------ recovery (Parser.cpp)
    void skipToLineEnd();            // to NEWLINE, consumed
    void skipSimple();               // to ';' or NEWLINE, not consumed
    void skipBlock();                // an INDENT ... DEDENT block, silently
    void skipBalanced();             // from an opening bracket to its closer, consumed
    bool skipToHeaderColon();        // to the ':' ending a compound header (consumed)
    // After a failed header: drop the rest of the line, then parse and discard the body so
    // the errors inside it are still reported.
    void recoverCompound();
    void endSimple();                // after a simple statement: expect ';' / NEWLINE

    // ------------------------------------------------------------ module items (Parser.cpp)
    void topLevelStatement(ast::Module& m);
    void decorated(ast::Module& m);
    void function(ast::Module& m, bool simd, bool openMpi, bool bad);
    bool parameter(ast::Function& f);
    void structDecl(ast::Module& m, bool decoratorReported);
    void structBodyLine(ast::StructDecl& s, bool& reported);
    void diffDecl(ast::Module& m);
    // Where an item's parse began: markIfIncomplete sets ast::Function/StructDecl::incomplete
    // on the item it added when any error (parser or lexer) was reported inside it.
    struct ItemStart {
        size_t items;
        size_t errors;
        size_t token;
    };
    void markIfIncomplete(ast::Module& m, const ItemStart& start);
    // Placeholders for the parts of a function header that could not be read, so that the
    // function keeps its name and the checker can tell a damaged header (calls to it are
    // checked leniently): a parameter with an empty name, a Named type with an empty name
    // (which the checker resolves silently to the error type).
    static ast::Param unreadableParam(SourceLoc at);
    static ast::TypeExprPtr unreadableType(SourceLoc at);

    // ------------------------------------------------------------ statements (ParseStatements.cpp)
    ast::Block suite();
    void blockBody(ast::Block& out);            // statements up to DEDENT (consumed)
    void statement(ast::Block& out);
    void simpleStatements(ast::Block& out);     // simple (';' simple)* NEWLINE
    ast::StmtPtr simpleStatement();
    ast::StmtPtr ifStatement();
    ast::StmtPtr whileStatement();
    ast::StmtPtr forStatement();
    void unsupportedCompound(const Token& kw, const Message& message);
    void attachPragma(ast::Stmt& forStmt);

    // ------------------------------------------------------------ expressions (ParseExpressions.cpp)
    ast::ExprPtr expression();                  // Python `test`: conditional, lambda
    ast::ExprPtr namedExpression();             // `test` or `name := test` (rejected)
    ast::ExprPtr orExpr();
    ast::ExprPtr andExpr();
    ast::ExprPtr notExpr();
    // One left-associative binary level, `operand (op operand)*`: the operators loma has build
    // a node; Python operators of the same level that loma rejects are reported at their token
    // and the rest is still parsed (the level's result is then null).
    struct BinaryLevel {
        ast::ExprPtr (ParserImpl::*operand)();
        std::optional<ast::BinaryOp> (*accepted)(const Token&);
        std::initializer_list<std::string_view> rejected;
    };
    ast::ExprPtr leftAssociative(const BinaryLevel& level);
    ast::ExprPtr comparison();
    ast::ExprPtr bitwise(int level);
    ast::ExprPtr arith();
    ast::ExprPtr term();
    ast::ExprPtr factor();
    ast::ExprPtr unary(const Token& op);        // factor after a unary operator
    ast::ExprPtr power();
    ast::ExprPtr primary();
    ast::ExprPtr atom();
    ast::ExprPtr parenthesized();
    bool callArguments(std::vector<ast::ExprPtr>& args);
    ast::ExprPtr subscript(ast::ExprPtr base, SourceLoc start);
    ast::ExprPtr intLiteral(const Token& t);
    ast::ExprPtr floatLiteral(const Token& t);
    // A whole expression followed by `, ...`: a tuple display (rejected).
    ast::ExprPtr expressionNoTuple();

    ast::TypeExprPtr typeAnnotation();          // a type followed by nothing type-like
    ast::TypeExprPtr typeExpr();

    // ------------------------------------------------------------ pragmas (ParsePragma.cpp)
    ast::Pragma ompPragma(const Token& t, size_t clauseOffset);

    // Nesting guard: recursion depth is bounded so that no input can exhaust the stack
    // (the parser may run on a worker thread with a small stack).
    static constexpr int kMaxNesting = 100;
    struct NestingGuard {
        ParserImpl& p;
        bool ok;
        explicit NestingGuard(ParserImpl& parser) : p(parser), ok(++parser.nesting_ <= kMaxNesting) {
            if (!ok && !p.panic_) p.syntaxError(p.tok(), msg::TooDeeplyNested);

        }
        ~NestingGuard() { --p.nesting_; }
    };
    int nesting_ = 0;
    // Depth of the expression tree last returned by an expression parse function. Left-deep
    // operator chains (`1 + 1 + ...`) are built by loops, so their depth is bounded here: every
    // later stage (and the tree's own destructor) recurses over it.
    static constexpr int kMaxExprDepth = 1000;
    int exprDepth_ = 0;
    int argsDepth_ = 0;  // deepest argument of the last callArguments()
    ast::ExprPtr deepen(ast::ExprPtr e, int childDepth);

    std::string_view src_;
    DiagnosticSink* sink_;
    std::vector<Token> toks_;
    std::vector<Token> pragmas_;
    std::vector<bool> pragmaUsed_;
    std::optional<SourceLoc> unclosedBracket_;
    size_t pos_ = 0;
    bool panic_ = false;
    int functionDepth_ = 0;   // > 0 while parsing a function body
};

}  // namespace lomaw::syntax
