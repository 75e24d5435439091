#include "fortran/FortranParser.h"

#include "fortran/FortranParserImpl.h"

namespace lomaw::fortran {

using ast::Expr;
using ast::Stmt;

ast::Module parse(std::string_view text, DiagnosticSink& diags) {
    return FortranParserImpl(diags).run(logicalLines(text));
}

// ------------------------------------------------------------------ token cursor

const Token& FortranParserImpl::peek(size_t ahead) const {
    size_t i = k_ + ahead;
    return toks_[i < toks_.size() ? i : toks_.size() - 1];
}

const Token& FortranParserImpl::next() {
    const Token& t = peek();
    if (k_ + 1 < toks_.size()) ++k_;
    return t;
}

bool FortranParserImpl::accept(const char* text) {
    if (!peek().is(text)) return false;
    next();
    return true;
}

bool FortranParserImpl::expect(const char* text) {
    if (accept(text)) return true;
    if (!failed_) {
        const Token& t = peek();
        diags_.error(t.loc, "fortran-syntax",
                     std::string("expected '") + text + "'" +
                         (t.kind == Token::Kind::End ? " at the end of the statement" : " before '" + t.text + "'"));
    }
    failed_ = true;
    return false;
}

void FortranParserImpl::unsupported(const Token& at, const std::string& what) {
    if (!failed_) diags_.error(at.loc, "fortran-unsupported", what + " is not supported by the Fortran subset");
    failed_ = true;
}

// ------------------------------------------------------------------ file and subroutines

ast::Module FortranParserImpl::run(const std::vector<LogicalLine>& lines) {
    for (const LogicalLine& line : lines) {
        lastLine_ = line.loc().line;
        if (line.directive) {
            directive(line);
            continue;
        }
        toks_.clear();
        k_ = 0;
        failed_ = false;
        size_t bad = 0;
        if (!tokenize(line, toks_, bad)) {
            diags_.error(line.at(bad), "fortran-syntax", "unexpected character '" + std::string(1, line.text[bad]) + "'");
            continue;
        }
        statement(line);
    }
    if (inFunction_) {
        diags_.error({lastLine_ > 0 ? lastLine_ : 1, 1}, "fortran-syntax",
                     "subroutine '" + fn_.name + "' has no 'end subroutine'");
        finishFunction({});
    }
    return std::move(module_);
}

void FortranParserImpl::statement(const LogicalLine&) {
    const Token& first = peek();
    if (first.kind != Token::Kind::Ident) {
        unsupported(first, "a statement starting with '" + first.text + "'");
        return;
    }
    const std::string& w = first.text;
    if (!inFunction_) {
        if (w == "subroutine") {
            subroutineHeader();
            return;
        }
        unsupported(first, "'" + w + "' outside a subroutine");
        return;
    }
    if (pendingPragma_ && w != "do") {
        diags_.warning(pendingPragma_->loc, "pragma-ignored", "the OpenMP directive is not followed by a do loop");
        pendingPragma_.reset();
    }
    if (w == "end" || w == "enddo" || w == "endif" || w == "endsubroutine") {
        endStatement();
    } else if (w == "integer" || w == "real" || w == "double" || w == "doubleprecision" || w == "logical") {
        declaration();
    } else if (w == "implicit") {
        next();
        if (!accept("none")) unsupported(first, "implicit typing rules other than 'implicit none'");
        implicitNone_ = true;
    } else if (w == "do" && !peek(1).is("=")) {
        doStatement();
    } else if (w == "if" && peek(1).is("(")) {
        ifStatement();
    } else if (w == "else" || w == "elseif") {
        elseStatement();
    } else if ((w == "continue" || w == "return") && peek(1).kind == Token::Kind::End) {
        // no effect on the scopes
    } else if (ast::StmtPtr s = simpleStatement()) {
        currentBlock().push_back(std::move(s));
    }
    if (!failed_ && !atEnd()) {
        diags_.error(peek().loc, "fortran-syntax", "unexpected '" + peek().text + "' after the statement");
        failed_ = true;
    }
}

void FortranParserImpl::subroutineHeader() {
    const Token& kw = next();
    fn_ = ast::Function{};
    paramOrder_.clear();
    decls_.clear();
    declOrder_.clear();
    implicitNone_ = false;
    frames_.clear();
    inFunction_ = true;
    fn_.loc = kw.loc;
    if (peek().kind != Token::Kind::Ident) {
        expect("subroutine name");
        return;
    }
    const Token& name = next();
    fn_.name = name.text;
    fn_.nameLoc = name.loc;
    if (accept("(")) {
        if (!accept(")")) {
            do {
                if (peek().kind != Token::Kind::Ident) {
                    expect("argument name");
                    return;
                }
                const Token& p = next();
                paramOrder_.push_back(p.text);
                ast::Param param;
                param.name = p.text;
                param.loc = p.loc;
                fn_.params.push_back(std::move(param));
            } while (accept(","));
            expect(")");
        }
    }
}

// Subroutine arguments and locals get their declared (or implicit) types: the inspector's
// variable table reads Param::resolved and Declare::resolved.
void FortranParserImpl::finishFunction(SourceLoc at) {
    for (const Frame& f : frames_)
        diags_.error(f.top->loc, "fortran-syntax",
                     std::string(f.kind == Frame::Kind::Do ? "do loop" : "if block") + " is not closed before the end of the subroutine");
    if (pendingPragma_) diags_.warning(pendingPragma_->loc, "pragma-ignored", "the OpenMP directive is not followed by a do loop");
    pendingPragma_.reset();
    (void)at;
    auto implicitType = [](const std::string& n) {
        return n[0] >= 'i' && n[0] <= 'n' ? Type::intType() : Type::floatType();
    };
    for (ast::Param& p : fn_.params) {
        auto d = decls_.find(p.name);
        if (d == decls_.end()) {
            if (implicitNone_)
                diags_.error(p.loc, "fortran-undeclared", "argument '" + p.name + "' has no type (implicit none)");
            p.resolved = implicitType(p.name);
            p.isOut = true;
        } else {
            p.resolved = d->second.type;
            p.isOut = !d->second.intentIn;
        }
    }
    ast::Block locals;
    for (const std::string& n : declOrder_) {
        const Declared& d = decls_[n];
        if (d.isParam) continue;
        auto s = std::make_unique<Stmt>();
        s->kind = Stmt::Kind::Declare;
        s->loc = s->nameLoc = d.loc;
        s->name = n;
        s->resolved = d.type;
        locals.push_back(std::move(s));
    }
    for (ast::StmtPtr& s : fn_.body) locals.push_back(std::move(s));
    fn_.body = std::move(locals);
    module_.items.emplace_back(std::move(fn_));
    fn_ = ast::Function{};
    inFunction_ = false;
    frames_.clear();
}

ast::Block& FortranParserImpl::currentBlock() { return frames_.empty() ? fn_.body : *frames_.back().block; }

// integer / real[(kind)] / real*8 / double precision / logical [, attrs] [::] decls
void FortranParserImpl::declaration() {
    const Token& kw = next();
    bool isInt = kw.text == "integer" || kw.text == "logical";
    if (kw.text == "double" && !accept("precision")) {
        unsupported(kw, "'double' without 'precision'");
        return;
    }
    if (accept("*")) next();  // real*8
    if (peek().is("(")) {     // real(8), real(kind=8), integer(kind=4)
        int depth = 0;
        do {
            if (peek().is("(")) ++depth;
            if (peek().is(")")) --depth;
            next();
        } while (depth > 0 && !atEnd());
    }
    std::vector<ast::ExprPtr> dims;
    bool intentIn = false;
    auto parseDims = [&](std::vector<ast::ExprPtr>& out) {
        expect("(");
        do {
            out.push_back(subscriptArg());
        } while (!failed_ && accept(","));
        expect(")");
    };
    while (accept(",")) {
        const Token& attr = next();
        if (attr.text == "dimension") {
            parseDims(dims);
        } else if (attr.text == "intent") {
            expect("(");
            const Token& mode = next();
            if (mode.text == "in") intentIn = true;
            else if (mode.text != "out" && mode.text != "inout") unsupported(mode, "intent '" + mode.text + "'");
            if (mode.text == "in" && peek().is("out")) {  // intent(in out)
                next();
                intentIn = false;
            }
            expect(")");
        } else if (attr.text == "parameter" || attr.text == "allocatable" || attr.text == "pointer" ||
                   attr.text == "target" || attr.text == "save") {
            unsupported(attr, "the '" + attr.text + "' attribute");
        } else {
            unsupported(attr, "the declaration attribute '" + attr.text + "'");
        }
        if (failed_) return;
    }
    accept("::");
    do {
        if (peek().kind != Token::Kind::Ident) {
            expect("variable name");
            return;
        }
        const Token& name = next();
        std::vector<ast::ExprPtr> own;
        if (peek().is("(")) parseDims(own);
        if (peek().is("=")) {
            unsupported(peek(), "an initialisation in a declaration");
            return;
        }
        if (failed_) return;
        const std::vector<ast::ExprPtr>& d = own.empty() ? dims : own;
        TypePtr type = isInt ? Type::intType() : Type::floatType();
        for (auto it = d.rbegin(); it != d.rend(); ++it) {
            const Expr& e = **it;
            int size = 0;  // extents that are not literals: unbounded for the cost rule
            if (e.kind == Expr::Kind::IntLit && e.intValue > 0) size = static_cast<int>(e.intValue);
            if (e.kind == Expr::Kind::Call && e.name == "__slice" && e.operands.size() == 2 &&
                e.operands[0]->kind == Expr::Kind::IntLit && e.operands[1]->kind == Expr::Kind::IntLit &&
                e.operands[1]->intValue >= e.operands[0]->intValue)
                size = static_cast<int>(e.operands[1]->intValue - e.operands[0]->intValue + 1);
            type = Type::arrayOf(type, size);
        }
        if (decls_.count(name.text)) {
            diags_.error(name.loc, "fortran-redeclared", "'" + name.text + "' is declared twice");
            continue;
        }
        Declared decl;
        decl.type = type;
        decl.intentIn = intentIn;
        decl.loc = name.loc;
        for (const std::string& p : paramOrder_) decl.isParam = decl.isParam || p == name.text;
        decls_[name.text] = decl;
        declOrder_.push_back(name.text);
    } while (accept(","));
}

// do i = a, b [, s]  ->  for i in range(a, b + 1, s)   (b - 1 for a negative literal step)
void FortranParserImpl::doStatement() {
    const Token& kw = next();
    if (peek().is("while")) {
        unsupported(peek(), "'do while'");
        return;
    }
    if (peek().kind != Token::Kind::Ident) {
        unsupported(peek(), "a do loop without a control variable (or with a label)");
        return;
    }
    const Token& var = next();
    variable(var);
    expect("=");
    ast::ExprPtr start = expression();
    expect(",");
    ast::ExprPtr stop = expression();
    ast::ExprPtr step;
    if (accept(",")) step = expression();
    if (failed_) return;
    long long dir = 1;
    if (step && step->kind == Expr::Kind::Neg && step->operands[0]->kind == Expr::Kind::IntLit) dir = -1;
    if (step && step->kind == Expr::Kind::IntLit && step->intValue < 0) dir = -1;
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::For;
    s->loc = kw.loc;
    s->name = var.text;
    s->nameLoc = var.loc;
    s->rangeArgs.push_back(std::move(start));
    s->rangeArgs.push_back(ast::makeBinary(dir > 0 ? ast::BinaryOp::Add : ast::BinaryOp::Sub, std::move(stop),
                                           ast::makeInt(1, kw.loc), kw.loc));
    if (step) s->rangeArgs.push_back(std::move(step));
    s->pragma = std::move(pendingPragma_);
    pendingPragma_.reset();
    Stmt* raw = s.get();
    currentBlock().push_back(std::move(s));
    frames_.push_back({Frame::Kind::Do, raw, raw, &raw->body});
}

void FortranParserImpl::ifStatement() {
    const Token& kw = next();
    expect("(");
    ast::ExprPtr cond = expression();
    expect(")");
    if (failed_) return;
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::If;
    s->loc = kw.loc;
    s->value = std::move(cond);
    if (accept("then")) {
        Stmt* raw = s.get();
        currentBlock().push_back(std::move(s));
        frames_.push_back({Frame::Kind::If, raw, raw, &raw->body});
        return;
    }
    // Logical if: one assignment or call.
    if (ast::StmtPtr body = simpleStatement()) {
        s->body.push_back(std::move(body));
        currentBlock().push_back(std::move(s));
    }
}

void FortranParserImpl::elseStatement() {
    const Token& kw = next();
    const bool elseIf = kw.text == "elseif" || (kw.text == "else" && peek().is("if"));
    if (kw.text == "else" && elseIf) next();
    if (frames_.empty() || frames_.back().kind != Frame::Kind::If) {
        diags_.error(kw.loc, "fortran-syntax", "'else' without 'if ... then'");
        failed_ = true;
        return;
    }
    Frame& f = frames_.back();
    if (!elseIf) {
        f.block = &f.cur->orelse;
        return;
    }
    expect("(");
    ast::ExprPtr cond = expression();
    expect(")");
    expect("then");
    if (failed_) return;
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::If;
    s->loc = kw.loc;
    s->value = std::move(cond);
    Stmt* raw = s.get();
    f.cur->orelse.push_back(std::move(s));
    f.cur = raw;
    f.block = &raw->body;
}

void FortranParserImpl::endStatement() {
    const Token& kw = next();
    std::string what = kw.text == "enddo" ? "do" : kw.text == "endif" ? "if" : kw.text == "endsubroutine" ? "subroutine" : "";
    if (what.empty() && peek().kind == Token::Kind::Ident) what = next().text;
    if (what.empty()) what = "subroutine";  // a bare `end`
    if (what == "subroutine") {
        if (peek().kind == Token::Kind::Ident) next();  // the name
        finishFunction(kw.loc);
        return;
    }
    if (what != "do" && what != "if") {
        unsupported(kw, "'end " + what + "'");
        return;
    }
    const Frame::Kind kind = what == "do" ? Frame::Kind::Do : Frame::Kind::If;
    if (frames_.empty() || frames_.back().kind != kind) {
        diags_.error(kw.loc, "fortran-syntax", "'end " + what + "' does not close a" +
                                                   (kind == Frame::Kind::Do ? " do loop" : "n if block"));
        failed_ = true;
        return;
    }
    Stmt* top = frames_.back().top;
    frames_.pop_back();
    if (kind == Frame::Kind::Do && top->pragma) checkPragma(*top);
}

ast::StmtPtr FortranParserImpl::simpleStatement() {
    const Token& first = peek();
    if (first.kind != Token::Kind::Ident) {
        unsupported(first, "a statement starting with '" + first.text + "'");
        return nullptr;
    }
    if (first.text == "call") {
        next();
        if (peek().kind != Token::Kind::Ident) {
            expect("subroutine name");
            return nullptr;
        }
        const Token& name = next();
        std::vector<ast::ExprPtr> args;
        if (accept("(") && !accept(")")) {
            do {
                args.push_back(expression());
            } while (!failed_ && accept(","));
            expect(")");
        }
        if (failed_) return nullptr;
        auto s = std::make_unique<Stmt>();
        s->kind = Stmt::Kind::CallStmt;
        s->loc = first.loc;
        s->value = ast::makeCall(name.text, std::move(args), name.loc);
        return s;
    }
    // An assignment: a top-level '=' must follow the target.
    bool hasAssign = false;
    int depth = 0;
    for (size_t i = k_; i < toks_.size(); ++i) {
        if (toks_[i].is("(")) ++depth;
        if (toks_[i].is(")")) --depth;
        if (depth == 0 && toks_[i].is("=")) hasAssign = true;
    }
    static const std::set<std::string> known = {"use", "module", "contains", "program", "function", "allocate",
                                                "deallocate", "print", "write", "read", "stop", "goto", "go",
                                                "select", "where", "forall", "exit", "cycle", "character",
                                                "complex", "type", "interface", "open", "close", "data",
                                                "common", "equivalence", "external", "intrinsic", "save",
                                                "parameter"};
    if (!hasAssign || known.count(first.text)) {
        unsupported(first, "the statement '" + first.text + "'");
        return nullptr;
    }
    const Token& name = next();
    ast::ExprPtr target = reference(name, true);
    expect("=");
    ast::ExprPtr value = expression();
    if (failed_ || !target || !value) return nullptr;
    auto s = std::make_unique<Stmt>();
    s->kind = Stmt::Kind::Assign;
    s->loc = first.loc;
    s->target = std::move(target);
    s->value = std::move(value);
    return s;
}

}  // namespace lomaw::fortran
