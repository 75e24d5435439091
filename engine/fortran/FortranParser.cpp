// Program units and statement dispatch: modules (CONTAINS, USE), programs, subroutines and
// functions (internal ones included), END, IMPLICIT, skipped units (block data, submodule,
// interface blocks) and the token cursor.
#include "fortran/FortranParser.h"

#include <algorithm>

#include "fortran/FortranIntrinsics.h"
#include "fortran/FortranParserImpl.h"

namespace lomaw::fortran {

using ast::Expr;
using ast::Stmt;

Unit parseUnit(std::string_view text, DiagnosticSink& diags, SourceForm form) {
    const std::vector<LogicalLine> lines = logicalLines(text, form);
    return FortranParserImpl(diags, lines).run();
}

ast::Module parse(std::string_view text, DiagnosticSink& diags) { return std::move(parseUnit(text, diags).module); }

SourceForm formOf(const std::string& path) {
    for (const char* ext : {".f", ".F", ".for", ".FOR", ".ftn", ".f77", ".F77"}) {
        const std::string e(ext);
        if (path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) return SourceForm::Fixed;
    }
    return SourceForm::Free;
}

FortranParserImpl::FortranParserImpl(DiagnosticSink& diags, const std::vector<LogicalLine>& lines)
    : diags_(diags), lines_(lines) {}

// ------------------------------------------------------------------ diagnostics

void FortranParserImpl::error(SourceLoc at, const Message& message) {
    if (failed_) return;  // one error per statement: the first cause
    diags_.report(at, inLaterBranch() ? Message(msg::PreprocessorBranchNotFortran) : message);
    failed_ = true;
}

// In an #elif or #else branch, a line that is not Fortran is one the build does not compile:
// `#else` / `Set the precision with -D_REAL8` / `#endif` is a guard in place of #error.
bool FortranParserImpl::inLaterBranch() const { return !ppBranches_.empty() && ppBranches_.back().second > 0; }

void FortranParserImpl::note(SourceLoc at, const Message& message) { diags_.report(at, message); }

void FortranParserImpl::unsupported(const Token& at, const Message& what) { error(at.loc, what); }

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
    const Token& t = peek();
    if (t.kind == Token::Kind::End) error(t.loc, {msg::FortranExpectedAtEnd, text});
    else error(t.loc, {msg::FortranExpectedBefore, text, t.text});
    return false;
}

size_t FortranParserImpl::matching(size_t open) const {
    int depth = 0;
    for (size_t i = open; i < toks_.size(); ++i) {
        if (toks_[i].is("(") || toks_[i].is("[")) ++depth;
        if ((toks_[i].is(")") || toks_[i].is("]")) && --depth == 0) return i;
    }
    return toks_.size();
}

// At '(': the parenthesised list holds ", name =" (its own or a nested implied do's control).
bool FortranParserImpl::opensImpliedDo() const {
    if (!peek().is("(")) return false;
    const size_t close = matching(k_);
    for (size_t i = k_ + 1; i + 2 < close; ++i)
        if (toks_[i].is(",") && toks_[i + 1].kind == Token::Kind::Ident && toks_[i + 2].is("=")) return true;
    return false;
}

// After an implied do's items: `name = first, last[, step] )`, returned as a for loop over name
// (its body is the caller's). The name is an ordinary variable of the procedure, so it must be
// declared under implicit none, in an array constructor as in an I/O list.
ast::StmtPtr FortranParserImpl::impliedDoControl(SourceLoc at) {
    auto loop = std::make_unique<ast::Stmt>();
    loop->kind = ast::Stmt::Kind::For;
    loop->loc = at;
    const Token& var = next();
    resolve(var, true);
    expect("=");
    loop->name = var.text;
    loop->nameLoc = var.loc;
    loop->rangeArgs.push_back(expression());
    expect(",");
    loop->rangeArgs.push_back(expression());
    if (accept(",")) loop->rangeArgs.push_back(expression());
    expect(")");
    return loop;
}

