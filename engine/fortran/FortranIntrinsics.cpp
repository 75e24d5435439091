#include "fortran/FortranIntrinsics.h"

#include <set>

namespace lomaw::fortran {

namespace {

const std::set<std::string>& passiveResults() {
    static const std::set<std::string> names = {
        "int", "nint", "floor", "ceiling", "idint", "idnint", "ifix", "aint", "anint", "size", "shape", "lbound",
        "ubound", "allocated", "associated", "present", "huge", "tiny", "epsilon", "kind", "len", "len_trim",
        "maxloc", "minloc", "findloc", "count", "any", "all", "btest", "iand", "ior", "ieor", "ishft", "ishftc",
        "ibset", "ibclr", "ibits", "not", "index", "scan", "verify", "ichar", "iachar", "char", "achar",
        "selected_real_kind", "selected_int_kind", "precision", "range", "digits", "radix", "bit_size",
        "storage_size", "exponent", "trim", "adjustl", "adjustr", "repeat", "new_line", "is_contiguous",
        "is_nan", "isnan", "ieee_is_nan", "omp_get_thread_num", "omp_get_num_threads", "omp_get_max_threads",
        "omp_get_wtime", "omp_in_parallel", "omp_get_num_procs", "command_argument_count", "sizeof", "loc",
        "lge", "lgt", "lle", "llt", "logical", "same_type_as", "extends_type_of", "leadz", "trailz", "popcnt",
        "poppar", "maskl", "maskr", "shifta", "shiftl", "shiftr", "merge_bits", "lcobound", "ucobound",
        "this_image", "num_images", "rank"};
    return names;
}

const std::set<std::string>& otherFunctions() {
    static const std::set<std::string> names = {
        "abs", "sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh",
        "cosh", "tanh", "asinh", "acosh", "atanh", "min", "max", "mod", "modulo", "sign", "real", "dble", "float",
        "sngl", "dfloat", "sum", "product", "maxval", "minval", "dot_product", "matmul", "transpose", "merge",
        "cshift", "eoshift", "spread", "reshape", "pack", "unpack", "cmplx", "dcmplx", "conjg", "dconjg", "aimag",
        "dimag", "dreal", "dim",
        "dprod", "erf", "erfc", "erfc_scaled", "gamma", "log_gamma", "hypot", "norm2", "fraction", "nearest",
        "spacing", "scale", "set_exponent", "rrspacing", "transfer", "null", "dsqrt", "dabs", "dexp", "dlog",
        "dlog10", "dsin", "dcos", "dtan", "dasin", "dacos", "datan", "datan2", "dsinh", "dcosh", "dtanh", "dmax1",
        "dmin1", "amax1", "amin1", "max0", "min0", "amax0", "amin0", "max1", "min1", "iabs", "dsign", "isign",
        "dmod", "amod", "dint", "dnint", "alog", "alog10", "cabs", "csqrt", "cexp", "clog", "csin", "ccos",
        "bessel_j0", "bessel_j1", "bessel_jn", "bessel_y0", "bessel_y1", "bessel_yn", "c_loc", "c_funloc",
        "c_associated", "c_sizeof", "iany", "iall", "iparity", "parity", "out_of_range", "epsilon", "cpu_time"};
    return names;
}

}  // namespace

bool hasPassiveResult(const std::string& name) { return passiveResults().count(name) > 0; }

bool isIntrinsicFunction(const std::string& name) {
    return passiveResults().count(name) > 0 || otherFunctions().count(name) > 0;
}

bool isIntrinsicSubroutine(const std::string& name) {
    static const std::set<std::string> names = {
        "random_number", "random_seed", "cpu_time", "system_clock", "date_and_time", "get_command_argument",
        "get_command", "get_environment_variable", "move_alloc", "c_f_pointer", "c_f_procpointer", "mvbits",
        "execute_command_line", "random_init", "omp_set_num_threads", "omp_init_lock", "omp_destroy_lock",
        "omp_set_lock", "omp_unset_lock", "omp_set_dynamic", "omp_set_nested", "omp_set_schedule", "exit",
        "abort", "flush", "sleep"};
    return names.count(name) > 0;
}

bool isIntrinsicModule(const std::string& name) {
    return name == "omp_lib" || name == "omp_lib_kinds" || name == "iso_fortran_env" || name == "iso_c_binding" ||
           name == "ieee_arithmetic" || name == "ieee_exceptions" || name == "ieee_features";
}

const std::map<std::string, long long>& intrinsicModuleConstants(const std::string& module) {
    static const std::map<std::string, long long> none;
    static const std::map<std::string, long long> fortranEnv = {
        {"int8", 1}, {"int16", 2}, {"int32", 4}, {"int64", 8}, {"real32", 4}, {"real64", 8}, {"real128", 16},
        {"input_unit", 5}, {"output_unit", 6}, {"error_unit", 0}, {"iostat_end", -1}, {"iostat_eor", -2},
        {"numeric_storage_size", 32}, {"character_storage_size", 8}, {"file_storage_size", 8},
        {"atomic_int_kind", 4}, {"atomic_logical_kind", 4}};
    static const std::map<std::string, long long> cBinding = {
        {"c_int", 4}, {"c_short", 2}, {"c_long", 8}, {"c_long_long", 8}, {"c_signed_char", 1},
        {"c_size_t", 8}, {"c_int8_t", 1}, {"c_int16_t", 2}, {"c_int32_t", 4}, {"c_int64_t", 8},
        {"c_intptr_t", 8}, {"c_intmax_t", 8}, {"c_ptrdiff_t", 8}, {"c_float", 4}, {"c_double", 8},
        {"c_long_double", 10}, {"c_float_complex", 4}, {"c_double_complex", 8}, {"c_bool", 1}, {"c_char", 1}};
    static const std::map<std::string, long long> ompLib = {
        {"omp_lock_kind", 8}, {"omp_nest_lock_kind", 8}, {"omp_sched_kind", 4}, {"omp_proc_bind_kind", 4},
        {"omp_sched_static", 1}, {"omp_sched_dynamic", 2}, {"omp_sched_guided", 3}, {"omp_sched_auto", 4},
        {"openmp_version", 201511}};
    if (module == "iso_fortran_env") return fortranEnv;
    if (module == "iso_c_binding") return cBinding;
    if (module == "omp_lib" || module == "omp_lib_kinds") return ompLib;
    return none;
}

bool isPassiveArgument(const std::string& name, size_t k) {
    if (name == "merge") return k == 2;
    // The kind of a conversion, real(g, r_knd): a constant of the type system, never a value
    // (a name from a module outside the file is not known to be one).
    if (name == "real" || name == "aint" || name == "anint" || name == "logical") return k == 1;
    if (name == "cmplx") return k == 2;
    if (name == "sign" || name == "dsign" || name == "isign") return k == 1;
    if (name == "cshift" || name == "eoshift" || name == "spread" || name == "reshape") return k >= 1;
    if (name == "pack" || name == "unpack") return k == 1;
    return false;
}

bool reducesToScalar(const std::string& name) {
    return name == "sum" || name == "product" || name == "maxval" || name == "minval" || name == "dot_product" ||
           name == "norm2" || name == "count" || name == "any" || name == "all" || name == "size" ||
           name == "iany" || name == "iall" || name == "parity" || name == "len" || name == "len_trim" ||
           name == "allocated" || name == "associated" || name == "present" || name == "kind" || name == "rank";
}

bool writesArgument(const std::string& subroutine, size_t k) {
    if (subroutine == "random_number" || subroutine == "cpu_time") return k == 0;
    if (subroutine == "system_clock" || subroutine == "date_and_time" || subroutine == "get_command") return true;
    if (subroutine == "get_command_argument" || subroutine == "get_environment_variable") return k >= 1;
    if (subroutine == "move_alloc") return true;
    if (subroutine == "c_f_pointer") return k == 1;
    if (subroutine == "mvbits") return k == 3;
    if (subroutine == "random_seed") return true;
    return false;
}

}  // namespace lomaw::fortran
