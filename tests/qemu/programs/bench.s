# ring 0 vs user mode: CLOCK_MONOTONIC, then 200000 getpid calls, then
# CLOCK_MONOTONIC again; writes the two raw struct timespecs (32 bytes) to
# stdout for the test to subtract.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=16
#|   block @loop: rsp=stack[-8] rbp=saved:rbp r12=saved:r12 r13=saved:r13 r14=saved:r14 r15=saved:r15 [-8]=saved:rbx rbx=int
        .text
        .globl main
        .type main,@function
main:
        push rbx
        mov edi, 1                      # CLOCK_MONOTONIC
        lea rsi, [rip + ts]
        call __ktal_helper_clock_gettime
        mov ebx, 200000
loop:
        call __ktal_helper_fuel
        call __ktal_helper_getpid
        dec rbx
        jnz loop
        mov edi, 1
        lea rsi, [rip + ts + 16]
        call __ktal_helper_clock_gettime
        mov edi, 1
        lea rsi, [rip + ts]
        mov edx, 32
        call __ktal_helper_write
        xor edi, edi
        call __ktal_helper_exit
        .size main, .-main
        .bss
        .balign 8
ts:     .zero 32
