# Clamps with cmov (clang-19 -O2): an unsigned clamp to [0,79] before a table
# read, and a signed clamp on both sides whose result type int[0,79] is proven
# through the refinement inside each cmov.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry clamps
#| function clamp_read bound=0
#|   args int
#|   result int[0,255]
#| function clamp_s bound=0
#|   args int
#|   result int[0,79]
#| function clamps frame=24 bound=32
#|   args int int
#|   result int
        .text
        .globl clamp_read
        .type clamp_read,@function
clamp_read:
        cmp     rdi, 79
        mov     eax, 79
        cmovb   rax, rdi
        lea     rcx, [rip + ramp]
        movzx   eax, byte ptr [rax + rcx]
        ret
        .size clamp_read, .-clamp_read
        .text
        .globl clamp_s
        .type clamp_s,@function
clamp_s:
        cmp     rdi, 79
        mov     ecx, 79
        cmovl   rcx, rdi
        xor     eax, eax
        test    rcx, rcx
        cmovg   rax, rcx
        ret
        .size clamp_s, .-clamp_s
        .text
        .globl clamps
        .type clamps,@function
clamps:
        call __ktal_helper_fuel
        push    rbp
        push    rbx
        push    rax
        mov     rbx, rsi
        call    clamp_read
        mov     ebp, eax
        mov     rdi, rbx
        call    clamp_s
        lea     rcx, [rip + ramp]
        movzx   eax, byte ptr [rax + rcx]
        add     eax, ebp
        add     rsp, 8
        pop     rbx
        pop     rbp
        ret
        .size clamps, .-clamps

        .section .rodata
ramp:   .zero   80
