// Syntax colouring and folding for the kernel language (loma): keywords, types, In/Out,
// decorators, intrinsics, numbers, comments and `#pragma omp` lines. Folding follows
// indentation, as in Python: a line is a fold header when the next non-blank line is deeper.
#pragma once

#include <Qsci/qscilexercustom.h>
#include <QColor>

namespace lomaw::gui {

class LomaLexer : public QsciLexerCustom {
    Q_OBJECT
public:
    enum Style {
        Default = 0,
        Keyword,
        TypeName,
        Qualifier,   // In, Out
        Decorator,
        Intrinsic,
        Number,
        Comment,
        Pragma,      // #pragma omp ... lines
        Operator,
        FunctionName,  // the name after `def` / `class`
        StyleCount
    };

    explicit LomaLexer(QObject* parent = nullptr);

    const char* language() const override { return "loma"; }
    QString description(int style) const override;
    void styleText(int start, int end) override;
    const char* blockStart(int* style = nullptr) const override;
    const char* wordCharacters() const override;
    QStringList autoCompletionWordSeparators() const override { return {"."}; }

    void setDarkTheme(bool dark);
    bool darkTheme() const { return dark_; }

    static const QStringList& keywords();
    static const QStringList& intrinsics();
    static const QStringList& typeNames();

    // The two palettes (also used by the Fortran colouring, KernelLanguage.h): a style's
    // colour, the paper, and the tinted paper of pragma lines.
    static QColor styleColour(Style style, bool dark);
    static QColor paperColour(bool dark);
    static QColor pragmaPaperColour(bool dark);

private:
    // Styles one line that starts inside a triple-quoted string when `inString` is '"' or '\''
    // (0: code); returns the same for the line's end, kept as Scintilla's line state so an
    // edit re-styles the following lines of a multi-line docstring.
    char styleLine(const QByteArray& line, int lineStart, char inString);
    void updateFolding(int firstLine, int lastLine);
    bool dark_ = false;
};

}  // namespace lomaw::gui
