# Many values live across calls (clang-19 -O2): the full callee-saved prologue
# and epilogue, 8-byte spills and reloads, and 4-byte "folded reloads" (movsxd
# of the low half of an 8-byte slot).
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry keep
#| function g bound=0
#|   args int
#|   result int
#| function keep frame=104 bound=112
#|   args int int int int int int
#|   result int
        .text
        .globl g
        .type g,@function
g:
        lea     rax, [rdi + 2*rdi]
        inc     rax
        ret
        .size g, .-g
        .text
        .globl keep
        .type keep,@function
keep:
        call __ktal_helper_fuel
        push    rbp
        push    r15
        push    r14
        push    r13
        push    r12
        push    rbx
        sub     rsp, 56
        mov     qword ptr [rsp], r9             # 8-byte Spill
        mov     rbx, r8
        mov     r15, rcx
        mov     qword ptr [rsp + 40], rcx       # 8-byte Spill
        mov     r14, rdx
        mov     r13, rsi
        mov     qword ptr [rsp + 48], rdi       # 8-byte Spill
        call    g
        mov     qword ptr [rsp + 32], rax       # 8-byte Spill
        mov     rdi, r13
        call    g
        mov     r12, rax
        mov     rdi, r14
        call    g
        mov     rbp, rax
        mov     rdi, r15
        call    g
        mov     qword ptr [rsp + 24], rax       # 8-byte Spill
        mov     rdi, rbx
        call    g
        mov     qword ptr [rsp + 16], rax       # 8-byte Spill
        mov     rdi, qword ptr [rsp]            # 8-byte Reload
        call    g
        mov     qword ptr [rsp + 8], rax        # 8-byte Spill
        mov     rdi, r12
        mov     r15, qword ptr [rsp + 32]       # 8-byte Reload
        xor     rdi, r15
        call    g
        movsxd  rcx, dword ptr [rsp + 24]       # 4-byte Folded Reload
        movsxd  rdx, dword ptr [rsp + 16]       # 4-byte Folded Reload
        movsxd  rsi, dword ptr [rsp + 8]        # 4-byte Folded Reload
        add     r13, qword ptr [rsp + 48]       # 8-byte Folded Reload
        add     r14, qword ptr [rsp + 40]       # 8-byte Folded Reload
        add     r14, r13
        add     rbx, qword ptr [rsp]            # 8-byte Folded Reload
        add     rbx, r15
        add     rbx, r14
        add     rbp, r12
        add     rbp, rcx
        add     rbp, rbx
        add     rax, rdx
        add     rax, rbp
        add     rax, rsi
        add     rsp, 56
        pop     rbx
        pop     r12
        pop     r13
        pop     r14
        pop     r15
        pop     rbp
        ret
        .size keep, .-keep