// name [(...)] {% name [(...)]} followed by '=' or '=>': an assignment whatever the name is
// (Fortran keywords are not reserved: `do = 1` assigns).
bool FortranParserImpl::assignmentShape() const {
    size_t i = k_;
    while (true) {
        if (i >= toks_.size() || toks_[i].kind != Token::Kind::Ident) return false;
        ++i;
        while (i < toks_.size() && toks_[i].is("(")) {
            const size_t close = matching(i);
            if (close >= toks_.size()) return false;
            i = close + 1;
        }
        if (i < toks_.size() && toks_[i].is("%")) {
            ++i;
            continue;
        }
        return i < toks_.size() && (toks_[i].is("=") || toks_[i].is("=>"));
    }
}

// ------------------------------------------------------------------ the file

// Procedure names and dummy lists of the whole file, and its module names: calls to
// procedures defined later resolve, and f(x) is a call, not an array, when f is a function.
void FortranParserImpl::prescan(const std::vector<LogicalLine>& lines) {
    for (const LogicalLine& l : lines) {
        if (l.directive) continue;
        std::vector<Token> toks;
        size_t bad = 0;
        if (!tokenize(l, toks, bad)) continue;
        for (size_t i = 0; i + 1 < toks.size(); ++i) {
            const Token& t = toks[i];
            if (t.kind != Token::Kind::Ident) continue;
            if (i == 0 && t.text == "module" && toks[1].kind == Token::Kind::Ident && toks[1].text != "procedure" &&
                toks[2].kind == Token::Kind::End)
                fileModules_.insert(toks[1].text);
            if ((t.text != "function" && t.text != "subroutine") || toks[i + 1].kind != Token::Kind::Ident) continue;
            if (i > 0 && toks[i - 1].is("end")) break;
            const std::string name = toks[i + 1].text;
            std::vector<std::string> dummies;
            if (toks[i + 2].is("("))
                for (size_t j = i + 3; j < toks.size() && !toks[j].is(")"); ++j)
                    if (toks[j].kind == Token::Kind::Ident) dummies.push_back(toks[j].text);
            procedures_[name] = dummies;
            if (t.text == "function") functions_.insert(name);
            break;
        }
    }
}

Unit FortranParserImpl::run() {
    prescan(lines_);
    for (const LogicalLine& l : lines_) line(l);
    while (!levels_.empty()) {
        Level& lv = top();
        const std::string what = lv.kind == Level::Kind::Module ? "module" : lv.kind == Level::Kind::Program ? "program"
                                 : lv.kind == Level::Kind::Function ? "function" : "subroutine";
        if (!(lv.kind == Level::Kind::Program && lv.name == "main" && lv.loc.line == 0))
            diags_.report(lv.loc.valid() ? lv.loc : SourceLoc{lastLine_ > 0 ? lastLine_ : 1, 1}, msg::FortranUnitNotEnded,
                          what, lv.name);
        if (lv.kind != Level::Kind::Module && lv.kind != Level::Kind::Other) finishProcedure(lv);
        levels_.pop_back();
    }
    if (pending_) diags_.report(pending_->loc, msg::OmpDirectiveNotBeforeDo);
    // Procedures called but not defined in the file: stubs whose arguments are read and written.
    for (const auto& [name, arity] : stubArity_) {
        if (unit_.module.findFunction(name)) continue;
        ast::Function stub;
        stub.name = name;
        stub.generated = true;  // not analysed, only consulted for its arguments
        for (size_t k = 0; k < arity; ++k) {
            ast::Param p;
            p.name = "arg" + std::to_string(k + 1);
            p.isOut = true;
            p.resolved = Type::floatType();
            stub.params.push_back(std::move(p));
        }
        unit_.module.items.emplace_back(std::move(stub));
    }
    return std::move(unit_);
}

