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
            report(tok().loc, msg::ExpectedIndentedBlock);
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

void ParserImpl::unsupportedCompound(const Token& kw, const Message& message) {
    bool isTry = kw.isKw(Kw::Try);
    report(kw.loc, message);
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
            report(t.loc, msg::UnexpectedIndent);
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
        unsupportedCompound(t, msg::NestedFunction);
        return;
    } else if (t.isKw(Kw::Class)) {
        unsupportedCompound(t, msg::ClassInFunction);
        return;
    } else if (t.isKw(Kw::Try) || t.isKw(Kw::With)) {
        unsupportedCompound(t, {msg::UnsupportedStatement, t.text});
        return;
    } else if (t.isName("match") && !peek(1).isOp("=") && !peek(1).isOp(":") && !peek(1).isOp(".") &&
               !peek(1).isOp("[") && !isAugmentedAssign(peek(1))) {
        // `match` is a soft keyword: a match statement is a line ending in ':' followed by a block.
        size_t k = 1;
        while (!peek(k).is(TokKind::Newline) && !peek(k).is(TokKind::EndOfFile)) ++k;
        if (peek(k - 1).isOp(":") && peek(k + 1).is(TokKind::Indent)) {
            unsupportedCompound(t, {msg::UnsupportedStatement, "match"});
            return;
        }
        simpleStatements(out);
        return;
    } else if (t.isKw(Kw::Else) || t.isKw(Kw::Elif) || t.isKw(Kw::Except) || t.isKw(Kw::Finally)) {
        syntaxError(t, {msg::WithoutMatchingStatement, t.text});
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
        syntaxError(tok(), msg::InvalidSyntax);
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
            report(t.loc, msg::BareReturn);
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
        report(t.loc, {msg::UnsupportedStatement, t.text});
        skipSimple();
        return nullptr;
    }
    if (t.is(TokKind::String)) {
        size_t k = 0;
        while (peek(k).is(TokKind::String)) ++k;
        const Token& after = peek(k);
        if (after.is(TokKind::Newline) || after.is(TokKind::EndOfFile) || after.isOp(";")) {
            report(t.loc, msg::StringStatement);
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
                report(t.loc, msg::AnnotatedNonVariable);
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
            fatal(t.loc, e->kind == ast::Expr::Kind::Call ? msg::AssignToCall : msg::AssignToExpression);
            return nullptr;
        }
        advance();
        ast::ExprPtr v = expressionNoTuple();
        if (panic_) return nullptr;
        if (tok().isOp("=")) {
            report(t.loc, msg::ChainedAssignment);
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
        report(t.loc, msg::TupleAssignment);
        skipSimple();
        return nullptr;
    }
    if (isAugmentedAssign(next)) {
        report(t.loc, {msg::AugmentedAssignment, next.text});
        skipSimple();
        return nullptr;
    }
    if (atSimpleEnd()) {
        if (!e) return nullptr;
        if (e->kind != ast::Expr::Kind::Call) {
            report(t.loc, msg::ExpressionStatement);
            return nullptr;
        }
        auto s = makeStmt(ast::Stmt::Kind::CallStmt, e->loc);
        s->value = std::move(e);
        return s;
    }
    syntaxError(next, msg::InvalidSyntax);
    return nullptr;
}

// ---------------------------------------------------------------- compound statements

ast::StmtPtr ParserImpl::ifStatement() {
    const Token& t = tok();
    advance();  // if / elif
    ast::ExprPtr cond = namedExpression();
    if (panic_ || !expectOp(":", msg::ExpectedColonAfterCondition)) {
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
        if (!expectOp(":", msg::ExpectedColonAfterElse)) {
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
                    report(n.loc, {msg::IntLiteralRange, n.text});
                } else if (n.intValue <= 0) {
                    report(n.loc, msg::MaxIterNotPositive);
                } else {
                    nOk = true;
                }
                s->maxIter = n.intValue;
                s->maxIterLoc = n.loc;
                advance();
            } else {
                report(n.loc, msg::MaxIterNotPositive);
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
                    syntaxError(tok(), msg::ExpectedColonAfterWhileHeader);
                    recoverCompound();
                    return nullptr;
                }
            } else if (tok().isOp(",")) {
                report(t.loc, msg::BadWhileHeader);
            } else {
                syntaxError(tok(), msg::ExpectedCloseParen);
                recoverCompound();
                return nullptr;
            }
        } else {
            report(t.loc, msg::BadWhileHeader);
        }
    } else {
        report(t.loc, msg::BadWhileHeader);
    }
    // Parse the body in every case so that the errors inside it are reported.
    if (!skipToHeaderColon()) {
        if (!panic_) syntaxError(tok(), msg::ExpectedColon);
        recoverCompound();
        return nullptr;
    }
    s->body = suite();
    if (tok().isKw(Kw::Else)) {
        panic_ = false;
        report(tok().loc, msg::WhileElse);
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

    auto rejectHeader = [&](SourceLoc at, const Message& message) -> ast::StmtPtr {
        report(at, message);
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
            return rejectHeader(t.loc, msg::ForSingleVariable);
        syntaxError(tok(), msg::ExpectedLoopVariable);
        recoverCompound();
        return nullptr;
    }
    s->name = std::string(tok().text);
    s->nameLoc = tok().loc;
    advance();
    if (!tok().isKw(Kw::In)) {
        if (tok().isOp(".") || tok().isOp("["))
            return rejectHeader(t.loc, msg::ForSingleVariable);
        syntaxError(tok(), msg::ExpectedIn);
        recoverCompound();
        return nullptr;
    }
    advance();
    if (!(tok().isName("range") && peek(1).isOp("(")))
        return rejectHeader(t.loc, msg::ForOverRangeOnly);
    const Token& rangeTok = tok();
    advance();
    advance();  // (
    while (!tok().isOp(")")) {
        const Token& a = tok();
        if (a.isOp("*") || a.isOp("**")) {
            report(a.loc, msg::RangeStarredArgument);
            advance();
            expression();
            ok = false;
        } else if (a.isIdent() && peek(1).isOp("=")) {
            report(a.loc, msg::RangeKeywordArgument);
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
            syntaxError(tok(), msg::ExpectedCommaOrCloseParen);
            recoverCompound();
            return nullptr;
        }
    }
    advance();  // )
    if (ok && (s->rangeArgs.empty() || s->rangeArgs.size() > 3)) {
        report(rangeTok.loc, msg::RangeArgumentCount);
        ok = false;
    }
    if (atLineEnd()) {
        syntaxError(tok(), msg::ExpectedColon);
        recoverCompound();
        return nullptr;
    }
    if (!tok().isOp(":"))
        return rejectHeader(t.loc, msg::ForOverRangeOnly);
    advance();
    s->body = suite();
    if (tok().isKw(Kw::Else)) {
        panic_ = false;
        report(tok().loc, msg::ForElse);

        skipToLineEnd();
        skipBlock();
        return nullptr;
    }
    return ok ? std::move(s) : nullptr;
}

}  // namespace lomaw::syntax
