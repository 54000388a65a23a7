# attack: rep movsb copying the program's own code into the sandbox
# expect: memory.code-address
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rdi, [rip + buf]
        lea rsi, [rip + main]
        mov ecx, 8
        rep movsb
        ret
        .size main, .-main
        .bss
buf: .zero 64