void FortranParserImpl::line(const LogicalLine& l) {
    lastLine_ = l.loc().line;
    if (!l.directive && !l.text.empty() && l.text[0] == '#') {  // a C preprocessor line
        if (!preprocessorNoted_)
            note(l.loc(), msg::PreprocessorSkipped);
        preprocessorNoted_ = true;
        if (pending_) pending_->beforePreprocessorLine = true;
        preprocessorLine(l.text.substr(1), l.loc());
        return;
    }
    if (ppSkipping_) return;  // a branch not read
    toks_.clear();
    k_ = 0;
    failed_ = false;
    size_t bad = 0;
    if (!tokenize(l, toks_, bad)) {
        if (skipUntil_.empty() && inLaterBranch())
            diags_.report(l.at(bad), msg::PreprocessorBranchNotFortran);
        else if (skipUntil_.empty())
            diags_.report(l.at(bad), l.directive ? msg::OmpUnexpectedCharacter : msg::FortranUnexpectedCharacter,
                          l.text[bad]);
        return;
    }
    if (!skipUntil_.empty()) {
        if (l.directive) return;
        size_t i = toks_[0].kind == Token::Kind::Int ? 1 : 0;
        const Token& a = toks_[std::min(i, toks_.size() - 1)];
        const Token& b = toks_[std::min(i + 1, toks_.size() - 1)];
        const bool end = (a.is("end") && b.is(skipUntil_.c_str())) || a.text == "end" + skipUntil_ ||
                         (skipUntil_ == "block" && a.text == "endblockdata");
        if (end) skipUntil_.clear();
        return;
    }
    if (l.directive) {
        directive(l);
        return;
    }
    statement();
}

// Branches are all read, except when the first leaves a construct open (`#ifdef A` / `do i = 1, n`
// / `#else` / `do concurrent (i = 1:n)` / `#endif` / body / `end do`): the later branches would
// open it a second time, so they are skipped up to the #endif.
void FortranParserImpl::preprocessorLine(const std::string& word, SourceLoc at) {
    if (word == "if" || word == "ifdef" || word == "ifndef") {
        ppBranches_.push_back({++ppConditions_, 0});
        ppDepthAtIf_.push_back(constructDepth());
    } else if ((word == "elif" || word == "else") && !ppBranches_.empty()) {
        ++ppBranches_.back().second;
        if (!ppSkipping_ && constructDepth() != ppDepthAtIf_.back()) {
            ppSkipping_ = ppBranches_.size();
            note(at, {msg::PreprocessorBranchSkipped, word});
        }
    } else if (word == "endif" && !ppBranches_.empty()) {
        if (ppSkipping_ == ppBranches_.size()) ppSkipping_ = 0;
        ppBranches_.pop_back();
        ppDepthAtIf_.pop_back();
    }
}

size_t FortranParserImpl::constructDepth() const {
    size_t depth = levels_.size();
    for (const auto& lv : levels_) depth += lv->frames.size();
    return depth + (typeDef_ ? 1 : 0);
}

// Whether branches `a` (a declaration's) and the current line's take different branches of
// one condition, so that at most one of them is compiled.
bool FortranParserImpl::alternativeBranches(const std::vector<std::pair<int, int>>& a) const {
    for (size_t k = 0; k < a.size() && k < ppBranches_.size(); ++k) {
        if (a[k].first != ppBranches_[k].first) return false;
        if (a[k].second != ppBranches_[k].second) return true;
    }
    return false;
}

void FortranParserImpl::includeLine() {
    next();
    const Token& file = next();
    if (!atEnd()) expect("end of the statement");
    if (levels_.empty()) return;  // outside any unit: nothing can use its names
    std::vector<std::string>& from = top().symbols.externalModules;
    const std::string key = "'" + file.text + "'";  // quoted: never a module name
    if (std::find(from.begin(), from.end(), key) == from.end()) {
        from.push_back(key);
        note(file.loc, {msg::ExternalInclude, file.text});
    }
}

FortranParserImpl::Level* FortranParserImpl::procedure() {
    for (auto it = levels_.rbegin(); it != levels_.rend(); ++it)
        if ((*it)->kind != Level::Kind::Module && (*it)->kind != Level::Kind::Other) return it->get();
    return nullptr;
}

