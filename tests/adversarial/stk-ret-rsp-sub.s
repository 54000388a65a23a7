# attack: ret after sub rsp, 16: returns through an uninitialised stack slot
# expect: ret.rsp
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=16 bound=16
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 16
        ret
        .size main, .-main
