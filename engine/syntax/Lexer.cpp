#include "syntax/Lexer.h"

#include <charconv>
#include <climits>
#include <cmath>
#include <string>

namespace lomaw::syntax {

namespace {

bool isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isIdentChar(char c) { return isIdentStart(c) || isDigit(c); }
bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

Kw keywordOf(std::string_view s) {
    struct Entry {
        std::string_view text;
        Kw kw;
    };
    static constexpr Entry table[] = {
        {"False", Kw::False},   {"None", Kw::NoneLit},   {"True", Kw::True},
        {"and", Kw::And},       {"as", Kw::As},          {"assert", Kw::Assert},
        {"async", Kw::Async},   {"await", Kw::Await},    {"break", Kw::Break},
        {"class", Kw::Class},   {"continue", Kw::Continue}, {"def", Kw::Def},
        {"del", Kw::Del},       {"elif", Kw::Elif},      {"else", Kw::Else},
        {"except", Kw::Except}, {"finally", Kw::Finally}, {"for", Kw::For},
        {"from", Kw::From},     {"global", Kw::Global},  {"if", Kw::If},
        {"import", Kw::Import}, {"in", Kw::In},          {"is", Kw::Is},
        {"lambda", Kw::Lambda}, {"nonlocal", Kw::Nonlocal}, {"not", Kw::Not},
        {"or", Kw::Or},         {"pass", Kw::Pass},      {"raise", Kw::Raise},
        {"return", Kw::Return}, {"try", Kw::Try},        {"while", Kw::While},
        {"with", Kw::With},     {"yield", Kw::Yield},
    };
    if (s.size() < 2 || s.size() > 8) return Kw::None_;
    for (const Entry& e : table)
        if (e.text[0] == s[0] && e.text == s) return e.kw;
    return Kw::None_;
}

// String prefixes Python accepts (any case): r u b f br rb fr rf.
bool isStringPrefix(std::string_view s) {
    if (s.empty() || s.size() > 2) return false;
    auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
    char a = lower(s[0]);
    if (s.size() == 1) return a == 'r' || a == 'u' || a == 'b' || a == 'f';
    char b = lower(s[1]);
    return (a == 'r' && (b == 'b' || b == 'f')) || ((a == 'b' || a == 'f') && b == 'r');
}

// Operators and delimiters, longest first within each length.
constexpr std::string_view kOps3[] = {"**=", "//=", ">>=", "<<=", "..."};
constexpr std::string_view kOps2[] = {"->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<",
                                      ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="};
constexpr std::string_view kOps1 = "()[]{},:.;+-*/%&|^~<>=@";

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

class Lexer {
public:
    Lexer(std::string_view src, DiagnosticSink& diags) : src_(src), diags_(diags) {
        out_.tokens.reserve(src.size() / 3 + 16);
        // A UTF-8 byte-order mark opening the file is skipped, as Python does; columns of the
        // first line count from after it.
        if (src_.substr(0, kByteOrderMark.size()) == kByteOrderMark)
            pos_ = lineStart_ = colLineStart_ = colPos_ = kByteOrderMark.size();
    }

    LexResult run() {
        while (true) {
            if (atLineStart_ && brackets_.empty()) {
                if (!lineStart()) break;  // end of input
                continue;
            }
            if (pos_ >= src_.size()) break;
            char c = src_[pos_];
            if (c == ' ' || c == '\t' || c == '\f') { ++pos_; continue; }
            if (c == '#') { comment(); continue; }
            if (c == '\n' || c == '\r') { newlineChar(); continue; }
            if (c == '\\') { backslash(); continue; }
            lineHasToken_ = true;
            if (isIdentStart(c)) { identifierOrString(); continue; }
            if (isDigit(c) || (c == '.' && pos_ + 1 < src_.size() && isDigit(src_[pos_ + 1]))) {
                number();
                continue;
            }
            if (c == '"' || c == '\'') { string(pos_, pos_); continue; }
            if (static_cast<unsigned char>(c) >= 0x80) {
                SourceLoc at = locAt(pos_);
                ++pos_;
                while (pos_ < src_.size() && isContinuationByte(src_[pos_])) ++pos_;
                lexError(at, msg::NonAsciiCharacter);
                continue;
            }
            if (!op()) {
                SourceLoc at = locAt(pos_);
                ++pos_;
                if (c == '\0')
                    lexError(at, msg::NullByte);
                else if (c == '!' || c == '$' || c == '?' || c == '`')
                    lexError(at, {msg::InvalidCharacter, c});
                else
                    lexError(at, msg::InvalidSourceCharacter);
            }
        }
        finish();
        return std::move(out_);
    }

private:
    // ------------------------------------------------------------ positions

    SourceLoc locAt(size_t p) {
        if (colLineStart_ != lineStart_ || p < colPos_) {
            colLineStart_ = lineStart_;
            colPos_ = lineStart_;
            col_ = 1;
        }
        for (; colPos_ < p && colPos_ < src_.size(); ++colPos_)
            if (!isContinuationByte(src_[colPos_])) ++col_;
        return {line_, col_};
    }

    // Consumes one line break at pos_ (\n, \r\n or \r) and starts a new physical line.
    void consumeLineBreak() {
        if (src_[pos_] == '\r' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
        lineStart_ = pos_;
        lineHasToken_ = false;
    }

    // ------------------------------------------------------------ emission

    Token& emit(TokKind k, size_t start, size_t end, SourceLoc loc) {
        Token t;
        t.kind = k;
        t.loc = loc;
        t.text = src_.substr(start, end - start);
        out_.tokens.push_back(t);
        if (k != TokKind::Newline && k != TokKind::Indent && k != TokKind::Dedent)
            logicalHasTokens_ = true;
        return out_.tokens.back();
    }

    // One diagnostic per logical line: after the first lexical error the rest of the line is
    // dropped by the parser anyway, so further lexical errors would be cascades.
    void lexError(SourceLoc at, const Message& message) {
        if (!lineErrorReported_) diags_.report(at, message);
        lineErrorReported_ = true;
        Token t;
        t.kind = TokKind::Error;
        t.loc = at;
        out_.tokens.push_back(t);
        logicalHasTokens_ = true;
    }

    // ------------------------------------------------------------ lines and indentation

    // At the start of a physical line outside brackets: measures indentation, skips blank and
    // comment-only lines, emits INDENT/DEDENT. Returns false at the end of the input.
    bool lineStart() {
        int col = 0, alt = 0;
        size_t p = pos_;
        for (; p < src_.size(); ++p) {
            char c = src_[p];
            if (c == ' ') { ++col; ++alt; }
            else if (c == '\t') { col = (col / 8 + 1) * 8; ++alt; }
            else if (c == '\f') { col = alt = 0; }
            else break;
        }
        pos_ = p;
        if (p >= src_.size()) return false;
        char c = src_[p];
        if (c == '#') { comment(); return true; }  // comment-only line: no indentation meaning
        if (c == '\n' || c == '\r') { consumeLineBreak(); return true; }
        atLineStart_ = false;
        indent(col, alt, locAt(p));
        return true;
    }

    void indent(int col, int alt, SourceLoc at) {
        if (col == indents_.back()) {
            if (alt != altIndents_.back()) inconsistentTabs(at);
        } else if (col > indents_.back()) {
            // On inconsistent tabs the block still opens (by the tab-8 rule) so that one
            // error does not turn every following line into another one.
            bool inconsistent = alt <= altIndents_.back();
            indents_.push_back(col);
            altIndents_.push_back(alt);
            Token t;
            t.kind = TokKind::Indent;
            t.loc = at;
            out_.tokens.push_back(t);
            if (inconsistent) inconsistentTabs(at);
        } else {
            while (indents_.size() > 1 && col < indents_.back()) {
                indents_.pop_back();
                altIndents_.pop_back();
                Token t;
                t.kind = TokKind::Dedent;
                t.loc = at;
                out_.tokens.push_back(t);
            }
            if (col != indents_.back())
                lexError(at, msg::UnmatchedUnindent);
            else if (alt != altIndents_.back())
                inconsistentTabs(at);
        }
    }

    void inconsistentTabs(SourceLoc at) {
        lexError(at, msg::InconsistentTabs);
    }

    void newlineChar() {
        if (brackets_.empty() && logicalHasTokens_) {
            emit(TokKind::Newline, pos_, pos_, locAt(pos_));
            logicalHasTokens_ = false;
            lineErrorReported_ = false;
        }
        consumeLineBreak();
        if (brackets_.empty()) atLineStart_ = true;
    }

    void backslash() {
        SourceLoc at = locAt(pos_);
        size_t next = pos_ + 1;
        if (next < src_.size() && (src_[next] == '\n' || src_[next] == '\r')) {
            pos_ = next;
            consumeLineBreak();  // explicit continuation: no NEWLINE, no indentation
            lineHasToken_ = true;
            return;
        }
        ++pos_;
        lexError(at, next >= src_.size() ? msg::EofAfterContinuation : msg::CharacterAfterContinuation);
    }

    void comment() {
        size_t start = pos_;
        size_t end = src_.find_first_of("\r\n", pos_);
        if (end == std::string_view::npos) end = src_.size();
        if (!lineHasToken_) {
            std::string_view text = src_.substr(start, end - start);
            size_t p = 1;
            while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
            if (text.substr(p, 6) == "pragma" && (p + 6 == text.size() || !isIdentChar(text[p + 6]))) {
                Token t;
                t.kind = TokKind::Pragma;
                t.loc = locAt(start);
                t.text = text;
                out_.pragmas.push_back(t);
            }
        }
        pos_ = end;
    }

    // ------------------------------------------------------------ names, numbers, strings

    void identifierOrString() {
        size_t start = pos_;
        while (pos_ < src_.size() && isIdentChar(src_[pos_])) ++pos_;
        std::string_view word = src_.substr(start, pos_ - start);
        if (pos_ < src_.size() && (src_[pos_] == '"' || src_[pos_] == '\'') && isStringPrefix(word)) {
            string(start, pos_);
            return;
        }
        if (pos_ < src_.size() && static_cast<unsigned char>(src_[pos_]) >= 0x80) {
            // A non-ASCII letter inside an identifier: report at that character.
            SourceLoc at = locAt(pos_);
            ++pos_;
            while (pos_ < src_.size() &&
                   (isIdentChar(src_[pos_]) || static_cast<unsigned char>(src_[pos_]) >= 0x80))
                ++pos_;
            lexError(at, msg::NonAsciiCharacter);
            return;
        }
        Token& t = emit(TokKind::Name, start, pos_, locAt(start));
        t.kw = keywordOf(word);
    }

    // Scans digits of the given kind with single '_' separators between digits. Returns false
    // on a misplaced '_' (the caller reports the literal).
    bool digits(bool (*ok)(char), bool allowLeadingUnderscore) {
        bool good = true;
        bool prevDigit = !allowLeadingUnderscore ? false : true;
        bool any = false;
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (ok(c)) { prevDigit = true; any = true; ++pos_; continue; }
            if (c == '_') {
                if (!prevDigit) good = false;
                prevDigit = false;
                ++pos_;
                continue;
            }
            break;
        }
        if (any && !prevDigit) good = false;  // trailing '_'
        return good;
    }

    void number() {
        size_t start = pos_;
        SourceLoc at = locAt(start);
        char c0 = src_[pos_];
        char c1 = pos_ + 1 < src_.size() ? src_[pos_ + 1] : '\0';
        if (c0 == '0' && (c1 == 'x' || c1 == 'X' || c1 == 'o' || c1 == 'O' || c1 == 'b' || c1 == 'B')) {
            radixNumber(start, at, c1);
            return;
        }
        bool good = digits(isDigit, false);
        size_t intEnd = pos_;
        bool isFloat = false;
        if (pos_ < src_.size() && src_[pos_] == '.') {
            isFloat = true;
            ++pos_;
            if (pos_ < src_.size() && src_[pos_] == '_') good = false;
            if (!digits(isDigit, false)) good = false;
        }
        if (pos_ < src_.size() && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
            size_t p = pos_ + 1;
            if (p < src_.size() && (src_[p] == '+' || src_[p] == '-')) ++p;
            if (p < src_.size() && isDigit(src_[p])) {
                isFloat = true;
                pos_ = p;
                if (!digits(isDigit, false)) good = false;
            } else {
                good = false;
                pos_ = p;
            }
        }
        bool imaginary = false;
        if (pos_ < src_.size() && (src_[pos_] == 'j' || src_[pos_] == 'J')) {
            imaginary = true;
            ++pos_;
        }
        if (pos_ < src_.size() && (isIdentChar(src_[pos_]) || static_cast<unsigned char>(src_[pos_]) >= 0x80)) {
            while (pos_ < src_.size() && isIdentChar(src_[pos_])) ++pos_;
            good = false;
        }
        if (!good) {
            lexError(at, msg::InvalidDecimalLiteral);
            return;
        }
        if (imaginary) {
            emit(TokKind::Imaginary, start, pos_, at);
            return;
        }
        std::string_view text = src_.substr(start, pos_ - start);
        if (!isFloat) {
            // Python forbids leading zeros in a nonzero decimal literal ("012").
            std::string_view intText = src_.substr(start, intEnd - start);
            if (intText.size() > 1 && intText[0] == '0' &&
                intText.find_first_not_of("0_") != std::string_view::npos) {
                lexError(at, msg::LeadingZeros);
                return;
            }
            Token& t = emit(TokKind::Int, start, pos_, at);
            accumulate(t, text, 10);
            return;
        }
        Token& t = emit(TokKind::Float, start, pos_, at);
        t.floatValue = parseFloat(text);
    }

    void radixNumber(size_t start, SourceLoc at, char marker) {
        int radix = (marker == 'x' || marker == 'X') ? 16 : (marker == 'o' || marker == 'O') ? 8 : 2;
        pos_ += 2;
        size_t digitsStart = pos_;
        bool good = true;
        bool prevDigit = true;  // '_' directly after the prefix is allowed (0x_1F)
        bool any = false;
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            int v = digitValue(c);
            if (c == '_') {
                if (!prevDigit) good = false;
                prevDigit = false;
                ++pos_;
                continue;
            }
            if (v < 0 && !isIdentChar(c)) break;
            if (v < 0 || v >= radix) good = false;  // 0b102, 0o9, 0x1g
            prevDigit = true;
            any = true;
            ++pos_;
        }
        if (!any || !prevDigit) good = false;
        if (!good) {
            const char* kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
            lexError(at, {msg::InvalidRadixLiteral, kind});
            return;
        }
        Token& t = emit(TokKind::Int, start, pos_, at);
        accumulate(t, src_.substr(digitsStart, pos_ - digitsStart), radix);
    }

    static int digitValue(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    // The literal's value, saturating (only "is it > 2^31-1" matters beyond that).
    static void accumulate(Token& t, std::string_view digitsText, int radix) {
        long long v = 0;
        bool saturated = false;
        for (char c : digitsText) {
            if (c == '_') continue;
            int d = digitValue(c);
            if (!saturated && v > (LLONG_MAX - d) / radix) saturated = true;
            if (!saturated) v = v * radix + d;
        }
        t.intValue = saturated ? LLONG_MAX : v;
        t.intOverflow = saturated || v > 2147483647LL;
    }

    // Nearest double to the decimal text (underscores removed); ±inf / 0 beyond double range.
    static double parseFloat(std::string_view text) {
        std::string clean;
        clean.reserve(text.size());
        for (char c : text)
            if (c != '_') clean += c;
        double v = 0.0;
        auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
        (void)ptr;
        if (ec == std::errc::result_out_of_range) {
            // from_chars leaves v untouched: decide between overflow and underflow from the
            // decimal exponent of the first significant digit.
            size_t ePos = clean.find_first_of("eE");
            long exp = 0;
            if (ePos != std::string::npos) {
                const char* b = clean.data() + ePos + 1;
                if (*b == '+') ++b;
                long long e = 0;
                std::from_chars(b, clean.data() + clean.size(), e);
                exp = static_cast<long>(std::max(-100000LL, std::min(100000LL, e)));
            }
            std::string_view mant(clean.data(), ePos == std::string::npos ? clean.size() : ePos);
            size_t dot = mant.find('.');
            std::string_view ip = mant.substr(0, dot);
            size_t firstNz = ip.find_first_not_of('0');
            long mag;
            if (firstNz != std::string_view::npos) {
                mag = static_cast<long>(ip.size() - firstNz) - 1;
            } else {
                std::string_view fp = dot == std::string_view::npos ? std::string_view() : mant.substr(dot + 1);
                size_t nz = fp.find_first_not_of('0');
                mag = nz == std::string_view::npos ? -100000 : -static_cast<long>(nz) - 1;
            }
            v = (exp + mag > 0) ? HUGE_VAL : 0.0;
        }
        return v;
    }

    // A string literal starting at `start` (prefix included); `quote` is the opening quote.
    void string(size_t start, size_t quote) {
        SourceLoc at = locAt(start);
        char q = src_[quote];
        bool triple = quote + 2 < src_.size() && src_[quote + 1] == q && src_[quote + 2] == q;
        pos_ = quote + (triple ? 3 : 1);
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (c == '\\') {
                ++pos_;
                if (pos_ < src_.size()) {
                    if (src_[pos_] == '\n' || src_[pos_] == '\r') consumeLineBreak();
                    else ++pos_;
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (!triple) break;
                consumeLineBreak();
                continue;
            }
            if (c == q) {
                if (!triple) {
                    ++pos_;
                    emit(TokKind::String, start, pos_, at);
                    return;
                }
                if (pos_ + 2 < src_.size() && src_[pos_ + 1] == q && src_[pos_ + 2] == q) {
                    pos_ += 3;
                    emit(TokKind::String, start, pos_, at);
                    return;
                }
            }
            ++pos_;
        }
        lexError(at, triple ? msg::UnterminatedTripleString : msg::UnterminatedString);
    }

    // ------------------------------------------------------------ operators and brackets

    bool op() {
        std::string_view rest = src_.substr(pos_);
        size_t len = 0;
        for (std::string_view o : kOps3)
            if (rest.substr(0, 3) == o) { len = 3; break; }
        if (len == 0)
            for (std::string_view o : kOps2)
                if (rest.substr(0, 2) == o) { len = 2; break; }
        if (len == 0 && kOps1.find(rest[0]) != std::string_view::npos) len = 1;
        if (len == 0) return false;
        SourceLoc at = locAt(pos_);
        char c = rest[0];
        size_t start = pos_;
        pos_ += len;
        if (len == 1 && (c == '(' || c == '[' || c == '{')) {
            brackets_.push_back({c, at});
        } else if (len == 1 && (c == ')' || c == ']' || c == '}')) {
            if (brackets_.empty()) {
                lexError(at, {msg::UnmatchedBracket, c});
                return true;
            }
            char open = brackets_.back().c;
            brackets_.pop_back();
            char want = open == '(' ? ')' : open == '[' ? ']' : '}';
            if (c != want) {
                lexError(at, {msg::MismatchedBracket, c, open});
                return true;
            }
        }
        emit(TokKind::Op, start, pos_, at);
        return true;
    }

    void finish() {
        if (!brackets_.empty()) {
            const Bracket& b = brackets_.front();
            diags_.report(b.loc, msg::NeverClosed, b.c);

            out_.unclosedBracket = b.loc;
        }
        SourceLoc end = locAt(src_.size());
        if (logicalHasTokens_) {
            Token t;
            t.kind = TokKind::Newline;
            t.loc = end;
            out_.tokens.push_back(t);
        }
        // Dedents at the end of input sit on the line after the last one.
        SourceLoc eofLoc = end;
        while (indents_.size() > 1) {
            indents_.pop_back();
            Token t;
            t.kind = TokKind::Dedent;
            t.loc = eofLoc;
            out_.tokens.push_back(t);
        }
        Token t;
        t.kind = TokKind::EndOfFile;
        t.loc = eofLoc;
        out_.tokens.push_back(t);
    }

    struct Bracket {
        char c;
        SourceLoc loc;
    };

    std::string_view src_;
    DiagnosticSink& diags_;
    LexResult out_;
    size_t pos_ = 0;
    int line_ = 1;
    size_t lineStart_ = 0;
    // Column cache: characters counted from lineStart_ up to colPos_ (linear overall).
    size_t colLineStart_ = 0;
    size_t colPos_ = 0;
    int col_ = 1;
    bool atLineStart_ = true;
    bool lineHasToken_ = false;       // the physical line has a token before this point
    bool logicalHasTokens_ = false;   // the logical line has a token (NEWLINE pending)
    bool lineErrorReported_ = false;
    std::vector<int> indents_{0};
    std::vector<int> altIndents_{0};
    std::vector<Bracket> brackets_;
};

}  // namespace

LexResult lex(std::string_view source, DiagnosticSink& diags) { return Lexer(source, diags).run(); }

std::optional<size_t> ompParallelForClauses(std::string_view text) {
    size_t p = 0;
    if (p >= text.size() || text[p] != '#') return std::nullopt;
    ++p;
    auto skipWs = [&] {
        while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\f')) ++p;
    };
    for (std::string_view word : {"pragma", "omp", "parallel", "for"}) {
        skipWs();
        if (text.substr(p, word.size()) != word) return std::nullopt;
        p += word.size();
        if (p < text.size() && isIdentChar(text[p])) return std::nullopt;
    }
    return p;
}

}  // namespace lomaw::syntax
