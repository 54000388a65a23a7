#include "verifier/z3/x86.hpp"

#include "verifier/decode.hpp"

namespace ktal::x86 {

namespace {
unsigned bits_of(const z3::expr &a) {
    return a.get_sort().bv_size();
}
z3::expr num(z3::context &c, u64 v, unsigned bits) {
    return c.bv_val(static_cast<uint64_t>(v), bits);
}
z3::expr bit(const z3::expr &a, unsigned i) {
    return a.extract(i, i) == a.ctx().bv_val(1, 1);
}
z3::expr b2bv(const z3::expr &b, unsigned bits) {
    return z3::ite(b, b.ctx().bv_val(1, bits), b.ctx().bv_val(0, bits));
}
z3::expr tt(z3::context &c) {
    return c.bool_val(true);
}
z3::expr ff(z3::context &c) {
    return c.bool_val(false);
}
unsigned g_fresh = 0;
} // namespace

z3::expr fresh_bool(z3::context &c, const char *what) {
    return c.bool_const((std::string("undef.") + what + "." + std::to_string(g_fresh++)).c_str());
}
z3::expr fresh_bv(z3::context &c, const char *what, unsigned bits) {
    return c.bv_const((std::string("undef.") + what + "." + std::to_string(g_fresh++)).c_str(),
                      bits);
}

namespace {
bool g_zero_as_compare = false;
}
void zero_as_compare(bool on) {
    g_zero_as_compare = on;
}
z3::expr zero(const z3::expr &r) {
    if (g_zero_as_compare) return !z3::ule(num(r.ctx(), 1, bits_of(r)), r);
    return r == num(r.ctx(), 0, bits_of(r));
}
z3::expr sign(const z3::expr &r) {
    return bit(r, bits_of(r) - 1);
}
z3::expr parity(const z3::expr &r) {
    z3::expr x = r.extract(0, 0);
    for (unsigned i = 1; i < 8; ++i) x = x ^ r.extract(i, i);
    return x == r.ctx().bv_val(0, 1);
}

z3::expr cond(u8 cc, const Flags &f) {
    switch (cc & 15) {
    case CO: return f.of;
    case CNO: return !f.of;
    case CB: return f.cf;
    case CAE: return !f.cf;
    case CE: return f.zf;
    case CNE: return !f.zf;
    case CBE: return f.cf || f.zf;
    case CA: return !f.cf && !f.zf;
    case CS: return f.sf;
    case CNS: return !f.sf;
    case CP: return f.pf;
    case CNP: return !f.pf;
    case CL: return f.sf != f.of;
    case CGE: return f.sf == f.of;
    case CLE: return f.zf || f.sf != f.of;
    default: return !f.zf && f.sf == f.of; // CG
    }
}

namespace {
Flags szp(const z3::expr &r, const z3::expr &cf, const z3::expr &of) {
    return Flags{cf, zero(r), sign(r), of, parity(r)};
}
Result all_defined(const z3::expr &r, const Flags &f) {
    return Result{r, f, tt(r.ctx()), tt(r.ctx()), tt(r.ctx())};
}
} // namespace

Result add(const z3::expr &a, const z3::expr &b, const z3::expr &carry_in) {
    unsigned n = bits_of(a);
    z3::expr wide = z3::zext(a, 1) + z3::zext(b, 1) + b2bv(carry_in, n + 1);
    z3::expr r = wide.extract(n - 1, 0);
    z3::expr of = sign(a) == sign(b) && sign(r) != sign(a);
    return all_defined(r, szp(r, bit(wide, n), of));
}

Result sub(const z3::expr &a, const z3::expr &b, const z3::expr &borrow_in) {
    unsigned n = bits_of(a);
    z3::expr r = a - b - b2bv(borrow_in, n);
    z3::expr cf = z3::ult(z3::zext(a, 1), z3::zext(b, 1) + b2bv(borrow_in, n + 1));
    z3::expr of = sign(a) != sign(b) && sign(r) != sign(a);
    Flags f = szp(r, cf, of);
    // cmp x, K (no borrow): ZF is x = K, written K <=u x and not K+1 <=u x,
    // compares of x itself (zero_as_compare), where r = 0 would be a compare
    // of another sum, x - K, which the SAT solver must relate to x.
    z3::expr bs = b.simplify();
    if (g_zero_as_compare && borrow_in.is_false() && bs.is_numeral()) {
        u64 k = bs.get_numeral_uint64();
        u64 max = n >= 64 ? ~0ull : (1ull << n) - 1;
        f.zf = k == max ? z3::ule(bs, a) : z3::ule(bs, a) && !z3::ule(num(a.ctx(), k + 1, n), a);
    }
    return all_defined(r, f);
}

Result logic(char op, const z3::expr &a, const z3::expr &b) {
    z3::expr r = op == '&' ? (a & b) : op == '|' ? (a | b) : (a ^ b);
    return all_defined(r, szp(r, ff(a.ctx()), ff(a.ctx())));
}

Result incdec(bool inc, const z3::expr &a, const Flags &old) {
    unsigned n = bits_of(a);
    z3::expr one = num(a.ctx(), 1, n);
    z3::expr r = inc ? a + one : a - one;
    z3::expr edge =
        num(a.ctx(), inc ? (n == 64 ? ~0ull >> 1 : (1ull << (n - 1)) - 1) : 1ull << (n - 1), n);
    Flags f = szp(r, old.cf, a == edge);
    return Result{r, f, ff(a.ctx()), tt(a.ctx()), tt(a.ctx())};
}

Result neg(const z3::expr &a) {
    unsigned n = bits_of(a);
    z3::expr r = num(a.ctx(), 0, n) - a;
    return all_defined(r, szp(r, a != num(a.ctx(), 0, n), a == num(a.ctx(), 1ull << (n - 1), n)));
}

namespace {
// count8 masked as the processor does, as an n-bit vector.
z3::expr masked_count(const z3::expr &count8, unsigned n) {
    z3::expr c = count8 & count8.ctx().bv_val(n == 64 ? 63 : 31, 8);
    return n >= 8 ? z3::zext(c, n - 8) : c;
}
Flags keep_if(const z3::expr &c, const Flags &now, const Flags &old) {
    return Flags{z3::ite(c, old.cf, now.cf), z3::ite(c, old.zf, now.zf), z3::ite(c, old.sf, now.sf),
                 z3::ite(c, old.of, now.of), z3::ite(c, old.pf, now.pf)};
}
} // namespace

Result shift(char op, const z3::expr &a, const z3::expr &count8, const Flags &old) {
    z3::context &c = a.ctx();
    unsigned n = bits_of(a);
    z3::expr k = masked_count(count8, n);
    z3::expr k0 = k == num(c, 0, n), k1 = k == num(c, 1, n);
    if (op == 'L' || op == 'R') {
        z3::expr m = z3::urem(k, num(c, n, n)); // the rotation actually done
        z3::expr back = num(c, n, n) - m;
        z3::expr r =
            op == 'L' ? (z3::shl(a, m) | z3::lshr(a, back)) : (z3::lshr(a, m) | z3::shl(a, back));
        r = z3::ite(m == num(c, 0, n), a, r);
        z3::expr cf = op == 'L' ? bit(r, 0) : sign(r);
        z3::expr of1 = op == 'L' ? (sign(r) != cf) : (sign(r) != bit(r, n - 2));
        z3::expr of = z3::ite(k1, of1, fresh_bool(c, "rot.of"));
        Flags now{cf, old.zf, old.sf, of, old.pf};
        // CF (and OF) written unless the masked count is 0; OF defined for 1 only.
        return Result{z3::ite(k0, a, r), keep_if(k0, now, old), !k0, k1, ff(c)};
    }
    z3::expr r = op == 'l' ? z3::shl(a, k) : op == 'r' ? z3::lshr(a, k) : z3::ashr(a, k);
    z3::expr km1 = k - num(c, 1, n);
    z3::expr big = z3::uge(k, num(c, n, n));
    z3::expr cf_def = op == 'l' ? bit(z3::shl(z3::zext(a, 1), z3::zext(k, 1)), n)
                                : bit(op == 'r' ? z3::lshr(a, km1) : z3::ashr(a, km1), 0);
    z3::expr cf = z3::ite(big, fresh_bool(c, "shift.cf"), cf_def);
    z3::expr of1 = op == 'l' ? (sign(r) != cf_def) : op == 'r' ? sign(a) : ff(c);
    z3::expr of = z3::ite(k1, of1, fresh_bool(c, "shift.of"));
    Flags now = szp(r, cf, of);
    return Result{z3::ite(k0, a, r), keep_if(k0, now, old), !k0 && !big, k1, !k0};
}

Result double_shift(bool left, const z3::expr &dst, const z3::expr &src, const z3::expr &count8,
                    const Flags &old) {
    z3::context &c = dst.ctx();
    unsigned n = bits_of(dst);
    z3::expr k = masked_count(count8, n);
    z3::expr k0 = k == num(c, 0, n), k1 = k == num(c, 1, n);
    z3::expr k2 = z3::zext(k, n), one2 = num(c, 1, 2 * n);
    z3::expr r(c), cf(c);
    if (left) {
        z3::expr both = z3::concat(dst, src);
        r = z3::shl(both, k2).extract(2 * n - 1, n);
        cf = bit(z3::shl(z3::zext(both, 1), z3::zext(k2, 1)), 2 * n);
    } else {
        z3::expr both = z3::concat(src, dst);
        r = z3::lshr(both, k2).extract(n - 1, 0);
        cf = bit(z3::lshr(both, k2 - one2), 0);
    }
    z3::expr bad = z3::ugt(k, num(c, n, n)); // 16-bit with a count above 16: undefined
    r = z3::ite(bad, fresh_bv(c, "shxd", n), r);
    cf = z3::ite(bad, fresh_bool(c, "shxd.cf"), cf);
    z3::expr of = z3::ite(k1, sign(r) != sign(dst), fresh_bool(c, "shxd.of"));
    Flags now = szp(r, cf, of);
    return Result{z3::ite(k0, dst, r), keep_if(k0, now, old), !k0 && !bad, k1, !k0 && !bad};
}

Result imul2(const z3::expr &a, const z3::expr &b) {
    z3::context &c = a.ctx();
    unsigned n = bits_of(a);
    z3::expr p = z3::sext(a, n) * z3::sext(b, n);
    z3::expr r = p.extract(n - 1, 0);
    z3::expr ovf = z3::sext(r, n) != p;
    Flags f{ovf, fresh_bool(c, "imul.zf"), fresh_bool(c, "imul.sf"), ovf, fresh_bool(c, "imul.pf")};
    return Result{r, f, tt(c), tt(c), ff(c)};
}

Wide mul1(bool is_signed, const z3::expr &a, const z3::expr &b, const Flags &old) {
    z3::context &c = a.ctx();
    unsigned n = bits_of(a);
    z3::expr p = is_signed ? z3::sext(a, n) * z3::sext(b, n) : z3::zext(a, n) * z3::zext(b, n);
    z3::expr lo = p.extract(n - 1, 0), hi = p.extract(2 * n - 1, n);
    z3::expr ovf = is_signed ? z3::sext(lo, n) != p : hi != num(c, 0, n);
    (void)old;
    return Wide{
        hi, lo,
        Flags{ovf, fresh_bool(c, "mul.zf"), fresh_bool(c, "mul.sf"), ovf, fresh_bool(c, "mul.pf")}};
}

Division divide(bool is_signed, const z3::expr &hi, const z3::expr &lo, const z3::expr &d) {
    z3::context &c = d.ctx();
    unsigned n = bits_of(d);
    z3::expr zero_ok = d != num(c, 0, n);
    // Whether the quotient fits, without a 2n-bit divider (which bit-blasts
    // badly): unsigned, exactly when hi < d; signed, with magnitudes, exactly
    // when |x| < 2^(n-1) |d| (same signs: the quotient is at most 2^(n-1) - 1)
    // or |x| < (2^(n-1) + 1) |d| (opposite signs: at least -2^(n-1)).
    z3::expr fits(c);
    if (!is_signed) {
        fits = z3::ult(hi, d);
    } else {
        z3::expr x = z3::concat(hi, lo);
        z3::expr ax = z3::ite(sign(x), -x, x);              // |x|, 2n bits unsigned
        z3::expr ad = z3::zext(z3::ite(sign(d), -d, d), n); // |d|, 2n bits
        z3::expr lim = z3::shl(ad, num(c, n - 1, 2 * n));
        fits = z3::ite(sign(x) == sign(d), z3::ult(ax, lim), z3::ult(ax, lim + ad));
    }
    // The results: exact when the dividend is an n-bit number (rdx its zero or
    // sign extension, as after xor edx, edx or cqo/cdq); any values otherwise
    // (nothing proved may depend on them then).
    z3::expr ext = is_signed ? hi == z3::ashr(lo, num(c, n - 1, n)) : hi == num(c, 0, n);
    z3::expr q = is_signed ? lo / d : z3::udiv(lo, d); // z3++: / on bit-vectors is signed
    z3::expr r = is_signed ? z3::srem(lo, d) : z3::urem(lo, d);
    q = z3::ite(ext, q, fresh_bv(c, "quotient", n));
    r = z3::ite(ext, r, fresh_bv(c, "remainder", n));
    return Division{zero_ok, fits, q, r};
}

Result bt(const z3::expr &a, const z3::expr &bitno, const Flags &old) {
    z3::context &c = a.ctx();
    unsigned n = bits_of(a);
    z3::expr k = z3::urem(bitno, num(c, n, n));
    z3::expr cf = bit(z3::lshr(a, k), 0);
    Flags f{cf, old.zf, fresh_bool(c, "bt.sf"), fresh_bool(c, "bt.of"), fresh_bool(c, "bt.pf")};
    return Result{a, f, tt(c), ff(c), ff(c)};
}

z3::expr bit_set(char op, const z3::expr &a, const z3::expr &bitno) {
    unsigned n = bits_of(a);
    z3::expr mask = z3::shl(num(a.ctx(), 1, n), z3::urem(bitno, num(a.ctx(), n, n)));
    return op == 's' ? (a | mask) : op == 'r' ? (a & ~mask) : (a ^ mask);
}

namespace {
z3::expr lowest_set(const z3::expr &a) {
    unsigned n = bits_of(a);
    z3::expr idx = num(a.ctx(), n, n);
    for (int i = static_cast<int>(n) - 1; i >= 0; --i)
        idx = z3::ite(bit(a, i), num(a.ctx(), i, n), idx);
    return idx;
}
z3::expr highest_set(const z3::expr &a) {
    unsigned n = bits_of(a);
    z3::expr idx = num(a.ctx(), 0, n);
    for (unsigned i = 0; i < n; ++i) idx = z3::ite(bit(a, i), num(a.ctx(), i, n), idx);
    return idx;
}
} // namespace

Result bitscan(char op, const z3::expr &dst, const z3::expr &src, const Flags &old) {
    z3::context &c = dst.ctx();
    z3::expr z = zero(src);
    (void)old;
    Flags f{fresh_bool(c, "bsf.cf"), z, fresh_bool(c, "bsf.sf"), fresh_bool(c, "bsf.of"),
            fresh_bool(c, "bsf.pf")};
    z3::expr scan = z3::ite(z, dst, op == 'r' ? highest_set(src) : lowest_set(src));
    if (op != 't') return Result{scan, f, ff(c), ff(c), ff(c)};
    // tzcnt: as tzcnt (BMI1) or as bsf (older processors).
    z3::expr bmi = fresh_bool(c, "cpu.bmi1");
    z3::expr t = lowest_set(src); // n when src = 0
    Flags ft{z, zero(t), fresh_bool(c, "tzcnt.sf"), fresh_bool(c, "tzcnt.of"),
             fresh_bool(c, "tzcnt.pf")};
    Flags m{z3::ite(bmi, ft.cf, f.cf), z3::ite(bmi, ft.zf, f.zf), z3::ite(bmi, ft.sf, f.sf),
            z3::ite(bmi, ft.of, f.of), z3::ite(bmi, ft.pf, f.pf)};
    return Result{z3::ite(bmi, t, scan), m, ff(c), ff(c), ff(c)};
}

z3::expr bswap(const z3::expr &a) {
    unsigned n = bits_of(a);
    if (n < 32) return fresh_bv(a.ctx(), "bswap16", n);
    z3::expr r = a.extract(7, 0);
    for (unsigned i = 1; i < n / 8; ++i) r = z3::concat(r, a.extract(8 * i + 7, 8 * i));
    return r;
}

z3::expr to_width(const z3::expr &a, unsigned bits, bool sign_extend) {
    unsigned n = bits_of(a);
    if (n == bits) return a;
    if (n > bits) return a.extract(bits - 1, 0);
    return sign_extend ? z3::sext(a, bits - n) : z3::zext(a, bits - n);
}

} // namespace ktal::x86

namespace ktal {

const char *op_name(Op op) {
    static constexpr const char *names[] = {
        "invalid", "mov",  "movzx", "movsx", "lea",      "push",     "pop",   "cmov",  "setcc",
        "add",     "or",   "adc",   "sbb",   "and",      "sub",      "xor",   "cmp",   "test",
        "inc",     "dec",  "neg",   "not",   "imul",     "mul",      "imul1", "div",   "idiv",
        "rol",     "ror",  "shl",   "shr",   "sar",      "shld",     "shrd",  "cext",  "csext",
        "bt",      "bts",  "btr",   "btc",   "bsf",      "bsr",      "tzcnt", "bswap", "jmp",
        "jcc",     "call", "ret",   "nop",   "rep movs", "rep stos", "int3"};
    return names[static_cast<u8>(op)];
}

} // namespace ktal
