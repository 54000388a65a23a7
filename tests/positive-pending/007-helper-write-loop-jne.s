# PENDING: tests/positive/007-helper-write-loop.s exactly as clang-19 -O2 emits
# it: the loop exits on `cmp r12, r14; jne`. Safe: r14 counts from 0 and stops
# when it reaches r12 <= 10, so buf[r14] is in bounds. Rejected
# (cert.edge-state at the jne: r14 in [1,10], the head wants [0,9]) because
# refine() learns nothing from r14 != r12 where the state knows r14 <= r12 (a
# fact kept by inc from r14 <= r12 - 1); and the fact itself is not accepted
# on entry, where the intervals imply it (r14 = 0, r12 >= 1).
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry writer
#| function writer frame=40 bound=48
#|   args int
#|   result int
#|   block @loop: rsp=stack[-40] rbp=saved:rbp r13=saved:r13 [-32]=saved:rbx [-24]=saved:r12 [-16]=saved:r14 [-8]=saved:r15 r12=int[1,10] r14=int[0,9] r15=sandbox[0,4096] rbx=int r14<=r12-1
        .text
        .globl writer
        .type writer,@function
writer:
        push    r15
        push    r14
        push    r12
        push    rbx
        push    rax
        test    rdi, rdi
        jle     .LBB0_1
        dec     rdi
        cmp     rdi, 9
        mov     r12d, 9
        cmovb   r12, rdi
        inc     r12
        xor     r14d, r14d
        lea     r15, [rip + buf]
        xor     ebx, ebx
loop:
        call    __ktal_helper_fuel
        lea     eax, [r14 + 48]
        mov     byte ptr [r14 + r15], al
        inc     r14
        mov     edi, 1
        mov     rsi, r15
        mov     rdx, r14
        call    __ktal_helper_write
        add     rbx, rax
        cmp     r12, r14
        jne     loop
        jmp     .LBB0_2
.LBB0_1:
        xor     ebx, ebx
.LBB0_2:
        mov     rax, rbx
        add     rsp, 8
        pop     rbx
        pop     r12
        pop     r14
        pop     r15
        ret
        .size writer, .-writer

        .local  buf
        .comm   buf,64,16
