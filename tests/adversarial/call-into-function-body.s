# attack: a call into the middle of another certified function, skipping its prologue
# expect: call.target
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f frame=8 bound=8 order=0
#| function main bound=16 order=1
        .text
        .type f,@function
f:
        push rbx
        pop rbx
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call f + 1
        ret
        .size main, .-main
