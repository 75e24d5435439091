// The directives an example file carries in comments, for the app's ready demos and the tests:
//
//   # RUN: FUNC [--threads N] ARGS          a call with its --args (docs/language.md §10.3)
//   # DESCEND: FUNC --init ARGS [OPTIONS]   a descent: the options of `lomaw descend`
//
// A DESCEND line holds exactly the words of a `lomaw descend FILE ...` command line after FILE:
// JSON values may contain spaces ([2.0, -1.0] is one word: brackets, braces and double quotes
// group), and a word in single quotes is taken without them, so a line copied from a shell
// works. No shell is involved. Both parsers never throw.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lomaw::runtime {

struct RunDirective {
    int line = 0;                 // 1-based line of the comment
    std::string function;
    std::string argsJson;         // "" when FUNC takes no parameters
    std::optional<int> threads;
};

struct DescendDirective {
    int line = 0;
    std::string function;
    std::vector<std::string> arguments;  // FUNC's options, one word each: {"--init", "[2.0, 1.0]", "--lr", "0.1"}
    std::string initJson;                // the value of --init ("" when missing)
    std::string error;                   // "" or what is wrong with the line (e.g. no FUNC, --init missing)
    // The value of option `name` ("--lr"), nullopt when the line does not give it.
    std::optional<std::string> option(const std::string& name) const;
};

std::vector<RunDirective> runDirectives(const std::string& sourceText);
std::vector<DescendDirective> descendDirectives(const std::string& sourceText);

// The words of a directive's text (exposed for tests).
std::vector<std::string> directiveWords(const std::string& text);

}  // namespace lomaw::runtime
