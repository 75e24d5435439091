// Executable statements: assignments, calls, do (counted, while, concurrent, labelled), if
// (block, one-line, arithmetic), select case/type/rank, where, forall, block, associate,
// critical, cycle/exit/return/stop/goto, I/O, allocate/deallocate/nullify. Constructs open a
// Frame even when their header has an error, so one bad name gives one error, not a cascade of
// unmatched else/end statements.
#include <algorithm>
#include <functional>

#include "fortran/FortranIntrinsics.h"
#include "fortran/FortranParserImpl.h"
#include "omp/AccessInspector.h"

namespace lomaw::fortran {

using ast::Expr;
using ast::ExprPtr;
using ast::Stmt;
using ast::StmtPtr;

namespace {

StmtPtr makeStmt(Stmt::Kind kind, SourceLoc at) {
    auto s = std::make_unique<Stmt>();
    s->kind = kind;
    s->loc = at;
    return s;
}

// An If whose condition is always true: the statements after a possible jump.
StmtPtr conditionalWrapper(SourceLoc at) {
    StmtPtr s = makeStmt(Stmt::Kind::If, at);
    s->value = ast::makeInt(1, at);
    return s;
}

StmtPtr assign(ExprPtr target, ExprPtr value, SourceLoc at) {
    StmtPtr s = makeStmt(Stmt::Kind::Assign, at);
    s->target = std::move(target);
    s->value = std::move(value);
    return s;
}

// The variable a reference names (its path), without subscripts: a whole-array target.
ExprPtr wholeOf(const Expr& e, std::vector<ExprPtr>& subscripts) {
    const Expr* cur = &e;
    while (cur->kind == Expr::Kind::Index) {
        subscripts.push_back(ast::clone(*cur->operands[1]));
        cur = cur->operands[0].get();
    }
    return ast::clone(*cur);
}

}  // namespace

// ------------------------------------------------------------------ blocks and frames

ast::Block& FortranParserImpl::block() {
    Level* p = procedure();
    if (!p->frames.empty()) {
        Frame& f = p->frames.back();
        if (f.jumped) {
            StmtPtr w = conditionalWrapper(peek().loc);
            ast::Block* inner = &w->body;
            f.block->push_back(std::move(w));
            f.block = inner;
            f.jumped = false;
        }
        return *f.block;
    }
    if (p->jumped) {
        StmtPtr w = conditionalWrapper(peek().loc);
        ast::Block* inner = &w->body;
        p->body->push_back(std::move(w));
        p->body = inner;
        p->jumped = false;
    }
    return *p->body;
}

void FortranParserImpl::push(StmtPtr s) {
    ast::Block& b = block();
    for (StmtPtr& pre : before_) b.push_back(std::move(pre));
    before_.clear();
    if (s) b.push_back(std::move(s));
}

void FortranParserImpl::openFrame(Frame f) { procedure()->frames.push_back(std::move(f)); }

// Pushes a construct's statement (even after an error in its header: the construct's end must
// still match) and opens its frame; statements go to its body.
void FortranParserImpl::openConstruct(StmtPtr s, Frame::Kind kind, const std::string& endWord,
                                      const std::string& name, SourceLoc at) {
    Stmt* raw = s.get();
    const bool was = failed_;
    failed_ = false;
    push(std::move(s));
    failed_ = was;
    Frame f;
    f.kind = kind;
    f.endWord = endWord;
    f.name = name;
    f.top = f.cur = raw;
    f.block = &raw->body;
    f.loc = at;
    openFrame(f);
}

void FortranParserImpl::closeFrame(const Frame& f) {
    Frame copy = f;
    procedure()->frames.pop_back();
    if (copy.loopIndex >= 0) finishLoop(copy);
}

StmtPtr FortranParserImpl::readsOf(std::vector<ExprPtr> exprs, SourceLoc at, const char* callee) {
    StmtPtr s = makeStmt(Stmt::Kind::CallStmt, at);
    s->value = ast::makeCall(callee, std::move(exprs), at);
    return s;
}

void FortranParserImpl::closeLabelledDo(long long label) {
    Level* p = procedure();
    if (!p) return;
    bool closed = false;
    while (!p->frames.empty() && p->frames.back().kind == Frame::Kind::Do && p->frames.back().label == label) {
        closeFrame(p->frames.back());
        closed = true;
    }
    if (closed) return;
    for (const Frame& f : p->frames)
        if (f.kind == Frame::Kind::Do && f.label == label) {
            diags_.report(f.loc, msg::FortranLabelledDoNotClosed, label);
            return;
        }
}

// ------------------------------------------------------------------ dispatch

void FortranParserImpl::executable(const std::string& w, const std::string& constructName, long long label) {
    // An image selector right after a name or subscript (`a(i)[p] = ...`); `[` elsewhere opens
    // an array constructor. Coarray programs run as images, not threads: their scopes mean nothing here.
    for (size_t i = k_ + 1; i < toks_.size(); ++i)
        if (toks_[i].is("[") && (toks_[i - 1].kind == Token::Kind::Ident || toks_[i - 1].is(")"))) {
            unsupported(toks_[i], msg::FortranCoarray);
            return;
        }
    if (w.empty()) {
        assignment();
        return;
    }
    Level* p = procedure();
    const Frame* inner = p->frames.empty() ? nullptr : &p->frames.back();
    const bool inSelect = inner && inner->kind == Frame::Kind::Select;
    if (w == "do") return doStatement(constructName, label);
    if (w == "if") return ifStatement(constructName, label);
    if (w == "else" || w == "elseif") return elseStatement();
    if (w == "elsewhere") return elsewhereStatement();
    if (w == "select" || w == "selectcase" || w == "selecttype" || w == "selectrank") return selectStatement(constructName);
    if (w == "case" || (inSelect && (w == "type" || w == "class" || w == "rank"))) return caseStatement();
    if (w == "where") return whereStatement(constructName);
    if (w == "forall") {
        const Token& kw = next();
        return concurrentHeader(kw, constructName, "forall");
    }
    if (w == "block" || w == "critical") return blockStatement(w, constructName);
    if (w == "associate") return associateStatement(constructName);
    if (w == "call") return callStatement();
    if (w == "cycle" || w == "exit" || w == "return" || w == "stop" || w == "goto" || w == "pause" ||
        (w == "go" && peek(1).is("to")) || (w == "error" && peek(1).is("stop")))
        return jump(w, peek());
    if (w == "continue") {
        next();
        return;
    }
    if (w == "print" || w == "write" || w == "read" || w == "open" || w == "close" || w == "inquire" ||
        w == "rewind" || w == "backspace" || w == "endfile" || w == "flush" || w == "wait")
        return ioStatement(w);
    if (w == "allocate" || w == "deallocate") return allocateStatement(w == "allocate");
    if (w == "nullify") return nullifyStatement();
    static const std::map<std::string, std::string> ends = {
        {"enddo", "do"}, {"endif", "if"}, {"endselect", "select"}, {"endwhere", "where"}, {"endforall", "forall"},
        {"endassociate", "associate"}, {"endblock", "block"}, {"endcritical", "critical"}};
    if (auto e = ends.find(w); e != ends.end()) return endConstruct(next(), e->second);
    if (w == "end") {
        const Token& kw = next();
        if (peek().kind != Token::Kind::Ident) {
            error(kw.loc, msg::FortranEndOfUnknown);
            return;
        }
        return endConstruct(kw, next().text);
    }
    if (w == "sync" || w == "lock" || w == "unlock" || w == "event" || w == "fail" || w == "form") {
        note(peek().loc, {msg::FortranStatementSkipped, w});
        return;
    }
    error(peek().loc, {msg::FortranUnrecognisedStatement, w});
}

// ------------------------------------------------------------------ assignments and calls

void FortranParserImpl::assignment() {
    const Token& name = next();
    ExprPtr target = reference(name, true);
    if (accept("=>")) {  // pointer association
        // A procedure pointer's target is a procedure name, not a value.
        const bool procedureTarget = peek().kind == Token::Kind::Ident && peek(1).kind == Token::Kind::End &&
                                     !lookup(peek().text);
        if (procedureTarget) next();
        ExprPtr value = procedureTarget ? ast::makeInt(0, name.loc) : expression();
        if (failed_ || !target) return;
        Level* p = procedure();
        if (!p->pointerNoted) {
            p->pointerNoted = true;
            note(name.loc, {msg::PointerAssignmentSkipped, name.text});
        }
        std::vector<ExprPtr> v;
        if (value) v.push_back(std::move(value));
        push(assign(std::move(target), ast::makeCall(omp::kPassiveCallee, std::move(v), name.loc), name.loc));
        return;
    }
    expect("=");
    ExprPtr value = expression();
    if (!failed_ && !atEnd()) error(peek().loc, {msg::FortranAfterAssignment, peek().text});
    if (failed_ || !target || !value) {
        atomicNext_ = false;
        return;
    }
    if (rankOf(*target) == 0 && rankOf(*value) > 0)
        note(value->loc, {msg::ArrayToScalar, name.text});
    if (atomicNext_) {  // !$omp atomic: x = x + e is an accumulation into x
        atomicNext_ = false;
        if (value->kind == Expr::Kind::Binary && value->op == ast::BinaryOp::Add) {
            for (int side = 0; side < 2; ++side)
                if (ast::equal(*value->operands[static_cast<size_t>(side)], *target)) {
                    std::vector<ExprPtr> args;
                    args.push_back(std::move(target));
                    args.push_back(std::move(value->operands[static_cast<size_t>(1 - side)]));
                    StmtPtr s = makeStmt(Stmt::Kind::CallStmt, name.loc);
                    s->value = ast::makeCall("atomic_add", std::move(args), name.loc);
                    push(std::move(s));
                    return;
                }
        }
    }
    push(assign(std::move(target), std::move(value), name.loc));
}

void FortranParserImpl::callStatement() {
    const Token& kw = next();
    if (peek().kind != Token::Kind::Ident) {
        expect("a subroutine name");
        return;
    }
    const Token& name = next();
    std::string callee = name.text;
    if (peek().is("%")) {  // a type-bound procedure: call d%update(x)
        while (accept("%"))
            if (peek().kind == Token::Kind::Ident) callee += "%" + next().text;
        if (calledExternals_.insert(callee).second)
            note(name.loc, {msg::TypeBoundProcedure, callee});
        callee = "__typebound";
    }
    std::vector<ExprPtr> args = callArguments(callee);
    if (failed_) return;
    if (!atEnd()) {
        error(peek().loc, {msg::FortranAfterCall, peek().text});
        return;
    }
    if (isIntrinsicSubroutine(callee) && !procedures_.count(callee)) {
        std::vector<ExprPtr> reads;
        for (size_t k = 0; k < args.size(); ++k) {
            if (writesArgument(callee, k)) {
                push(assign(std::move(args[k]), ast::makeCall("__result", {}, name.loc), name.loc));
            } else {
                reads.push_back(std::move(args[k]));
            }
        }
        if (!reads.empty()) push(readsOf(std::move(reads), kw.loc));
        return;
    }
    if (!procedures_.count(callee)) {
        const Entity* dummyProc = lookup(callee);
        size_t& n = stubArity_[callee];
        n = std::max(n, args.size());
        if (callee != "__typebound" && calledExternals_.insert(callee).second)
            note(name.loc, {dummyProc && dummyProc->dummy ? msg::ExternalDummyProcedure : msg::ExternalSubroutine, callee});
    }
    StmtPtr s = makeStmt(Stmt::Kind::CallStmt, kw.loc);
    s->value = ast::makeCall(callee, std::move(args), name.loc);
    push(std::move(s));
}

// ------------------------------------------------------------------ do loops

void FortranParserImpl::doStatement(const std::string& constructName, long long) {
    const Token& kw = next();
    long long doLabel = 0;
    if (peek().kind == Token::Kind::Int) {
        doLabel = std::stoll(next().text);
        accept(",");
    }
    Frame f;
    f.kind = Frame::Kind::Do;
    f.endWord = "do";
    f.name = constructName;
    f.label = doLabel;
    f.loc = kw.loc;
    if (accept("concurrent")) {
        concurrentHeader(kw, constructName, "do");
        if (doLabel) procedure()->frames.back().label = doLabel;
        return;
    }
    StmtPtr s;
    if (peek().is("while") || atEnd()) {
        s = makeStmt(Stmt::Kind::While, kw.loc);
        if (accept("while")) {
            expect("(");
            s->value = expression();
            expect(")");
        }
        if (!s->value || failed_) s->value = ast::makeInt(1, kw.loc);
        if (pending_) {
            diags_.report(pending_->loc, msg::OmpBeforeDoWhile, pending_->construct);
            pending_.reset();
        }
    } else {
        s = makeStmt(Stmt::Kind::For, kw.loc);
        if (peek().kind != Token::Kind::Ident) {
            expect("a loop variable");
        } else {
            const Token& var = next();
            s->name = var.text;
            s->nameLoc = var.loc;
            resolve(var, true);
            expect("=");
            ExprPtr start = expression();
            expect(",");
            ExprPtr stop = expression();
            ExprPtr step;
            if (accept(",")) step = expression();
            if (!failed_ && !atEnd()) error(peek().loc, {msg::FortranInDoHeader, peek().text});
            if (!failed_) {
                long long dir = 1;
                if (step && step->kind == Expr::Kind::Neg && step->operands[0]->kind == Expr::Kind::IntLit) dir = -1;
                if (step && step->kind == Expr::Kind::IntLit && step->intValue < 0) dir = -1;
                s->rangeArgs.push_back(std::move(start));
                s->rangeArgs.push_back(ast::makeBinary(dir > 0 ? ast::BinaryOp::Add : ast::BinaryOp::Sub,
                                                       std::move(stop), ast::makeInt(1, kw.loc), kw.loc));
                if (step) s->rangeArgs.push_back(std::move(step));
            }
        }
        if (s->name.empty()) s->name = "__do";
        if (s->rangeArgs.empty()) s->rangeArgs.push_back(ast::makeInt(0, kw.loc));
    }
    Stmt* raw = s.get();
    push(std::move(s));
    f.top = f.cur = raw;
    f.block = &raw->body;
    openFrame(f);
    if (pending_ && raw->kind == Stmt::Kind::For) attachDirective(*raw, procedure()->frames.back());
}

// forall / do concurrent (i = a:b[:s], j = ..., mask): nested For loops, the mask an If.
void FortranParserImpl::concurrentHeader(const Token& kw, const std::string& constructName, const std::string& endWord) {
    Frame f;
    f.kind = Frame::Kind::Do;
    f.endWord = endWord;
    f.name = constructName;
    f.loc = kw.loc;
    if (!expect("(")) {
        openConstruct(conditionalWrapper(kw.loc), Frame::Kind::Do, endWord, constructName, kw.loc);
        return;
    }
    if (peek().kind == Token::Kind::Ident && (peek(1).is("::"))) {  // forall (integer :: i = ...)
        next();
        next();
    } else if (isDeclarationStart()) {
        while (!atEnd() && !peek().is("::")) next();
        accept("::");
    }
    StmtPtr outer;
    Stmt* innermost = nullptr;
    ExprPtr mask;
    while (!failed_ && !peek().is(")")) {
        if (peek().kind == Token::Kind::Ident && peek(1).is("=")) {
            const Token& var = next();
            next();
            resolve(var, true);
            StmtPtr loop = makeStmt(Stmt::Kind::For, var.loc);
            loop->name = var.text;
            loop->nameLoc = var.loc;
            ExprPtr lo = expression();
            expect(":");
            ExprPtr hi = expression();
            ExprPtr step;
            if (accept(":")) step = expression();
            if (failed_) break;
            loop->rangeArgs.push_back(std::move(lo));
            loop->rangeArgs.push_back(ast::makeBinary(ast::BinaryOp::Add, std::move(hi), ast::makeInt(1, var.loc), var.loc));
            if (step) loop->rangeArgs.push_back(std::move(step));
            Stmt* raw = loop.get();
            if (!outer) outer = std::move(loop);
            else innermost->body.push_back(std::move(loop));
            innermost = raw;
        } else {
            mask = expression();
        }
        if (!accept(",")) break;
    }
    expect(")");
    // do concurrent locality specs (local(t) shared(a) default(none) reduce(+:s)): a do
    // concurrent loop is not an OpenMP loop, so they do not change any scope reported.
    static const std::set<std::string> locality = {"local", "local_init", "shared", "default", "reduce"};
    while (endWord == "do" && !failed_ && peek().kind == Token::Kind::Ident && locality.count(peek().text) &&
           peek(1).is("("))
        k_ = std::min(matching(k_ + 1) + 1, toks_.size() - 1);
    if (!outer) {
        outer = makeStmt(Stmt::Kind::If, kw.loc);
        outer->value = ast::makeInt(1, kw.loc);
        innermost = outer.get();
    }
    ast::Block* body = &innermost->body;
    if (mask) {
        StmtPtr m = makeStmt(Stmt::Kind::If, kw.loc);
        m->value = std::move(mask);
        Stmt* raw = m.get();
        body->push_back(std::move(m));
        body = &raw->body;
    }
    Stmt* top = outer.get();
    push(std::move(outer));
    f.top = f.cur = top;
    f.block = body;
    const bool oneLine = endWord == "forall" && !atEnd();
    openFrame(f);
    if (oneLine) {  // forall (...) a(i) = b(i)
        if (assignmentShape()) assignment();
        else error(peek().loc, msg::FortranForallBody);
        closeFrame(procedure()->frames.back());
    }
}

// ------------------------------------------------------------------ if, select, where

void FortranParserImpl::ifStatement(const std::string& constructName, long long) {
    const Token& kw = next();
    if (!peek().is("(")) {
        expect("(");
        return;
    }
    const size_t close = matching(k_);
    if (close >= toks_.size()) {
        error(kw.loc, msg::FortranIfUnbalanced);
        return;
    }
    const bool blockIf = toks_[close + 1].is("then") && toks_[close + 2].kind == Token::Kind::End;
    const bool arithmetic = toks_[close + 1].kind == Token::Kind::Int;
    next();
    ExprPtr cond = expression();
    const bool condFailed = failed_ || k_ != close;
    if (!failed_ && k_ != close) error(peek().loc, {msg::FortranInIfCondition, peek().text});
    k_ = close + 1;
    StmtPtr s = makeStmt(Stmt::Kind::If, kw.loc);
    s->value = cond && !condFailed ? std::move(cond) : ast::makeInt(1, kw.loc);
    if (blockIf) {
        // The construct opens whatever its condition held: its else/end if still match.
        openConstruct(std::move(s), Frame::Kind::If, "if", constructName, kw.loc);
        next();  // then
        return;
    }
    if (condFailed) return;
    if (arithmetic) {  // if (e) 10, 20, 30: a jump
        std::vector<ExprPtr> reads;
        reads.push_back(std::move(s->value));
        push(readsOf(std::move(reads), kw.loc, omp::kPassiveCallee));
        jump("goto", kw);
        while (!atEnd()) next();
        return;
    }
    // A one-line if: the action statement in a temporary frame.
    openConstruct(std::move(s), Frame::Kind::If, "if", "", kw.loc);
    const size_t depth = procedure()->frames.size();
    if (atEnd()) {
        expect("a statement after the if condition");
    } else if (peek().kind != Token::Kind::Ident) {
        error(peek().loc, msg::FortranIfBody);
    } else {
        static const std::set<std::string> notActions = {"do", "if", "else", "elseif", "end", "enddo", "endif",
                                                         "select", "case", "where", "forall", "block"};
        const std::string w = peek().text;
        if (assignmentShape()) executable("", "", 0);
        else if (notActions.count(w) && !(w == "if")) error(peek().loc, {msg::FortranNotAfterOneLineIf, w});
        else if (w == "if") error(peek().loc, msg::FortranNestedOneLineIf);
        else executable(w, "", 0);
    }
    Level* p = procedure();
    while (p->frames.size() > depth) closeFrame(p->frames.back());  // a one-line forall inside
    if (p->frames.size() == depth) closeFrame(p->frames.back());
}

void FortranParserImpl::elseStatement() {
    if (peek().is("else") && peek(1).is("where")) {  // else where
        next();
        return elsewhereStatement();
    }
    const Token& kw = next();
    const bool elseIf = kw.text == "elseif" || (kw.text == "else" && peek().is("if"));
    if (kw.text == "else" && elseIf) next();
    Level* p = procedure();
    if (p->frames.empty() || p->frames.back().kind != Frame::Kind::If) {
        error(kw.loc, msg::FortranElseWithoutIf);
        return;
    }
    Frame& f = p->frames.back();
    f.jumped = false;
    if (!elseIf) {
        f.block = &f.cur->orelse;
        return;
    }
    StmtPtr s = makeStmt(Stmt::Kind::If, kw.loc);
    if (expect("(")) {
        ExprPtr cond = expression();
        expect(")");
        expect("then");
        if (!failed_) s->value = std::move(cond);
    }
    if (!s->value) s->value = ast::makeInt(1, kw.loc);
    Stmt* raw = s.get();
    f.cur->orelse.push_back(std::move(s));
    f.cur = raw;
    f.block = &raw->body;
}

// select case (e) / select type (a => e) / select rank (a): the cases become an if chain.
void FortranParserImpl::selectStatement(const std::string& constructName) {
    const Token& kw = next();
    if (kw.is("select")) next();  // case / type / rank
    std::vector<ExprPtr> selector;
    if (expect("(")) {
        if (peek().kind == Token::Kind::Ident && peek(1).is("=>")) {  // an associate name
            next();
            next();
        }
        selector.push_back(expression());
        expect(")");
    }
    if (!failed_) push(readsOf(std::move(selector), kw.loc, omp::kPassiveCallee));
    Frame f;
    f.kind = Frame::Kind::Select;
    f.endWord = "select";
    f.name = constructName;
    f.block = &block();
    f.loc = kw.loc;
    openFrame(f);
}

// case (v, a:b) / case default / type is (t) / class is (t) / class default / rank (n)
void FortranParserImpl::caseStatement() {
    const Token& kw = next();
    Level* p = procedure();
    if (p->frames.empty() || p->frames.back().kind != Frame::Kind::Select) {
        error(kw.loc, {msg::FortranOutsideSelect, kw.text});
        return;
    }
    Frame& f = p->frames.back();
    f.jumped = false;
    accept("is");
    std::vector<ExprPtr> values;
    bool isDefault = accept("default");
    if (!isDefault && peek().is("(")) {
        next();
        while (!failed_ && !peek().is(")")) {
            if (peek().is(":")) next();
            if (kw.is("type") || kw.is("class")) {
                while (!atEnd() && !peek().is(")")) next();  // a type name
                break;
            }
            values.push_back(subscriptArg());
            if (!accept(",")) break;
        }
        expect(")");
    }
    StmtPtr s = makeStmt(Stmt::Kind::If, kw.loc);
    s->value = ast::makeCall("__case", std::move(values), kw.loc);
    Stmt* raw = s.get();
    if (!f.cur) {
        f.block->push_back(std::move(s));
        f.top = raw;
    } else {
        f.cur->orelse.push_back(std::move(s));
    }
    f.cur = raw;
    f.block = &raw->body;
}

// where (mask) a = b, or a where construct (elsewhere [(mask)], end where).
void FortranParserImpl::whereStatement(const std::string& constructName) {
    const Token& kw = next();
    StmtPtr s = makeStmt(Stmt::Kind::If, kw.loc);
    if (expect("(")) {
        s->value = expression();
        expect(")");
    }
    if (!s->value || failed_) s->value = ast::makeInt(1, kw.loc);
    const bool was = failed_;
    openConstruct(std::move(s), Frame::Kind::Where, "where", constructName, kw.loc);
    if (!atEnd() && !was) {  // the one-line form
        if (assignmentShape()) assignment();
        else error(peek().loc, msg::FortranWhereBody);
        closeFrame(procedure()->frames.back());
    }
}

void FortranParserImpl::elsewhereStatement() {
    const Token& kw = next();
    Level* p = procedure();
    if (p->frames.empty() || p->frames.back().kind != Frame::Kind::Where) {
        error(kw.loc, msg::FortranElsewhereWithoutWhere);
        return;
    }
    Frame& f = p->frames.back();
    StmtPtr s = makeStmt(Stmt::Kind::If, kw.loc);
    if (accept("(")) {
        s->value = expression();
        expect(")");
    }
    if (!s->value || failed_) s->value = ast::makeInt(1, kw.loc);
    Stmt* raw = s.get();
    f.cur->orelse.push_back(std::move(s));
    f.cur = raw;
    f.block = &raw->body;
    f.jumped = false;
}

// block / critical: statements run in place (a block's declarations are the procedure's).
void FortranParserImpl::blockStatement(const std::string& endWord, const std::string& constructName) {
    const Token& kw = next();
    if (peek().is("(")) k_ = std::min(matching(k_) + 1, toks_.size() - 1);  // critical (name)
    Frame f;
    f.kind = Frame::Kind::Block;
    f.endWord = endWord;
    f.name = constructName;
    f.block = &block();
    f.loc = kw.loc;
    if (endWord == "block") f.scope = ++blockScopes_;
    openFrame(f);
}

int FortranParserImpl::currentBlockScope() {
    Level* p = procedure();
    if (!p) return 0;
    for (auto it = p->frames.rbegin(); it != p->frames.rend(); ++it)
        if (it->scope) return it->scope;
    return 0;
}

// associate (a => d%u, b => expr): a names the component path; b is a local set once.
void FortranParserImpl::associateStatement(const std::string& constructName) {
    const Token& kw = next();
    std::vector<std::pair<std::string, std::string>> aliases;
    if (expect("(")) {
        while (!failed_ && peek().kind == Token::Kind::Ident && peek(1).is("=>")) {
            const Token& a = next();
            next();
            // A plain path (name{%name}) followed by ',' or ')': an alias.
            size_t i = k_;
            std::string path;
            while (toks_[i].kind == Token::Kind::Ident) {
                path += toks_[i].text;
                ++i;
                if (!toks_[i].is("%")) break;
                path += "%";
                ++i;
            }
            if (!path.empty() && path.back() != '%' && (toks_[i].is(",") || toks_[i].is(")"))) {
                const Token& first = next();
                ExprPtr ref = reference(first, false);  // registers the path's type
                (void)ref;
                k_ = i;
                aliases.push_back({a.text, path});
            } else {
                ExprPtr value = expression();
                if (value) {
                    Entity e;
                    e.base = Entity::Base::Real;
                    e.typed = true;
                    declare(a.text, a.loc, e);
                    push(assign(ast::makeVar(a.text, a.loc), std::move(value), a.loc));
                }
            }
            if (!accept(",")) break;
        }
        expect(")");
    }
    for (const auto& [a, path] : aliases) procedure()->aliases[a] = path;
    Frame f;
    f.kind = Frame::Kind::Block;
    f.endWord = "associate";
    f.name = constructName;
    f.block = &block();
    f.loc = kw.loc;
    openFrame(f);
}

void FortranParserImpl::endConstruct(const Token& kw, const std::string& what) {
    Level* p = procedure();
    if (p->frames.empty() || p->frames.back().endWord != what) {
        if (what == "do") error(kw.loc, msg::FortranEndDoMismatch);
        else if (what == "if") error(kw.loc, msg::FortranEndIfMismatch);
        else error(kw.loc, {msg::FortranEndMismatch, what});
        return;
    }
    const Frame f = p->frames.back();
    if (peek().kind == Token::Kind::Ident && f.name != peek().text)
        error(peek().loc, {msg::FortranEndNameMismatch, what, peek().text, f.name});
    closeFrame(f);
}

// cycle/exit [name], return, stop, error stop, go to: the statements after it in every block
// it may leave are conditional from then on.
void FortranParserImpl::jump(const std::string& kind, const Token& at) {
    Level* p = procedure();
    next();
    if (kind == "go") next();
    if (kind == "cycle" || kind == "exit") {
        std::string target;
        if (peek().kind == Token::Kind::Ident) target = next().text;
        int t = -1;
        for (int k = static_cast<int>(p->frames.size()) - 1; k >= 0 && t < 0; --k) {
            const Frame& f = p->frames[static_cast<size_t>(k)];
            if (f.kind == Frame::Kind::Do && (target.empty() ? f.endWord == "do" || f.endWord == "forall" : f.name == target))
                t = k;
        }
        if (t < 0) {
            if (target.empty()) error(at.loc, {msg::FortranJumpOutsideDo, kind});
            else error(at.loc, {msg::FortranJumpOutsideNamedDo, kind, target});
            return;
        }
        if (kind == "exit" && p->frames[static_cast<size_t>(t)].loopIndex >= 0) {
            error(at.loc, {msg::OmpExitFromLoop, p->frames[static_cast<size_t>(t)].loc.line});
            return;
        }
        for (size_t k = static_cast<size_t>(t); k < p->frames.size(); ++k) p->frames[k].jumped = true;
        return;
    }
    // return / stop / go to: possibly leaves everything.
    for (const Frame& f : p->frames)
        if (kind == "return" && f.loopIndex >= 0) {
            error(at.loc, {msg::OmpReturnFromLoop, f.loc.line});
            return;
        }
    if (kind == "goto" || kind == "go") {
        note(at.loc, msg::GotoSkipped);
        while (!atEnd()) next();
    } else {
        while (!atEnd()) {  // stop code / error stop code: read, no effect
            if (peek().kind == Token::Kind::Ident) resolve(next(), false);
            else next();
        }
    }
    if (kind == "return") push(makeStmt(Stmt::Kind::Return, at.loc));
    for (Frame& f : p->frames) f.jumped = true;
    p->jumped = true;
}

// ------------------------------------------------------------------ I/O and memory

// print fmt, items / write (ctl) items / read (ctl) items / read fmt, items / open(...), ...:
// output items and control values are read, input items and iostat=/iomsg=/... are written.
void FortranParserImpl::ioStatement(const std::string& w) {
    const Token& kw = next();
    std::vector<ExprPtr> reads;
    const bool input = w == "read";
    static const std::set<std::string> outputsOfAll = {"iostat", "iomsg", "size", "newunit", "nextrec"};
    bool writesUnit = false;
    if (peek().is("(") && w != "print") {
        next();
        int position = 0;
        while (!failed_ && !peek().is(")") && !atEnd()) {
            std::string keyword;
            if (peek().kind == Token::Kind::Ident && peek(1).is("=")) {
                keyword = next().text;
                next();
            }
            if (accept("*")) {
                // default unit / list-directed format
            } else if (!keyword.empty() &&
                       (outputsOfAll.count(keyword) ||
                        (w == "inquire" && keyword != "unit" && keyword != "file" && keyword != "id"))) {
                if (peek().kind == Token::Kind::Ident) {
                    const Token& n = next();
                    ExprPtr target = reference(n, true);
                    if (target) push(assign(std::move(target), ast::makeCall("__result", {}, n.loc), n.loc));
                } else {
                    expression();
                }
            } else {
                ExprPtr e = expression();
                // write (str, *) x: an internal file is written
                if (position == 0 && keyword.empty() && w == "write" && e && e->kind != Expr::Kind::IntLit) writesUnit = true;
                if (writesUnit && position == 0 && e) {
                    std::vector<ExprPtr> subs;
                    push(assign(wholeOf(*e, subs), ast::makeCall("__result", {}, kw.loc), kw.loc));
                } else if (e) {
                    reads.push_back(std::move(e));
                }
            }
            ++position;
            if (!accept(",")) break;
        }
        expect(")");
    } else if (w == "print" || w == "read") {
        if (!accept("*")) {
            ExprPtr fmt = expression();
            if (fmt) reads.push_back(std::move(fmt));
        }
        if (!accept(",") && !atEnd()) expect(",");
    } else if (!atEnd()) {  // rewind 10 / flush u
        ExprPtr unitExpr = expression();
        if (unitExpr) reads.push_back(std::move(unitExpr));
    }
    // The item list, implied do loops included.
    // A nested list stops before its enclosing implied do's control `name =`.
    std::function<void(ast::Block*)> items = [&](ast::Block* into) {
        while (!failed_ && !atEnd() && !peek().is(")") && !(peek().kind == Token::Kind::Ident && peek(1).is("="))) {
            if (opensImpliedDo()) {
                const Token& paren = next();
                ast::Block body;
                // items up to "name ="
                while (!failed_ && !(peek().kind == Token::Kind::Ident && peek(1).is("="))) {
                    if (peek().is("(")) {
                        items(&body);  // nested implied do handled by recursion on its '('
                        continue;
                    }
                    if (input && peek().kind == Token::Kind::Ident) {
                        const Token& n = next();
                        ExprPtr t = reference(n, true);
                        if (t) body.push_back(assign(std::move(t), ast::makeCall("__input", {}, n.loc), n.loc));
                    } else {
                        std::vector<ExprPtr> one;
                        one.push_back(expression());
                        body.push_back(readsOf(std::move(one), paren.loc));
                    }
                    if (!accept(",")) break;
                }
                StmtPtr loop = impliedDoControl(paren.loc);
                loop->body = std::move(body);
                if (!failed_) {
                    if (into) into->push_back(std::move(loop));
                    else push(std::move(loop));
                }
            } else if (input && peek().kind == Token::Kind::Ident) {
                const Token& n = next();
                ExprPtr t = reference(n, true);
                if (t && !failed_) {
                    StmtPtr s = assign(std::move(t), ast::makeCall("__input", {}, n.loc), n.loc);
                    if (into) into->push_back(std::move(s));
                    else push(std::move(s));
                }
            } else {
                ExprPtr e = expression();
                if (e && into) {
                    std::vector<ExprPtr> one;
                    one.push_back(std::move(e));
                    into->push_back(readsOf(std::move(one), kw.loc));
                } else if (e) {
                    reads.push_back(std::move(e));
                }
            }
            if (!accept(",")) break;
        }
    };
    items(nullptr);
    if (!failed_ && !atEnd()) error(peek().loc, {msg::FortranInStatement, peek().text, w});

    if (failed_) return;
    if (!reads.empty()) push(readsOf(std::move(reads), kw.loc));
}

// allocate (a(n, 0:m), d%u(n), stat=ierr, source=x): each object is written whole, its bounds
// read. deallocate (a, stat=ierr): written.
void FortranParserImpl::allocateStatement(bool) {
    const Token& kw = next();
    if (!expect("(")) return;
    // allocate (real(8) :: a(n))
    for (size_t i = k_; i < toks_.size() && !toks_[i].is(")"); ++i)
        if (toks_[i].is("::")) {
            k_ = i + 1;
            break;
        }
    std::vector<ExprPtr> reads;
    while (!failed_ && !peek().is(")") && !atEnd()) {
        if (peek().kind == Token::Kind::Ident && peek(1).is("=")) {
            const std::string keyword = next().text;
            next();
            if (keyword == "stat" || keyword == "errmsg") {
                if (peek().kind == Token::Kind::Ident) {
                    const Token& n = next();
                    ExprPtr t = reference(n, true);
                    if (t) push(assign(std::move(t), ast::makeCall("__result", {}, n.loc), n.loc));
                }
            } else {
                ExprPtr e = expression();
                if (e) reads.push_back(std::move(e));
            }
        } else if (peek().kind == Token::Kind::Ident) {
            const Token& n = next();
            ExprPtr ref = reference(n, true);
            if (ref && !failed_) {
                std::vector<ExprPtr> bounds;
                ExprPtr whole = wholeOf(*ref, bounds);
                push(assign(std::move(whole), ast::makeCall("__allocate", std::move(bounds), n.loc), n.loc));
            }
        } else {
            expect("an object to allocate");
        }
        if (!accept(",")) break;
    }
    expect(")");
    if (!failed_ && !reads.empty()) push(readsOf(std::move(reads), kw.loc));
}

void FortranParserImpl::nullifyStatement() {
    next();
    if (!expect("(")) return;
    while (!failed_ && peek().kind == Token::Kind::Ident) {
        const Token& n = next();
        ExprPtr ref = reference(n, true);
        if (ref && !failed_) push(assign(std::move(ref), ast::makeCall("__allocate", {}, n.loc), n.loc));
        if (!accept(",")) break;
    }
    expect(")");
}

}  // namespace lomaw::fortran
