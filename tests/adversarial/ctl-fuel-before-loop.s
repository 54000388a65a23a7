# attack: the only fuel point runs before the loop, not in it: the loop can spin forever
# expect: fuel.backward-jump
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   block @top: rsp=stack[0] saved
        .text
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
top:
        jmp top
        .size main, .-main
