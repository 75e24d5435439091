#include "runtime/NativeModule.h"

#include <dlfcn.h>

namespace lomaw::runtime {

std::unique_ptr<NativeModule> NativeModule::open(const std::string& path, std::string& error) {
    dlerror();
    // RTLD_NODELETE: a kernel built with OpenMP leaves libgomp's worker threads spinning in
    // libgomp after a parallel region; unloading the module could unmap libgomp under them
    // (seen as a rare SIGSEGV at the end of @simd calls). Modules stay mapped until exit.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!handle) {
        const char* why = dlerror();
        error = "cannot load " + path + ": " + (why ? why : "unknown dlopen error");
        return nullptr;
    }
    return std::unique_ptr<NativeModule>(new NativeModule(handle, path));
}

NativeModule::~NativeModule() { dlclose(handle_); }

void* NativeModule::symbol(const std::string& name, std::string& error) const {
    dlerror();
    void* address = dlsym(handle_, name.c_str());
    if (const char* why = dlerror()) {
        error = "symbol " + name + " not found in " + path_ + ": " + why;
        return nullptr;
    }
    if (!address) error = "symbol " + name + " is null in " + path_;
    return address;
}

}  // namespace lomaw::runtime
