#include "fortran/FortranLines.h"

#include <cctype>

namespace lomaw::fortran {

namespace {

struct Physical {
    std::string text;
    int line = 0;
};

std::vector<Physical> physicalLines(std::string_view s) {
    std::vector<Physical> out;
    size_t start = 0;
    int line = 1;
    while (start <= s.size()) {
        size_t end = s.find('\n', start);
        if (end == std::string_view::npos) end = s.size();
        std::string text(s.substr(start, end - start));
        if (!text.empty() && text.back() == '\r') text.pop_back();
        out.push_back({text, line++});
        if (end == s.size()) break;
        start = end + 1;
    }
    return out;
}

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool sentinelAt(const std::string& t, size_t k, const char* word) {
    for (size_t j = 0; word[j]; ++j)
        if (k + j >= t.size() || lower(t[k + j]) != word[j]) return false;
    return true;
}

// One statement being assembled from physical lines.
struct Pending {
    LogicalLine cur;
    bool open = false;
};

// Appends `t[from, to)` of physical line `line` (comment after '!' dropped, lower-cased
// outside strings); `quote` carries an open string across continuation lines.
void appendBody(LogicalLine& cur, const std::string& t, size_t from, size_t to, int line, char& quote) {
    for (size_t k = from; k < to && k < t.size(); ++k) {
        char c = t[k];
        if (!quote && c == '!') break;
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else {
            c = lower(c);
        }
        if (c == '\t') c = ' ';
        cur.text += c;
        cur.locs.push_back({line, static_cast<int>(k) + 1});
    }
}

// The stand-in for a C preprocessor line (and its continuations) that the parser notes once:
// "#" and the directive's word ("#ifdef", "#else", "#endif", ...), for the parser to tell the
// branches of a condition apart.
LogicalLine preprocessorLine(const std::string& t, int line) {
    LogicalLine pp;
    pp.text = "#";
    size_t k = t.find('#');
    k = k == std::string::npos ? t.size() : k + 1;
    while (k < t.size() && (t[k] == ' ' || t[k] == '\t')) ++k;
    while (k < t.size() && std::isalpha(static_cast<unsigned char>(t[k]))) pp.text += lower(t[k++]);
    pp.locs.assign(pp.text.size(), {line, 1});
    return pp;
}

// Splits at top-level ';' (not for directives), trims, and emits the non-empty parts.
void flush(LogicalLine& cur, std::vector<LogicalLine>& out) {
    size_t b = 0;
    auto emit = [&](size_t from, size_t to) {
        while (from < to && (cur.text[from] == ' ' || cur.text[from] == '\t')) ++from;
        while (to > from && (cur.text[to - 1] == ' ' || cur.text[to - 1] == '\t')) --to;
        if (from == to) return;
        LogicalLine l;
        l.directive = cur.directive;
        l.text = cur.text.substr(from, to - from);
        l.locs.assign(cur.locs.begin() + static_cast<long>(from), cur.locs.begin() + static_cast<long>(to));
        out.push_back(std::move(l));
    };
    if (!cur.directive) {
        char quote = 0;
        for (size_t k = 0; k < cur.text.size(); ++k) {
            char c = cur.text[k];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';') {
                emit(b, k);
                b = k + 1;
            }
        }
    }
    emit(b, cur.text.size());
    cur = LogicalLine{};
}

std::vector<LogicalLine> freeForm(const std::vector<Physical>& lines) {
    std::vector<LogicalLine> out;
    LogicalLine cur;
    bool continuing = false;
    bool preprocessorContinues = false;  // the last line was a preprocessor line ending in '\\'
    // Conditions opened inside a continued statement (an #ifdef between argument lines): their
    // first branch is read and the others skipped (true once past the first), up to the
    // #endif, even when the statement ends inside the first branch. Two branches of one
    // statement are never both compiled.
    std::vector<bool> inStatement;
    auto skipping = [&]() {
        for (bool b : inStatement)
            if (b) return true;
        return false;
    };
    for (const Physical& p : lines) {
        size_t k = 0;
        while (k < p.text.size() && (p.text[k] == ' ' || p.text[k] == '\t')) ++k;
        if (preprocessorContinues || (k < p.text.size() && p.text[k] == '#')) {
            // A C preprocessor line, with its backslash continuations: one "#" line for the
            // parser's note (`#if defined(A) \` + `&& B` is not a Fortran statement `&& B`);
            // inside a continued statement it is left out.
            if (!preprocessorContinues) {
                LogicalLine pp = preprocessorLine(p.text, p.line);
                const std::string word = pp.text.substr(1);
                if (continuing || !inStatement.empty()) {
                    if (word == "if" || word == "ifdef" || word == "ifndef") inStatement.push_back(false);
                    else if ((word == "elif" || word == "else") && !inStatement.empty()) inStatement.back() = true;
                    else if (word == "endif" && !inStatement.empty()) inStatement.pop_back();
                } else {
                    out.push_back(std::move(pp));
                }
            }
            size_t last = p.text.find_last_not_of(" \t\r");
            preprocessorContinues = last != std::string::npos && p.text[last] == '\\';
            continue;
        }
        if (skipping()) continue;
        size_t from = 0;
        bool directive = false;
        if (sentinelAt(p.text, k, "!$omp")) {
            directive = true;
            from = k + 5;
            if (from < p.text.size() && p.text[from] == '&') ++from;  // !$omp& continuation
        } else if (sentinelAt(p.text, k, "!$") && (k + 2 >= p.text.size() || p.text[k + 2] == ' ' || p.text[k + 2] == '&')) {
            from = k + 2;  // conditional compilation: code under -fopenmp
        }
        LogicalLine piece;
        char quote = 0;
        appendBody(piece, p.text, from, p.text.size(), p.line, quote);
        std::string& body = piece.text;
        std::vector<SourceLoc>& locs = piece.locs;
        size_t lead = 0;  // leading '&' of a continued line
        while (lead < body.size() && body[lead] == ' ') ++lead;
        if (continuing && lead < body.size() && body[lead] == '&') {
            body.erase(0, lead + 1);
            locs.erase(locs.begin(), locs.begin() + static_cast<long>(lead) + 1);
        }
        size_t end = body.size();
        while (end > 0 && body[end - 1] == ' ') --end;
        const bool continues = end > 0 && body[end - 1] == '&';
        if (continues) end -= 1;
        body.resize(end);
        locs.resize(end);
        if (continuing && body.empty() && !continues && !directive &&
            (k == p.text.size() || (p.text[k] == '!' && from == 0)))
            continue;  // a blank or comment line between continuation lines
        if (!continuing) cur.directive = directive;
        if (continuing && !cur.text.empty()) {
            cur.text += ' ';
            cur.locs.push_back(locs.empty() ? SourceLoc{p.line, 1} : locs.front());
        }
        cur.text += body;
        cur.locs.insert(cur.locs.end(), locs.begin(), locs.end());
        continuing = continues;
        if (!continuing) flush(cur, out);
    }
    if (continuing) flush(cur, out);
    return out;
}

// Fixed form: columns 1-5 label, 6 continuation, 7-72 statement; c, C, * or ! in column 1
// comments the line. Tab format: a tab in columns 1-6 starts the statement (a digit right
// after it marks a continuation).
std::vector<LogicalLine> fixedForm(const std::vector<Physical>& lines) {
    std::vector<LogicalLine> out;
    LogicalLine cur;
    bool open = false;
    bool preprocessorContinues = false;
    char quote = 0;
    for (const Physical& p : lines) {
        const std::string& t = p.text;
        if (t.find_first_not_of(" \t") == std::string::npos) continue;
        bool directive = false, code = true;
        const char c0 = t.empty() ? ' ' : lower(t[0]);
        if (preprocessorContinues || c0 == '#') {  // a C preprocessor line: kept for the parser's note
            if (open) flush(cur, out);
            open = false;
            if (!preprocessorContinues) out.push_back(preprocessorLine(p.text, p.line));
            size_t last = t.find_last_not_of(" \t\r");
            preprocessorContinues = last != std::string::npos && t[last] == '\\';
            continue;
        }
        if ((c0 == 'c' || c0 == '*' || c0 == '!') && t.size() > 1 && t[1] == '$') {
            if (sentinelAt(t, 2, "omp")) directive = true;
            else if (t.size() > 2 && (t[2] == ' ' || std::isdigit(static_cast<unsigned char>(t[2])))) code = true;
            else continue;
        } else if (c0 == 'c' || c0 == '*' || c0 == '!') {
            continue;
        } else if (t.find_first_not_of(" \t") < t.size() && t[t.find_first_not_of(" \t")] == '!' &&
                   t.find_first_not_of(" \t") != 5) {
            continue;  // a comment line starting after blanks
        }
        (void)code;
        // Columns: label [0,5), continuation 5, statement [6, 72).
        size_t stmtFrom = 6, labelTo = 5;
        bool continuation = false;
        const size_t tab = t.find('\t');
        if (!directive && tab != std::string::npos && tab < 6) {
            labelTo = tab;
            stmtFrom = tab + 1;
            if (stmtFrom < t.size() && t[stmtFrom] >= '1' && t[stmtFrom] <= '9') {
                continuation = true;
                ++stmtFrom;
            }
        } else {
            continuation = t.size() > 5 && t[5] != ' ' && t[5] != '0';
        }
        const size_t stmtTo = std::min<size_t>(t.size(), 72);
        if (directive) stmtFrom = 6;
        if (continuation && open && cur.directive == directive) {
            if (directive) {  // clauses on a continuation line are separate words
                cur.text += ' ';
                cur.locs.push_back({p.line, static_cast<int>(stmtFrom) + 1});
            }
            appendBody(cur, t, stmtFrom, stmtTo, p.line, quote);
            continue;
        }
        if (open) flush(cur, out);
        quote = 0;
        cur = LogicalLine{};
        cur.directive = directive;
        open = true;
        if (directive) {
            // "!$omp" occupies columns 1-5; the directive text follows column 6.
            appendBody(cur, t, stmtFrom, stmtTo, p.line, quote);
            continue;
        }
        bool label = false;
        for (size_t k = 0; k < labelTo && k < t.size(); ++k)
            if (std::isdigit(static_cast<unsigned char>(t[k]))) label = true;
        if (label) {
            appendBody(cur, t, 0, labelTo, p.line, quote);
            cur.text += ' ';
            cur.locs.push_back({p.line, static_cast<int>(labelTo) + 1});
        }
        appendBody(cur, t, stmtFrom, stmtTo, p.line, quote);
    }
    if (open) flush(cur, out);
    return out;
}

}  // namespace

std::vector<LogicalLine> logicalLines(std::string_view source, SourceForm form) {
    const std::vector<Physical> lines = physicalLines(source);
    return form == SourceForm::Fixed ? fixedForm(lines) : freeForm(lines);
}

}  // namespace lomaw::fortran
