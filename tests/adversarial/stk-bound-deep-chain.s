# attack: a three-deep call chain whose middle function under-states its bound
# expect: stack.bound
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f frame=64 bound=64 order=0
#| function g bound=64 order=1
#| function main bound=200 order=2
        .text
        .type f,@function
f:
        sub rsp, 64
        mov qword ptr [rsp], 0
        add rsp, 64
        ret
        .size f, .-f
        .type g,@function
g:
        call __ktal_helper_fuel
        call f
        ret
        .size g, .-g
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        call g
        ret
        .size main, .-main
