# cmov as clang-19 emits it: between two globals' addresses, then one load
# (x ? a : b, -O2); a 16-bit selection (the absolute value of a short); and
# __builtin_ffs at -O0 (bsf, then cmove of 32 where the source was 0, over
# a register that held stale data).
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   args int int
#|   result int
        .text
        .globl main
        .type main,@function
main:
        lea rax, [rip + a]
        lea rcx, [rip + b]
        test edi, edi
        cmovne rcx, rax
        mov rax, qword ptr [rcx + 8]
        mov dx, si
        neg dx
        cmovs dx, si
        mov word ptr [rip + a], dx
        bsf ecx, edi
        mov edx, 32
        cmove ecx, edx
        mov dword ptr [rip + b], ecx
        ret
        .size main, .-main
        .bss
a: .zero 16
b: .zero 16
