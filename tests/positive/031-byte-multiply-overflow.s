# __builtin_mul_overflow on bytes (clang-19 -O2): mul sil and imul sil,
# ax = al * sil, then seto; the low byte stored in the sandbox. The 8-bit
# one-operand multiply writes ah too (Csmith's safe_mul of int8_t).
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry mulo8
#| function mulo8 bound=0
#|   args int int
#|   result int
#| function smulo8 bound=0
#|   args int int
#|   result int
        .text
        .globl mulo8
        .type mulo8,@function
mulo8:
        mov     eax, edi
        xor     ecx, ecx
        mul     sil
        seto    cl
        mov     byte ptr [rip + g], al
        mov     eax, ecx
        ret
        .size mulo8, .-mulo8
        .globl smulo8
        .type smulo8,@function
smulo8:
        mov     eax, edi
        xor     ecx, ecx
        imul    sil
        seto    cl
        mov     byte ptr [rip + g], al
        mov     byte ptr [rip + g + 1], ah
        mov     eax, ecx
        ret
        .size smulo8, .-smulo8
        .bss
g:      .zero 2