void FortranParserImpl::skipUntilEnd(const std::string& what, const Token& at, const std::optional<Message>& skipped) {
    skipUntil_ = what;
    if (skipped) note(at.loc, *skipped);
}

void FortranParserImpl::statement() {
    long long label = 0;
    if (peek().kind == Token::Kind::Int) label = std::stoll(next().text);
    std::string constructName;
    if (peek().kind == Token::Kind::Ident && peek(1).is(":") && peek(2).kind == Token::Kind::Ident) {
        static const std::set<std::string> constructs = {"do", "if", "select", "selectcase", "selecttype", "where",
                                                        "forall", "block", "associate", "critical"};
        if (constructs.count(peek(2).text)) {
            constructName = next().text;
            next();
        }
    }
    if (typeDef_) {
        typeDefinitionLine();
        return;
    }
    if (atEnd()) {
        if (label) closeLabelledDo(label);
        return;
    }
    const Token& first = peek();
    if (first.kind != Token::Kind::Ident) {
        unsupported(first, {msg::FortranStatementStart, first.text});
        return;
    }
    const std::string w = first.text;
    const bool assign = assignmentShape();
    if (pending_ && (assign || (w != "do" && !(w == "end" || w == "enddo")))) {
        diags_.report(pending_->loc, msg::OmpDirectiveNotBeforeDo);
        pending_.reset();
    }
    if (!assign) {
        if (unitStatement(w)) return;
        if (w == "enum" || w == "enumerator" || w == "endenum" || (w == "end" && peek(1).is("enum"))) {
            enumStatement(w);
            return;
        }
        if (isDeclarationStart()) {
            typeDeclaration();
            return;
        }
        static const std::set<std::string> attributes = {
            "dimension", "allocatable", "pointer", "target", "save", "intent", "optional", "value", "public",
            "private", "protected", "external", "intrinsic", "volatile", "asynchronous", "contiguous", "sequence",
            "namelist", "equivalence", "bind", "codimension"};
        if (attributes.count(w) && !(w == "private" && peek(1).is("("))) {
            attributeStatement(w);
            return;
        }
        if (w == "parameter" && peek(1).is("(")) {
            parameterStatement();
            return;
        }
        if (w == "common") {
            commonStatement();
            return;
        }
        if (w == "data") {
            dataStatement();
            return;
        }
        if (w == "type" && !peek(1).is("(") && !peek(1).is("is")) {
            derivedTypeDefinition();
            return;
        }
        if (w == "include" && peek(1).kind == Token::Kind::Str) {
            includeLine();
            return;
        }
        if (w == "format" || w == "entry") {
            if (w != "format") note(first.loc, {msg::FortranStatementSkipped, w});
            return;
        }
    }
    if (!procedure()) {
        if (levels_.empty()) {
            beginProgram(first, "main");  // a main program without a PROGRAM statement
            procedure()->loc = {};
        } else {
            error(first.loc, {msg::FortranExecutableInModule, top().name});
            return;
        }
    }
    executable(assign ? std::string() : w, constructName, label);
    if (label) closeLabelledDo(label);
}

