# attack: stosb without rep: a string op the allow-list only knows with a counted rep
# expect: memory.rep-count
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
        xor eax, eax
        stosb
        ret
        .size main, .-main
        .bss
buf: .zero 64
