#include "syntax/Diagnostics.h"

#include <algorithm>

namespace lomaw {

Diagnostic& DiagnosticSink::error(SourceLoc loc, std::string code, std::string message) {
    items_.push_back({Severity::Error, loc, std::move(code), std::move(message), {}});
    return items_.back();
}

Diagnostic& DiagnosticSink::warning(SourceLoc loc, std::string code, std::string message) {
    items_.push_back({Severity::Warning, loc, std::move(code), std::move(message), {}});
    return items_.back();
}

void DiagnosticSink::note(SourceLoc loc, std::string message) {
    if (items_.empty()) return;
    items_.back().notes.push_back({Severity::Note, loc, "", std::move(message), {}});
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
    if (d.loc.line > 0 && !text.empty()) {
        out += "    ";
        out += text;
        out += "\n    ";
        // Keep tabs in the caret line so the caret sits under the column on any tab width.
        int col = 1;
        for (char c : text) {
            if (col >= d.loc.col) break;
            // Continuation bytes of UTF-8 do not advance the (character) column.
            if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
            out += (c == '\t') ? '\t' : ' ';
            ++col;
        }
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
