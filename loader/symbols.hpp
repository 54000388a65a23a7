// An image's symbol table, for tools (user space only): function names in
// messages, and @symbol references in hand-written certificates.
#pragma once

#include "tal/types.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace ktal {

class SymbolTable {
  public:
    // Reads .symtab/.strtab of an ELF file; an image without them has none.
    static SymbolTable from_elf(const std::vector<u8> &file);

    std::optional<std::pair<u64, u64>> lookup(std::string_view name) const; // (address, size)
    std::string name_at(u64 addr) const;                                    // exact start, or ""
    std::string describe(u64 addr) const;                                   // "name+0x12", or ""
    // Function symbols with a size, as (address, size, name), by address.
    std::vector<std::tuple<u64, u64, std::string>> functions() const;

  private:
    std::map<std::string, std::pair<u64, u64>, std::less<>> by_name_;
    std::map<u64, std::string> by_addr_;                   // function symbols preferred
    std::map<u64, std::pair<u64, std::string>> functions_; // address -> (size, name)
};

std::optional<std::vector<u8>> read_file(const std::string &path, std::string &error);

} // namespace ktal
