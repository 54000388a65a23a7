# ring 0: increments a byte of initialised data ('A') and writes it: every run
# starts from the pristine data, so every run prints "B".
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        lea rsi, [rip + counter]
        inc byte ptr [rsi]
        mov edi, 1
        mov edx, 2
        call __ktal_helper_write
        xor edi, edi
        call __ktal_helper_exit
        .size main, .-main
        .data
counter: .ascii "A\n"
