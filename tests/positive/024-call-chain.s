# A chain of calls in the certified call order: every non-leaf function keeps
# the stack aligned with push rax / pop rcx (the pushed value is never read),
# and each stack bound adds the callee's.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry chain
#| function l3 bound=0
#|   args int
#|   result int
#| function l2 frame=8 bound=16
#|   args int
#|   result int
#| function l1 frame=8 bound=32
#|   args int
#|   result int
#| function chain frame=24 bound=64
#|   args int
#|   result int
        .text
        .globl l3
        .type l3,@function
l3:
        lea     rax, [rdi + 3]
        ret
        .size l3, .-l3
        .text
        .globl l2
        .type l2,@function
l2:
        call __ktal_helper_fuel
        push    rax
        call    l3
        add     rax, rax
        pop     rcx
        ret
        .size l2, .-l2
        .text
        .globl l1
        .type l1,@function
l1:
        call __ktal_helper_fuel
        push    rax
        call    l2
        dec     rax
        pop     rcx
        ret
        .size l1, .-l1
        .text
        .globl chain
        .type chain,@function
chain:
        call __ktal_helper_fuel
        push    r14
        push    rbx
        push    rax
        mov     rbx, rdi
        call    l1
        mov     r14, rax
        inc     rbx
        mov     rdi, rbx
        call    l1
        add     rax, r14
        add     rsp, 8
        pop     rbx
        pop     r14
        ret
        .size chain, .-chain
