// The diagnostic catalogue (engine/syntax/DiagnosticCatalogue.def) is well formed and
// docs/language.md §8 lists exactly its codes.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "syntax/Diagnostics.h"

namespace lomaw {
namespace {

// Checked when this file compiles: the sink's code types accept catalogued literals only.
static_assert(kDiagnosticCatalogue[diagnosticIndex("undeclared-variable")].severity == Severity::Error);
static_assert(kDiagnosticCatalogue[diagnosticIndex("in-array-write")].severity == Severity::Warning);
static_assert(diagnosticIndex("no-such-code") == -1);

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

TEST(DiagnosticCatalogue, TheSinkRecordsTheCataloguedCodeAndSeverity) {
    DiagnosticSink sink;
    sink.error({3, 4}, "undeclared-variable", "use of undeclared variable 'y'");
    sink.warning({5, 1}, "in-array-write", "writing an element of In array parameter 'a' changes the caller's buffer");
    sink.remark({6, 2}, "fortran-skipped", "'format' statement skipped");
    ASSERT_EQ(sink.raw().size(), 3u);
    EXPECT_EQ(sink.raw()[0].code, "undeclared-variable");
    EXPECT_EQ(sink.raw()[0].severity, Severity::Error);
    EXPECT_EQ(sink.raw()[1].severity, Severity::Warning);
    EXPECT_EQ(sink.raw()[2].severity, Severity::Note);
    EXPECT_EQ(sink.errorCount(), 1u);
}

}  // namespace
}  // namespace lomaw
