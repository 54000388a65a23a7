# attack: overwrite a helper slot (the loader's jump to the kernel helper)
# expect: memory.code-address
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov byte ptr [rip + __ktal_helper_exit], 0xc3
        ret
        .size main, .-main
