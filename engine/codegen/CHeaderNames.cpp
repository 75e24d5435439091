#include "codegen/CHeaderNames.h"

#include <set>
#include <sstream>

namespace lomaw::codegen {

namespace {

#include "codegen/CHeaderNames.inc"

// Names of the same headers in other C libraries or versions than the one the lists were
// generated from (ISO C and POSIX), and errno (declared by <errno.h>, which they may include).
const char* const kPortableNames =
    "errno i386 gets pow10 exp10 sincos strtok_r strlcpy strlcat memrchr rawmemchr mempcpy "
    "strverscmp strfry memfrob basename canonicalize_file_name secure_getenv mkostemp "
    "mkostemps qsort_r getrandom fopencookie fcloseall fgets_unlocked fputs_unlocked "
    "asprintf vasprintf obstack_printf dprintf ssize_t off64_t fpos64_t fopen64 tmpfile64 "
    "clock_t time_t va_list wchar_t size_t ptrdiff_t max_align_t intmax_t uintmax_t "
    "static_assert assert noreturn alignas alignof thread_local";

std::set<std::string> split(const char* words) {
    std::set<std::string> out;
    std::istringstream in(words);
    for (std::string w; in >> w;) out.insert(w);
    return out;
}

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool mpiName(const std::string& n) {
    for (const char* p : {"MPI_", "PMPI_", "MPIX_", "PMPIX_", "QMPI_", "MPIO_", "OMPI_", "OPAL_", "ompi_",
                          "opal_", "mpi_", "pmpi_", "IMPI_", "PLATFORM_", "OPEN_MPI"})
        if (startsWith(n, p)) return true;
    return false;
}

}  // namespace

bool isCHeaderObjectMacro(const std::string& name) {
    static const std::set<std::string> macros = split(kHeaderObjectMacros);
    return macros.count(name) > 0 || name == "errno" || name == "i386" || mpiName(name);
}

bool isCHeaderName(const std::string& name) {
    static const std::set<std::string> declared = [] {
        std::set<std::string> all = split(kHeaderDeclarations);
        all.merge(split(kHeaderObjectMacros));
        all.merge(split(kPortableNames));
        return all;
    }();
    if (declared.count(name) || mpiName(name)) return true;
    // float / long double forms of a function (sinf, floorl) in libraries that add more of them
    return name.size() > 1 && (name.back() == 'f' || name.back() == 'l') &&
           declared.count(name.substr(0, name.size() - 1)) > 0;
}

}  // namespace lomaw::codegen
