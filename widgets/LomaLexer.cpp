#include "LomaLexer.h"

#include <Qsci/qsciscintilla.h>
#include <QFontDatabase>
#include <algorithm>
#include <cctype>

namespace lomaw::gui {

const QStringList& LomaLexer::keywords() {
    static const QStringList k = {"def", "class", "return", "if", "elif", "else", "while", "for",
                                  "in", "and", "or", "not", "max_iter", "range", "fwd_diff",
                                  "rev_diff", "import", "from"};
    return k;
}

const QStringList& LomaLexer::intrinsics() {
    static const QStringList k = {"sin", "cos", "sqrt", "pow", "exp", "log", "int2float",
                                  "float2int", "thread_id", "atomic_add", "make__dfloat"};
    return k;
}

const QStringList& LomaLexer::typeNames() {
    static const QStringList k = {"int", "float", "Array", "Diff", "_dfloat"};
    return k;
}

LomaLexer::LomaLexer(QObject* parent) : QsciLexerCustom(parent) {
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSize(10);
    setDefaultFont(mono);
    for (int s = 0; s < StyleCount; ++s) setFont(mono, s);
    QFont bold = mono;
    bold.setBold(true);
    setFont(bold, Keyword);
    setFont(bold, FunctionName);
    QFont italic = mono;
    italic.setItalic(true);
    setFont(italic, Comment);
    // Keep the previous line's indentation; KernelEditor adds a level after a ':' line itself.
    // (QScintilla's block-start guessing indented the line after `return x` one level deeper.)
    setAutoIndentStyle(QsciScintilla::AiMaintain);
    setDarkTheme(false);
}

QColor LomaLexer::styleColour(Style style, bool dark) {
    // Two palettes chosen for contrast on their paper.
    struct Entry { Style style; const char* light; const char* dark; };
    static const Entry entries[] = {
        {Default, "#1f2328", "#d8dade"},   {Keyword, "#a626a4", "#c678dd"},
        {TypeName, "#0b7285", "#56b6c2"},  {Qualifier, "#c05621", "#e5a55d"},
        {Decorator, "#7c5e10", "#e5c07b"}, {Intrinsic, "#1c64c8", "#61afef"},
        {Number, "#986801", "#d19a66"},    {Comment, "#6a737d", "#7f848e"},
        {Pragma, "#2f7d32", "#98c379"},    {Operator, "#444c56", "#abb2bf"},
        {FunctionName, "#0550ae", "#82aaff"},
    };
    for (const Entry& e : entries)
        if (e.style == style) return QColor(dark ? e.dark : e.light);
    return QColor(dark ? "#d8dade" : "#1f2328");
}

QColor LomaLexer::paperColour(bool dark) { return dark ? QColor("#1e1f22") : QColor("#ffffff"); }

// Pragma lines get a tinted band so a parallel loop stands out when scrolling.
QColor LomaLexer::pragmaPaperColour(bool dark) { return dark ? QColor("#23302a") : QColor("#eef7ee"); }

void LomaLexer::setDarkTheme(bool dark) {
    dark_ = dark;
    const QColor paper = paperColour(dark);
    setDefaultPaper(paper);
    setDefaultColor(styleColour(Default, dark));
    setPaper(paper);
    for (int s = 0; s < StyleCount; ++s) {
        setColor(styleColour(Style(s), dark), s);
        setPaper(paper, s);
    }
    setPaper(pragmaPaperColour(dark), Pragma);
    setEolFill(true, Pragma);
}

QString LomaLexer::description(int style) const {
    switch (style) {
        case Default: return "Default";
        case Keyword: return "Keyword";
        case TypeName: return "Type";
        case Qualifier: return "In/Out qualifier";
        case Decorator: return "Decorator";
        case Intrinsic: return "Intrinsic function";
        case Number: return "Number";
        case Comment: return "Comment";
        case Pragma: return "OpenMP pragma";
        case Operator: return "Operator";
        case FunctionName: return "Function or struct name";
        default: return QString();
    }
}

const char* LomaLexer::blockStart(int* style) const {
    if (style) *style = Operator;
    return ":";
}

const char* LomaLexer::wordCharacters() const {
    return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
}

namespace {

bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

char LomaLexer::styleLine(const QByteArray& line, int lineStart, char inString) {
    startStyling(lineStart);
    const int n = int(line.size());
    int i = 0;
    // Inside a triple-quoted string (a docstring spanning lines): comment style up to the
    // closing quotes, whatever quotes of the other kind it contains.
    auto closeTriple = [&](int from, char quote) {
        const QByteArray close(3, quote);
        const int at = int(line.indexOf(close, from));
        return at < 0 ? -1 : at + 3;
    };
    if (inString) {
        const int end = closeTriple(0, inString);
        if (end < 0) {
            setStyling(n, Comment);
            return inString;
        }
        setStyling(end, Comment);
        i = end;
    }
    // A whole `#pragma omp` comment line is one style, so the band is unbroken.
    QByteArray trimmed = line.trimmed();
    if (i == 0 && trimmed.startsWith("#pragma")) {
        setStyling(n, Pragma);
        return 0;
    }
    bool afterDef = false;
    while (i < n) {
        char c = line[i];
        if (c == '#') {
            setStyling(n - i, Comment);
            return 0;
        }
        if (c == '@' && i + 1 < n && isIdentStart(line[i + 1])) {
            int j = i + 1;
            while (j < n && isIdentChar(line[j])) ++j;
            setStyling(j - i, Decorator);
            i = j;
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '.' && i + 1 < n && std::isdigit(static_cast<unsigned char>(line[i + 1])))) {
            int j = i + 1;
            while (j < n && (isIdentChar(line[j]) || line[j] == '.' ||
                             ((line[j] == '+' || line[j] == '-') && (line[j - 1] == 'e' || line[j - 1] == 'E'))))
                ++j;
            setStyling(j - i, Number);
            i = j;
            continue;
        }
        if (isIdentStart(c)) {
            int j = i;
            while (j < n && isIdentChar(line[j])) ++j;
            QString word = QString::fromLatin1(line.mid(i, j - i));
            int style = Default;
            if (afterDef) style = FunctionName;
            else if (keywords().contains(word)) style = Keyword;
            else if (word == "In" || word == "Out") style = Qualifier;
            else if (typeNames().contains(word)) style = TypeName;
            else if (intrinsics().contains(word)) style = Intrinsic;
            afterDef = word == "def" || word == "class";
            setStyling(j - i, style);
            i = j;
            continue;
        }
        if (c == '"' || c == '\'') {
            // Only the module docstring is a legal string; colour it (and any string) as a comment.
            if (i + 2 < n && line[i + 1] == c && line[i + 2] == c) {
                const int end = closeTriple(i + 3, c);
                if (end < 0) {
                    setStyling(n - i, Comment);
                    return c;  // the string goes on past this line
                }
                setStyling(end - i, Comment);
                i = end;
                continue;
            }
            int j = i + 1;
            while (j < n && line[j] != c) ++j;
            j = std::min(n, j + 1);
            setStyling(j - i, Comment);
            i = j;
            continue;
        }
        int style = std::isspace(static_cast<unsigned char>(c)) ? Default : Operator;
        if (style == Operator) afterDef = false;
        setStyling(1, style);
        ++i;
    }
    return 0;
}

void LomaLexer::styleText(int start, int end) {
    QsciScintilla* ed = editor();
    if (!ed) return;
    int firstLine = int(ed->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, static_cast<unsigned long>(start)));
    int lastLine = int(ed->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, static_cast<unsigned long>(end)));
    // The string state a line starts in is the previous line's end state (SCI_SETLINESTATE).
    auto lineState = [ed](int line) {
        return line < 0 ? 0 : int(ed->SendScintilla(QsciScintilla::SCI_GETLINESTATE, static_cast<unsigned long>(line)));
    };
    const int lineCount = ed->lines();
    for (int line = firstLine; line <= lastLine; ++line) {
        int ls = int(ed->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, static_cast<unsigned long>(line)));
        int le = int(ed->SendScintilla(QsciScintilla::SCI_GETLINEENDPOSITION, static_cast<unsigned long>(line)));
        if (le < ls) continue;
        QByteArray text = ed->bytes(ls, le);
        if (text.endsWith('\0')) text.chop(1);  // bytes() appends a terminator
        const int before = lineState(line);
        const int after = styleLine(text, ls, char(lineState(line - 1)));
        ed->SendScintilla(QsciScintilla::SCI_SETLINESTATE, static_cast<unsigned long>(line), static_cast<long>(after));
        // An opened or closed docstring changes how the following lines read: style on until
        // the states agree again (Scintilla only asked for the range it is about to paint).
        if (line == lastLine && after != before && lastLine + 1 < lineCount) ++lastLine;
        // Style the line ending too, so Scintilla does not ask again for the same range.
        int next = line + 1 < ed->lines()
                       ? int(ed->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, static_cast<unsigned long>(line + 1)))
                       : le;
        if (next > le)
            setStyling(next - le, after ? Comment : text.trimmed().startsWith("#pragma") ? Pragma : Default);
    }
    updateFolding(firstLine, lastLine);
}

