# attack: the certificate claims a fuel point passed at a loop head, so the body could call without one
# expect: cert.edge-state
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#| function main bound=8 order=1
#|   block @top: rsp=stack[0] saved fuel
        .text
        .type f,@function
f:
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
top:
        call f
        call __ktal_helper_fuel
        jmp top
        .size main, .-main
