# attack: the exit path of a loop's conditional back edge falls off the end
# expect: control.fall-through
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
#|   block @top: rsp=stack[0] saved rcx=int[1,10]
        .text
        .globl main
        .type main,@function
main:
        mov ecx, 10
top:
        call __ktal_helper_fuel
        dec ecx
        jne top
        .size main, .-main
