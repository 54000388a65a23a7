# attack: an endless loop with no fuel point holds the CPU forever
# expect: fuel.backward-jump
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @spin: rsp=stack[0] saved
        .text
        .globl main
        .type main,@function
main:
spin:
        jmp spin
        .size main, .-main
