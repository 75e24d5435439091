// A built shared library loaded with dlopen (RTLD_NOW | RTLD_LOCAL: every symbol resolved at load,
// nothing leaking into the caller's namespace). Closed on destruction.
#pragma once

#include <memory>
#include <string>

namespace lomaw::runtime {

class NativeModule {
public:
    // Null with `error` set when the library cannot be loaded.
    static std::unique_ptr<NativeModule> open(const std::string& path, std::string& error);
    ~NativeModule();
    NativeModule(const NativeModule&) = delete;
    NativeModule& operator=(const NativeModule&) = delete;

    // Null with `error` set when the library has no such symbol.
    void* symbol(const std::string& name, std::string& error) const;
    const std::string& path() const { return path_; }

private:
    NativeModule(void* handle, std::string path) : handle_(handle), path_(std::move(path)) {}
    void* handle_;
    std::string path_;
};

}  // namespace lomaw::runtime
