# attack: the fuel point runs before the loop, the call in the loop body: a loop head resets the count
# expect: fuel.call
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f bound=0 order=0
#| function main bound=8 order=1
#|   block @top: rsp=stack[0] saved
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
