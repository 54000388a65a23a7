# Bit manipulation as clang-19 -O2 emits it: a population count by shifts,
# masks and a multiply (movabs constants), a 32-bit byte swap, and bt/setb.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry bits
#| function pop bound=0
#|   args int
#|   result int[0,255]
#| function swap32 bound=0
#|   args int
#|   result u[0,4294967295]
#| function bit bound=0
#|   args int int
#|   result int[0,1]
#| function bits frame=24 bound=32
#|   args int
#|   result int
        .text
        .globl pop
        .type pop,@function
pop:
        mov     rax, rdi
        shr     rax
        movabs  rcx, 6148914691236517205
        and     rcx, rax
        sub     rdi, rcx
        movabs  rax, 3689348814741910323
        mov     rcx, rdi
        and     rcx, rax
        shr     rdi, 2
        and     rax, rdi
        add     rax, rcx
        mov     rcx, rax
        shr     rcx, 4
        add     rcx, rax
        movabs  rdx, 1085102592571150095
        and     rdx, rcx
        movabs  rax, 72340172838076673
        imul    rax, rdx
        shr     rax, 56
        ret
        .size pop, .-pop
        .text
        .globl swap32
        .type swap32,@function
swap32:
        mov     eax, edi
        bswap   eax
        ret
        .size swap32, .-swap32
        .text
        .globl bit
        .type bit,@function
bit:
        xor     eax, eax
        bt      rdi, rsi
        setb    al
        ret
        .size bit, .-bit
        .text
        .globl bits
        .type bits,@function
bits:
        call __ktal_helper_fuel
        push    r15
        push    r14
        push    rbx
        mov     rbx, rdi
        call    pop
        mov     r14, rax
        mov     edi, ebx
        call    swap32
        mov     r15d, eax
        add     r15, r14
        mov     rdi, rbx
        mov     esi, 7
        call    bit
        mov     eax, eax
        add     rax, r15
        pop     rbx
        pop     r14
        pop     r15
        ret
        .size bits, .-bits
