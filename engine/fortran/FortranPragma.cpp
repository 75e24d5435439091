// `!$omp parallel do` / `!$omp parallel for` directives: clauses into an ast::Pragma, and the
// sanity rules of LANGUAGE.md §9.2 with the kernel checker's codes and messages.
#include <algorithm>
#include <functional>

#include "fortran/FortranParserImpl.h"

namespace lomaw::fortran {

using ast::PragmaClause;

void FortranParserImpl::directive(const LogicalLine& line) {
    toks_.clear();
    k_ = 0;
    failed_ = false;
    size_t bad = 0;
    if (!tokenize(line, toks_, bad)) {
        diags_.error(line.at(bad), "omp-syntax", "unexpected character '" + std::string(1, line.text[bad]) + "'");
        return;
    }
    const SourceLoc at = line.loc();  // the directive word after the sentinel
    if (peek().is("end")) return;  // !$omp end parallel do: the loop's end says it already
    if (!(peek().is("parallel") && (peek(1).is("do") || peek(1).is("for")))) {
        diags_.warning(at, "pragma-ignored", "only '!$omp parallel do' directives are analysed");
        return;
    }
    if (!inFunction_) {
        diags_.warning(at, "pragma-ignored", "an OpenMP directive outside a subroutine is ignored");
        return;
    }
    next();
    next();
    ast::Pragma pragma;
    pragma.loc = at;
    while (!atEnd()) {
        if (accept(",")) continue;
        const Token& word = next();
        if (word.kind != Token::Kind::Ident) {
            diags_.error(word.loc, "omp-syntax", "expected a clause, found '" + word.text + "'");
            return;
        }
        PragmaClause c;
        c.loc = word.loc;
        c.word = word.text;
        auto names = [&]() -> bool {
            do {
                if (peek().kind != Token::Kind::Ident) {
                    diags_.error(peek().loc, "omp-syntax", "expected a variable name in '" + c.word + "'");
                    return false;
                }
                const Token& n = next();
                c.vars.push_back({n.text, n.loc});
            } while (accept(","));
            if (!accept(")")) {
                diags_.error(peek().loc, "omp-syntax", "expected ')' to close '" + c.word + "('");
                return false;
            }
            return true;
        };
        const bool listClause = c.word == "shared" || c.word == "private" || c.word == "firstprivate";
        if (listClause || c.word == "reduction" || c.word == "default") {
            if (!accept("(")) {
                diags_.error(peek().loc, "omp-syntax", "expected '(' after '" + c.word + "'");
                return;
            }
        }
        if (listClause) {
            c.kind = c.word == "shared" ? PragmaClause::Kind::Shared
                     : c.word == "private" ? PragmaClause::Kind::Private
                                           : PragmaClause::Kind::FirstPrivate;
            if (!names()) return;
        } else if (c.word == "reduction") {
            c.kind = PragmaClause::Kind::Reduction;
            while (!atEnd() && !peek().is(":")) c.op += next().text;
            if (!accept(":")) {
                diags_.error(peek().loc, "omp-syntax", "expected ':' in 'reduction(op: list)'");
                return;
            }
            if (!names()) return;
        } else if (c.word == "default") {
            c.kind = PragmaClause::Kind::Default;
            c.op = next().text;
            if (c.op != "none" && c.op != "shared" && c.op != "private") {
                diags_.error(c.loc, "omp-syntax", "default must be none, shared or private");
                return;
            }
            if (!accept(")")) {
                diags_.error(peek().loc, "omp-syntax", "expected ')' to close 'default('");
                return;
            }
        } else {
            c.kind = PragmaClause::Kind::Unknown;
            if (accept("(")) {
                int depth = 1;
                while (!atEnd() && depth > 0) {
                    const Token& t = next();
                    if (t.is("(")) ++depth;
                    if (t.is(")") && --depth == 0) break;
                    c.rawArgs += t.text;
                }
                if (depth > 0) {
                    diags_.error(c.loc, "omp-syntax", "unbalanced parentheses in '" + c.word + "'");
                    return;
                }
            }
        }
        pragma.clauses.push_back(std::move(c));
    }
    if (pendingPragma_) diags_.warning(pendingPragma_->loc, "pragma-ignored", "the OpenMP directive is not followed by a do loop");
    pendingPragma_ = std::move(pragma);
}

void FortranParserImpl::checkPragma(const ast::Stmt& loop) {
    const ast::Pragma& pragma = *loop.pragma;
    const PragmaClause* defaultClause = nullptr;
    std::vector<std::string> listed;
    auto known = [&](const std::string& n) {
        return decls_.count(n) || std::find(paramOrder_.begin(), paramOrder_.end(), n) != paramOrder_.end();
    };
    for (const PragmaClause& c : pragma.clauses) {
        switch (c.kind) {
            case PragmaClause::Kind::Unknown:
                diags_.warning(c.loc, "omp-unknown-clause", "unsupported OpenMP clause '" + c.word + "' ignored");
                continue;
            case PragmaClause::Kind::Default:
                if (defaultClause)
                    diags_.error(c.loc, "omp-default-dup", "more than one default clause");
                else
                    defaultClause = &c;
                continue;
            case PragmaClause::Kind::Reduction:
                if (c.op != "+")
                    diags_.error(c.loc, "omp-reduction-op", "reduction operator '" + c.op + "' is not supported (only '+')");
                break;
            default: break;
        }
        for (const PragmaClause::Item& item : c.vars) {
            if (std::find(listed.begin(), listed.end(), item.name) != listed.end()) {
                diags_.error(item.loc, "omp-clause-conflict", "'" + item.name + "' appears in more than one clause");
                continue;
            }
            listed.push_back(item.name);
            if (item.name == loop.name && c.kind != PragmaClause::Kind::Private) {
                diags_.error(item.loc, "omp-loop-var", "the loop variable '" + item.name + "' may appear only in private");
                continue;
            }
            if (!known(item.name))
                diags_.error(item.loc, "omp-unknown-var", "'" + item.name + "' is not a variable of subroutine '" + fn_.name + "'");
        }
    }
    if (!defaultClause || defaultClause->op != "none") return;
    // default(none): every variable the body uses must be listed (loop variables excepted).
    std::vector<std::string> loopVars{loop.name};
    std::vector<std::pair<std::string, SourceLoc>> used;
    std::function<void(const ast::Expr&)> expr = [&](const ast::Expr& e) {
        if (e.kind == ast::Expr::Kind::Var && !e.name.empty()) used.push_back({e.name, e.loc});
        for (const ast::ExprPtr& o : e.operands)
            if (o) expr(*o);
    };
    std::function<void(const ast::Block&)> block = [&](const ast::Block& b) {
        for (const ast::StmtPtr& s : b) {
            if (s->kind == ast::Stmt::Kind::For) loopVars.push_back(s->name);
            for (const ast::ExprPtr& a : s->rangeArgs) expr(*a);
            if (s->target) expr(*s->target);
            if (s->value) expr(*s->value);
            block(s->body);
            block(s->orelse);
        }
    };
    block(loop.body);
    std::vector<std::string> reported;
    for (const auto& [name, loc] : used) {
        if (std::find(loopVars.begin(), loopVars.end(), name) != loopVars.end()) continue;
        if (std::find(listed.begin(), listed.end(), name) != listed.end()) continue;
        if (std::find(reported.begin(), reported.end(), name) != reported.end()) continue;
        reported.push_back(name);
        diags_.error(loc, "omp-default-none", "'" + name + "' is used in the loop but not listed (default(none))");
    }
}

}  // namespace lomaw::fortran
