# attack: clear the fuel word inside a loop, so that its inline fuel point never calls the fuel helper (the word reads as rodata, past its end: readable, never writable)
# expect: memory.read-only
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
        mov qword ptr [rip + __ktal_fuel_word], 0
        cmp qword ptr [rip + __ktal_fuel_word], 0
        je 1f
        call __ktal_helper_fuel
1:
        jmp loop
        .size main, .-main