// Program-unit statements; false when `w` starts something else.
bool FortranParserImpl::unitStatement(const std::string& w) {
    const Token& first = peek();
    if (w == "module" && peek(1).kind == Token::Kind::Ident && peek(1).text != "procedure" &&
        peek(1).text != "subroutine" && peek(1).text != "function" && peek(2).kind == Token::Kind::End) {
        beginModule();
        return true;
    }
    if (w == "submodule") {
        skipUntilEnd("submodule", first, msg::SubmoduleSkipped);
        return true;
    }
    if ((w == "block" && peek(1).is("data")) || w == "blockdata") {
        skipUntilEnd("block", first, std::nullopt);  // initial values of common blocks only
        return true;
    }
    if (w == "program") {
        next();
        const std::string name = peek().kind == Token::Kind::Ident ? next().text : "main";
        beginProgram(first, name);
        return true;
    }
    if (w == "interface" || (w == "abstract" && peek(1).is("interface"))) {
        skipUntilEnd("interface", first, msg::InterfaceSkipped);
        return true;
    }
    if (w == "contains") {
        if (levels_.empty()) {
            error(first.loc, msg::FortranContainsOutside);
            return true;
        }
        Level& lv = top();
        if (lv.kind != Level::Kind::Module && lv.kind != Level::Kind::Other) {
            for (const Frame& f : lv.frames)
                diags_.report(f.loc, msg::FortranNotClosedBeforeContains, f.endWord);
            lv.frames.clear();
        }
        lv.contains = true;
        return true;
    }
    if (w == "use") {
        useStatement();
        return true;
    }
    if (w == "implicit") {
        implicitStatement();
        return true;
    }
    // [prefix...] function|subroutine name
    for (size_t i = 0; i < toks_.size(); ++i) {
        const Token& t = toks_[i];
        if (t.kind == Token::Kind::End) break;
        if ((t.is("function") || t.is("subroutine")) && toks_[i + 1].kind == Token::Kind::Ident) {
            bool prefixOnly = true;
            static const std::set<std::string> prefixes = {
                "recursive", "pure", "elemental", "impure", "module", "non_recursive", "integer", "real", "double",
                "precision", "doubleprecision", "logical", "complex", "character", "type", "class"};
            int depth = 0;
            for (size_t j = k_; j < i; ++j) {
                if (toks_[j].is("(")) ++depth;
                else if (toks_[j].is(")")) --depth;
                else if (depth == 0 && !toks_[j].is("*") && toks_[j].kind != Token::Kind::Int &&
                         !prefixes.count(toks_[j].text))
                    prefixOnly = false;
            }
            if (!prefixOnly) break;
            beginProcedure(t.is("function") ? Level::Kind::Function : Level::Kind::Subroutine, i + 1, i + 2);
            return true;
        }
        if (i == k_ && !(t.kind == Token::Kind::Ident)) break;
    }
    // end [unit [name]] / endsubroutine ...
    static const std::set<std::string> unitWords = {"subroutine", "function", "program", "module", "procedure"};
    std::string what;
    if (w == "end" && (peek(1).kind == Token::Kind::End || unitWords.count(peek(1).text))) what = peek(1).text;
    for (const char* u : {"subroutine", "function", "program", "module"})
        if (w == std::string("end") + u) what = u;
    if (w == "end" || !what.empty()) {
        if (w == "end" && !(peek(1).kind == Token::Kind::End || unitWords.count(peek(1).text))) return false;
        endUnit(first);
        return true;
    }
    return false;
}

void FortranParserImpl::beginModule() {
    const Token& kw = next();
    const Token& name = next();
    if (!levels_.empty())
        error(kw.loc, {msg::FortranNestedModule, name.text});
    auto lv = std::make_unique<Level>();
    lv->kind = Level::Kind::Module;
    lv->name = name.text;
    lv->loc = kw.loc;
    levels_.push_back(std::move(lv));
}

void FortranParserImpl::beginProgram(const Token& at, const std::string& name) {
    auto lv = std::make_unique<Level>();
    lv->kind = Level::Kind::Program;
    lv->name = name;
    lv->loc = at.loc;
    lv->fn.name = name;
    lv->fn.loc = lv->fn.nameLoc = at.loc;
    levels_.push_back(std::move(lv));
    top().body = &top().fn.body;
}

