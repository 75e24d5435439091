#include "runtime/DescentDirectives.h"

#include <sstream>

namespace lomaw::runtime {

namespace {

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r");
    size_t e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// The text after "# NAME:" on a comment line, nullopt for other lines.
std::optional<std::string> directive(const std::string& line, const std::string& name) {
    std::string t = trim(line);
    std::string prefix = "# " + name + ":";
    if (t.rfind(prefix, 0) != 0) return std::nullopt;
    return trim(t.substr(prefix.size()));
}

template <class Visit>
void forEachLine(const std::string& text, Visit visit) {
    std::istringstream in(text);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) visit(number, line);
}

}  // namespace

std::vector<std::string> directiveWords(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    bool inWord = false;
    int depth = 0;
    bool inDouble = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inDouble) {
            word += c;
            if (c == '\\' && i + 1 < text.size()) {
                word += text[++i];
            } else if (c == '"') {
                inDouble = false;
            }
            continue;
        }
        if (c == '\'' && depth == 0) {  // a shell-quoted word: taken verbatim, without the quotes
            size_t end = text.find('\'', i + 1);
            if (end == std::string::npos) end = text.size();
            word += text.substr(i + 1, end - i - 1);
            inWord = true;
            i = end;
            continue;
        }
        if ((c == ' ' || c == '\t') && depth == 0) {
            if (inWord) words.push_back(word);
            word.clear();
            inWord = false;
            continue;
        }
        if (c == '[' || c == '{') ++depth;
        if ((c == ']' || c == '}') && depth > 0) --depth;
        if (c == '"') inDouble = true;
        word += c;
        inWord = true;
    }
    if (inWord) words.push_back(word);
    return words;
}

std::optional<std::string> DescendDirective::option(const std::string& name) const {
    for (size_t i = 0; i + 1 < arguments.size(); ++i)
        if (arguments[i] == name) return arguments[i + 1];
    return std::nullopt;
}

std::vector<RunDirective> runDirectives(const std::string& sourceText) {
    std::vector<RunDirective> out;
    forEachLine(sourceText, [&](int number, const std::string& line) {
        std::optional<std::string> text = directive(line, "RUN");
        if (!text) return;
        std::vector<std::string> words = directiveWords(*text);
        if (words.empty()) return;
        RunDirective d;
        d.line = number;
        d.function = words[0];
        size_t next = 1;
        if (words.size() > 2 && words[1] == "--threads") {
            try {
                d.threads = std::stoi(words[2]);
            } catch (const std::exception&) {
                return;  // not a call the runner could make
            }
            next = 3;
        }
        for (size_t i = next; i < words.size(); ++i) d.argsJson += (i > next ? " " : "") + words[i];
        out.push_back(std::move(d));
    });
    return out;
}

std::vector<DescendDirective> descendDirectives(const std::string& sourceText) {
    std::vector<DescendDirective> out;
    forEachLine(sourceText, [&](int number, const std::string& line) {
        std::optional<std::string> text = directive(line, "DESCEND");
        if (!text) return;
        std::vector<std::string> words = directiveWords(*text);
        DescendDirective d;
        d.line = number;
        if (words.empty() || words[0].rfind("--", 0) == 0) {
            d.error = "a DESCEND line starts with the function to descend";
        } else {
            d.function = words[0];
            d.arguments.assign(words.begin() + 1, words.end());
            if (std::optional<std::string> init = d.option("--init")) {
                d.initJson = *init;
            } else {
                d.error = "a DESCEND line needs --init ARGS";
            }
        }
        out.push_back(std::move(d));
    });
    return out;
}

}  // namespace lomaw::runtime
