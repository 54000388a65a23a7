# attack: certify the entry function with a stack bound of 8 KiB, above the 4 KiB budget
# expect: stack.budget
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8192 bound=8192
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 8192
        mov qword ptr [rsp], 0
        add rsp, 8192
        ret
        .size main, .-main