// [prefix] function|subroutine name [(dummies)] [result(r)] [bind(...)]
void FortranParserImpl::beginProcedure(Level::Kind kind, size_t nameAt, size_t afterName) {
    if (!levels_.empty() && !top().contains)
        error(toks_[nameAt].loc, {msg::FortranProcedureWithoutContains, toks_[nameAt].text, top().name});
    // A type prefix (real function f) types the result.
    Entity resultType;
    for (size_t j = k_; j < nameAt; ++j) {
        const std::string& p = toks_[j].text;
        if (p == "integer") resultType.base = Entity::Base::Int;
        if (p == "real" || p == "double" || p == "doubleprecision") resultType.base = Entity::Base::Real;
        if (p == "logical") resultType.base = Entity::Base::Logical;
        if (p == "complex") resultType.base = Entity::Base::Complex;
        if (p == "character") resultType.base = Entity::Base::Character;
    }
    auto lv = std::make_unique<Level>();
    lv->kind = kind;
    const Token& name = toks_[nameAt];
    lv->name = name.text;
    lv->loc = toks_[k_].loc;
    lv->fn.name = name.text;
    lv->fn.loc = toks_[k_].loc;
    lv->fn.nameLoc = name.loc;
    k_ = afterName;
    if (accept("(")) {
        if (!accept(")")) {
            do {
                if (accept("*")) continue;  // alternate return
                if (peek().kind != Token::Kind::Ident) {
                    expect("argument name");
                    break;
                }
                const Token& p = next();
                lv->dummies.push_back(p.text);
                ast::Param param;
                param.name = p.text;
                param.loc = p.loc;
                lv->fn.params.push_back(std::move(param));
            } while (accept(","));
            expect(")");
        }
    }
    if (kind == Level::Kind::Function) lv->result = name.text;
    while (!atEnd() && !failed_) {
        const Token& t = next();
        if (t.is("result") && accept("(")) {
            if (peek().kind == Token::Kind::Ident) lv->result = next().text;
            expect(")");
        } else if (t.is("bind") && peek().is("(")) {
            k_ = std::min(matching(k_) + 1, toks_.size() - 1);
        } else {
            error(t.loc, {msg::FortranAfterProcedureHeader, t.text});
        }
    }
    levels_.push_back(std::move(lv));
    Level& me = top();
    me.body = &me.fn.body;
    for (const std::string& d : me.dummies) {
        Entity e;
        e.dummy = true;
        e.loc = name.loc;
        me.symbols.names[d] = e;  // typed later by its declaration (or implicitly)
        me.symbols.order.push_back(d);
    }
    if (kind == Level::Kind::Function && resultType.base != Entity::Base::Unknown) {
        resultType.typed = true;
        resultType.loc = name.loc;
        me.symbols.names[me.result] = resultType;
        me.symbols.order.push_back(me.result);
    }
}

void FortranParserImpl::endUnit(const Token& at) {
    if (levels_.empty()) {
        error(at.loc, msg::FortranEndWithoutUnit);
        return;
    }
    Level& lv = top();
    if (lv.kind == Level::Kind::Module) {
        modules_[lv.name] = lv.symbols;
    } else if (lv.kind != Level::Kind::Other) {
        for (const Frame& f : lv.frames)
            diags_.report(f.loc, msg::FortranNotClosedBeforeEnd, f.endWord, lv.name);
        lv.frames.clear();
        if (pending_) {
            diags_.report(pending_->loc, msg::OmpDirectiveNotBeforeDo);
            pending_.reset();
        }
        for (const Region& r : lv.regions)
            diags_.report(r.loc, msg::OmpParallelNotClosed);
        lv.regions.clear();
        finishProcedure(lv);
    }
    levels_.pop_back();
}

