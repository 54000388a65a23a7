# attack: a stack bound 8 bytes above the 4096-byte budget
# expect: stack.budget
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=4104 bound=4104
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 4104
        mov qword ptr [rsp], 0
        add rsp, 4104
        ret
        .size main, .-main
