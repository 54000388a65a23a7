# ring 0: a runaway loop with an inline fuel point, as ktal-cc emits them: it
# calls the fuel helper only when the fuel word runs out, and the helper resets
# the word; its only way out is a fatal signal seen in the fuel helper.
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
        sub qword ptr [rip + __ktal_fuel_word], 1
        jns 1f
        call __ktal_helper_fuel
1:
        jmp loop
        .size main, .-main
