#include "loader/check_image.hpp"

#include <memory>

namespace ktal {

CheckResult check_parts(const u8 *text, u64 text_size, const u8 *cert, usize cert_size,
                        u32 stack_budget, const Layout *layout) {
    CheckResult r;
    Decoder dec;
    if (!decoder_open(dec)) {
        r.malformed = true;
        r.load_error = "cannot open the Capstone disassembler";
        return r;
    }
    usize size = verify_arena_size(text_size, cert_size);
    std::unique_ptr<u8[]> mem(new u8[size]);
    Arena arena(mem.get(), size);
    VerifyInput in;
    in.text = text;
    in.text_size = text_size;
    in.cert = cert;
    in.cert_size = cert_size;
    in.stack_budget = stack_budget;
    in.layout = layout;
    r.accepted = verify(in, dec, arena, r.rejection, r.stats);
    decoder_close(dec);
    return r;
}

CheckResult check_image(const std::vector<u8> &file, u32 stack_budget) {
    CheckResult r;
    LoadError le;
    if (!image_parse(file.data(), file.size(), r.image, le)) {
        r.malformed = true;
        r.load_error = le.message.c_str();
        return r;
    }
    Image img = r.image;
    CheckResult v = check_parts(img.text.bytes, img.text.size, img.cert, img.cert_size,
                                stack_budget, &img.layout);
    v.image = img;
    return v;
}

} // namespace ktal
