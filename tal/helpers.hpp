// The helper table as the verifier sees it (trusted: built in, never taken
// from a certificate).
#pragma once

#include "tal/helper_abi.h"
#include "tal/types.hpp"

namespace ktal {

struct HelperInfo {
    const char *name;
    u8 nargs;
    u8 kind; // KTAL_HELPER_*
};

inline const HelperInfo &helper_info(u32 id) {
#define KTAL_HELPER_ROW(id, name, nargs, kind) {#name, nargs, kind},
    static const HelperInfo table[KTAL_HELPER_COUNT] = {KTAL_HELPERS(KTAL_HELPER_ROW)};
#undef KTAL_HELPER_ROW
    return table[id < KTAL_HELPER_COUNT ? id : 0];
}

} // namespace ktal