// The procedure's ast::Function: params typed from their declarations, a Declare for every
// local, named constant, host or module name and component path the body uses.
void FortranParserImpl::finishProcedure(Level& lv) {
    ast::Function& fn = lv.fn;
    std::set<std::string> declared;
    for (ast::Param& p : fn.params) {
        auto it = lv.symbols.names.find(p.name);
        Entity e = it != lv.symbols.names.end() ? it->second : Entity{};
        if (!e.typed && e.base == Entity::Base::Unknown) {
            Entity imp = implicitEntity(p.name);
            if (imp.base == Entity::Base::Unknown && !e.external)
                diags_.report(p.loc, msg::FortranUntypedArgument, p.name);
            e.base = imp.base == Entity::Base::Unknown ? Entity::Base::Real : imp.base;
        }
        p.resolved = e.type();
        p.isOut = e.intent != Entity::Intent::In;
        if (e.intent == Entity::Intent::Out) {
            p.annotation = std::make_unique<ast::TypeExpr>();
            p.annotation->kind = ast::TypeExpr::Kind::Out;
        }
        declared.insert(p.name);
    }
    ast::Block decls;
    auto declare = [&](const std::string& name, TypePtr type, SourceLoc at) {
        if (declared.count(name) || !type) return;
        declared.insert(name);
        auto s = std::make_unique<Stmt>();
        s->kind = Stmt::Kind::Declare;
        s->loc = s->nameLoc = at;
        s->name = name;
        s->resolved = std::move(type);
        decls.push_back(std::move(s));
    };
    for (const std::string& n : lv.symbols.order) {
        const Entity& e = lv.symbols.names[n];
        if (e.external || e.base == Entity::Base::Derived) continue;
        Entity typed = e;
        if (typed.base == Entity::Base::Unknown) typed.base = implicitEntity(n).base;
        if (typed.base == Entity::Base::Unknown) typed.base = Entity::Base::Real;
        declare(n, typed.type(), e.loc);
    }
    for (const auto& [name, type] : lv.used) declare(name, type, fn.loc);
    for (ast::StmtPtr& s : fn.body) decls.push_back(std::move(s));
    fn.body = std::move(decls);
    const size_t index = unit_.module.functions().size();
    for (int l : lv.loops) {
        unit_.loops[static_cast<size_t>(l)].function = index;
        // An orphaned do: the procedure's automatic locals are private to each thread.
        omp::LoopDirective& d = unit_.loops[static_cast<size_t>(l)].directive;
        for (const auto& [name, e] : lv.symbols.names) {
            if (e.parameter) d.constants.insert(name);
            if (d.orphaned && !e.dummy && !e.parameter && !e.saved && !e.external) d.procedureLocals.insert(name);
        }
        for (const std::unique_ptr<Level>& outer : levels_)  // host and module constants
            for (const auto& [name, e] : outer->symbols.names)
                if (e.parameter) d.constants.insert(name);
        for (const auto& [name, e] : modules_)
            for (const auto& [n2, e2] : e.names)
                if (e2.parameter && lv.used.count(n2)) d.constants.insert(n2);
        d.threadPrivate = threadPrivate_;
    }
    unit_.module.items.emplace_back(std::move(fn));
}

// use name [, only: a, b => c] / use, intrinsic :: name
void FortranParserImpl::useStatement() {
    const Token& kw = next();
    if (accept(",")) {
        next();  // intrinsic / non_intrinsic
        expect("::");
    } else {
        accept("::");
    }
    if (peek().kind != Token::Kind::Ident) {
        expect("module name");
        return;
    }
    const Token& name = next();
    if (levels_.empty()) {
        error(kw.loc, msg::FortranUseOutsideUnit);
        return;
    }
    Symbols& into = top().symbols;
    std::map<std::string, std::string> only;  // local -> remote; empty: everything
    bool hasOnly = false;
    if (accept(",")) {
        if (accept("only")) {
            hasOnly = true;
            expect(":");
        }
        while (!atEnd() && !failed_) {
            if (peek().kind != Token::Kind::Ident) {
                next();
                continue;
            }
            std::string local = next().text;
            std::string remote = local;
            if (accept("=>") && peek().kind == Token::Kind::Ident) remote = next().text;
            if (local == "operator" || local == "assignment") {  // operator(.x.) / assignment(=)
                while (!atEnd() && !peek().is(",")) next();
            } else if (!hasOnly) {
                only[local] = remote;  // a rename in a use without only
            } else {
                only[local] = remote;
            }
            accept(",");
        }
    }
    auto m = modules_.find(name.text);
    if (m == modules_.end()) {
        if (isIntrinsicModule(name.text)) {
            importIntrinsicConstants(name.text, into, only, hasOnly, name.loc);
            return;
        }
        if (std::find(into.externalModules.begin(), into.externalModules.end(), name.text) == into.externalModules.end()) {
            into.externalModules.push_back(name.text);
            note(name.loc, {msg::ExternalModule, name.text});
        }
        return;
    }
    auto import = [&](const std::string& local, const std::string& remote) {
        auto e = m->second.names.find(remote);
        if (e != m->second.names.end()) {
            Entity copy = e->second;
            copy.dummy = false;
            copy.saved = true;  // module variables: one copy for all threads
            if (!into.names.count(local)) into.order.push_back(local);
            into.names[local] = copy;
        }
        auto t = m->second.types.find(remote);
        if (t != m->second.types.end()) into.types[local] = t->second;
    };
    if (hasOnly) {
        for (const auto& [local, remote] : only) import(local, remote);
        return;
    }
    for (const auto& [n, e] : m->second.names) {
        bool renamedAway = false;
        for (const auto& [local, remote] : only) renamedAway = renamedAway || remote == n;
        if (!renamedAway) import(n, n);
    }
    for (const auto& [local, remote] : only) import(local, remote);
    for (const auto& [n, t] : m->second.types)
        if (!into.types.count(n)) into.types[n] = t;
    for (const std::string& ext : m->second.externalModules)
        if (std::find(into.externalModules.begin(), into.externalModules.end(), ext) == into.externalModules.end())
            into.externalModules.push_back(ext);
}

