// Which language an open file is in, by its name, and the colouring of Fortran files: .py (and
// anything else) is a loma kernel; .f90/.F90/.f95/... free-form and .f/.F/.for/.f77 fixed-form
// Fortran (the names engine/fortran reads, EngineScopes.h isFortranPath). Fortran is coloured by
// QScintilla's own lexers in the loma lexer's font and palettes, `!$omp` lines on the pragma tint.
#pragma once

#include <QString>

class QObject;
class QsciLexerFortran77;

namespace lomaw::gui {

enum class KernelLanguage { Loma, FortranFree, FortranFixed };

KernelLanguage kernelLanguageOf(const QString& fileName);
inline bool isFortran(KernelLanguage language) { return language != KernelLanguage::Loma; }

// The file dialogs' name filter: loma kernels and Fortran sources first, then each, then all files.
QString kernelFileFilter();

// A QsciLexerFortran (free form) or QsciLexerFortran77 (fixed form), coloured for `dark`.
QsciLexerFortran77* makeFortranLexer(KernelLanguage language, bool dark, QObject* parent);
void applyFortranColours(QsciLexerFortran77* lexer, bool dark);

}  // namespace lomaw::gui
