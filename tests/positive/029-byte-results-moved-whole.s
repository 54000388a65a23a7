# Byte results carried in whole registers (clang-19 -O2, corpus kmp's
# unrolled line count): sete into registers whose upper bytes are stale,
# copied on with a 32-bit mov (stale bytes 1..3 go along), the written byte
# taken back into a zeroed register and summed; sete into a byte cell of an
# unwritten slot, reloaded with movzx; arithmetic and a shift on the partly
# written copy keep its low bytes. Only written bytes are ever read as data,
# so the sum may be stored in the sandbox.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry bytes
#| function bytes frame=24 bound=32
#|   args int int
#|   result int
        .text
        .globl bytes
        .type bytes,@function
bytes:
        sub     rsp, 24
        cmp     rdi, 10
        sete    r11b
        cmp     rsi, 10
        sete    byte ptr [rsp + 15]
        setl    r9b
        mov     byte ptr [rsp + 8], r9b
        mov     r10d, r11d
        xor     r11d, r11d
        mov     r11b, r10b
        add     rdi, r11
        add     r10d, 3
        shl     r10, 8
        movzx   r8d, r10w
        add     rdi, r8
        movzx   eax, byte ptr [rsp + 15]
        xor     ecx, ecx
        mov     cl, al
        add     rcx, rdi
        movzx   edx, byte ptr [rsp + 8]
        lea     rax, [rcx + rdx]
        mov     qword ptr [rip + buf], rax
        add     rsp, 24
        ret
        .size bytes, .-bytes
        .bss
buf:    .zero 16
