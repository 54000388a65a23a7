# ring 0: identity, time, randomness, and helpers that must fail. Writes
# eight 8-byte results: getuid(), getpid() - gettid(), clock_gettime(MONOTONIC)
# result, gettimeofday result, getrandom(16) result, nanosleep(0) result,
# write(1, address 4096, 1) (-EFAULT), clock_gettime into rodata (-EFAULT).
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=16
        .text
        .globl main
        .type main,@function
main:
        push rbx
        call __ktal_helper_getuid
        mov qword ptr [rip + res], rax
        call __ktal_helper_getpid
        mov rbx, rax
        call __ktal_helper_gettid
        sub rbx, rax
        mov qword ptr [rip + res + 8], rbx
        mov edi, 1
        lea rsi, [rip + ts]
        call __ktal_helper_clock_gettime
        mov qword ptr [rip + res + 16], rax
        lea rdi, [rip + ts]
        xor esi, esi
        call __ktal_helper_gettimeofday
        mov qword ptr [rip + res + 24], rax
        lea rdi, [rip + rnd]
        mov esi, 16
        xor edx, edx
        call __ktal_helper_getrandom
        mov qword ptr [rip + res + 32], rax
        lea rdi, [rip + zero]
        xor esi, esi
        call __ktal_helper_nanosleep
        mov qword ptr [rip + res + 40], rax
        mov edi, 1
        mov esi, 4096
        mov edx, 1
        call __ktal_helper_write
        mov qword ptr [rip + res + 48], rax
        mov edi, 1
        lea rsi, [rip + zero]
        call __ktal_helper_clock_gettime
        mov qword ptr [rip + res + 56], rax
        mov edi, 1
        lea rsi, [rip + res]
        mov edx, 64
        call __ktal_helper_write
        xor edi, edi
        call __ktal_helper_exit
        .size main, .-main
        .section .rodata
        .balign 8
zero:   .quad 0, 0
        .bss
        .balign 8
res:    .zero 64
ts:     .zero 16
rnd:    .zero 16
