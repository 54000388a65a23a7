# Calls between functions with certified argument types: lookup() indexes a
# 64-byte rodata table with its argument, certified int[0,63]; each caller
# proves the range (and with a mask, a constant).
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry entry6
#| function lookup bound=0
#|   args int[0,63]
#|   result int[0,255]
#| function entry6 frame=24 bound=32
#|   args int int
#|   result int
        .text
        .globl lookup
        .type lookup,@function
lookup:
        lea     rax, [rip + table]
        movzx   eax, byte ptr [rdi + rax]
        ret
        .size lookup, .-lookup
        .text
        .globl entry6
        .type entry6,@function
entry6:
        call __ktal_helper_fuel
        push    rbp
        push    rbx
        push    rax
        mov     rbx, rsi
        and     edi, 63
        call    lookup
        mov     ebp, eax
        and     ebx, 63
        mov     rdi, rbx
        call    lookup
        mov     ebx, eax
        add     ebx, ebp
        mov     edi, 17
        call    lookup
        add     eax, ebx
        add     rsp, 8
        pop     rbx
        pop     rbp
        ret
        .size entry6, .-entry6

        .section .rodata
table:  .byte 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32
        .byte 33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64
