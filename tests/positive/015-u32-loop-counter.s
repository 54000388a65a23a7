# A loop with a 32-bit counter kept in r14d and a 32-bit trip count in ebx
# (clang-19 -O2: inc r14d; cmp ebx, r14d; jne), calling a function each
# iteration; a fuel point heads the loop.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry count32
#| function mix bound=0
#|   args int
#|   result int
#| function count32 frame=24 bound=32
#|   args int
#|   result int
#|   block @loop: rsp=stack[-24] r12=saved:r12 r13=saved:r13 r15=saved:r15 [-24]=saved:rbx [-16]=saved:r14 [-8]=saved:rbp rbx=u[0,4294967295] r14=u[0,4294967295] rbp=u[0,4294967295]
        .text
        .globl mix
        .type mix,@function
mix:
        imul    eax, edi, -1640531535
        shr     eax, 7
        ret
        .size mix, .-mix
        .text
        .globl count32
        .type count32,@function
count32:
        push    rbp
        push    r14
        push    rbx
        test    edi, edi
        je      .LBB1_1
        mov     ebx, edi
        xor     r14d, r14d
        xor     ebp, ebp
loop:
        call    __ktal_helper_fuel
        mov     edi, r14d
        call    mix
        xor     ebp, eax
        inc     r14d
        cmp     ebx, r14d
        jne     loop
        jmp     .LBB1_2
.LBB1_1:
        xor     ebp, ebp
.LBB1_2:
        mov     eax, ebp
        pop     rbx
        pop     r14
        pop     rbp
        ret
        .size count32, .-count32
