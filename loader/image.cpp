#include "loader/image.hpp"

namespace ktal {
namespace {

u64 rd(const u8 *p, int n) {
    u64 v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<u64>(p[i]) << (8 * i);
    return v;
}

bool fail(LoadError &err, const char *what) {
    err.message.clear();
    err.message.add(what);
    return false;
}

bool name_is(const u8 *name, usize left, const char *want) {
    usize i = 0;
    for (; want[i]; ++i)
        if (i >= left || name[i] != static_cast<u8>(want[i])) return false;
    return i < left && name[i] == 0;
}

constexpr u32 kProgbits = 1, kNobits = 8, kRela = 4;
constexpr u64 kAlloc = 2, kWrite = 1, kExec = 4;
constexpr u64 kLimit = 1ull << 32; // no image is 4 GiB

u64 page_up(u64 v) {
    return (v + kPageSize - 1) & ~static_cast<u64>(kPageSize - 1);
}

} // namespace

bool image_parse(const u8 *f, usize size, Image &img, LoadError &err, bool require_cert) {
    img = Image{};
    if (size < 64 || f[0] != 0x7f || f[1] != 'E' || f[2] != 'L' || f[3] != 'F')
        return fail(err, "not an ELF file");
    if (f[4] != 2 || f[5] != 1) return fail(err, "not a 64-bit little-endian ELF file");
    if (rd(f + 16, 2) != 3 || rd(f + 18, 2) != 62)
        return fail(err, "not an x86-64 position-independent image");
    u64 shoff = rd(f + 40, 8), shentsize = rd(f + 58, 2), shnum = rd(f + 60, 2),
        shstrndx = rd(f + 62, 2);
    if (shentsize != 64 || shnum == 0 || shnum > 1024 || shoff > size || shnum * 64 > size - shoff)
        return fail(err, "section header table out of bounds");
    if (shstrndx >= shnum) return fail(err, "section name table index out of range");
    const u8 *sh = f + shoff;
    const u8 *strs = sh + 64 * shstrndx;
    u64 str_off = rd(strs + 24, 8), str_size = rd(strs + 32, 8);
    if (str_off > size || str_size > size - str_off)
        return fail(err, "section name table out of bounds");
    for (u64 i = 1; i < shnum; ++i) {
        const u8 *s = sh + 64 * i;
        u64 name = rd(s, 4), type = rd(s + 4, 4), flags = rd(s + 8, 8), addr = rd(s + 16, 8),
            off = rd(s + 24, 8), sz = rd(s + 32, 8);
        if (name >= str_size) return fail(err, "section name out of bounds");
        const u8 *nm = f + str_off + name;
        usize left = str_size - name;
        bool file_backed = type != kNobits;
        if (file_backed && (off > size || sz > size - off))
            return fail(err, "section contents out of bounds");
        if ((flags & kAlloc) && (addr > kLimit || sz > kLimit))
            return fail(err, "section address out of range");
        Section sec{true, addr, sz, file_backed ? f + off : nullptr};
        auto want = [&](Section &dst, u32 t, u64 fl) {
            if (dst.present) return fail(err, "a section appears twice");
            if (type != t || (flags & (kAlloc | kWrite | kExec)) != fl)
                return fail(err, "a section has the wrong type or flags");
            dst = sec;
            return true;
        };
        bool ok = true;
        if (name_is(nm, left, ".ktal.helpers"))
            ok = want(img.helpers, kProgbits, kAlloc | kExec);
        else if (name_is(nm, left, ".text"))
            ok = want(img.text, kProgbits, kAlloc | kExec);
        // .data.rel.ro (pointer tables) makes the linker mark rodata writable;
        // the loader maps it read-only after relocating it all the same.
        else if (name_is(nm, left, ".rodata"))
            ok = want(img.rodata, kProgbits, (flags & kWrite) ? kAlloc | kWrite : kAlloc);
        else if (name_is(nm, left, ".ktal.fuel"))
            ok = want(img.fuel, kProgbits, kAlloc | kWrite);
        else if (name_is(nm, left, ".data"))
            ok = want(img.data, kProgbits, kAlloc | kWrite);
        else if (name_is(nm, left, ".bss"))
            ok = want(img.bss, kNobits, kAlloc | kWrite);
        else if (name_is(nm, left, ".ktal.args"))
            ok = want(img.args, kNobits, kAlloc | kWrite);
        else if (name_is(nm, left, ".ktal.cert")) {
            if (type != kProgbits || (flags & kAlloc) || img.cert)
                return fail(err, "bad .ktal.cert section");
            img.cert = sec.bytes;
            img.cert_size = sz;
        } else if (name_is(nm, left, ".rela.dyn")) {
            if (type != kRela || rd(s + 56, 8) != 24 || sz % 24 || img.rela)
                return fail(err, "bad .rela.dyn section");
            img.rela = sec.bytes;
            img.nrela = sz / 24;
        } else if (flags & kAlloc) {
            return fail(
                err,
                "an unexpected loadable section (the image was not linked with loader/ktal.ld)");
        }
        if (!ok) return false;
    }
    if (!img.cert && require_cert)
        return fail(err, "no .ktal.cert section: the image is not certified");
    if (!img.helpers.present || img.helpers.addr != 0 || img.helpers.size % kHelperSlotSize)
        return fail(err, "helper slots missing or misplaced");
    if (!img.text.present || img.text.size == 0 || img.text.addr < img.helpers.size)
        return fail(err, "text missing or overlapping the helper slots");
    if (!img.args.present || img.args.size < kArgsSize) return fail(err, "argument area missing");
    Layout &l = img.layout;
    l.helpers_off = 0;
    l.helper_count = img.helpers.size / kHelperSlotSize;
    l.text_off = img.text.addr;
    l.text_size = img.text.size;
    u64 end = img.text.addr + img.text.size;
    l.rodata_off = img.rodata.present ? img.rodata.addr : page_up(end);
    l.rodata_size = img.rodata.present ? img.rodata.size : 0;
    if (l.rodata_off < end || l.rodata_off % kPageSize) return fail(err, "rodata misplaced");
    end = l.rodata_off + l.rodata_size;
    // The fuel word's page, if any, is the one just before the sandbox.
    if (img.fuel.present) {
        if (img.fuel.addr < end || img.fuel.addr % kPageSize || img.fuel.size > kPageSize)
            return fail(err, "the fuel word's page is misplaced");
        end = img.fuel.addr + kPageSize;
    }
    const Section *parts[] = {&img.data, &img.bss, &img.args};
    l.sandbox_off = 0;
    for (const Section *p : parts) {
        if (!p->present) continue;
        if (!l.sandbox_off) {
            l.sandbox_off = p->addr;
            if (p->addr < end || p->addr % kPageSize)
                return fail(err, "the sandbox does not start on its own page");
        }
        if (p->addr < end) return fail(err, "sandbox sections overlap or are out of order");
        end = p->addr + p->size;
    }
    if (img.fuel.present && l.sandbox_off != img.fuel.addr + kPageSize)
        return fail(err, "the fuel word's page must come just before the sandbox");
    if (img.args.addr + img.args.size != end)
        return fail(err, "the argument area must end the sandbox");
    l.image_size = page_up(end);
    l.sandbox_size = l.image_size - l.sandbox_off;
    for (u64 i = 0; i < img.nrela; ++i) {
        const u8 *r = img.rela + 24 * i;
        u64 off = rd(r, 8), info = rd(r + 8, 8), addend = rd(r + 16, 8);
        if (info != 8) return fail(err, "a relocation other than R_X86_64_RELATIVE");
        bool in_ro = img.rodata.present && off >= img.rodata.addr &&
                     off + 8 <= img.rodata.addr + img.rodata.size;
        bool in_data =
            img.data.present && off >= img.data.addr && off + 8 <= img.data.addr + img.data.size;
        if (!in_ro && !in_data) return fail(err, "a relocation outside rodata and data");
        if (addend > l.image_size) return fail(err, "a relocation points outside the image");
    }
    return true;
}

bool image_check_layout(const Image &img, const Layout &c, LoadError &err) {
    if (!(c == img.layout))
        return fail(err, "the certificate describes a different layout than the image has");
    return true;
}

void image_place(const Image &img, u8 *mem, u64 base) {
    const Section *secs[] = {&img.helpers, &img.text, &img.rodata, &img.fuel, &img.data};
    for (const Section *s : secs)
        if (s->present && s->bytes) copy_bytes(mem + s->addr, s->bytes, s->size);
    for (u64 i = 0; i < img.nrela; ++i) {
        const u8 *r = img.rela + 24 * i;
        u64 off = rd(r, 8), v = base + rd(r + 16, 8);
        for (int k = 0; k < 8; ++k) mem[off + k] = static_cast<u8>(v >> (8 * k));
    }
}

} // namespace ktal
