# attack: a jump into the int3 padding after the function
# expect: control.target-outside-function
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        jmp pad
        .size main, .-main
pad:
        int3
        int3
        int3
        int3
