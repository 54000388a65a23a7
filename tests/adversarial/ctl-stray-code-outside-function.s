# attack: an instruction after the function's end, outside every certified function
# expect: text.padding
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
        mov eax, 1
        ret
