// A kernel source written to a temporary file for the lifetime of the object.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace lomaw::test {

class TempKernel {
public:
    explicit TempKernel(const std::string& text, const std::string& name = "kernel.py") {
        static int counter = 0;
        dir_ = std::filesystem::temp_directory_path() /
               ("lomaw_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::create_directories(dir_);
        path_ = (dir_ / name).string();
        std::ofstream(path_) << text;
    }
    ~TempKernel() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    const std::string& path() const { return path_; }

private:
    std::filesystem::path dir_;
    std::string path_;
};

}  // namespace lomaw::test
