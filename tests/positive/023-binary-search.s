# Binary search in a sorted rodata table (clang-19 -O2): the loop is entered by
# a forward jmp into its middle, has two backward edges (to the head and to the
# block that narrows hi), and reads primes[mid] with mid = (lo + hi) / 2 in
# [0, 31] because lo < hi <= 32 at the head.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry find
#| function find bound=8
#|   args int
#|   result int
#|   block @narrow: rsp=stack[0] saved rax=int[0,31] rdx=rodata[0] rdi=int rsi=int[0,31]
#|   block @head: rsp=stack[0] saved rax=int[0,31] rcx=int[1,32] rdx=rodata[0] rdi=int
        .text
        .globl find
        .type find,@function
find:
        mov     ecx, 32
        xor     eax, eax
        lea     rdx, [rip + primes]
        jmp     head
narrow:
        mov     rcx, rsi
        cmp     rax, rcx
        jae     .LBB0_5
head:
        call    __ktal_helper_fuel
        lea     rsi, [rax + rcx]
        shr     rsi
        cmp     dword ptr [rdx + 4*rsi], edi
        jae     narrow
        inc     rsi
        mov     rax, rsi
        cmp     rax, rcx
        jb      head
.LBB0_5:
        ret
        .size find, .-find

        .section .rodata
        .p2align 2
primes: .long 2,3,5,7,11,13,17,19,23,29,31,37,41,43,47,53,59,61,67,71,73,79,83,89,97,101,103,107,109,113,127,131
