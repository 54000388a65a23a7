# attack: a call into the middle of a helper slot (the loader's jump there is cut in half)
# expect: call.target
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        call __ktal_helper_write + 4
        ret
        .size main, .-main
