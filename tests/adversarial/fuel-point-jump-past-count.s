# attack: a loop that jumps back to the call inside an inline fuel point, past its test of the fuel word, so the certificate's loop head would sit inside it
# expect: cert.block-mid-instruction
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   block @call: rsp=stack[0] saved
        .text
        .globl main
        .type main,@function
main:
        cmp qword ptr [rip + __ktal_fuel_word], 0
        je 1f
call:
        call __ktal_helper_fuel
1:
        jmp call
        .size main, .-main
