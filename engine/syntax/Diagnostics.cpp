#include "syntax/Diagnostics.h"

#include <algorithm>
#include <cstdint>

namespace lomaw {

Diagnostic& DiagnosticSink::report(SourceLoc loc, const Message& message) {
    std::string_view code = messageInfo(message.id).code;
    items_.push_back({kDiagnosticCatalogue[diagnosticIndex(code)].severity, loc, std::string(code), message.text, {}});
    return items_.back();
}

void DiagnosticSink::note(SourceLoc loc, const NoteMessage& message) {
    if (items_.empty()) return;
    items_.back().notes.push_back({Severity::Note, loc, "", message.text, {}});
}

bool DiagnosticSink::hasErrors() const { return errorCount() > 0; }

size_t DiagnosticSink::errorCount() const {
    return static_cast<size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Error;
    }));
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
    std::vector<Diagnostic> out = items_;
    std::stable_sort(out.begin(), out.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.loc < b.loc; });
    return out;
}

void DiagnosticSink::append(const std::vector<Diagnostic>& more) {
    items_.insert(items_.end(), more.begin(), more.end());
}

const char* severityName(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

namespace {

std::string_view lineOf(std::string_view source, int line) {
    if (line <= 0) return {};
    size_t pos = 0;
    for (int l = 1; l < line; ++l) {
        size_t nl = source.find('\n', pos);
        if (nl == std::string_view::npos) return {};
        pos = nl + 1;
    }
    size_t end = source.find('\n', pos);
    std::string_view text = source.substr(pos, end == std::string_view::npos ? source.size() - pos : end - pos);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return text;
}

// One character of a source line as an excerpt shows it, and what stands for it in the caret
// line. Control characters, invalid UTF-8 and bidirectional-text controls are shown as escapes
// (`\x1b`, `\u202e`): echoed raw they would drive the terminal or reorder the line on screen.
struct ShownChar {
    std::string text;
    std::string pad;   // as wide as `text`; a tab stays a tab so the caret lines up on any tab width
    size_t bytes = 1;  // source bytes it stands for
};

std::string hexEscape(unsigned char c) {
    static const char digits[] = "0123456789abcdef";
    return std::string("\\x") + digits[c >> 4] + digits[c & 15];
}

ShownChar showChar(std::string_view line, size_t i) {
    auto byte = [&line](size_t k) { return static_cast<unsigned char>(line[k]); };
    unsigned char c = byte(i);
    if (c == '\t') return {"\t", "\t", 1};
    if (c < 0x20 || c == 0x7f) return {hexEscape(c), "    ", 1};
    if (c < 0x80) return {std::string(1, static_cast<char>(c)), " ", 1};
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    bool valid = c >= 0xC2 && c <= 0xF4 && i + n <= line.size();
    for (size_t k = 1; valid && k < n; ++k) valid = (byte(i + k) & 0xC0) == 0x80;
    if (!valid) return {hexEscape(c), "    ", 1};
    uint32_t cp = c & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
    bool control = (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
                   (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
    if (!control) return {std::string(line.substr(i, n)), " ", n};
    static const char digits[] = "0123456789abcdef";
    std::string text = "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) text += digits[(cp >> shift) & 15];
    return {text, std::string(text.size(), ' '), n};
}

void appendOne(std::string& out, const Diagnostic& d, std::string_view file, std::string_view source) {
    out += file;
    out += ':';
    out += std::to_string(d.loc.line > 0 ? d.loc.line : 1);
    out += ':';
    out += std::to_string(d.loc.col > 0 ? d.loc.col : 1);
    out += ": ";
    out += severityName(d.severity);
    out += ": ";
    out += d.message;
    if (!d.code.empty()) {
        out += " [";
        out += d.code;
        out += ']';
    }
    out += '\n';
    std::string_view text = lineOf(source, d.loc.line);
    // The lexer skips a byte-order mark opening the file; columns count from after it.
    if (d.loc.line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (d.loc.line > 0 && !text.empty()) {
        std::string shown, caret;
        int col = 1;  // the lexer's column: continuation bytes of UTF-8 do not advance it
        for (size_t i = 0; i < text.size();) {
            ShownChar ch = showChar(text, i);
            shown += ch.text;
            if (col < d.loc.col) caret += ch.pad;
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
            // A valid multi-byte character counts once (its continuation bytes are inside it).
            i += ch.bytes;
        }
        out += "    ";
        out += shown;
        out += "\n    ";
        out += caret;
        out += "^\n";
    }
}

}  // namespace

std::string formatDiagnostic(const Diagnostic& d, std::string_view file, std::string_view source) {
    std::string out;
    appendOne(out, d, file, source);
    for (const Diagnostic& n : d.notes) appendOne(out, n, file, source);
    return out;
}

std::string formatDiagnostics(const std::vector<Diagnostic>& ds, std::string_view file,
                              std::string_view source) {
    std::string out;
    for (const Diagnostic& d : ds) out += formatDiagnostic(d, file, source);
    return out;
}

}  // namespace lomaw
