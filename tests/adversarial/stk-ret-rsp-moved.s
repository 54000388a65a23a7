# attack: ret with a value pushed on top of the return address: it returns to an address the program chose
# expect: ret.rsp
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
        .text
        .globl main
        .type main,@function
main:
        mov eax, 0x1000
        push rax
        ret
        .size main, .-main
