#include "KernelLanguage.h"

#include <Qsci/qscilexerfortran.h>
#include <Qsci/qscilexerfortran77.h>
#include <QFontDatabase>

#include "EngineScopes.h"
#include "LomaLexer.h"
#include "fortran/FortranParser.h"

namespace lomaw::gui {

KernelLanguage kernelLanguageOf(const QString& fileName) {
    const std::string name = fileName.toStdString();
    if (!isFortranPath(name)) return KernelLanguage::Loma;
    return fortran::formOf(name) == fortran::SourceForm::Fixed ? KernelLanguage::FortranFixed : KernelLanguage::FortranFree;
}

QString kernelFileFilter() {
    return "Kernels (*.py *.f90 *.F90 *.f95 *.f03 *.f08 *.f *.F *.for *.f77);;loma kernels (*.py);;"
           "Fortran with OpenMP (*.f90 *.F90 *.f95 *.f03 *.f08 *.f *.F *.for *.f77);;All files (*)";
}

QsciLexerFortran77* makeFortranLexer(KernelLanguage language, bool dark, QObject* parent) {
    QsciLexerFortran77* lexer = language == KernelLanguage::FortranFixed ? new QsciLexerFortran77(parent)
                                                                         : new QsciLexerFortran(parent);
    // The same monospace font as loma kernels: switching files must not change the text size.
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSize(10);
    lexer->setDefaultFont(mono);
    lexer->setFont(mono, -1);
    QFont bold = mono;
    bold.setBold(true);
    lexer->setFont(bold, QsciLexerFortran77::Keyword);
    QFont italic = mono;
    italic.setItalic(true);
    lexer->setFont(italic, QsciLexerFortran77::Comment);
    applyFortranColours(lexer, dark);
    return lexer;
}

void applyFortranColours(QsciLexerFortran77* lexer, bool dark) {
    using F = QsciLexerFortran77;
    using L = LomaLexer;
    // Each Fortran style takes the colour of the loma style that plays its part.
    const struct { int fortran; L::Style loma; } map[] = {
        {F::Default, L::Default},          {F::Comment, L::Comment},
        {F::Number, L::Number},            {F::SingleQuotedString, L::Qualifier},
        {F::DoubleQuotedString, L::Qualifier}, {F::UnclosedString, L::Qualifier},
        {F::Operator, L::Operator},        {F::Identifier, L::Default},
        {F::Keyword, L::Keyword},          {F::IntrinsicFunction, L::Intrinsic},
        {F::ExtendedFunction, L::TypeName}, {F::PreProcessor, L::Pragma},
        {F::DottedOperator, L::Keyword},   {F::Label, L::Decorator},
        {F::Continuation, L::Operator},
    };
    const QColor paper = L::paperColour(dark);
    lexer->setDefaultPaper(paper);
    lexer->setDefaultColor(L::styleColour(L::Default, dark));
    lexer->setPaper(paper, -1);
    for (const auto& m : map) lexer->setColor(L::styleColour(m.loma, dark), m.fortran);
    // Scintilla's Fortran lexers give `!$omp` directive lines the preprocessor style.
    lexer->setPaper(L::pragmaPaperColour(dark), F::PreProcessor);
    lexer->setEolFill(true, F::PreProcessor);
}

}  // namespace lomaw::gui
