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

bool startsWithDirective(const std::string& t, size_t& after) {
    size_t k = 0;
    while (k < t.size() && (t[k] == ' ' || t[k] == '\t')) ++k;
    if (t.size() - k >= 5 && t[k] == '!' && t[k + 1] == '$' && std::tolower(t[k + 2]) == 'o' &&
        std::tolower(t[k + 3]) == 'm' && std::tolower(t[k + 4]) == 'p') {
        after = k + 5;
        return true;
    }
    return false;
}

}  // namespace

std::vector<LogicalLine> logicalLines(std::string_view source) {
    std::vector<LogicalLine> out;
    LogicalLine cur;
    bool continuing = false;
    auto flush = [&]() {
        // Split at top-level ';' (not for directives).
        size_t b = 0;
        auto emit = [&](size_t from, size_t to) {
            while (from < to && (cur.text[from] == ' ' || cur.text[from] == '\t')) ++from;
            while (to > from && (cur.text[to - 1] == ' ' || cur.text[to - 1] == '\t')) --to;
            if (from == to) return;
            LogicalLine l;
            l.directive = cur.directive;
            l.text = cur.text.substr(from, to - from);
            l.locs.assign(cur.locs.begin() + from, cur.locs.begin() + to);
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
    };
    for (const Physical& p : physicalLines(source)) {
        size_t from = 0;
        bool directive = false;
        if (startsWithDirective(p.text, from)) {
            directive = true;
            if (from < p.text.size() && p.text[from] == '&') ++from;  // !$omp& continuation
        }
        std::string body;
        std::vector<SourceLoc> locs;
        char quote = 0;
        for (size_t k = from; k < p.text.size(); ++k) {
            char c = p.text[k];
            if (!quote && c == '!') break;  // comment
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            body += c;
            locs.push_back({p.line, static_cast<int>(k) + 1});
        }
        // Leading '&' of a continued line.
        size_t lead = 0;
        while (lead < body.size() && (body[lead] == ' ' || body[lead] == '\t')) ++lead;
        if (continuing && lead < body.size() && body[lead] == '&') {
            body.erase(0, lead + 1);
            locs.erase(locs.begin(), locs.begin() + static_cast<long>(lead) + 1);
        }
        size_t end = body.size();
        while (end > 0 && (body[end - 1] == ' ' || body[end - 1] == '\t')) --end;
        const bool continues = end > 0 && body[end - 1] == '&';
        if (continues) end -= 1;
        body.resize(end);
        locs.resize(end);
        if (!continuing) cur.directive = directive;
        if (continuing && !cur.text.empty()) {
            cur.text += ' ';
            cur.locs.push_back(locs.empty() ? SourceLoc{p.line, 1} : locs.front());
        }
        cur.text += body;
        cur.locs.insert(cur.locs.end(), locs.begin(), locs.end());
        continuing = continues;
        if (!continuing) flush();
    }
    if (continuing) flush();
    return out;
}

}  // namespace lomaw::fortran
