#include "fortran/FortranTokens.h"

#include <cctype>
#include <cstdlib>

namespace lomaw::fortran {

namespace {

bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
// '_' too: no Fortran name starts with it, but a preprocessor macro may (`_NX`), and the
// parser says so rather than stopping at the character.
bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
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

// The end of a BOZ literal constant starting at k (`z'1f'`, `b"101"`), or 0 when none starts
// there: the letter must not end a longer name (`xz'a'` is no constant).
size_t bozEnd(const std::string& t, size_t k) {
    const char c = t[k];
    if ((c != 'b' && c != 'o' && c != 'z') || k + 1 >= t.size() || (t[k + 1] != '\'' && t[k + 1] != '"')) return 0;
    if (k > 0 && isIdentChar(t[k - 1])) return 0;
    const size_t close = t.find(t[k + 1], k + 2);
    if (close == std::string::npos || close == k + 2) return 0;
    const std::string digits = c == 'b' ? "01" : c == 'o' ? "01234567" : "0123456789abcdefABCDEF";
    for (size_t j = k + 2; j < close; ++j)
        if (digits.find(t[j]) == std::string::npos) return 0;
    return close + 1;
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
        if (const size_t boz = bozEnd(t, k)) {
            // A BOZ constant (b'101', o'17', z'ff'): its bits as an integer, two's complement.
            const int base = c == 'b' ? 2 : c == 'o' ? 8 : 16;
            const unsigned long long bits = std::strtoull(t.substr(k + 2, boz - k - 3).c_str(), nullptr, base);
            tok.kind = Token::Kind::Int;
            tok.text = std::to_string(static_cast<long long>(bits));
            k = boz;
        } else if (isIdentStart(c)) {
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
            if (tok.text[1] == 't' || tok.text[1] == 'f')  // .true._lk: the kind is not needed
                if (k + 1 < t.size() && t[k] == '_' && isIdentChar(t[k + 1]))
                    while (k < t.size() && isIdentChar(t[k])) ++k;
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
