// Parser entry point, diagnostics/recovery helpers and the module's top-level items
// (docs/language.md §1.4-§1.6, §6.1). Statements, expressions and pragmas live in Parse*.cpp.
#include "syntax/Parser.h"

#include <algorithm>

#include "syntax/ParserInternal.h"

namespace lomaw::syntax {

ast::Module parse(std::string_view source, DiagnosticSink& diags) {
    return ParserImpl(source, diags).run();
}

ParserImpl::ParserImpl(std::string_view source, DiagnosticSink& diags) : src_(source), sink_(&diags) {
    LexResult lexed = lex(source, diags);
    toks_ = std::move(lexed.tokens);
    pragmas_ = std::move(lexed.pragmas);
    pragmaUsed_.assign(pragmas_.size(), false);
    unclosedBracket_ = lexed.unclosedBracket;
}

// ---------------------------------------------------------------- diagnostics

bool ParserImpl::quiet(SourceLoc at) const {
    // Past a never-closed bracket everything was one logical line: the lexer's report is the
    // only meaningful one there.
    return panic_ || (unclosedBracket_ && !(at < *unclosedBracket_));
}

void ParserImpl::report(SourceLoc at, const Message& message) {
    if (!quiet(at)) sink_->report(at, message);
}

void ParserImpl::syntaxError(const Token& t, const Message& message) {
    if (!t.is(TokKind::Error)) report(t.loc, message);
    panic_ = true;
}

void ParserImpl::fatal(SourceLoc at, const Message& message) {
    report(at, message);
    panic_ = true;
}

bool ParserImpl::expectOp(std::string_view op, MessageRef<0, false> missing) {
    if (tok().isOp(op)) {
        advance();
        return true;
    }
    if (!panic_) syntaxError(tok(), missing);
    return false;
}

// ---------------------------------------------------------------- recovery

void ParserImpl::skipToLineEnd() {
    while (!atLineEnd()) advance();
    if (tok().is(TokKind::Newline)) advance();
}

void ParserImpl::skipSimple() {
    while (!atSimpleEnd()) advance();
}

void ParserImpl::skipBlock() {
    if (!tok().is(TokKind::Indent)) return;
    int depth = 0;
    do {
        if (tok().is(TokKind::Indent)) ++depth;
        else if (tok().is(TokKind::Dedent)) --depth;
        advance();
    } while (depth > 0 && !tok().is(TokKind::EndOfFile));
}

void ParserImpl::skipBalanced() {
    int depth = 0;
    while (!atLineEnd()) {
        const Token& t = tok();
        if (t.kind == TokKind::Op && t.text.size() == 1) {
            char c = t.text[0];
            if (c == '(' || c == '[' || c == '{') ++depth;
            else if (c == ')' || c == ']' || c == '}') --depth;
        }
        advance();
        if (depth <= 0) return;
    }
    panic_ = true;  // unbalanced: the lexer has reported it
}

bool ParserImpl::skipToHeaderColon() {
    int depth = 0;
    while (!atLineEnd()) {
        const Token& t = tok();
        if (t.kind == TokKind::Op && t.text.size() == 1) {
            char c = t.text[0];
            if (c == '(' || c == '[' || c == '{') ++depth;
            else if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
            else if (c == ':' && depth == 0) {
                advance();
                return true;
            }
        }
        advance();
    }
    return false;
}

void ParserImpl::recoverCompound() {
    skipToLineEnd();
    panic_ = false;
    if (tok().is(TokKind::Indent)) {
        advance();
        ast::Block discard;
        blockBody(discard);
    }
}

void ParserImpl::endSimple() {
    if (panic_) {
        skipToLineEnd();
        panic_ = false;
        return;
    }
    if (tok().isOp(";")) {
        advance();
        if (tok().is(TokKind::Newline)) advance();
        return;
    }
    if (tok().is(TokKind::Newline)) {
        advance();
        return;
    }
    if (tok().is(TokKind::EndOfFile)) return;
    syntaxError(tok(), msg::InvalidSyntax);
    skipToLineEnd();
    panic_ = false;
}

// ---------------------------------------------------------------- module

ast::Module ParserImpl::run() {
    ast::Module m;
    // Module docstring: a first statement made only of string literals.
    {
        size_t k = 0;
        while (peek(k).is(TokKind::String)) ++k;
        const Token& after = peek(k);
        if (k > 0 && (after.is(TokKind::Newline) || after.is(TokKind::EndOfFile) || after.isOp(";"))) {
            for (size_t i = 0; i < k; ++i) advance();
            endSimple();
        }
    }
    while (!tok().is(TokKind::EndOfFile)) {
        panic_ = false;
        const Token& t = tok();
        if (t.is(TokKind::Newline) || t.is(TokKind::Dedent)) {
            advance();
            continue;
        }
        ItemStart start{m.items.size(), sink_->errorCount(), pos_};
        if (t.isKw(Kw::Import) || t.isKw(Kw::From)) {
            report(t.loc, msg::ImportIgnored);
            skipSimple();
            endSimple();
        } else if (t.isOp("@")) {
            decorated(m);
        } else if (t.isKw(Kw::Def)) {
            function(m, false, false, false);
        } else if (t.isKw(Kw::Class)) {
            structDecl(m, false);
        } else if (t.isIdent() && peek(1).isOp("=") && peek(2).isIdent() && peek(3).isOp("(")) {
            diffDecl(m);
        } else {
            topLevelStatement(m);
        }
        markIfIncomplete(m, start);
    }
    panic_ = false;
    for (size_t i = 0; i < pragmas_.size(); ++i) {
        if (pragmaUsed_[i]) continue;
        if (ompParallelForClauses(pragmas_[i].text))
            report(pragmas_[i].loc, msg::PragmaNotAboveFor);
        else
            report(pragmas_[i].loc, msg::PragmaNotParallelFor);
    }
    return m;
}

void ParserImpl::markIfIncomplete(ast::Module& m, const ItemStart& start) {
    if (m.items.size() <= start.items) return;
    bool damaged = sink_->errorCount() > start.errors;
    for (size_t k = start.token; k < pos_ && !damaged; ++k) damaged = toks_[k].is(TokKind::Error);
    // A never-closed bracket made the rest of the file one logical line (no Error token).
    if (unclosedBracket_ && !(*unclosedBracket_ < toks_[start.token].loc) &&
        (pos_ >= toks_.size() - 1 || *unclosedBracket_ < toks_[pos_].loc))
        damaged = true;
    if (!damaged) return;
    ast::Item& item = m.items.back();
    if (auto* f = std::get_if<ast::Function>(&item)) f->incomplete = true;
    else if (auto* s = std::get_if<ast::StructDecl>(&item)) s->incomplete = true;
}

ast::Param ParserImpl::unreadableParam(SourceLoc at) {
    ast::Param p;
    p.loc = at;
    p.annotation = unreadableType(at);
    return p;
}

ast::TypeExprPtr ParserImpl::unreadableType(SourceLoc at) {
    auto t = std::make_unique<ast::TypeExpr>();
    t->kind = ast::TypeExpr::Kind::Named;
    t->loc = at;
    return t;
}

void ParserImpl::topLevelStatement(ast::Module& m) {
    (void)m;
    SourceLoc at = tok().loc;
    bool lexical = tok().is(TokKind::Error);
    // Parse it as a statement to find real syntax errors (those win); anything that is valid
    // Python is simply not allowed here.
    DiagnosticSink scratch;
    DiagnosticSink* saved = sink_;
    sink_ = &scratch;
    ast::Block discard;
    statement(discard);
    sink_ = saved;
    bool syntax = false;
    for (const Diagnostic& d : scratch.raw())
        if (d.code == "syntax-error") {
            sink_->append({d});
            syntax = true;
        }
    if (!syntax && !lexical)
        report(at, msg::BadToplevel);
}

void ParserImpl::decorated(ast::Module& m) {
    bool simd = false, openMpi = false, bad = false;
    SourceLoc first = tok().loc;
    while (tok().isOp("@")) {
        panic_ = false;
        SourceLoc at = tok().loc;
        advance();
        if (tok().isIdent()) {
            std::string_view name = tok().text;
            advance();
            bool dotted = false;
            while (tok().isOp(".") && peek(1).isIdent()) {
                advance();
                advance();
                dotted = true;
            }
            if (tok().isOp("(")) {
                report(at, msg::DecoratorArguments);
                skipBalanced();
                bad = true;
            } else if (!dotted && (name == "simd" || name == "openMpi")) {
                bool& flag = name == "simd" ? simd : openMpi;
                if (flag) {
                    report(at, {msg::DecoratorRepeated, name});
                    bad = true;
                }
                flag = true;
            } else {
                report(at, msg::UnknownDecorator);
            }
        } else if (!tok().is(TokKind::Error)) {
            report(at, msg::DecoratorNotName);
            bad = true;
            skipSimple();
        }
        if (tok().is(TokKind::Newline)) {
            advance();
        } else {
            syntaxError(tok(), msg::ExpectedNewlineAfterDecorator);
            skipToLineEnd();
            panic_ = false;
        }
    }
    if (tok().isKw(Kw::Def)) {
        function(m, simd, openMpi, bad);
    } else if (tok().isKw(Kw::Class)) {
        report(first, msg::DecoratedStruct);
        structDecl(m, true);
    } else {
        syntaxError(tok(), msg::ExpectedDefAfterDecorators);
        recoverCompound();
    }
}

void ParserImpl::function(ast::Module& m, bool simd, bool openMpi, bool bad) {
    (void)bad;  // the decorator's error marks the item incomplete (markIfIncomplete)
    ast::Function f;
    f.loc = tok().loc;
    f.simd = simd;
    f.openMpi = openMpi;
    advance();  // def
    if (!tok().isIdent()) {
        syntaxError(tok(), msg::ExpectedFunctionName);
        recoverCompound();
        return;  // nameless: nothing can refer to it
    }
    f.name = std::string(tok().text);
    f.nameLoc = tok().loc;
    advance();
    // From here on the function is kept even when its header is damaged, so that calls to it
    // are not reported as unknown-function: an unreadable parameter or annotation becomes a
    // placeholder (ParserInternal.h) and the checker treats calls to the function leniently.
    auto keepDamaged = [&](bool headerDamaged) {
        if (headerDamaged) f.params.push_back(unreadableParam(tok().loc));
        f.incomplete = true;
        recoverCompound();  // the body's own errors are still reported
        m.items.emplace_back(std::move(f));
    };
    if (!expectOp("(", msg::ExpectedOpenParen)) return keepDamaged(true);
    bool paramsOk = true;
    while (!tok().isOp(")")) {
        if (!parameter(f)) paramsOk = false;
        if (panic_) return keepDamaged(paramsOk);
        if (tok().isOp(",")) {
            advance();
        } else if (!tok().isOp(")")) {
            syntaxError(tok(), msg::ExpectedParameterSeparator);
            return keepDamaged(true);
        }
    }
    advance();  // )
    if (tok().isOp("->")) {
        SourceLoc at = tok().loc;
        advance();
        f.returnAnnotation = typeAnnotation();
        if (!f.returnAnnotation) {
            f.returnAnnotation = unreadableType(at);
            return keepDamaged(false);
        }
    }
    if (!expectOp(":", msg::ExpectedColonAfterFunctionHeader)) return keepDamaged(false);
    ++functionDepth_;
    f.body = suite();
    --functionDepth_;
    if (!paramsOk) f.incomplete = true;
    m.items.emplace_back(std::move(f));
}

bool ParserImpl::parameter(ast::Function& f) {
    const Token& t = tok();
    if (t.isOp("*") || t.isOp("**") || t.isOp("/")) {
        MessageRef<0, false> what = t.isOp("**")        ? msg::KwargsParameter
                                    : t.isOp("/")       ? msg::PositionalOnlyMarker
                                    : peek(1).isIdent() ? msg::ArgsParameter
                                                        : msg::KeywordOnlyMarker;
        report(t.loc, what);
        f.params.push_back(unreadableParam(t.loc));
        // Skip this parameter up to the next ',' or ')' at bracket depth 0.
        int depth = 0;
        while (!atLineEnd()) {
            const Token& c = tok();
            if (depth == 0 && (c.isOp(",") || c.isOp(")"))) break;
            if (c.isOp("(") || c.isOp("[") || c.isOp("{")) ++depth;
            if (c.isOp(")") || c.isOp("]") || c.isOp("}")) --depth;
            advance();
        }
        return false;
    }
    if (!t.isIdent()) {
        f.params.push_back(unreadableParam(t.loc));
        syntaxError(t, msg::ExpectedParameterName);
        return false;
    }
    ast::Param p;
    p.name = std::string(t.text);
    p.loc = t.loc;
    advance();
    bool ok = true;
    if (tok().isOp(":")) {
        SourceLoc at = tok().loc;
        advance();
        p.annotation = typeAnnotation();
        if (!p.annotation) {
            p.annotation = unreadableType(at);
            f.params.push_back(std::move(p));
            return false;
        }
    }
    if (tok().isOp("=")) {
        advance();
        // Calls may rely on the default: the placeholder makes the checker lenient with them.
        SourceLoc at = tok().loc;
        report(at, msg::ParameterDefault);
        expression();
        f.params.push_back(std::move(p));
        f.params.push_back(unreadableParam(at));
        return false;
    }
    f.params.push_back(std::move(p));
    return ok;
}

void ParserImpl::structDecl(ast::Module& m, bool decoratorReported) {
    ast::StructDecl s;
    s.loc = tok().loc;
    advance();  // class
    if (!tok().isIdent()) {
        syntaxError(tok(), msg::ExpectedStructName);
        recoverCompound();
        return;
    }
    s.name = std::string(tok().text);
    s.nameLoc = tok().loc;
    advance();
    bool reported = decoratorReported;
    if (tok().isOp("(")) {
        if (peek(1).isOp(")")) {
            advance();
            advance();
        } else {
            report(tok().loc, msg::StructBases);
            reported = true;
            skipBalanced();
        }
    }
    if (!expectOp(":", msg::ExpectedColonAfterStructName)) {
        recoverCompound();
        return;
    }
    if (tok().is(TokKind::Newline)) {
        advance();
        if (tok().is(TokKind::Indent)) {
            advance();
            while (!tok().is(TokKind::Dedent) && !tok().is(TokKind::EndOfFile))
                structBodyLine(s, reported);
            if (tok().is(TokKind::Dedent)) advance();
        } else {
            report(tok().loc, msg::ExpectedClassBlock);
            reported = true;
        }
    } else {
        // Inline body: `class A: x : int; y : float`.
        int line = tok().loc.line;
        while (!tok().is(TokKind::EndOfFile) && tok().loc.line == line && !tok().is(TokKind::Indent) &&
               !tok().is(TokKind::Dedent)) {
            structBodyLine(s, reported);
            if (!toks_[pos_ - 1].isOp(";")) break;  // the line ended
        }
    }
    if (s.members.empty() && !reported)
        report(s.loc, {msg::EmptyStruct, s.name});
    m.items.emplace_back(std::move(s));
}

void ParserImpl::structBodyLine(ast::StructDecl& s, bool& reported) {
    panic_ = false;
    const Token& t = tok();
    if (t.is(TokKind::Indent)) {
        report(t.loc, msg::UnexpectedIndent);
        reported = true;
        skipBlock();
        return;
    }
    if (t.is(TokKind::Newline)) {
        advance();
        return;
    }
    if (t.is(TokKind::Error)) {
        reported = true;
        skipToLineEnd();
        skipBlock();
        return;
    }
    if (t.isIdent() && peek(1).isOp(":")) {
        ast::Member mem;
        mem.name = std::string(t.text);
        mem.loc = t.loc;
        advance();
        advance();
        mem.annotation = typeAnnotation();
        if (mem.annotation && tok().isOp("=")) {
            advance();
            report(tok().loc, msg::MemberDefaultIgnored);
            expression();
        }
        if (mem.annotation && !panic_) s.members.push_back(std::move(mem));
        else reported = true;
        endSimple();
        return;
    }
    MessageRef<0, false> what = msg::StructBodyLine;
    if (t.isKw(Kw::Def) || t.isOp("@") || t.isKw(Kw::Async)) what = msg::StructMethod;
    else if (t.is(TokKind::String)) what = msg::StructDocstring;
    else if (t.isKw(Kw::Pass)) what = msg::StructPass;
    else if (t.isKw(Kw::Class)) what = msg::NestedClass;
    report(t.loc, what);
    reported = true;
    skipToLineEnd();
    skipBlock();
}

void ParserImpl::diffDecl(ast::Module& m) {
    ast::DiffDecl d;
    d.name = std::string(tok().text);
    d.loc = tok().loc;
    advance();  // name
    advance();  // =
    const Token& callee = tok();
    bool fwd = callee.text == "fwd_diff", rev = callee.text == "rev_diff";
    advance();  // callee
    advance();  // (
    // A line with a lexical error was reported by the lexer already.
    bool lexical = false;
    for (size_t k = 0; !peek(k).is(TokKind::Newline) && !peek(k).is(TokKind::EndOfFile); ++k)
        if (peek(k).is(TokKind::Error)) lexical = true;
    if ((fwd || rev) && tok().isIdent() && peek(1).isOp(")") &&
        (peek(2).is(TokKind::Newline) || peek(2).is(TokKind::EndOfFile) || peek(2).isOp(";"))) {
        d.mode = fwd ? ast::DiffDecl::Mode::Forward : ast::DiffDecl::Mode::Reverse;
        d.target = std::string(tok().text);
        d.targetLoc = tok().loc;
        advance();
        advance();
        m.items.emplace_back(std::move(d));
        endSimple();
        return;
    }
    if (!lexical) report(callee.loc, msg::BadDiffDecl);

    skipToLineEnd();
}

}  // namespace lomaw::syntax
