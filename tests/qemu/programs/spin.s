# ring 0: a runaway loop; its only way out is a fatal signal seen at a fuel point.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   block @loop: rsp=stack[0] saved
        .text
        .globl main
        .type main,@function
main:
loop:
        call __ktal_helper_fuel
        jmp loop
        .size main, .-main
