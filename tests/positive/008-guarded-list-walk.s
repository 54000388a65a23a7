# A linked list in the sandbox. Every pointer loaded from memory is only an
# integer: the compiler's guard (offset from the sandbox base, unsigned compare
# against the size minus the 16 bytes read, trap) precedes the two loads, which
# go through base + checked offset. A fuel point heads the loop.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry run8
#| function walk bound=8
#|   args int
#|   result int
#|   block @walk_loop: rsp=stack[0] saved rax=int rcx=sandbox[0] rdi=int
#| function run8 frame=8 bound=24
#|   args int int
#|   result int
        .text
        .globl walk
        .type walk,@function
walk:
        xor     eax, eax
        test    rdi, rdi
        je      .Lwalk_done
        lea     rcx, [rip + __ktal_sandbox_start]
walk_loop:
        call    __ktal_helper_fuel
        mov     rdx, rdi
        sub     rdx, rcx
        cmp     rdx, offset __ktal_sandbox_size - 16
        ja      .Lwalk_trap
        add     rax, qword ptr [rcx + rdx + 8]
        mov     rdi, qword ptr [rcx + rdx]
        test    rdi, rdi
        jne     walk_loop
.Lwalk_done:
        ret
.Lwalk_trap:
        mov     edi, 1
        mov     rsi, rdx
        call    __ktal_helper_trap
        .size walk, .-walk
        .text
        .globl run8
        .type run8,@function
run8:
        call __ktal_helper_fuel
        push    rax
        lea     rax, [rip + nodes+16]
        mov     qword ptr [rip + nodes], rax
        lea     rax, [rip + nodes+32]
        mov     qword ptr [rip + nodes+16], rax
        lea     rax, [rip + nodes+48]
        mov     qword ptr [rip + nodes+32], rax
        mov     qword ptr [rip + nodes+48], 0
        mov     qword ptr [rip + nodes+8], rdi
        mov     qword ptr [rip + nodes+24], rsi
        lea     rdi, [rip + nodes]
        call    walk
        pop     rcx
        ret
        .size run8, .-run8

        .bss
        .p2align 4
nodes:  .zero   256
        .size   nodes, 256
