# Comparisons as values (clang-19 -O2): setcc into the low byte of a zeroed
# register, setcc into registers that held nothing and combined with and, and
# sete after the caller's calls; cdqe at the end.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry bools
#| function cmp3 bound=0
#|   args int int
#|   result int
#| function in_range bound=0
#|   args int int int
#|   result int[0,255]
#| function bools frame=24 bound=32
#|   args int int
#|   result int
        .text
        .globl cmp3
        .type cmp3,@function
cmp3:
        xor     eax, eax
        xor     ecx, ecx
        cmp     rdi, rsi
        setg    al
        setl    cl
        sub     eax, ecx
        ret
        .size cmp3, .-cmp3
        .text
        .globl in_range
        .type in_range,@function
in_range:
        cmp     rdi, rsi
        setae   al
        cmp     rdi, rdx
        setbe   cl
        and     cl, al
        movzx   eax, cl
        ret
        .size in_range, .-in_range
        .text
        .globl bools
        .type bools,@function
bools:
        call __ktal_helper_fuel
        push    rbp
        push    r14
        push    rbx
        mov     rbx, rsi
        mov     r14, rdi
        call    cmp3
        mov     ebp, eax
        mov     esi, 10
        mov     edx, 20
        mov     rdi, r14
        call    in_range
        xor     ecx, ecx
        cmp     r14, rbx
        sete    cl
        add     ecx, ebp
        lea     eax, [rcx + 4*rax]
        cdqe
        pop     rbx
        pop     r14
        pop     rbp
        ret
        .size bools, .-bools
