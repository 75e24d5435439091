// The diagnostic catalogue (engine/syntax/DiagnosticCatalogue.def) is well formed, the sink fills
// its message formats, and docs/language.md §8 lists exactly its codes and formats.
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>

#include <gtest/gtest.h>

#include "syntax/Diagnostics.h"

namespace lomaw {
namespace {

// Checked when this file compiles: the sink's code types accept catalogued literals only.
static_assert(kDiagnosticCatalogue[diagnosticIndex("undeclared-variable")].severity == Severity::Error);
static_assert(kDiagnosticCatalogue[diagnosticIndex("in-array-write")].severity == Severity::Warning);
static_assert(diagnosticIndex("no-such-code") == -1);

// A message id carries the number of its placeholders, and a Message (what the sink reports) is
// built only with that many arguments: `diags.report(loc, msg::DuplicateDeclaration)` or
// `report(loc, msg::DuplicateDeclaration, a, b)` does not build ("no matching function", naming
// the unsatisfied `sizeof...(Args) == N`). A note id is not a message id, nor the reverse.
static_assert(messageArity("no placeholder") == 0);
static_assert(messageArity("'{0}' and '{1}', '{0}' again") == 2);
static_assert(std::is_same_v<decltype(msg::DuplicateDeclaration), const MessageRef<1, false>>);
static_assert(std::is_same_v<decltype(msg::FirstDeclarationHere), const MessageRef<1, true>>);
static_assert(std::is_constructible_v<Message, decltype(msg::DuplicateDeclaration), std::string>);
static_assert(!std::is_constructible_v<Message, decltype(msg::DuplicateDeclaration)>);
static_assert(!std::is_constructible_v<Message, decltype(msg::DuplicateDeclaration), std::string, std::string>);
static_assert(std::is_convertible_v<decltype(msg::InvalidSyntax), Message>);  // no placeholder: the id alone
static_assert(!std::is_constructible_v<NoteMessage, decltype(msg::DuplicateDeclaration), std::string>);
static_assert(!std::is_constructible_v<Message, decltype(msg::FirstDeclarationHere), std::string>);
// A malformed format (`{x}`, a lone brace, `{1}` without `{0}`) makes messageArity throw during
// constant evaluation, so msg::Id's type and the whole catalogue fail to compile.

std::string section8OfTheLanguageReference() {
    std::ifstream in(LOMAW_EXAMPLES "/../docs/language.md");
    std::stringstream text;
    text << in.rdbuf();
    std::string all = text.str();
    size_t begin = all.find("\n## 8. Diagnostics"), end = all.find("\n## 9. ");
    if (begin == std::string::npos || end == std::string::npos) return "";
    return all.substr(begin, end - begin);
}

TEST(DiagnosticCatalogue, CodesAreUniqueKebabCaseAndExplained) {
    std::set<std::string_view> seen;
    std::regex kebab("[a-z]+(-[a-z0-9]+)*");
    for (const DiagnosticInfo& d : diagnosticCatalogue()) {
        EXPECT_TRUE(seen.insert(d.code).second) << "twice: " << d.code;
        EXPECT_TRUE(std::regex_match(std::string(d.code), kebab)) << d.code;
        EXPECT_GT(d.meaning.size(), 10u) << d.code;
    }
    EXPECT_GT(seen.size(), 70u);
}

TEST(DiagnosticCatalogue, TheLanguageReferenceListsExactlyTheCataloguedCodes) {
    std::string section = section8OfTheLanguageReference();
    ASSERT_FALSE(section.empty()) << "docs/language.md has no section 8";
    // Every `code` in backticks that looks like a code (kebab-case with a dash, or a one-word
    // code of the catalogue); keywords like `note` or `error` are not codes.
    std::set<std::string> documented;
    std::regex quoted("`([a-z]+(-[a-z0-9]+)+|internal)`");
    for (auto it = std::sregex_iterator(section.begin(), section.end(), quoted); it != std::sregex_iterator(); ++it)
        documented.insert((*it)[1].str());
    std::set<std::string> catalogued;
    for (const DiagnosticInfo& d : diagnosticCatalogue()) catalogued.insert(std::string(d.code));
    for (const std::string& code : catalogued) EXPECT_TRUE(documented.count(code)) << "not in docs/language.md §8: " << code;
    for (const std::string& code : documented) EXPECT_TRUE(catalogued.count(code)) << "documented but not catalogued: " << code;
}

TEST(DiagnosticCatalogue, EveryMessageFormatIsUniqueWithinItsCode) {
    std::set<std::pair<std::string_view, std::string_view>> seen;
    for (const MessageInfo& m : messageCatalogue()) {
        EXPECT_TRUE(seen.insert({m.code, m.format}).second) << m.code << ": " << m.format;
        EXPECT_FALSE(m.format.empty()) << m.code;
    }
    std::set<std::string_view> withMessages;
    for (const MessageInfo& m : messageCatalogue())
        if (!m.note) withMessages.insert(m.code);
    for (const DiagnosticInfo& d : diagnosticCatalogue()) EXPECT_TRUE(withMessages.count(d.code)) << "no message: " << d.code;
}

TEST(DiagnosticCatalogue, FormatsAreFilledInTheirArgumentsOrder) {
    const MessageArg args[] = {std::string("f"), 'c', 42};
    EXPECT_EQ(formatMessage("{1}{0} '{0}' {2}", args), "cf 'f' 42");
    EXPECT_EQ(Message(msg::CallArgumentCount, "pow", "2 arguments", size_t{1}).text, "'pow' takes 2 arguments, got 1");
    EXPECT_EQ(Message(msg::RecursiveStruct, "A", "next").text, "struct 'A' is recursive (member 'next' contains 'A')");
    EXPECT_EQ(Message(msg::InvalidSyntax).text, "invalid syntax");
}

TEST(DiagnosticCatalogue, TheSinkRecordsTheCataloguedCodeSeverityAndText) {
    DiagnosticSink sink;
    sink.report({3, 4}, msg::UndeclaredVariable, "y");
    sink.report({5, 1}, msg::InArrayWrite, std::string("a"));
    sink.note({2, 1}, msg::DeclaredHere, "a");
    sink.report({6, 2}, msg::FortranStatementSkipped, "entry");
    ASSERT_EQ(sink.raw().size(), 3u);
    EXPECT_EQ(sink.raw()[0].code, "undeclared-variable");
    EXPECT_EQ(sink.raw()[0].severity, Severity::Error);
    EXPECT_EQ(sink.raw()[0].message, "undeclared variable 'y'");
    EXPECT_EQ(sink.raw()[1].severity, Severity::Warning);
    ASSERT_EQ(sink.raw()[1].notes.size(), 1u);
    EXPECT_EQ(sink.raw()[1].notes[0].message, "'a' is declared here");
    EXPECT_EQ(sink.raw()[1].notes[0].code, "");
    EXPECT_EQ(sink.raw()[2].severity, Severity::Note);
    EXPECT_EQ(sink.raw()[2].code, "fortran-skipped");
    EXPECT_EQ(sink.raw()[2].message, "'entry' statement skipped");
    EXPECT_EQ(sink.errorCount(), 1u);
}

// §8.3 lists, under each code, its formats in the catalogue's order (`note: ` before a note's).
TEST(DiagnosticCatalogue, TheLanguageReferenceListsExactlyTheCataloguedFormats) {
    std::string section = section8OfTheLanguageReference();
    size_t begin = section.find("\n### 8.3 Message formats");
    ASSERT_NE(begin, std::string::npos) << "docs/language.md has no §8.3";
    std::istringstream lines(section.substr(begin));
    std::map<std::string, std::vector<std::string>> documented;
    std::string line, code;
    std::regex codeLine("- `([a-z0-9-]+)`"), formatLine("  - (note: )?`(.*)`");
    std::smatch m;
    while (std::getline(lines, line)) {
        if (std::regex_match(line, m, codeLine)) code = m[1];
        else if (std::regex_match(line, m, formatLine)) documented[code].push_back(m[1].str() + m[2].str());
    }
    std::map<std::string, std::vector<std::string>> catalogued;
    for (const MessageInfo& f : messageCatalogue())
        catalogued[std::string(f.code)].push_back((f.note ? "note: " : "") + std::string(f.format));
    EXPECT_EQ(documented, catalogued) << "docs/language.md §8.3 and engine/syntax/DiagnosticCatalogue.def differ";
}

}  // namespace
}  // namespace lomaw
