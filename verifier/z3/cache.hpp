// The prover's proof cache (`ktal prove IMAGE --cache DIR`): a function whose
// every obligation was proved is recorded under a key, the SHA-256 of
// everything its proof depends on (function_key in program.cpp: the prover
// itself, the function's code bytes, its certified type and blocks, every
// function's certified type, the layout, the helper count, whether it is the
// entry). A later run that computes the same key reports those obligations
// proved without asking Z3 again. Only complete proofs are recorded: a
// refuted or unknown obligation is always asked again.
#pragma once

#include "tal/types.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace ktal::prover {

// SHA-256, OpenSSL's (libcrypto), fed field by field.
class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;
    Sha256 &add(const void *data, size_t n);
    Sha256 &add(const std::string &s) { return add(s.data(), s.size()); }
    // Integers as 8 little-endian bytes, so fields cannot run together.
    Sha256 &num(u64 v);
    std::array<u8, 32> digest();
    std::string hex_digest();

  private:
    void *ctx_; // EVP_MD_CTX
};

// One recorded obligation: what a report lists for it.
struct CachedObligation {
    u64 block = 0, addr = 0;
    std::string insn, kind, what;
};

// DIR/KEY (a text file). load: the recorded obligations, or nothing when the
// file is missing or not a well-formed record for KEY. store: written to a
// temporary name and renamed, so readers never see half a record.
std::optional<std::vector<CachedObligation>> cache_load(const std::string &dir,
                                                        const std::string &key);
bool cache_store(const std::string &dir, const std::string &key,
                 const std::vector<CachedObligation> &obs);

// The SHA-256 of the running executable (the prover's own code) and Z3's
// version: part of every key, so a changed prover never reuses a record.
const std::string &prover_identity();

} // namespace ktal::prover
