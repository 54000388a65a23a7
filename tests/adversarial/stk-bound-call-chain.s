# attack: main's bound covers its own frame but not the callee's: the chain exceeds it
# expect: stack.bound
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function f frame=16 bound=16 order=0
#| function main frame=8 bound=24 order=1
        .text
        .type f,@function
f:
        push rbx
        push rbp
        pop rbp
        pop rbx
        ret
        .size f, .-f
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        push rbx
        call f
        pop rbx
        ret
        .size main, .-main
