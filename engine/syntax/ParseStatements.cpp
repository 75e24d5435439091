// Statements (docs/language.md §1.7, §1.9, §9.1): blocks, simple statements, if/elif/else,
// while with max_iter, for over range with its pragma.
#include <algorithm>

#include "syntax/ParserInternal.h"

namespace lomaw::syntax {

namespace {

bool isAugmentedAssign(const Token& t) {
    if (t.kind != TokKind::Op || t.text.size() < 2 || t.text.back() != '=') return false;
    return t.text != "==" && t.text != "<=" && t.text != ">=" && t.text != "!=";
}

ast::StmtPtr makeStmt(ast::Stmt::Kind k, SourceLoc loc) {
    auto s = std::make_unique<ast::Stmt>();
    s->kind = k;
    s->loc = loc;
    return s;
}

}  // namespace

// ---------------------------------------------------------------- blocks

ast::Block ParserImpl::suite() {
    ast::Block b;
    if (tok().is(TokKind::Newline)) {
        advance();
        if (tok().is(TokKind::Indent)) {
            advance();
            blockBody(b);
        } else {
            error(tok().loc, "syntax-error", "expected an indented block");
        }
    } else {
        simpleStatements(b);
    }
    return b;
}

void ParserImpl::blockBody(ast::Block& out) {
    NestingGuard guard(*this);
    if (!guard.ok) {
        // Too deep: skip the block (the guard reported it).
        int depth = 1;
        while (depth > 0 && !tok().is(TokKind::EndOfFile)) {
            if (tok().is(TokKind::Indent)) ++depth;
            else if (tok().is(TokKind::Dedent)) --depth;
            advance();
        }
        panic_ = false;
        return;
    }
    while (!tok().is(TokKind::Dedent) && !tok().is(TokKind::EndOfFile)) statement(out);
    if (tok().is(TokKind::Dedent)) advance();
}

void ParserImpl::unsupportedCompound(const Token& kw, ErrorCode code, std::string msg) {
    bool isTry = kw.isKw(Kw::Try);
    error(kw.loc, code, std::move(msg));
    skipToLineEnd();
    skipBlock();
    // The clauses that belong to the rejected statement go with it.
    while (isTry && (tok().isKw(Kw::Except) || tok().isKw(Kw::Else) || tok().isKw(Kw::Finally))) {
        skipToLineEnd();
        skipBlock();
    }
    panic_ = false;
}

void ParserImpl::statement(ast::Block& out) {
    panic_ = false;
    const Token& t = tok();
    switch (t.kind) {
        case TokKind::Indent: {
            error(t.loc, "syntax-error", "unexpected indent");
            advance();
            ast::Block discard;
            blockBody(discard);
            return;
        }
        case TokKind::Error:
            recoverCompound();
            return;
        case TokKind::Newline:
            advance();
            return;
        default:
            break;
    }
    ast::StmtPtr s;
    if (t.isKw(Kw::If)) {
        s = ifStatement();
    } else if (t.isKw(Kw::While)) {
        s = whileStatement();
    } else if (t.isKw(Kw::For)) {
        s = forStatement();
    } else if (t.isKw(Kw::Def) || t.isOp("@") || t.isKw(Kw::Async)) {
        unsupportedCompound(t, "unsupported-syntax", "nested function definitions are not supported");
        return;
    } else if (t.isKw(Kw::Class)) {
        unsupportedCompound(t, "unsupported-syntax", "classes inside functions are not supported");
        return;
    } else if (t.isKw(Kw::Try) || t.isKw(Kw::With)) {
        unsupportedCompound(t, "unsupported-statement",
                            "'" + std::string(t.text) + "' statements are not supported");
        return;
    } else if (t.isName("match") && !peek(1).isOp("=") && !peek(1).isOp(":") && !peek(1).isOp(".") &&
               !peek(1).isOp("[") && !isAugmentedAssign(peek(1))) {
        // `match` is a soft keyword: a match statement is a line ending in ':' followed by a block.
        size_t k = 1;
        while (!peek(k).is(TokKind::Newline) && !peek(k).is(TokKind::EndOfFile)) ++k;
        if (peek(k - 1).isOp(":") && peek(k + 1).is(TokKind::Indent)) {
            unsupportedCompound(t, "unsupported-statement", "'match' statements are not supported");
            return;
        }
        simpleStatements(out);
        return;
    } else if (t.isKw(Kw::Else) || t.isKw(Kw::Elif) || t.isKw(Kw::Except) || t.isKw(Kw::Finally)) {
        syntaxError(t, "'" + std::string(t.text) + "' without a matching statement");
        recoverCompound();
        return;
    } else {
        simpleStatements(out);
        return;
    }
    if (s) out.push_back(std::move(s));
}

void ParserImpl::simpleStatements(ast::Block& out) {
    while (true) {
        ast::StmtPtr s = simpleStatement();
        if (panic_) {
            skipToLineEnd();
            panic_ = false;
            return;
        }
        if (s) out.push_back(std::move(s));
        if (tok().isOp(";")) {
            advance();
            if (atLineEnd()) {
                if (tok().is(TokKind::Newline)) advance();
                return;
            }
            continue;
        }
        if (tok().is(TokKind::Newline)) {
            advance();
            return;
        }
        if (tok().is(TokKind::EndOfFile)) return;
        syntaxError(tok(), "invalid syntax");
        skipToLineEnd();
        panic_ = false;
        return;
    }
}

// ---------------------------------------------------------------- simple statements

ast::StmtPtr ParserImpl::simpleStatement() {
    const Token& t = tok();
    if (t.is(TokKind::Error)) {
        panic_ = true;
        return nullptr;
    }
    if (t.isKw(Kw::Return)) {
        advance();
        if (atSimpleEnd()) {
            error(t.loc, "unsupported-syntax", "'return' needs a value");
            return nullptr;
        }
        ast::ExprPtr v = expressionNoTuple();
        if (!v) return nullptr;
        auto s = makeStmt(ast::Stmt::Kind::Return, t.loc);
        s->value = std::move(v);
        return s;
    }
    if (t.isKw(Kw::Pass) || t.isKw(Kw::Break) || t.isKw(Kw::Continue) || t.isKw(Kw::Del) ||
        t.isKw(Kw::Assert) || t.isKw(Kw::Raise) || t.isKw(Kw::Global) || t.isKw(Kw::Nonlocal) ||
        t.isKw(Kw::Import) || t.isKw(Kw::From) || t.isKw(Kw::Yield)) {
        error(t.loc, "unsupported-statement", "'" + std::string(t.text) + "' statements are not supported");
        skipSimple();
        return nullptr;
    }
    if (t.is(TokKind::String)) {
        size_t k = 0;
        while (peek(k).is(TokKind::String)) ++k;
        const Token& after = peek(k);
        if (after.is(TokKind::Newline) || after.is(TokKind::EndOfFile) || after.isOp(";")) {
            error(t.loc, "unsupported-statement",
                  "string statements (docstrings) are allowed only at the start of the module");
            skipSimple();
            return nullptr;
        }
    }

    ast::ExprPtr e = expression();
    if (panic_) return nullptr;
    const Token& next = tok();

    if (next.isOp(":")) {
        if (!e || e->kind != ast::Expr::Kind::Var) {
            if (e)
                error(t.loc, "unsupported-statement",
                      "annotations are allowed only on plain variable names");
            skipSimple();
            return nullptr;
        }
        advance();
        ast::TypeExprPtr type = typeAnnotation();
        if (!type) return nullptr;
        ast::ExprPtr init;
        if (tok().isOp("=")) {
            advance();
            init = expressionNoTuple();
            if (!init) return nullptr;
        }
        auto s = makeStmt(ast::Stmt::Kind::Declare, t.loc);
        s->name = e->name;
        s->nameLoc = e->loc;
        s->declType = std::move(type);
        s->value = std::move(init);
        return s;
    }
    if (next.isOp("=")) {
        if (e && e->kind != ast::Expr::Kind::Var && e->kind != ast::Expr::Kind::Index &&
            e->kind != ast::Expr::Kind::Member) {
            fatal(t.loc, "syntax-error",
                  e->kind == ast::Expr::Kind::Call ? "cannot assign to a function call"
                                                   : "cannot assign to an expression");
            return nullptr;
        }
        advance();
        ast::ExprPtr v = expressionNoTuple();
        if (panic_) return nullptr;
        if (tok().isOp("=")) {
            error(t.loc, "unsupported-statement", "chained assignments 'a = b = c' are not supported");
            skipSimple();
            return nullptr;
        }
        if (!e || !v) return nullptr;
        auto s = makeStmt(ast::Stmt::Kind::Assign, t.loc);
        s->target = std::move(e);
        s->value = std::move(v);
        return s;
    }
    if (next.isOp(",")) {
        error(t.loc, "unsupported-statement", "tuple assignments and tuple expressions are not supported");
        skipSimple();
        return nullptr;
    }
    if (isAugmentedAssign(next)) {
        error(t.loc, "unsupported-statement",
              "augmented assignment '" + std::string(next.text) + "' is not supported; write 'x = x + y'");
        skipSimple();
        return nullptr;
    }
    if (atSimpleEnd()) {
        if (!e) return nullptr;
        if (e->kind != ast::Expr::Kind::Call) {
            error(t.loc, "unsupported-statement", "only calls can be used as statements");
            return nullptr;
        }
        auto s = makeStmt(ast::Stmt::Kind::CallStmt, e->loc);
        s->value = std::move(e);
        return s;
    }
    syntaxError(next, "invalid syntax");
    return nullptr;
}

// ---------------------------------------------------------------- compound statements

ast::StmtPtr ParserImpl::ifStatement() {
    const Token& t = tok();
    advance();  // if / elif
    ast::ExprPtr cond = namedExpression();
    if (panic_ || !expectOp(":", "':' after the condition")) {
        recoverCompound();
        // Keep the chain together: its elif/else clauses belong to the dropped statement.
        while (tok().isKw(Kw::Elif) || tok().isKw(Kw::Else)) {
            panic_ = false;
            if (skipToHeaderColon()) (void)suite();
            else recoverCompound();
        }
        return nullptr;
    }
    auto s = makeStmt(ast::Stmt::Kind::If, t.loc);
    s->value = std::move(cond);
    s->body = suite();
    bool ok = s->value != nullptr;
    if (tok().isKw(Kw::Elif)) {
        panic_ = false;
        ast::StmtPtr elif = ifStatement();
        if (elif) s->orelse.push_back(std::move(elif));
        else ok = false;
    } else if (tok().isKw(Kw::Else)) {
        panic_ = false;
        advance();
        if (!expectOp(":", "':' after 'else'")) {
            recoverCompound();
            return nullptr;
        }
        s->orelse = suite();
    }
    return ok ? std::move(s) : nullptr;
}

ast::StmtPtr ParserImpl::whileStatement() {
    const Token& t = tok();
    advance();  // while
    auto s = makeStmt(ast::Stmt::Kind::While, t.loc);
    const char* shape = "a while header is '(condition, max_iter := N)'";
    bool ok = false;
    if (tok().isOp("(")) {
        advance();
        s->value = namedExpression();
        if (panic_) {
            recoverCompound();
            return nullptr;
        }
        if (tok().isOp(",") && peek(1).isName("max_iter") && peek(2).isOp(":=")) {
            advance();
            advance();
            advance();
            const Token& n = tok();
            bool nOk = false;
            if (n.is(TokKind::Int) && !peek(1).isOp(".") && !peek(1).isOp("[") && !peek(1).isOp("(")) {
                if (n.intOverflow) {
                    error(n.loc, "int-literal-range",
                          "integer literal " + std::string(n.text) + " is out of range (max 2147483647)");
                } else if (n.intValue <= 0) {
                    error(n.loc, "bad-while", "max_iter must be a positive integer literal");
                } else {
                    nOk = true;
                }
                s->maxIter = n.intValue;
                s->maxIterLoc = n.loc;
                advance();
            } else {
                error(n.loc, "bad-while", "max_iter must be a positive integer literal");
                expression();
                if (panic_) {
                    recoverCompound();
                    return nullptr;
                }
            }
            if (tok().isOp(")")) {
                advance();
                ok = nOk && s->value != nullptr;
                if (!tok().isOp(":")) {
                    syntaxError(tok(), "expected ':' after the while header");
                    recoverCompound();
                    return nullptr;
                }
            } else if (tok().isOp(",")) {
                error(t.loc, "bad-while", shape);
            } else {
                syntaxError(tok(), "expected ')'");
                recoverCompound();
                return nullptr;
            }
        } else {
            error(t.loc, "bad-while", shape);
        }
    } else {
        error(t.loc, "bad-while", shape);
    }
    // Parse the body in every case so that the errors inside it are reported.
    if (!skipToHeaderColon()) {
        if (!panic_) syntaxError(tok(), "expected ':'");
        recoverCompound();
        return nullptr;
    }
    s->body = suite();
    if (tok().isKw(Kw::Else)) {
        panic_ = false;
        error(tok().loc, "unsupported-statement", "'while ... else' is not supported");
        skipToLineEnd();
        skipBlock();
        return nullptr;
    }
    return ok ? std::move(s) : nullptr;
}

void ParserImpl::attachPragma(ast::Stmt& forStmt) {
    int want = forStmt.loc.line - 1;
    auto it = std::lower_bound(pragmas_.begin(), pragmas_.end(), want,
                               [](const Token& p, int line) { return p.loc.line < line; });
    if (it == pragmas_.end() || it->loc.line != want) return;
    size_t idx = static_cast<size_t>(it - pragmas_.begin());
    if (pragmaUsed_[idx]) return;
    std::optional<size_t> clauses = ompParallelForClauses(it->text);
    if (!clauses) return;  // some other pragma: warned about at the end
    pragmaUsed_[idx] = true;
    forStmt.pragma = ompPragma(*it, *clauses);
}

ast::StmtPtr ParserImpl::forStatement() {
    const Token& t = tok();
    advance();  // for
    auto s = makeStmt(ast::Stmt::Kind::For, t.loc);
    attachPragma(*s);
    bool ok = true;

    auto rejectHeader = [&](SourceLoc at, ErrorCode code, const char* msg) -> ast::StmtPtr {
        error(at, code, msg);
        if (skipToHeaderColon()) {
            (void)suite();
        } else {
            recoverCompound();
            return nullptr;
        }
        if (tok().isKw(Kw::Else)) {
            skipToLineEnd();
            skipBlock();
        }
        return nullptr;
    };

    if (!tok().isIdent() || peek(1).isOp(",")) {
        if (tok().isIdent() || tok().isOp("(") || tok().isOp("["))
            return rejectHeader(t.loc, "unsupported-statement", "a for loop has a single loop variable");
        syntaxError(tok(), "expected a loop variable");
        recoverCompound();
        return nullptr;
    }
    s->name = std::string(tok().text);
    s->nameLoc = tok().loc;
    advance();
    if (!tok().isKw(Kw::In)) {
        if (tok().isOp(".") || tok().isOp("["))
            return rejectHeader(t.loc, "unsupported-statement", "a for loop has a single loop variable");
        syntaxError(tok(), "expected 'in'");
        recoverCompound();
        return nullptr;
    }
    advance();
    if (!(tok().isName("range") && peek(1).isOp("(")))
        return rejectHeader(t.loc, "unsupported-statement", "for loops iterate only over range(...)");
    const Token& rangeTok = tok();
    advance();
    advance();  // (
    while (!tok().isOp(")")) {
        const Token& a = tok();
        if (a.isOp("*") || a.isOp("**")) {
            error(a.loc, "range-args", "starred arguments to range are not supported");
            advance();
            expression();
            ok = false;
        } else if (a.isIdent() && peek(1).isOp("=")) {
            error(a.loc, "range-args", "range takes no keyword arguments");
            advance();
            advance();
            expression();
            ok = false;
        } else {
            ast::ExprPtr e = namedExpression();
            if (e) s->rangeArgs.push_back(std::move(e));
            else ok = false;
        }
        if (panic_) {
            recoverCompound();
            return nullptr;
        }
        if (tok().isOp(",")) {
            advance();
        } else if (!tok().isOp(")")) {
            syntaxError(tok(), "expected ',' or ')'");
            recoverCompound();
            return nullptr;
        }
    }
    advance();  // )
    if (ok && (s->rangeArgs.empty() || s->rangeArgs.size() > 3)) {
        error(rangeTok.loc, "range-args", "range takes 1 to 3 arguments");
        ok = false;
    }
    if (atLineEnd()) {
        syntaxError(tok(), "expected ':'");
        recoverCompound();
        return nullptr;
    }
    if (!tok().isOp(":"))
        return rejectHeader(t.loc, "unsupported-statement", "for loops iterate only over range(...)");
    advance();
    s->body = suite();
    if (tok().isKw(Kw::Else)) {
        panic_ = false;
        error(tok().loc, "unsupported-statement", "'for ... else' is not supported");
        skipToLineEnd();
        skipBlock();
        return nullptr;
    }
    return ok ? std::move(s) : nullptr;
}

}  // namespace lomaw::syntax
