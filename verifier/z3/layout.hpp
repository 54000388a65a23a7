// `ktal prove IMAGE`: the obligations about the image as a whole, before any
// function runs: the text holds certified functions and padding only (no
// code a stray or speculative jump could use, since nothing certifies it),
// and the entry function's certified stack bound fits the stack the loader
// gives the program. Written from the image and the certificate with the
// shared decoder, not from the verifier's checks.
#pragma once

#include "loader/image.hpp"
#include "tal/cert.hpp"
#include "verifier/decode.hpp"
#include "verifier/z3/program.hpp"

#include <string>

namespace ktal::prover {

// entry_name: the entry function's name, for the report.
void prove_layout(const Image &img, const Cert &cert, Decoder &dec, const Options &opt,
                  const std::string &entry_name, Report &rep);

} // namespace ktal::prover
