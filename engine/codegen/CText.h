// User text (file paths, names in messages) rendered safely into generated C. Nothing a user
// controls reaches a C file except through these two functions: a comment cannot be closed or
// continued, a string literal cannot be ended early, whatever the bytes.
#pragma once

#include <string>

namespace lomaw::codegen {

// `text` for the inside of a `/* ... */` comment: printable ASCII is kept except that "*/",
// "/*" and "??" (a trigraph start) get a backslash between their characters (`*\/`, `/\*`,
// `?\?`); a backslash is doubled, and every other byte (newline, control, non-ASCII) becomes
// `\xNN`. The result is one line with no way to end the comment or splice a line.
std::string cCommentText(const std::string& text);

// `text` as a complete C string literal, quotes included: `"` `\` and `?` are escaped (the
// last so that no trigraph forms), other printable ASCII is kept, every other byte becomes a
// three-digit octal escape (`\012`), which cannot absorb a following digit.
std::string cStringLiteral(const std::string& text);

}  // namespace lomaw::codegen
