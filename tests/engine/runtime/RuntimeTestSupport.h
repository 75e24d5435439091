// Helpers for runtime tests: typed ast nodes built by hand (the runtime reads only resolved
// types, In/Out and @simd), and temporary directories.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <vector>

#include "syntax/Ast.h"

namespace lomaw::runtime::test {

inline TypePtr tInt() { return Type::intType(); }
inline TypePtr tFloat() { return Type::floatType(); }
inline TypePtr tStruct(const std::string& name) { return Type::structType(name); }
inline TypePtr tArray(TypePtr elem, int size = 0) { return Type::arrayOf(std::move(elem), size); }

struct P {
    std::string name;
    TypePtr type;
    bool isOut = false;
};

inline ast::Function makeFunction(const std::string& name, std::vector<P> params,
                                  TypePtr returnType = Type::voidType(), bool simd = false) {
    ast::Function f;
    f.name = name;
    f.simd = simd;
    f.returnType = std::move(returnType);
    for (P& p : params) {
        ast::Param param;
        param.name = p.name;
        param.resolved = p.type;
        param.isOut = p.isOut;
        f.params.push_back(std::move(param));
    }
    return f;
}

inline ast::StructDecl makeStruct(const std::string& name,
                                  std::vector<std::pair<std::string, TypePtr>> members) {
    ast::StructDecl s;
    s.name = name;
    for (auto& [n, t] : members) {
        ast::Member m;
        m.name = n;
        m.resolved = t;
        s.members.push_back(std::move(m));
    }
    return s;
}

inline ast::StructDecl dfloatStruct() { return makeStruct("_dfloat", {{"val", tFloat()}, {"dval", tFloat()}}); }

// A fresh directory under $TMPDIR, removed with the object.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "lomaw-rt-XXXXXX").string();
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        path_ = mkdtemp(buf.data()) ? std::string(buf.data()) : std::string();
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

inline void writeFile(const std::string& path, const std::string& text, bool executable = false) {
    std::ofstream(path) << text;
    if (executable) chmod(path.c_str(), 0755);
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace lomaw::runtime::test