void FortranParserImpl::importIntrinsicConstants(const std::string& module, Symbols& into,
                                                 const std::map<std::string, std::string>& renames, bool onlyRenamed,
                                                 SourceLoc at) {
    const std::map<std::string, long long>& constants = intrinsicModuleConstants(module);
    auto import = [&](const std::string& local, const std::string& remote) {
        auto c = constants.find(remote);
        if (c == constants.end() || into.names.count(local)) return;
        Entity e;
        e.base = Entity::Base::Int;
        e.parameter = true;
        e.typed = true;
        e.value = c->second;
        e.loc = at;
        into.order.push_back(local);
        into.names[local] = e;
    };
    for (const auto& [local, remote] : renames) import(local, remote);
    if (!onlyRenamed)
        for (const auto& [name, value] : constants) import(name, name);
}

// implicit none [(type, external)] / implicit type (a-h, o-z) [, type (...)]
void FortranParserImpl::implicitStatement() {
    const Token& kw = next();
    if (levels_.empty()) {
        beginProgram(kw, "main");
        procedure()->loc = {};
    }
    Symbols& s = top().symbols;
    if (accept("none")) {
        s.implicit.fill('n');
        return;
    }
    while (!atEnd() && !failed_) {
        const Token& type = next();
        char code = 0;
        if (type.is("integer")) code = 'i';
        else if (type.is("real") || type.is("double") || type.is("doubleprecision")) code = 'r';
        else if (type.is("logical")) code = 'l';
        else if (type.is("character")) code = 'c';
        else if (type.is("complex")) code = 'z';
        else if (type.is("type")) code = 'r';
        else {
            error(type.loc, {msg::FortranImplicitType, type.text});

            return;
        }
        accept("precision");
        if (accept("*")) next();
        // (kind) then (letters), or just (letters)
        if (peek().is("(") && peek(2).is(")") && peek(1).kind != Token::Kind::Ident) k_ = matching(k_) + 1;
        if (peek().is("(") && !(peek(1).kind == Token::Kind::Ident && peek(1).text.size() == 1)) k_ = matching(k_) + 1;
        if (!expect("(")) return;
        while (!atEnd() && !peek().is(")")) {
            const Token& a = next();
            char from = a.text.empty() ? 'a' : a.text[0], to = from;
            if (accept("-")) to = next().text[0];
            for (char c = from; c <= to && c >= 'a' && c <= 'z'; ++c) s.implicit[static_cast<size_t>(c - 'a')] = code;
            accept(",");
        }
        expect(")");
        accept(",");
    }
}

}  // namespace lomaw::fortran
