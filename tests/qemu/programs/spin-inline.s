# ring 0: a runaway loop with an inline fuel point, as ktal-cc emits them: it
# calls the fuel helper only when ktal.ko's timer has set the fuel word, and
# the helper clears it; its only way out is a fatal signal seen in the helper.
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
        cmp qword ptr [rip + __ktal_fuel_word], 0
        je 1f
        call __ktal_helper_fuel
1:
        jmp loop
        .size main, .-main
