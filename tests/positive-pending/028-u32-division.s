# PENDING: unsigned 32-bit division by a value loaded from memory, guarded
# against 0, as clang-19 -O2 emits it: `mov ecx, [divisor_cell]; test ecx, ecx;
# je; ...; div ecx`. Safe: ecx is zero-extended (u[0, 2^32-1]) and non-zero
# on the fall-through edge. Rejected (divide.zero) because refine() skips a
# 32-bit je/jne whose operand is not signed-exact in 32 bits, although
# equality sees all 32 bits of a zero-extended value.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry ratio
#| function ratio bound=0
#|   args int
#|   result int
        .text
        .globl ratio
        .type ratio,@function
ratio:
        mov     ecx, dword ptr [rip + divisor_cell]
        test    ecx, ecx
        je      .LBB0_1
        mov     eax, edi
        xor     edx, edx
        div     ecx
        add     edx, eax
        mov     rax, rdx
        ret
.LBB0_1:
        xor     edx, edx
        mov     rax, rdx
        ret
        .size ratio, .-ratio

        .data
        .p2align 2
divisor_cell:
        .long   7
