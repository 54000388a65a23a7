# Divisions with the compiler's guards: a zero divisor traps (test + je trap),
# -1 takes its own branch (x / -1 = -x, x % -1 = 0) so idiv never faults; cqo
# prepares the signed division, xor edx, edx the unsigned one. clang-19 -O2 code
# with ud2 replaced by the trap helper.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry divs
#| function sdiv bound=8
#|   args int int
#|   result int
#| function srem bound=8
#|   args int int
#|   result int
#| function udiv bound=8
#|   args int int
#|   result int
#| function divs bound=8
#|   args int int
#|   result int
        .text
        .globl sdiv
        .type sdiv,@function
sdiv:
        mov     rax, rdi
        cmp     rsi, -1
        je      .LBB0_3
        test    rsi, rsi
        je      .LBB0_2
        cqo
        idiv    rsi
        ret
.LBB0_3:
        neg     rax
        ret
.LBB0_2:
        mov     edi, 2
        xor     esi, esi
        call    __ktal_helper_trap
        .size sdiv, .-sdiv
        .text
        .globl srem
        .type srem,@function
srem:
        cmp     rsi, -1
        je      .LBB1_1
        test    rsi, rsi
        je      .LBB1_5
        mov     rax, rdi
        cqo
        idiv    rsi
        mov     rax, rdx
        ret
.LBB1_1:
        xor     eax, eax
        ret
.LBB1_5:
        mov     edi, 2
        xor     esi, esi
        call    __ktal_helper_trap
        .size srem, .-srem
        .text
        .globl udiv
        .type udiv,@function
udiv:
        test    rsi, rsi
        je      .LBB2_1
        mov     rax, rdi
        xor     edx, edx
        div     rsi
        ret
.LBB2_1:
        mov     edi, 2
        xor     esi, esi
        call    __ktal_helper_trap
        .size udiv, .-udiv
        .text
        .globl divs
        .type divs,@function
divs:
        cmp     rsi, -1
        je      .LBB3_3
        test    rsi, rsi
        je      .LBB3_2
        mov     rax, rdi
        cqo
        idiv    rsi
        mov     rcx, rax
        jmp     .LBB3_5
.LBB3_3:
        mov     rcx, rdi
        neg     rcx
        xor     edx, edx
.LBB3_5:
        add     rcx, rdx
        mov     rax, rdi
        xor     edx, edx
        div     rsi
        add     rax, rcx
        ret
.LBB3_2:
        mov     edi, 2
        xor     esi, esi
        call    __ktal_helper_trap
        .size divs, .-divs
