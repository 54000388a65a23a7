# A rodata table read with an index bounded by a mask (crc_nibble) and by an
# unsigned compare (at), clang-19 -O2.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry crc_nibble
#| function crc_nibble bound=0
#|   args int int
#|   result int
#| function at bound=0
#|   args int
#|   result int[0,65535]
        .text
        .globl crc_nibble
        .type crc_nibble,@function
crc_nibble:
        xor     esi, edi
        shr     edi, 4
        and     esi, 15
        lea     rax, [rip + crc_tab]
        movzx   eax, word ptr [rax + 2*rsi]
        xor     eax, edi
        ret
        .size crc_nibble, .-crc_nibble
        .text
        .globl at
        .type at,@function
at:
        xor     eax, eax
        cmp     rdi, 15
        ja      .LBB1_2
        lea     rax, [rip + crc_tab]
        movzx   eax, word ptr [rax + 2*rdi]
.LBB1_2:
        ret
        .size at, .-at

        .section .rodata
        .p2align 1
crc_tab:
        .short 0x0000,0x1081,0x2102,0x3183,0x4204,0x5285,0x6306,0x7387
        .short 0x8408,0x9489,0xa50a,0xb58b,0xc60c,0xd68d,0xe70e,0xf78f
