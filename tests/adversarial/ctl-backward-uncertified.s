# attack: a loop whose head is not a certified block, so its state is never checked
# expect: control.target-not-block
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        xor ecx, ecx
top:
        call __ktal_helper_fuel
        inc ecx
        cmp ecx, 10
        jb top
        ret
        .size main, .-main
