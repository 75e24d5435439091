#include "codegen/CText.h"

namespace lomaw::codegen {

namespace {

bool printableAscii(unsigned char c) { return c >= 0x20 && c < 0x7F; }

}  // namespace

std::string cCommentText(const std::string& text) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (!printableAscii(c)) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
            continue;
        }
        if (c == '\\') {
            out += "\\\\";
            continue;
        }
        out += static_cast<char>(c);
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        // "*/" would end the comment, "/*" nests (a -Wcomment warning), "??/" is a backslash.
        if ((c == '*' && next == '/') || (c == '/' && next == '*') || (c == '?' && next == '?')) out += '\\';
    }
    return out;
}

std::string cStringLiteral(const std::string& text) {
    std::string out = "\"";
    for (const char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\' || c == '?') {
            out += '\\';
            out += ch;
        } else if (printableAscii(c)) {
            out += ch;
        } else {
            out += '\\';
            out += static_cast<char>('0' + ((c >> 6) & 7));
            out += static_cast<char>('0' + ((c >> 3) & 7));
            out += static_cast<char>('0' + (c & 7));
        }
    }
    return out + "\"";
}

}  // namespace lomaw::codegen
