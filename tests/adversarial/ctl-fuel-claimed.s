# attack: the loop head's certificate claims a fuel point already ran, so the body needs none
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   block @top: rsp=stack[0] saved fuel
        .text
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
top:
        jmp top
        .size main, .-main
