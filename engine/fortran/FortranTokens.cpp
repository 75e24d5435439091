#include "fortran/FortranTokens.h"

#include <cctype>

namespace lomaw::fortran {

namespace {

bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// ".and." style operators and logical literals.
const char* dotWord(const std::string& t, size_t k) {
    static const char* words[] = {".and.", ".or.", ".not.", ".eq.", ".ne.", ".lt.", ".le.",
                                  ".gt.", ".ge.", ".true.", ".false.", ".eqv.", ".neqv."};
    for (const char* w : words) {
        const std::string s(w);
        if (t.compare(k, s.size(), s) == 0) return w;
    }
    return nullptr;
}

}  // namespace

bool tokenize(const LogicalLine& line, std::vector<Token>& out, size_t& badPos) {
    const std::string& t = line.text;
    size_t k = 0;
    while (k < t.size()) {
        char c = t[k];
        if (c == ' ' || c == '\t') {
            ++k;
            continue;
        }
        Token tok;
        tok.pos = k;
        tok.loc = line.at(k);
        if (isIdentStart(c)) {
            size_t e = k;
            while (e < t.size() && isIdentChar(t[e])) ++e;
            tok.kind = Token::Kind::Ident;
            tok.text = t.substr(k, e - k);
            k = e;
        } else if (isDigit(c) || (c == '.' && k + 1 < t.size() && isDigit(t[k + 1]))) {
            size_t e = k;
            bool real = false;
            while (e < t.size() && isDigit(t[e])) ++e;
            if (e < t.size() && t[e] == '.' && !dotWord(t, e)) {
                real = true;
                ++e;
                while (e < t.size() && isDigit(t[e])) ++e;
            }
            if (e < t.size() && (t[e] == 'e' || t[e] == 'd') && e + 1 < t.size() &&
                (isDigit(t[e + 1]) || ((t[e + 1] == '+' || t[e + 1] == '-') && e + 2 < t.size() && isDigit(t[e + 2])))) {
                real = true;
                e += 2;
                while (e < t.size() && isDigit(t[e])) ++e;
            }
            if (e < t.size() && t[e] == '_') {  // kind suffix 1.0_8
                ++e;
                while (e < t.size() && isIdentChar(t[e])) ++e;
            }
            tok.kind = real ? Token::Kind::Real : Token::Kind::Int;
            tok.text = t.substr(k, e - k);
            k = e;
        } else if (c == '\'' || c == '"') {
            size_t e = t.find(c, k + 1);
            if (e == std::string::npos) {
                badPos = k;
                return false;
            }
            tok.kind = Token::Kind::Str;
            tok.text = t.substr(k + 1, e - k - 1);
            k = e + 1;
        } else if (const char* w = c == '.' ? dotWord(t, k) : nullptr) {
            tok.kind = Token::Kind::Op;
            tok.text = w;
            k += tok.text.size();
        } else {
            static const char* two[] = {"**", "==", "/=", "<=", ">=", "::", "=>", "//"};
            tok.kind = Token::Kind::Op;
            for (const char* op : two)
                if (t.compare(k, 2, op) == 0) tok.text = op;
            if (tok.text.empty()) {
                if (std::string("+-*/()=,:<>%[]").find(c) == std::string::npos) {
                    badPos = k;
                    return false;
                }
                tok.text = std::string(1, c);
            }
            k += tok.text.size();
        }
        out.push_back(std::move(tok));
    }
    Token end;
    end.pos = t.size();
    end.loc = line.at(t.empty() ? 0 : t.size() - 1);
    if (!t.empty()) end.loc.col += 1;
    out.push_back(end);
    return true;
}

}  // namespace lomaw::fortran