void LomaLexer::updateFolding(int firstLine, int lastLine) {
    QsciScintilla* ed = editor();
    const int lines = ed->lines();
    auto indentOf = [&](int line) -> int {
        QString t = ed->text(line);
        QString s = t.trimmed();
        if (s.isEmpty() || s.startsWith('#')) return -1;  // blank or comment: no structure
        int col = 0;
        for (QChar ch : t) {
            if (ch == ' ') ++col;
            else if (ch == '\t') col = (col / 8 + 1) * 8;
            else break;
        }
        return col;
    };
    auto nextIndent = [&](int line) {
        for (int k = line + 1; k < lines; ++k) {
            int ind = indentOf(k);
            if (ind >= 0) return ind;
        }
        return 0;
    };
    // Levels depend on following lines, so an edit can change the header flag of the line above.
    for (int line = std::max(0, firstLine - 1); line <= lastLine && line < lines; ++line) {
        int ind = indentOf(line);
        int level = QsciScintilla::SC_FOLDLEVELBASE;
        if (ind < 0) {
            level += nextIndent(line) / 4;
            level |= QsciScintilla::SC_FOLDLEVELWHITEFLAG;
        } else {
            level += ind / 4;
            if (nextIndent(line) > ind) level |= QsciScintilla::SC_FOLDLEVELHEADERFLAG;
        }
        ed->SendScintilla(QsciScintilla::SCI_SETFOLDLEVEL, static_cast<unsigned long>(line), static_cast<long>(level));
    }
}

}  // namespace lomaw::gui
