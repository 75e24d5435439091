// gtest parameter names for corpus files: "run_arith_basics" from ".../run/arith_basics.py".
#pragma once

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace lomaw::test {

inline std::string corpusTestName(const testing::TestParamInfo<std::string>& info) {
    std::string stem = std::filesystem::path(info.param).stem().string();
    std::string parent = std::filesystem::path(info.param).parent_path().filename().string();
    std::string name = parent + "_" + stem;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

}  // namespace lomaw::test
