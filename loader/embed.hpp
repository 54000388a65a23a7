// Adding the certificate to a linked image (user space: ktal-cc and tests):
// appends a non-loadable `.ktal.cert` section, leaving every loadable byte
// where the linker put it.
#pragma once

#include "tal/types.hpp"

#include <string>
#include <vector>

namespace ktal {

bool embed_certificate(std::vector<u8> &elf, const std::vector<u8> &cert, std::string &error);

} // namespace ktal
