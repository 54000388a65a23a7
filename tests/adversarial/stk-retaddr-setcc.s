# attack: write a flag into the return address (setcc to [rsp])
# expect: stack.return-address
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        xor eax, eax
        sete byte ptr [rsp + 1]
        ret
        .size main, .-main
