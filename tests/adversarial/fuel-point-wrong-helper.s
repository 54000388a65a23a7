# attack: the bytes of an inline fuel point whose call goes to another helper than fuel, so nothing resets the word or checks for signals: three instructions (decode), and the loop passes no fuel point
# expect: fuel.backward-jump
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
        call __ktal_helper_getpid
1:
        jmp loop
        .size main, .-main
