// The clauses of a `#pragma omp parallel for` line (docs/language.md §9.2).
//
// Only the shape is checked here (`omp-syntax`); the meaning of the clauses (unknown clause
// words, reduction operators, variable rules) is the type checker's. Clauses parsed before a
// syntax error are kept so the pragma still counts as attached to its loop.
#include <cctype>

#include "syntax/ParserInternal.h"

namespace lomaw::syntax {

namespace {

bool identStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r'; }

class PragmaParser {
public:
    PragmaParser(const Token& t, DiagnosticSink& sink, bool silent) : t_(t), text_(t.text), sink_(sink), silent_(silent) {}

    ast::Pragma run(size_t start) {
        ast::Pragma p;
        p.loc = t_.loc;
        size_t i = start;
        while (true) {
            while (i < text_.size() && (space(text_[i]) || text_[i] == ',')) ++i;
            if (i >= text_.size()) break;
            if (!identStart(text_[i])) {
                fail(i, text_[i] == ')' ? msg::PragmaUnbalanced : msg::PragmaExpectedClause);
                break;
            }
            size_t wordStart = i;
            while (i < text_.size() && identChar(text_[i])) ++i;
            ast::PragmaClause c;
            c.word = std::string(text_.substr(wordStart, i - wordStart));
            c.loc = at(wordStart);
            size_t j = i;
            while (j < text_.size() && space(text_[j])) ++j;
            bool hasArgs = j < text_.size() && text_[j] == '(';
            size_t open = j, close = j;
            if (hasArgs) {
                int depth = 0;
                for (close = open; close < text_.size(); ++close) {
                    if (text_[close] == '(') ++depth;
                    else if (text_[close] == ')' && --depth == 0) break;
                }
                if (close >= text_.size()) {
                    fail(open, msg::PragmaUnbalanced);
                    break;
                }
                i = close + 1;
            }
            if (c.word == "shared" || c.word == "private" || c.word == "firstprivate") {
                c.kind = c.word == "shared"    ? ast::PragmaClause::Kind::Shared
                         : c.word == "private" ? ast::PragmaClause::Kind::Private
                                               : ast::PragmaClause::Kind::FirstPrivate;
                if (!hasArgs) { fail(wordStart, {msg::PragmaClauseNeedsList, c.word}); break; }
                if (!list(open + 1, close, c)) break;
            } else if (c.word == "reduction") {
                c.kind = ast::PragmaClause::Kind::Reduction;
                if (!hasArgs) { fail(wordStart, msg::PragmaReductionShape); break; }
                size_t colon = text_.find(':', open + 1);
                if (colon == std::string_view::npos || colon > close) {
                    fail(open, msg::PragmaReductionShape);
                    break;
                }
                std::string_view op = trim(text_.substr(open + 1, colon - open - 1));
                if (op.empty()) { fail(colon, msg::PragmaMissingReductionOp); break; }
                c.op = std::string(op);
                if (!list(colon + 1, close, c)) break;
            } else if (c.word == "default") {
                c.kind = ast::PragmaClause::Kind::Default;
                if (!hasArgs) { fail(wordStart, msg::PragmaDefaultShape); break; }
                std::string_view arg = trim(text_.substr(open + 1, close - open - 1));
                if (arg != "none" && arg != "shared" && arg != "private") {
                    fail(open + 1, msg::PragmaDefaultKind);
                    break;
                }
                c.op = std::string(arg);
            } else {
                c.kind = ast::PragmaClause::Kind::Unknown;
                if (hasArgs) c.rawArgs = std::string(text_.substr(open + 1, close - open - 1));
            }
            p.clauses.push_back(std::move(c));
        }
        return p;
    }

private:
    // Column of byte offset `off` in the pragma text (columns count characters).
    SourceLoc at(size_t off) const {
        int col = t_.loc.col;
        for (size_t k = 0; k < off && k < text_.size(); ++k)
            if ((static_cast<unsigned char>(text_[k]) & 0xC0) != 0x80) ++col;
        return {t_.loc.line, col};
    }

    void fail(size_t off, const Message& message) {
        if (!silent_) sink_.report(at(off), message);
    }

    static std::string_view trim(std::string_view s) {
        while (!s.empty() && space(s.front())) s.remove_prefix(1);
        while (!s.empty() && space(s.back())) s.remove_suffix(1);
        return s;
    }

    // A comma-separated list of names in [from, to).
    bool list(size_t from, size_t to, ast::PragmaClause& c) {
        size_t i = from;
        while (true) {
            while (i < to && space(text_[i])) ++i;
            if (i >= to || !identStart(text_[i])) {
                fail(i < to ? i : from, msg::PragmaExpectedVariable);
                return false;
            }
            size_t s = i;
            while (i < to && identChar(text_[i])) ++i;
            c.vars.push_back({std::string(text_.substr(s, i - s)), at(s)});
            while (i < to && space(text_[i])) ++i;
            if (i >= to) return true;
            if (text_[i] != ',') {
                fail(i, msg::PragmaExpectedComma);

                return false;
            }
            ++i;
        }
    }

    const Token& t_;
    std::string_view text_;
    DiagnosticSink& sink_;
    bool silent_;
};

}  // namespace

ast::Pragma ParserImpl::ompPragma(const Token& t, size_t clauseOffset) {
    return PragmaParser(t, *sink_, quiet(t.loc)).run(clauseOffset);
}

}  // namespace lomaw::syntax
