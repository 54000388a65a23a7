# Several helpers in a row (clang-19 -O2): results kept in callee-saved
# registers across the next calls, bytes stored into a sandbox buffer, and
# write() given the buffer's address.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry ids
#| function ids frame=24 bound=32
#|   result int
        .text
        .globl ids
        .type ids,@function
ids:
        push    r15
        push    r14
        push    rbx
        call    __ktal_helper_getpid
        mov     rbx, rax
        call    __ktal_helper_gettid
        mov     r14, rax
        call    __ktal_helper_getuid
        mov     r15, rax
        mov     eax, ebx
        and     al, 7
        or      al, 48
        mov     byte ptr [rip + line], al
        lea     rsi, [rip + line]
        mov     eax, r14d
        and     al, 7
        or      al, 48
        mov     byte ptr [rip + line+1], al
        mov     eax, r15d
        and     al, 7
        or      al, 48
        mov     byte ptr [rip + line+2], al
        mov     byte ptr [rip + line+3], 10
        mov     edi, 1
        mov     edx, 4
        call    __ktal_helper_write
        add     r14, rbx
        add     r14, r15
        add     rax, r14
        pop     rbx
        pop     r14
        pop     r15
        ret
        .size ids, .-ids

        .local  line
        .comm   line,32,16
