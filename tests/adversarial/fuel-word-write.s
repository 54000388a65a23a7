# attack: set the fuel word back to its maximum inside a loop, so that its inline fuel point never calls the fuel helper (the word reads as rodata, past its end: readable, never writable)
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
        mov qword ptr [rip + __ktal_fuel_word], 100
        sub qword ptr [rip + __ktal_fuel_word], 1
        jns 1f
        call __ktal_helper_fuel
1:
        jmp loop
        .size main, .-main
