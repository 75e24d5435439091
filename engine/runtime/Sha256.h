// SHA-256 (FIPS 180-4), for content-hash keys of the build cache. Own small implementation so the
// engine needs no crypto library; speed is irrelevant next to a C compiler run.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lomaw::runtime {

class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    // Finishes the hash; the object must not be updated afterwards.
    std::string hexDigest();

private:
    void compressBlock(const unsigned char* block);

    uint32_t state_[8];
    unsigned char buffer_[64];
    size_t bufferLen_ = 0;
    uint64_t totalBytes_ = 0;
};

// Lower-case hex SHA-256 of `bytes`.
std::string sha256Hex(std::string_view bytes);

}  // namespace lomaw::runtime
