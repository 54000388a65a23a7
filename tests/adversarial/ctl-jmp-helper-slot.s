# attack: a tail jump into a helper slot (bypasses the call rule's argument and stack checks)
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
        jmp __ktal_helper_exit
        .size main, .-main
