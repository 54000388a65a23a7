# attack: overwrite the low byte of the return address to return elsewhere in the kernel
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
        mov byte ptr [rsp], 0
        ret
        .size main, .-main
