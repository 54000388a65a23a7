# PENDING: a signed int clamp to [0, 79] as clang-19 -O2 emits
# `x < 0 ? 0 : x > 79 ? 79 : x` for int x: `cmp edi, 79; mov ecx, 79; cmovl
# ecx, edi; xor eax, eax; test ecx, ecx; cmovg eax, ecx`, result certified
# int[0,79]. Safe. Rejected (ret.result: found [0, 2^32-1]) because 32-bit
# signed compares refine nothing unless the register is sign-extended: the
# first on an unknown 64-bit rdi, the second on the zero-extended ecx (where
# `test ecx, ecx; cmovg` excludes every value above 2^31 - 1 exactly).
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry clamp
#| function clamp bound=0
#|   args int
#|   result int[0,79]
        .text
        .globl clamp
        .type clamp,@function
clamp:
        cmp     edi, 79
        mov     ecx, 79
        cmovl   ecx, edi
        xor     eax, eax
        test    ecx, ecx
        cmovg   eax, ecx
        ret
        .size clamp, .-clamp
