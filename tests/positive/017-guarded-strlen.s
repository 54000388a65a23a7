# strlen over a string reached through a pointer loaded from memory: the
# guard checks each byte's offset from the sandbox base before the load through
# base + offset (clang-19 -O2 loop with the guard the compiler pass inserts),
# and a fuel point heads the loop.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry lenp
#| function my_strlen bound=8
#|   args int
#|   result int
#|   block @scan: rsp=stack[0] saved rax=int rcx=sandbox[0] rdi=int
#| function lenp frame=8 bound=24
#|   result int
        .text
        .globl my_strlen
        .type my_strlen,@function
my_strlen:
        lea     rcx, [rip + __ktal_sandbox_start]
        mov     rax, -1
scan:
        call    __ktal_helper_fuel
        lea     rdx, [rdi + rax + 1]
        sub     rdx, rcx
        cmp     rdx, offset __ktal_sandbox_size - 1
        ja      .Lstrlen_trap
        cmp     byte ptr [rcx + rdx], 0
        lea     rax, [rax + 1]
        jne     scan
        ret
.Lstrlen_trap:
        mov     edi, 1
        mov     rsi, rdx
        call    __ktal_helper_trap
        .size my_strlen, .-my_strlen
        .text
        .globl lenp
        .type lenp,@function
lenp:
        call __ktal_helper_fuel
        push    rax
        mov     rdi, qword ptr [rip + text_ptr]
        call    my_strlen
        pop     rcx
        ret
        .size lenp, .-lenp

        .data
        .p2align 4
text:   .asciz  "hello, ring zero"
        .zero   47
        .p2align 3
text_ptr:
        .quad   text
