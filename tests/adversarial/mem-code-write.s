# attack: self-modifying code: a RIP-relative store into the text
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
        mov byte ptr [rip + main], 0xc3
        ret
        .size main, .-main
