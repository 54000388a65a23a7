# attack: hide a syscall after ret, where the type checker never goes
# expect: encoding.forbidden-opcode
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        syscall
        ret
        .size main, .-main
