# attack: no loop, but each function calls the next twice: 2^depth calls that no fuel point can interrupt
# expect: fuel.call
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f0 bound=0 order=0
#| function f1 bound=8 order=1
#| function main bound=16 order=2
        .text
        .type f0,@function
f0:
        ret
        .size f0, .-f0
        .type f1,@function
f1:
        call f0
        call f0
        ret
        .size f1, .-f1
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        call f1
        call f1
        ret
        .size main, .-main
